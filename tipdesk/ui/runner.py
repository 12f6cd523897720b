"""Running store work from the UI: one typed way, on the store's own thread.

Contract:
- The store's connection belongs to one thread, so every call that touches a
  :class:`~tipdesk.services.session.Session` goes through a runner. A screen says what to run
  and what to do with the answer::

      runner.submit(partial(sync.enroll, path=path), on_done=self._enrolled)

  ``submit(work, on_done, on_error=None)`` runs ``work(session)`` (a
  ``Callable[[Session], T]``: a service function with its other arguments bound, or a small
  typed helper when one answer needs several service calls) on the store's thread, then calls
  ``on_done(result)`` (a ``Callable[[T], None]``) or ``on_error(exception)`` on the GUI
  thread. Work never touches widgets; callbacks never touch the session.
- ``call(fn, ...)`` runs ``fn()`` there (work that needs no session: reading a key file);
  ``off_store(fn, ...)`` runs ``fn()`` on a thread of its own, never the store's (network
  waits: the upload to HQ), and reports back on the GUI thread the same way; work submitted
  meanwhile runs at once. Its result is dropped once the runner is closed;
  ``replace_session(opener, ...)`` runs ``opener(current_session_or_None)``, which returns
  ``(session, value)``: the session becomes current and ``on_done(value)`` is called (signing
  in, setting up, restoring). If the opener raises, the current session stays (it must leave
  it usable). Work is done in the order it was submitted.
- An exception without an ``on_error`` goes to the runner's ``on_unhandled`` (the app's error
  reporter); work submitted while nobody is signed in fails with :class:`NotSignedIn`.
- :class:`ThreadRunner` is the app's runner: ONE worker thread owns the session; results come
  back through a queued Qt signal. :class:`InlineRunner` keeps the same contract synchronously
  on the calling thread: widget tests, the screenshot tool and the list timings use it, so
  they are deterministic.
- Long work reports progress through a :class:`Progress` and stops at its next update once
  the user cancelled (:class:`Cancelled`); :func:`tipdesk.ui.progress.run_with_progress`
  shows it.

This module is imported after the first window is up (the app makes its runner on first
use); the services appear here only as annotations.
"""

from __future__ import annotations

import itertools
import queue
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

from tipdesk.core.errors import KnownError

if TYPE_CHECKING:
    from tipdesk.services.session import Session

T = TypeVar("T")
Failed = Callable[[BaseException], None]
"""What to do with an exception (on the GUI thread)."""


class NotSignedIn(KnownError):
    """Store work was asked for while no session is open."""

    def __init__(self) -> None:
        super().__init__("Nobody is signed in; sign in first.")


class Cancelled(Exception):
    """Raised inside long work when the user pressed Cancel."""


class Progress:
    """Thread-safe progress and cancel flag shared by a long task and its dialog."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._done = 0
        self._total = 0
        self._cancel = threading.Event()

    def update(self, done: int, total: int) -> None:
        """Called by the work; raises :class:`Cancelled` once the user cancelled."""
        with self._lock:
            self._done, self._total = done, total
        if self._cancel.is_set():
            raise Cancelled

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def snapshot(self) -> tuple[int, int]:
        with self._lock:
            return self._done, self._total


class Runner(Protocol):
    """Runs store work on the store's thread and reports back on the GUI thread."""

    def submit(
        self,
        work: Callable[[Session], T],
        on_done: Callable[[T], None],
        on_error: Failed | None = None,
    ) -> None: ...


class SessionRunner(Runner, Protocol):
    """A :class:`Runner` that also opens, replaces and closes the session (the app's)."""

    def call(
        self, fn: Callable[[], T], on_done: Callable[[T], None], on_error: Failed | None = None
    ) -> None:
        """Run ``fn()`` on the store's thread (work that needs no session)."""
        ...

    def replace_session(
        self,
        opener: Callable[[Session | None], tuple[Session, T]],
        on_done: Callable[[T], None],
        on_error: Failed | None = None,
    ) -> None:
        """Run ``opener(current session or None)`` on the store's thread; see the module
        contract."""
        ...

    def off_store(
        self, fn: Callable[[], T], on_done: Callable[[T], None], on_error: Failed | None = None
    ) -> None:
        """Run ``fn()`` on a thread of its own (slow work that needs no session)."""
        ...

    @property
    def pending(self) -> int:
        """Jobs submitted and not yet reported back."""
        ...

    def close(self) -> None: ...


