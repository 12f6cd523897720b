"""Conflict review and resolving on the PostgreSQL HQ (issue 20): the same bundles and the same
choices give the same conflicts, the same kept record and the same receipt (records back with
the resolution) as on the SQLCipher HQ; a conflict another reviewer closed first is refused and
nothing is written; the command line works on PostgreSQL. Synthetic data only."""

from __future__ import annotations

import dataclasses
import json
import threading
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sync_support import case_for, export, run_cli
from test_hq_pg_inbox import _opened

from tipdesk.core.clock import FixedClock
from tipdesk.core.errors import InvalidInput
from tipdesk.core.records import Case, to_dict
from tipdesk.hqstore.batch import verify_audit
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.services import records, sync
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_pg, hq_pg_edit, hq_pg_receipts
from tipdesk.services.sync.hq import DATABASE_SETTING

CHOICE = {"investigating_officer": "incoming"}


def _use(hq: Session, url: str) -> None:
    """Point the HQ install at PostgreSQL (``url``) or back at its own store (``""``), as
    :func:`hq_pg.configure` records it."""
    hq.store.set_settings({DATABASE_SETTING: url}, hq.actor())


def _conflict_on_both(
    lahore: Session, hq: Session, db: HqDatabase, out: Path, clock: FixedClock
) -> Case:
    """HQ corrects a case's narrative on both engines, the district then changes its
    investigating officer: the district's bundle is one open conflict on each."""
    case = case_for(lahore)
    records.save(lahore, [case])
    data = export(lahore, out).read_bytes()
    sync.import_bundle_bytes(hq, data)
    hq_pg.import_bundle_bytes(hq, db, data)
    on_sqlite = hq.store.get("case", case.id)
    on_pg = hq_pg_edit.get(hq, db, "case", case.id)
    for at_hq in (on_sqlite, on_pg):
        assert isinstance(at_hq, Case)
        at_hq.narrative = "HQ's correction of the narrative."
    records.save(hq, [on_sqlite])
    hq_pg_edit.save(hq, db, [on_pg])
    clock.advance(60)
    at_district = lahore.store.get("case", case.id)
    assert isinstance(at_district, Case)
    at_district.investigating_officer = "Inspector Changedfake"
    records.save(lahore, [at_district])
    data = export(lahore, out).read_bytes()
    assert len(sync.import_bundle_bytes(hq, data).conflicts) == 1
    assert len(hq_pg.import_bundle_bytes(hq, db, data).conflicts) == 1
    return case


def _shown(found: list[sync.Conflict]) -> list[dict[str, Any]]:
    """Conflicts as a reviewer sees them, without their ids (each engine makes its own)."""
    return [{k: v for k, v in dataclasses.asdict(c).items() if k != "id"} for c in found]


def test_same_bundles_and_choices_give_the_same_review_resolution_and_receipt(
    svc_linked: tuple[Session, Session], pg_url: str, tmp_path: Path, svc_clock: FixedClock
) -> None:
    lahore, hq = svc_linked
    with HqDatabase(pg_url, max_size=2) as db:
        hq_pg.link(hq, db)
        case = _conflict_on_both(lahore, hq, db, tmp_path / "out", svc_clock)
        device = lahore.install.device_id
        # The SQLCipher HQ first (no database set), then the same on PostgreSQL.
        (sqlite_open,) = sync.conflicts(hq)
        sqlite_plan = sync.plan_resolution(hq, sqlite_open.id, "local", CHOICE)
        sqlite_kept = sync.resolve(hq, sqlite_open.id, "local", CHOICE)
        sqlite_closed = sync.conflicts(hq, include_closed=True)
        sqlite_receipt = _opened(lahore, sync.receipt_for(hq, device))
        _use(hq, pg_url)
        (pg_open,) = sync.conflicts(hq)
        assert _shown([pg_open]) == _shown([sqlite_open])
        assert {d.field for d in pg_open.differences} == {"investigating_officer", "narrative"}
        pg_plan = sync.plan_resolution(hq, pg_open.id, "local", CHOICE)
        assert dataclasses.replace(pg_plan, conflict_id="") == dataclasses.replace(
            sqlite_plan, conflict_id=""
        )
        pg_kept = sync.resolve(hq, pg_open.id, "local", CHOICE)
        assert to_dict(pg_kept) == to_dict(sqlite_kept)
        assert isinstance(pg_kept, Case)
        assert pg_kept.narrative == "HQ's correction of the narrative."
        assert pg_kept.investigating_officer == "Inspector Changedfake"
        assert sync.conflicts(hq) == []
        assert _shown(sync.conflicts(hq, include_closed=True)) == _shown(sqlite_closed)
        stored = hq_pg_edit.get(hq, db, "case", case.id)
        assert to_dict(stored, children=False) == to_dict(pg_kept, children=False)
        pg_data = hq_pg_receipts.receipt_for(hq, db, device)
        with db.connection() as conn:
            assert verify_audit(conn)[0]
            (resolved,) = conn.execute(
                "SELECT detail FROM audit WHERE action = 'sync.resolve'"
            ).fetchall()
            conn.rollback()
    assert json.loads(str(resolved[0]))["outcome"] == sqlite_plan.outcome
    pg_receipt = _opened(lahore, pg_data)
    assert pg_receipt.pop("serial") == sqlite_receipt.pop("serial") + 1
    assert pg_receipt == sqlite_receipt
    assert pg_receipt["records"]  # the resolution goes back: not an empty comparison
    # The district applies it and says what HQ did.
    receipt = tmp_path / "r.tipr"
    receipt.write_bytes(pg_data)
    result = sync.import_receipt(lahore, receipt)
    assert [c.line.split(": ", 1)[1] for c in result.records_back] == [
        "resolved conflict: merged field by field at HQ"
    ]
    here = lahore.store.get("case", case.id)
    assert isinstance(here, Case)
    assert here.narrative == "HQ's correction of the narrative."


