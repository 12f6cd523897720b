"""The threaded runner: one worker thread owns the session; results and errors come back on
the GUI thread through a queued signal; long work reports progress and can be cancelled while
the window keeps answering."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from gui_support import GUI_ADMIN, GUI_PASSPHRASE
from PySide6.QtCore import QCoreApplication, QThread, QTimer
from PySide6.QtWidgets import QPushButton

from tipdesk.core.errors import WrongPassphrase
from tipdesk.services.session import Session, sign_in
from tipdesk.ui.context import AppConfig
from tipdesk.ui.progress import run_with_progress
from tipdesk.ui.runner import NotSignedIn, Progress, ThreadRunner


@pytest.fixture
def runner(qtbot: Any) -> Any:
    errors: list[BaseException] = []
    worker = ThreadRunner(errors.append)
    worker.unhandled = errors  # type: ignore[attr-defined]
    yield worker
    worker.close()


def _gui_thread() -> bool:
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() is app.thread()


def test_results_arrive_on_the_gui_thread(
    runner: ThreadRunner, gui_config: AppConfig, make_install: Callable[..., str], qtbot: Any
) -> None:
    make_install()
    seen: dict[str, Any] = {}

    def opener(old: Session | None) -> tuple[Session, str]:
        seen["open_thread"] = threading.get_ident()
        session = sign_in(gui_config.paths, user=GUI_ADMIN, passphrase=GUI_PASSPHRASE,
                          clock=gui_config.clock)  # fmt: skip
        return session, session.user.name

    def opened(name: str) -> None:
        seen["opened"] = name
        seen["opened_on_gui"] = _gui_thread()

    runner.replace_session(opener, opened)
    qtbot.waitUntil(lambda: "opened" in seen)
    assert seen["opened"] == GUI_ADMIN and seen["opened_on_gui"]
    assert seen["open_thread"] != threading.get_ident()  # signed in on the worker

    def work(session: Session) -> tuple[int, int]:
        return threading.get_ident(), len(session.store.users())

    def done(value: tuple[int, int]) -> None:
        seen["work"] = value
        seen["done_on_gui"] = _gui_thread()

    runner.submit(work, done)
    assert runner.pending == 1
    qtbot.waitUntil(lambda: "work" in seen)
    worker_thread, users = seen["work"]
    assert worker_thread == seen["open_thread"]  # the same thread owns the connection
    assert users == 1 and seen["done_on_gui"]
    assert runner.pending == 0


def test_errors_come_back_on_the_gui_thread(
    runner: ThreadRunner, gui_config: AppConfig, make_install: Callable[..., str], qtbot: Any
) -> None:
    make_install()
    failures: list[tuple[BaseException, bool]] = []

    def opener(old: Session | None) -> tuple[Session, None]:
        return sign_in(gui_config.paths, user=GUI_ADMIN, passphrase="wrong passphrase",
                       clock=gui_config.clock), None  # fmt: skip

    runner.replace_session(opener, lambda _v: None, lambda e: failures.append((e, _gui_thread())))
    qtbot.waitUntil(lambda: bool(failures))
    assert isinstance(failures[0][0], WrongPassphrase) and failures[0][1]
    # Without a session, work fails with NotSignedIn; without on_error it goes to the handler.
    runner.submit(lambda s: s.store.users(), lambda _v: None)
    qtbot.waitUntil(lambda: bool(runner.unhandled))  # type: ignore[attr-defined]
    assert isinstance(runner.unhandled[0], NotSignedIn)  # type: ignore[attr-defined]


def test_long_work_reports_progress_and_cancels_while_the_gui_answers(
    runner: ThreadRunner, qtbot: Any
) -> None:
    runner.replace_session(lambda _old: (_FakeSession(), None), lambda _v: None)  # type: ignore[arg-type,return-value]
    started = threading.Event()
    outcome: list[str] = []

    def work(_session: Any, progress: Progress) -> str:
        started.set()
        for i in range(1000):
            progress.update(i, 1000)
            time.sleep(0.01)
        return "finished"

    dialog = run_with_progress(
        runner, None, "Work", "Working…", work, outcome.append, lambda e: outcome.append(repr(e)),
        on_cancelled=lambda: outcome.append("cancelled"),
    )  # fmt: skip
    assert started.wait(5)
    # The GUI thread keeps running its event loop meanwhile: a timer fires.
    ticks: list[int] = []
    QTimer.singleShot(20, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: bool(ticks), timeout=2000)
    qtbot.waitUntil(lambda: dialog.progress.snapshot()[0] > 5)
    dialog.poll()
    assert dialog.maximum() == 1000 and dialog.value() > 5
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    cancel.click()
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    assert outcome == ["cancelled"]


def test_close_closes_the_session_on_its_thread(qtbot: Any) -> None:
    runner = ThreadRunner()
    fake = _FakeSession()
    opened: list[Any] = []
    runner.replace_session(lambda _old: (fake, None), opened.append)  # type: ignore[arg-type,return-value]
    qtbot.waitUntil(lambda: bool(opened))
    runner.close()
    assert fake.closed_on is not None and fake.closed_on != threading.get_ident()
    with pytest.raises(RuntimeError):
        runner.submit(lambda s: None, lambda _v: None)


class _FakeSession:
    """Stands in for a session where only the worker's bookkeeping matters."""

    def __init__(self) -> None:
        self.closed_on: int | None = None

    def close(self) -> None:
        self.closed_on = threading.get_ident()


