"""The store's thread: one worker owns the signed-in :class:`Session`; the GUI asks it for work.

Contract:
- :class:`ThreadRunner` starts ONE worker thread. Signing in (or setting up) happens on it, so
  the SQLCipher connection is opened and used by that thread only. Work is done in the order it
  was submitted. Results and exceptions come back to the GUI thread through a queued Qt
  signal; ``on_done``/``on_error`` always run on the GUI thread, never on the worker.
- Work functions must not touch widgets; they get the session (``submit``), nothing
  (``call``), or the current session or ``None`` (``replace_session``, which installs the
  session the work returns: sign-in, setup, restore).
- An exception without an ``on_error`` goes to the runner's ``on_unhandled`` (the app's error
  reporter).
- :class:`InlineRunner` does the same synchronously on the calling thread (built on
  :class:`~tipdesk.ui.tasks.SyncRunner`): widget tests use it for determinism.
- :meth:`close` closes the session on its own thread and stops the worker.
"""

from __future__ import annotations

import itertools
import queue
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Signal, Slot

from tipdesk.core.errors import KnownError
from tipdesk.ui.tasks import Done, Failed, Runner, SyncRunner, Work

if TYPE_CHECKING:
    from tipdesk.services.session import Session

Opener = Callable[["Session | None"], "tuple[Session, Any]"]
Call = Callable[[], Any]


class NotSignedIn(KnownError):
    """Store work was asked for while no session is open."""

    def __init__(self) -> None:
        super().__init__("Nobody is signed in; sign in first.")


class SessionRunner(Runner, Protocol):
    """A :class:`~tipdesk.ui.tasks.Runner` that also opens, replaces and closes the session."""

    def call(self, fn: Call, on_done: Done, on_error: Failed | None = None) -> None:
        """Run ``fn()`` on the store's thread (work that needs no session)."""
        ...

    def replace_session(
        self, opener: Opener, on_done: Done, on_error: Failed | None = None
    ) -> None:
        """Run ``opener(current_session_or_None)`` on the store's thread; it returns ``(session,
        value)``: the session becomes current and ``on_done(value)`` is called. If it raises,
        the current session stays (the opener must leave it usable)."""
        ...

    @property
    def pending(self) -> int:
        """Jobs submitted and not yet reported back."""
        ...

    def close(self) -> None: ...


class ThreadRunner(QObject):
    """The production runner: one worker thread, results through a queued signal."""

    sig_finished = Signal(object)
    """(job id, ok, value or exception), emitted on the worker, delivered on the GUI thread."""

    def __init__(self, on_unhandled: Failed | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_unhandled = on_unhandled
        self._jobs: queue.SimpleQueue[tuple[int, str, Any] | None] = queue.SimpleQueue()
        self._callbacks: dict[int, tuple[Done, Failed | None]] = {}  # GUI thread only
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
    def submit(self, work: Work, on_done: Done, on_error: Failed | None = None) -> None:
        self._enqueue("submit", work, on_done, on_error)

    def call(self, fn: Call, on_done: Done, on_error: Failed | None = None) -> None:
        self._enqueue("call", fn, on_done, on_error)

    def replace_session(
        self, opener: Opener, on_done: Done, on_error: Failed | None = None
    ) -> None:
        self._enqueue("replace", opener, on_done, on_error)

    @property
    def pending(self) -> int:
        return len(self._callbacks)

    def _enqueue(self, kind: str, fn: Any, on_done: Done, on_error: Failed | None) -> None:
        if self._closed:
            raise RuntimeError("the store runner is closed")
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_done, on_error)
        self._jobs.put((job_id, kind, fn))

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
        self._jobs.put((0, "close", None))
        self._jobs.put(None)
        self._thread.join(timeout)
        self._callbacks.clear()

    # --- worker thread ------------------------------------------------------------------------
    def _loop(self) -> None:
        while (job := self._jobs.get()) is not None:
            job_id, kind, fn = job
            try:
                value = self._run(kind, fn)
                payload = (job_id, True, value)
            except Exception as exc:  # every failure is reported on the GUI thread
                payload = (job_id, False, exc)
            if job_id:
                try:
                    self.sig_finished.emit(payload)
                except RuntimeError:  # the app is shutting down: nobody is listening
                    return
            del payload  # do not keep a result (or a traceback's frames) alive here

    def _run(self, kind: str, fn: Any) -> Any:
        if kind == "submit":
            if self._session is None:
                raise NotSignedIn
            return fn(self._session)
        if kind == "call":
            return fn()
        if kind == "replace":
            session, value = fn(self._session)
            self._session = session
            return value
        if kind == "close" and self._session is not None:
            session, self._session = self._session, None
            session.close()
        return None


class InlineRunner:
    """Runs everything at once on the calling thread (widget tests, screenshots)."""

    def __init__(self, on_unhandled: Failed | None = None) -> None:
        self._on_unhandled = on_unhandled
        self._sync: SyncRunner | None = None

    @property
    def session(self) -> Session | None:
        return self._sync.session if self._sync else None

    @property
    def pending(self) -> int:
        return 0

    def submit(self, work: Work, on_done: Done, on_error: Failed | None = None) -> None:
        if self._sync is None:
            self._fail(NotSignedIn(), on_error)
            return
        self._sync.submit(work, on_done, on_error)

    def call(self, fn: Call, on_done: Done, on_error: Failed | None = None) -> None:
        try:
            value = fn()
        except Exception as exc:
            self._fail(exc, on_error)
            return
        on_done(value)

    def replace_session(
        self, opener: Opener, on_done: Done, on_error: Failed | None = None
    ) -> None:
        try:
            session, value = opener(self.session)
        except Exception as exc:
            self._fail(exc, on_error)
            return
        self._sync = SyncRunner(session, self._on_unhandled)
        on_done(value)

    def close(self) -> None:
        if self._sync is not None:
            session, self._sync = self._sync.session, None
            session.close()

    def _fail(self, exc: BaseException, on_error: Failed | None) -> None:
        handler = on_error or self._on_unhandled
        if handler is None:
            raise exc
        handler(exc)
