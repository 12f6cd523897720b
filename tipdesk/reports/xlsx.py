"""XLSX writer (openpyxl): an ``About`` sheet, then one formatted sheet per table.

Contract: each table sheet has its column labels in row 1 (bold, shaded, frozen so they stay
visible while scrolling), one row per table row, the total row last (bold); counts use a
thousands separator, rates a percentage format; hidden cells are the text ``"<5"`` or ``"x"``,
right-aligned like numbers. Column widths follow the content. Sheet names are readers'
names (:data:`SHEET_NAMES`, at most Excel's 31 characters); the About sheet lists each
sheet's table and its JSON key. The file opens in Excel and LibreOffice without repair prompts
(checked by converting it with LibreOffice headless in the tests where it is installed).
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped, unused-ignore]
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped, unused-ignore]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped, unused-ignore]

from tipdesk.reports import sentences
from tipdesk.reports.localize import ENGLISH, Wording, localized_table
from tipdesk.reports.model import Cell, ColumnKind, Report, Table
from tipdesk.reports.writers import published_tables, quarantine_note

HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
HEADER_FONT = Font(bold=True, color="FFFFFF")
TOTAL_FONT = Font(bold=True)
COUNT_FORMAT = "#,##0"
RATE_FORMAT = "0.0%"
RIGHT = Alignment(horizontal="right")
WRAP = Alignment(wrap_text=True, vertical="top")


# Sheet names readers see (Excel allows 31 characters); the table's JSON key is listed beside
# its sheet on the About sheet.
SHEET_NAMES = {
    "headline": "Headline figures",
    "by_province": "By province",
    "by_district": "By district",
    "by_law": "By Act",
    "victims_by_gender": "Victims by gender",
    "victims_by_age_group": "Victims by age group",
    "victims_by_gender_and_age_group": "Victims by gender and age",
    "victims_by_form_gender_age": "Victims by form (SDG 16.2.2)",
    "victims_by_nationality": "Victims by nationality",
    "accused_by_gender_and_outcome": "Accused by gender and outcome",
    "referrals_by_service": "Referrals by service",
    "official_involvement": "Official involvement",
    "persons_trained_by_agency": "Persons trained by agency",
    "persons_trained_by_gender": "Persons trained by gender",
    "campaigns_by_department": "Campaigns by department",
    "trend": "By month",
    "coverage": "Coverage",
    "quarantine": "Held in quarantine",
}
SUPPRESSION_NOTE = (
    'counts of 1 to {shown} shown as "<{mark}"; "x" hides a count of any size (small ones '
    "too) so that no hidden count can be worked out from the others"
)
_NOT_IN_SHEET_NAMES = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def sheet_name(key: str, title: str = "", tr: Wording = ENGLISH) -> str:
    """The sheet of table ``key``: its reader's name (worded by ``tr``), else its title
    (already worded) made fit for Excel."""
    name = tr(SHEET_NAMES[key]) if key in SHEET_NAMES else ""
    name = " ".join((name or title or key).translate(_NOT_IN_SHEET_NAMES).split())
    return name[:31]


def _about(ws: Any, report: Report, tables: list[Table], tr: Wording) -> None:
    ws.title = tr("About")
    ws["A1"] = report.title
    ws["A1"].font = Font(bold=True, size=14)
    cov = report.coverage
    stale = [r.district_name for r in cov.rows if r.district in set(cov.stale)]
    silent = [r.district_name for r in cov.rows if r.district in set(cov.never_sent)]
    rows = [
        ("Period", f"{report.period[0]} – {report.period[1]}"),
        ("Compared with", f"{report.previous_period[0]} – {report.previous_period[1]}"),
        ("Scope", sentences.scope(report, tr)),
        ("Generated at", report.generated_at),
        ("Small-cell suppression", _suppression_text(report, tr)),
        ("Coverage", sentences.coverage_summary(cov, tr)),
        ("Stale districts", ", ".join(stale) or tr("none")),
        ("Registered, never sent data", ", ".join(silent) or tr("none")),
        ("Held in quarantine", quarantine_note(report, tr) or tr("nothing")),
    ]
    if tr is ENGLISH:  # the English workbook as it always was
        rows[:2] = [
            ("Period", f"{report.period[0]} to {report.period[1]}"),
            ("Compared with", f"{report.previous_period[0]} to {report.previous_period[1]}"),
        ]
    for i, (k, v) in enumerate(rows, start=3):
        ws.cell(row=i, column=1, value=tr(k)).font = TOTAL_FONT
        ws.cell(row=i, column=2, value=v).alignment = WRAP
    start = len(rows) + 5
    ws.cell(row=start - 1, column=1, value=tr("Sheet")).font = TOTAL_FONT
    ws.cell(row=start - 1, column=2, value=tr("Table")).font = TOTAL_FONT
    ws.cell(row=start - 1, column=3, value=tr("Key (JSON, CSV)")).font = TOTAL_FONT
    for i, t in enumerate(tables):
        ws.cell(row=start + i, column=1, value=sheet_name(t.key, t.title, tr))
        ws.cell(row=start + i, column=2, value=t.title + (f" ({t.note})" if t.note else ""))
        ws.cell(row=start + i, column=2).alignment = WRAP
        ws.cell(row=start + i, column=3, value=t.key)
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 100
    ws.column_dimensions["C"].width = 34


def _suppression_text(report: Report, tr: Wording = ENGLISH) -> str:
    s = report.suppression
    if not s:
        return tr("none")
    if tr is not ENGLISH:
        return tr(SUPPRESSION_NOTE).format(shown=s["threshold"] - 1, mark=s["threshold"])
    return (
        f'counts of 1 to {s["threshold"] - 1} shown as "<{s["threshold"]}"; "x" hides a '
        "count of any size (small ones too) so that no hidden count can be worked out from "
        "the others"
    )


def _table_sheet(ws: Any, table: Table) -> None:
    widths = [len(c.label) for c in table.columns]
    for j, col in enumerate(table.columns, start=1):
        cell = ws.cell(row=1, column=j, value=col.label)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    rows = [*table.rows, *([table.total] if table.total else [])]
    for i, row in enumerate(rows, start=2):
        is_total = table.total is not None and i == len(rows) + 1
        for j, (col, value) in enumerate(zip(table.columns, row, strict=True), start=1):
            shown = value.display if isinstance(value, Cell) else value
            cell = ws.cell(row=i, column=j, value=shown)
            if isinstance(shown, str) and isinstance(value, Cell):
                cell.alignment = RIGHT
            elif col.kind is ColumnKind.COUNT:
                cell.number_format = COUNT_FORMAT
            elif col.kind is ColumnKind.RATE:
                cell.number_format = RATE_FORMAT
            if is_total:
                cell.font = TOTAL_FONT
            widths[j - 1] = max(widths[j - 1], len(_width_text(shown, col.kind)))
    for j, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = min(max(width + 2, 8), 60)
    ws.row_dimensions[1].height = 30 if max(len(c.label) for c in table.columns) > 20 else 18
    ws.freeze_panes = "A2"
    if table.note:
        ws.cell(row=len(rows) + 3, column=1, value=table.note).font = Font(italic=True)


def _width_text(value: Any, kind: ColumnKind) -> str:
    if isinstance(value, int) and kind is ColumnKind.COUNT:
        return f"{value:,}"
    if isinstance(value, float) and kind is ColumnKind.RATE:
        return f"{value:.1%}"
    return "" if value is None else str(value)


def to_xlsx(report: Report, wording: Wording = ENGLISH) -> bytes:
    """The report as an XLSX workbook (see the module contract), worded by ``wording``: in a
    right-to-left language every sheet runs right to left; figures stay numbers."""
    wb = Workbook()
    tables = [localized_table(t, wording) for t in published_tables(report, wording)]
    _about(wb.active, report, tables, wording)
    for t in tables:
        _table_sheet(wb.create_sheet(sheet_name(t.key, t.title, wording)), t)
    if wording.rtl:
        for ws in wb.worksheets:
            ws.sheet_view.rightToLeft = True
    # A fixed creation time: the same report gives the same workbook content.
    stamp = (
        dt.datetime.fromisoformat(report.generated_at.replace("Z", "+00:00"))
        if (report.generated_at[:4].isdigit())
        else dt.datetime(2020, 1, 1)
    )
    wb.properties.created = wb.properties.modified = stamp.replace(tzinfo=None)
    wb.properties.creator = "TIPDesk"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
