"""Small-cell suppression: small counts hidden, further cells hidden (or a small count shown as
"x") until no hidden count can be narrowed below N-1 values, rates hidden with their inputs,
and every export showing the marks, never a hidden value. The full attack (an integer
program over everything published) is in ``test_suppress_attack.py``."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import attack
import openpyxl
import pytest
import synthetic
from conftest import make_report

from tipdesk.core.reference import Reference
from tipdesk.reports import protect
from tipdesk.reports.model import Cell, Coverage, Hidden, Relation, Report, ReportParams
from tipdesk.reports.protect import PROTECT, SMALL, VISIBLE, Protector
from tipdesk.reports.relations import cells
from tipdesk.reports.suppress import suppress
from tipdesk.reports.writers import render, write_report
from tipdesk.store.store import Store


def _report(relations: list[tuple[list[Cell], Cell]]) -> Report:
    params = ReportParams(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    links = [Relation(tuple(parts), total) for parts, total in relations]
    return Report(params, "now", ("", ""), ("", ""), {}, {}, {}, Coverage("records", ""),
                  links=links)  # fmt: skip


def _cells(**values: int) -> list[Cell]:
    return [Cell(v, key=k, sensitive=True) for k, v in values.items()]


def test_one_small_cell_gets_a_complement_and_totals_stay() -> None:
    small, mid, big, total = _cells(a=3, b=10, c=20, t=33)
    report = _report([([small, mid, big], total)])
    suppress(report, 5)
    assert (small.display, mid.display, big.display, total.display) == ("<5", "x", 20, 33)
    assert attack.too_narrow(report, 5) == []
    assert report.suppression == {"threshold": 5, "small": 1, "protect": 1}


def test_a_complement_too_close_to_the_threshold_is_not_enough() -> None:
    # 1 + 5 + 9 = 15: hiding the 5 beside the 1 (the old rule) gives 1 + x = 6 with x >= 5,
    # so the 1 is exactly 1. The 9 can give up 3 and stay at least 5: it is the complement.
    one, five, nine, total = _cells(a=1, b=5, c=9, t=15)
    report = _report([([one, five, nine], total)])
    suppress(report, 5)
    assert (one.display, five.display, nine.display, total.display) == ("<5", 5, "x", 15)
    [found] = [r for r in attack.ranges(report, 5, exact=True) if r.key == "a"]
    assert (found.low, found.high) == (1, 4)


def test_a_lone_small_cell_among_zeros_hides_the_total() -> None:
    small, zero, total = _cells(a=2, b=0, t=2)
    report = _report([([small, zero], total)])
    suppress(report, 5)
    assert (small.hidden, zero.hidden, total.hidden) == (Hidden.SMALL, Hidden.NO, Hidden.SMALL)


def test_hiding_propagates_through_shared_totals() -> None:
    # Two districts of one province; the province row is also a part of the national total.
    d1, d2, p1, p2, national = _cells(d1=4, d2=30, p1=34, p2=50, n=84)
    report = _report([([d1, d2], p1), ([p1, p2], national)])
    suppress(report, 5)
    assert d1.hidden is Hidden.SMALL and d2.hidden is Hidden.PROTECT
    assert p1.hidden is Hidden.NO  # the pair is protected inside the province already
    assert attack.too_narrow(report, 5) == []


def test_three_small_districts_make_their_province_an_x() -> None:
    # Each "<5" district is at least 1, so a "<5" province of three is 3 or 4: two values.
    # Shown "x", it may be 3 to 6 and more; the districts keep their "<5". With a large
    # district beside them, that one is their complement and the province stays shown.
    d1, d2, d3, big, province, other, national = _cells(d1=1, d2=1, d3=1, d4=20, p=23, q=40, n=63)
    report = _report([([d1, d2, d3, big], province), ([province, other], national)])
    suppress(report, 5)
    assert [c.display for c in (d1, d2, d3, big, province)] == ["<5", "<5", "<5", "x", 23]
    assert attack.too_narrow(report, 5) == []
    d1, d2, d3, province, other, national = _cells(d1=1, d2=1, d3=1, p=3, q=40, n=43)
    report = _report([([d1, d2, d3], province), ([province, other], national)])
    suppress(report, 5)
    assert [c.display for c in (d1, d2, d3, province, other)] == ["<5", "<5", "<5", "x", "x"]
    [found] = [r for r in attack.ranges(report, 5, exact=True) if r.key == "p"]
    assert found.low == 3 and found.high >= 6


def test_a_report_where_everything_is_small(rep_reference: Reference) -> None:
    for seed in range(4):
        report = synthetic.report(rep_reference, seed, synthetic.Shape(cases=2, districts=1), 5)
        assert attack.too_narrow(report, 5) == []


def test_the_last_resort_alone_protects(
    rep_reference: Reference, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With the pattern search finding nothing, every cell falls to the last resort: its
    # relations' closure hidden as "x" and certified by scaling.
    monkeypatch.setattr(protect._Search, "run", lambda self: None)
    report = synthetic.report(rep_reference, 1, synthetic.Shape(cases=20, districts=2), 5)
    assert report.suppression is not None and report.suppression["protect"] > 0
    assert attack.too_narrow(report, 5) == []


def test_threshold_two_needs_no_complement() -> None:
    # "<2" says the value is 1: no other cell can narrow a range already one value wide.
    one, big, total = _cells(a=1, b=30, t=31)
    report = _report([([one, big], total)])
    suppress(report, 2)
    assert (one.display, big.display, total.display) == ("<2", 30, 31)


def test_the_same_report_hides_the_same_cells(rep_reference: Reference) -> None:
    shape = synthetic.Shape(cases=90, districts=9, rare=3.0)
    first, second = (synthetic.report(rep_reference, 7, shape, 5) for _ in range(2))
    assert [c.hidden for c in cells(first)] == [c.hidden for c in cells(second)]


def test_a_report_whose_figures_do_not_add_up_is_refused() -> None:
    a, b, total = _cells(a=1, b=30, t=32)
    with pytest.raises(ValueError, match="do not add up"):
        suppress(_report([([a, b], total)]), 5)


def test_a_threshold_below_two_is_refused() -> None:
    with pytest.raises(ValueError, match="threshold"):
        suppress(_report([]), 1)


def test_a_wrong_point_is_never_accepted() -> None:
    # a + b = t with b visible: moving a alone breaks the sum; moving b moves a visible cell.
    p = Protector([1, 30, 31], [True, True, True], [([(0, 1), (1, 1), (2, -1)], True)], 5)
    p.state[0] = SMALL
    assert p._is_point({0: 3}) is False
    assert p._is_point({0: 3, 1: -3}) is False  # b is visible
    p.state[1] = PROTECT
    assert p._is_point({0: 3, 1: -3}) is True
    assert p._is_point({0: 4, 1: -4}) is False  # a would be 5: outside its "<5"
    assert p.state[2] == VISIBLE


def test_the_fixture_report_suppressed(rep_store: Store, rep_reference: Reference) -> None:
    report = make_report(rep_store, rep_reference, suppress_below=5)
    assert attack.too_narrow(report, 5) == []
    h = report.headline
    assert h["cases_registered"].hidden is not Hidden.NO
    assert h["conviction_rate"].display == "x"  # its inputs are hidden
    # Activity figures are not about people at risk: never suppressed.
    assert (h["persons_trained"].display, h["people_reached"].display) == (35, 1500)
    for table in report.tables.values():
        for row in table.rows:
            for cell in row:
                if isinstance(cell, Cell) and cell.sensitive and isinstance(cell.value, int):
                    assert not (0 < cell.value < 5) or cell.display in ("<5", "x"), table.key


# --- every export shows the same marks and never a hidden value ---------------------------

SENTINEL = 987_123  # put in every hidden cell after suppression: no output may show it


@pytest.fixture
def marked(rep_reference: Reference) -> Report:
    report = synthetic.report(rep_reference, 5, synthetic.Shape(cases=60, districts=6), 5)
    for cell in cells(report):
        if cell.hidden is not Hidden.NO:
            cell.value = SENTINEL
    return report


def _shown(report: Report) -> dict[str, list[list[str]]]:
    """Each table's cells as the model says they are shown (text, as a CSV writes them)."""
    return {
        key: [["" if v is None else str(v) for v in rec.values()] for rec in table.records()]
        for key, table in report.tables.items()
    }


