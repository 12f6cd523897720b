"""Showing a case file inside the app: an image, or the pages of a PDF, from bytes in memory.

Nothing is written to disk: the bytes the services decrypted go to Qt through a ``QBuffer``.
Images are decoded already scaled to the preview's width (``QImageReader.setScaledSize``), so a
large photo does not take its full size in memory; the services refused images of more than
:data:`tipdesk.core.attachments.MAX_IMAGE_PIXELS` pixels when they were attached. PDF pages are
drawn with QtPdf (as printouts are), which runs no script a PDF may hold; at most
:data:`MAX_PAGES` pages are drawn (Save a copy for the rest). QtPdf loads with the first PDF.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from tipdesk.core import attachments as A
from tipdesk.ui.widgets.common import label, scroll_area

PREVIEW_WIDTH = 520
"""The width pages are drawn at while the preview is not on screen yet."""
MAX_WIDTH = 900
MAX_PAGES = 30


class FilePreview(QWidget):
    """A scrolling column of what a file shows (see the module docstring), or a message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filePreview")
        self.pages: list[QLabel] = []
        self._body = QWidget()
        self._column = QVBoxLayout(self._body)
        self._column.setSpacing(12)
        self.message = label("", "hint", wrap=True)
        self.message.setObjectName("previewMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._column.addWidget(self.message)
        self._column.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self._area = scroll_area(self._body, framed=True)
        outer.addWidget(self._area)
        self.show_message(self.tr("Choose a file to see it here."))

    def page_width(self) -> int:
        """The width pages and images are drawn at: the preview's, within bounds."""
        if not self.isVisible():
            return PREVIEW_WIDTH
        # Less the column's margins and a vertical scroll bar that the pages will bring.
        bar = self._area.verticalScrollBar().sizeHint().width()
        return max(240, min(self._area.viewport().width() - 24 - bar, MAX_WIDTH))

    def clear(self) -> None:
        for page in self.pages:
            self._column.removeWidget(page)
            page.deleteLater()
        self.pages = []

    def show_message(self, text: str) -> None:
        self.clear()
        self.message.setText(text)
        self.message.setVisible(True)

    def show_content(self, media_type: str, data: bytes) -> None:
        """Draw ``data`` of type ``media_type`` (an image or a PDF); a message otherwise."""
        self.clear()
        if media_type == A.PDF.media_type:
            self._show_pdf(data)
        elif media_type in (A.JPEG.media_type, A.PNG.media_type):
            self._show_image(data)
        else:
            self.show_message(self.tr("This type of file is not shown in TIPDesk."))

    def _add_page(self, pixmap: QPixmap, name: str) -> None:
        page = QLabel()
        page.setObjectName(f"previewPage{len(self.pages) + 1}")
        page.setPixmap(pixmap)
        page.setStyleSheet("background: white; border: 1px solid #C9D1DA;")
        page.setAccessibleName(name)
        self._column.insertWidget(self._column.count() - 1, page, 0, Qt.AlignmentFlag.AlignHCenter)
        self.pages.append(page)

    def _show_image(self, data: bytes) -> None:
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(buffer)
        size = reader.size()
        width = self.page_width()
        if size.isValid() and size.width() > width:
            reader.setScaledSize(size.scaled(width, 10**6, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        if image.isNull():
            self.show_message(self.tr("The image could not be shown (damaged?)."))
            return
        self.message.setVisible(False)
        self._add_page(QPixmap.fromImage(image), self.tr("Image"))

    def _show_pdf(self, data: bytes) -> None:
        from PySide6.QtPdf import QPdfDocument  # loaded with the first PDF shown

        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument(self)
        document.load(buffer)
        count = document.pageCount()
        if document.status() != QPdfDocument.Status.Ready or count < 1:
            document.deleteLater()
            self.show_message(
                self.tr("The PDF could not be shown (damaged or password-protected).")
            )
            return
        width = self.page_width()
        for n in range(min(count, MAX_PAGES)):
            size = document.pagePointSize(n)
            height = round(width * size.height() / max(size.width(), 1.0))
            image = document.render(n, QSize(width, max(height, 1)))
            self._add_page(QPixmap.fromImage(image), self.tr("Page {n}").format(n=n + 1))
        document.close()
        document.deleteLater()
        buffer.deleteLater()
        if count > MAX_PAGES:
            self.message.setText(
                self.tr("The first {shown} of {count} pages; save a copy to read the rest.").format(
                    shown=MAX_PAGES, count=count
                )
            )
            self.message.setVisible(True)
        else:
            self.message.setVisible(False)
