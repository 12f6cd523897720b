"""Regenerate the packaging icons from the app's mark: ``python build/make_icons.py``.

Contract:
- Reads ``resources/icons/logo.svg`` (the mark the app itself shows) and writes, beside this
  file, ``tipdesk.png`` (256 px, for the Linux ``.desktop`` entry) and ``tipdesk.ico`` (16, 24,
  32, 48, 64, 128 and 256 px, for the Windows executable and installer).
- Qt (offscreen) renders the SVG at each size, so the small sizes are drawn sharp rather than
  scaled down; Pillow writes the ``.ico``. Both outputs are committed: a build does not need
  to run this, only a change of the mark does.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LOGO = HERE.parent / "resources" / "icons" / "logo.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(svg: Path, size: int) -> bytes:
    """``svg`` drawn on a transparent ``size`` x ``size`` square, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])
    images = {size: Image.open(io.BytesIO(render_png(LOGO, size))) for size in ICO_SIZES}
    images[256].save(HERE / "tipdesk.png", format="PNG", optimize=True)
    # Pillow writes one entry per size, each taken from the largest image unless given: pass
    # every rendered size so each entry is Qt's own drawing at that size.
    images[256].save(
        HERE / "tipdesk.ico",
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != 256],
    )
    print(f"wrote {HERE / 'tipdesk.png'} and {HERE / 'tipdesk.ico'} ({len(ICO_SIZES)} sizes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
