"""Entering a case from the keyboard, with real key events routed as a keyboard's would be
(:mod:`tipdesk.ui.devtools.keys`): a district typed by its name, Tab leaving the tables, adding
people by shortcut, problems clearing as they are fixed, the focus after Ctrl+S, the calendar
from the keyboard, ticks named under their list, the victim's case."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCalendarWidget, QComboBox, QLineEdit, QWidget
from records_support import RecordsApp, empty_app, records_app

from tipdesk.ui.devtools.keys import Keyboard
from tipdesk.ui.pages.records.cases import CasesView
from tipdesk.ui.pages.records.editors.case_editor import CaseEditor
from tipdesk.ui.pages.records.editors.victim_editor import VictimEditor
from tipdesk.ui.pages.records.victims import VictimsView

FIXTURES = (empty_app, records_app)
TAB = Qt.Key.Key_Tab
ENTER = Qt.Key.Key_Return


def _active(qtbot: Any, view: QWidget) -> QWidget:
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    handle = view.windowHandle()
    assert handle is not None
    handle.requestActivate()  # shortcuts need an active window
    qtbot.waitUntil(view.isActiveWindow)
    return view


def _new_case(qtbot: Any, app: RecordsApp) -> tuple[CasesView, CaseEditor]:
    view = _active(qtbot, CasesView(app.ctx))
    assert isinstance(view, CasesView)
    view.new_record()
    editor = view.current_editor()
    assert isinstance(editor, CaseEditor)
    return view, editor


def _focus(widget: QWidget) -> None:
    target = widget.focusProxy() or widget
    target.setFocus(Qt.FocusReason.TabFocusReason)
    line = target.lineEdit() if isinstance(target, QComboBox) else target
    if isinstance(line, QLineEdit):
        line.selectAll()  # as after Tab


def _focused() -> QWidget | None:
    return QApplication.focusWidget()


def _case_count(app: RecordsApp) -> int:
    return int(app.session.store.query("SELECT count(*) FROM cases WHERE deleted = 0")[0][0])


def test_a_district_is_typed_by_its_name_or_a_short_form(qtbot: Any, empty_app: RecordsApp) -> None:
    _view, editor = _new_case(qtbot, empty_app)
    district = editor.case_form.editor("district")
    keys = Keyboard()

    _focus(district)
    keys.type("Mul")
    keys.press(ENTER)  # the start of one district's name completes to it
    assert district.value() == "PB-MLT"
    assert district.currentText() == "Multan (Punjab)"

    _focus(district)
    keys.type("D.G. Khan")  # an alias from the reference data
    keys.press(TAB)
    assert district.value() == "PB-DGK"
    assert district.currentText() == "Dera Ghazi Khan (Punjab)"

    _focus(district)
    keys.type("Lahore")  # the name as typed is the district already
    assert district.value() == "PB-LHR"
    keys.press(TAB)
    _focus(editor.case_form.editor("case_number"))
    keys.type("FIR 5/2026")
    keys.shortcut("Ctrl+S")
    assert editor.last_problems == []
    assert _case_count(empty_app) == 1
    stored = empty_app.session.store.get("case", str(editor.record_id))
    assert stored.district == "PB-LHR"

    # A name that is not a district is refused with a message in words, never a code.
    _focus(district)
    keys.type("Lahroe")
    keys.press(TAB)
    keys.shortcut("Ctrl+S")
    messages = [p.message for p in editor.last_problems]
    assert messages == ["'Lahroe' is not a district we know (did you mean Lahore?)"]


def test_tab_leaves_the_accused_table_and_arrows_move_inside(
    qtbot: Any, empty_app: RecordsApp
) -> None:
    _view, editor = _new_case(qtbot, empty_app)
    section = editor.case_form.sections["accused"]
    keys = Keyboard()
    _focus(editor.case_form.editor("case_number"))
    keys.shortcut("Ctrl+Shift+A")
    keys.type("Akram Khan")
    keys.shortcut("Ctrl+Shift+A")
    keys.type("Bashir Ahmed")
    assert len(section.forms) == 2

    section.table.setFocus(Qt.FocusReason.TabFocusReason)
    keys.press(Qt.Key.Key_Up)  # arrows move between the rows
    assert section.current_row() == 0
    assert section.stack.currentWidget() is section.forms[0]
    keys.press(TAB)  # Tab leaves the table (to its buttons), not to the next cell
    assert _focused() is section.add_button
    section.table.setFocus(Qt.FocusReason.BacktabFocusReason)
    keys.press(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    focused = _focused()
    assert focused is not None and focused is not section.table
    assert not section.table.isAncestorOf(focused)


def test_shortcuts_add_an_accused_and_a_victim_from_anywhere_in_the_case(
    qtbot: Any, empty_app: RecordsApp
) -> None:
    _view, editor = _new_case(qtbot, empty_app)
    form = editor.case_form
    assert "Ctrl+Shift+A" in form.sections["accused"].add_button.toolTip()
    assert "Ctrl+Shift+V" in form.sections["victims"].add_button.toolTip()
    keys = Keyboard()
    _focus(form.editor("case_number"))
    keys.shortcut("Ctrl+Shift+A")
    assert form.tabs.currentIndex() == form.tab_of["accused"]
    accused = form.sections["accused"].forms
    assert len(accused) == 1 and _focused() is accused[0].editor("name")
    keys.type("Akram Khan")
    model = form.sections["accused"].model
    assert model.index(0, 0).data() == "Akram Khan"

    keys.shortcut("Ctrl+Shift+V")
    assert form.tabs.currentIndex() == form.tab_of["victims"]
    victims = form.sections["victims"].forms
    assert len(victims) == 1 and _focused() is victims[0].editor("victim_code")
    # The next code of the documented format, identified on the case's registration date.
    assert victims[0].editor("victim_code").value() == "V-PB-LHR-2026-0001"
    assert victims[0].editor("identified_on").value() == form.editor("registered_on").value()
    keys.shortcut("Ctrl+Shift+V")
    assert form.sections["victims"].forms[1].editor("victim_code").value() == "V-PB-LHR-2026-0002"
    assert keys.navigation == 3 and keys.log == ["Ctrl+Shift+A", "Ctrl+Shift+V", "Ctrl+Shift+V"]


def test_problems_clear_from_the_banner_and_the_tabs_as_they_are_fixed(
    qtbot: Any, empty_app: RecordsApp
) -> None:
    _view, editor = _new_case(qtbot, empty_app)
    form = editor.case_form
    keys = Keyboard()
    form.editor("stage").set_value("closed")  # a closed case needs its reason
    _focus(form.editor("case_number"))
    keys.shortcut("Ctrl+S")
    assert sorted(p.field for p in editor.last_problems) == ["case_number", "closed_reason"]
    assert "Please correct these 2 things" in editor.summary.label.text()
    details = form.tab_of["details"]
    assert form.tabs.tabText(details) == "Details (2)"

    _focus(form.editor("case_number"))
    keys.type("FIR 9/2026")  # fixed: the count drops at once, before any save
    assert [p.field for p in editor.last_problems] == ["closed_reason"]
    assert "Please correct this:" in editor.summary.label.text()
    assert form.tabs.tabText(details) == "Details (1)"
    assert not form.fields["case_number"].has_problem

    _focus(form.editor("closed_reason"))
    keys.type("No evidence")
    assert editor.last_problems == []
    assert not editor.summary.isVisible()
    assert form.tabs.tabText(details) == "Details"
    assert _case_count(empty_app) == 0  # nothing was saved meanwhile


def test_after_ctrl_s_the_focus_stays_in_the_record_and_esc_closes_it(
    qtbot: Any, empty_app: RecordsApp
) -> None:
    view, editor = _new_case(qtbot, empty_app)
    form = editor.case_form
    keys = Keyboard()
    _focus(form.editor("case_number"))
    keys.type("FIR 10/2026")
    keys.shortcut("Ctrl+Shift+A")
    keys.type("Akram Khan")
    name = form.sections["accused"].forms[0].editor("name")
    keys.shortcut("Ctrl+S")
    assert _case_count(empty_app) == 1 and editor.last_problems == []
    assert _focused() is form.sections["accused"].forms[0].editor("name")
    assert name is _focused()  # the same input, refilled in place
    keys.press(Qt.Key.Key_Escape)
    assert editor.closed
    assert view.editors == []


def test_the_calendar_opens_from_the_keyboard(qtbot: Any, empty_app: RecordsApp) -> None:
    _view, editor = _new_case(qtbot, empty_app)
    date = editor.case_form.editor("registered_on")
    assert date.value() is not None  # registered today by default (the app's clock)
    today = date.value()
    keys = Keyboard()
    _focus(date)
    keys.press(Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = QApplication.activePopupWidget()
    assert isinstance(popup, QCalendarWidget)
    keys.press(Qt.Key.Key_Left)  # the day before
    keys.press(ENTER)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    assert date.value() == today.fromordinal(today.toordinal() - 1)
    assert _focused() is date.line


def test_ticks_are_named_under_their_list_and_hints_are_words(
    qtbot: Any, empty_app: RecordsApp
) -> None:
    _view, editor = _new_case(qtbot, empty_app)
    form = editor.case_form
    countries = form.editor("route_countries")
    assert countries.ticked.text() == "None ticked"
    keys = Keyboard()
    _focus(countries)  # the filter line on top of the list
    keys.type("emirates")
    keys.press(TAB)
    keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Space)
    assert countries.value() == ["AE"]
    countries.filter.clear()  # the tick scrolls out of view; its name stays shown
    assert countries.ticked.text() == "Ticked: United Arab Emirates"
    accused = form.sections["accused"].add()
    hints = [
        accused.editor(name).placeholderText()
        for name in ("section", "imprisonment_months", "fine_pkr")
    ]
    assert hints == ["e.g. 3(2)", "months", "rupees"]
    assert form.editor("case_number").placeholderText() == "e.g. FIR 101/2025"


def test_the_victim_editor_names_the_case_and_opens_it(qtbot: Any, records_app: RecordsApp) -> None:
    store = records_app.session.store
    victim_id, case_id, number = store.query(
        "SELECT v.id, c.id, c.case_number FROM victims v JOIN cases c ON c.id = v.case_id "
        "WHERE v.deleted = 0 LIMIT 1"
    )[0]
    view = _active(qtbot, VictimsView(records_app.ctx))
    assert isinstance(view, VictimsView)
    editor = view.open_record(victim_id)
    assert isinstance(editor, VictimEditor)
    assert editor.case_label.text() == f"Victim of case {number}"
    opened: list[tuple[str, str]] = []
    records_app.ctx.events.sig_open_record.connect(lambda k, i: opened.append((k, i)))
    qtbot.mouseClick(editor.open_case_button, Qt.MouseButton.LeftButton)
    editor.form.editor("victim_code").setFocus()
    Keyboard().shortcut("Ctrl+Shift+O")
    assert opened == [("case", case_id), ("case", case_id)]


def test_a_case_paints_first_and_builds_its_people_after(
    qtbot: Any, records_app: RecordsApp
) -> None:
    store = records_app.session.store
    case_id, accused, victims = store.query(
        "SELECT c.id, (SELECT count(*) FROM accused a WHERE a.case_id = c.id AND a.deleted = 0),"
        " (SELECT count(*) FROM victims v WHERE v.case_id = c.id AND v.deleted = 0) "
        "FROM cases c WHERE c.deleted = 0 ORDER BY 2 + 3 DESC LIMIT 1"
    )[0]
    assert accused + victims >= 2
    view = _active(qtbot, CasesView(records_app.ctx))
    assert isinstance(view, CasesView)
    editor = view.open_record(case_id)
    assert isinstance(editor, CaseEditor)
    form = editor.case_form
    # Opened: the case's own inputs are filled; its people come after the first paint.
    assert form.editor("case_number").value()
    assert not editor.fully_loaded
    assert len(form.sections["accused"].forms) + len(form.sections["victims"].forms) == 0
    qtbot.waitUntil(lambda: editor.fully_loaded)
    assert len(form.sections["accused"].forms) == accused
    assert len(form.sections["victims"].forms) == victims
    assert not editor.has_unsaved_changes()

    # Saving while people are still being built builds them first: nobody is dropped.
    again = view.open_record(case_id)
    assert again is editor
    editor.request_close()
    editor = view.open_record(case_id)
    assert isinstance(editor, CaseEditor) and not editor.fully_loaded
    editor.case_form.editor("narrative").set_value("Updated while loading.")
    editor.save()
    assert editor.last_problems == []
    stored = store.get("case", case_id)
    assert (len(stored.accused), len(stored.victims)) == (accused, victims)
    assert stored.narrative == "Updated while loading."


def test_a_reviewed_case_opens_without_unsaved_changes(qtbot: Any, records_app: RecordsApp) -> None:
    """Its Accused tab, built after the first paint, ticks "Reviewed": not an edit."""
    session = records_app.session
    case_id = str(session.store.query("SELECT id FROM cases WHERE deleted = 0 LIMIT 1")[0][0])
    case = session.store.get("case", case_id)
    case.dual_role_reviewed_by = "admin1"
    case.transnational = bool(case.transnational)
    session.store.save([case], session.actor())
    view = _active(qtbot, CasesView(records_app.ctx))
    assert isinstance(view, CasesView)
    editor = view.open_record(case_id)
    qtbot.waitUntil(lambda: editor.fully_loaded)
    assert editor.case_form.editor("dual_role_review").value() is True
    assert not editor.has_unsaved_changes()
    assert not view.tabs.tabText(view.tabs.indexOf(editor)).endswith("•")
