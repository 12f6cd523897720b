"""Locking: the lock button, Ctrl+L and the idle timer put the lock screen in front of every
record; typed input on a page survives; only the passphrase opens it again."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from gui_support import GUI_PASSPHRASE, FakeTime, sign_in, visible_widgets
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTableView, QVBoxLayout, QWidget

from tipdesk.ui.app import AppController
from tipdesk.ui.context import AppConfig, AppContext
from tipdesk.ui.main_window import MainWindow
from tipdesk.ui.pages import PageSpec, default_pages


class FormPage(QWidget):
    """A page with unsaved input and the lock hooks (as PART 2's editors will have)."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.edit = QLineEdit()
        self.edit.setObjectName("unsavedInput")
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        self.events: list[str] = []

    def lock(self) -> None:
        self.events.append("lock")

    def unlock(self) -> None:
        self.events.append("unlock")

    def focus_search(self) -> bool:
        self.events.append("search")
        self.edit.setFocus()
        return True

    def new_record(self) -> bool:
        self.events.append("new")
        return True


@pytest.fixture
def form_window(
    gui_config: AppConfig, make_install: Callable[..., str], qtbot: Any
) -> Iterator[MainWindow]:
    """Signed in, with the default pages and a form page at the end."""
    make_install(demo_cases=5)
    config = dataclasses.replace(
        gui_config, pages=lambda: [*default_pages(), PageSpec("form", "Form", "cases", FormPage)]
    )
    controller = AppController(config)
    window = sign_in(controller)
    qtbot.waitExposed(window)
    yield window
    controller.shutdown()


def _unlock(window: MainWindow, passphrase: str = GUI_PASSPHRASE) -> None:
    screen = window.lock_screen
    screen.passphrase_edit.setText(passphrase)
    screen.unlock_button.click()


def test_lock_hides_every_record_and_keeps_typed_input(form_window: MainWindow, qtbot: Any) -> None:
    window = form_window
    page = window.show_page("form")
    assert isinstance(page, FormPage)
    qtbot.keyClicks(page.edit, "half-typed FIR 12/2026")
    audit = window.show_page("audit")
    assert audit.isVisible()
    window.show_page("form")

    window.lock_button.click()
    assert window.locked
    assert window.root.currentWidget() is window.lock_screen
    assert not window.workspace.isVisible()
    # No page, table or field of a page is visible while locked.
    for key, widget in window.pages.items():
        assert not widget.isVisible(), key
    shown = visible_widgets(window)
    assert not [w for w in shown if isinstance(w, QTableView)]
    assert page.edit not in shown
    assert page.events == ["lock"]
    assert not window.search_action.isEnabled()
    assert window.focus_search() is False  # Ctrl+F does nothing while locked

    # A wrong passphrase keeps it locked.
    _unlock(window, "not my passphrase")
    assert window.locked
    assert window.lock_screen.message.text() == "Wrong user name or passphrase."

    _unlock(window)
    assert not window.locked
    assert window.current_page() is page
    assert page.isVisible()
    assert page.edit.text() == "half-typed FIR 12/2026"
    assert page.events == ["lock", "unlock"]
    assert window.lock_screen.passphrase_edit.text() == ""


def test_ctrl_l_locks_and_other_shortcuts_reach_the_page(
    form_window: MainWindow, qtbot: Any
) -> None:
    window = form_window
    page = window.show_page("form")
    assert isinstance(page, FormPage)
    window.activateWindow()
    window.new_action.trigger()
    window.search_action.trigger()
    assert page.events == ["new", "search"]
    assert window.new_action.shortcut().toString() == "Ctrl+N"
    assert window.search_action.shortcut().toString() == "Ctrl+F"
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked
    _unlock(window)
    # Ctrl+1 goes to the first page (the dashboard).
    window.page_actions[0].trigger()
    assert window.current_key() == "dashboard"


def test_idle_time_locks_the_app(main_window: MainWindow, fake_time: FakeTime) -> None:
    window = main_window
    assert window.idle.minutes == 10  # the default
    fake_time.advance(9 * 60)
    window.idle.check()
    assert not window.locked
    fake_time.advance(61)
    window.idle.check()
    assert window.locked
    _unlock(window)
    assert not window.locked
    # Unlocking starts the count again.
    fake_time.advance(5 * 60)
    window.idle.check()
    assert not window.locked


def test_input_counts_as_activity(main_window: MainWindow, fake_time: FakeTime, qtbot: Any) -> None:
    window = main_window
    fake_time.advance(9 * 60)
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    fake_time.advance(2 * 60)
    window.idle.check()
    assert not window.locked  # only two minutes since the key press


def test_other_windows_are_hidden_while_locked(main_window: MainWindow, qtbot: Any) -> None:
    window = main_window
    extra = QWidget()
    extra.setWindowTitle("An editor window")
    extra.show()
    qtbot.addWidget(extra)
    window.lock()
    assert not extra.isVisible()
    _unlock(window)
    assert extra.isVisible()


class DirtyPage(FormPage):
    def has_unsaved_changes(self) -> bool:
        return bool(self.edit.text())

    def confirm_close(self) -> bool:
        self.events.append("confirm")
        return True


def test_closing_while_locked_keeps_unsaved_input(
    gui_config: AppConfig, make_install: Callable[..., str], qtbot: Any
) -> None:
    make_install()
    config = dataclasses.replace(
        gui_config, pages=lambda: [*default_pages(), PageSpec("form", "Form", "cases", DirtyPage)]
    )
    controller = AppController(config)
    try:
        window = sign_in(controller)
        page = window.show_page("form")
        assert isinstance(page, DirtyPage)
        page.edit.setText("unsaved")
        window.lock()
        assert not window.close()  # refused: unsaved input, and no dialog may show
        assert "unlock to close" in window.statusBar().currentMessage()
        _unlock(window)
        assert window.close()  # unlocked: the page is asked (and agrees)
        assert page.events[-1] == "confirm"
    finally:
        controller.shutdown()
