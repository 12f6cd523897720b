"""The non-criminalisation review queue on the PostgreSQL HQ (issue 20): the same bundle gives
the same queue and count as on the SQLCipher HQ; a supervisor's review (`tipdesk review
resolve`) is written to PostgreSQL, audited in its chain with the note, and leaves the same
queue as on the SQLCipher HQ. Synthetic data only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sync_support import export, run_cli
from test_hq_pg_conflicts import _use
from test_review_queue import _overlap_case

from tipdesk.core.records import Case
from tipdesk.hqstore.batch import verify_audit
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.services import overlaps, records, sync
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_pg, hq_pg_edit

NOTE = "another Sana Bibi, from another village"


def test_the_review_queue_lists_and_resolves_in_postgresql_as_in_sqlcipher(
    svc_linked: tuple[Session, Session],
    pg_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    district, hq = svc_linked
    first = _overlap_case()
    second = _overlap_case(case_number="FIR 13/2025")
    second.victims[0].victim_code = "V-LHR-2025-002"
    records.save(district, [first, second])
    data = export(district, tmp_path / "out").read_bytes()
    with HqDatabase(pg_url, max_size=2) as db:
        hq_pg.link(hq, db)
        sync.import_bundle_bytes(hq, data)
        hq_pg.import_bundle_bytes(hq, db, data)
        # The SQLCipher HQ first (no database set), then the same on PostgreSQL.
        on_sqlite = overlaps.queue(hq)
        assert [i.case_number for i in on_sqlite] == ["FIR 12/2025", "FIR 13/2025"]
        count = overlaps.count_open(hq)
        overlaps.resolve(hq, first.accused[0].id, "different", NOTE)
        sqlite_after = overlaps.queue(hq, include_reviewed=True)
        _use(hq, pg_url)
        assert overlaps.queue(hq) == on_sqlite
        assert overlaps.count_open(hq) == count == 2
        capsys.readouterr()
        assert run_cli(monkeypatch, hq, "review", "list", "--json") == 0
        assert json.loads(capsys.readouterr().out)["open"] == 2
        overlaps.resolve(hq, first.accused[0].id, "different", NOTE)
        assert overlaps.queue(hq, include_reviewed=True) == sqlite_after
        assert overlaps.count_open(hq) == 1
        at_hq = hq_pg_edit.get(hq, db, "case", first.id)
        assert isinstance(at_hq, Case)
        reviewed = at_hq.accused[0]
        assert reviewed.dual_role_decision == "different"
        assert reviewed.dual_role_reviewed == reviewed.dual_role_matches != []
        with db.connection() as conn:
            assert verify_audit(conn)[0]
            (entry,) = conn.execute(
                "SELECT detail FROM audit WHERE action = 'dual_role.review'"
            ).fetchall()
            conn.rollback()
        assert json.loads(str(entry[0]))["note"] == NOTE
        # Nothing left to resolve for that accused: the command refuses it by name.
        args = ["review", "resolve", first.accused[0].id, "--decision", "same", "--note", NOTE]
        assert run_cli(monkeypatch, hq, *args) != 0
        assert "no open overlap" in capsys.readouterr().err
        # The other accused, by the command line (its own clock): written to PostgreSQL.
        args = ["review", "resolve", second.accused[0].id, "--decision", "same", "--note", NOTE]
        assert run_cli(monkeypatch, hq, *args, "--json") == 0
        assert json.loads(capsys.readouterr().out)["resolved"] == second.accused[0].id
        assert overlaps.count_open(hq) == 0
