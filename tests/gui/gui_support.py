"""Fixtures and helpers for the GUI tests (imported by conftest.py once Qt is known to exist)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QtMsgType
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from tipdesk.core.clock import FixedClock
from tipdesk.core.codes import InstallRole
from tipdesk.core.languages import Language
from tipdesk.paths import Paths
from tipdesk.store.keys import KdfParams, KeyFile
from tipdesk.ui.app import AppController, StartWindow
from tipdesk.ui.context import AppConfig
from tipdesk.ui.language import apply_language
from tipdesk.ui.main_window import MainWindow
from tipdesk.ui.pages.unlock.page import UnlockView
from tipdesk.ui.runner import InlineRunner
from tipdesk.ui.style import apply_style, ensure_fonts

GUI_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)
GUI_ADMIN = "admin1"
GUI_PASSPHRASE = "correct horse battery staple"
GUI_OTHER_PASSPHRASE = "purple elephant dances quietly"
GUI_START = dt.datetime(2026, 6, 1, 10, 0, tzinfo=dt.UTC)

# The offscreen platform says "This plugin does not support raise()" (grabbing the keyboard,
# propagateSizeHints()...) when a window or popup asks for what only a real screen can do; that
# says nothing about TIPDesk. Every other warning fails the test.
OFFSCREEN_NOTICE = "This plugin does not support "


class FakeTime:
    """A monotonic clock for the idle timer that tests move by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(scope="session", autouse=True)
def _tipdesk_look(qapp: QApplication) -> None:
    """The app's style on the test QApplication (some sizes depend on it), and its fonts as
    the running app has them once its first window is up."""
    apply_style(qapp)
    ensure_fonts()


@pytest.fixture(autouse=True)
def _fail_on_qt_warnings(qtlog: Any) -> Iterator[None]:
    yield
    bad = [
        f"{r.type.name}: {r.message}"
        for r in qtlog.records
        if r.type in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
        and not r.message.startswith(OFFSCREEN_NOTICE)
    ]
    assert not bad, "Qt logged:\n" + "\n".join(bad)


@pytest.fixture(autouse=True)
def _close_windows(qapp: QApplication) -> Iterator[None]:
    yield
    # Close, never delete: a completer's popup is a parentless window its completer deletes,
    # and deleting it here too crashed the next test. Windows die with their Python owners.
    for widget in QApplication.topLevelWidgets():
        widget.close()
    QApplication.processEvents()
    # A test that switched to Urdu leaves the next one in English, as the app starts.
    apply_language(qapp, Language.ENGLISH)


@pytest.fixture
def gui_clock() -> FixedClock:
    return FixedClock(GUI_START)


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def gui_config(tmp_path: Path, gui_clock: FixedClock, fake_time: FakeTime) -> AppConfig:
    return AppConfig(
        paths=Paths(tmp_path / "gui-home"),
        clock=gui_clock,
        kdf=GUI_KDF,
        make_runner=InlineRunner,
        monotonic=fake_time,
        idle_check_ms=60_000,
        demo_cases=40,
    )


@pytest.fixture
def make_install(gui_config: AppConfig) -> Callable[..., str]:
    """Create an install in the config's data folder (optionally with demo data); returns the
    recovery key. The session used to make it is closed again."""

    def make(*, demo_cases: int = 0, role: InstallRole = InstallRole.DISTRICT,
             users: tuple[tuple[str, str], ...] = ()) -> str:  # fmt: skip
        from tipdesk.core.permissions import UserRole
        from tipdesk.services import demo
        from tipdesk.services.session import init_install

        extra = (
            {"district": "Lahore", "office": "FIA-AHTC-LHR"} if role is InstallRole.DISTRICT else {}
        )
        session, recovery = init_install(
            gui_config.paths, role=role, user=GUI_ADMIN, passphrase=GUI_PASSPHRASE,
            clock=gui_config.clock, kdf=GUI_KDF, **extra,
        )  # fmt: skip
        try:
            if demo_cases:
                demo.fill(session, seed=3, cases=demo_cases)
            for name, role_name in users:
                # As services.users.add_user does, with the tests' tiny Argon2id cost.
                KeyFile.load(gui_config.paths.keyfile).add_user(
                    name, GUI_OTHER_PASSPHRASE, session.store.database_key(), kdf=GUI_KDF
                )
                session.store.add_user(name, UserRole(role_name).value, session.actor())
        finally:
            session.close()
        return recovery

    return make


@pytest.fixture
def controller(qtbot: Any, gui_config: AppConfig) -> Iterator[AppController]:
    app_controller = AppController(gui_config)
    yield app_controller
    app_controller.shutdown()


def unlock_view(controller: AppController) -> UnlockView:
    window = controller.start_window
    assert isinstance(window, StartWindow)
    view = window.view
    assert isinstance(view, UnlockView)
    return view


def sign_in(controller: AppController, user: str = GUI_ADMIN,
            passphrase: str = GUI_PASSPHRASE) -> MainWindow:  # fmt: skip
    """Start the app on an existing store and sign in; returns the main window."""
    if controller.start_window is None and controller.main_window is None:
        controller.start()
    view = unlock_view(controller)
    view.user_edit.setText(user)
    view.passphrase_edit.setText(passphrase)
    view.unlock_button.click()
    window = controller.main_window
    assert isinstance(window, MainWindow), view.message.text()
    return window


@pytest.fixture
def main_window(controller: AppController, make_install: Callable[..., str],
                qtbot: Any) -> MainWindow:  # fmt: skip
    """Signed in as the district admin of an install with a little demo data."""
    make_install(demo_cases=20)
    window = sign_in(controller)
    qtbot.waitExposed(window)
    return window


def message_boxes() -> list[QMessageBox]:
    """The message boxes on screen now."""
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def visible_widgets(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget) if w.isVisible()]


__all__ = [
    "_close_windows",
    "_fail_on_qt_warnings",
    "_tipdesk_look",
    "controller",
    "fake_time",
    "gui_clock",
    "gui_config",
    "main_window",
    "make_install",
]