class ThreadRunner(QObject):
    """The app's runner: one worker thread, results through a queued signal."""

    sig_finished = Signal(object)
    """(job id, ok, value or exception), emitted on the worker, delivered on the GUI thread."""

    def __init__(self, on_unhandled: Failed | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_unhandled = on_unhandled
        # A job is a function of the worker's current session; None stops the worker.
        self._jobs: queue.SimpleQueue[tuple[int, Callable[[], object]] | None]
        self._jobs = queue.SimpleQueue()
        self._callbacks: dict[int, tuple[Callable[[Any], None], Failed | None]] = {}  # GUI only
        self._ids = itertools.count(1)
        self._session: Session | None = None  # worker thread only
        self._closed = False
        # Emitted on the worker, received by this object, which lives on the GUI thread: Qt
        # queues the call (AutoConnection across threads), so the slot runs on the GUI thread.
        # (Naming Qt.ConnectionType here would load the whole Qt namespace at start-up.)
        self.sig_finished.connect(self._on_finished)
        self._thread = threading.Thread(target=self._loop, name="tipdesk-store", daemon=True)
        self._thread.start()

    # --- GUI thread ---------------------------------------------------------------------------
    def submit(
        self,
        work: Callable[[Session], T],
        on_done: Callable[[T], None],
        on_error: Failed | None = None,
    ) -> None:
        self._enqueue(lambda: work(self._current()), on_done, on_error)

    def call(
        self, fn: Callable[[], T], on_done: Callable[[T], None], on_error: Failed | None = None
    ) -> None:
        self._enqueue(fn, on_done, on_error)

    def replace_session(
        self,
        opener: Callable[[Session | None], tuple[Session, T]],
        on_done: Callable[[T], None],
        on_error: Failed | None = None,
    ) -> None:
        def job() -> T:
            session, value = opener(self._session)
            self._session = session
            return value

        self._enqueue(job, on_done, on_error)

    def off_store(
        self, fn: Callable[[], T], on_done: Callable[[T], None], on_error: Failed | None = None
    ) -> None:
        if self._closed:
            raise RuntimeError("the store runner is closed")
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_done, on_error)

        def run() -> None:
            payload: tuple[int, bool, object]
            try:
                payload = (job_id, True, fn())
            except Exception as exc:  # reported on the GUI thread
                payload = (job_id, False, exc)
            try:
                self.sig_finished.emit(payload)
            except RuntimeError:  # the app is shutting down: nobody is listening
                return

        # A daemon thread: work still waiting on the network at exit is abandoned.
        threading.Thread(target=run, name=f"tipdesk-off-store-{job_id}", daemon=True).start()

    @property
    def pending(self) -> int:
        return len(self._callbacks)

    def _enqueue(
        self, job: Callable[[], T], on_done: Callable[[T], None], on_error: Failed | None
    ) -> None:
        if self._closed:
            raise RuntimeError("the store runner is closed")
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_done, on_error)
        self._jobs.put((job_id, job))

    @Slot(object)
    def _on_finished(self, payload: tuple[int, bool, Any]) -> None:
        job_id, ok, value = payload
        callbacks = self._callbacks.pop(job_id, None)
        if callbacks is None:
            return
        on_done, on_error = callbacks
        if ok:
            on_done(value)
            return
        handler = on_error or self._on_unhandled
        if handler is None:
            raise value
        handler(value)

    def close(self, timeout: float = 30.0) -> None:
        """Close the session on the worker and stop it (waits up to ``timeout`` seconds)."""
        if self._closed:
            return
        self._closed = True
        self._jobs.put((0, self._close_session))
        self._jobs.put(None)
        self._thread.join(timeout)
        self._callbacks.clear()

    # --- worker thread ------------------------------------------------------------------------
    def _current(self) -> Session:
        if self._session is None:
            raise NotSignedIn
        return self._session

    def _close_session(self) -> None:
        if self._session is not None:
            session, self._session = self._session, None
            session.close()

    def _loop(self) -> None:
        while (job := self._jobs.get()) is not None:
            job_id, run = job
            payload: tuple[int, bool, object]
            try:
                payload = (job_id, True, run())
            except Exception as exc:  # every failure is reported on the GUI thread
                payload = (job_id, False, exc)
            if job_id:
                try:
                    self.sig_finished.emit(payload)
                except RuntimeError:  # the app is shutting down: nobody is listening
                    return
            del payload  # do not keep a result (or a traceback's frames) alive here


class InlineRunner:
    """The same contract, run at once on the calling thread (widget tests, the screenshot
    tool, the list timings). ``session``: start signed in to it."""

    def __init__(self, on_unhandled: Failed | None = None, session: Session | None = None) -> None:
        self._on_unhandled = on_unhandled
        self.session = session

    @property
    def pending(self) -> int:
        return 0

    def submit(
        self,
        work: Callable[[Session], T],
        on_done: Callable[[T], None],
        on_error: Failed | None = None,
    ) -> None:
        session = self.session
        if session is None:
            self._fail(NotSignedIn(), on_error)
            return
        self.call(lambda: work(session), on_done, on_error)

    def call(
        self, fn: Callable[[], T], on_done: Callable[[T], None], on_error: Failed | None = None
    ) -> None:
        try:
            value = fn()
        except Exception as exc:
            self._fail(exc, on_error)
            return
        on_done(value)

    def off_store(
        self, fn: Callable[[], T], on_done: Callable[[T], None], on_error: Failed | None = None
    ) -> None:
        self.call(fn, on_done, on_error)

    def replace_session(
        self,
        opener: Callable[[Session | None], tuple[Session, T]],
        on_done: Callable[[T], None],
        on_error: Failed | None = None,
    ) -> None:
        try:
            self.session, value = opener(self.session)
        except Exception as exc:
            self._fail(exc, on_error)
            return
        on_done(value)

    def close(self) -> None:
        if self.session is not None:
            session, self.session = self.session, None
            session.close()

    def _fail(self, exc: BaseException, on_error: Failed | None) -> None:
        handler = on_error or self._on_unhandled
        if handler is None:
            raise exc
        handler(exc)
