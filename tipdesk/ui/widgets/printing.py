"""Showing a printout (a PDF the services made) and printing it or saving it.

:class:`PrintoutDialog` shows the pages, then **Print…** asks the system's print dialog
(:func:`ask_printer`, which tests replace) and draws every page on the chosen printer;
**Save as PDF…** asks for a file (:func:`tipdesk.ui.widgets.files.ask_save_file`) and writes
it on the store's thread through :func:`tipdesk.services.printouts.save_pdf` (atomically,
readable by the user only). Nothing is written anywhere unless the officer asks.

Pages are drawn with QtPdf (``QPdfDocument``), the same bytes that are saved, so the paper and
the file are the same document. QtPdf loads when the first printout is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QImage, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from tipdesk.services.printouts import Printout, save_pdf
from tipdesk.services.session import Session
from tipdesk.ui.runner import Runner
from tipdesk.ui.widgets import files
from tipdesk.ui.widgets.common import button, label, scroll_area

if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument

PREVIEW_WIDTH = 620
PRINT_DPI = 300  # enough for text on paper; a 1200 dpi page image would need half a gigabyte


def ask_printer(parent: QWidget | None) -> QPrinter | None:
    """The system's print dialog: the printer chosen, or ``None`` when cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    return printer


class PrintoutDialog(QDialog):
    """See the module docstring. ``report`` shows an error the way the app does."""

    def __init__(
        self,
        runner: Runner,
        report: Callable[[BaseException], None],
        printout: Printout,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printoutDialog")
        self.setWindowTitle(printout.title)
        self.runner = runner
        self.report = report
        self.printout = printout
        self.saved_to: Path | None = None
        self.printed_pages = 0
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(printout.data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        # Loaded when a printout is first shown, not with the pages that offer printing.
        from PySide6.QtPdf import QPdfDocument

        self.document: QPdfDocument = QPdfDocument(self)
        self.document.load(self._buffer)
        self.resize(PREVIEW_WIDTH + 80, 760)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        pages = self.document.pageCount()
        self.info = label(
            self.tr("{title}: {n} page(s). Print it, or save it as a PDF file.").format(
                title=printout.title, n=pages
            ),
            "hint",
            wrap=True,
        )
        layout.addWidget(self.info)
        layout.addWidget(self._build_pages(), 1)
        layout.addLayout(self._build_buttons())

    def _build_pages(self) -> QWidget:
        body = QWidget()
        body.setObjectName("printoutPages")
        column = QVBoxLayout(body)
        column.setSpacing(12)
        self.page_labels: list[QLabel] = []
        for n in range(self.document.pageCount()):
            size = self.document.pagePointSize(n)
            height = round(PREVIEW_WIDTH * size.height() / max(size.width(), 1.0))
            image = self.document.render(n, QSize(PREVIEW_WIDTH, height))
            page = QLabel()
            page.setObjectName(f"printoutPage{n + 1}")
            page.setPixmap(QPixmap.fromImage(image))
            page.setStyleSheet("background: white; border: 1px solid #C9D1DA;")
            page.setAccessibleName(self.tr("Page {n}").format(n=n + 1))
            column.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(page)
        column.addStretch(1)
        return scroll_area(body, framed=True)

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        self.print_button = button(self.tr("Print…"), "print", primary=True)
        self.print_button.setObjectName("printButton")
        self.print_button.setToolTip(self.tr("Print on paper (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_pages)
        self.save_button = button(self.tr("Save as PDF…"), "save")
        self.save_button.setObjectName("savePdfButton")
        self.save_button.setToolTip(self.tr("Save a copy as a PDF file (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_as)
        self.close_button = button(self.tr("Close"))
        self.close_button.setObjectName("closePrintoutButton")
        self.close_button.clicked.connect(self.reject)
        for widget in (self.close_button, self.save_button, self.print_button):
            row.addWidget(widget)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_pages)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save_as)
        self.print_button.setDefault(True)
        return row

    # --- printing -----------------------------------------------------------------------------
    def print_pages(self) -> bool:
        """Ask for a printer and draw every page on it; False when cancelled."""
        printer = ask_printer(self)
        if printer is None:
            return False
        painter = QPainter()
        if not painter.begin(printer):
            self.info.setText(self.tr("The printer could not be started; nothing was printed."))
            return False
        try:
            for n in range(self.document.pageCount()):
                if n:
                    printer.newPage()
                self._draw_page(painter, printer, n)
                self.printed_pages = n + 1
        finally:
            painter.end()
        self.info.setText(self.tr("Sent {n} page(s) to the printer.").format(n=self.printed_pages))
        return True

    def _draw_page(self, painter: QPainter, printer: QPrinter, n: int) -> None:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        size = self.document.pagePointSize(n)
        dpi = min(printer.resolution(), PRINT_DPI)
        image: QImage = self.document.render(
            n, QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72))
        )
        target = QSize(image.width(), image.height()).scaled(
            area.size(), Qt.AspectRatioMode.KeepAspectRatio
        )
        painter.drawImage(QRect(0, 0, target.width(), target.height()), image)

    # --- saving -------------------------------------------------------------------------------
    def save_as(self) -> None:
        """Ask for a file and write the PDF there (on the store's thread)."""
        path = files.ask_save_file(
            self,
            self.tr("Save as PDF"),
            Path.home() / self.printout.file_name,
            self.tr("PDF documents (*.pdf)"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        data = self.printout.data

        def work(_session: Session) -> Path:
            save_pdf(path, data)
            return path

        self.runner.submit(work, self._on_saved, self.report)

    def _on_saved(self, path: Path) -> None:
        self.saved_to = path
        self.info.setText(self.tr("Saved to {path}.").format(path=str(path)))
