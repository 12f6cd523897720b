"""A record list, as searched and filtered, written to an XLSX workbook.

Contract:
- Needs the ``view`` and ``reports`` permissions. Writes every row the list's query selects
  (not only the rows on screen), in the list's order, one column per :class:`ExportColumn`
  (a list column's name, its header and how its values read: the list's own words), to a new
  owner-only file written atomically.
- Never an identity: list rows carry no victim's identifying field (the victims list knows
  only whether a name is recorded, which it shows as the mask), and nothing else is read.
  Rows come through :mod:`tipdesk.services.lists` (its permissions, and its engine: the
  PostgreSQL HQ database when HQ keeps its records there).
  A victims list searched by identity still lists its rows (the user may see that they
  match), never the identity that matched.
- Audited: one ``export`` entry naming the record kind, the number of rows, the filters
  (codes and dates), whether a search narrowed the list (never the searched text: it may be a
  name) and the file's name.
- Long exports report progress (rows written, rows in all) and stop when cancelled, leaving
  no file.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped, unused-ignore]
from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped, unused-ignore]
from openpyxl.styles import Font  # type: ignore[import-untyped, unused-ignore]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped, unused-ignore]

from tipdesk.core.errors import InvalidInput
from tipdesk.core.messages import say
from tipdesk.core.permissions import Permission
from tipdesk.fs import atomic_write_bytes
from tipdesk.services import lists
from tipdesk.services.session import Session
from tipdesk.store import list_queries
from tipdesk.store.list_queries import ListQuery

PAGE = 2000
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ExportColumn:
    """One column of the workbook: the list column ``name``, its ``header`` and ``format``
    (a stored value, never None, to the text the list shows)."""

    name: str
    header: str
    format: Callable[[Any], str] = str


def export_list(
    session: Session,
    query: ListQuery,
    columns: Sequence[ExportColumn],
    dest: Path,
    progress: Progress | None = None,
) -> int:
    """Write the list ``query`` selects to ``dest`` (``.xlsx``); return the rows written."""
    session.require(Permission.VIEW)
    session.require(Permission.REPORTS)
    if dest.suffix.lower() != ".xlsx":
        dest = dest.with_suffix(".xlsx")
    if not dest.parent.is_dir():
        raise InvalidInput(
            say("{parent} is not a folder; nothing was written.", parent=dest.parent)
        )
    names = [c.name for c in list_queries.columns(query.kind)]
    unknown = [c.name for c in columns if c.name not in names]
    if unknown:
        raise ValueError(f"not columns of the {query.kind} list: {unknown}")  # a caller's bug
    positions = [names.index(c.name) + 1 for c in columns]
    # Through the lists' service, which applies the identity rule and reads wherever the
    # records are (at an HQ keeping them in PostgreSQL, there: issue 20).
    total = lists.count(session, query)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=query.kind.capitalize() + "s")
    sheet.freeze_panes = "A2"
    widths = [len(c.header) for c in columns]
    bold = Font(bold=True)
    header = []
    for c in columns:
        cell = _cell(sheet, c.header)
        cell.font = bold
        header.append(cell)
    rows: list[list[str]] = []
    after = None
    while True:
        page = lists.page(session, query, after=after, limit=PAGE)
        for row in page.rows:
            values = [
                "" if row[p] is None else c.format(row[p])
                for c, p in zip(columns, positions, strict=True)
            ]
            widths = [max(w, len(v)) for w, v in zip(widths, values, strict=True)]
            rows.append(values)
        if progress is not None:
            progress(len(rows), max(total, len(rows)))
        if page.next_key is None:
            break
        after = page.next_key
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = min(max(width, 6) + 2, 60)
    sheet.append(header)
    for values in rows:
        sheet.append(values)
    data = io.BytesIO()
    book.save(data)
    atomic_write_bytes(dest, data.getvalue(), mode=0o600)
    session.audit(
        "export",
        query.kind,
        format="xlsx",
        rows=len(rows),
        filters=dict(query.filters) | ({"outcome": query.outcome} if query.outcome else {}),
        period={"from": query.date_from, "to": query.date_to},
        searched=bool(query.text.strip()),
        file=dest.name,
    )
    return len(rows)


def _cell(sheet: Any, value: str) -> Any:
    return WriteOnlyCell(sheet, value=value)
