"""Handovers on the PostgreSQL HQ (issue 20): a bundle handing a case to another district is
imported (no longer refused), the case moves as on the SQLCipher HQ, the receiving district's
receipt from PostgreSQL is the SQLCipher HQ's and brings the case with the victims'
identities HQ cannot read; a handover HQ must refuse is refused alike. Synthetic data only."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_support import run_cli
from test_handover import CNIC, MLT, NAME, World, _case_with_identity
from test_hq_pg_conflicts import _use
from test_hq_pg_inbox import _opened

from tipdesk.core.clock import FixedClock
from tipdesk.core.errors import InvalidInput
from tipdesk.core.ids import new_id
from tipdesk.core.records import Case
from tipdesk.hqstore.batch import verify_audit
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.services import handover, records, sync
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_pg, hq_pg_copy, hq_pg_edit, hq_pg_receipts
from tipdesk.services.sync.handovers import row_of
from tipdesk.store.handover_store import ASKED, HandoverStore


class BothEngines(World):
    """The handover tests' world, its HQ importing every bundle into its SQLCipher store and
    into a PostgreSQL database alike."""

    db: HqDatabase
    linked = False
    on_pg: sync.ImportResult | None = None

    def send(self, d: Session) -> sync.ImportResult | None:
        if not self.linked:
            hq_pg.link(self.hq, self.db)
            self.linked = True
        result = sync.export_bundle(d, self.folder())
        if result.path is None:
            return None
        data = result.path.read_bytes()
        self.on_pg = hq_pg.import_bundle_bytes(self.hq, self.db, data)
        return sync.import_bundle_bytes(self.hq, data)


@pytest.fixture
def both(tmp_path: Path, svc_clock: FixedClock, pg_url: str) -> Iterator[BothEngines]:
    with HqDatabase(pg_url, max_size=2) as db:
        BothEngines.db = db
        w = BothEngines(tmp_path, svc_clock)
        try:
            yield w
        finally:
            w.close()


def _pg(db: HqDatabase, sql: str, *params: object) -> list[tuple[object, ...]]:
    with db.connection() as conn:
        rows = conn.execute(sql.encode(), params).fetchall()
        conn.rollback()
    return rows


def test_a_handover_moves_the_case_in_postgresql_as_in_sqlcipher(both: BothEngines) -> None:
    case = _case_with_identity(both.a)
    both.send(both.a)
    handover.ask(both.a, case.id, MLT, "Accused arrested in Multan")
    on_sqlite = both.send(both.a)
    on_pg = both.on_pg
    assert on_sqlite is not None and on_pg is not None
    assert on_pg.status == "imported"
    assert on_pg.handovers == on_sqlite.handovers
    assert [(h["case_id"], h["state"]) for h in on_pg.handovers] == [(case.id, "moved")]
    at_hq = hq_pg_edit.get(both.hq, both.db, "case", case.id)
    assert isinstance(at_hq, Case) and at_hq.owner == MLT
    assert at_hq.version == both.hq.store.get("case", case.id).version
    # The receiving district's receipt: the same from both engines, the case and the sealed
    # identities in it; applied from PostgreSQL, the district holds the case.
    device = both.b.install.device_id
    sqlite_receipt = _opened(both.b, sync.receipt_for(both.hq, device))
    data = hq_pg_receipts.receipt_for(both.hq, both.db, device)
    pg_receipt = _opened(both.b, data)
    assert pg_receipt.pop("serial") == sqlite_receipt.pop("serial") + 1
    # Multan's first bundle was acknowledged by the world's SQLCipher receipt only.
    assert [b["seq"] for b in pg_receipt.pop("bundles")] == [1]
    assert sqlite_receipt.pop("bundles") == []
    assert pg_receipt == sqlite_receipt
    assert pg_receipt["records"]  # the whole case goes to Multan
    (relayed,) = pg_receipt["handovers"]
    assert relayed["sealed"]  # the identities, sealed for Multan's device
    got = sync.import_receipt_bytes(both.b, data)
    assert got.handovers["received"] == [case.id]
    assert got.handovers["identities"] == [case.victims[0].id]
    there = both.b.store.get("case", case.id)
    assert isinstance(there, Case) and there.owner == MLT
    assert (there.victims[0].name, there.victims[0].cnic) == (NAME, CNIC)
    # Lahore's receipt from PostgreSQL says the case moved (without the sealed identities).
    lahore = _opened(both.a, hq_pg_receipts.receipt_for(both.hq, both.db, both.a.install.device_id))
    assert [(h["case_id"], h["state"], h["sealed"]) for h in lahore["handovers"]] == [
        (case.id, "moved", {})
    ]
    # HQ relayed the identities sealed: nothing of them is readable in PostgreSQL; audited.
    dump = "\n".join(str(r) for r in _pg(both.db, "SELECT * FROM handovers"))
    assert NAME not in dump and CNIC not in dump
    assert _pg(both.db, "SELECT count(*) FROM audit WHERE action = 'case.handover'") == [(1,)]
    with both.db.connection() as conn:
        assert verify_audit(conn)[0]
        conn.rollback()


def test_a_handover_hq_must_refuse_is_refused_alike_and_the_case_stays(
    both: BothEngines,
) -> None:
    """Multan asks to hand over Lahore's case (it does not own it): refused on both engines,
    the bundle's records imported, the case's owner unchanged."""
    case = _case_with_identity(both.a)
    both.send(both.a)
    both.receive(both.b)
    # A forged request in Multan's store (its own services refuse to ask it).
    doc = {"id": new_id(), "case_id": case.id, "from": MLT, "to": "PB-LHR", "reason": "x",
           "asked_by": "someone", "asked_at": "2026-06-01T10:00:00+00:00"}  # fmt: skip
    HandoverStore(both.b.store).ask(row_of(doc, ASKED), both.b.actor())
    on_sqlite = both.send(both.b)
    on_pg = both.on_pg
    assert on_sqlite is not None and on_pg is not None
    assert on_pg.handovers == on_sqlite.handovers
    assert [h["state"] for h in on_pg.handovers] == ["refused"]
    assert "belongs to" in on_pg.handovers[0]["why"]
    assert _pg(both.db, "SELECT owner FROM cases WHERE id = %s", case.id) == [("PB-LHR",)]
    assert _pg(both.db, "SELECT state FROM handovers") == [("refused",)]


def test_migrate_to_postgres_carries_the_handovers_over(
    tmp_path: Path, svc_clock: FixedClock, pg_url: str
) -> None:
    """An HQ that moved a case in its own store, then moved to PostgreSQL: the handover is
    copied, and the receiving district's receipt from PostgreSQL relays it."""
    w = World(tmp_path, svc_clock)
    try:
        case = _case_with_identity(w.a)
        w.send(w.a)
        handover.ask(w.a, case.id, MLT, "Accused arrested in Multan")
        w.send(w.a)
        hq_pg_copy.migrate_to_postgres(w.hq, pg_url)
        with HqDatabase(pg_url, max_size=1) as db:
            assert _pg(db, "SELECT case_id, state, to_district FROM handovers") == [
                (case.id, "moved", MLT)
            ]
            data = hq_pg_receipts.receipt_for(w.hq, db, w.b.install.device_id)
        (relayed,) = _opened(w.b, data)["handovers"]
        assert relayed["case_id"] == case.id and relayed["sealed"]
    finally:
        w.close()


