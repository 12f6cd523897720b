"""HQ's Files tab at an HQ keeping its records in PostgreSQL (issue 20, branch pgfiles): the
case's files are read from PostgreSQL (its keys wrapped by the app), a received file shows
and saves, a file whose description alone came says it stays at its district. The files are
put in PostgreSQL as an import leaves them (the import itself: the services' tests).
Everything is synthetic."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator
from typing import Any

import case_files as F
import psycopg
import pytest
from gui_support import GUI_ADMIN, GUI_PASSPHRASE
from records_support import RecordsApp, open_app

from tipdesk.core.codes import Gender, InstallRole
from tipdesk.core.ids import new_id
from tipdesk.core.records import Case, Victim
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.services import attachments as files_service
from tipdesk.services import records as record_service
from tipdesk.services import session as session_service
from tipdesk.services.sync import hq_pg
from tipdesk.services.sync.hq import DATABASE_SETTING
from tipdesk.store.attachments import Described, NewAttachment
from tipdesk.ui.context import AppConfig
from tipdesk.ui.pages.records.cases import CasesView
from tipdesk.ui.pages.records.editors.case_editor import CaseEditor

DEVICE = new_id()


def _described(case: Case, kind: str, size: int, sha: str) -> Described:
    return Described(new_id(), "case", case.id, case.id, kind, "application/pdf", size, sha,
                     "2026-01-06T10:00:00Z", "ayesha", DEVICE, f"{kind} scan.pdf", "")  # fmt: skip


@pytest.fixture
def pg_files_app(
    gui_config: AppConfig, make_install: Callable[..., str], pg_url: str
) -> Iterator[tuple[RecordsApp, str]]:
    """An HQ on PostgreSQL holding a case with a received file and a described one."""
    make_install(role=InstallRole.HQ)
    session = session_service.sign_in(
        gui_config.paths, user=GUI_ADMIN, passphrase=GUI_PASSPHRASE, clock=gui_config.clock
    )
    try:
        with HqDatabase(pg_url, max_size=1) as db:
            hq_pg.link(session, db)
        session.store.set_settings({DATABASE_SETTING: pg_url}, session.actor())
        case = Case(
            case_number="FIR 9/2026", registered_on=dt.date(2026, 1, 5), district="PB-LHR",
            office="FIA-AHTC-LHR", law="tip_act_2018", exploitation_forms=["forced_labour"],
            victims=[Victim(victim_code="V-LHR-9", district="PB-LHR", gender=Gender.FEMALE,
                            identified_on=dt.date(2026, 1, 5))],
        )  # fmt: skip
        record_service.save_one(session, case)
        assert not session.store.count("case")  # the case went to PostgreSQL
        data = F.pdf()
        received = _described(case, "fir", len(data), hashlib.sha256(data).hexdigest())
        described = _described(case, "medical", 1234, "0" * 64)
        with files_service.on_postgres(session) as routed:
            files = files_service.files_of(routed)
            files.describe([received, described])
            files.add(
                NewAttachment(received.id, "case", case.id, case.id, "fir", "", "fir scan.pdf",
                              "application/pdf", False, DEVICE),
                [data], routed.actor(), max_bytes=10 * 1024 * 1024, received=received,
            )  # fmt: skip
    finally:
        session.close()
    app = open_app(gui_config)
    yield app, case.id
    app.runner.close()
    assert app.errors.seen == [], f"errors reported: {app.errors.seen!r}"


def test_hq_on_postgresql_shows_received_files_from_the_database(
    qtbot: Any, pg_files_app: tuple[RecordsApp, str], pg_url: str
) -> None:
    app, case_id = pg_files_app
    assert not app.session.store.query("SELECT count(*) FROM attachments")[0][0]
    with psycopg.connect(pg_url) as conn:
        names = conn.execute("SELECT file_name FROM attachments ORDER BY kind").fetchall()
    assert [str(n[0])[:3] for n in names] == ["e1:", "e1:"]  # sealed, the description's too

    view = CasesView(app.ctx)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    editor = view.open_record(case_id)
    assert isinstance(editor, CaseEditor)
    qtbot.waitUntil(lambda: editor.fully_loaded)
    panel = editor.show_files()
    for hidden in (panel.attach_button, panel.hq_button, panel.remove_button, panel.whose):
        assert not hidden.isVisible()
    table = panel.table
    rows = {table.item(r, 1).text(): table.item(r, 4).text() for r in range(table.rowCount())}
    assert rows == {"FIR": "received", "Medical report": "at the district"}
    by_kind = {item.kind.value: n for n, item in enumerate(panel.items)}
    assert panel.items[by_kind["fir"]].file_name == "fir scan.pdf"
    assert panel.items[by_kind["medical"]].file_name == "medical scan.pdf"
    table.selectRow(by_kind["medical"])
    assert "stays at its district" in panel.preview.message.text()
    assert not panel.save_button.isEnabled()
    table.selectRow(by_kind["fir"])
    qtbot.waitUntil(lambda: len(panel.preview.pages) == 1)
    assert panel.save_button.isEnabled()
