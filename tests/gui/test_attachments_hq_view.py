"""HQ's Files tab: read only (nothing to attach, send or remove), a district's file that came to
HQ shows and saves, a file whose description alone came says it stays at its district and
cannot be saved. The files are put in HQ's store as an import leaves them (the import itself
is tested in the services and end-to-end tests). Everything is synthetic."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator
from typing import Any

import case_files as F
import pytest
from records_support import RecordsApp, open_app

from tipdesk.core.codes import Gender, InstallRole
from tipdesk.core.ids import new_id
from tipdesk.core.records import Case, Victim
from tipdesk.services import records as record_service
from tipdesk.store.attachments import AttachmentStore, Described, NewAttachment
from tipdesk.ui.context import AppConfig
from tipdesk.ui.pages.records.cases import CasesView
from tipdesk.ui.pages.records.editors.case_editor import CaseEditor

DEVICE = new_id()


@pytest.fixture
def hq_app(gui_config: AppConfig, make_install: Callable[..., str]) -> Iterator[RecordsApp]:
    make_install(role=InstallRole.HQ)
    app = open_app(gui_config)
    yield app
    app.runner.close()
    assert app.errors.seen == [], f"errors reported: {app.errors.seen!r}"


def _described(case: Case, kind: str, size: int, sha: str) -> Described:
    return Described(new_id(), "case", case.id, case.id, kind, "application/pdf", size, sha,
                     "2026-01-06T10:00:00Z", "ayesha", DEVICE, f"{kind} scan.pdf", "")  # fmt: skip


def test_hq_shows_received_files_and_says_the_others_stay_at_the_district(
    qtbot: Any, hq_app: RecordsApp
) -> None:
    session = hq_app.session
    case = Case(
        case_number="FIR 9/2026", registered_on=dt.date(2026, 1, 5), district="PB-LHR",
        office="FIA-AHTC-LHR", law="tip_act_2018", exploitation_forms=["forced_labour"],
        victims=[Victim(victim_code="V-LHR-9", district="PB-LHR", gender=Gender.FEMALE,
                        identified_on=dt.date(2026, 1, 5))],
    )  # fmt: skip
    record_service.save_one(session, case)
    data = F.pdf()
    files = AttachmentStore(session.store)
    received = _described(case, "fir", len(data), hashlib.sha256(data).hexdigest())
    described = _described(case, "medical", 1234, "0" * 64)
    files.describe([received, described])
    files.add(
        NewAttachment(received.id, "case", case.id, case.id, "fir", "", "fir scan.pdf",
                      "application/pdf", False, DEVICE),
        [data], session.actor(), max_bytes=10 * 1024 * 1024, received=received,
    )  # fmt: skip

    view = CasesView(hq_app.ctx)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    editor = view.open_record(case.id)
    assert isinstance(editor, CaseEditor)
    qtbot.waitUntil(lambda: editor.fully_loaded)
    panel = editor.show_files()
    for hidden in (panel.attach_button, panel.hq_button, panel.remove_button, panel.whose):
        assert not hidden.isVisible()
    assert "read only" in panel.info.text()
    table = panel.table
    rows = {table.item(r, 1).text(): table.item(r, 4).text() for r in range(table.rowCount())}
    assert rows == {"FIR": "received", "Medical report": "at the district"}

    by_kind = {item.kind.value: n for n, item in enumerate(panel.items)}
    table.selectRow(by_kind["medical"])
    assert "stays at its district" in panel.preview.message.text()
    assert not panel.save_button.isEnabled()
    table.selectRow(by_kind["fir"])
    assert len(panel.preview.pages) == 1 and panel.save_button.isEnabled()
