"""The look every printout shares: A4 portrait, the office's letterhead, reference and date, a
title, tidy tables, a signature block and a footer on every page ("Printed by ... · Page n of
m", the handling marking). Fonts come from :mod:`.fonts` only.

Output is deterministic for the same content (reportlab's invariant mode).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib import colors  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib.units import mm  # type: ignore[import-untyped, unused-ignore]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import (  # type: ignore[import-untyped, unused-ignore]
    Flowable,
    HRFlowable,
    KeepTogether,
    LongTable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from tipdesk.reports import rtl_text
from tipdesk.reports.printouts.fonts import fonts
from tipdesk.reports.printouts.model import Footer, Letterhead
from tipdesk.reports.printouts.model import Table as TableData

PAGE = A4
MARGIN = 18 * mm
WIDTH = PAGE[0] - 2 * MARGIN
INK = colors.HexColor("#1A1A1A")
NAVY = colors.HexColor("#1F3A5F")
GREY = colors.HexColor("#5F6368")
RULE = colors.HexColor("#9AA5B1")
HEAD_FILL = colors.HexColor("#E8EDF3")
MARK = colors.HexColor("#A61B1B")


def _styles() -> dict[str, ParagraphStyle]:
    f = fonts()
    body = ParagraphStyle("body", fontName=f.regular, fontSize=10.5, leading=14.5, textColor=INK)
    return {
        "body": body,
        "justified": ParagraphStyle("justified", parent=body, alignment=TA_JUSTIFY),
        "office": ParagraphStyle(
            "office", parent=body, fontName=f.bold, fontSize=15, leading=19, alignment=TA_CENTER,
            textColor=NAVY,
        ),
        "contact": ParagraphStyle(
            "contact", parent=body, fontSize=8.5, leading=11, alignment=TA_CENTER, textColor=GREY
        ),
        "title": ParagraphStyle(
            "title", parent=body, fontName=f.bold, fontSize=13, leading=17, alignment=TA_CENTER,
            spaceBefore=4, spaceAfter=8,
        ),
        "heading": ParagraphStyle(
            "heading", parent=body, fontName=f.bold, fontSize=11, leading=14, textColor=NAVY,
            spaceBefore=10, spaceAfter=4,
        ),
        "label": ParagraphStyle("label", parent=body, fontName=f.bold, fontSize=9, leading=12),
        "cell": ParagraphStyle("cell", parent=body, fontSize=9, leading=11.5),
        "head": ParagraphStyle("head", parent=body, fontName=f.bold, fontSize=8.5, leading=11),
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor=GREY),
        "small_right": ParagraphStyle(
            "small_right", parent=body, fontSize=8, leading=10, textColor=GREY, alignment=TA_RIGHT
        ),
        "right": ParagraphStyle("right", parent=body, alignment=TA_RIGHT),
        "sign": ParagraphStyle("sign", parent=body, alignment=TA_RIGHT, leading=13),
    }  # fmt: skip


STYLES = _styles()


def esc(text: str) -> str:
    """Text for a reportlab paragraph (its markup is XML-like); line breaks kept."""
    out = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return out.replace("\n", "<br/>")


def para(text: str, style: str = "body") -> Flowable:
    """``text`` as a paragraph; Urdu in it shaped and ordered (:mod:`tipdesk.reports.rtl_text`)."""
    return rtl_text.paragraph(text, STYLES[style], esc(text))


def labelled(label: str, text: str, *, underline: bool = False) -> Flowable:
    """``label`` in bold, then ``text`` (underlined when asked): a letter's subject line (plain
    when it holds Urdu, which is shaped and ordered instead)."""
    if rtl_text.has_rtl(label + text):
        return rtl_text.BidiParagraph(f"{label} {text}", STYLES["body"])
    value = f"<u>{esc(text)}</u>" if underline else esc(text)
    return Paragraph(f"<b>{esc(label)}</b> {value}", STYLES["body"])


def letterhead(head: Letterhead) -> list[Any]:
    """The office's name, its contact line, and a double rule under them."""
    out: list[Any] = [para(head.office_name, "office")]
    contact = head.contact_line()
    if contact:
        out.append(para(contact, "contact"))
    out += [
        Spacer(1, 3),
        HRFlowable(width="100%", thickness=1.6, color=NAVY, spaceBefore=2, spaceAfter=1.2),
        HRFlowable(width="100%", thickness=0.5, color=NAVY, spaceBefore=0, spaceAfter=8),
    ]
    return out


