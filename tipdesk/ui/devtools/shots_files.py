"""The case editor's Files tab for ``python -m tipdesk.ui.devtools.screenshots``: a decided
demo case with a scanned FIR (a PDF drawn here), a medical report of a victim and a photo,
the FIR shown in the preview; and ``case-editor-file-refused``: the Files tab with the
refusal of a "PDF" that is a Windows program (the message of ``tipdesk.services.file_types``,
in Urdu with ``--lang ur``). Importing this module registers the screens.

The files are made here from nothing (synthetic text and shapes) and removed again once the
picture is taken, so the other screens do not show them.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from tipdesk.services import attachments
from tipdesk.ui.devtools.screenshots import register
from tipdesk.ui.devtools.shots import Shots, settle
from tipdesk.ui.devtools.shots_records import _case_editor, _view
from tipdesk.ui.pages.records.editors.case_editor import CaseEditor

_FIR_LINES = [
    "FIRST INFORMATION REPORT",
    "Federal Investigation Agency, Anti-Human Trafficking Circle, Lahore",
    "",
    "FIR No. 118/2026        Date: 14-01-2026        Sections: 3, 4 PTPA 2018",
    "",
    "Complainant: Inspector (synthetic demo data)",
    "Place of occurrence: brick kiln, Kasur road",
    "",
    "Brief facts: The complainant received information that workers, among them",
    "women and children, were held at a brick kiln against advances of wages and",
    "not allowed to leave. A raid was conducted with the district administration.",
    "",
    "Accused: Rashid Mehmood (recruiter), Khalid Iqbal (kiln owner)",
    "",
    "Signed: ______________________      Station House Officer",
]


def _scan_pdf(path: Path, pages: int = 2) -> Path:
    """A PDF that looks like a typed FIR (synthetic)."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(18, 18, 18, 18))
    writer.setResolution(150)
    painter = QPainter(writer)
    for n in range(pages):
        if n:
            writer.newPage()
        painter.fillRect(QRectF(0, 0, 1100, 1600), QColor("#FBFAF5"))
        font = QFont("Helvetica", 13)
        y = 40
        for i, line in enumerate(_FIR_LINES if n == 0 else _FIR_LINES[8:12]):
            font.setBold(i == 0)
            painter.setFont(font)
            painter.drawText(40, y, line)
            y += 46
        painter.setPen(QColor("#8A93A0"))
        painter.drawRect(QRectF(20, 10, 1100, y + 10))
    painter.end()
    return path


def _photo(path: Path) -> Path:
    """A PNG of simple shapes standing in for a photo (synthetic)."""
    image = QImage(960, 640, QImage.Format.Format_RGB32)
    image.fill(QColor("#9DB4C0"))
    painter = QPainter(image)
    painter.fillRect(0, 420, 960, 220, QColor("#8C6A4F"))
    painter.setBrush(QColor("#B5523B"))
    for x in range(80, 900, 140):
        painter.drawRect(x, 330, 110, 90)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#F2D06B"))
    painter.drawEllipse(780, 60, 90, 90)
    painter.end()
    image.save(str(path))  # PNG, from the name
    return path


def _case_editor_files(shots: Shots) -> QWidget:
    window = _case_editor(shots)
    page, _window = _view(shots, "cases")
    editor = page.current_editor()
    assert isinstance(editor, CaseEditor)
    case = editor.form.record
    folder = shots.tmp / "case-files"
    folder.mkdir(exist_ok=True)
    added: list[str] = []
    runner = page.ctx.runner
    wanted: list[tuple[Path, str, str | None]] = [
        (_scan_pdf(folder / "FIR 118-2026 scan.pdf"), "fir", None),
        (_photo(folder / "kiln-site.png"), "photo", None),
    ]
    if case.victims:
        victim_id = case.victims[0].id
        wanted.append((_scan_pdf(folder / "medico-legal report.pdf", 1), "medical", victim_id))
    for path, kind, whose in wanted:
        runner.submit(
            partial(attachments.attach, path=path, case_id=case.id, kind=kind, victim_id=whose),
            lambda item: added.append(item.id),
        )

    def undo() -> None:
        for attachment_id in added:
            runner.submit(
                partial(attachments.remove, attachment_id=attachment_id, reason="screenshot only"),
                lambda _none: None,
            )

    shots.after_this(undo)
    panel = editor.show_files()
    panel.refresh()
    settle()
    panel.table.selectRow(0)
    settle()
    return window


def _case_editor_file_refused(shots: Shots) -> QWidget:
    """The refusal dialog over the case editor's Files tab, drawn into one picture (the
    dialog is a window of its own). Nothing is stored: the file is refused."""
    window = _case_editor(shots)
    page, _window = _view(shots, "cases")
    editor = page.current_editor()
    assert isinstance(editor, CaseEditor)
    folder = shots.tmp / "case-files"
    folder.mkdir(exist_ok=True)
    fake = folder / "challan scan.pdf"
    fake.write_bytes(b"MZ" + bytes(510))  # a Windows program's header, named as a PDF
    panel = editor.show_files()
    panel.attach_files([fake])
    settle()
    boxes = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "knownErrorBox" and w.isVisible()
    ]
    assert boxes, "the refusal was not shown"
    box = boxes[-1]
    shot = window.grab()
    dialog = box.grab()
    painter = QPainter(shot)
    painter.drawPixmap((shot.width() - dialog.width()) // 2,
                       (shot.height() - dialog.height()) // 2, dialog)  # fmt: skip
    painter.end()
    box.close()
    picture = QLabel()
    picture.setPixmap(shot)
    picture.resize(shot.size())
    shots.keep(picture)
    return picture


register("case-editor-files", _case_editor_files)
register("case-editor-file-refused", _case_editor_file_refused)
