"""The report's split by Act: trafficking (TIP Act 2018) and smuggling of migrants (PSMA
2018) figures side by side, and the officials among the accused.

Contract: pure, like :mod:`tipdesk.reports.tables` (rows the builder fetched, no store
access). One row per law of the sentencing rules (zeros included: both Acts are always
shown, so their figures are never mixed), then any other law code the records carry. The
total row is the headline's own cells for cases, accused proceeded against and accused
convicted (each case and accused is under exactly one law). Officials are accused whose role
is ``official``: each count is at most the accused count it belongs to (declared as bounds,
so suppression protects them like the rest). Definitions: ``docs/report-definitions.md``.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from tipdesk.reports.model import Bound, Cell, Column, ColumnKind, RowSum, Table

if TYPE_CHECKING:
    from tipdesk.reports.build import _Assembler

COLUMNS = (
    Column("cases_registered", "Cases"),
    Column("accused_proceeded_against", "Proceeded against"),
    Column("officials_proceeded_against", "Officials among them"),
    Column("accused_convicted", "Convicted"),
    Column("officials_convicted", "Officials convicted"),
)
# Columns whose total row is the headline's cell (the rest are totals of their own).
HEADLINE_COLUMNS = ("cases_registered", "accused_proceeded_against", "accused_convicted")


def by_law(a: _Assembler) -> Table:
    """Cases, accused and officials per Act (see the module contract)."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for _district, law, _month, n in a._rows("cases by law"):
        counts[str(law)]["cases_registered"] += int(n)
    for _district, law, official, event, _month, n in a._rows("accused by law"):
        row = counts[str(law)]
        if event == "proceeded":
            row["accused_proceeded_against"] += int(n)
            row["officials_proceeded_against"] += int(n) if official else 0
        elif event == "convicted":
            row["accused_convicted"] += int(n)
            row["officials_convicted"] += int(n) if official else 0
    laws = [*a.ref.laws(), *sorted(set(counts) - set(a.ref.laws()))]
    table = Table(
        "by_law",
        "By Act (trafficking in persons, smuggling of migrants): cases registered; accused "
        "proceeded against and convicted, and the officials among them",
        [
            Column("law", "Code", ColumnKind.TEXT),
            Column("law_name", "Act", ColumnKind.TEXT),
            *COLUMNS,
        ],
        note="Cases by registration date; accused proceeded against by the date proceeded "
        "against; convictions by judgment date. Officials: accused whose role is official. "
        + "; ".join(f"{law.short}: {law.title}" for law in a.ref.sentencing.laws.values()),
        column_sums=tuple(c.key for c in COLUMNS),
        row_sums=(
            RowSum(("officials_proceeded_against",), "accused_proceeded_against", Bound.AT_MOST),
            RowSum(("officials_convicted",), "accused_convicted", Bound.AT_MOST),
        ),
    )
    columns: dict[str, list[Cell]] = defaultdict(list)
    for law in laws:
        found = a.ref.law(law)
        cells = [a.cells.make(f"law/{law}/{c.key}", counts[law][c.key], True) for c in COLUMNS]
        for column, cell in zip(COLUMNS, cells, strict=True):
            columns[column.key].append(cell)
        table.rows.append([law, found.short if found else law, *cells])
    totals = [
        a.headline[c.key]
        if c.key in HEADLINE_COLUMNS
        else a.cells.make(
            f"law/total/{c.key}", sum(int(x.value or 0) for x in columns[c.key]), True
        )
        for c in COLUMNS
    ]
    table.total = ["Total", "", *totals]
    return table