def test_hq_moves_a_case_itself_in_postgresql(
    both: BothEngines,
    pg_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`tipdesk hq handover` on a PostgreSQL HQ: the case moves there (as HQ's own move on
    the SQLCipher HQ), Multan's receipt from PostgreSQL brings it, `tipdesk case handovers`
    lists it with its case number, and Lahore's late edit is quarantined by owner."""
    case = _case_with_identity(both.a)
    both.send(both.a)
    _use(both.hq, pg_url)
    capsys.readouterr()
    args = ["hq", "handover", case.id, "--to", MLT, "--reason", "HQ's decision", "--json"]
    assert run_cli(monkeypatch, both.hq, *args) == 0
    moved = json.loads(capsys.readouterr().out)
    assert (moved["state"], moved["from_district"], moved["case_number"]) == (
        "moved", "PB-LHR", case.case_number,
    )  # fmt: skip
    assert _pg(both.db, "SELECT owner FROM cases WHERE id = %s", case.id) == [(MLT,)]
    assert run_cli(monkeypatch, both.hq, "case", "handovers", "--json") == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert (listed["case_number"], listed["to_district"]) == (case.case_number, MLT)
    # Moving it again to where it is now is refused by name, nothing written.
    with pytest.raises(InvalidInput, match="already belongs to"):
        handover.hq_move(both.hq, case.id, MLT, "again")
    got = sync.import_receipt_bytes(
        both.b, hq_pg_receipts.receipt_for(both.hq, both.db, both.b.install.device_id)
    )
    assert got.handovers["received"] == [case.id]
    there = both.b.store.get("case", case.id)
    assert isinstance(there, Case) and there.owner == MLT
    # Lahore, not told yet, edits the case: PostgreSQL quarantines it by owner.
    late = both.a.store.get("case", case.id)
    assert isinstance(late, Case)
    late.narrative = "Edited before the receipt came."
    records.save(both.a, [late])
    data = sync.export_bundle(both.a, both.folder()).path
    assert data is not None
    result = hq_pg.import_bundle_bytes(both.hq, both.db, data.read_bytes())
    (entry,) = [q for q in result.quarantined if q["record_id"] == case.id]
    assert f"handed over to {MLT}" in entry["problems"][0]["message"]
    with both.db.connection() as conn:
        assert verify_audit(conn)[0]
        conn.rollback()
