"""Starting the desktop app: the ``QApplication``, the look, translations, the crash handler,
and the walk from the setup wizard or the sign-in screen to the main window.

Contract:
- :func:`main` runs the app until the last window closes and returns the exit code. Everything
  it depends on comes from an :class:`~tipdesk.ui.context.AppConfig` (tests and the screenshot
  tool pass their own: a fixed clock, a tiny KDF, the synchronous runner).
- Start-up imports only Qt and the light parts of TIPDesk; the services and the database
  driver are imported on the worker thread once the first window is up.
- Uncaught exceptions go to the :class:`~tipdesk.ui.errors.ErrorReporter`: a message for a
  known problem, the crash dialog (and a report without record contents) for a bug.
- On quit, the session is closed on its own thread before the process exits.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

# Not ``Qt`` (the namespace): building its enums costs ~25 ms, and the sign-in window that
# start-up waits for does not need it.
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLockFile, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFrame, QMessageBox, QVBoxLayout, QWidget

from tipdesk import APP_NAME, __version__
from tipdesk.paths import Paths, resolve_home
from tipdesk.ui.context import AppConfig, AppContext, Notice, SignedIn
from tipdesk.ui.errors import ErrorReporter
from tipdesk.ui.events import AppEvents
from tipdesk.ui.language import apply_language, current_language, remember_language, start_language
from tipdesk.ui.pages.unlock.page import UnlockView
from tipdesk.ui.style import apply_style, ensure_fonts, install_translations, set_window_icon

if TYPE_CHECKING:
    from tipdesk.core.languages import Language
    from tipdesk.services.session import Session
    from tipdesk.ui.runner import Failed, SessionRunner

ShownHook = Callable[[QWidget], None]
T = TypeVar("T")


def cannot_start_reason() -> str | None:
    """Why a window cannot be shown here (no display on Linux), or ``None``."""
    if not sys.platform.startswith("linux"):
        return None
    if any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        return None
    return "no display (DISPLAY and WAYLAND_DISPLAY are not set)"


def make_application(argv: Sequence[str] | None = None) -> QApplication:
    """The ``QApplication`` with TIPDesk's name, look and translations (made once)."""
    existing = QApplication.instance()
    fusion_set = False
    if isinstance(existing, QApplication):
        app = existing
    else:
        args = list(argv) if argv is not None else sys.argv[:1]
        if "-style" not in args:
            args += ["-style", "fusion"]
            fusion_set = True
        app = QApplication(args)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("tipdesk")
    apply_style(app, fusion_set=fusion_set)
    # Keep the translators alive as long as the application.
    app.setProperty("tipdesk_translators", len(install_translations(app)))
    return app


class StartWindow(QFrame):
    """The window shown before anyone is signed in: the sign-in card. (A QFrame draws its
    style-sheet background without a widget attribute from the Qt namespace, which start-up
    avoids loading.)"""

    def __init__(self, view: QWidget) -> None:
        super().__init__()
        self.setObjectName("startWindow")
        self.setWindowTitle(self.tr("TIPDesk — sign in"))
        self.view = view
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(view)
        self.resize(960, 640)


class DeferredRunner:
    """The store runner, made on first use: the worker module and its thread are not needed to
    show the first window, so start-up does not wait for them. Forwards everything."""

    def __init__(self, make: Callable[[], SessionRunner]) -> None:
        self._make = make
        self._runner: SessionRunner | None = None

    @property
    def runner(self) -> SessionRunner:
        if self._runner is None:
            self._runner = self._make()
        return self._runner

    @property
    def pending(self) -> int:
        return self._runner.pending if self._runner is not None else 0

    def submit(
        self,
        work: Callable[[Session], T],
        on_done: Callable[[T], None],
        on_error: Failed | None = None,
    ) -> None:
        self.runner.submit(work, on_done, on_error)

    def call(
        self, fn: Callable[[], T], on_done: Callable[[T], None], on_error: Failed | None = None
    ) -> None:
        self.runner.call(fn, on_done, on_error)

    def off_store(
        self, fn: Callable[[], T], on_done: Callable[[T], None], on_error: Failed | None = None
    ) -> None:
        self.runner.off_store(fn, on_done, on_error)

    def replace_session(
        self,
        opener: Callable[[Session | None], tuple[Session, T]],
        on_done: Callable[[T], None],
        on_error: Failed | None = None,
    ) -> None:
        self.runner.replace_session(opener, on_done, on_error)

    def close(self) -> None:
        if self._runner is not None:
            self._runner.close()


