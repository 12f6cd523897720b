"""HQ's re-check of the quarantine on the PostgreSQL HQ (issue 20): the same bundles give the
same quarantine, and the same re-checks (manual, after an office is added) release the same
units as on the SQLCipher HQ, audited in PostgreSQL's chain; what still fails stays held; the
district's receipt is the same from both. Synthetic data only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sync_support import case_for, export, run_cli
from test_hq_pg_conflicts import _use
from test_hq_pg_inbox import _opened
from test_sync_release import NEW_STATION

from tipdesk.core.clock import FixedClock
from tipdesk.core.errors import NotFound
from tipdesk.core.records import to_dict
from tipdesk.hqstore.batch import verify_audit
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.services import install_settings, records, sync
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_pg, hq_pg_edit, hq_pg_receipts
from tipdesk.services.sync.release import after_reference_change


def _held(db: HqDatabase, status: str) -> list[tuple[str, str]]:
    with db.connection() as conn:
        rows = conn.execute(
            "SELECT kind, record_id FROM sync_quarantine WHERE status = %s ORDER BY kind",
            (status,),
        ).fetchall()
        conn.rollback()
    return [(str(k), str(r)) for k, r in rows]


def test_rechecks_release_the_same_units_on_both_engines(
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
        # A case at a police station HQ does not know, and one HQ refuses whatever its
        # lists say (a sentence over the maximum): both quarantined, on both engines.
        station = install_settings.add_office(lahore, NEW_STATION, "Lahore", "police_station")
        waiting = case_for(lahore, office=station.code)
        bad = case_for(lahore)
        bad.accused[0].imprisonment_months = 96
        records.save(lahore, [waiting])
        lahore.store.save([bad], lahore.actor())
        data = export(lahore, tmp_path / "out").read_bytes()
        assert len(sync.import_bundle_bytes(hq, data).quarantined) == 8
        assert len(hq_pg.import_bundle_bytes(hq, db, data).quarantined) == 8
        # The manual re-check releases nothing yet, on either engine.
        on_sqlite = sync.recheck_quarantine(hq)
        _use(hq, pg_url)
        on_pg = sync.recheck_quarantine(hq)
        assert on_pg == on_sqlite and on_pg.total == 0 and on_pg.still_held == 8
        # HQ adds the office (PostgreSQL configured): the re-check follows by itself.
        svc_clock.advance(60)
        added = install_settings.add_office_releasing(hq, NEW_STATION, "Lahore", "police_station")
        assert added.released is not None
        _use(hq, "")
        on_sqlite = after_reference_change(hq, "office.add")
        assert added.released == on_sqlite
        assert on_sqlite is not None and on_sqlite.total == 4 and on_sqlite.still_held == 4
        assert on_sqlite.released[0].records == {
            "accused": 1,
            "case": 1,
            "referral": 1,
            "victim": 1,
        }
        released = to_dict(hq.store.get("case", waiting.id))
        sqlite_receipt = _opened(lahore, sync.receipt_for(hq, lahore.install.device_id))
        _use(hq, pg_url)
        assert to_dict(hq_pg_edit.get(hq, db, "case", waiting.id)) == released
        with pytest.raises(NotFound):
            hq_pg_edit.get(hq, db, "case", bad.id)
        assert {k for k, _ in _held(db, "accepted")} == {"case", "accused", "victim", "referral"}
        assert {r for _, r in _held(db, "open") if _ == "case"} == {bad.id}
        with db.connection() as conn:
            assert verify_audit(conn)[0]
            details = conn.execute(
                "SELECT detail FROM audit WHERE action = 'sync.create' AND record_id = %s",
                (waiting.id,),
            ).fetchall()
            conn.rollback()
        assert [json.loads(str(d[0]))["released"] for d in details] == ["office.add"]
        # The recheck's own summary is in the install's log, once per engine's run.
        summaries = hq.store.query(
            "SELECT detail FROM audit WHERE action = 'sync.quarantine.recheck' ORDER BY seq"
        )
        assert [json.loads(d)["trigger"] for (d,) in summaries] == ["manual"] * 2 + [
            "office.add"
        ] * 2
        pg_receipt = _opened(lahore, hq_pg_receipts.receipt_for(hq, db, lahore.install.device_id))
        # Nothing more passes: the command line says what is still held.
        capsys.readouterr()
        assert run_cli(monkeypatch, hq, "hq", "recheck") == 0
        printed = capsys.readouterr().out
        assert "No quarantined record passes HQ's checks yet" in printed
        assert "4 quarantine entries still held" in printed
    assert pg_receipt.pop("serial") == sqlite_receipt.pop("serial") + 1
    assert pg_receipt == sqlite_receipt
    assert pg_receipt["quarantined"]  # the entries still held: not an empty comparison
