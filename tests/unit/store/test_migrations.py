"""Schema migrations: new stores, every step from every earlier version, stores from a newer
TIPDesk, and the golden stores of every released schema."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tipdesk.core.errors import NotFound, StoreTooNew
from tipdesk.core.records import to_dict
from tipdesk.store import migrations
from tipdesk.store.driver import Connection, connect, transaction
from tipdesk.store.migrations import LATEST, STEPS, current_version, migrate
from tipdesk.store.store import Store

GOLDEN = Path(__file__).resolve().parents[2] / "data" / "golden"
GOLDEN_DIRS = sorted(p for p in GOLDEN.glob("schema-*") if p.is_dir())
# Schema 3 (the report summaries and their triggers) took an empty store past 300 KB; every
# table and index takes at least one 4 KiB page, and schemas 4 to 6 (owners, records back,
# notices; sealed identities with their keyed indexes; the report summaries per law) took it
# past 400 KB; schema 7 (the diary's tables and indexes) adds a page each.
MAX_GOLDEN_BYTES = 640 * 1024


def _schema(conn: Connection) -> list[tuple[Any, ...]]:
    rows = conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    ).fetchall()
    return [tuple(r) for r in rows]


@pytest.fixture
def raw(tmp_path: Path) -> Iterator[Connection]:
    """A brand-new encrypted database at version 0 (no schema at all)."""
    conn = connect(tmp_path / "raw.db", os.urandom(32), create=True)
    yield conn
    conn.close()


def _step_to(conn: Connection, version: int) -> None:
    """Run the released steps one by one, as a TIPDesk of schema ``version`` would have."""
    while current_version(conn) < version:
        v = current_version(conn)
        with transaction(conn):
            STEPS[v](conn)
            conn.execute(f"PRAGMA user_version = {v + 1}")


def test_steps_and_latest_agree() -> None:
    assert LATEST == len(STEPS) >= 1


def test_new_store_is_at_latest(store: Store) -> None:
    assert store.schema_version == LATEST


def test_a_new_database_starts_at_version_0(raw: Connection) -> None:
    assert current_version(raw) == 0
    assert _schema(raw) == []


def test_migrate_is_idempotent(raw: Connection) -> None:
    assert migrate(raw) == list(range(1, LATEST + 1))
    schema = _schema(raw)
    assert migrate(raw) == []
    assert migrate(raw) == []
    assert current_version(raw) == LATEST
    assert _schema(raw) == schema


@pytest.mark.parametrize("start", range(LATEST))
def test_every_step_from_every_earlier_version(raw: Connection, start: int, tmp_path: Path) -> None:
    _step_to(raw, start)
    assert current_version(raw) == start
    assert migrate(raw) == list(range(start + 1, LATEST + 1))
    assert current_version(raw) == LATEST
    fresh = Store.create(tmp_path / "fresh.db", os.urandom(32))
    try:
        expected = fresh.query("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY 1, 2")
    finally:
        fresh.close()
    assert _schema(raw) == expected


@pytest.mark.parametrize("version", range(LATEST))
def test_each_step_moves_exactly_one_version(raw: Connection, version: int) -> None:
    _step_to(raw, version)
    before = _schema(raw)
    _step_to(raw, version + 1)
    assert current_version(raw) == version + 1
    assert _schema(raw) != before


def test_a_failing_step_leaves_the_store_at_its_previous_version(
    raw: Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    migrate(raw)
    schema = _schema(raw)

    def broken_step(conn: Connection) -> None:
        conn.execute("CREATE TABLE half_done (x INTEGER)")
        conn.execute("INSERT INTO no_such_table VALUES (1)")

    monkeypatch.setattr(migrations, "STEPS", [*STEPS, broken_step])
    monkeypatch.setattr(migrations, "LATEST", LATEST + 1)
    with pytest.raises(Exception, match="no such table"):
        migrations.migrate(raw)
    assert current_version(raw) == LATEST
    assert _schema(raw) == schema


def test_store_too_new_is_refused_and_left_byte_identical(tmp_path: Path) -> None:
    key = os.urandom(32)
    path = tmp_path / "t.db"
    Store.create(path, key).close()
    conn = connect(path, key)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    with pytest.raises(StoreTooNew) as info:
        Store.open(path, key)
    assert f"schema {LATEST + 1}" in str(info.value)
    assert "nothing was changed" in str(info.value)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_migrate_refuses_a_newer_schema_without_writing(raw: Connection) -> None:
    raw.execute(f"PRAGMA user_version = {LATEST + 5}")
    with pytest.raises(StoreTooNew):
        migrate(raw)
    assert current_version(raw) == LATEST + 5
    assert _schema(raw) == []


# --- golden stores -------------------------------------------------------------------------------


def test_every_released_schema_has_a_golden_store() -> None:
    """A golden is written once per released schema (tests/data/golden/make_golden.py)."""
    names = {p.name for p in GOLDEN_DIRS}
    assert names >= {f"schema-{v}" for v in range(1, LATEST + 1)}


@pytest.mark.parametrize("golden", GOLDEN_DIRS, ids=lambda p: p.name)
def test_golden_files_are_small_and_complete(golden: Path) -> None:
    names = {p.name for p in golden.iterdir()}
    assert names == {"tipdesk.db", "key.hex", "expected.json"}
    for p in golden.iterdir():
        assert p.stat().st_size < MAX_GOLDEN_BYTES, p.name


@pytest.mark.parametrize("golden", GOLDEN_DIRS, ids=lambda p: p.name)
def test_golden_store_ends_with_the_schema_of_a_new_store(golden: Path, tmp_path: Path) -> None:
    """Fails when a released step was edited instead of adding a new one."""
    key = bytes.fromhex((golden / "key.hex").read_text(encoding="ascii").strip())
    shutil.copyfile(golden / "tipdesk.db", tmp_path / "old.db")
    sql = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY 1, 2"
    old = Store.open(tmp_path / "old.db", key)
    new = Store.create(tmp_path / "new.db", os.urandom(32))
    try:
        assert old.query(sql) == new.query(sql)
    finally:
        old.close()
        new.close()


def _assert_matches(expected: Any, actual: Any, path: str = "") -> None:
    """``actual`` holds every value of ``expected``. Dicts may have gained keys (fields added
    by later schemas, with their defaults); lists must match item by item."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), path
        for key, value in expected.items():
            assert key in actual, f"{path}.{key} is missing"
            _assert_matches(value, actual[key], f"{path}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list), path
        assert len(actual) == len(expected), f"{path}: {len(actual)} != {len(expected)}"
        for i, (e, a) in enumerate(zip(expected, actual, strict=True)):
            _assert_matches(e, a, f"{path}[{i}]")
    else:
        assert actual == expected, f"{path}: {actual!r} != {expected!r}"


def _sorted_children(d: dict[str, Any]) -> dict[str, Any]:
    """Children lists ordered by id, so the comparison does not depend on row order."""
    for name in ("accused", "victims", "referrals"):
        if isinstance(d.get(name), list):
            d[name] = sorted((_sorted_children(c) for c in d[name]), key=lambda c: c["id"])
    return d


@pytest.mark.parametrize("golden", GOLDEN_DIRS, ids=lambda p: p.name)
def test_golden_store_migrates_and_reads_back(golden: Path, tmp_path: Path) -> None:
    expected = json.loads((golden / "expected.json").read_text(encoding="utf-8"))
    key = bytes.fromhex((golden / "key.hex").read_text(encoding="ascii").strip())
    original = (golden / "tipdesk.db").read_bytes()
    work = tmp_path / "tipdesk.db"
    shutil.copyfile(golden / "tipdesk.db", work)  # never open the golden itself

    store = Store.open(work, key)
    # Victims' identities read back with the identity key (escrowed at the upgrade until a
    # user who may reveal identities signs in: tipdesk.store.identity).
    escrow = store.vault.escrow()
    if escrow is not None:
        store.vault.unlock(escrow)
    try:
        assert store.schema_version == LATEST
        assert expected["schema"] == int(golden.name.removeprefix("schema-"))
        verdict = store.verify_audit()
        assert verdict.ok, verdict.problem
        assert verdict.entries == expected["audit_entries"]
        for kind, records in expected["records"].items():
            for want in records:
                got = _sorted_children(to_dict(store.get(kind, want["id"])))
                _assert_matches(_sorted_children(want), got, f"{kind} {want['id']}")
        for kind, ids in expected["deleted"].items():
            for record_id in ids:
                with pytest.raises(NotFound):
                    store.get(kind, record_id)
                assert store.get(kind, record_id, deleted=True).deleted
        for kind, n in expected["counts"].items():
            assert store.count(kind) == n, kind
        for text, hits in expected["search"].items():
            found = sorted([h.kind, h.id] for h in store.search(text, include_identity=True))
            assert found == sorted(hits), text
        for key_name, value in expected["settings"].items():
            assert store.setting(key_name) == value
        assert [[u.name, u.role, u.active] for u in store.users()] == expected["users"]
        if "diary" in expected:  # schema 7: officers' done marks on deadlines
            marks = store.query("SELECT rule, record_id, done_on, next_on FROM diary_marks")
            assert [list(m) for m in marks] == expected["diary"]["marks"]
    finally:
        store.close()
    assert (golden / "tipdesk.db").read_bytes() == original


@pytest.mark.parametrize(
    "golden",
    [g for g in GOLDEN_DIRS if int(g.name.removeprefix("schema-")) < 4],
    ids=lambda p: p.name,
)
def test_step_4_gives_every_stored_record_its_owner_district(golden: Path, tmp_path: Path) -> None:
    """Rows stored before schema 4 are owned by their own district (the install's when blank);
    a victim in a case follows its case (blank owner); the change log is not routed."""
    key = bytes.fromhex((golden / "key.hex").read_text(encoding="ascii").strip())
    shutil.copyfile(golden / "tipdesk.db", tmp_path / "tipdesk.db")
    store = Store.open(tmp_path / "tipdesk.db", key)
    try:
        install = store.setting("district") or ""
        for table in ("cases", "trainings", "campaigns"):
            rows = store.query(f"SELECT owner, district FROM {table}")  # noqa: S608
            assert rows, table
            assert all(owner == (district or install) and owner for owner, district in rows)
        victims = store.query("SELECT owner, district, case_id FROM victims")
        assert victims
        for owner, district, case_id in victims:
            assert owner == ("" if case_id else (district or install))
        assert store.query("SELECT count(*) FROM changes WHERE owner IS NOT NULL") == [(0,)]
    finally:
        store.close()


def test_step_9_keeps_the_audit_anchors_hq_already_held(raw: Connection) -> None:
    """Bundles imported before schema 9 kept their audit head in their result: the step puts
    each into the anchor history (without a problem); a result without a usable head adds
    nothing."""
    _step_to(raw, 8)
    with transaction(raw):
        raw.execute(
            "INSERT INTO sync_devices(device_id, district, office, signing_key, recipient, "
            "fingerprint, registered_at, registered_by, receipt_serial, back_confirmed) "
            "VALUES ('d1', 'PB-LHR', '', 'k', 'r', 'f', 't', 'u', 0, 0)"
        )
        for seq, result in (
            (1, {"status": "imported", "audit_head": [70, "a" * 64]}),
            (2, {"status": "imported", "audit_head": [85, "b" * 64]}),
            (3, {"status": "imported"}),
            (4, {"status": "imported", "audit_head": ["x", 1]}),
        ):
            raw.execute(
                "INSERT INTO sync_bundles(device_id, seq, sha256, from_change, to_change, "
                "created_at, imported_at, result) VALUES ('d1', ?, 's', 0, 1, 'c', ?, ?)",
                (seq, f"2026-01-0{seq}", json.dumps(result)),
            )
    _step_to(raw, 9)
    rows = raw.execute(
        "SELECT device_id, bundle_seq, entry, hash, proof_entry, proof_hash, received_at, "
        "problem FROM sync_anchors ORDER BY bundle_seq"
    ).fetchall()
    assert [tuple(r) for r in rows] == [
        ("d1", 1, 70, "a" * 64, 0, "", "2026-01-01", ""),
        ("d1", 2, 85, "b" * 64, 0, "", "2026-01-02", ""),
    ]
