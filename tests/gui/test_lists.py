"""The record lists: paging, search, filters, sorting, opening records, masking, and
qtmodeltester on every list model."""

from __future__ import annotations

from typing import Any

from gui_support import GUI_ADMIN, GUI_PASSPHRASE, GUI_START
from PySide6.QtCore import QModelIndex, Qt
from records_support import RecordsApp, empty_app, officer_app, records_app

from tipdesk.core.clock import FixedClock
from tipdesk.core.masking import MASK
from tipdesk.services import records as record_service
from tipdesk.store.keys import KeyFile
from tipdesk.store.list_queries import ListQuery
from tipdesk.store.store import Store
from tipdesk.ui.pages.records.campaigns import CampaignsView
from tipdesk.ui.pages.records.cases import CasesView
from tipdesk.ui.pages.records.editors.case_editor import CaseEditor
from tipdesk.ui.pages.records.list_columns import (
    campaign_columns,
    case_columns,
    training_columns,
    victim_columns,
)
from tipdesk.ui.pages.records.list_model import ID_ROLE, RecordListModel
from tipdesk.ui.pages.records.trainings import TrainingsView
from tipdesk.ui.pages.records.victims import VictimsView

# Fixtures (pytest finds them by name in this module).
FIXTURES = (empty_app, officer_app, records_app)


def _column(model: RecordListModel, name: str) -> int:
    return next(i for i in range(model.columnCount()) if model.column_spec(i).name == name)


def _values(model: RecordListModel, name: str) -> list[str]:
    col = _column(model, name)
    return [model.cell(r, col) for r in range(model.rowCount())]


def _show(qtbot: Any, view: Any) -> Any:
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    return view


def test_cases_view_lists_every_case_and_counts_them(qtbot: Any, records_app: RecordsApp) -> None:
    view = _show(qtbot, CasesView(records_app.ctx))
    model = view.list.model
    assert model.rowCount() == 12
    assert view.header.subtitle_label.text() == "12 cases"
    dates = _values(model, "registered_on")
    assert dates == sorted(dates, reverse=True)  # newest first by default


def test_pages_are_fetched_lazily_by_keyset(qtbot: Any, records_app: RecordsApp) -> None:
    query = ListQuery("case")
    model = RecordListModel(
        records_app.runner, query, case_columns(records_app.ctx.reference), page_size=5
    )
    model.set_query(query)
    assert model.rowCount() == 5
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 12
    assert not model.canFetchMore(QModelIndex())
    ids = [model.data(model.index(r, 0), ID_ROLE) for r in range(12)]
    assert len(set(ids)) == 12
    # The count was asked for separately (not at once: a timer waits for typing to stop).
    assert model.count is None
    model.count_exactly()
    assert model.count == 12 and not model.count_capped


def test_sorting_happens_in_the_store(qtbot: Any, records_app: RecordsApp) -> None:
    view = _show(qtbot, CasesView(records_app.ctx))
    model = view.list.model
    header = view.list.table.horizontalHeader()
    col = _column(model, "case_number")
    header.setSortIndicator(col, Qt.SortOrder.AscendingOrder)
    numbers = _values(model, "case_number")
    assert model.query.sort == "case_number" and not model.query.descending
    assert numbers == sorted(numbers)
    stage_col = _column(model, "stage")
    header.setSortIndicator(stage_col, Qt.SortOrder.AscendingOrder)
    funnel = ["Registered", "Investigation", "Challan submitted", "Trial", "Decided", "Closed"]
    stages = _values(model, "stage")
    assert stages == sorted(stages, key=funnel.index)  # the funnel's order, not the alphabet
    # A column the store cannot sort quickly keeps the current sort.
    header.setSortIndicator(_column(model, "accused"), Qt.SortOrder.AscendingOrder)
    assert model.query.sort == "stage"
    assert header.sortIndicatorSection() == stage_col


