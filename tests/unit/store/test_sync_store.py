"""Sync tables (schema step 2) and the apply-remote path: golden stores of every released
schema upgrade with their sync state, identities appear on first use in older stores, and a
remote write keeps the record's own bookkeeping and is all or nothing."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from tipdesk.core.records import Training, to_dict
from tipdesk.services.sync.keys import load_or_create
from tipdesk.store.audit import NewEntry
from tipdesk.store.remote_apply import remote_batch
from tipdesk.store.store import Actor, Store
from tipdesk.store.sync_store import SyncStore

GOLDEN = Path(__file__).resolve().parents[2] / "data" / "golden"
GOLDEN_DIRS = sorted(p for p in GOLDEN.glob("schema-*") if p.is_dir())
DEVICE = "0190a000-0000-7000-8000-00000000d001"
ACTOR = Actor("test.admin", DEVICE, "2026-06-01T00:00:00.000Z")


def _open_copy(golden: Path, tmp_path: Path) -> Store:
    key = bytes.fromhex((golden / "key.hex").read_text(encoding="ascii").strip())
    shutil.copyfile(golden / "tipdesk.db", tmp_path / "tipdesk.db")
    return Store.open(tmp_path / "tipdesk.db", key)


@pytest.mark.parametrize("golden", GOLDEN_DIRS, ids=lambda p: p.name)
def test_golden_sync_state_reads_back(golden: Path, tmp_path: Path) -> None:
    expected: dict[str, Any] = json.loads((golden / "expected.json").read_text("utf-8"))
    store = _open_copy(golden, tmp_path)
    try:
        sync = SyncStore(store)
        want = expected.get("sync")
        if want is None:  # a store from before sync: empty tables, keys made on first use
            assert sync.keys() == {} and sync.hq() is None and sync.devices() == []
            me = load_or_create(store, DEVICE, ACTOR)
            assert load_or_create(store, DEVICE, ACTOR).public == me.public
            assert store.verify_audit().ok
            return
        assert sorted(sync.keys()) == want["keys"]
        assert load_or_create(store, DEVICE, ACTOR).public.fingerprint == want["fingerprint"]
        hq = sync.hq()
        assert hq is not None and [hq.device_id, hq.fingerprint] == want["hq"]
        assert [[o.seq, o.file_name, o.from_change, o.to_change, o.created_at]
                for o in sync.outbox()] == want["outbox"]  # fmt: skip
        assert [[r.serial, r.highest_seq, r.acked_change] for r in sync.receipts()] == want[
            "receipts"
        ]
        assert [[d.device_id, d.district, d.fingerprint] for d in sync.devices()] == want["devices"]
        assert [[b.device_id, b.seq, b.sha256] for b in sync.bundles()] == want["bundles"]
        for key, vv in want["versions"].items():
            kind, record_id = key.split("/")
            assert json.loads(sync.versions(kind, [record_id])[record_id][1]) == vv
        assert [c.id for c in sync.conflicts()] == want["conflicts"]
        assert [q.id for q in sync.quarantine()] == want["quarantine"]
        if "notices" in want:  # schema 4: records back and HQ's notices
            assert [o.back_through for o in sync.outbox()] == want["back_through"]
            assert {d.device_id: d.back_confirmed for d in sync.devices()} == want["back_confirmed"]
            assert [
                [n.id, n.case_id, n.case_number, n.other_district, n.other_case_number]
                for n in sync.notices()
            ] == want["notices"]
        else:  # upgraded to schema 4: nothing confirmed yet, no notices
            assert {o.back_through for o in sync.outbox()} == {0}
            assert {d.back_confirmed for d in sync.devices()} == {0}
            assert sync.notices() == []
        assert store.verify_audit().ok
    finally:
        store.close()


def _training(**changes: Any) -> Training:
    values: dict[str, Any] = {
        "id": "0190a000-0000-7000-8000-000000000777",
        "created_at": "2025-01-01T00:00:00.000Z",
        "created_by": "district.officer",
        "updated_at": "2025-01-02T00:00:00.000Z",
        "updated_by": "district.officer",
        "origin_device": "0190a000-0000-7000-8000-0000000000aa",
        "updated_device": "0190a000-0000-7000-8000-0000000000aa",
        "version": 4,
        "title": "Synthetic remote training",
        "organiser": "fia",
        "district": "PB-LHR",
        "venue": "Fake Hall",
        "roster": ["Trainee Fakeone"],
    }
    return Training(**(values | changes))


@pytest.fixture
def store(tmp_path: Path) -> Any:
    s = Store.create(tmp_path / "t.db", os.urandom(32))
    yield s
    s.close()


def test_remote_write_keeps_the_records_own_bookkeeping(store: Store) -> None:
    training = _training()
    vv = {training.updated_device: 4, DEVICE: 2}
    with remote_batch(store, ACTOR) as b:
        b.write(training, vv, rowid=None)
        b.audit(NewEntry(ACTOR.at, ACTOR.user, ACTOR.device, "sync.create", "training",
                         training.id))  # fmt: skip
    assert to_dict(store.get("training", training.id)) == to_dict(training)
    assert store.changes_since(0)[-1][1:] == ("training", training.id, 4)
    assert json.loads(SyncStore(store).versions("training", [training.id])[training.id][1]) == vv
    assert store.search("Synthetic remote", include_identity=False)[0].id == training.id
    # An update through the same path replaces the row and its search entry.
    renamed = _training(title="Renamed remotely", version=5,
                        updated_at="2025-01-03T00:00:00.000Z")  # fmt: skip
    with remote_batch(store, ACTOR) as b:
        rowid = b.stored("training", [training.id])[training.id].rowid
        b.write(renamed, {renamed.updated_device: 5}, rowid=rowid)
    assert store.get("training", training.id).version == 5
    assert store.search("Renamed", include_identity=False)[0].id == training.id
    assert store.search("Synthetic remote", include_identity=False) == []
    assert store.verify_audit().ok


def test_a_failed_remote_batch_changes_nothing(store: Store, tmp_path: Path) -> None:
    store.checkpoint()
    before = (store.count("training"), store.changes_since(0), len(store.audit_entries()))

    class Boom(Exception):
        pass

    with pytest.raises(Boom), remote_batch(store, ACTOR) as b:
        b.write(_training(), {"x": 4}, rowid=None)
        b.flush()
        raise Boom
    assert (store.count("training"), store.changes_since(0), len(store.audit_entries())) == before
    assert SyncStore(store).versions("training", [_training().id]) == {}


def test_a_large_batch_gets_a_page_cache_for_its_size_and_gives_it_back(store: Store) -> None:
    """The transaction's dirty pages must fit in the cache (else SQLite spills them to the WAL
    and decrypts them again); afterwards the normal cache size applies again."""
    from tipdesk.store import remote_apply
    from tipdesk.store.driver import CACHE_KIB

    def cache_kib() -> int:
        return -int(store.query("PRAGMA cache_size")[0][0])

    assert cache_kib() == CACHE_KIB
    with remote_batch(store, ACTOR, rows=100_000):
        assert cache_kib() == CACHE_KIB + 100_000 * remote_apply.CACHE_KIB_PER_ROW
    assert cache_kib() == CACHE_KIB
    with remote_batch(store, ACTOR, rows=10**9):
        assert cache_kib() == remote_apply.MAX_CACHE_KIB
    assert cache_kib() == CACHE_KIB

    class Boom(Exception):
        pass

    with pytest.raises(Boom), remote_batch(store, ACTOR, rows=50_000):
        raise Boom
    assert cache_kib() == CACHE_KIB
