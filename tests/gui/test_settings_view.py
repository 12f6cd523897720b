"""The settings screen: the idle-lock time, offices, backup with progress, demo data for an
empty store (with cancel), restore replacing the store, and the install's details."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from gui_support import GUI_ADMIN, GUI_PASSPHRASE, sign_in
from PySide6.QtWidgets import QMessageBox

from tipdesk.services import demo
from tipdesk.services.backup import restore as service_restore
from tipdesk.services.session import Session
from tipdesk.ui.app import AppController
from tipdesk.ui.main_window import MainWindow
from tipdesk.ui.pages.settings import page as settings_view
from tipdesk.ui.pages.settings.page import SettingsView
from tipdesk.ui.runner import Progress
from tipdesk.ui.widgets import files


def _settings(window: MainWindow) -> SettingsView:
    page = window.show_page("settings")
    assert isinstance(page, SettingsView)
    return page


def _backed_up(page: SettingsView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Back up through the page; the next file to open (a restore) is that backup."""
    backup_file = tmp_path / "before.tipbak"
    monkeypatch.setattr(files, "ask_save_file", lambda *_a: backup_file)
    page.backup_button.click()
    monkeypatch.setattr(files, "ask_open_file", lambda *_a: backup_file)
    return backup_file


def test_backup_now_writes_a_backup_that_restores(
    main_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _settings(main_window)
    target = tmp_path / "usb" / "lahore"
    target.parent.mkdir()
    monkeypatch.setattr(files, "ask_save_file", lambda *_a: target)
    page.backup_button.click()
    written = target.with_suffix(".tipbak")
    assert page.last_backup == written
    assert written.is_file()
    assert "Backup written to" in page.message.text()
    # The file is a real backup: it restores elsewhere with the same passphrase.
    from tipdesk.paths import Paths

    session = service_restore(
        Paths(tmp_path / "elsewhere"), written, user=GUI_ADMIN, passphrase=GUI_PASSPHRASE,
        clock=main_window.ctx.clock,
    )  # fmt: skip
    session.close()


def _cancel_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Press Cancel before the work's first step (the dialog's Progress raises Cancelled)."""
    original = Progress.update

    def cancel(self: Progress, done: int, total: int) -> None:
        self.cancel()
        original(self, done, total)

    monkeypatch.setattr(Progress, "update", cancel)


def test_a_cancelled_backup_writes_no_file(
    main_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _settings(main_window)
    folder = tmp_path / "usb"
    folder.mkdir()
    monkeypatch.setattr(files, "ask_save_file", lambda *_a: folder / "lahore.tipbak")
    _cancel_at_once(monkeypatch)
    page.backup_button.click()
    assert list(folder.iterdir()) == []
    assert page.last_backup is None
    assert page.message.text() == "Backup cancelled; nothing was written."


def test_a_cancelled_restore_changes_nothing(
    main_window: MainWindow, controller: AppController, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    page = _settings(main_window)
    _backed_up(page, tmp_path, monkeypatch)
    home = main_window.ctx.paths.home
    names_before = sorted(p.name for p in home.iterdir())
    dialog = page.restore()
    assert dialog is not None
    dialog.passphrase_edit.setText(GUI_PASSPHRASE)
    _cancel_at_once(monkeypatch)
    dialog.restore_button.click()
    assert controller.main_window is main_window
    assert page.message.text() == "Restore cancelled; nothing was changed."
    assert sorted(p.name for p in home.iterdir()) == names_before  # nothing moved aside
    page.refresh()  # the old session still works
    assert page.offices_model.rowCount() > 0


def test_the_idle_lock_time_is_saved_and_applied(main_window: MainWindow) -> None:
    page = _settings(main_window)
    assert page.minutes_spin.value() == 10
    page.minutes_spin.setValue(3)
    page.minutes_button.click()
    assert main_window.idle.minutes == 3
    assert "3 minutes" in page.message.text()
    # Stored in the store: a fresh read shows it.
    page.minutes_spin.setValue(20)
    page.refresh()
    assert page.minutes_spin.value() == 3


def test_add_an_office(main_window: MainWindow) -> None:
    page = _settings(main_window)
    before = page.offices_model.rowCount()
    page.office_name.setText("Police Station Saddar")
    assert page.office_district.district_code() == "PB-LHR"  # the install's district
    page.add_office_button.click()
    assert page.offices_model.rowCount() == before + 1
    names = [page.offices_model.data(page.offices_model.index(r, 0)) for r in range(before + 1)]
    assert "Police Station Saddar" in names
    assert page.office_name.text() == ""


def test_the_about_card_names_the_data_folder(main_window: MainWindow) -> None:
    page = _settings(main_window)
    assert page.about_labels["data_folder"].text() == str(main_window.ctx.paths.home)
    assert page.about_labels["install_role"].text() == "District office"
    assert not page.demo_card.isVisible()  # the store has records
    # A district gets reference updates from HQ's receipts: no install button here.
    assert not page.reference_button.isVisible()
    assert "shipped with this TIPDesk" in page.reference_status.text()


def test_demo_data_fills_an_empty_store_and_can_be_cancelled(
    controller: AppController, make_install: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_install()
    window = sign_in(controller)
    page = _settings(window)
    assert page.demo_card.isVisible()

    # Cancel after the first batch: what was saved stays, the screen says so.
    def cancel_early(self: Progress, done: int, total: int) -> None:
        original(self, done, total)
        if done:
            self.cancel()
            original(self, done, total)

    original = Progress.update
    monkeypatch.setattr(Progress, "update", cancel_early)
    monkeypatch.setattr(settings_view, "_demo", _small_batches)
    page.demo_button.click()
    assert "Stopped" in page.message.text()
    monkeypatch.undo()
    assert not page.demo_card.isVisible()  # no longer empty


def _small_batches(
    session: Session, progress: Progress, *, seed: int, cases: int
) -> dict[str, int]:
    return demo.fill(session, seed=seed, cases=cases, progress=progress.update, batch=5)


def test_demo_data_runs_to_the_end(
    controller: AppController, make_install: Callable[..., str]
) -> None:
    make_install()
    window = sign_in(controller)
    page = _settings(window)
    page.demo_button.click()
    assert "Demo data added: 40 cases" in page.message.text()


def test_restore_replaces_the_store_and_rebuilds_the_window(
    main_window: MainWindow, controller: AppController, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    page = _settings(main_window)
    _backed_up(page, tmp_path, monkeypatch)
    dialog = page.restore()
    assert dialog is not None
    assert dialog.user_edit.text() == GUI_ADMIN
    assert not dialog.restore_button.isEnabled()
    dialog.passphrase_edit.setText(GUI_PASSPHRASE)
    dialog.restore_button.click()
    new_window = controller.main_window
    assert isinstance(new_window, MainWindow)
    assert new_window is not main_window
    aside = [p.name for p in main_window.ctx.paths.home.iterdir() if p.name.startswith("before-")]
    assert len(aside) == 1  # the replaced store was moved aside, not deleted
    # A district comes back as a new sync device; the new window says so without blocking.
    notice = new_window.findChild(QMessageBox, "noticeBox")
    assert notice is not None and notice.isVisible()
    assert "new sync device" in notice.text() and "Device file for HQ" in notice.text()
    notice.close()


def test_a_wrong_restore_passphrase_changes_nothing(
    main_window: MainWindow, controller: AppController, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    page = _settings(main_window)
    _backed_up(page, tmp_path, monkeypatch)
    dialog = page.restore()
    assert dialog is not None
    dialog.passphrase_edit.setText("not the passphrase")
    dialog.restore_button.click()
    assert controller.main_window is main_window
    box = controller.reporter.last_dialog
    assert box is not None and "Wrong user name or passphrase" in box.text()
    # The session still works: the page can read the store.
    page.refresh()
    assert page.offices_model.rowCount() > 0


def test_the_offices_and_district_models_pass_qtmodeltester(
    main_window: MainWindow, qtmodeltester: Any
) -> None:
    from tipdesk.ui.widgets.district import district_model

    page = _settings(main_window)
    qtmodeltester.check(page.offices_model, force_py=True)
    qtmodeltester.check(district_model(main_window.ctx.reference), force_py=True)