def test_filters_narrow_the_list(qtbot: Any, records_app: RecordsApp) -> None:
    view = _show(qtbot, CasesView(records_app.ctx))
    panel = view.list
    model = panel.model
    stages = _values(model, "stage")
    wanted = stages[0]
    code = next(
        panel.filter_combos["stage"].itemData(i)
        for i in range(panel.filter_combos["stage"].count())
        if panel.filter_combos["stage"].itemText(i) == wanted
    )
    panel.filter_combos["stage"].set_value(code)
    panel.filter_combos["stage"].sig_edited.emit()
    assert model.rowCount() == stages.count(wanted)
    assert set(_values(model, "stage")) == {wanted}
    panel.clear_filters()
    assert model.rowCount() == 12
    # Period: this year only.
    panel.period.combo.set_value("this_year")
    panel.period.combo.sig_edited.emit()
    assert all(d.startswith("2026") for d in _values(model, "registered_on"))
    panel.clear_filters()
    # Cases with a convicted accused.
    panel.filter_combos["outcome"].set_value("convicted")
    panel.filter_combos["outcome"].sig_edited.emit()
    session = records_app.session
    for row in range(model.rowCount()):
        case = record_service.get(session, "case", model.record_id(row) or "")
        assert any(a.outcome.value == "convicted" for a in case.accused)  # type: ignore[attr-defined]


def test_search_finds_case_numbers_and_accused_names(qtbot: Any, records_app: RecordsApp) -> None:
    view = _show(qtbot, CasesView(records_app.ctx))
    panel = view.list
    model = panel.model
    first_id = model.record_id(3) or ""
    number = model.cell(3, _column(model, "case_number"))
    qtbot.keyClicks(panel.search, number)
    panel.flush_search()
    assert first_id in [model.record_id(r) for r in range(model.rowCount())]
    assert model.query.sort == "entered"  # while searching: newest entered first
    assert view.list.table.horizontalHeader().sortIndicatorSection() == -1
    case = record_service.get(records_app.session, "case", first_id)
    accused = case.accused[0].name  # type: ignore[attr-defined]
    panel.search.clear()
    panel.flush_search()
    assert model.rowCount() == 12 and model.query.sort == ""
    panel.set_search(accused.split()[0][:4])  # a prefix of the accused's first name
    assert first_id in [model.record_id(r) for r in range(model.rowCount())]
    panel.set_search("zzzqqq")
    assert model.rowCount() == 0
    assert panel.empty.isVisible()
    assert "Nothing matches" in panel.empty.text()


def test_search_pauses_between_fast_keys(qtbot: Any, records_app: RecordsApp) -> None:
    view = _show(qtbot, CasesView(records_app.ctx))
    panel = view.list
    queries: list[str] = []
    panel.model.sig_reset_done.connect(lambda: queries.append(panel.model.query.text))
    qtbot.keyClicks(panel.search, "FIR")
    # The first key ran at once; the rest wait for a pause in typing.
    assert queries == ["F"]
    qtbot.waitUntil(lambda: queries[-1] == "FIR", timeout=2000)
    assert len(queries) == 2


def test_enter_and_double_click_open_the_record(qtbot: Any, records_app: RecordsApp) -> None:
    view = _show(qtbot, CasesView(records_app.ctx))
    table = view.list.table
    table.setFocus()
    table.selectRow(2)
    wanted = view.list.model.record_id(2)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    editor = view.current_editor()
    assert isinstance(editor, CaseEditor)
    assert editor.record_id == wanted
    assert view.tabs.count() == 2
    # Opening it again switches to its tab instead of opening a second one.
    view.tabs.setCurrentIndex(0)
    view.list.sig_open.emit(wanted or "")
    assert view.tabs.count() == 2 and view.current_editor() is editor


def _victim_search(qtbot: Any, app: RecordsApp) -> bool | None:
    """Whether searching a victim's name finds the victim (None: no named victim)."""
    view = _show(qtbot, VictimsView(app.ctx))
    model = view.list.model
    assert model.rowCount() > 0
    names = _values(model, "name")
    assert set(names) <= {MASK, ""} and MASK in names
    row = names.index(MASK)
    victim_id = model.record_id(row) or ""
    view.list.set_search(_real_name(app, victim_id).split()[0])  # type: ignore[attr-defined]
    return victim_id in [model.record_id(r) for r in range(model.rowCount())]