class AppController(QObject):
    """Moves the app from the wizard or the sign-in screen to the main window (and back to a
    fresh main window after a restore). Owns the runner and the error reporter."""

    sig_window_shown = Signal(QWidget)
    """The first window (wizard or sign-in) is on screen."""
    sig_main_window_shown = Signal(QWidget)

    def __init__(self, config: AppConfig, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.config = config
        self.reporter = ErrorReporter(config.paths, self.active_window, self)
        self.reporter.sig_quit_requested.connect(self.quit)
        self.runner: SessionRunner = DeferredRunner(
            lambda: config.make_runner(self.reporter.report)
        )
        self.events = AppEvents(self)
        self.events.sig_session_replaced.connect(self.show_main_window)
        self.events.sig_language_changed.connect(self._on_language_changed)
        self.start_window: QWidget | None = None
        self.main_window: QWidget | None = None
        self._signed: SignedIn | None = None
        self._quitting = False

    def active_window(self) -> QWidget | None:
        return QApplication.activeWindow() or self.main_window or self.start_window

    # --- the first window ---------------------------------------------------------------------
    def start(self) -> QWidget:
        language = start_language(self.config.paths)
        if language is not None:
            self._apply_language(language)
        window = self._unlock_window() if self.config.store_exists() else self._wizard()
        self.start_window = window
        window.show()
        QTimer.singleShot(0, self, lambda: self.sig_window_shown.emit(window))
        QTimer.singleShot(300, self, self._set_icon)
        return window

    def _set_icon(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            set_window_icon(app)
            # Urdu names and narratives in English mode are drawn in Nastaliq too, from the
            # windows after the first (which shows none).
            ensure_fonts()

    def _unlock_window(self) -> QWidget:
        view = UnlockView(self.config, self.runner, self.reporter.report)
        view.sig_unlocked.connect(self.show_main_window)
        return StartWindow(view)

    def _wizard(self) -> QWidget:
        from tipdesk.resources import load_reference
        from tipdesk.ui.pages.setup.wizard import SetupWizard

        wizard = SetupWizard(self.config, self.runner, self.reporter.report, load_reference())
        wizard.sig_done.connect(self.show_main_window)
        wizard.rejected.connect(self.quit)
        wizard.sig_language_chosen.connect(self.change_wizard_language)
        return wizard

    # --- the interface language ---------------------------------------------------------------
    def _apply_language(self, language: Language) -> bool:
        """Make ``language`` the app's (and this computer's next sign-in screen's); ``True``
        when it changed."""
        changed = language is not current_language()
        app = QApplication.instance()
        if changed and isinstance(app, QApplication):
            app.setProperty("tipdesk_translators", len(apply_language(app, language)))
        if changed or self.config.store_exists():
            remember_language(self.config.paths, language)
        return changed

    def change_wizard_language(self, language: Language) -> None:
        """Show the setup wizard again in ``language`` (it is only offered on its first page,
        before anything is typed or created)."""
        old = self.start_window
        if not self._apply_language(language) or old is None:
            return
        window = self._wizard()
        window.move(old.pos())
        self.start_window = window
        window.show()
        old.blockSignals(True)  # closing it must not quit the app
        old.close()
        old.deleteLater()

    def unsaved_pages(self) -> list[str]:
        """The main window's pages holding unsaved input (their keys)."""
        window = self.main_window
        pages: dict[str, QWidget] = getattr(window, "pages", {})
        return [
            key
            for key, page in pages.items()
            if getattr(page, "has_unsaved_changes", lambda: False)() is True
        ]

    def _on_language_changed(self, language: Language) -> None:
        if self.change_language(language):
            return
        window = self.main_window
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("AppController", "Language"),
            QCoreApplication.translate(
                "AppController",
                "Your choice is saved. A page holds unsaved input, so the window stays as "
                "it is: the new language shows at your next sign-in, or when you choose it "
                "again after saving or discarding that input.",
            ),
        )
        box.setObjectName("languageLaterBox")
        if window is not None:
            box.setParent(window, box.windowFlags())
        box.open()

    def change_language(self, language: Language) -> bool:
        """Show the main window again in ``language``, in the same session, on the same page.
        Refused (``False``, nothing changed) while a page holds unsaved input: the window is
        rebuilt, and input must never be lost."""
        if self._signed is None or self.main_window is None or self.unsaved_pages():
            return False
        if not self._apply_language(language):
            return True
        page_key = getattr(self.main_window, "current_key", lambda: "")()
        from dataclasses import replace

        window = self.show_main_window(replace(self._signed, language=language, extra=None),
                                       rebuilt=True)  # fmt: skip
        if page_key:
            getattr(window, "show_page", lambda _key: None)(page_key)
        return True

    # --- the main window ----------------------------------------------------------------------
    def show_main_window(self, signed: SignedIn, *, rebuilt: bool = False) -> QWidget:
        """The main window for ``signed`` (in the user's own language when they chose one);
        ``rebuilt``: the same session shown again (a language change), without the
        sign-in notices."""
        from tipdesk.ui.main_window import MainWindow

        self._signed = signed
        if signed.language is not None:
            self._apply_language(signed.language)

        ctx = AppContext(
            config=self.config,
            runner=self.runner,
            identity=signed.identity,
            reference=signed.reference,
            report=self.reporter.report,
            events=self.events,
        )
        window = MainWindow(ctx, self.config.pages(), signed.idle_lock_minutes)
        window.sig_closed.connect(self._on_main_window_closed)
        self.events.sig_idle_lock_changed.connect(window.set_idle_lock_minutes)
        old, self.main_window = self.main_window, window
        window.show()
        if old is not None:  # a restore replaced the store: the old pages show stale data
            old.blockSignals(True)
            old.close()
            old.deleteLater()
        if self.start_window is not None:
            self.start_window.close()
            self.start_window.deleteLater()
            self.start_window = None
        if rebuilt:
            self.sig_main_window_shown.emit(window)
            return window
        if isinstance(signed.extra, Notice):
            from PySide6.QtCore import Qt

            box = QMessageBox(QMessageBox.Icon.Information, signed.extra.title, signed.extra.text)
            box.setParent(window, box.windowFlags())
            box.setObjectName("noticeBox")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()  # window-modal, never blocks the event loop
        from tipdesk.ui.pages.diary.overdue_notice import notify_overdue

        notify_overdue(window, ctx)
        self.sig_main_window_shown.emit(window)
        return window

    def _on_main_window_closed(self) -> None:
        self.quit()

    def quit(self) -> None:
        if self._quitting:
            return
        self._quitting = True
        self.shutdown()
        QApplication.quit()

    def shutdown(self) -> None:
        """Close the session on its thread and stop the worker."""
        self.runner.close()


ALREADY_OPEN = str(
    QT_TRANSLATE_NOOP(
        "AppController",
        "TIPDesk is already open for this data folder on this computer. Use the window that "
        "is open (it may be minimised, or locked), or close it first.",
    )
)


def instance_lock(paths: Paths) -> QLockFile | None:
    """Hold the data folder's lock file for the life of the app, or ``None`` when another
    TIPDesk app holds it. One app per data folder: two windows on one store would each lock,
    time out and cache on their own. The lock names its process, so a lock left by a crashed
    app is taken over (Qt checks the process is gone). Command-line use is not locked out:
    the database itself keeps concurrent writers safe."""
    paths.home.mkdir(mode=0o700, parents=True, exist_ok=True)
    lock = QLockFile(str(paths.lockfile))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
    if lock.tryLock(200):
        return lock
    return None


REPORT_SHOWN_ENV = "TIPDESK_REPORT_SHOWN"


def _report_shown(_window: QWidget) -> None:
    import time

    print(f"SHOWN {time.process_time():.4f}", flush=True)
    QApplication.quit()


def main(
    argv: Sequence[str] | None = None,
    *,
    config: AppConfig | None = None,
    on_shown: ShownHook | None = None,
) -> int:
    """Run the desktop app; return its exit code. ``on_shown`` is called with the first window
    once it is on screen (the start-up benchmark uses it). With ``TIPDESK_REPORT_SHOWN=1`` in
    the environment (and no ``on_shown``), the app prints ``SHOWN <CPU seconds so far>`` on
    stdout at that moment and quits: how ``bench/package.py`` times the packaged app."""
    if on_shown is None and os.environ.get(REPORT_SHOWN_ENV) == "1":
        on_shown = _report_shown
    app = make_application(argv)
    cfg = config or AppConfig(paths=resolve_home())
    lock = instance_lock(cfg.paths)
    if lock is None:
        text = QCoreApplication.translate("AppController", ALREADY_OPEN)
        QMessageBox.warning(None, APP_NAME, text)
        return 1
    controller = AppController(cfg)
    controller.reporter.install()
    if on_shown is not None:
        controller.sig_window_shown.connect(on_shown)
    controller.start()
    app.setQuitOnLastWindowClosed(True)
    code = app.exec()
    controller.shutdown()
    lock.unlock()
    return int(code)
