"""The set-up wizard's database choice for an HQ (issue 20): a PostgreSQL server reached
through the test cluster's Unix socket is linked as `tipdesk init --role hq --database URL`
links it; a URL HQ must not use is refused with the reason before anything is created."""

from __future__ import annotations

from typing import Any

import psycopg
from gui_support import GUI_ADMIN, GUI_PASSPHRASE
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from tipdesk.core.languages import Language
from tipdesk.ui.app import AppController
from tipdesk.ui.language import apply_language
from tipdesk.ui.pages.setup.wizard import OPTIONS, RECOVERY, SetupWizard


def _to_options(controller: AppController) -> SetupWizard:
    wizard = controller.start()
    assert isinstance(wizard, SetupWizard)
    return _hq_options_page(wizard)


def _hq_options_page(wizard: SetupWizard) -> SetupWizard:
    """``wizard`` taken as an HQ through its user page to the options page."""
    wizard.intro.hq_radio.setChecked(True)
    wizard.next()
    page = wizard.user_page
    page.user_edit.setText(GUI_ADMIN)
    page.passphrase.passphrase_edit.setText(GUI_PASSPHRASE)
    page.passphrase.confirm_edit.setText(GUI_PASSPHRASE)
    wizard.next()
    assert wizard.currentId() == OPTIONS
    return wizard


def _linked(pg_url: str) -> bool:
    with psycopg.connect(pg_url) as conn:
        if conn.execute("SELECT to_regclass('settings')").fetchone() == (None,):
            return False
        row = conn.execute(
            "SELECT count(*) FROM settings WHERE key = 'identity_index_fingerprint'"
        ).fetchone()
        return row == (1,)


def test_an_hq_set_up_with_a_postgresql_server_is_linked_to_it(
    controller: AppController, qtbot: Any, pg_url: str
) -> None:
    wizard = _to_options(controller)
    choice = wizard.options_page.database
    assert choice.isVisibleTo(wizard) and choice.local_radio.isChecked()
    assert not choice.server_box.isEnabled()
    choice.server_radio.setChecked(True)
    assert choice.server_box.isEnabled()
    choice.url_edit.setText(pg_url)
    wizard.options_page.initializePage()
    assert "PostgreSQL" in wizard.options_page.summary.text()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == RECOVERY, timeout=20000)
    qtbot.waitUntil(lambda: _linked(pg_url), timeout=20000)
    wizard.recovery_page.confirm_check.setChecked(True)
    wizard.button(QWizard.WizardButton.FinishButton).click()


def test_a_network_url_without_a_ca_is_refused_before_anything_is_created(
    controller: AppController, qtbot: Any
) -> None:
    wizard = _to_options(controller)
    choice = wizard.options_page.database
    choice.server_radio.setChecked(True)
    choice.url_edit.setText("postgresql://tipdesk_hq@db.example/tipdesk?sslmode=verify-full")
    wizard.next()
    qtbot.waitUntil(lambda: "CA certificate" in wizard.options_page.message.text())
    assert wizard.currentId() == OPTIONS
    assert wizard.signed is None
    assert not controller.config.paths.keyfile.exists()
    choice.url_edit.setText("")
    wizard.next()
    qtbot.waitUntil(lambda: "URL" in wizard.options_page.message.text())
    assert wizard.signed is None


def test_a_district_is_not_offered_the_database_choice(
    controller: AppController, qtbot: Any
) -> None:
    wizard = controller.start()
    assert isinstance(wizard, SetupWizard)
    wizard.next()
    wizard.office_page.district.set_district("Lahore")
    wizard.next()
    page = wizard.user_page
    page.user_edit.setText(GUI_ADMIN)
    page.passphrase.passphrase_edit.setText(GUI_PASSPHRASE)
    page.passphrase.confirm_edit.setText(GUI_PASSPHRASE)
    wizard.next()
    assert not wizard.options_page.database.isVisibleTo(wizard)


def test_the_server_fields_never_squeeze_the_wizard_buttons(
    controller: AppController, qtbot: Any
) -> None:
    """The server's fields make the page taller; QWizard's own layout used to take that height
    from its buttons, cutting their labels (Nastaliq needs the full height)."""
    english = controller.start()
    assert isinstance(english, SetupWizard)
    english.intro.language.setCurrentIndex(1)  # اردو: the wizard is shown again in Urdu
    english.intro.language.activated.emit(1)
    try:
        wizard = controller.start_window
        assert isinstance(wizard, SetupWizard) and wizard is not english
        _squeeze_check(wizard, qtbot)
    finally:
        apply_language(QApplication.instance(), Language.ENGLISH)  # type: ignore[arg-type]


def _squeeze_check(wizard: SetupWizard, qtbot: Any) -> None:
    _hq_options_page(wizard)
    choice = wizard.options_page.database
    choice.server_radio.setChecked(True)
    wizard.options_page.initializePage()
    wizard.resize(wizard.width(), wizard.minimumSize().height())
    qtbot.wait(50)
    for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CommitButton):
        nav = wizard.button(which)
        assert nav.height() >= nav.sizeHint().height()
    # Addresses and paths read left to right in either language.
    assert choice.url_edit.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert choice.ca_edit.layoutDirection() == Qt.LayoutDirection.LeftToRight
