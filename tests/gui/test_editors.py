"""The record editors: a case created through the editor with a refused field first, every
problem next to its field, search finding the saved case, revealing a victim's name (audited),
the unsaved-changes prompt, keyboard use, and the training sums."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gui_support import GUI_ADMIN, GUI_OTHER_PASSPHRASE, GUI_PASSPHRASE
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QWidget
from records_support import (
    RecordsApp,
    answer_next_dialog,
    click_message_button,
    empty_app,
    officer_app,
    open_app,
    records_app,
)

from tipdesk.core.codes import Gender
from tipdesk.core.limits import TEXT_LIMITS
from tipdesk.core.masking import MASK
from tipdesk.core.permissions import UserRole
from tipdesk.core.records import Accused, Case, Victim
from tipdesk.services import records as record_service
from tipdesk.services import session as session_service
from tipdesk.ui.context import AppConfig
from tipdesk.ui.pages.records.campaigns import CampaignsView
from tipdesk.ui.pages.records.cases import CasesView
from tipdesk.ui.pages.records.editors.campaign_editor import CampaignEditor
from tipdesk.ui.pages.records.editors.case_editor import AccusedForm, CaseEditor
from tipdesk.ui.pages.records.editors.dialogs import ReasonDialog
from tipdesk.ui.pages.records.editors.training_editor import TrainingEditor
from tipdesk.ui.pages.records.editors.victim_editor import VictimEditor
from tipdesk.ui.pages.records.trainings import TrainingsView
from tipdesk.ui.pages.records.victims import VictimsView

# Fixtures (pytest finds them by name in this module).
FIXTURES = (empty_app, officer_app, records_app)


def _show(qtbot: Any, view: Any) -> Any:
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


def _type(qtbot: Any, widget: QWidget, text: str) -> None:
    """Type ``text`` over what the input holds (as after tabbing into it)."""
    target = widget.focusProxy() or widget
    target.setFocus()
    if isinstance(target, QLineEdit):
        target.selectAll()
    qtbot.keyClicks(target, text)


def _case_count(app: RecordsApp) -> int:
    return int(app.session.store.query("SELECT count(*) FROM cases WHERE deleted = 0")[0][0])


def test_create_a_case_with_a_refused_sentence_then_fix_it(
    qtbot: Any, empty_app: RecordsApp
) -> None:
    view = _show(qtbot, CasesView(empty_app.ctx))
    assert view.new_record()
    editor = view.current_editor()
    assert isinstance(editor, CaseEditor)
    form = editor.case_form
    assert form.editor("district").value() == "PB-LHR"  # the install's district and office
    assert form.editor("office").value() == "FIA-AHTC-LHR"
    _type(qtbot, form.editor("case_number"), "FIR 77/2026")
    _type(qtbot, form.editor("registered_on"), "15/01/2026")
    form.editor("stage").set_value("decided")
    form.editor("exploitation_forms").set_checked("forced_labour")
    section = form.sections["accused"]
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    accused = section.forms[0]
    assert isinstance(accused, AccusedForm)
    _type(qtbot, accused.editor("name"), "Akram Khan")
    accused.editor("outcome").set_value("convicted")
    _type(qtbot, accused.editor("proceeded_on"), "2026-02-01")
    _type(qtbot, accused.editor("judgment_on"), "2026-05-20")
    _type(qtbot, accused.editor("imprisonment_months"), "96")
    assert editor.has_unsaved_changes()
    assert view.tabs.tabText(1).endswith("•")

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    # Refused: nothing saved, the message sits under that accused's imprisonment field.
    assert _case_count(empty_app) == 0
    box = accused.fields["imprisonment_months"]
    assert box.has_problem
    assert box.message.isVisible()
    assert box.message.text() == "96 exceeds the 84-month maximum (TIP Act 2018 s.3(1))"
    assert editor.summary.isVisible()
    assert any(
        "Accused 1 (Akram Khan) › Imprisonment (months): 96 exceeds" in line
        for line in editor.summary.lines
    )
    assert form.tabs.currentIndex() == form.tab_of["accused"]  # brought into view
    assert form.tabs.tabText(form.tab_of["accused"]) == "Accused (1)"
    assert section.model.has_problem(0)
    assert editor.has_unsaved_changes()

    # Fix it: the red frame goes as soon as the field is edited; saving now succeeds.
    months = accused.editor("imprisonment_months")
    months.selectAll()
    _type(qtbot, months, "60")
    assert not box.has_problem
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.last_problems == []
    assert not editor.summary.isVisible()
    assert _case_count(empty_app) == 1
    assert editor.record_id
    assert not editor.has_unsaved_changes()
    assert editor.title() == "Case FIR 77/2026"
    assert form.tabs.tabText(form.tab_of["accused"]) == "Accused"

    # The list shows it, and search finds it (by case number and by the accused's name).
    assert view.list.model.rowCount() == 1
    view.list.set_search("FIR 77")
    assert view.list.model.record_id(0) == editor.record_id
    view.list.set_search("Akram")
    assert view.list.model.record_id(0) == editor.record_id
    view.list.set_search("Akram Zzz")
    assert view.list.model.rowCount() == 0


def test_text_boxes_stop_at_the_records_text_limits(qtbot: Any, empty_app: RecordsApp) -> None:
    view = _show(qtbot, CasesView(empty_app.ctx))
    assert view.new_record()
    editor = view.current_editor()
    assert isinstance(editor, CaseEditor)
    form = editor.case_form
    number = form.editor("case_number")
    limits = {
        name: form.editor(name).maxLength()
        for name in ("case_number", "investigating_officer", "closed_reason", "sections")
    }
    assert limits == {
        "case_number": TEXT_LIMITS["case"]["case_number"],
        "investigating_officer": TEXT_LIMITS["case"]["investigating_officer"],
        "closed_reason": TEXT_LIMITS["case"]["closed_reason"],
        "sections": 30 * 60 + 2 * 29,  # 30 sections of 60 characters, ", " between
    }
    _type(qtbot, number, "9" * (limits["case_number"] + 5))
    assert number.value() == "9" * limits["case_number"]  # typing stopped at the limit
    accused = form.sections["accused"].add()
    assert accused.editor("name").maxLength() == TEXT_LIMITS["accused"]["name"]
    assert accused.editor("cnic").maxLength() == TEXT_LIMITS["accused"]["cnic"]
    assert accused.editor("imprisonment_months").maxLength() == 32767  # a number: no text limit
    victim = form.sections["victims"].add()
    assert victim.editor("phone").maxLength() == TEXT_LIMITS["victim"]["phone"]
    # A stored value over the limit (written before it) is shown whole, never cut.
    older = "A" * (TEXT_LIMITS["case"]["investigating_officer"] + 20)
    officer = form.editor("investigating_officer")
    officer.set_value(older)
    assert officer.value() == older
    officer.set_value("Inspector Rana")
    assert officer.maxLength() == TEXT_LIMITS["case"]["investigating_officer"]


def test_a_warning_is_shown_after_the_save_and_the_offence_date_is_kept(
    qtbot: Any, empty_app: RecordsApp
) -> None:
    """s.3(2) (a woman or a child) with its lawful 8 years and no victim recorded: the case is
    saved, and the warning is listed above it without marking the input as wrong."""
    view = _show(qtbot, CasesView(empty_app.ctx))
    assert view.new_record()
    editor = view.current_editor()
    assert isinstance(editor, CaseEditor)
    form = editor.case_form
    _type(qtbot, form.editor("case_number"), "FIR 78/2026")
    _type(qtbot, form.editor("registered_on"), "15/01/2026")
    _type(qtbot, form.editor("offence_on"), "2025-12-30")
    _type(qtbot, form.editor("sections"), "3(2)")
    form.editor("stage").set_value("decided")
    section = form.sections["accused"]
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    accused = section.forms[0]
    _type(qtbot, accused.editor("name"), "Akram Khan")
    accused.editor("outcome").set_value("convicted")
    _type(qtbot, accused.editor("proceeded_on"), "2026-02-01")
    _type(qtbot, accused.editor("judgment_on"), "2026-05-20")
    _type(qtbot, accused.editor("imprisonment_months"), "96")

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    assert _case_count(empty_app) == 1 and editor.record_id
    stored = empty_app.session.store.get("case", editor.record_id)
    assert isinstance(stored, Case) and stored.offence_on == dt.date(2025, 12, 30)
    assert editor.summary.isVisible() and editor.summary.label.kind == "warning"
    assert "Saved. Please check this:" in editor.summary.label.text()
    (line,) = editor.summary.lines
    assert line.startswith("Details › Sections: TIP Act 2018 s.3(2) applies where a victim is")
    assert not form.fields["sections"].has_problem
    assert not editor.has_unsaved_changes()


def test_every_problem_shows_at_once_including_unreadable_input(
    qtbot: Any, empty_app: RecordsApp
) -> None:
    view = _show(qtbot, CasesView(empty_app.ctx))
    view.new_record()
    editor = view.current_editor()
    assert isinstance(editor, CaseEditor)
    form = editor.case_form
    _type(qtbot, form.editor("registered_on"), "31/02/2026")  # not a real date
    form.editor("stage").set_value("closed")  # closed without a reason
    victims = form.sections["victims"]
    victims.add()
    assert victims.forms[0].editor("victim_code").value() == "V-PB-LHR-2026-0001"  # suggested
    victims.forms[0].editor("victim_code").set_value("")
    editor.save()
    fields = {p.field for p in editor.last_problems}
    assert {"case_number", "registered_on", "closed_reason"} <= fields
    # A victim's gender may be unknown (recorded as not recorded); the code is required.
    assert "victims[0].victim_code" in fields and "victims[0].gender" not in fields
    assert form.fields["registered_on"].message.text().startswith("Is not a date")
    assert victims.forms[0].fields["victim_code"].has_problem
    assert form.tabs.tabText(form.tab_of["victims"]).startswith("Victims (")
    # A click on a summary line brings its field into view.
    line = next(
        i for i, p in enumerate(editor.last_problems) if p.field == "victims[0].victim_code"
    )
    editor.summary.sig_go_to.emit(line)
    assert form.tabs.currentIndex() == form.tab_of["victims"]
    assert _case_count(empty_app) == 0


def test_ctrl_s_saves_and_escape_asks_about_unsaved_changes(
    qtbot: Any, empty_app: RecordsApp
) -> None:
    view = _show(qtbot, CampaignsView(empty_app.ctx))
    view.windowHandle().requestActivate()  # shortcuts need an active window
    qtbot.waitUntil(view.isActiveWindow)
    view.new_record()
    editor = view.current_editor()
    assert isinstance(editor, CampaignEditor)
    title = editor.form.editor("title")
    _type(qtbot, title, "Walk against trafficking")
    assert editor.has_unsaved_changes()

    # Esc with unsaved changes asks; Cancel keeps the editor open with its input.
    seen = answer_next_dialog(click_message_button(QMessageBox.StandardButton.Cancel))
    qtbot.keyClick(title, Qt.Key.Key_Escape)
    assert seen and seen[0].objectName() == "unsavedChangesBox"
    assert not editor.closed and title.text() == "Walk against trafficking"

    # Ctrl+S tries to save: the missing fields are named, nothing closes.
    view.windowHandle().requestActivate()  # the message box took the activation offscreen
    qtbot.waitUntil(view.isActiveWindow)
    title.setFocus()
    qtbot.keyClick(title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert {"department", "kind", "start_on"} <= {p.field for p in editor.last_problems}

    # Save from the prompt with problems left: stays open.
    seen = answer_next_dialog(click_message_button(QMessageBox.StandardButton.Save))
    assert not editor.request_close()
    assert seen and not editor.closed

    # Discard closes the tab.
    seen = answer_next_dialog(click_message_button(QMessageBox.StandardButton.Discard))
    assert editor.request_close()
    assert seen and editor.closed
    assert view.tabs.count() == 1


def test_saving_from_the_prompt_saves_then_closes(qtbot: Any, empty_app: RecordsApp) -> None:
    view = _show(qtbot, CampaignsView(empty_app.ctx))
    view.new_record()
    editor = view.current_editor()
    assert isinstance(editor, CampaignEditor)
    form = editor.form
    _type(qtbot, form.editor("title"), "School session on safe migration")
    form.editor("department").set_value("punjab_labour")
    form.editor("kind").set_value("school_session")
    _type(qtbot, form.editor("start_on"), "2026-03-01")
    form.editor("people_reached").setValue(150)
    assert view.has_unsaved_changes()
    seen = answer_next_dialog(click_message_button(QMessageBox.StandardButton.Save))
    assert view.confirm_close()
    assert seen and editor.closed
    assert view.list.model.rowCount() == 1
    assert view.list.model.cell(0, 0) == "School session on safe migration"


def test_closing_without_changes_does_not_ask(qtbot: Any, records_app: RecordsApp) -> None:
    view = _show(qtbot, CasesView(records_app.ctx))
    editor = view.open_record(view.list.model.record_id(0) or "")
    assert not editor.has_unsaved_changes()
    assert editor.request_close()
    assert view.tabs.count() == 1


def test_lock_keeps_unsaved_input(qtbot: Any, empty_app: RecordsApp) -> None:
    view = _show(qtbot, CasesView(empty_app.ctx))
    view.new_record()
    editor = view.current_editor()
    assert isinstance(editor, CaseEditor)
    _type(qtbot, editor.case_form.editor("case_number"), "FIR 9/2026")
    view.lock()
    view.hide()
    view.unlock()
    view.show()
    assert editor.case_form.editor("case_number").text() == "FIR 9/2026"
    assert view.has_unsaved_changes()


def _open_named_victim(qtbot: Any, app: RecordsApp) -> tuple[VictimsView, VictimEditor]:
    view = _show(qtbot, VictimsView(app.ctx))
    model = view.list.model
    col = next(i for i in range(model.columnCount()) if model.column_spec(i).name == "name")
    row = next(r for r in range(model.rowCount()) if model.cell(r, col) == MASK)
    editor = view.open_record(model.record_id(row) or "")
    assert isinstance(editor, VictimEditor)
    return view, editor


def _reveals(app: RecordsApp) -> list[Any]:
    return [e for e in app.session.store.audit_entries(limit=100_000) if e.action == "reveal"]


def test_revealing_a_victims_name_asks_a_reason_and_is_audited(
    qtbot: Any, records_app: RecordsApp
) -> None:
    view, editor = _open_named_victim(qtbot, records_app)
    form: Any = editor.form
    name = form.editor("name")
    assert name.text() == MASK and name.isReadOnly()
    assert form.reveal_button.isVisible() and form.reveal_button.isEnabled()
    before = len(_reveals(records_app))

    def give_reason(dialog: QWidget) -> None:
        assert isinstance(dialog, ReasonDialog)
        assert not dialog.ok_button.isEnabled()
        qtbot.keyClicks(dialog.reason_edit, "court order 12/2026")
        assert dialog.ok_button.isEnabled()
        dialog.ok_button.click()

    seen = answer_next_dialog(give_reason)
    qtbot.mouseClick(form.reveal_button, Qt.MouseButton.LeftButton)
    assert seen
    assert name.text() not in ("", MASK) and not name.isReadOnly()
    assert not editor.has_unsaved_changes()  # revealing is not an edit
    entries = _reveals(records_app)
    assert len(entries) == before + 1
    assert entries[-1].record_id == editor.record_id
    assert entries[-1].detail.get("reason") == "court order 12/2026"
    # Locking masks the revealed values again.
    view.lock()
    assert name.text() == MASK and name.isReadOnly()
    view.unlock()


def test_saving_a_masked_victim_keeps_the_stored_identity(
    qtbot: Any, records_app: RecordsApp
) -> None:
    _view, editor = _open_named_victim(qtbot, records_app)
    stored = records_app.session.store.get("victim", editor.record_id or "")
    form: Any = editor.form
    _type(qtbot, form.editor("identified_by"), " (checked)")
    editor.save()
    assert editor.last_problems == []
    again = records_app.session.store.get("victim", editor.record_id or "")
    assert again.name == stored.name and again.cnic == stored.cnic  # type: ignore[attr-defined]
    assert again.version == stored.version + 1


def test_reveal_needs_the_permission(qtbot: Any, officer_app: RecordsApp) -> None:
    _view, editor = _open_named_victim(qtbot, officer_app)
    form: Any = editor.form
    assert form.reveal_button.isVisible() and not form.reveal_button.isEnabled()
    assert form.editor("name").text() == MASK


def test_training_participants_must_add_up(qtbot: Any, empty_app: RecordsApp) -> None:
    view = _show(qtbot, TrainingsView(empty_app.ctx))
    view.new_record()
    editor = view.current_editor()
    assert isinstance(editor, TrainingEditor)
    form: Any = editor.form
    _type(qtbot, form.editor("title"), "Victim identification")
    form.editor("organiser").set_value("fia")
    _type(qtbot, form.editor("start_on"), "2026-04-02")
    form.editor("participants_total").setValue(25)
    form.editor("participants_female").setValue(8)
    form.editor("participants_male").setValue(16)
    agencies = form.editor("participants_by_agency")
    agencies.add_line("fia", 15)
    agencies.add_line("punjab_police", 9)
    form.sig_edited.emit()
    assert "but the total is 25" in form.gender_sum.text()
    assert "add up to 24, but the total is 25" in form.agency_sum.text()
    editor.save()
    fields = {p.field for p in editor.last_problems}
    assert fields == {"participants_total", "participants_by_agency"}
    assert form.fields["participants_total"].has_problem
    assert form.fields["participants_by_agency"].has_problem
    form.editor("participants_transgender").setValue(1)
    agencies.lines[1][1].setValue(10)
    editor.save()
    assert editor.last_problems == []
    assert view.list.model.rowCount() == 1


def test_victim_editor_adds_referrals(qtbot: Any, empty_app: RecordsApp) -> None:
    view = _show(qtbot, VictimsView(empty_app.ctx))
    view.new_record()
    editor = view.current_editor()
    assert isinstance(editor, VictimEditor)
    form: Any = editor.form
    _type(qtbot, form.editor("victim_code"), "V-LHR-2026-0001")
    _type(qtbot, form.editor("identified_on"), "2026-05-02")
    form.editor("gender").set_value("female")
    _type(qtbot, form.editor("name"), "Sana Bibi")
    referrals = form.sections["referrals"]
    referral = referrals.add()
    referral.editor("service").set_value("shelter")
    _type(qtbot, referral.editor("referred_on"), "2026-05-03")
    referral.editor("outcome").set_value("provided")  # needs its date
    editor.save()
    assert [p.field for p in editor.last_problems] == ["referrals[0].outcome_on"]
    assert referral.fields["outcome_on"].has_problem
    _type(qtbot, referral.editor("outcome_on"), "2026-05-04")
    editor.save()
    assert editor.last_problems == []
    assert form.editor("name").text() == MASK  # reloaded from the store: masked
    assert view.list.model.rowCount() == 1


def test_an_overlap_is_saved_and_only_marking_the_accused_waits_for_a_review(
    qtbot: Any, gui_config: AppConfig, make_install: Callable[..., str], tmp_path: Path
) -> None:
    """An officer adds an accused with a victim's name: the case is saved, and the editor says
    that a supervisor reviews the overlap; marking that accused proceeded against is refused
    until then, at the accused's date."""
    make_install(users=(("bilal", UserRole.DISTRICT_OFFICER.value),))
    admin = session_service.sign_in(
        gui_config.paths, user=GUI_ADMIN, passphrase=GUI_PASSPHRASE, clock=gui_config.clock
    )
    try:
        case = Case(
            case_number="FIR 5/2026", registered_on=dt.date(2026, 1, 5), district="PB-LHR",
            office="FIA-AHTC-LHR", law="tip_act_2018", exploitation_forms=["forced_labour"],
            accused=[Accused(name="Akram Khan", gender=Gender.MALE)],
            victims=[
                Victim(
                    victim_code="V-5", district="PB-LHR", name="Sana Bibi",
                    father_name="Nazir Ahmed", gender=Gender.FEMALE,
                    identified_on=dt.date(2026, 1, 5),
                )
            ],
        )  # fmt: skip
        record_service.save_one(admin, case)
    finally:
        admin.close()
    app = open_app(gui_config, "bilal", GUI_OTHER_PASSPHRASE)
    try:
        view = _show(qtbot, CasesView(app.ctx))
        editor = view.open_record(case.id)
        assert isinstance(editor, CaseEditor)
        form = editor.case_form
        section = form.sections["accused"]
        qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
        accused = section.forms[1]
        _type(qtbot, accused.editor("name"), "Sana  Bibi")
        _type(qtbot, accused.editor("father_name"), "Nazir Ahmed")

        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
        stored = app.session.store.get("case", case.id)
        assert isinstance(stored, Case) and len(stored.accused) == 2  # saved
        lines = [line for line in editor.summary.lines if "review queue" in line]
        assert len(lines) == 1 and "V-5" in lines[0]  # an officer sees the victim's code
        view.grab().save(str(tmp_path / "overlap.png"))

        # Marking the new accused proceeded against is refused until a supervisor reviews.
        section = editor.case_form.sections["accused"]
        new = next(i for i, f in enumerate(section.forms) if "Sana" in f.editor("name").value())
        _type(qtbot, section.forms[new].editor("proceeded_on"), "01/03/2026")
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
        assert section.model.has_problem(new)
        assert any("review queue" in line for line in editor.summary.lines)
        stored = app.session.store.get("case", case.id)
        assert isinstance(stored, Case)
        assert all(a.proceeded_on is None for a in stored.accused)
        editor.form.load(editor.form.record)  # drop the input: nothing to ask about on close
    finally:
        app.runner.close()
    assert app.errors.seen == []
