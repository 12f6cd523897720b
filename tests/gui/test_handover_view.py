"""Handovers on screen: the "Hand over…" dialog (required district and reason, the service's
refusal shown in the dialog), the read-only banner and inputs of a case handed over, and
"Handed over to you" on the Cases page. Synthetic data only."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QLineEdit, QListWidget
from records_support import open_app

from tipdesk.store.handover_store import MOVED, HandoverRow, HandoverStore
from tipdesk.sync import age
from tipdesk.ui.context import AppConfig
from tipdesk.ui.pages.records.cases import CasesView
from tipdesk.ui.pages.records.editors.case_editor import CaseEditor
from tipdesk.ui.pages.records.handover import HandoverDialog


def test_a_case_is_handed_over_from_its_editor_and_becomes_read_only(
    qtbot: Any, gui_config: AppConfig, make_install: Callable[..., str]
) -> None:
    make_install(demo_cases=2)
    app = open_app(gui_config)
    try:
        session = app.session
        case_id = str(session.store.query("SELECT id FROM cases ORDER BY id LIMIT 1")[0][0])
        view = CasesView(app.ctx)
        qtbot.addWidget(view)
        editor = view.open_record(case_id)
        assert isinstance(editor, CaseEditor)
        assert not editor.handover_button.isHidden()  # an admin, this district's case
        dialog = HandoverDialog(app.ctx, case_id, editor.title(), editor)
        qtbot.addWidget(dialog)
        dialog.submit()  # nothing chosen
        assert "Choose the receiving district" in dialog.problem.text()
        dialog.district.setCurrentIndex(dialog.district.findData("SD-KHS"))
        dialog.submit()  # no reason
        assert "Say why" in dialog.problem.text()
        dialog.reason.setPlainText("The accused were arrested in Karachi.")
        dialog.submit()  # HQ's receipts have not brought Karachi South's device yet
        assert "has not told this install which devices Karachi South has" in (
            dialog.problem.text()
        )
        assert dialog.done_handover is None and dialog.buttons.isEnabled()
        directory = {"SD-KHS": [age.recipient_of(age.new_identity())]}
        session.store.set_settings({"sync_directory": json.dumps(directory)}, session.actor())
        dialog.submit()
        assert dialog.done_handover is not None and dialog.done_handover.state == "asked"
        editor.show_handover(dialog.done_handover)
        assert "handed over to Karachi South" in editor.owner_banner.text()
        assert editor.read_only and not editor.save_button.isEnabled()
        assert editor.handover_button.isHidden() and editor.delete_button.isHidden()
        inputs = editor.body.findChildren(QLineEdit)
        assert inputs and all(e.isReadOnly() for e in inputs)  # not only Save off
        ticks = editor.body.findChildren(QListWidget) + editor.body.findChildren(QCheckBox)
        assert ticks and not any(t.isEnabled() for t in ticks)
        # Opened again later: read-only from the start.
        again = CaseEditor(app.ctx, case_id)
        qtbot.addWidget(again)
        qtbot.waitUntil(lambda: again.read_only, timeout=5000)
        assert "handed over to Karachi South" in again.owner_banner.text()
    finally:
        app.runner.close()


def test_handed_over_to_you_lists_the_case_and_opens_it(
    qtbot: Any, gui_config: AppConfig, make_install: Callable[..., str]
) -> None:
    make_install(demo_cases=2)
    app = open_app(gui_config)
    try:
        session = app.session
        case_id = str(session.store.query("SELECT id FROM cases ORDER BY id LIMIT 1")[0][0])
        row = HandoverRow(
            "01938a6e-0000-7000-8000-00000000cafe", case_id, "KP-PSH",
            session.install.district, "The victims live here.", "gul",
            "2026-02-14T09:30:00.000Z", MOVED, moved_at="2026-02-14T11:05:00.000Z",
        )  # fmt: skip
        HandoverStore(session.store).settle_now([row], session.install.district, session.actor())
        view = CasesView(app.ctx)
        qtbot.addWidget(view)
        panel = view.handed_over
        assert not panel.isHidden()
        assert [panel.model.text(0, c) for c in range(5)][1:] == [
            "Peshawar",
            "2026-02-14",
            "gul",
            "The victims live here.",
        ]
        opened: list[tuple[str, str]] = []
        app.ctx.events.sig_open_record.connect(lambda k, i: opened.append((k, i)))
        panel.table.selectRow(0)
        assert panel.open_case() and opened == [("case", case_id)]
    finally:
        app.runner.close()
