"""The hash-chained audit log: appending, reading, and detecting edits, deletions and
reordering (triggers dropped first, as someone holding the key could do on a copy)."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tipdesk.store import audit
from tipdesk.store.audit import GENESIS, HEAD_KEY, NewEntry
from tipdesk.store.driver import Connection, StoreBug, connect, transaction
from tipdesk.store.store import Store

N = 6


def _entry(i: int, user: str = "test.clerk", action: str = "login") -> NewEntry:
    return NewEntry(
        at=f"2025-07-01T10:00:{i:02d}.000Z",
        user=user,
        device="device-test-0001",
        action=action,
        kind="case",
        record_id=f"record-{i}",
        detail={"fields": [f"field_{i}"], "n": i},
    )


@pytest.fixture
def logged(store: Store) -> Store:
    """A store whose audit log holds N entries (seq 1..N), written in three transactions."""
    store.log([_entry(1), _entry(2)])
    store.log([_entry(3, user="test.supervisor", action="reveal")])
    store.log([_entry(i) for i in range(4, N + 1)])
    return store


@pytest.fixture
def raw(logged: Store) -> Iterator[Connection]:
    """A second connection to the same file, with the append-only triggers dropped."""
    conn = connect(logged.path, logged.database_key())
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("DROP TRIGGER audit_no_delete")
    yield conn
    conn.close()


# --- appending and reading -----------------------------------------------------------------------


def test_a_new_store_has_an_empty_verified_log(store: Store) -> None:
    result = store.verify_audit()
    assert result.ok
    assert result.entries == 0
    assert store.audit_entries() == []


def test_append_and_verify(logged: Store) -> None:
    result = logged.verify_audit()
    assert result.ok, result.problem
    assert result.entries == N
    assert result.bad_seq is None


def test_entries_are_chained(logged: Store) -> None:
    entries = logged.audit_entries()
    assert [e.seq for e in entries] == list(range(1, N + 1))
    assert entries[0].prev_hash == GENESIS
    for prev, cur in itertools.pairwise(entries):
        assert cur.prev_hash == prev.hash
    assert len({e.hash for e in entries}) == N
    head = json.loads(logged.setting(HEAD_KEY) or "null")
    assert head == [N, entries[-1].hash]


def test_entries_keep_what_was_appended(logged: Store) -> None:
    e = logged.audit_entries()[2]
    assert (e.seq, e.at, e.user, e.device, e.action, e.kind, e.record_id) == (
        3,
        "2025-07-01T10:00:03.000Z",
        "test.supervisor",
        "device-test-0001",
        "reveal",
        "case",
        "record-3",
    )
    assert e.detail == {"fields": ["field_3"], "n": 3}


def test_hash_covers_every_field(logged: Store) -> None:
    e = logged.audit_entries()[0]
    detail_json = logged.query("SELECT detail FROM audit WHERE seq = 1")[0][0]
    fields = [e.seq, e.at, e.user, e.device, e.action, e.kind, e.record_id, detail_json]
    assert audit.entry_hash(*fields, e.prev_hash) == e.hash
    for i in range(len(fields)):
        changed = list(fields)
        changed[i] = changed[i] + 1 if isinstance(changed[i], int) else changed[i] + "x"
        assert audit.entry_hash(*changed, e.prev_hash) != e.hash
    assert audit.entry_hash(*fields, "f" * 64) != e.hash


def test_entries_paging_and_filters(logged: Store) -> None:
    assert [e.seq for e in logged.audit_entries(limit=2)] == [1, 2]
    assert [e.seq for e in logged.audit_entries(after_seq=2, limit=2)] == [3, 4]
    assert [e.seq for e in logged.audit_entries(after_seq=N)] == []
    assert [e.seq for e in logged.audit_entries(action="reveal")] == [3]
    assert [e.seq for e in logged.audit_entries(user="test.supervisor")] == [3]
    assert [e.seq for e in logged.audit_entries(user="test.clerk", after_seq=3)] == [4, 5, 6]


def test_an_empty_append_writes_nothing(logged: Store) -> None:
    before = logged.setting(HEAD_KEY)
    logged.log([])
    assert logged.setting(HEAD_KEY) == before
    assert logged.verify_audit().entries == N


def test_a_failed_transaction_leaves_no_entry(logged: Store) -> None:
    class Boom(Exception):
        pass

    conn = connect(logged.path, logged.database_key())
    try:
        with pytest.raises(Boom), transaction(conn):
            audit.append(conn, [_entry(99)])
            raise Boom
    finally:
        conn.close()
    assert logged.verify_audit().entries == N
    assert logged.verify_audit().ok


# --- the triggers --------------------------------------------------------------------------------


def test_update_is_refused_by_trigger(logged: Store) -> None:
    before = logged.audit_entries()
    with pytest.raises(StoreBug, match="append-only"):
        logged.query("UPDATE audit SET detail = '{}' WHERE seq = 2")
    with pytest.raises(StoreBug, match="append-only"):
        logged.query("UPDATE audit SET user = 'someone.else'")
    assert logged.audit_entries() == before
    assert logged.verify_audit().ok


def test_delete_is_refused_by_trigger(logged: Store) -> None:
    with pytest.raises(StoreBug, match="append-only"):
        logged.query("DELETE FROM audit WHERE seq = ?", (N,))
    with pytest.raises(StoreBug, match="append-only"):
        logged.query("DELETE FROM audit")
    assert logged.verify_audit().entries == N
    assert logged.verify_audit().ok


# --- tampering with the triggers dropped ---------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("detail", '{"fields":["something_else"],"n":3}'),
        ("at", "2024-01-01T00:00:00.000Z"),
        ("user", "someone.else"),
        ("device", "another-device"),
        ("action", "login"),
        ("kind", "victim"),
        ("record_id", "record-other"),
        ("hash", "0" * 64),
    ],
)
def test_an_edited_entry_is_named(logged: Store, raw: Connection, column: str, value: str) -> None:
    raw.execute(f"UPDATE audit SET {column} = ? WHERE seq = 3", (value,))  # noqa: S608
    result = logged.verify_audit()
    assert not result.ok
    assert result.bad_seq == 3
    assert "#3" in result.problem
    assert "edited" in result.problem


def test_an_edited_prev_hash_is_caught(logged: Store, raw: Connection) -> None:
    raw.execute("UPDATE audit SET prev_hash = ? WHERE seq = 4", ("1" * 64,))
    result = logged.verify_audit()
    assert not result.ok
    assert result.bad_seq == 4
    assert "#4" in result.problem


def test_a_deleted_middle_entry_is_named(logged: Store, raw: Connection) -> None:
    raw.execute("DELETE FROM audit WHERE seq = 3")
    result = logged.verify_audit()
    assert not result.ok
    assert result.bad_seq == 3
    assert "#3" in result.problem
    assert "deleted" in result.problem


def test_several_deleted_entries_are_named(logged: Store, raw: Connection) -> None:
    raw.execute("DELETE FROM audit WHERE seq IN (2, 3, 4)")
    result = logged.verify_audit()
    assert not result.ok
    assert result.bad_seq == 2
    assert "#2 to #4" in result.problem


def test_a_deleted_first_entry_is_named(logged: Store, raw: Connection) -> None:
    raw.execute("DELETE FROM audit WHERE seq = 1")
    result = logged.verify_audit()
    assert not result.ok
    assert result.bad_seq == 1
    assert "#1" in result.problem


def test_swapped_entries_are_named(logged: Store, raw: Connection) -> None:
    """Entries 3 and 4 trade places, each keeping its own contents and hashes."""
    cols = "at, user, device, action, kind, record_id, detail, prev_hash, hash"
    r3 = raw.execute(f"SELECT {cols} FROM audit WHERE seq = 3").fetchone()  # noqa: S608
    r4 = raw.execute(f"SELECT {cols} FROM audit WHERE seq = 4").fetchone()  # noqa: S608
    sets = ", ".join(f"{c.strip()} = ?" for c in cols.split(","))
    raw.execute("BEGIN")
    raw.execute(f"UPDATE audit SET {sets} WHERE seq = 3", (*r4,))  # noqa: S608
    raw.execute(f"UPDATE audit SET {sets} WHERE seq = 4", (*r3,))  # noqa: S608
    raw.execute("COMMIT")
    result = logged.verify_audit()
    assert not result.ok
    assert result.bad_seq == 3
    assert "#3" in result.problem
    assert "reordered" in result.problem


def test_deleting_the_last_entries_is_caught_by_the_head(logged: Store, raw: Connection) -> None:
    raw.execute("DELETE FROM audit WHERE seq > ?", (N - 2,))
    result = logged.verify_audit()
    assert not result.ok
    assert result.bad_seq == N - 1
    assert f"#{N - 2}" in result.problem
    assert f"#{N}" in result.problem
    assert "end" in result.problem


def test_deleting_every_entry_is_caught_by_the_head(logged: Store, raw: Connection) -> None:
    raw.execute("DELETE FROM audit")
    result = logged.verify_audit()
    assert not result.ok
    assert result.entries == 0


def test_a_missing_head_is_caught(logged: Store, raw: Connection) -> None:
    raw.execute("DELETE FROM settings WHERE key = ?", (HEAD_KEY,))
    result = logged.verify_audit()
    assert not result.ok
    assert "head" in result.problem


def test_a_forged_head_with_a_wrong_hash_is_caught(logged: Store, raw: Connection) -> None:
    raw.execute(
        "UPDATE settings SET value = ? WHERE key = ?", (json.dumps([N, "e" * 64]), HEAD_KEY)
    )
    assert not logged.verify_audit().ok


def test_appending_after_verification_continues_the_chain(logged: Store) -> None:
    logged.log([_entry(50)])
    result = logged.verify_audit()
    assert result.ok
    assert result.entries == N + 1
    assert logged.audit_entries(after_seq=N)[0].prev_hash == logged.audit_entries()[N - 1].hash


@settings(max_examples=200, deadline=None)
@given(
    seq=st.integers(min_value=1, max_value=2**62),
    texts=st.lists(st.text(), min_size=8, max_size=8),
)
def test_entry_hash_is_the_hash_of_the_canonical_array(seq: int, texts: list[str]) -> None:
    """The hash's text is joined by hand for speed; it must be the canonical JSON array."""
    import hashlib

    expected = hashlib.sha256(audit._canonical([seq, *texts]).encode("utf-8")).hexdigest()
    assert audit.entry_hash(seq, *texts) == expected
