"""Every linear relation a report publishes between its figures, derived from the model.

Contract:
- :func:`relations` lists, for a built :class:`~tipdesk.reports.model.Report`, each table's
  declared sums (:attr:`Table.column_sums`: the rows of a column add up to the total row;
  :attr:`Table.row_sums`: columns adding up within every row, the total row included) and the
  report's links between tables (:attr:`Report.links`). A figure shown in several places is
  one cell, so "the same figure in two tables" needs no relation of its own.
- A table with a total row must declare every count column in ``column_sums``: an
  undeclared total raises :class:`UndeclaredTotal` (a new table cannot silently publish a
  total that suppression does not know about).
- :func:`violations` lists the relations the true values do not obey (empty for every report
  the builder makes; suppression refuses a report otherwise, since its protection would be
  computed for relations that are not the published ones).
- Pure functions; no I/O.
"""

from __future__ import annotations

from collections.abc import Iterator

from tipdesk.reports.model import Bound, Cell, ColumnKind, Relation, Report, Table


class UndeclaredTotal(ValueError):
    """A table's total row has a count column that its declarations do not account for."""


def table_relations(table: Table) -> list[Relation]:
    """The relations one table declares (see the module contract)."""
    index = {c.key: i for i, c in enumerate(table.columns)}
    for key in (*table.column_sums, *(k for s in table.row_sums for k in (*s.parts, s.total))):
        if key not in index or table.columns[index[key]].kind is not ColumnKind.COUNT:
            raise UndeclaredTotal(f"table {table.key}: {key!r} is not a count column")
    out: list[Relation] = []
    rows = [*table.rows, *([table.total] if table.total else [])]
    for rule in table.row_sums:
        for row in rows:
            parts = [row[index[k]] for k in rule.parts]
            total = row[index[rule.total]]
            out.append(_relation(parts, total, rule.bound))
    if table.total is None:
        return out
    for i, column in enumerate(table.columns):
        if column.kind is not ColumnKind.COUNT:
            continue
        if column.key not in table.column_sums:
            raise UndeclaredTotal(
                f"table {table.key}: the total of column {column.key!r} is not declared as a sum"
            )
        out.append(_relation([row[i] for row in table.rows], table.total[i]))
    return out


def _relation(parts: list[Cell | str], total: Cell | str, bound: Bound = Bound.EQUAL) -> Relation:
    cells = tuple(p for p in parts if isinstance(p, Cell))
    if not isinstance(total, Cell) or len(cells) != len(parts):
        raise UndeclaredTotal("a declared sum names a cell that is not a figure")
    return Relation(cells, total, bound)


def relations(report: Report) -> list[Relation]:
    """Every relation the report publishes: each table's declarations, then the links."""
    out: list[Relation] = []
    for table in report.tables.values():
        out += table_relations(table)
    return out + list(report.links)


def cells(report: Report) -> Iterator[Cell]:
    """Every figure of the report once (headline, previous, tables, links), in report order."""
    seen: set[int] = set()
    groups: list[list[Cell]] = [list(report.headline.values()), list(report.previous.values())]
    for table in report.tables.values():
        for row in [*table.rows, *([table.total] if table.total else [])]:
            groups.append([c for c in row if isinstance(c, Cell)])
    groups += [[*r.parts, r.total] for r in report.links]
    for group in groups:
        for cell in group:
            if id(cell) not in seen:
                seen.add(id(cell))
                yield cell


def violations(report: Report) -> list[Relation]:
    """The published relations the true values do not obey (see the module contract)."""
    return [r for r in relations(report) if not r.holds()]