def reference_line(reference: str, date: str) -> Table:
    """``No. <reference>`` on the left, ``Dated: <date>`` on the right."""
    t = Table(
        [[para(f"No. {reference}"), para(f"Dated: {date}", "right")]],
        colWidths=[WIDTH * 0.62, WIDTH * 0.38],
    )
    t.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return t


def title(text: str) -> Flowable:
    return rtl_text.paragraph(text.upper(), STYLES["title"], f"<u>{esc(text.upper())}</u>")


def details(pairs: Sequence[tuple[str, str]]) -> Table:
    """Label and value pairs in two columns, ruled lightly."""
    rows = [[para(label, "label"), para(value or "–", "cell")] for label, value in pairs]
    t = Table(rows, colWidths=[WIDTH * 0.3, WIDTH * 0.7], hAlign="LEFT")
    t.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                ("BACKGROUND", (0, 0), (0, -1), HEAD_FILL),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
            ]
        )
    )
    return t


def grid(data: TableData, width: float = WIDTH) -> Any:
    """A table with a shaded header row repeated on every page, or its ``empty`` sentence."""
    if not data.rows:
        return para(data.empty, "small")
    scale = width / sum(data.widths)
    header = [para(h, "head") for h in data.headers]
    body = [[para(cell, "cell") for cell in row] for row in data.rows]
    t = LongTable([header, *body], colWidths=[w * scale for w in data.widths], repeatRows=1,
                  hAlign="LEFT")  # fmt: skip
    t.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, NAVY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("GRID", (0, 0), (-1, -1), 0.25, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return t


def signature(head: Letterhead) -> KeepTogether:
    """Space to sign, then the officer's name, designation and office, on the right."""
    lines = [
        f"<b>{esc(head.officer_name)}</b>" if head.officer_name else "",
        esc(head.officer_designation),
        esc(head.office_name),
    ]
    text = "<br/>".join(line for line in lines if line)
    plain = [head.officer_name, head.officer_designation, head.office_name]
    block = (
        rtl_text.BidiParagraph("\n".join(p for p in plain if p), STYLES["sign"])
        if rtl_text.has_rtl("".join(plain))
        else Paragraph(text, STYLES["sign"])
    )
    return KeepTogether(
        [
            Spacer(1, 14 * mm),
            Paragraph("(Signature and stamp)", STYLES["small_right"]),
            Spacer(1, 2),
            block,
        ]
    )


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """A canvas that knows the page count when it draws the footers ("Page n of m")."""

    footer: Footer | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_footer(total)
            super().showPage()
        super().save()

    def _draw_footer(self, total: int) -> None:
        footer = self.footer
        if footer is None:
            return
        f = fonts()
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(MARGIN, 13 * mm, PAGE[0] - MARGIN, 13 * mm)
        self.setFont(f.regular, 7.5)
        self.setFillColor(GREY)
        self.drawString(
            MARGIN, 9 * mm, f"Printed by {footer.printed_by} on {footer.printed_at} from TIPDesk"
        )
        self.drawRightString(PAGE[0] - MARGIN, 9 * mm, f"Page {self._pageNumber} of {total}")
        if footer.marking:
            self.setFont(f.bold, 8)
            self.setFillColor(MARK)
            self.drawCentredString(PAGE[0] / 2, 9 * mm, footer.marking)
            self.drawRightString(PAGE[0] - MARGIN, PAGE[1] - 10 * mm, footer.marking)
        self.restoreState()


def build(story: list[Any], footer: Footer, *, doc_title: str, subject: str = "") -> bytes:
    """The PDF of ``story`` with the footer on every page."""
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=14 * mm,
        bottomMargin=18 * mm,
        title=doc_title,
        author="TIPDesk",
        subject=subject,
        invariant=1,
    )
    canvas_class: Callable[..., Canvas] = type(
        "FooterCanvas", (_NumberedCanvas,), {"footer": footer}
    )
    doc.build(story, canvasmaker=canvas_class)
    return buf.getvalue()
