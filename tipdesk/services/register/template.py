"""The register template: an empty workbook a district fills and TIPDesk imports.

Contract: :func:`write_template` writes, atomically, an XLSX with an ``Instructions`` sheet, one
sheet per record kind (``Cases``, ``Accused``, ``Victims``, ``Training``, ``Campaigns``: the
columns of :mod:`tipdesk.services.register.columns`, headers in row 1, bold, frozen, with a
note on each saying what to write) and a hidden ``Lists`` sheet holding the names and codes
that the drop-down lists of coded columns offer. Drop-downs warn but do not refuse other
entries: codes are accepted as well as names, and list columns take several values separated
by ``;``. It needs only the reference data, not a store.
"""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]
from openpyxl.comments import Comment  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]

from tipdesk.core.codes import Gender
from tipdesk.core.reference import Reference
from tipdesk.fs import atomic_write_bytes
from tipdesk.services.register.columns import SHEETS, Column
from tipdesk.services.register.values import ENUMS

_REQUIRED_FILL = PatternFill("solid", fgColor="1F4E78")
_OPTIONAL_FILL = PatternFill("solid", fgColor="5B9BD5")
_EXTRA_FILL = PatternFill("solid", fgColor="9DC3E6")
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_LAST_ROW = 1_048_576  # drop-downs cover the whole column below the header

INSTRUCTIONS = """\
TIPDesk register template
Fill one sheet per register; leave out sheets you do not keep. Do not rename the headers in
row 1 (their order does not matter; other columns are ignored with a warning).
Import with: tipdesk import register FILE.xlsx --dry-run (to check), then without --dry-run.
Dates: a spreadsheet date, or text YYYY-MM-DD or DD/MM/YYYY.
Gender: female, male, transgender or unknown (F, M, T, U also work, in any case). When the
register does not know a victim's gender or age, write unknown or leave it empty: the victim
is imported and counted all the same.
Yes/no columns: yes, no, y, n, true, false, 1, 0.
Lists (forms of exploitation, partners, topics, referrals, protection measures): several
values separated by ;
Participants by agency (Training): each agency with its number, FIA: 5; Punjab Police: 10.
Districts, agencies, departments, partners, countries: the name or the code (see the Lists
sheet; unhide it with right-click > Unhide). A department may be named as your office says
it (Social Welfare Department): it is your province's.
An empty office means your own office. An office TIPDesk does not know is listed by the
import: ask your admin to add it, or map the name to an office code.
Accused and victims name their case by case_number: the case may be in the Cases sheet or
already in TIPDesk. Importing the same register again changes nothing; an edited register
updates the cases and victims it matches (case number + district + office; victim code).
A training or campaign row matches only an identical one: an edited row is a new record.
Dark headers are required columns; lighter ones are optional.
"""


def _lists(reference: Reference) -> dict[str, list[tuple[str, str]]]:
    """List name -> (shown value, code) pairs offered by the drop-downs."""
    out: dict[str, list[tuple[str, str]]] = {
        "district": [(d.name, d.code) for d in reference.districts.values()],
        "office": [(o.name, o.code) for o in reference.offices.values()],
        "law": [(law, law) for law in reference.laws()],
        "gender": [(g.value, g.value) for g in Gender],
        "bool": [("yes", "yes"), ("no", "no")],
    }
    for name, enum in ENUMS.items():
        out[f"enum:{name}"] = [(m.value, m.value) for m in enum]
    for name in (
        "countries",
        "exploitation_forms",
        "accused_roles",
        "referral_services",
        "training_topics",
        "agencies",
        "partners",
        "departments",
        "campaign_kinds",
        "protection_measures",
    ):
        items = reference.items(name).values()
        out[f"code:{name}"] = [(i.name, i.code) for i in items]
    return out


def _list_key(column: Column) -> str | None:
    kind = column.kind
    if kind.startswith("codes:"):
        return "code:" + kind[6:]
    if kind == "department":
        return "code:departments"
    if kind in ("district", "office", "law", "gender", "bool") or kind.startswith(
        ("enum:", "code:")
    ):
        return kind
    return None


def write_template(path: Path, reference: Reference) -> None:
    """Write the empty register workbook to ``path`` (replacing it atomically)."""
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = "Instructions"
    for i, line in enumerate(INSTRUCTIONS.splitlines(), start=1):
        sheet.cell(row=i, column=1, value=line)
    sheet["A1"].font = Font(bold=True, size=14)
    row = len(INSTRUCTIONS.splitlines()) + 2
    for col, title in enumerate(("sheet", "column", "required", "what to write"), start=1):
        cell = sheet.cell(row=row, column=col, value=title)
        cell.font = _HEADER_FONT
        cell.fill = _REQUIRED_FILL
    for spec in SHEETS:
        for column in spec.columns:
            row += 1
            sheet.cell(row=row, column=1, value=spec.name)
            sheet.cell(row=row, column=2, value=column.name)
            sheet.cell(row=row, column=3, value="yes" if column.required else "")
            sheet.cell(row=row, column=4, value=column.help)
    for letter, width in (("A", 14), ("B", 26), ("C", 10), ("D", 90)):
        sheet.column_dimensions[letter].width = width

    lists = _lists(reference)
    lists_sheet = wb.create_sheet("Lists")
    ranges: dict[str, str] = {}
    for n, (key, items) in enumerate(lists.items()):
        name_col, code_col = get_column_letter(2 * n + 1), get_column_letter(2 * n + 2)
        lists_sheet[f"{name_col}1"] = key.split(":")[-1]
        lists_sheet[f"{code_col}1"] = "code"
        lists_sheet[f"{name_col}1"].font = Font(bold=True)
        for r, (shown, code) in enumerate(items, start=2):
            lists_sheet[f"{name_col}{r}"] = shown
            lists_sheet[f"{code_col}{r}"] = code
        ranges[key] = f"=Lists!${name_col}$2:${name_col}${len(items) + 1}"
        lists_sheet.column_dimensions[name_col].width = 30
    lists_sheet.sheet_state = "hidden"

    for spec in SHEETS:
        ws = wb.create_sheet(spec.name)
        for c, column in enumerate(spec.columns, start=1):
            cell = ws.cell(row=1, column=c, value=column.name)
            cell.font = _HEADER_FONT
            cell.fill = (
                _REQUIRED_FILL
                if column.required
                else (_EXTRA_FILL if column.extra else _OPTIONAL_FILL)
            )
            cell.alignment = Alignment(horizontal="center")
            if column.help:
                cell.comment = Comment(column.help, "TIPDesk")
            letter = get_column_letter(c)
            ws.column_dimensions[letter].width = max(len(column.name) + 4, 14)
            list_key = _list_key(column)
            if list_key is not None:
                many = column.kind.startswith("codes:")
                dv = DataValidation(
                    type="list",
                    formula1=ranges[list_key],
                    allow_blank=True,
                    showErrorMessage=not many,
                    errorStyle="warning",
                    errorTitle="Not in the list",
                    error="This value is not in TIPDesk's list; the import will check it.",
                    promptTitle=column.name,
                    prompt=("Several values: separate them with ;" if many else column.help)[:250],
                    showInputMessage=True,
                )
                dv.add(f"{letter}2:{letter}{_LAST_ROW}")
                ws.add_data_validation(dv)
        ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    wb.save(buffer)
    atomic_write_bytes(path, buffer.getvalue(), mode=0o644)
