"""The report's sentences made from data in Urdu (issue 19): scope, coverage summary and note,
quarantine note as translated templates; names, dates and "Lahore (4)" kept left to right
inside the Urdu lines, brackets facing the right way; English exactly as before."""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped, unused-ignore]
from test_urdu_output import _tool, needs_poppler

from tipdesk.reports import rtl_text, sentences
from tipdesk.reports.model import (
    Coverage,
    CoverageRow,
    CoverageStatus,
    QuarantinedDistrict,
    Report,
)
from tipdesk.reports.writers import coverage_table, quarantine_note, render
from tipdesk.services.reports import report_wording

STYLE = ParagraphStyle("b", fontName="Helvetica", fontSize=10, leading=13)
ISOLATES = re.compile("[\u2066-\u2069\u200f]")


def _row(code: str, name: str, status: CoverageStatus, **kw: object) -> CoverageRow:
    return CoverageRow(code, name, "PB", kw.get("last"), kw.get("bundle"), bool(kw.get("stale")),  # type: ignore[arg-type]
                       devices=1, status=status, province_name="Punjab")  # fmt: skip


def _at_hq(report: Report) -> Report:
    """``report`` as HQ would give it: one district current, one stale, one never sent, one
    without a device, records of two districts held in quarantine."""
    cov = Coverage(
        "bundles",
        "2025-12-01",
        [
            _row(
                "PB-LHR", "Lahore", CoverageStatus.CURRENT, last="2025-12-20", bundle="2025-12-21"
            ),
            _row(
                "PB-FSD",
                "Faisalabad",
                CoverageStatus.STALE,
                last="2025-10-01",
                bundle="2025-10-02",
                stale=True,
            ),
            _row("PB-KSR", "Kasur", CoverageStatus.NEVER_SENT, stale=True),
            _row("PB-OKR", "Okara", CoverageStatus.NO_DEVICE),
        ],
        [
            QuarantinedDistrict("PB-LHR", "Lahore", {"case": 1, "victim": 3}),
            QuarantinedDistrict("PB-FSD", "Faisalabad", {"accused": 2}),
        ],
    )
    return dataclasses.replace(report, coverage=cov)


def test_english_sentences_are_as_they_were(rep_report: Report) -> None:
    report = _at_hq(rep_report)
    assert sentences.scope(report) == report.scope_label == "Pakistan (all provinces and districts)"
    assert report.coverage.summary() == (
        "Data from 2 of 4 districts; 1 with no device registered; 1 registered but never sent "
        "data; 1 stale (nothing newer than 2025-12-01)."
    )
    assert quarantine_note(report) == (
        "Not in these figures: 6 records received from the districts are held in quarantine at "
        "HQ (1 case, 2 accused, 3 victims) because they failed HQ's checks; by district: Lahore "
        "(4), Faisalabad (2). They count once the district corrects them or HQ's reference "
        "lists accept them."
    )
    note = coverage_table(report).note
    assert note.endswith(
        "Stale: nothing newer than 2025-12-01 (30 days before the end of the period). Source: "
        "the bundles HQ received from each district's registered devices."
    )


def _english_words(text: str, names: tuple[str, ...] = ()) -> list[str]:
    for name in names:
        text = text.replace(name, " ")
    return re.findall(r"[A-Za-z]{2,}", text)


def test_urdu_sentences_are_urdu_with_names_and_dates_in_place(rep_report: Report) -> None:
    report = _at_hq(rep_report)
    urdu = report_wording("ur")
    names = ("Lahore", "Faisalabad", "HQ")
    worded = {
        "scope": sentences.scope(report, urdu),
        "coverage": sentences.coverage_summary(report.coverage, urdu),
        "note": sentences.coverage_note(report, urdu),
        "quarantine": quarantine_note(report, urdu),
    }
    for key, text in worded.items():
        assert rtl_text.has_rtl(text), key
        assert _english_words(text, names) == [], (key, text)
    assert worded["scope"] == "پاکستان (تمام صوبے اور اضلاع)"
    assert "\u20662025-12-01\u2069" in worded["coverage"]  # a date kept left to right
    assert "\u2066Lahore (4)\u2069" in worded["quarantine"]  # a name and its count together
    assert re.search(r"\b6\b", worded["quarantine"]) and "، " in worded["quarantine"]
    district = dataclasses.replace(
        report, scope_words=("{district} district ({province})", {"district": "Lahore",
                                                                  "province": "Punjab"})
    )  # fmt: skip
    assert ISOLATES.sub("", sentences.scope(district, urdu)) == "ضلع Lahore (Punjab)"


def _visual_lines(text: str) -> list[str]:
    para = rtl_text.BidiParagraph(text, STYLE)
    para.wrap(2000, 1000)
    return ["".join(str(c.text) for c in para.visual_chunks(line)) for line in para.lines]


def _balanced(visual: str) -> bool:
    """Brackets as drawn, read left to right, each opening before it closes."""
    depth = 0
    for ch in visual:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


def test_brackets_of_mixed_sentences_face_the_right_way(rep_report: Report) -> None:
    """The coverage sentence once printed "(this install's records(; ... )all newer": a pair
    of Latin brackets taken for a reversed Urdu pair. Mirroring now follows the bidi levels."""
    report = _at_hq(rep_report)
    urdu = report_wording("ur")
    english = f"Coverage: \u2066{report.coverage.summary()}\u2069"
    lines = [
        "احاطہ: " + english.split(": ", 1)[1],  # an English sentence inside an Urdu line
        "احاطہ: " + sentences.coverage_summary(report.coverage, urdu),
        quarantine_note(report, urdu),
        "کیس (نمبر 45) اور (FIR 12/2026)",
    ]
    for text in lines:
        for visual in _visual_lines(text):
            assert _balanced(visual), visual
    (visual,) = _visual_lines("احاطہ: \u2066Data from 3 (this x); none (all newer)\u2069")
    assert "Data from 3 (this x); none (all newer)" in visual


@needs_poppler
def test_the_urdu_title_page_has_no_english_sentences(rep_report: Report, tmp_path: Path) -> None:
    report = _at_hq(rep_report)
    text = _tool("pdftotext", render(report, "pdf", report_wording("ur")), tmp_path)
    for english in ("Data from", "this install", "Pakistan (all", "Not in these figures",
                    "Stale: nothing", "Source:", "with no device"):  # fmt: skip
        assert english not in text, english
    assert "Faisalabad (2)" in text  # names and counts stay text, in their order


def test_the_urdu_workbook_says_scope_coverage_and_quarantine_in_urdu(rep_report: Report) -> None:
    report = _at_hq(rep_report)
    about = load_workbook(io.BytesIO(render(report, "xlsx", report_wording("ur")))).worksheets[0]
    values = {about.cell(row=r, column=1).value: about.cell(row=r, column=2).value
              for r in range(3, 12)}  # fmt: skip
    worded = [str(v) for v in values.values() if v]
    assert sum(rtl_text.has_rtl(v) for v in worded) >= 4  # scope, suppression, coverage, quarantine
    for v in worded:
        assert _english_words(v, ("Lahore", "Faisalabad", "Kasur", "HQ")) == [], v
