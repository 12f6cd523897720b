"""The Diary page, the dashboard's Due panel, the overdue notice after sign-in and printing,
driven by the keyboard as an officer would: Ctrl+2 opens the Diary, Ctrl+N adds a hearing,
Ctrl+D records what happened (a next date adds the next hearing) or marks a deadline done,
Enter opens the case, Ctrl+P prints its summary.

Today is 2026-06-01 (the GUI tests' clock)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from gui_support import GUI_ADMIN, GUI_PASSPHRASE, sign_in
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QWidget

from tipdesk.core.codes import Gender, HearingPurpose, InstallRole, Stage
from tipdesk.core.records import Case, Hearing, Referral, Victim
from tipdesk.services import diary, letterhead, records
from tipdesk.services import session as session_service
from tipdesk.services.printouts import Printout
from tipdesk.ui.app import AppController
from tipdesk.ui.context import AppConfig
from tipdesk.ui.main_window import MainWindow
from tipdesk.ui.pages.dashboard.page import DashboardView
from tipdesk.ui.pages.diary import page as diary_page
from tipdesk.ui.pages.diary.dialogs import AddHearingDialog, DoneDialog, OutcomeDialog
from tipdesk.ui.pages.diary.page import DiaryView
from tipdesk.ui.pages.records.cases import CasesView
from tipdesk.ui.widgets import files, printing
from tipdesk.ui.widgets.printing import PrintoutDialog

COURT = "Sessions Court (TIP), Lahore"
NUMBER = "FIR 61/2026"


def _fill(config: AppConfig) -> dict[str, str]:
    """A case under investigation (registered 25 May: its investigation report falls due on
    8 June) with hearings on 28 May (overdue), today and 5 June; a victim referred to a
    shelter on 20 May (its placement follow-up is overdue). Returns the ids."""
    session = session_service.sign_in(
        config.paths, user=GUI_ADMIN, passphrase=GUI_PASSPHRASE, clock=config.clock
    )
    try:
        shelter = Referral(service="shelter", referred_on=dt.date(2026, 5, 20))
        victim = Victim(victim_code="V-GUI-1", district="PB-LHR", name="Guivictim Fakename",
                        gender=Gender.FEMALE, identified_on=dt.date(2026, 5, 20),
                        referrals=[shelter])  # fmt: skip
        case = Case(case_number=NUMBER, registered_on=dt.date(2026, 5, 25), district="PB-LHR",
                    office="FIA-AHTC-LHR", stage=Stage.INVESTIGATION,
                    investigating_officer="Inspector Gui", victims=[victim])  # fmt: skip
        records.save(session, [case])
        ids = {"case": case.id, "victim": case.victims[0].id}
        for name, day in (("late", dt.date(2026, 5, 28)), ("today", dt.date(2026, 6, 1)),
                          ("week", dt.date(2026, 6, 5))):  # fmt: skip
            hearing = Hearing(case_id=case.id, hearing_on=day, court=COURT,
                              purpose=HearingPurpose.EVIDENCE)  # fmt: skip
            ids[name] = diary.save_hearing(session, hearing).hearing.id
        return ids
    finally:
        session.close()


@pytest.fixture
def diary_window(
    controller: AppController, make_install: Callable[..., str], gui_config: AppConfig, qtbot: Any
) -> tuple[MainWindow, dict[str, str]]:
    make_install()
    ids = _fill(gui_config)
    window = sign_in(controller)
    qtbot.waitExposed(window)
    for notice in window.findChildren(QWidget, "overdueNotice"):
        notice.hide()
    return window, ids


def _session(window: MainWindow) -> Any:
    runner = window.ctx.runner
    session = getattr(runner, "runner", runner).session
    assert session is not None
    return session


def _activate(widget: QWidget) -> None:
    """What the window manager does when a dialog opens (the offscreen platform does not)."""
    widget.activateWindow()
    QApplication.processEvents()


def _open_diary(window: MainWindow, qtbot: Any) -> DiaryView:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.current_page()
    assert isinstance(page, DiaryView)
    return page


def _keys(page: DiaryView, section: str) -> list[str]:
    model = page.models[section]
    return [str(model.key(r)) for r in range(model.rowCount())]


def test_the_diary_shows_overdue_today_and_this_week(
    diary_window: tuple[MainWindow, dict[str, str]], qtbot: Any, qtmodeltester: Any
) -> None:
    window, ids = diary_window
    page = _open_diary(window, qtbot)
    assert _keys(page, "overdue") == [f"hearing:{ids['late']}", f"shelter_placement:{_ref(window)}"]
    assert _keys(page, "today") == [f"hearing:{ids['today']}"]
    assert _keys(page, "week") == [f"hearing:{ids['week']}", f"investigation:{ids['case']}"]
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert titles == ["Overdue (2)", "Today (1)", "This week (2)", "By officer"]
    model = page.models["week"]
    assert [model.text(0, c) for c in range(model.columnCount())] == [
        "5 Jun 2026", "Prosecution evidence", NUMBER, "–", COURT, "Inspector Gui"
    ]  # fmt: skip
    assert model.text(1, 1).startswith("Investigation report due")
    assert "Guivictim" not in " ".join(page.models["overdue"].text(1, c) for c in range(6))
    for each in page.models.values():
        qtmodeltester.check(each)
    # By officer: the load of each investigating officer; Enter shows that officer's diary.
    page.tabs.setCurrentWidget(page.officer_table)
    assert page.officer_model.row(0) == ("Inspector Gui", "2", "1", "2")
    page.officer_table.selectRow(0)
    page.officer_table.setFocus()
    qtbot.keyClick(page.officer_table, Qt.Key.Key_Return)
    assert page.officer() == "Inspector Gui" and page.current_key() == "overdue"


def _ref(window: MainWindow) -> str:
    rows = _session(window).store.query("SELECT id FROM referrals")
    return str(rows[0][0])


def test_ctrl_n_adds_a_hearing_by_keyboard(
    diary_window: tuple[MainWindow, dict[str, str]], qtbot: Any
) -> None:
    window, ids = diary_window
    page = _open_diary(window, qtbot)
    page.tables["overdue"].clearSelection()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert isinstance(dialog, AddHearingDialog) and dialog.isVisible()
    _activate(dialog)
    qtbot.keyClicks(dialog.case_edit, NUMBER)
    qtbot.keyClick(dialog.case_edit, Qt.Key.Key_Tab)  # finding the case fills the court
    assert dialog.case_note.text() == f"Case {NUMBER}, 0 accused"
    assert dialog.court_edit.text() == COURT
    qtbot.keyClicks(dialog.date_edit.line, "2026-06-03")
    dialog.purpose_combo.set_value("bail")
    qtbot.keyClick(dialog.date_edit.line, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    added = [h for h in diary.hearings_of_case(_session(window), ids["case"])
             if h.hearing_on == dt.date(2026, 6, 3)]  # fmt: skip
    assert [(h.court, h.purpose) for h in added] == [(COURT, HearingPurpose.BAIL)]
    assert f"hearing:{added[0].id}" in _keys(page, "week")


def test_a_bad_hearing_shows_its_problems_under_the_inputs(
    diary_window: tuple[MainWindow, dict[str, str]], qtbot: Any
) -> None:
    window, _ids = diary_window
    page = _open_diary(window, qtbot)
    page.tables["overdue"].clearSelection()
    dialog = page.add_hearing()
    assert dialog is not None
    qtbot.keyClicks(dialog.case_edit, "FIR 404/2026")
    qtbot.keyClicks(dialog.date_edit.line, "31/02/2026")
    dialog.save()
    assert dialog.boxes["hearing_on"].problems and dialog.isVisible()
    dialog.date_edit.line.setText("2026-06-03")
    dialog.save()
    assert dialog.boxes["case"].problems == ["no case has this number"]
    assert dialog.boxes["court"].problems == ["the court is required"]
    assert dialog.isVisible()


def test_ctrl_d_records_the_hearing_and_its_next_date_makes_the_next_one(
    diary_window: tuple[MainWindow, dict[str, str]], qtbot: Any
) -> None:
    window, ids = diary_window
    page = _open_diary(window, qtbot)
    page.tabs.setCurrentIndex(1)  # today
    table = page.tables["today"]
    table.selectRow(0)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert isinstance(dialog, OutcomeDialog) and dialog.version == 1
    _activate(dialog)
    qtbot.keyClicks(dialog.what_edit, "Witness absent; adjourned.")
    qtbot.keyClick(dialog.what_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.next_edit.line, "2026-06-15")
    qtbot.keyClick(dialog.next_edit.line, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    session = _session(window)
    held = diary.get_hearing(session, ids["today"])
    assert (held.done, held.proceedings, held.next_on) == (
        True, "Witness absent; adjourned.", dt.date(2026, 6, 15)
    )  # fmt: skip
    made = [h for h in diary.hearings_of_case(session, ids["case"]) if h.follows_id == held.id]
    assert [(h.hearing_on, h.court, h.done) for h in made] == [(dt.date(2026, 6, 15), COURT, False)]
    assert _keys(page, "today") == []  # recorded: no longer due


def test_ctrl_d_marks_a_deadline_done(
    diary_window: tuple[MainWindow, dict[str, str]], qtbot: Any
) -> None:
    window, ids = diary_window
    page = _open_diary(window, qtbot)
    page.tabs.setCurrentIndex(2)
    table = page.tables["week"]
    table.selectRow(_keys(page, "week").index(f"investigation:{ids['case']}"))
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert isinstance(dialog, DoneDialog)
    _activate(dialog)
    qtbot.keyClick(dialog.again_edit.line, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert f"investigation:{ids['case']}" not in _keys(page, "week")


def test_enter_opens_the_case_and_ctrl_p_prints_its_summary(
    diary_window: tuple[MainWindow, dict[str, str]], qtbot: Any
) -> None:
    window, ids = diary_window
    page = _open_diary(window, qtbot)
    table = page.tables["overdue"]
    table.selectRow(0)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    shown = page.dialog
    assert isinstance(shown, PrintoutDialog)
    assert shown.printout.title == f"Case summary: {NUMBER}" and shown.page_labels
    shown.close()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    cases = window.current_page()
    assert isinstance(cases, CasesView)
    editor = cases.current_editor()
    assert editor is not None and editor.record_id == ids["case"]


def test_the_dashboard_due_panel(
    diary_window: tuple[MainWindow, dict[str, str]], qtbot: Any
) -> None:
    window, ids = diary_window
    page = window.show_page("dashboard")
    assert isinstance(page, DashboardView)
    panel = page.due_panel
    assert [panel.counts[k].text() for k in ("overdue", "today", "week")] == ["2", "1", "2"]
    assert [panel.model.key(r) for r in range(panel.model.rowCount())] == [
        f"hearing:{ids['late']}", f"shelter_placement:{_ref(window)}",
        f"hearing:{ids['today']}", f"hearing:{ids['week']}", f"investigation:{ids['case']}",
    ]  # fmt: skip
    assert panel.model.highlighted(0) and not panel.model.highlighted(2)
    panel.table.selectRow(2)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert window.current_key() == "cases"
    window.show_page("dashboard")
    panel.open_button.click()
    assert window.current_key() == "diary"


def test_signing_in_shows_what_is_overdue_without_taking_the_keyboard(
    controller: AppController, make_install: Callable[..., str], gui_config: AppConfig, qtbot: Any
) -> None:
    make_install()
    _fill(gui_config)
    window = sign_in(controller)
    qtbot.waitExposed(window)
    (notice,) = window.findChildren(QWidget, "overdueNotice")
    assert notice.isVisible() and notice.window() is window
    assert notice.heading.text().startswith("2 overdue")  # type: ignore[attr-defined]
    assert notice.lines[0].startswith("28 May 2026 · Prosecution evidence · FIR 61/2026")  # type: ignore[attr-defined]
    notice.open_button.click()  # type: ignore[attr-defined]
    assert window.current_key() == "diary"
    QApplication.processEvents()
    assert not [n for n in window.findChildren(QWidget, "overdueNotice") if n.isVisible()]


def test_nothing_overdue_shows_no_notice(
    controller: AppController, make_install: Callable[..., str], qtbot: Any
) -> None:
    make_install()
    window = sign_in(controller)
    assert window.findChildren(QWidget, "overdueNotice") == []


# --- printing -------------------------------------------------------------------------------


def test_a_printout_prints_every_page_and_saves_a_private_pdf(
    diary_window: tuple[MainWindow, dict[str, str]],
    qtbot: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, _ids = diary_window
    page = _open_diary(window, qtbot)
    dialog = page.cause_list()
    _activate(dialog)
    qtbot.keyClick(dialog.week_edit.line, Qt.Key.Key_Return)
    shown = page.dialog
    assert isinstance(shown, PrintoutDialog)
    printout: Printout = shown.printout
    assert printout.file_name == "cause-list-2026-06-01.pdf" and printout.data.startswith(b"%PDF")

    paper = tmp_path / "paper.pdf"

    def printer(_parent: object) -> QPrinter:
        chosen = QPrinter(QPrinter.PrinterMode.HighResolution)
        chosen.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        chosen.setOutputFileName(str(paper))
        return chosen

    monkeypatch.setattr(printing, "ask_printer", printer)
    assert shown.print_pages()
    assert shown.printed_pages == len(shown.page_labels) >= 1
    assert paper.read_bytes().startswith(b"%PDF")

    target = tmp_path / "saved"  # no suffix: ".pdf" is added
    monkeypatch.setattr(files, "ask_save_file", lambda *_a: target)
    _activate(shown)
    qtbot.keyClick(shown, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = tmp_path / "saved.pdf"
    assert shown.saved_to == saved and saved.read_bytes() == printout.data
    assert saved.stat().st_mode & 0o777 == 0o600

    monkeypatch.setattr(printing, "ask_printer", lambda _p: None)  # cancelled: nothing printed
    assert shown.print_pages() is False


def test_the_case_editor_prints_its_summary_and_the_victim_editor_a_letter(
    diary_window: tuple[MainWindow, dict[str, str]], qtbot: Any
) -> None:
    window, ids = diary_window
    window.ctx.events.sig_open_record.emit("case", ids["case"])
    cases = window.current_page()
    assert isinstance(cases, CasesView)
    editor = cases.current_editor()
    assert editor is not None
    button = editor.print_button  # type: ignore[attr-defined]
    assert button.isEnabled() and button.revealed_action.isVisible()
    button.print_summary(None)
    assert isinstance(button.dialog, PrintoutDialog)
    assert button.dialog.printout.title == f"Case summary: {NUMBER}"

    window.ctx.events.sig_open_record.emit("victim", ids["victim"])
    victims = window.current_page()
    letter_editor = victims.current_editor()  # type: ignore[attr-defined]
    letter_button = letter_editor.letter_button
    ask = letter_button.ask()
    assert ask is not None and ask.service_combo.value() == "shelter"  # the victim's referral
    ask.reveal_box.setChecked(True)
    assert not ask.ok_button.isEnabled()  # a reason first
    qtbot.keyClicks(ask.reason_edit, "The shelter needs her name")
    ask.ok_button.click()
    assert isinstance(letter_button.dialog, PrintoutDialog)
    assert letter_button.dialog.printout.file_name == "referral-V-GUI-1-shelter.pdf"
    reveals = [e for e in _session(window).store.audit_entries(limit=100_000)
               if e.action == "reveal"]  # fmt: skip
    assert [(e.record_id, e.detail) for e in reveals] == [
        (ids["victim"], {"reason": "The shelter needs her name"})
    ]


def test_the_letterhead_is_set_in_settings(
    diary_window: tuple[MainWindow, dict[str, str]], qtbot: Any
) -> None:
    window, _ids = diary_window
    page = window.show_page("settings")
    card = page.letterhead_card  # type: ignore[attr-defined]
    assert (
        card.edits["office_name"].placeholderText() == "FIA Anti-Human Trafficking Circle, Lahore"
    )
    qtbot.keyClicks(card.edits["phone"], "042-1234567")
    qtbot.keyClicks(card.edits["officer_name"], "Ayesha Khan")
    card.save_button.click()
    assert card.message.text() == "The letterhead was saved."
    stored = letterhead.stored(_session(window))
    assert (stored.phone, stored.officer_name, stored.office_name) == (
        "042-1234567", "Ayesha Khan", ""
    )  # fmt: skip
    # The input stops at the limit; the service refuses a longer value all the same.
    card.edits["phone"].setMaxLength(200)
    card.edits["phone"].setText("9" * 61)
    card.save_button.click()
    assert "at most 60" in card.message.text()
    assert letterhead.stored(_session(window)).phone == "042-1234567"


def test_the_page_paints_from_a_quick_read_then_counts(
    diary_window: tuple[MainWindow, dict[str, str]], qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, ids = diary_window
    monkeypatch.setattr(diary_page, "FIRST", 1)  # the quick read: one item a part
    page = _open_diary(window, qtbot)
    assert page.counts is None
    assert page.tabs.tabText(0) == "Overdue (2+)"  # read, not counted: "there may be more"
    assert len(_keys(page, "overdue")) == 1
    # Once that paint is on screen, every item and the counts follow.
    qtbot.waitUntil(lambda: page.counts is not None)
    assert page.tabs.tabText(0) == "Overdue (2)"
    assert _keys(page, "overdue") == [f"hearing:{ids['late']}", f"shelter_placement:{_ref(window)}"]


def test_hq_signs_in_without_the_districts_overdue_list(
    controller: AppController, make_install: Callable[..., str], qtbot: Any
) -> None:
    make_install(demo_cases=20, role=InstallRole.HQ)
    window = sign_in(controller)
    session = _session(window)
    assert diary.overdue(session).total > 0  # the districts' cases have deadlines passed
    assert window.findChildren(QWidget, "overdueNotice") == []
