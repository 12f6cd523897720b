"""Noticing that nobody has used the app for a while (auto-lock).

An application-wide event filter notes the time of the last keyboard, mouse, wheel or touch
input; a timer compares it with the limit every ``check_ms``. The time source is injected
(``time.monotonic`` in the app, a fake in tests), so a test can jump past the limit and call
:meth:`IdleWatch.check` without waiting ten minutes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)


class IdleWatch(QObject):
    """Emits :attr:`sig_idle` once the app has had no input for ``minutes``."""

    sig_idle = Signal()
    """No input for the configured time (emitted once until :meth:`poke`)."""

    def __init__(
        self,
        minutes: int,
        monotonic: Callable[[], float],
        check_ms: int = 15_000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._monotonic = monotonic
        self._minutes = minutes
        self._last = monotonic()
        self._armed = True
        self._timer = QTimer(self)
        self._timer.setInterval(check_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def minutes(self) -> int:
        return self._minutes

    def set_minutes(self, minutes: int) -> None:
        self._minutes = minutes

    def poke(self) -> None:
        """Input happened (or the app was unlocked): start counting again."""
        self._last = self._monotonic()
        self._armed = True

    def pause(self) -> None:
        """Stop watching (while locked)."""
        self._armed = False

    def idle_seconds(self) -> float:
        return self._monotonic() - self._last

    def check(self) -> None:
        if self._armed and self.idle_seconds() >= self._minutes * 60:
            self._armed = False
            self.sig_idle.emit()

    def stop(self) -> None:
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self._last = self._monotonic()
        return False
