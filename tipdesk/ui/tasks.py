"""Running store work off the GUI thread.

Contract:
- The store's connection belongs to one thread, so every call that touches a
  :class:`~tipdesk.services.session.Session` goes through a :class:`Runner`: ``submit(work,
  on_done, on_error)`` runs ``work(session)`` on the store's thread and calls ``on_done(result)``
  or ``on_error(exception)`` back on the GUI thread. Widgets are never touched from ``work``.
- :class:`SyncRunner` runs everything at once on the calling thread; widget tests use it so they
  are deterministic. The threaded runner (one worker thread, results through a queued signal)
  lives in :mod:`tipdesk.ui.runner`.
- Long work reports progress through :class:`Progress` and can be cancelled.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    # Only for annotations: importing the services (and the database driver) at startup would
    # delay the first window; the worker imports them when it signs in.
    from tipdesk.services.session import Session

T = TypeVar("T")
Work = Callable[["Session"], Any]
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


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

    def submit(self, work: Work, on_done: Done, on_error: Failed | None = None) -> None: ...


class SyncRunner:
    """Runs work immediately on the calling thread (tests, and the setup wizard's last step)."""

    def __init__(self, session: Session, on_unhandled: Failed | None = None) -> None:
        self.session = session
        self._on_unhandled = on_unhandled

    def submit(self, work: Work, on_done: Done, on_error: Failed | None = None) -> None:
        try:
            result = work(self.session)
        except Exception as exc:
            handler = on_error or self._on_unhandled
            if handler is None:
                raise
            handler(exc)
            return
        on_done(result)
