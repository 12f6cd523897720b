"""The setup wizard end to end: a district install is created, the recovery key is shown once,
saving it writes a private file, and finishing opens the main window."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest
from gui_support import GUI_ADMIN, GUI_PASSPHRASE
from PySide6.QtWidgets import QWizard

from tipdesk.core.codes import InstallRole
from tipdesk.store.keys import parse_recovery_key
from tipdesk.ui.app import AppController
from tipdesk.ui.main_window import MainWindow
from tipdesk.ui.pages.setup.wizard import OFFICE, OPTIONS, RECOVERY, USER, SetupWizard
from tipdesk.ui.widgets import files


def _wizard(controller: AppController) -> SetupWizard:
    window = controller.start()
    assert isinstance(window, SetupWizard)
    return window


def _fill_user(wizard: SetupWizard, passphrase: str = GUI_PASSPHRASE) -> None:
    page = wizard.user_page
    page.user_edit.setText(GUI_ADMIN)
    page.passphrase.passphrase_edit.setText(passphrase)
    page.passphrase.confirm_edit.setText(passphrase)


def test_the_wizard_creates_a_district_install(
    controller: AppController, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = controller.config.paths
    assert not paths.home.exists()
    wizard = _wizard(controller)
    qtbot.waitExposed(wizard)
    assert wizard.intro.district_radio.isChecked()
    wizard.next()
    assert wizard.currentId() == OFFICE
    page = wizard.office_page
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()  # no district yet
    qtbot.keyClicks(page.district.lineEdit(), "Lahore")
    assert page.district.district_code() == "PB-LHR"
    # The office list offers the district's FIA circle; a listed office is given by its code.
    assert page.office.office() == "FIA-AHTC-LHR"
    assert next_button.isEnabled()
    wizard.next()
    assert wizard.currentId() == USER

    # A weak passphrase is refused with the reasons, a mismatch too.
    user_page = wizard.user_page
    user_page.user_edit.setText(GUI_ADMIN)
    user_page.passphrase.passphrase_edit.setText("password12")
    assert not user_page.isComplete()
    assert "common word" in user_page.passphrase.problems_label.text()
    assert user_page.passphrase.strength_label.text() == "Too weak"
    user_page.passphrase.passphrase_edit.setText(GUI_PASSPHRASE)
    user_page.passphrase.confirm_edit.setText(GUI_PASSPHRASE + "x")
    assert not user_page.isComplete()
    assert "differ" in user_page.passphrase.problems_label.text()
    user_page.passphrase.confirm_edit.setText(GUI_PASSPHRASE)
    assert user_page.isComplete()
    assert user_page.passphrase.strength_label.text() == "Strong"
    wizard.next()
    assert wizard.currentId() == OPTIONS
    assert not paths.keyfile.exists()  # nothing written before Create
    # Enrolment needs the sync services, which are there: the control can be used.
    options = wizard.options_page
    assert options.enrol_button.isEnabled()
    assert "Lahore" in options.summary.text()

    wizard.next()  # Create
    qtbot.waitUntil(lambda: wizard.currentId() == RECOVERY)
    assert paths.keyfile.exists() and paths.database.exists()
    key = wizard.recovery_page.key_label.text().replace("\n", "")
    assert parse_recovery_key(key)  # a real recovery key is shown
    assert wizard.recovery_key == key
    assert wizard.user_page.passphrase.passphrase() == ""  # wiped once used
    assert wizard.recovery_page.print_button.isEnabled()  # print is offered (not run here)

    # Save to file: atomic, private, with the warning.
    target = tmp_path / "usb" / "recovery.txt"
    target.parent.mkdir()
    monkeypatch.setattr(files, "ask_save_file", lambda *_a: target)
    assert wizard.recovery_page.save_to_file() == target
    text = target.read_text(encoding="utf-8")
    assert key in text and "Anyone who holds this key" in text
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "sensitive" in wizard.recovery_page.saved.text()

    # The key must be acknowledged; closing the wizard now does not lose it.
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    wizard.reject()
    assert wizard.isVisible()
    wizard.recovery_page.confirm_check.setChecked(True)
    assert finish.isEnabled()
    finish.click()
    window = controller.main_window
    assert isinstance(window, MainWindow)
    assert window.ctx.identity.user == GUI_ADMIN
    assert window.ctx.identity.install.role is InstallRole.DISTRICT
    assert window.ctx.identity.install.office == "FIA-AHTC-LHR"
    assert window.office_label.text().startswith("FIA Anti-Human Trafficking Circle, Lahore")


def test_an_hq_install_skips_the_office_page_and_can_add_demo_data(
    controller: AppController, qtbot: Any
) -> None:
    wizard = _wizard(controller)
    wizard.intro.hq_radio.setChecked(True)
    wizard.next()
    assert wizard.currentId() == USER
    _fill_user(wizard)
    wizard.next()
    assert not wizard.options_page.enrol_row.isVisibleTo(wizard)  # districts only
    wizard.options_page.demo_check.setChecked(True)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == RECOVERY)
    wizard.recovery_page.confirm_check.setChecked(True)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    window = controller.main_window
    assert isinstance(window, MainWindow)
    assert window.ctx.identity.install.role is InstallRole.HQ
    dashboard = window.page("dashboard")
    assert dashboard.figures is not None
    assert dashboard.figures.record_counts["case"] == controller.config.demo_cases


def test_a_refused_creation_keeps_the_wizard_open_with_the_reason(
    controller: AppController, qtbot: Any
) -> None:
    wizard = _wizard(controller)
    wizard.next()
    wizard.office_page.district.set_district("Lahore")
    wizard.next()
    _fill_user(wizard)
    wizard.next()
    # Someone set up a store in the same folder meanwhile.
    controller.config.paths.home.mkdir(parents=True)
    controller.config.paths.keyfile.write_text("{}", encoding="utf-8")
    wizard.next()
    assert wizard.currentId() == OPTIONS
    assert "already exists" in wizard.options_page.message.text()
    assert wizard.signed is None


def test_a_district_enrols_with_hqs_file(
    controller: AppController, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gui_support import GUI_KDF

    from tipdesk.paths import Paths
    from tipdesk.services import sync
    from tipdesk.services.session import init_install

    hq, _key = init_install(
        Paths(tmp_path / "hq"), role=InstallRole.HQ, user="hq.admin", passphrase=GUI_PASSPHRASE,
        clock=controller.config.clock, kdf=GUI_KDF,
    )  # fmt: skip
    try:
        enrolment = tmp_path / "hq-enrolment"
        found = sync.export_enrolment(hq, enrolment)
    finally:
        hq.close()
    wizard = _wizard(controller)
    wizard.next()
    wizard.office_page.district.set_district("Lahore")
    wizard.next()
    _fill_user(wizard)
    wizard.next()
    page = wizard.options_page
    assert page.enrol_button.isEnabled()
    # A file that is not an enrolment file is refused with the reason.
    junk = tmp_path / "junk.txt"
    junk.write_text("not an enrolment file", encoding="utf-8")
    monkeypatch.setattr(files, "ask_open_file", lambda *_a: junk)
    page.enrol_button.click()
    assert page.enrol_edit.text() == ""
    assert page.message.isVisible() and page.message.text()
    monkeypatch.setattr(files, "ask_open_file", lambda *_a: enrolment)
    page.enrol_button.click()
    assert page.enrol_edit.text() == str(enrolment)
    assert found.hq.fingerprint in page.enrol_note.text()
    wizard.next()  # Create
    qtbot.waitUntil(lambda: wizard.currentId() == RECOVERY)
    statuses: list[Any] = []
    controller.runner.submit(sync.status, statuses.append)
    assert statuses and statuses[0].enrolled is True
