"""Small-cell suppression: small counts hidden, complements chosen so that no published sum
reveals a hidden cell, rates hidden with their inputs."""

from __future__ import annotations

import datetime as dt

from conftest import make_report

from tipdesk.core.reference import Reference
from tipdesk.reports.model import Cell, Coverage, Hidden, Relation, Report, ReportParams
from tipdesk.reports.suppress import recomputable, suppress
from tipdesk.store.store import Store


def _report(relations: list[tuple[list[Cell], Cell]]) -> Report:
    params = ReportParams(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    links = [Relation(tuple(parts), total) for parts, total in relations]
    return Report(params, "now", ("", ""), ("", ""), {}, {}, {}, Coverage("records", ""),
                  links=links)  # fmt: skip


def test_one_small_cell_gets_a_complement_and_totals_stay() -> None:
    small, mid, big = (Cell(v, key=k, sensitive=True) for k, v in (("a", 3), ("b", 10), ("c", 20)))
    total = Cell(33, key="t", sensitive=True)
    report = _report([([small, mid, big], total)])
    suppress(report, 5)
    assert (small.display, mid.display, big.display, total.display) == ("<5", "x", 20, 33)
    assert recomputable(report) == []
    assert report.suppression == {"threshold": 5, "small": 1, "protect": 1}


def test_a_lone_small_cell_among_zeros_hides_the_total() -> None:
    small, zero = Cell(2, key="a", sensitive=True), Cell(0, key="b", sensitive=True)
    total = Cell(2, key="t", sensitive=True)
    report = _report([([small, zero], total)])
    suppress(report, 5)
    assert (small.hidden, zero.hidden, total.hidden) == (Hidden.SMALL, Hidden.NO, Hidden.SMALL)


def test_hiding_propagates_through_shared_totals() -> None:
    # Two districts of one province; the province row is also a part of the national total.
    d1, d2 = Cell(4, key="d1", sensitive=True), Cell(30, key="d2", sensitive=True)
    p1, p2 = Cell(34, key="p1", sensitive=True), Cell(50, key="p2", sensitive=True)
    national = Cell(84, key="n", sensitive=True)
    report = _report([([d1, d2], p1), ([p1, p2], national)])
    suppress(report, 5)
    assert d1.hidden is Hidden.SMALL and d2.hidden is Hidden.PROTECT
    assert p1.hidden is Hidden.NO  # the pair is protected inside the province already
    assert recomputable(report) == []


def test_the_fixture_report_suppressed(rep_store: Store, rep_reference: Reference) -> None:
    report = make_report(rep_store, rep_reference, suppress_below=5)
    assert recomputable(report) == []
    h = report.headline
    assert h["cases_registered"].display == "<5"
    assert h["conviction_rate"].display == "x"  # its inputs are hidden
    # Activity figures are not about people at risk: never suppressed.
    assert (h["persons_trained"].display, h["people_reached"].display) == (35, 1500)
    for table in report.tables.values():
        for row in table.rows:
            for cell in row:
                if isinstance(cell, Cell) and cell.sensitive and isinstance(cell.value, int):
                    assert not (0 < cell.value < 5) or cell.display == "<5", table.key


def test_a_threshold_below_two_is_refused() -> None:
    import pytest

    with pytest.raises(ValueError, match="threshold"):
        suppress(_report([]), 1)
