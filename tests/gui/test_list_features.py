"""Finding records in the lists: Tab leaves the table, every column sorts or says it cannot,
what a search matched, the real total on request, Ctrl+End to the last row, "My cases" and
the export of the filtered list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget
from records_support import RecordsApp, records_app

from tipdesk.ui.devtools.keys import Keyboard
from tipdesk.ui.pages.records import cases as cases_page
from tipdesk.ui.pages.records.cases import CasesView
from tipdesk.ui.widgets import files

FIXTURES = (records_app,)


def _view(qtbot: Any, app: RecordsApp) -> CasesView:
    view = CasesView(app.ctx)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    handle = view.windowHandle()
    assert handle is not None
    handle.requestActivate()
    qtbot.waitUntil(view.isActiveWindow)
    return view


def _column(view: CasesView, name: str) -> int:
    return [c.name for c in view.list.model.list_columns].index(name)


def _click_header(qtbot: Any, view: CasesView, column: int) -> None:
    header = view.list.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def _focused() -> QWidget | None:
    return QApplication.focusWidget()


def test_tab_leaves_the_list_and_arrows_move_in_it(qtbot: Any, records_app: RecordsApp) -> None:
    view = _view(qtbot, records_app)
    table = view.list.table
    keys = Keyboard()
    view.list.search.setFocus()
    keys.press(Qt.Key.Key_Tab)  # from the search box to the first filter, not into the cells
    assert _focused() is not table and _focused() is view.list.filter_combos["stage"]
    table.setFocus()
    table.selectRow(0)
    keys.press(Qt.Key.Key_Down)
    assert table.currentIndex().row() == 1
    keys.press(Qt.Key.Key_Tab)
    focused = _focused()
    assert focused is not None and focused is not table and not table.isAncestorOf(focused)


def test_every_column_sorts_or_says_it_cannot(qtbot: Any, records_app: RecordsApp) -> None:
    view = _view(qtbot, records_app)
    model = view.list.model
    _click_header(qtbot, view, _column(view, "office"))
    assert model.query.sort == "office"
    accused = _column(view, "accused")
    _click_header(qtbot, view, accused)
    assert model.query.sort == "office"  # unchanged
    assert view.list.notice.isVisible()
    assert view.list.notice.text() == "The list cannot be sorted by “Accused”."
    tip = model.headerData(accused, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip == "This column cannot be sorted"


def test_a_search_shows_what_it_matched(qtbot: Any, records_app: RecordsApp) -> None:
    store = records_app.session.store
    name, number = store.query(
        "SELECT a.name, c.case_number FROM accused a JOIN cases c ON c.id = a.case_id "
        "WHERE a.deleted = 0 AND a.name != '' LIMIT 1"
    )[0]
    view = _view(qtbot, records_app)
    model = view.list.model
    assert model.matched_column == -1
    view.list.set_search(name)
    column = model.matched_column
    assert column == len(model.list_columns)
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Matched"
    rows = {
        model.index(r, 0).data(): model.index(r, column).data() for r in range(model.rowCount())
    }
    assert rows[number] == f"Accused: {name}"
    view.list.set_search("")
    assert model.matched_column == -1 and model.columnCount() == len(model.list_columns)


def test_the_real_total_on_request_and_ctrl_end_reaches_the_last_row(
    qtbot: Any, records_app: RecordsApp
) -> None:
    total = int(
        records_app.session.store.query("SELECT count(*) FROM cases WHERE deleted = 0")[0][0]
    )
    view = _view(qtbot, records_app)
    view.resize(1280, 330)  # a few rows on screen: the view fetches only what it shows
    model = view.list.model
    model.page_size = 3  # a long list, in short pages
    model.count_cap = 5
    view.list.model.reload()
    qtbot.waitUntil(lambda: model.count is not None, timeout=3000)
    assert model.count_capped and view.list.count_text == "More than 5 cases"
    assert view.list.count_button.isVisible()
    qtbot.mouseClick(view.list.count_button, Qt.MouseButton.LeftButton)
    assert model.count == total and not model.count_capped
    assert view.list.count_text == f"{total} cases"
    assert not view.list.count_button.isVisible()

    assert model.rowCount() < total
    view.list.table.setFocus()
    view.list.table.selectRow(0)
    Keyboard().press(Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert model.rowCount() == total
    assert view.list.table.currentIndex().row() == total - 1


def test_my_cases_lists_the_officers_own_cases(
    qtbot: Any, records_app: RecordsApp, monkeypatch: Any
) -> None:
    store = records_app.session.store
    officer, n = store.query(
        "SELECT investigating_officer, count(*) FROM cases WHERE deleted = 0 "
        "AND investigating_officer != '' GROUP BY 1 ORDER BY 2 DESC LIMIT 1"
    )[0]
    asked: list[str] = []

    def answer(_parent: QWidget, suggested: str) -> str:
        asked.append(suggested)
        return officer.upper()  # written another way: names compare ignoring case

    monkeypatch.setattr(cases_page, "ask_officer_name", answer)
    view = _view(qtbot, records_app)
    model = view.list.model
    qtbot.mouseClick(view.my_cases, Qt.MouseButton.LeftButton)
    assert view.my_cases.isChecked() and len(asked) == 1
    assert model.rowCount() == n
    assert dict(model.query.filters) == {"investigating_officer": officer.upper()}
    qtbot.mouseClick(view.my_cases, Qt.MouseButton.LeftButton)
    assert not view.my_cases.isChecked() and model.query.filters == ()
    qtbot.mouseClick(view.my_cases, Qt.MouseButton.LeftButton)
    assert len(asked) == 1  # known now: not asked again
    assert model.rowCount() == n


def test_the_filtered_list_exports_to_a_workbook(
    qtbot: Any, records_app: RecordsApp, monkeypatch: Any, tmp_path: Path
) -> None:
    view = _view(qtbot, records_app)
    view.list.filter_combos["district"].set_value("PB-LHR")
    view.list.filter_combos["district"].sig_edited.emit()
    shown = view.list.model.rowCount()
    dest = tmp_path / "lahore-cases.xlsx"
    monkeypatch.setattr(files, "ask_save_file", lambda *_a: dest)
    qtbot.mouseClick(view.list.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dest.exists, timeout=5000)
    rows = list(load_workbook(dest, read_only=True).active.iter_rows(values_only=True))
    assert rows[0][:2] == ("Case number", "Registered")
    assert len(rows) - 1 == shown
    assert {r[3] for r in rows[1:]} == {"Lahore"}  # names, as the list shows them
    entry = records_app.session.store.audit_entries(action="export")[-1]
    assert (entry.kind, entry.detail["rows"]) == ("case", shown)
