"""Urdu in the PDFs and workbooks (issue 19): words shaped in Nastaliq (joined letters, never
isolated forms), lines laid out right to left with Latin words in their place, text copied
out of the PDF giving the letters back, and Urdu kept as text in XLSX. Read back with
poppler's pdftotext/pdffonts and openpyxl."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped, unused-ignore]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import Paragraph, SimpleDocTemplate  # type: ignore[import-untyped, unused-ignore]

from tipdesk.reports import rtl_text
from tipdesk.reports.model import Report
from tipdesk.reports.printouts.documents import case_summary_pdf
from tipdesk.reports.printouts.model import CaseSummary, Footer, Letterhead, Table
from tipdesk.reports.writers import render

needs_poppler = pytest.mark.skipif(
    not shutil.which("pdftotext"), reason="poppler-utils is not installed (make sysdeps)"
)

# Every letter of this name joins its neighbours: printed right, none is in isolated form.
JOINED_NAME = "محمد"
NARRATIVE = "ملزم محمد علی نے FIR 123/2026 کے مطابق متاثرہ کو جبری مشقت پر مجبور کیا۔"


def _pdf(flowables: list[object]) -> bytes:
    out = io.BytesIO()
    SimpleDocTemplate(out).build(flowables)
    return out.getvalue()


def _tool(tool: str, data: bytes, tmp_path: Path, *args: str) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(data)
    out = ["-"] if tool == "pdftotext" else []
    done = subprocess.run([tool, *args, str(path), *out], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def _joined_forms(data: bytes) -> bool:
    """Whether the PDF draws Nastaliq glyphs that are no letter's own glyph (joined, shaped
    forms): reportlab's ToUnicode map of the Nastaliq font gives those private-use code
    points, while an unshaped text uses only the letters' own (isolated) glyphs. Read from
    the map itself: text extraction gives letters back either way (``/ActualText``)."""
    found = False
    for head in re.finditer(rb"\n(\d+) 0 obj\s*<<((?:(?!>>).)*)>>\s*stream\r?\n", data, re.S):
        body = data[head.end() : data.index(b"endstream", head.end())]
        if b"ASCII85" in head.group(2):  # fonts and images, never a ToUnicode map
            continue
        if b"FlateDecode" in head.group(2):
            body = zlib.decompress(body)
        if b"begincmap" not in body or b"NotoNastaliqUrdu" not in body:
            continue
        targets = re.findall(rb"<[0-9A-F]+>\s*<([0-9A-F]{4})>", body)
        found = found or any(0xE000 <= int(t, 16) <= 0xF8FF for t in targets)
    return found


def _letters(text: str) -> str:
    """The Urdu letters of ``text``, in order (spaces, Latin words and marks left out)."""
    return re.sub("[^\u0600-\u06ff]", "", text)


def _summary(narrative: str) -> bytes:
    empty = Table(headers=("Name",), rows=[], widths=(1,))
    return case_summary_pdf(
        CaseSummary(
            letterhead=Letterhead(office_name="AHTC Lahore"),
            footer=Footer(printed_by="tester", printed_at="7 Dec 2026 12:00"),
            reference="FIR 123/2026",
            date="7 Dec 2026",
            title="Case summary",
            details=[("Police station", "تھانہ سول لائنز")],
            narrative=narrative,
            accused=Table(headers=("Name",), rows=[(JOINED_NAME,)], widths=(1,)),
            hearings=empty,
            victims=empty,
            referrals=empty,
            identity_note="Identities withheld.",
        )
    )


@needs_poppler
def test_urdu_in_a_printout_is_shaped_in_nastaliq(tmp_path: Path) -> None:
    data = _summary(NARRATIVE)
    assert "NotoNastaliqUrdu" in _tool("pdffonts", data, tmp_path).replace("-", "")
    text = _tool("pdftotext", data, tmp_path)
    assert "FIR 123/2026" in text  # the Latin words stay text
    assert _joined_forms(data)
    # The check does see isolated letters: the same words set without shaping have none.
    style = ParagraphStyle("u", fontName=rtl_text.urdu_font(), fontSize=12)
    unshaped = _pdf([Paragraph(NARRATIVE, style)])
    assert not _joined_forms(unshaped)
    assert not _joined_forms(_pdf([Paragraph("Only English words", style)]))


@needs_poppler
def test_urdu_copied_out_of_a_pdf_is_the_text_put_in(tmp_path: Path) -> None:
    """Each shaped cluster carries its letters (``/ActualText``): copying gives Urdu letters
    in reading order, never the private-use code points of the joined glyphs."""
    style = ParagraphStyle("b", fontName="Helvetica", fontSize=12, leading=14)
    name = "محمد علی"
    data = _pdf([rtl_text.paragraph(name, style)])
    assert _joined_forms(data)  # drawn shaped...
    copied = _tool("pdftotext", data, tmp_path)
    # ...and copied back as typed (poppler marks a right-to-left line with U+202B...U+202C).
    assert copied.strip().strip("\u202b\u202c") == name
    narrative = _tool("pdftotext", _pdf([rtl_text.paragraph(NARRATIVE, style)]), tmp_path)
    assert not re.search("[\ue000-\uf8ff]", narrative)
    # Every letter, in order; poppler may cut a word where Nastaliq offsets a letter's dots
    # (docs/translation.md), so spaces are not compared.
    assert _letters(NARRATIVE) in _letters(narrative)


def _x_of(words: list[str], data: bytes, tmp_path: Path) -> dict[str, float]:
    """The left edge of each Latin word on the page (pdftotext's word boxes)."""
    html = _tool("pdftotext", data, tmp_path, "-bbox")
    found: dict[str, float] = {}
    for line in html.splitlines():
        for word in words:
            if line.strip().endswith(f">{word}</word>"):
                found[word] = float(line.split('xMin="')[1].split('"')[0])
    assert set(found) == set(words), html
    return found


@needs_poppler
def test_a_mixed_line_runs_right_to_left(tmp_path: Path) -> None:
    """An Urdu sentence with English words reads from the right: the first English word
    stands right of the second. A sentence starting in English keeps left to right."""
    style = ParagraphStyle("b", fontName="Helvetica", fontSize=11, leading=14)
    urdu = rtl_text.paragraph("محمد ALPHA علی BRAVO لاہور", style)
    x = _x_of(["ALPHA", "BRAVO"], _pdf([urdu]), tmp_path)
    assert x["BRAVO"] < x["ALPHA"]
    english = rtl_text.paragraph("ALPHA محمد علی BRAVO", style)
    x = _x_of(["ALPHA", "BRAVO"], _pdf([english]), tmp_path)
    assert x["ALPHA"] < x["BRAVO"]


def test_brackets_of_an_urdu_run_are_mirrored() -> None:
    style = ParagraphStyle("b", fontName="Helvetica", fontSize=11, leading=14)
    para = rtl_text.BidiParagraph("کیس (نمبر 45)", style)
    latin = [str(c.text) for c in para.visual_chunks(para.text) if c.font == "Helvetica"]
    # Displayed left to right: "(45" at the far left closes the bracket opened by ")" on the
    # right, before نمبر: the reading order's "(" is drawn facing the Urdu words it encloses.
    assert "".join(latin).replace(" ", "") == "(45)"
    assert latin[0].startswith("(")


def test_latin_text_is_left_to_reportlab() -> None:
    """Text without Urdu is reportlab's own paragraph, as before (markup kept)."""
    style = ParagraphStyle("b", fontName="Helvetica", fontSize=11, leading=14)
    assert isinstance(rtl_text.paragraph("A & B", style, "<b>A &amp; B</b>"), Paragraph)
    assert isinstance(rtl_text.paragraph("A محمد", style), rtl_text.BidiParagraph)
    assert rtl_text.urdu_font() in pdfmetrics.getRegisteredFontNames()


def test_a_long_urdu_narrative_continues_on_the_next_page() -> None:
    data = _summary(" ".join([NARRATIVE] * 120))
    assert len(re.findall(rb"/Type /Page[^s]", data)) >= 2


def test_xlsx_keeps_urdu_as_text(rep_report: Report) -> None:
    table = rep_report.tables["by_district"]
    table.rows[0][1] = "لاہور"
    wb = load_workbook(io.BytesIO(render(rep_report, "xlsx")))
    sheet = next(ws for ws in wb.worksheets if ws.title == "By district")
    cell = sheet.cell(row=2, column=2)
    assert cell.value == "لاہور"
    assert cell.data_type == "s"
