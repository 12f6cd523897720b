"""Sheets as district offices lay them out by hand: where the header is, a header over two
rows, totals rows, merged cells. Used by :mod:`.reading` while it reads a sheet.

Contract: no I/O. :class:`RawSheet` is one sheet as read (header, rows, problems, the columns
its headers name). The helpers decide, from the cell values and the merges the sheet's XML
declares, what a hand-kept layout means: the header row is the first among the top rows whose
cells name at least two columns (:func:`find_header`); the row below continues it when it
names columns the first does not (:func:`second_header_row`: a merged ``Participants`` over
``Female | Male | ...``); a row reading ``Total`` is a totals row, never a record
(:func:`is_totals`); a merge down one column of data rows holds for every row it covers
(:func:`merge_problem` fills it in), other merges reaching data rows are errors at those rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils.cell import (  # type: ignore[import-untyped]
    get_column_letter,
    range_boundaries,
)

from tipdesk.core.messages import say
from tipdesk.services.register.columns import Column, HeaderMap, SheetSpec
from tipdesk.services.register.model import RowProblem


@dataclass(slots=True)
class RawSheet:
    """One recognised sheet: ``headers`` are (column index, header text) of its header row,
    ``rows`` are (row number, cell values) of its non-empty data rows. ``blocked`` rows cannot
    be imported (a problem in ``problems`` says why)."""

    name: str
    spec: SheetSpec
    header_row: int
    headers: list[tuple[int, str]]
    rows: list[tuple[int, tuple[Any, ...]]] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    blocked: set[int] = field(default_factory=set)
    columns: dict[int, Column] = field(default_factory=dict)
    """Header index -> the register column its header names (duplicates included)."""
    silent: set[int] = field(default_factory=set)
    """Header indexes that name nothing and are read silently (a serial number's column)."""
    totals: list[int] = field(default_factory=list)
    """Rows read as totals of the rows above them, not as records."""

    def header_at(self, index: int) -> str:
        """The header of a 0-based column index, else its letter."""
        return next((h for i, h in self.headers if i == index), get_column_letter(index + 1))


def merge_problem(sheet: RawSheet, ref: str) -> bool:
    """Report a merge the rows cannot be read through; True when it was resolved instead.

    A merge within the header rows is harmless (a title, a group of columns, a header over
    two rows). A merge down one column of data rows means its value holds for every row it
    covers (a case number beside each of its accused): the value is filled in. Other merges
    reaching data rows (across columns) are errors at those rows, except in totals rows."""
    min_col, min_row, max_col, max_row = range_boundaries(ref)
    if max_row <= sheet.header_row:
        return False  # a title above the header, or the header's own cells: harmless
    header = min_row <= sheet.header_row
    totals = set(sheet.totals)
    rows = [n for n in range(max(min_row, sheet.header_row + 1), max_row + 1) if n not in totals]
    if not rows:
        return False
    if not header and min_col == max_col:
        return fill_down(sheet, min_col - 1, min_row, max_row)
    sheet.problems.append(
        RowProblem.of(
            sheet.name,
            min_row,
            sheet.header_at(min_col - 1),
            ref,
            say(
                "merged cells: TIPDesk reads only the first cell of a merge; unmerge them and "
                "give every column its own name"
            )
            if header
            else say(
                "merged cells: TIPDesk reads only the first cell of a merge; unmerge them and "
                "write the value in every row"
            ),
            "cell.merged",
        )
    )
    sheet.blocked.update(rows)
    return False


def fill_down(sheet: RawSheet, index: int, first: int, last: int) -> bool:
    """Copy the first row's value of a merge down one column into the rows it covers."""
    at = {number: k for k, (number, _) in enumerate(sheet.rows)}
    if first not in at or not 0 <= index < len(sheet.rows[at[first]][1]):
        return True  # the merge's value lies in a row or column that holds no data
    value = sheet.rows[at[first]][1][index]
    for number in range(first + 1, last + 1):
        k = at.get(number)
        if k is not None:
            cells = list(sheet.rows[k][1])
            cells[index] = value
            sheet.rows[k] = (number, tuple(cells))
    return True


# "Total", "Totals", "Grand Total", "G. Total", "Sub-total", "Total:" (a row that sums the rows
# above it in a hand-kept register; never a record)
_TOTALS = re.compile(r"^(?:grand|g|sub)?\s*totals?$")


def is_totals(values: tuple[Any, ...]) -> bool:
    for v in values:
        # Cheap test first: this runs on every row of registers of 100,000 rows.
        if isinstance(v, str) and len(v) <= 20 and "tal" in v.casefold():
            letters = " ".join(re.sub(r"[^a-z ]+", " ", v.casefold()).split())
            if _TOTALS.match(letters) or letters.replace(" ", "") in ("grandtotal", "subtotal"):
                return True
    return False


def find_header(
    spec: SheetSpec, values: tuple[Any, ...], headers: HeaderMap
) -> list[tuple[int, str]] | None:
    """The header cells of ``values`` when at least two of them name columns of ``spec``."""
    cells = [(i, str(v).strip()) for i, v in enumerate(values) if isinstance(v, str) and v.strip()]
    known = sum(1 for _, h in cells if headers.column(spec, h) is not None)
    return cells if known >= 2 or (known == 1 and len(cells) == 1) else None


def second_header_row(
    spec: SheetSpec, upper: list[tuple[int, str]], values: tuple[Any, ...], headers: HeaderMap
) -> list[tuple[int, str]] | None:
    """The header read over two rows, when ``values`` (the row below the header) continue it:
    text only, and naming columns the first row alone does not (``Participants`` over
    ``Female | Male | Transgender``, ``Date`` over ``From | To``). A cell of the lower row is
    read with the label above it (or the nearest one to its left, a label spread over several
    columns) when that names a column, else alone; ``None`` when the row is not a header."""
    if any(v is not None and not isinstance(v, str) for v in values):
        return None
    lower = {i: v.strip() for i, v in enumerate(values) if isinstance(v, str) and v.strip()}
    if not lower:
        return None
    top = dict(upper)
    out: list[tuple[int, str]] = []
    label = ""
    for i in sorted(set(top) | set(lower)):
        if i in top:
            label = top[i]
        low = lower.get(i)
        if low is None:
            out.append((i, top[i]))
            continue
        tries = [f"{label} {low}", low] if label else [low]
        out.append((i, next((t for t in tries if headers.column(spec, t) is not None), low)))
    before = {c.name for _, h in upper if (c := headers.column(spec, h)) is not None}
    after = {c.name for _, h in out if (c := headers.column(spec, h)) is not None}
    return out if after - before and len(after) > len(before) else None
