"""The ``gui`` step of ``tipdesk --self-test`` (:mod:`tipdesk.selftest`).

Contract: :func:`show_sign_in` starts the desktop app the way ``tipdesk`` does
(:func:`~tipdesk.ui.app.make_application` and the real :class:`~tipdesk.ui.app.AppController`)
on an existing install, waits until its first window (the sign-in window) is on screen and
the worker thread has answered the window's first question (the login delay, which loads the
services and the database driver on that thread), checks that the app's SVG icons and PNG
logo load (the image format plugins and ``resources/``), then closes everything. With no
display (Linux without ``DISPLAY``/``WAYLAND_DISPLAY``) it uses Qt's offscreen platform.
Returns one line saying what was checked; raises ``RuntimeError`` naming what failed.
"""

from __future__ import annotations

import os
import sys
import time

from tipdesk.paths import Paths, resources_dir
from tipdesk.ui.app import cannot_start_reason

TIMEOUT_S = 20.0


#: Qt messages that say nothing about TIPDesk (the offscreen platform cannot size windows).
HARMLESS = ("propagateSizeHints",)


def _quiet_offscreen(_kind: object, _context: object, message: str) -> None:
    """Pass Qt's messages on to stderr, less :data:`HARMLESS` ones."""
    if not any(h in message for h in HARMLESS):
        print(message, file=sys.stderr)


def show_sign_in(paths: Paths) -> str:
    """Open the sign-in window on the install in ``paths``, check it, close it."""
    if cannot_start_reason() is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QCoreApplication, QEventLoop, qInstallMessageHandler
    from PySide6.QtGui import QImage, QImageReader
    from PySide6.QtWidgets import QApplication, QWidget

    from tipdesk.ui.app import AppController, make_application
    from tipdesk.ui.context import AppConfig
    from tipdesk.ui.pages.unlock.page import UnlockView
    from tipdesk.ui.style import logo, render_svg

    started = time.perf_counter()
    previous = qInstallMessageHandler(_quiet_offscreen)
    app = make_application()
    platform = QApplication.platformName()
    controller = AppController(AppConfig(paths=paths))
    shown: list[QWidget] = []
    controller.sig_window_shown.connect(shown.append)
    try:
        window = controller.start()
        view = window.findChild(UnlockView)
        if view is None:
            raise RuntimeError(f"the first window is {type(window).__name__}, not the sign-in")
        deadline = time.monotonic() + TIMEOUT_S
        while not (shown and view.hint_received) and time.monotonic() < deadline:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            time.sleep(0.01)
        if not shown:
            raise RuntimeError(f"the sign-in window was not shown within {TIMEOUT_S:.0f} s")
        if not view.hint_received:
            raise RuntimeError(f"the app's worker thread did not answer within {TIMEOUT_S:.0f} s")
        elapsed = time.perf_counter() - started
        formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
        missing = {"svg", "png", "ico"} - formats
        if missing:
            raise RuntimeError(f"Qt cannot read {', '.join(sorted(missing))} images")
        if QImage(str(resources_dir() / "icons" / "chevron-down.svg")).isNull():
            raise RuntimeError("the style sheet's SVG icons do not load")
        drawn = render_svg("lock", 24, "#000000", ratio=1.0).toImage()
        if not any(
            drawn.pixelColor(x, y).alpha()
            for x in range(drawn.width())
            for y in range(drawn.height())
        ):
            raise RuntimeError("the app's SVG icons draw nothing")
        if logo(40).isNull():
            raise RuntimeError("the app's logo does not load")
        title = window.windowTitle()
        from tipdesk.core.languages import Language
        from tipdesk.ui.language import env_language

        if env_language() is Language.URDU and not app.property("tipdesk_translators"):
            # TIPDESK_LANG=ur: the package must carry the compiled Urdu catalogue.
            raise RuntimeError("the Urdu translation (resources/translations/tipdesk_ur.qm) "
                               "did not load")  # fmt: skip
    finally:
        controller.quit()
        for widget in QApplication.topLevelWidgets():
            widget.close()
        QCoreApplication.processEvents()
        qInstallMessageHandler(previous)
    del app
    return (
        f"the sign-in window ({title!r}) opened on the {platform} platform in "
        f"{elapsed * 1000:.0f} ms, icons loaded, closed"
    )
