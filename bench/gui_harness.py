"""Start-up harness for :mod:`bench.gui_startup`: ``python -m bench.gui_harness app|bare``.

``app`` runs TIPDesk exactly as ``python -m tipdesk`` does (``tipdesk.__main__.main([])``, so
the no-argument path picks the app), with a hook that prints ``SHOWN <cpu seconds>`` once the
first window
(the sign-in screen, as ``TIPDESK_HOME`` points at an existing store) is on screen, and quits.
``bare`` shows an empty PySide6 window the same way: the baseline.
"""

from __future__ import annotations

import sys
import time


def _shown(_window: object) -> None:
    from PySide6.QtWidgets import QApplication

    # The process's CPU time so far (interpreter start included): steadier than the wall
    # clock on a busy machine.
    print(f"SHOWN {time.process_time():.4f}", flush=True)
    QApplication.quit()


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
