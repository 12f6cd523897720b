"""The users screen: admins add users (roles of this install only), disable and enable them
(disabling re-keys the store and shows the new recovery key once), rotate the keys with a
reason; other roles see the list read-only with a note."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from gui_support import GUI_ADMIN, GUI_OTHER_PASSPHRASE, GUI_PASSPHRASE, message_boxes, sign_in
from PySide6.QtCore import Qt

from tipdesk.core.errors import WrongPassphrase
from tipdesk.core.permissions import UserRole
from tipdesk.store.keys import KeyFile
from tipdesk.ui.app import AppController
from tipdesk.ui.main_window import MainWindow
from tipdesk.ui.pages.users.dialogs import AddUserDialog, EnableUserDialog
from tipdesk.ui.pages.users.page import UsersView
from tipdesk.ui.widgets import files
from tipdesk.ui.widgets.recovery_key import RecoveryKeyDialog

NEW_PASS = "river stones under blue sky"


def _users(window: MainWindow) -> UsersView:
    page = window.show_page("users")
    assert isinstance(page, UsersView)
    return page


def _names(page: UsersView) -> dict[str, bool]:
    return {
        page.model.user(r).name: page.model.user(r).active for r in range(page.model.rowCount())
    }


def test_add_disable_and_enable_a_user(main_window: MainWindow, qtbot: Any) -> None:
    page = _users(main_window)
    assert _names(page) == {GUI_ADMIN: True}
    dialog = page.add_user()
    assert isinstance(dialog, AddUserDialog)
    roles = [dialog.role_box.itemData(i) for i in range(dialog.role_box.count())]
    assert roles == ["district_officer", "district_supervisor", "district_admin"]  # no HQ roles
    dialog.name_edit.setText("bilal")
    dialog.passphrase.passphrase_edit.setText("bilal bilal bilal 1")  # contains the name
    dialog.passphrase.confirm_edit.setText("bilal bilal bilal 1")
    assert not dialog.ok_button.isEnabled()
    dialog.passphrase.passphrase_edit.setText(NEW_PASS)
    dialog.passphrase.confirm_edit.setText(NEW_PASS)
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert _names(page) == {GUI_ADMIN: True, "bilal": True}
    paths = main_window.ctx.paths
    assert "bilal" in KeyFile.load(paths.keyfile).users()

    # Nobody can disable themselves: the button says so by being disabled.
    page.select(GUI_ADMIN)
    assert not page.disable_button.isEnabled()
    page.select("bilal")
    assert page.disable_button.isEnabled() and not page.enable_button.isEnabled()
    page.disable_selected()
    boxes = [b for b in message_boxes() if b.objectName() == "confirmDisable"]
    assert len(boxes) == 1
    assert "re-encrypted" in boxes[0].informativeText()  # the question says what it costs
    confirm = next(b for b in boxes[0].buttons() if b.text() == "Disable and re-key")
    confirm.click()
    assert _names(page)["bilal"] is False
    assert "bilal" not in KeyFile.load(paths.keyfile).users()
    assert page.message.text() == "bilal is disabled; the store has new keys."
    key_dialog = page.key_dialog
    assert isinstance(key_dialog, RecoveryKeyDialog) and key_dialog.isVisible()
    key_dialog.panel.confirm_check.setChecked(True)
    key_dialog.done_button.click()

    page.select("bilal")
    assert page.enable_button.isEnabled()
    enable = page.enable_selected()
    assert isinstance(enable, EnableUserDialog)
    enable.passphrase.passphrase_edit.setText(GUI_OTHER_PASSPHRASE)
    enable.passphrase.confirm_edit.setText(GUI_OTHER_PASSPHRASE)
    enable.ok_button.click()
    assert _names(page)["bilal"] is True


def test_a_refused_name_is_shown_in_the_dialog(main_window: MainWindow) -> None:
    page = _users(main_window)
    dialog = page.add_user()
    dialog.name_edit.setText(GUI_ADMIN.upper())  # names ignore case: taken
    dialog.passphrase.passphrase_edit.setText(NEW_PASS)
    dialog.passphrase.confirm_edit.setText(NEW_PASS)
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert "already taken" in dialog.message.text()
    assert dialog.ok_button.isEnabled()


def test_officers_see_the_list_read_only(
    controller: AppController, make_install: Callable[..., str]
) -> None:
    make_install(users=(("bilal", UserRole.DISTRICT_OFFICER.value),))
    window = sign_in(controller, "bilal", GUI_OTHER_PASSPHRASE)
    page = _users(window)
    assert set(_names(page)) == {GUI_ADMIN, "bilal"}
    assert not page.add_button.isVisible()
    assert not page.disable_button.isVisible()
    assert page.note.isVisible() and "Only an administrator" in page.note.text()
    assert page.new_record() is False


def test_the_users_model_passes_qtmodeltester(main_window: MainWindow, qtmodeltester: Any) -> None:
    page = _users(main_window)
    qtmodeltester.check(page.model, force_py=True)


def test_roles_are_named_as_officers_name_them() -> None:
    from tipdesk.ui.context import role_label

    assert role_label("hq_admin") == "HQ admin"
    assert role_label("hq_analyst") == "HQ analyst"
    assert role_label("district_supervisor") == "District supervisor"


def _shown_key(dialog: RecoveryKeyDialog) -> str:
    return dialog.panel.key_label.text().replace("\n", "")


def _opens(paths: Any, recovery_key: str, clock: Any) -> bool:
    try:
        KeyFile.load(paths.keyfile).unlock_with_recovery(recovery_key, clock)
    except WrongPassphrase:
        return False
    return True


def test_disabling_shows_the_new_recovery_key_once_and_it_must_be_kept(
    controller: AppController,
    make_install: Callable[..., str],
    tmp_path: Any,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: Any,
) -> None:
    old_key = make_install(users=(("bilal", UserRole.DISTRICT_OFFICER.value),))
    window = sign_in(controller)
    page = _users(window)
    ctx = window.ctx
    assert _opens(ctx.paths, old_key, ctx.clock)
    page.select("bilal")
    page.disable_selected(confirm=False)
    dialog = page.key_dialog
    assert isinstance(dialog, RecoveryKeyDialog) and dialog.isVisible()
    new_key = _shown_key(dialog)
    assert new_key != old_key.replace("\n", "")
    assert _opens(ctx.paths, new_key, ctx.clock)  # the key shown is the store's new one
    assert not _opens(ctx.paths, old_key, ctx.clock)  # and the old one opens nothing now
    assert "bilal is disabled" in dialog.intro.text() and "re-encrypted" in dialog.intro.text()

    # It cannot be closed (Esc, Done) before the box is ticked; Save writes the sheet.
    assert not dialog.done_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    sheet = tmp_path / "key.txt"
    monkeypatch.setattr(files, "ask_save_file", lambda *_a: sheet)
    dialog.panel.save_button.click()
    assert new_key in sheet.read_text(encoding="utf-8")
    assert oct(sheet.stat().st_mode & 0o777) == "0o600"
    qtbot.keyClick(dialog.panel.confirm_check, Qt.Key.Key_Space)  # by keyboard
    assert dialog.done_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert page.model.rowCount() == 2 and _names(page)["bilal"] is False


def test_rotate_keys_asks_why_and_shows_the_new_recovery_key(
    controller: AppController, make_install: Callable[..., str], qtbot: Any
) -> None:
    old_key = make_install()
    window = sign_in(controller)
    page = _users(window)
    assert page.rotate_button.isVisible() and page.rotate_button.isEnabled()
    reason = page.rotate_keys()
    assert reason is not None and reason.isVisible()
    assert "lost" in reason.intro.text() and "old backups" in reason.intro.text()
    assert not reason.ok_button.isEnabled()
    qtbot.keyClicks(reason.reason_edit, "laptop lost")
    assert reason.ok_button.isEnabled()
    qtbot.keyClick(reason.reason_edit, Qt.Key.Key_Return)
    dialog = page.key_dialog
    assert isinstance(dialog, RecoveryKeyDialog) and dialog.isVisible()
    ctx = window.ctx
    assert _opens(ctx.paths, _shown_key(dialog), ctx.clock)
    assert not _opens(ctx.paths, old_key, ctx.clock)
    assert page.message.text() == "The store has new keys."
    # The admin's own passphrase still opens the store, and the rotation is audited.
    KeyFile.load(ctx.paths.keyfile).unlock(GUI_ADMIN, GUI_PASSPHRASE, ctx.clock)
    found: list[Any] = []
    ctx.runner.submit(lambda s: s.store.audit_entries(action="keys.rotate"), found.append)
    assert [e.detail["reason"] for e in found[0]] == ["laptop lost"]


def test_officers_cannot_rotate_keys(
    controller: AppController, make_install: Callable[..., str]
) -> None:
    make_install(users=(("bilal", UserRole.DISTRICT_OFFICER.value),))
    page = _users(sign_in(controller, "bilal", GUI_OTHER_PASSPHRASE))
    assert not page.rotate_button.isVisible()
    assert page.rotate_keys() is None