def test_the_whole_app_runs_on_the_threaded_worker(
    gui_config: AppConfig, make_install: Callable[..., str], qtbot: Any
) -> None:
    """Sign in, every shell page, verify, lock and unlock with the real worker thread."""
    import dataclasses

    from tipdesk.ui.app import AppController, StartWindow
    from tipdesk.ui.main_window import MainWindow
    from tipdesk.ui.pages.audit.page import AuditView
    from tipdesk.ui.pages.dashboard.page import DashboardView
    from tipdesk.ui.pages.unlock.page import UnlockView

    make_install(demo_cases=10)
    controller = AppController(dataclasses.replace(gui_config, make_runner=ThreadRunner))
    try:
        start = controller.start()
        assert isinstance(start, StartWindow) and isinstance(start.view, UnlockView)
        view = start.view
        qtbot.waitUntil(lambda: view.hint_received)  # the login delay, from the worker
        view.user_edit.setText(GUI_ADMIN)
        view.passphrase_edit.setText(GUI_PASSPHRASE)
        view.unlock_button.click()
        qtbot.waitUntil(lambda: isinstance(controller.main_window, MainWindow), timeout=10_000)
        window = controller.main_window
        assert isinstance(window, MainWindow)
        dashboard = window.page("dashboard")
        assert isinstance(dashboard, DashboardView)
        qtbot.waitUntil(lambda: dashboard.figures is not None, timeout=10_000)
        audit = window.show_page("audit")
        assert isinstance(audit, AuditView) and audit.model is not None
        model = audit.model
        qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10_000)
        audit.verify_button.click()
        qtbot.waitUntil(lambda: audit.result.kind == "ok" and "intact" in audit.result.text())
        for key in ("settings", "users", "cases", "sync"):
            window.show_page(key)
        window.lock()
        window.lock_screen.passphrase_edit.setText(GUI_PASSPHRASE)
        window.lock_screen.unlock_button.click()
        qtbot.waitUntil(lambda: not window.locked, timeout=10_000)
        window.close()
    finally:
        controller.shutdown()


def test_off_store_work_leaves_the_store_thread_free(runner: ThreadRunner, qtbot: Any) -> None:
    """Slow work that needs no session (the network step of an upload) runs on a thread of
    its own: store work submitted meanwhile is answered first; both answers arrive on the GUI
    thread; a failure goes to on_error."""
    release = threading.Event()
    seen: dict[str, Any] = {}
    store_thread: list[int] = []
    runner.call(lambda: store_thread.append(threading.get_ident()), lambda _v: None)

    def slow() -> int:
        release.wait(10)
        return threading.get_ident()

    def done(ident: int) -> None:
        seen["slow"], seen["slow_on_gui"] = ident, _gui_thread()

    runner.off_store(slow, done)
    runner.call(lambda: "store", lambda value: seen.setdefault("store", value))
    qtbot.waitUntil(lambda: "store" in seen)
    assert "slow" not in seen  # the store's thread did not wait for it
    release.set()
    qtbot.waitUntil(lambda: "slow" in seen)
    assert seen["slow_on_gui"] and seen["slow"] not in (store_thread[0], threading.get_ident())

    def fail() -> None:
        raise ValueError("HQ answered nonsense")

    runner.off_store(fail, lambda _v: None, lambda exc: seen.setdefault("error", exc))
    qtbot.waitUntil(lambda: "error" in seen)
    assert isinstance(seen["error"], ValueError)
