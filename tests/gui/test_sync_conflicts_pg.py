"""The HQ Sync screen's Conflicts tab on an HQ keeping its records in PostgreSQL (issue 20): the
conflict is listed, its review shows the differing fields and the register's other fields
from PostgreSQL, and resolving it writes there. Synthetic data only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gui_support import sign_in
from sync_screens import session as _session
from sync_screens import sync_panel as _panel

from tipdesk.core.clock import FixedClock
from tipdesk.core.records import Case
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.services import records, sync
from tipdesk.services.sync import hq_pg, hq_pg_edit
from tipdesk.ui.app import AppController
from tipdesk.ui.context import AppConfig
from tipdesk.ui.pages.sync.hq import SyncHqPanel


def _conflict_in_postgresql(
    gui_config: AppConfig, hq_config: AppConfig, pg_url: str, out: Path
) -> str:
    """HQ (on PostgreSQL) corrects a case's narrative while the district changes its officer:
    the district's next bundle is an open conflict in PostgreSQL. Returns the case id."""
    clock = gui_config.clock
    assert isinstance(clock, FixedClock)
    out.mkdir()
    district = _session(gui_config.paths, clock)
    hq = _session(hq_config.paths, clock)
    try:
        hq_pg.configure(hq, pg_url)
        first = sync.export_bundle(district, out).path
        assert first is not None
        sync.import_files(hq, [first])
        case_id = str(district.store.query("SELECT id FROM cases ORDER BY id LIMIT 1")[0][0])
        with HqDatabase(pg_url, max_size=1) as db:
            at_hq = hq_pg_edit.get(hq, db, "case", case_id)
            assert isinstance(at_hq, Case)
            at_hq.narrative = "HQ's correction, made in PostgreSQL."
            hq_pg_edit.save(hq, db, [at_hq])
        clock.advance(60)
        at_district = district.store.get("case", case_id)
        assert isinstance(at_district, Case)
        at_district.investigating_officer = "Inspector Changedfake"
        records.save(district, [at_district])
        second = sync.export_bundle(district, out).path
        assert second is not None
        assert len(sync.import_files(hq, [second]).conflicts) == 1
        assert hq.store.query("SELECT count(*) FROM sync_conflicts") == [(0,)]  # not SQLCipher
    finally:
        district.close()
        hq.close()
    return case_id


def test_conflicts_tab_reviews_and_resolves_a_conflict_held_in_postgresql(
    linked: None,
    gui_config: AppConfig,
    hq_config: AppConfig,
    hq_controller: AppController,
    pg_url: str,
    tmp_path: Path,
    qtbot: Any,
) -> None:
    case_id = _conflict_in_postgresql(gui_config, hq_config, pg_url, tmp_path / "out")
    window = sign_in(hq_controller)
    hq = _panel(window)
    assert isinstance(hq, SyncHqPanel)
    assert hq.conflicts_model.rowCount() == 1
    view = hq.conflicts_view
    hq.tabs.setCurrentIndex(hq.conflicts_tab)
    assert view.review is not None
    assert [r.field for r in view.review.differing] == ["investigating_officer", "narrative"]
    # The register's other fields come from PostgreSQL too.
    same = {r.label: r.local for r in view.review.same}
    assert same["District"] == "Lahore" and same["Owner district"] == "Lahore"
    view.resolve()
    dialog = view.confirm_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.resolve_button.click()
    assert hq.result.kind == "ok", hq.result.text()
    assert "goes back to Lahore" in hq.result.text()
    assert hq.conflicts_model.rowCount() == 0
    with HqDatabase(pg_url, max_size=1) as db, db.connection() as conn:
        rows = conn.execute(
            "SELECT c.status, c.outcome, k.narrative FROM sync_conflicts AS c "
            "JOIN cases AS k ON k.id = c.record_id WHERE c.record_id = %s",
            (case_id,),
        ).fetchall()
        conn.rollback()
    assert rows == [("resolved", "kept local", "HQ's correction, made in PostgreSQL.")]
