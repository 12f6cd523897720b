"""HQ's record screens on PostgreSQL (issue 20): the cases list and the case editor of an HQ
keeping its records in PostgreSQL read and write them there through the services; a save
another analyst made first gets the store's stale-save message in the editor, and nothing is
lost (the other's save stands, the typed text stays in the form). Synthetic data only."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import psycopg
import pytest
from gui_support import GUI_ADMIN, GUI_PASSPHRASE
from records_support import RecordsApp, open_app

from tipdesk.core.codes import InstallRole
from tipdesk.core.records import Case
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.services import demo, records
from tipdesk.services import session as session_service
from tipdesk.services.sync import hq_pg
from tipdesk.services.sync.hq import DATABASE_SETTING
from tipdesk.ui.context import AppConfig
from tipdesk.ui.pages.records.cases import CasesView


@pytest.fixture
def pg_app(
    gui_config: AppConfig, make_install: Callable[..., str], pg_url: str
) -> Iterator[RecordsApp]:
    """The admin of an HQ whose records (demo cases) are in a PostgreSQL database."""
    make_install(role=InstallRole.HQ)
    session = session_service.sign_in(
        gui_config.paths, user=GUI_ADMIN, passphrase=GUI_PASSPHRASE, clock=gui_config.clock
    )
    try:
        with HqDatabase(pg_url, max_size=1) as db:
            hq_pg.link(session, db)
        session.store.set_settings({DATABASE_SETTING: pg_url}, session.actor())
        demo.fill(session, seed=5, cases=6)
        assert not session.store.count("case")  # every record went to PostgreSQL
    finally:
        session.close()
    app = open_app(gui_config)
    yield app
    app.runner.close()
    assert app.errors.seen == [], f"errors reported: {app.errors.seen!r}"


def _show(qtbot: Any, view: Any) -> Any:
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_the_cases_list_and_a_stale_save_in_the_editor_on_postgresql(
    qtbot: Any, pg_app: RecordsApp, pg_url: str
) -> None:
    view = _show(qtbot, CasesView(pg_app.ctx))
    model = view.list.model
    with psycopg.connect(pg_url) as conn:
        stored = conn.execute("SELECT count(*) FROM cases WHERE deleted = 0").fetchone()
    assert stored is not None and model.rowCount() == int(stored[0]) > 0
    case_id = model.record_id(0) or ""
    editor = view.open_record(case_id)
    assert editor.record_id == case_id
    form: Any = editor.form
    narrative = form.editor("narrative")
    # Another analyst saves the same case first (another connection, through the services).
    other = records.get(pg_app.session, "case", case_id)
    assert isinstance(other, Case)
    other.narrative = "Saved first by another analyst (synthetic)"
    records.save_one(pg_app.session, other)
    narrative.setFocus()
    narrative.selectAll()
    qtbot.keyClicks(narrative, "My late synthetic change")
    editor.save()
    shown = " ".join(editor.summary.lines)
    assert "was changed elsewhere" in shown and "reopen it" in shown
    assert editor.has_unsaved_changes()  # nothing lost: the typed text stays
    assert "My late synthetic change" in narrative.toPlainText()
    with psycopg.connect(pg_url) as conn:
        row = conn.execute("SELECT narrative, version FROM cases WHERE id = %s", (case_id,))
        assert row.fetchone() == ("Saved first by another analyst (synthetic)", other.version)