def test_json_csv_and_xlsx_show_the_model_marks(marked: Report, tmp_path: Path) -> None:
    expected = _shown(marked)
    assert any("x" in row for rows in expected.values() for row in rows)
    assert any("<5" in row for rows in expected.values() for row in rows)
    document = json.loads(render(marked, "json"))
    for key, table in document["tables"].items():
        rows = [*table["rows"], *([table["total"]] if table["total"] else [])]
        got = [["" if v is None else str(v) for v in r.values()] for r in rows]
        assert got == expected[key], key
    with zipfile.ZipFile(io.BytesIO(render(marked, "csv"))) as zf:
        for key, rows in expected.items():
            text = zf.read(f"{key}.csv").decode("utf-8-sig")
            assert list(csv.reader(io.StringIO(text)))[1:] == rows, key
    book = openpyxl.load_workbook(write_report(marked, "xlsx", tmp_path / "r.xlsx"))
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            assert SENTINEL not in row and f"{SENTINEL:,}" not in row, sheet.title
    marks = [v for ws in book.worksheets for r in ws.iter_rows(values_only=True) for v in r]
    assert "<5" in marks and "x" in marks
    assert str(SENTINEL) not in render(marked, "json").decode()


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_the_pdf_shows_no_hidden_value(marked: Report, tmp_path: Path) -> None:
    path = write_report(marked, "pdf", tmp_path / "r.pdf")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout
    assert b"987,123" not in text and b"987123" not in text
    assert b"<5" in text
