"""The users screen: admins add users (roles of this install only), disable and enable them;
other roles see the list read-only with a note."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gui_support import GUI_ADMIN, GUI_OTHER_PASSPHRASE, message_boxes, sign_in

from tipdesk.core.permissions import UserRole
from tipdesk.store.keys import KeyFile
from tipdesk.ui.app import AppController
from tipdesk.ui.main_window import MainWindow
from tipdesk.ui.pages.users.dialogs import AddUserDialog, EnableUserDialog
from tipdesk.ui.pages.users.page import UsersView

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
    confirm = next(b for b in boxes[0].buttons() if b.text() == "Disable")
    confirm.click()
    assert _names(page)["bilal"] is False
    assert "bilal" not in KeyFile.load(paths.keyfile).users()
    assert page.message.text() == "bilal is disabled."

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
