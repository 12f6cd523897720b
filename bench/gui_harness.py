"""Start-up harness for :mod:`bench.gui_startup`: ``python -m bench.gui_harness app|bare``.

``app`` runs TIPDesk exactly as ``python -m tipdesk`` does (``tipdesk.__main__.main([])``, so
the no-argument path picks the app), with a hook that prints ``SHOWN <cpu seconds>`` once the
first window (the sign-in screen, as ``TIPDESK_HOME`` points at an existing store) is on
screen and its first paint is over, and quits. ``bare`` shows an empty PySide6 window the same
way: the baseline. (The window is shown before it is painted: the paint comes with the event
loop's next round, so the mark waits for it; text shaping, Nastaliq's included, is paid there.)
"""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


#: Seconds to wait for the first paint before giving up (no ``SHOWN``: the bench fails).
PAINT_TIMEOUT_S = 20


def _shown(window: QWidget) -> None:
    """``window`` was shown: print the mark once its first paint is over, then quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    # The harness's own cost (the Python class of Qt's events, ~2 ms that the app does not
    # pay otherwise) is left out of the figure: added to both, it would flatter the ratio.
    before = time.process_time()
    paint = QEvent.Type.Paint
    own_cost = time.process_time() - before

    def report() -> None:
        # The process's CPU time so far (interpreter start included): steadier than the wall
        # clock on a busy machine.
        print(f"SHOWN {time.process_time() - own_cost:.4f}", flush=True)
        QApplication.quit()

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == paint:
                window.removeEventFilter(self)
                # Queued: runs once this paint (the children's included) has finished.
                QTimer.singleShot(0, report)
            return False

    window.installEventFilter(FirstPaint(window))
    QTimer.singleShot(PAINT_TIMEOUT_S * 1000, lambda: QApplication.exit(3))


def app() -> int:
    import tipdesk.__main__ as entry
    from tipdesk.ui import app as app_module

    start = app_module.main

    def main_with_marker(argv: list[str] | None = None) -> int:
        return start(argv, on_shown=_shown)

    app_module.main = main_with_marker  # type: ignore[assignment]
    return entry.main([])


def bare() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    application = QApplication(sys.argv[:1])
    window = QWidget()
    window.resize(960, 640)
    window.show()
    QTimer.singleShot(0, lambda: _shown(window))
    return application.exec()


if __name__ == "__main__":
    sys.exit({"app": app, "bare": bare}[sys.argv[1]]())
