"""The History view of an editor: who changed which field when, by the editors' labels, a
victim's identity never shown, and restoring an earlier version from the keyboard."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from records_support import RecordsApp, empty_app, officer_app

from tipdesk.core.codes import Gender
from tipdesk.core.records import Case, Victim
from tipdesk.services import records as record_service
from tipdesk.ui.devtools.keys import Keyboard
from tipdesk.ui.pages.records.cases import CasesView
from tipdesk.ui.pages.records.editors import history as history_view
from tipdesk.ui.pages.records.editors.case_editor import CaseEditor
from tipdesk.ui.pages.records.editors.history import HistoryDialog
from tipdesk.ui.pages.records.victims import VictimsView

FIXTURES = (empty_app, officer_app)


def _active(qtbot: Any, view: QWidget) -> QWidget:
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    handle = view.windowHandle()
    assert handle is not None
    handle.requestActivate()
    qtbot.waitUntil(view.isActiveWindow)
    return view


def _history() -> HistoryDialog:
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, HistoryDialog)]
    assert len(dialogs) == 1
    return dialogs[0]


def test_the_history_lists_changes_and_restores_a_version(
    qtbot: Any, empty_app: RecordsApp, monkeypatch: Any
) -> None:
    view = _active(qtbot, CasesView(empty_app.ctx))
    assert isinstance(view, CasesView)
    view.new_record()
    editor = view.current_editor()
    assert isinstance(editor, CaseEditor)
    form = editor.case_form
    keys = Keyboard()
    form.editor("case_number").setFocus()
    keys.type("FIR 21/2026")
    keys.shortcut("Ctrl+S")
    assert editor.record_id and not editor.history_button.isHidden()
    form.editor("stage").set_value("trial")
    form.editor("investigating_officer").setFocus()
    keys.type("SI Zubair Sial")
    keys.shortcut("Ctrl+S")
    store = empty_app.session.store
    assert store.get("case", editor.record_id).investigating_officer == "SI Zubair Sial"

    keys.shortcut("Ctrl+H")
    dialog = _history()
    rows = [dialog.model.row(i) for i in range(dialog.model.rowCount())]
    assert [(r[2], r[3]) for r in rows] == [("The case", "2"), ("The case", "1")]
    assert rows[0][1] == "admin1"
    assert rows[0][4] == "Stage; Investigating officer"  # the editors' labels
    assert "Investigating officer: (empty) → SI Zubair Sial" in dialog.detail.toPlainText()
    assert "Stage: Registered → Trial" in dialog.detail.toPlainText()
    assert not dialog.restore_button.isEnabled()  # the current version

    asked: list[str] = []
    monkeypatch.setattr(
        history_view, "confirm_restore", lambda _p, _t, text: asked.append(text) or True
    )
    keys.press(Qt.Key.Key_Down)  # version 1
    assert dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert asked and "version 1" in asked[0]
    stored = store.get("case", editor.record_id)
    assert isinstance(stored, Case)
    assert (stored.version, stored.investigating_officer, stored.stage.value) == (
        3,
        "",
        "registered",
    )
    # The editor shows the restored record; the history lists the restore first.
    assert form.editor("investigating_officer").value() == ""
    assert not editor.has_unsaved_changes()
    assert dialog.model.row(0)[3] == "3"
    assert dialog.versions[0].action == "restored"
    restores = [e for e in store.audit_entries() if e.action == "record.restore"]
    assert len(restores) == 1 and restores[0].record_id == editor.record_id


def test_unsaved_changes_block_a_restore(qtbot: Any, empty_app: RecordsApp) -> None:
    view = _active(qtbot, CasesView(empty_app.ctx))
    assert isinstance(view, CasesView)
    view.new_record()
    editor = view.current_editor()
    assert isinstance(editor, CaseEditor)
    editor.case_form.editor("case_number").set_value("FIR 22/2026")
    editor.save()
    editor.case_form.editor("stage").set_value("trial")
    editor.save()
    editor.case_form.editor("narrative").set_value("Typed, not saved.")
    editor.case_form.editor("narrative").sig_edited.emit()
    assert editor.has_unsaved_changes()
    dialog = editor.open_history()
    assert dialog is not None
    dialog.table.selectRow(1)
    assert not dialog.restore_button.isEnabled()
    assert dialog.restore_button.toolTip() == "Save or discard your changes first"


def test_a_victims_identity_is_never_shown_in_the_history(
    qtbot: Any, officer_app: RecordsApp
) -> None:
    session = officer_app.session
    victim = Victim(
        victim_code="V-PB-LHR-2026-0099",
        district="PB-LHR",
        gender=Gender.FEMALE,
        identified_on=session.clock.now().date(),
        name="Secretname Fakeperson",
    )
    record_service.save_one(session, victim)
    stored = session.store.get("victim", victim.id)
    stored.name = "Othername Fakeperson"
    stored.age = 15
    record_service.save_one(session, stored)
    view = _active(qtbot, VictimsView(officer_app.ctx))
    assert isinstance(view, VictimsView)
    editor = view.open_record(victim.id)
    dialog = editor.open_history()
    assert dialog is not None
    text = dialog.detail.toPlainText()
    assert "Name: changed (protected, not kept)" in text
    assert "Age (years): (empty) → 15" in text
    everything = text + repr([dialog.model.row(i) for i in range(dialog.model.rowCount())])
    assert "Secretname" not in everything and "Othername" not in everything
