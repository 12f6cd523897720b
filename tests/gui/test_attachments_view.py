"""The case editor's Files tab: files listed with whose they are, a PDF's pages and an image
previewed, a victim's file shown only after a reason (audited), attaching by the button and by
dropping files (to the case or one of its people), a hostile file refused with the services'
message, Save a copy writing where the officer chose, and removing with a reason."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import case_files as F
import pytest
from gui_support import main_window
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from records_support import RecordsApp, empty_app, officer_app

from tipdesk.core.codes import Gender
from tipdesk.core.errors import InvalidInput
from tipdesk.core.records import Accused, Case, Victim
from tipdesk.services import attachments
from tipdesk.services import records as record_service
from tipdesk.ui.main_window import MainWindow
from tipdesk.ui.pages.records.cases import CasesView
from tipdesk.ui.pages.records.editors.attachments_panel import AttachmentsPanel
from tipdesk.ui.pages.records.editors.case_editor import CaseEditor
from tipdesk.ui.pages.records.editors.dialogs import ReasonDialog
from tipdesk.ui.widgets import files

FIXTURES = (empty_app, main_window, officer_app)


def _case(app: RecordsApp) -> Case:
    case = Case(
        case_number="FIR 9/2026", registered_on=dt.date(2026, 1, 5), district="PB-LHR",
        office="FIA-AHTC-LHR", law="tip_act_2018", exploitation_forms=["forced_labour"],
        accused=[Accused(name="Rashid Fakeaccused", gender=Gender.MALE)],
        victims=[Victim(victim_code="V-LHR-9", district="PB-LHR", name="Fakevictim Filestest",
                        gender=Gender.FEMALE, identified_on=dt.date(2026, 1, 5))],
    )  # fmt: skip
    record_service.save_one(app.session, case)
    return case


def _open(qtbot: Any, app: RecordsApp, case: Case) -> tuple[CaseEditor, AttachmentsPanel]:
    view = CasesView(app.ctx)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    editor = view.open_record(case.id)
    assert isinstance(editor, CaseEditor)
    qtbot.waitUntil(lambda: editor.fully_loaded)
    panel = editor.show_files()
    assert panel.case_id == case.id
    return editor, panel


def _rows(panel: AttachmentsPanel) -> list[list[str]]:
    table = panel.table
    return [[table.item(r, c).text() for c in (0, 1, 2)] for r in range(table.rowCount())]


def test_files_list_preview_and_attach_by_button_and_drop(
    qtbot: Any, empty_app: RecordsApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = empty_app
    case = _case(app)
    src = tmp_path / "in"
    attachments.attach(app.session, F.write(src, "fir.pdf", F.pdf(pages=3)), case_id=case.id,
                       kind="fir")  # fmt: skip
    _editor, panel = _open(qtbot, app, case)
    assert _rows(panel) == [["fir.pdf", "FIR", "The case"]]
    assert "at most 25 MB each" in panel.info.text()

    panel.table.selectRow(0)
    assert len(panel.preview.pages) == 3  # every page drawn
    assert not panel.preview.pages[0].pixmap().isNull()

    # Attach by the button: a photo of the accused.
    monkeypatch.setattr(files, "ask_open_files",
                        lambda *_a: [F.write(src, "arrest.png", F.png(900, 600))])  # fmt: skip
    panel.whose.setCurrentIndex(panel.whose.findText("Accused: Rashid Fakeaccused"))
    panel.kind.setCurrentIndex(panel.kind.findData("photo"))
    qtbot.mouseClick(panel.attach_button, Qt.MouseButton.LeftButton)
    assert _rows(panel)[1][:3] == ["arrest.png", "Photo", "Accused: Rashid Fakeaccused"]
    panel.table.selectRow(1)
    (page,) = panel.preview.pages
    # Decoded already scaled to the preview's width.
    assert page.pixmap().width() == panel.preview.page_width() < 900
    assert panel.details.text().startswith("Photo, PNG image of ")

    # Drop two files on the tab: an office document and a program dressed as a PDF.
    challan = F.docx()  # made once: a zip holds the time it was made
    mime = QMimeData()
    dropped = [
        F.write(src, "challan.docx", challan),
        F.write(src, "scan.pdf", F.windows_program()),
    ]
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in dropped])
    panel.kind.setCurrentIndex(panel.kind.findData("challan"))
    panel.whose.setCurrentIndex(0)
    drop = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    panel.dropEvent(drop)
    assert [r[0] for r in _rows(panel)] == ["fir.pdf", "arrest.png", "challan.docx"]
    (refused,) = app.errors.seen
    assert isinstance(refused, InvalidInput)
    assert str(refused) == ("scan.pdf cannot be attached: it is a Windows program; programs and "
                            "scripts are never attached.")  # fmt: skip
    app.errors.seen.clear()
    panel.table.selectRow(2)
    assert "not shown in TIPDesk" in panel.preview.message.text()

    # Save a copy: where the officer chose, suggested from the sanitised name.
    suggested: list[Path] = []
    chosen = tmp_path / "out" / "my copy.docx"
    chosen.parent.mkdir()

    def ask_save(_parent: Any, _title: str, suggestion: Path, _filters: str) -> Path:
        suggested.append(suggestion)
        return chosen

    monkeypatch.setattr(files, "ask_save_file", ask_save)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert suggested[0].name == "challan.docx"
    assert chosen.read_bytes() == challan

    # Remove with a reason: the content is gone, the list no longer shows it.
    dialog = panel.remove()
    assert dialog is not None
    dialog.reason_edit.setText("scanned the wrong paper")
    dialog.accept()
    assert [r[0] for r in _rows(panel)] == ["fir.pdf", "arrest.png"]


def test_a_victims_file_shows_after_a_reason_and_is_audited(
    qtbot: Any, empty_app: RecordsApp, tmp_path: Path
) -> None:
    app = empty_app
    case = _case(app)
    victim_id = case.victims[0].id
    item = attachments.attach(app.session, F.write(tmp_path, "medical.pdf", F.pdf()),
                              case_id=case.id, victim_id=victim_id, kind="medical")  # fmt: skip
    _editor, panel = _open(qtbot, app, case)
    assert _rows(panel) == [["medical.pdf", "Medical report", "Victim V-LHR-9"]]
    panel.table.selectRow(0)
    dialog = panel.dialog
    assert isinstance(dialog, ReasonDialog) and dialog.isVisible()
    assert panel.preview.pages == []  # nothing shown before the reason
    dialog.reason_edit.setText("medico-legal review for the court")
    dialog.accept()
    assert len(panel.preview.pages) == 1
    views = [
        e for e in app.session.store.audit_entries(limit=1000) if e.action == "attachment.view"
    ]
    assert [(e.record_id, e.detail) for e in views] == [
        (item.id, {"reason": "medico-legal review for the court"})
    ]


def test_an_officer_without_reveal_sees_no_victims_file(
    qtbot: Any, officer_app: RecordsApp, tmp_path: Path
) -> None:
    app = officer_app
    case = _case(app)
    attachments.attach(app.session, F.write(tmp_path, "medical.pdf", F.pdf()), case_id=case.id,
                       victim_id=case.victims[0].id, kind="medical")  # fmt: skip
    _editor, panel = _open(qtbot, app, case)
    assert _rows(panel) == [["(withheld)", "Medical report", "Victim V-LHR-9"]]
    panel.table.selectRow(0)
    assert panel.dialog is None
    assert "only users who may reveal" in panel.preview.message.text()
    assert panel.preview.pages == []
    assert not panel.remove_button.isVisible()


def test_the_limits_are_set_in_settings(main_window: MainWindow, tmp_path: Path) -> None:
    page = main_window.show_page("settings")
    card = page.case_files_card  # type: ignore[attr-defined]
    assert (card.file_spin.value(), card.store_spin.value()) == (25, 4096)
    card.file_spin.setValue(2)
    card.store_spin.setValue(1024)
    card.save_button.click()
    assert card.message.text() == "The limits were saved."
    runner = main_window.ctx.runner
    session = getattr(runner, "runner", runner).session
    limits = attachments.limits(session)
    assert (limits.max_file_mb, limits.max_store_mb) == (2, 1024)
    # Refused by the service with its message; the stored limits stay.
    card.file_spin.setValue(200)
    card.store_spin.setValue(100)
    card.save_button.click()
    assert card.message.text() == "The limit per file cannot be above the limit for all files."
    assert attachments.limits(session).max_file_mb == 2
    # A file over the new limit is refused, naming it.
    case_id = session.store.query("SELECT id FROM cases LIMIT 1")[0][0]
    with pytest.raises(InvalidInput, match="files of at most 2 MB can be attached"):
        attachments.attach(
            session, F.write(tmp_path, "big.pdf", F.pdf() + bytes(3 * 1024 * 1024)), case_id=case_id
        )


def test_a_new_case_takes_files_once_saved(qtbot: Any, empty_app: RecordsApp) -> None:
    view = CasesView(empty_app.ctx)
    qtbot.addWidget(view)
    view.show()
    view.new_record()
    editor = view.current_editor()
    assert isinstance(editor, CaseEditor)
    panel = editor.show_files()
    assert panel.case_id is None and not panel.attach_button.isEnabled()
    assert panel.info.text() == "Save the case first; then attach its papers here."
    form = editor.case_form
    form.editor("case_number").setText("FIR 10/2026")
    form.editor("exploitation_forms").set_checked("forced_labour")
    form.sig_edited.emit()
    editor.save()
    qtbot.waitUntil(lambda: editor.record_id is not None)
    assert panel.case_id == editor.record_id and panel.attach_button.isEnabled()
    assert panel.whose.itemText(0) == "The case"


def test_a_read_only_case_shows_its_files_without_changing_them(
    qtbot: Any, empty_app: RecordsApp, tmp_path: Path
) -> None:
    """A case this install cannot change (here: handed over) keeps Save a copy; attaching,
    removing and sending are off, whether the Files tab was built before or after."""
    app = empty_app
    case = _case(app)
    attachments.attach(app.session, F.write(tmp_path, "fir.pdf", F.pdf()), case_id=case.id,
                       kind="fir")  # fmt: skip
    editor, panel = _open(qtbot, app, case)
    panel.table.selectRow(0)
    assert panel.attach_button.isEnabled() and panel.remove_button.isEnabled()

    editor.make_read_only()
    assert not panel.attach_button.isEnabled() and not panel.whose.isEnabled()
    assert not panel.remove_button.isEnabled() and not panel.hq_button.isEnabled()
    panel.table.selectRow(0)
    assert panel.save_button.isEnabled()  # reading stays possible
    assert not panel.remove_button.isEnabled()
    panel.attach_files([F.write(tmp_path, "late.pdf", F.pdf())])  # a drop: ignored
    assert [item.file_name for item in panel.items] == ["fir.pdf"]

    # Opened again, read only before its Files tab is built.
    again = CaseEditor(app.ctx, case.id)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.fully_loaded)
    again.make_read_only()
    later = again.show_files()
    assert not later.attach_button.isEnabled() and not later.kind.isEnabled()
