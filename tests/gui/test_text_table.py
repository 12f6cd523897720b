"""The one model of every small text table (sync, reports, the register wizard, the editors'
child tables): rows fitted to the headers, keys, highlighted rows, problem rows, and the Qt
model contract under qtmodeltester while rows come and go."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from tipdesk.ui.widgets.text_table import PROBLEM_ROLE, TextTableModel, selected_row, table_view

DISPLAY, TOOLTIP, KEY = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, 256


def _column(model: TextTableModel, col: int) -> list[str]:
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_rows_are_fitted_to_the_headers_and_carry_their_keys(qtmodeltester: Any) -> None:
    model = TextTableModel(["Device", "District"])
    model.set_rows([["d-1", "Lahore", "extra"], ["d-2"]], keys=["id-1", "id-2"], highlight={1})
    qtmodeltester.check(model, force_py=True)
    assert model.row(0) == ("d-1", "Lahore")  # the extra cell is cut
    assert model.row(1) == ("d-2", "")  # the short row is padded
    assert [model.key(0), model.key(1), model.key(2)] == ["id-1", "id-2", None]
    assert model.index(1, 0).data(KEY) == "id-2"
    assert not model.highlighted(0) and model.highlighted(1)
    assert model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    # A cell's text is its tooltip; an empty cell has none.
    assert model.index(0, 1).data(TOOLTIP) == "Lahore"
    assert model.index(1, 1).data(TOOLTIP) is None
    assert model.headerData(1, Qt.Orientation.Horizontal) == "District"
    assert model.headerData(1, Qt.Orientation.Vertical) is None


def test_problem_rows_show_the_problem_until_cleared(qtmodeltester: Any) -> None:
    model = TextTableModel(["Name", "Role", "Outcome"])
    model.set_rows([["A", "Recruiter", "Pending"], ["B", "", "Convicted"]])
    model.set_problem(1, "96 exceeds the 84-month maximum")
    qtmodeltester.check(model, force_py=True)
    assert model.has_problem(1) and not model.has_problem(0)
    assert model.index(1, 2).data(TOOLTIP) == "96 exceeds the 84-month maximum"
    assert model.index(1, 0).data(PROBLEM_ROLE) is True
    assert model.index(1, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.index(1, 1).data(Qt.ItemDataRole.DecorationRole) is None  # first column only
    model.clear_problems()
    assert not model.has_problem(1)
    assert model.index(1, 0).data(PROBLEM_ROLE) is False


def test_single_row_changes_keep_keys_and_highlights_with_their_rows(
    qtmodeltester: Any,
) -> None:
    model = TextTableModel(["Name"])
    qtmodeltester.check(model, force_py=True)  # the tester follows every change below
    model.set_rows([["A"], ["B"], ["C"]], keys=["a", "b", "c"], highlight={2})
    model.append_row(["D"], key="d")
    model.remove_row(0)
    assert _column(model, 0) == ["B", "C", "D"]
    assert [model.key(r) for r in range(3)] == ["b", "c", "d"]
    assert [model.highlighted(r) for r in range(3)] == [False, True, False]
    model.update_row(0, ["B2"])
    model.remove_row(7)  # no such row: nothing happens
    model.update_row(7, ["X"])
    assert _column(model, 0) == ["B2", "C", "D"]
    model.set_rows([])
    assert model.rowCount() == 0


def test_translated_headers_and_the_table_view(qtbot: Any) -> None:
    model = TextTableModel(["Bundle", "File"], context="SyncDistrictPanel")
    assert model.headerData(0, Qt.Orientation.Horizontal, DISPLAY) == "Bundle"  # no translation
    model.set_rows([["1", "a.tipb"], ["2", "b.tipb"]], keys=["1", "2"])
    view = table_view(model, "outboxTable")
    qtbot.addWidget(view)
    assert view.objectName() == "outboxTable" and selected_row(view) == -1
    view.selectRow(1)
    assert selected_row(view) == 1 and model.key(selected_row(view)) == "2"