def _real_name(app: RecordsApp, victim_id: str) -> str:
    """The victim's name, read as the install's admin (who holds the identity key): an
    officer's own store cannot open it, identities being sealed (tipdesk.store.identity)."""
    paths = app.session.paths
    db_key, identity = KeyFile.load(paths.keyfile).unlock_keys(
        GUI_ADMIN, GUI_PASSPHRASE, FixedClock(GUI_START)
    )
    assert identity is not None
    admin_store = Store.open(paths.database, db_key)
    try:
        admin_store.vault.unlock(identity)
        return admin_store.get("victim", victim_id).name  # type: ignore[attr-defined, no-any-return]
    finally:
        admin_store.close()


def test_victims_are_masked_and_found_by_name_with_the_permission(
    qtbot: Any, records_app: RecordsApp
) -> None:
    assert _victim_search(qtbot, records_app) is True


def test_victims_are_not_found_by_name_without_the_permission(
    qtbot: Any, officer_app: RecordsApp
) -> None:
    assert _victim_search(qtbot, officer_app) is False


def test_other_lists_show_their_records(qtbot: Any, records_app: RecordsApp) -> None:
    for cls in (TrainingsView, CampaignsView):
        view = _show(qtbot, cls(records_app.ctx))
        assert view.list.model.rowCount() > 0
        assert view.header.subtitle_label.text()


def test_empty_lists_say_how_to_start(qtbot: Any, empty_app: RecordsApp) -> None:
    view = _show(qtbot, CasesView(empty_app.ctx))
    assert view.list.model.rowCount() == 0
    assert view.list.empty.isVisible()
    assert "New case" in view.list.empty.text()
    assert view.header.subtitle_label.text() == "0 cases"


def test_every_list_model_passes_qtmodeltester(qtmodeltester: Any, records_app: RecordsApp) -> None:
    ref = records_app.ctx.reference
    for kind, columns in (
        ("case", case_columns(ref)),
        ("victim", victim_columns(ref)),
        ("training", training_columns(ref)),
        ("campaign", campaign_columns(ref)),
    ):
        # One model per tester: the synchronous runner answers fetchMore() at once, so two
        # testers on one model would see each other's fetches nested in their signals.
        for force_py in (True, False):
            model = RecordListModel(records_app.runner, ListQuery(kind), columns, page_size=4)
            model.reload()
            assert model.rowCount() > 0
            qtmodeltester.check(model, force_py=force_py)
            model.set_query(ListQuery(kind, sort="entered", descending=False))
            model.fetchMore(QModelIndex())


def test_a_reference_update_reaches_the_filters_and_columns(
    qtbot: Any, records_app: RecordsApp
) -> None:
    """After HQ's reference update is installed (here: a synthetic new district, and the
    Lahore district renamed), the list offers the new district in its filter and names the
    district by its new name when the page is next shown; the filter chosen stays chosen."""
    from tipdesk.resources import read_documents, reference_from_documents

    view = _show(qtbot, CasesView(records_app.ctx))
    combo = view.list.filter_combos["district"]
    combo.set_value("PB-LHR")
    old = records_app.ctx.reference
    documents = read_documents()
    punjab = next(p for p in documents["geography"]["provinces"] if p["code"] == "PB")
    punjab["districts"].append({"code": "PB-TST", "name": "Testpur (synthetic)"})
    for district in punjab["districts"]:
        if district["code"] == "PB-LHR":
            district["name"] = "Lahore (renamed)"
    records_app.ctx.reference = reference_from_documents(documents, origin="test")
    try:
        assert combo.findData("PB-TST") < 0
        view.activated()
        assert combo.findData("PB-TST") >= 0
        assert combo.value() == "PB-LHR"
        qtbot.waitUntil(lambda: view.list.model.rowCount() > 0)
        assert "Lahore (renamed)" in _values(view.list.model, "district")
    finally:
        records_app.ctx.reference = old