def _wait_for_a_lock_waiter(conn: psycopg.Connection[Any]) -> None:
    """Until another session of this database waits on a lock (bounded, never timed)."""
    for _ in range(100_000):
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock' AND pid != pg_backend_pid()"
        ).fetchone()
        if row and int(row[0]):
            return
        conn.execute("SELECT pg_sleep(0.01)")
    raise AssertionError("no session came to wait on the record")


def test_a_conflict_closed_while_waiting_for_the_record_is_refused_and_nothing_written(
    svc_linked: tuple[Session, Session], pg_url: str, tmp_path: Path, svc_clock: FixedClock
) -> None:
    """A reviewer's resolution waits for the record held by another transaction (an import,
    an analyst's save or another reviewer) that closes the conflict; it then finds the
    conflict closed, says so, and writes nothing."""
    lahore, hq = svc_linked
    with HqDatabase(pg_url, max_size=2) as db:
        hq_pg.link(hq, db)
        case = _conflict_on_both(lahore, hq, db, tmp_path / "out", svc_clock)
    _use(hq, pg_url)
    (found,) = sync.conflicts(hq)
    with HqDatabase(pg_url, max_size=1) as db:
        before = hq_pg_edit.get(hq, db, "case", case.id)
    held = threading.Event()
    failed: list[BaseException] = []

    def other() -> None:
        try:
            with psycopg.connect(pg_url) as conn:
                conn.execute(
                    "INSERT INTO sync_record_claims (record_id) VALUES (%s) "
                    "ON CONFLICT (record_id) DO UPDATE SET claims = sync_record_claims.claims + 1",
                    (case.id,),
                )
                held.set()
                with psycopg.connect(pg_url, autocommit=True) as watch:
                    _wait_for_a_lock_waiter(watch)
                conn.execute(
                    "UPDATE sync_conflicts SET status = 'superseded', outcome = 'superseded' "
                    "WHERE id = %s",
                    (found.id,),
                )
        except BaseException as exc:  # reported by the test below
            failed.append(exc)
            held.set()

    thread = threading.Thread(target=other)
    thread.start()
    assert held.wait(60)
    with pytest.raises(InvalidInput, match="already closed"):
        sync.resolve(hq, found.id, "incoming")
    thread.join()
    assert not failed
    with HqDatabase(pg_url, max_size=1) as db:
        after = hq_pg_edit.get(hq, db, "case", case.id)
        with db.connection() as conn:
            resolved = conn.execute("SELECT count(*) FROM audit WHERE action = 'sync.resolve'")
            assert resolved.fetchone() == (0,)
            conn.rollback()
    assert to_dict(after) == to_dict(before)


def test_the_conflict_commands_list_and_resolve_on_postgresql(
    svc_linked: tuple[Session, Session],
    pg_url: str,
    tmp_path: Path,
    svc_clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    lahore, hq = svc_linked
    with HqDatabase(pg_url, max_size=2) as db:
        hq_pg.link(hq, db)
        case = _conflict_on_both(lahore, hq, db, tmp_path / "out", svc_clock)
    _use(hq, pg_url)
    capsys.readouterr()
    assert run_cli(monkeypatch, hq, "hq", "conflicts", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    text = json.dumps(listed)
    assert case.id in text and "Inspector Changedfake" in text
    (found,) = sync.conflicts(hq)
    args = [
        "hq",
        "resolve",
        found.id,
        "--keep",
        "local",
        "--field",
        "investigating_officer=incoming",
    ]
    assert run_cli(monkeypatch, hq, *args, "--dry-run") == 0
    assert "Nothing was changed (--dry-run)." in capsys.readouterr().out
    assert sync.conflicts(hq)
    assert run_cli(monkeypatch, hq, *args, "--json") == 0
    assert json.loads(capsys.readouterr().out)["resolved"] == found.id
    assert sync.conflicts(hq) == []
    # A second resolution of the same conflict is refused by name, with exit code 1.
    assert run_cli(monkeypatch, hq, *args) == 1
    assert "no open conflict" in capsys.readouterr().err
