"""The screens :mod:`tipdesk.ui.devtools.screenshots` renders (imported after the Qt platform
is set)."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QWidget

from tipdesk.core.clock import FixedClock
from tipdesk.core.codes import InstallRole
from tipdesk.core.languages import Language
from tipdesk.core.permissions import UserRole
from tipdesk.paths import Paths
from tipdesk.resources import load_reference
from tipdesk.services import demo, letterhead
from tipdesk.services.demo.diary import add_hearings
from tipdesk.services.session import Session, init_install
from tipdesk.services.users import add_user, disable_user
from tipdesk.store.keys import KdfParams
from tipdesk.ui.app import AppController, StartWindow, make_application
from tipdesk.ui.context import AppConfig, SignedIn
from tipdesk.ui.language import apply_language
from tipdesk.ui.main_window import MainWindow
from tipdesk.ui.pages.setup.wizard import SetupWizard
from tipdesk.ui.pages.unlock.page import UnlockView
from tipdesk.ui.runner import InlineRunner

#: Screens added by other parts of the app: name -> build(shots) -> widget.
EXTRA: dict[str, Callable[[Shots], QWidget]] = {}

FAST_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)
DEMO_LETTERHEAD = letterhead.LetterheadFields(
    address="Plot 5, Mauve Area, G-9/4, Lahore (synthetic)",
    phone="042-0000000",
    email="ahtc.lahore@example.invalid",
    officer_name="Ayesha Khan",
    officer_designation="Inspector / Investigating Officer",
)


def settle(rounds: int = 6) -> None:
    """Let layouts, polish and deferred calls run."""
    for _ in range(rounds):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        QCoreApplication.sendPostedEvents()


class Shots:
    """A demo install and the windows to photograph."""

    def __init__(self, tmp: Path, size: tuple[int, int], today: dt.datetime, user: str,
                 passphrase: str, demo_cases: int, *, rtl: bool = False,
                 language: Language = Language.ENGLISH) -> None:  # fmt: skip
        self.app = make_application(["tipdesk-screenshots"])
        self.rtl = rtl
        self.language = language
        apply_language(self.app, language)
        if rtl:
            self.app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.tmp = tmp
        self.size = size
        self.user = user
        self.passphrase = passphrase
        self.clock = FixedClock(today)
        self.config = self.config_for(tmp / "home", demo_cases)
        self._windows: list[QWidget] = []
        self._closers: list[Callable[[], None]] = []
        self._kept: list[object] = []
        self._after_this: list[Callable[[], None]] = []
        self.errors: list[BaseException] = []
        # An exception in a slot must fail the run, not leave a half-drawn picture. The hook
        # is put back by close(), so that an error ending the run is printed.
        self._excepthook = sys.excepthook
        sys.excepthook = lambda _t, exc, _tb: self.errors.append(exc)
        self._main: MainWindow | None = None
        self._controller: AppController | None = None

    def config_for(self, home: Path, demo_cases: int = 0) -> AppConfig:
        """The app's configuration for a data folder of this run (the fixed date, a cheap
        key derivation, the synchronous runner)."""
        return AppConfig(
            paths=Paths(home), clock=self.clock, kdf=FAST_KDF, make_runner=InlineRunner,
            monotonic=lambda: 0.0, demo_cases=demo_cases,
        )  # fmt: skip

    def after_this(self, undo: Callable[[], None]) -> None:
        """Call ``undo`` once the current picture is saved (what it showed must not stay in
        the next ones)."""
        self._after_this.append(undo)

    def keep(self, *objects: object) -> None:
        """Keep ``objects`` alive until the run ends (a window and what it draws from)."""
        self._kept.extend(objects)

    def on_close(self, close: Callable[[], None]) -> None:
        """Call ``close`` when the run ends (another app's controller, a runner)."""
        self._closers.append(close)

    def names(self) -> list[str]:
        return [
            "wizard", "wizard-passphrase", "wizard-recovery-key", "unlock", "dashboard",
            "audit", "settings", "users", "locked", *EXTRA,
        ]  # fmt: skip

    def save(self, name: str, out: Path) -> Path:
        widget = self.build(name)
        settle()
        if self.errors:
            raise RuntimeError(f"{name}: an error while drawing") from self.errors[0]
        path = out / f"{name}{'-rtl' if self.rtl else ''}.png"
        if not widget.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        while self._after_this:
            self._after_this.pop()()
        return path

    def build(self, name: str) -> QWidget:
        if name in EXTRA:
            return EXTRA[name](self)
        method: Callable[[], QWidget] = getattr(self, "_" + name.replace("-", "_"))
        return method()

    # --- the demo install ---------------------------------------------------------------------
    def main_window(self) -> MainWindow:
        """Signed in to the demo install (made on first use)."""
        if self._main is not None:
            return self._main
        session, _key = init_install(
            self.config.paths, role=InstallRole.DISTRICT, user=self.user,
            passphrase=self.passphrase, clock=self.clock, district="Lahore",
            office="FIA-AHTC-LHR", kdf=FAST_KDF,
        )  # fmt: skip
        try:
            demo.fill(session, seed=7, cases=self.config.demo_cases)
            if self.language is Language.URDU:
                from tipdesk.ui.devtools.shots_urdu import urdu_records

                urdu_records(session)
            add_hearings(session, seed=7)
            letterhead.save(session, DEMO_LETTERHEAD)
            _add_colleagues(session)
        finally:
            session.close()
        controller = AppController(self.config)
        self._controller = controller
        self._main = self.sign_in(controller)
        return self._main

    def sign_in(self, controller: AppController) -> MainWindow:
        """Start ``controller``'s app, sign in as the demo user; the main window, shown."""
        start = controller.start()
        assert isinstance(start, StartWindow)
        view = start.view
        assert isinstance(view, UnlockView)
        view.user_edit.setText(self.user)
        view.passphrase_edit.setText(self.passphrase)
        view.attempt()
        window = controller.main_window
        assert isinstance(window, MainWindow)
        window.resize(*self.size)
        window.show()
        # The list of what is overdue after signing in has a picture of its own
        # (shots_diary.py); the other pictures show the screens without it.
        dismiss_notices(window)
        return window

    def _page(self, key: str) -> MainWindow:
        window = self.main_window()
        if window.locked:
            window.unlock()
        window.show_page(key)
        settle()
        return window

    # --- screens ------------------------------------------------------------------------------
    def _wizard_window(self, home: str) -> SetupWizard:
        config = self.config_for(self.tmp / home)
        runner = InlineRunner()
        wizard = SetupWizard(config, runner, _raise, load_reference())
        wizard.show()
        self._windows.append(wizard)
        self.on_close(runner.close)
        return wizard

    def _wizard(self) -> QWidget:
        wizard = self._wizard_window("wizard-a")
        wizard.next()
        page = wizard.office_page
        page.district.set_district("Lahore")
        settle()
        return wizard

    def _wizard_passphrase(self) -> QWidget:
        wizard = self._wizard_window("wizard-b")
        wizard.next()
        wizard.office_page.district.set_district("Lahore")
        wizard.next()
        page = wizard.user_page
        page.user_edit.setText(self.user)
        page.passphrase.passphrase_edit.setText("monsoon clouds over margalla")
        page.passphrase.confirm_edit.setText("monsoon clouds over margalla")
        settle()
        return wizard

    def _wizard_recovery_key(self) -> QWidget:
        wizard = self._wizard_window("wizard-c")
        wizard.next()
        wizard.office_page.district.set_district("Lahore")
        wizard.next()
        page = wizard.user_page
        page.user_edit.setText(self.user)
        page.passphrase.passphrase_edit.setText(self.passphrase)
        page.passphrase.confirm_edit.setText(self.passphrase)
        wizard.next()
        wizard.next()  # Create
        settle()
        return wizard

    def _unlock(self) -> QWidget:
        self.main_window()  # the store must exist
        config = self.config
        runner = InlineRunner()
        window = StartWindow(UnlockView(config, runner, _raise))
        window.resize(*self.size)
        window.show()
        settle()
        view = window.view
        assert isinstance(view, UnlockView)
        view.refresh_hint()
        settle()
        self._windows.append(window)
        return window

    def _dashboard(self) -> QWidget:
        return self._page("dashboard")

    def _audit(self) -> QWidget:
        window = self.main_window()
        self._page("audit")
        page = window.page("audit")
        verify = getattr(page, "verify", None)
        if callable(verify):
            verify()
        settle()
        return window

    def _settings(self) -> QWidget:
        return self._page("settings")

    def _users(self) -> QWidget:
        window = self.main_window()
        self._page("users")
        page = window.page("users")
        select = getattr(page, "select", None)
        if callable(select):
            select("bilal.ahmed")
        return window

    def _locked(self) -> QWidget:
        window = self.main_window()
        window.show_page("dashboard")
        window.lock()
        settle()
        return window

    def close(self) -> None:
        for window in self._windows:
            window.close()
        for close in self._closers:
            close()
        if self._main is not None:
            self._main.close()
        if self._controller is not None:
            self._controller.shutdown()
        QApplication.processEvents()
        sys.excepthook = self._excepthook


def _add_colleagues(session: Session) -> None:
    """A few synthetic users so the users screen shows a realistic office."""
    for name, role in (("bilal.ahmed", UserRole.DISTRICT_OFFICER),
                       ("sana.malik", UserRole.DISTRICT_SUPERVISOR),
                       ("imran.qureshi", UserRole.DISTRICT_OFFICER)):  # fmt: skip
        add_user(session, name, role, "river stones under blue sky")
    disable_user(session, "imran.qureshi")


def dismiss_notices(window: QWidget) -> None:
    """Take the notices above the pages away (what is overdue, after signing in)."""
    for notice in window.findChildren(QWidget, "overdueNotice"):
        notice.hide()
        notice.deleteLater()


def _raise(exc: BaseException) -> None:
    raise exc


__all__ = ["EXTRA", "Shots", "SignedIn"]
