"""The handover screens for ``python -m tipdesk.ui.devtools.screenshots`` (importing this module
registers them): ``case-handover-dialog`` (the "Hand over…" dialog of a case, filled in),
``case-editor-handed-over`` (a case this district handed over: read-only, with its banner),
``dashboard-handed-over`` and ``cases-handed-over`` ("Handed over to you"). Synthetic data only.

The demo district of the Sync screens (:mod:`tipdesk.ui.devtools.shots_sync`, enrolled with a
demo HQ) is used. The directory of other districts' devices, which HQ's receipts bring, gets a
made-up device for Karachi South; a case handed over *to* this district is written as its
receipt would write it.
"""

from __future__ import annotations

import json

from PySide6.QtWidgets import QWidget

from tipdesk.core.records import Case
from tipdesk.services import handover
from tipdesk.services.session import Session
from tipdesk.store.handover_store import MOVED, HandoverRow, HandoverStore
from tipdesk.sync import age
from tipdesk.ui.devtools import shots_sync
from tipdesk.ui.devtools.screenshots import register
from tipdesk.ui.devtools.shots import Shots, settle
from tipdesk.ui.pages.dashboard.page import DashboardView
from tipdesk.ui.pages.records.cases import CasesView
from tipdesk.ui.pages.records.editors.case_editor import CaseEditor
from tipdesk.ui.pages.records.handover import HandoverDialog

TO = "SD-KHS"
FROM = "KP-PSH"
REASON = "The accused were arrested in Karachi; the case is tried there."
_DONE: list[tuple[str, str]] = []


def _case_ids(session: Session) -> tuple[str, str]:
    rows = session.store.query("SELECT id FROM cases WHERE NOT deleted ORDER BY id LIMIT 3")
    return str(rows[1][0]), str(rows[2][0])


def _set_up(session: Session) -> tuple[str, str]:
    """One case handed over by this district (asked), one handed over to it: their ids."""
    sent, received = _case_ids(session)
    directory = {TO: [age.recipient_of(age.new_identity())]}
    session.store.set_settings({handover.DIRECTORY_KEY: json.dumps(directory)}, session.actor())
    handover.ask(
        session, sent, TO, "The accused were arrested in Karachi; the case is tried there."
    )
    own = session.install.district
    case = session.store.get("case", received)
    assert isinstance(case, Case)
    row = HandoverRow(
        "01938a6e-0000-7000-8000-00000000beef", received, FROM, own,
        "The victims live in this district; the family asked for the case here.",
        "gul", "2026-02-14T09:30:00.000Z", MOVED, moved_at="2026-02-14T11:05:00.000Z",
    )  # fmt: skip
    HandoverStore(session.store).settle_now([row], own, session.actor())
    return sent, received


def _prepared(shots: Shots) -> tuple[str, str]:
    shots_sync._sync_district(shots)
    if not _DONE:
        window = shots_sync._prepare(shots).window
        _DONE.append(shots_sync._run(window, _set_up))
    return _DONE[0]


def _case_handover_dialog(shots: Shots) -> QWidget:
    _prepared(shots)
    window = shots_sync._prepare(shots).window
    page = window.show_page("cases")
    assert isinstance(page, CasesView)
    free = shots_sync._run(
        window,
        lambda s: str(s.store.query("SELECT id FROM cases WHERE NOT deleted ORDER BY id")[5][0]),
    )
    page.open_record(free)
    settle()
    editor = page.tabs.currentWidget()
    assert isinstance(editor, CaseEditor)
    dialog = HandoverDialog(window.ctx, free, editor.title(), editor)
    dialog.district.setCurrentIndex(dialog.district.findData("SD-KHS"))
    dialog.reason.setPlainText(REASON)
    dialog.show()
    settle()
    shots.on_close(dialog.deleteLater)
    return dialog


def _case_editor_handed_over(shots: Shots) -> QWidget:
    sent, _received = _prepared(shots)
    window = shots_sync._prepare(shots).window
    page = window.show_page("cases")
    assert isinstance(page, CasesView)
    page.open_record(sent)
    settle()
    return window


def _dashboard_handed_over(shots: Shots) -> QWidget:
    _prepared(shots)
    window = shots_sync._prepare(shots).window
    page = window.show_page("dashboard")
    assert isinstance(page, DashboardView)
    page.refresh()
    settle()
    page.handed_over.ensurePolished()
    return window


def _cases_handed_over(shots: Shots) -> QWidget:
    _prepared(shots)
    window = shots_sync._prepare(shots).window
    page = window.show_page("cases")
    assert isinstance(page, CasesView)
    page.tabs.setCurrentIndex(0)
    page.handed_over.refresh()
    settle()
    return window


register("case-handover-dialog", _case_handover_dialog)
register("case-editor-handed-over", _case_editor_handed_over)
register("dashboard-handed-over", _dashboard_handed_over)
register("cases-handed-over", _cases_handed_over)
