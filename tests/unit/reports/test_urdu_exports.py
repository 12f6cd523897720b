"""The report's PDF and XLSX in Urdu (issue 19): titles, headings, column headers and row
labels from the same ``.ts`` as the interface, the PDF shaped in Nastaliq, the workbook's
sheets right to left with figures still numbers; English exports unchanged."""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]
from test_urdu_output import _joined_forms, _tool, needs_poppler

from tipdesk.catalogue import translations
from tipdesk.core.errors import InvalidInput
from tipdesk.reports import rtl_text
from tipdesk.reports.localize import ENGLISH, REPORT_TEXTS, Wording, localized_table
from tipdesk.reports.model import Report
from tipdesk.reports.writers import render
from tipdesk.services.reports import report_wording


def test_every_text_the_exports_ask_for_is_listed_for_translation(rep_report: Report) -> None:
    asked: dict[str, None] = {}

    def recording(text: str) -> str:
        asked[text] = None
        return text

    wording = Wording(recording, rtl=True)
    render(rep_report, "pdf", wording)
    render(rep_report, "xlsx", wording)
    assert len(asked) > 100
    assert [t for t in asked if t not in REPORT_TEXTS] == []


def test_every_report_text_has_an_urdu_translation() -> None:
    urdu = translations("ur", ("ReportTables",))
    assert [t for t in REPORT_TEXTS if not urdu.get(t)] == []
    # Words, not the English again (Latin names such as "TIP Act 2018" are marked RTL).
    assert [t for t in REPORT_TEXTS if urdu[t] == t] == []


def test_the_command_line_wording() -> None:
    assert report_wording("en") is ENGLISH
    urdu = report_wording("ur")
    assert urdu.rtl
    assert urdu("District") == "ضلع"
    assert urdu("Not a report text") == "Not a report text"
    assert urdu("2025-01-01 to 2025-12-31") == "2025-01-01 – 2025-12-31"
    with pytest.raises(InvalidInput, match="'xx'"):
        report_wording("xx")


def test_names_and_figures_stay_as_they_are(rep_report: Report) -> None:
    table = rep_report.tables["by_district"]
    worded = localized_table(table, report_wording("ur"))
    assert worded.title != table.title and rtl_text.has_rtl(worded.title)
    assert [c.key for c in worded.columns] == [c.key for c in table.columns]
    assert worded.rows == table.rows  # district names, codes and cells untouched
    assert table.columns[0].label == "District code"  # the report itself is not changed


def _header(ws: object) -> list[object]:
    return [c.value for c in next(ws.iter_rows(min_row=1, max_row=1))]  # type: ignore[attr-defined]


def test_urdu_xlsx_runs_right_to_left_with_numbers_as_numbers(rep_report: Report) -> None:
    english = load_workbook(io.BytesIO(render(rep_report, "xlsx")))
    urdu = load_workbook(io.BytesIO(render(rep_report, "xlsx", report_wording("ur"))))
    assert len(urdu.worksheets) == len(english.worksheets)
    assert not any(ws.sheet_view.rightToLeft for ws in english.worksheets)
    assert all(ws.sheet_view.rightToLeft for ws in urdu.worksheets)
    assert "Victims by gender" in english.sheetnames
    assert "متاثرین بلحاظ جنس" in urdu.sheetnames
    for en_ws, ur_ws in zip(english.worksheets[1:], urdu.worksheets[1:], strict=True):
        en_head, ur_head = _header(en_ws), _header(ur_ws)
        words = [h for h in ur_head if not re.fullmatch(r"[\d\- –]+", str(h))]  # not periods
        assert all(isinstance(h, str) and rtl_text.has_rtl(h) for h in words), ur_head
        assert not any(rtl_text.has_rtl(str(h)) for h in en_head)
        for en_row, ur_row in zip(
            en_ws.iter_rows(min_row=2), ur_ws.iter_rows(min_row=2), strict=True
        ):
            for en_cell, ur_cell in zip(en_row, ur_row, strict=True):
                if isinstance(en_cell.value, int | float):  # figures: the same numbers
                    assert ur_cell.value == en_cell.value
                    assert ur_cell.data_type == "n"
                    assert ur_cell.number_format == en_cell.number_format
    genders = urdu["متاثرین بلحاظ جنس"]
    assert [genders.cell(row=r, column=1).value for r in (2, 3)] == ["خاتون", "مرد"]


@needs_poppler
def test_urdu_pdf_headings_are_shaped_and_english_stays(rep_report: Report, tmp_path) -> None:  # type: ignore[no-untyped-def]
    english = render(rep_report, "pdf")
    urdu = render(rep_report, "pdf", report_wording("ur"))
    en_text = _tool("pdftotext", english, tmp_path)
    assert "Headline figures" in en_text and "District code" in en_text
    assert "NotoNastaliqUrdu" not in _tool("pdffonts", english, tmp_path).replace("-", "")
    assert "NotoNastaliqUrdu" in _tool("pdffonts", urdu, tmp_path).replace("-", "")
    ur_text = _tool("pdftotext", urdu, tmp_path)
    for heading in ("Headline figures", "District code", "Victims identified by gender"):
        assert heading not in ur_text
    assert "TIP Act 2018" in ur_text  # Latin names and figures stay text
    assert re.search(r"\b2025-01-01\b", ur_text)
    # Printed shaped, in joined forms (the check itself is proved in test_urdu_output), and
    # copied out as letters: "ضلع" (District, a column header).
    assert _joined_forms(urdu) and not _joined_forms(english)
    letters = re.sub("[^\u0600-\u06ff]", "", ur_text)
    assert "ضلع" in letters and not re.search("[\ue000-\uf8ff]", ur_text)
