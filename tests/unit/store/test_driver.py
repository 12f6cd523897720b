"""The driver boundary: opening with a key, pragmas, transactions, error translation, scripts,
encrypted copies."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from tipdesk.core.errors import CorruptStore, DiskFull, KnownError, StoreBusy
from tipdesk.store import driver
from tipdesk.store.driver import Connection, StoreBug, connect, run_script, transaction
from tipdesk.store.migrations import LATEST
from tipdesk.store.store import Actor, Store

SQLITE_MAGIC = b"SQLite format 3\x00"


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder`` by name, with its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def closed_store(tmp_path: Path, make: Any, actor: Actor) -> tuple[Path, bytes]:
    """A store with one case in it, closed (WAL folded in); its path and key."""
    key = os.urandom(32)
    path = tmp_path / "db" / "t.db"
    s = Store.create(path, key)
    s.save([make.case()], actor)
    s.close()
    return path, key


# --- opening -------------------------------------------------------------------------------------


def test_wrong_key_is_corrupt_store_and_changes_nothing(closed_store: tuple[Path, bytes]) -> None:
    path, _key = closed_store
    before = _snapshot(path.parent)
    with pytest.raises(CorruptStore) as info:
        connect(path, os.urandom(32))
    message = str(info.value)
    assert "damaged" in message or "does not belong to the key file" in message
    assert _snapshot(path.parent) == before


def test_wrong_key_through_store_open_changes_nothing(closed_store: tuple[Path, bytes]) -> None:
    path, _key = closed_store
    before = _snapshot(path.parent)
    with pytest.raises(CorruptStore):
        Store.open(path, os.urandom(32))
    assert _snapshot(path.parent) == before


def test_right_key_opens(closed_store: tuple[Path, bytes]) -> None:
    path, key = closed_store
    conn = connect(path, key)
    try:
        assert conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 1
    finally:
        conn.close()


def test_missing_file_is_corrupt_store_and_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.db"
    with pytest.raises(CorruptStore, match="missing"):
        connect(path, os.urandom(32))
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "content",
    [
        b"this is a text file, not a database\n" * 300,
        bytes(range(256)) * 64,
        SQLITE_MAGIC + b"\x00" * 4080,  # a plain-SQLite-looking header, garbage after
    ],
    ids=["text", "binary", "fake-header"],
)
def test_non_database_file_is_corrupt_store(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "t.db"
    path.write_bytes(content)
    with pytest.raises(CorruptStore):
        connect(path, os.urandom(32))
    assert path.read_bytes() == content


def test_empty_file_is_corrupt_store_not_a_new_store(tmp_path: Path) -> None:
    # A zero-byte tipdesk.db (a crash during a copy, a truncated file) must not be taken for a
    # brand-new database: Store.open would then silently build an empty store in its place.
    path = tmp_path / "t.db"
    path.write_bytes(b"")
    with pytest.raises(CorruptStore):
        Store.open(path, os.urandom(32))
    assert path.read_bytes() == b""


@pytest.mark.parametrize("length", [0, 16, 31, 33, 64])
def test_key_must_be_32_bytes(tmp_path: Path, length: int) -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        connect(tmp_path / "t.db", b"k" * length, create=True)
    assert not (tmp_path / "t.db").exists()


def test_file_on_disk_is_encrypted(closed_store: tuple[Path, bytes]) -> None:
    path, _key = closed_store
    data = path.read_bytes()
    assert not data.startswith(SQLITE_MAGIC)
    assert b"CREATE TABLE" not in data
    assert b"FIR 1/2024" not in data


def test_store_file_is_owner_only(closed_store: tuple[Path, bytes]) -> None:
    path, _key = closed_store
    assert path.stat().st_mode & 0o077 == 0


# --- pragmas -------------------------------------------------------------------------------------

EXPECTED_PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL
    "foreign_keys": 1,
    "temp_store": 2,  # MEMORY
}


@pytest.mark.parametrize(("pragma", "value"), sorted(EXPECTED_PRAGMAS.items()))
def test_pragmas_on_a_fresh_connection(
    closed_store: tuple[Path, bytes], pragma: str, value: object
) -> None:
    path, key = closed_store
    conn = connect(path, key)
    try:
        assert conn.execute(f"PRAGMA {pragma}").fetchone()[0] == value
    finally:
        conn.close()


@pytest.mark.parametrize(("pragma", "value"), sorted(EXPECTED_PRAGMAS.items()))
def test_pragmas_on_the_store_connection(store: Store, pragma: str, value: object) -> None:
    assert store.query(f"PRAGMA {pragma}")[0][0] == value


def test_foreign_keys_are_enforced(store: Store) -> None:
    with pytest.raises(StoreBug, match="FOREIGN KEY"):
        store.query(
            "INSERT INTO referrals (id, created_at, created_by, updated_at, updated_by, "
            "origin_device, updated_device, version, victim_id, service, provider, outcome, "
            "notes) VALUES ('r1', '', '', '', '', '', '', 1, 'no-such-victim', '', '', '', '')"
        )


# --- transactions --------------------------------------------------------------------------------


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[Connection]:
    c = connect(tmp_path / "raw.db", os.urandom(32), create=True)
    c.execute("CREATE TABLE t (x INTEGER)")
    yield c
    c.close()


def _count(c: Connection) -> int:
    return int(c.execute("SELECT count(*) FROM t").fetchone()[0])


def test_transaction_commits(conn: Connection) -> None:
    with transaction(conn) as c:
        c.execute("INSERT INTO t VALUES (1)")
        c.execute("INSERT INTO t VALUES (2)")
    assert _count(conn) == 2
    assert not conn.in_transaction


def test_transaction_rolls_back_on_exception(conn: Connection) -> None:
    class Boom(Exception):
        pass

    with pytest.raises(Boom), transaction(conn) as c:
        c.execute("INSERT INTO t VALUES (1)")
        assert _count(c) == 1
        raise Boom
    assert _count(conn) == 0
    assert not conn.in_transaction
    # The connection is usable afterwards.
    with transaction(conn) as c:
        c.execute("INSERT INTO t VALUES (3)")
    assert _count(conn) == 1


def test_transaction_translates_driver_errors_and_rolls_back(conn: Connection) -> None:
    with pytest.raises(StoreBug, match="no such table"), transaction(conn) as c:
        c.execute("INSERT INTO t VALUES (1)")
        c.execute("INSERT INTO missing_table VALUES (1)")
    assert _count(conn) == 0
    assert not conn.in_transaction


def test_a_second_writer_gets_store_busy(tmp_path: Path) -> None:
    key = os.urandom(32)
    path = tmp_path / "busy.db"
    first = connect(path, key, create=True)
    first.execute("CREATE TABLE t (x INTEGER)")
    second = connect(path, key)
    try:
        second.execute("PRAGMA busy_timeout = 0")
        with transaction(first):
            first.execute("INSERT INTO t VALUES (1)")
            with pytest.raises(StoreBusy), transaction(second):
                second.execute("INSERT INTO t VALUES (2)")
        assert second.execute("SELECT x FROM t").fetchall() == [(1,)]
    finally:
        second.close()
        first.close()


# --- error classification ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (sqlcipher3.OperationalError("database or disk is full"), DiskFull),
        (sqlcipher3.OperationalError("database is locked"), StoreBusy),
        (sqlcipher3.OperationalError("database table is locked"), StoreBusy),
        (sqlcipher3.DatabaseError("file is not a database"), CorruptStore),
        (sqlcipher3.DatabaseError("database disk image is malformed"), CorruptStore),
        (sqlcipher3.OperationalError("unable to open database file"), KnownError),
        (sqlcipher3.OperationalError("attempt to write a readonly database"), KnownError),
        (sqlcipher3.OperationalError("no such table: cases"), StoreBug),
        (sqlcipher3.IntegrityError("UNIQUE constraint failed: users.name"), StoreBug),
    ],
)
def test_classify(exc: Exception, expected: type[Exception]) -> None:
    got = driver._classify(exc)
    assert type(got) is expected


def test_classify_messages_are_fit_to_show() -> None:
    full = driver._classify(sqlcipher3.OperationalError("database or disk is full"))
    assert "disk is full" in str(full)
    busy = driver._classify(sqlcipher3.OperationalError("database is locked"))
    assert "busy" in str(busy)


def test_translated_turns_enospc_into_disk_full() -> None:
    with pytest.raises(DiskFull), driver.translated():
        raise OSError(errno.ENOSPC, "No space left on device")


def test_translated_lets_other_os_errors_through() -> None:
    with pytest.raises(PermissionError), driver.translated():
        raise PermissionError(errno.EACCES, "Permission denied")


def test_translated_maps_driver_errors() -> None:
    with pytest.raises(StoreBusy), driver.translated():
        raise sqlcipher3.OperationalError("database is locked")


# --- run_script ----------------------------------------------------------------------------------

TRIGGER_SCRIPT = """
CREATE TABLE items (name TEXT NOT NULL);
CREATE TABLE log (what TEXT NOT NULL);
-- a trigger whose body holds several statements, each ending with ';'
CREATE TRIGGER items_log AFTER INSERT ON items
BEGIN
    INSERT INTO log VALUES ('first: ' || new.name);
    INSERT INTO log VALUES ('second: ' || new.name);
END;
CREATE TRIGGER items_frozen BEFORE DELETE ON items BEGIN SELECT RAISE(ABORT, 'frozen'); END;
;
"""


def _names(c: Connection) -> set[str]:
    rows = c.execute("SELECT name FROM sqlite_master").fetchall()
    return {r[0] for r in rows}


def test_run_script_runs_triggers_with_semicolons_in_their_body(conn: Connection) -> None:
    with transaction(conn) as c:
        run_script(c, TRIGGER_SCRIPT)
    assert {"items", "log", "items_log", "items_frozen"} <= _names(conn)
    conn.execute("INSERT INTO items VALUES ('widget')")
    log = conn.execute("SELECT what FROM log ORDER BY rowid").fetchall()
    assert log == [("first: widget",), ("second: widget",)]
    with pytest.raises(sqlcipher3.IntegrityError, match="frozen"):
        conn.execute("DELETE FROM items")


def test_run_script_is_atomic_inside_a_transaction(conn: Connection) -> None:
    failing = TRIGGER_SCRIPT + "INSERT INTO no_such_table VALUES (1);\n"  # noqa: S608
    with pytest.raises(StoreBug), transaction(conn) as c:
        run_script(c, failing)
    assert _names(conn) == {"t"}
    assert not conn.in_transaction


def test_run_script_does_not_commit_the_callers_transaction(conn: Connection) -> None:
    conn.execute("BEGIN")
    run_script(conn, "INSERT INTO t VALUES (1);\nINSERT INTO t VALUES (2);\n")
    assert conn.in_transaction
    assert _count(conn) == 2
    conn.execute("ROLLBACK")
    assert _count(conn) == 0


def test_run_script_refuses_an_incomplete_statement(conn: Connection) -> None:
    with pytest.raises(StoreBug, match="incomplete"), transaction(conn) as c:
        run_script(c, "INSERT INTO t VALUES (1);\nINSERT INTO t VALUES (2)\n")
    assert _count(conn) == 0


# --- export_copy ---------------------------------------------------------------------------------


def test_export_copy_opens_with_the_same_key_and_holds_the_same_rows(
    store: Store, make: Any, actor: Actor, tmp_path: Path
) -> None:
    store.save([make.case(), make.training(), make.campaign()], actor)
    dest = tmp_path / "copy.db"
    store.export_copy(dest)
    assert not dest.read_bytes().startswith(SQLITE_MAGIC)

    copy = connect(dest, store.database_key())
    try:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == LATEST == store.schema_version
        for table in ("cases", "accused", "victims", "referrals", "trainings", "campaigns"):
            theirs = copy.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()  # noqa: S608
            ours = store.query(f"SELECT * FROM {table} ORDER BY id")  # noqa: S608
            assert [tuple(r) for r in theirs] == ours
            assert ours, table
        for table in ("audit", "changes", "settings", "cases_fts"):
            n = copy.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
            assert n == store.query(f"SELECT count(*) FROM {table}")[0][0]  # noqa: S608
    finally:
        copy.close()

    with pytest.raises(CorruptStore):
        connect(dest, os.urandom(32))
    reopened = Store.open(dest, store.database_key())
    try:
        assert reopened.verify_audit().ok
        assert [h.kind for h in reopened.search("FIR", include_identity=False)] == ["case"]
    finally:
        reopened.close()


def test_export_copy_leaves_nothing_attached(store: Store, tmp_path: Path) -> None:
    store.export_copy(tmp_path / "copy.db")
    assert [r[1] for r in store.query("PRAGMA database_list")] == ["main"]
    store.export_copy(tmp_path / "copy2.db")  # a second copy works too
    assert (tmp_path / "copy2.db").exists()


@pytest.mark.parametrize("count", [0, 1, 99, 100, 101, 250])
def test_insert_rows_writes_every_row_in_order(tmp_path: Path, count: int) -> None:
    """Many rows per statement, the last statement shorter: every row once, in order, NULLs as
    NULLs, and the tail (an upsert) applies to each row as one statement per row would."""
    conn = connect(tmp_path / "t.db", os.urandom(32), create=True)
    try:
        conn.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT, n INTEGER)")
        rows = [(i, f"value {i}" if i % 3 else None, i * 2) for i in range(count)]
        with transaction(conn):
            driver.insert_rows(conn, "INSERT INTO t (k, v, n)", rows)
        assert conn.execute("SELECT k, v, n FROM t ORDER BY rowid").fetchall() == rows
        again = [(i, "again", 0) for i in range(0, count, 2)]
        with transaction(conn):
            driver.insert_rows(
                conn, "INSERT INTO t (k, v, n)", again, "ON CONFLICT(k) DO UPDATE SET n = n + 1"
            )
        changed = conn.execute("SELECT count(*) FROM t WHERE n = k * 2 + 1").fetchone()[0]
        assert changed == len(again)
        assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == count
    finally:
        conn.close()


def test_none_is_bound_as_null() -> None:
    """The adapter registered for None (a speed-up) must keep binding it as SQL NULL."""
    conn = sqlcipher3.connect(":memory:")
    try:
        row = conn.execute("SELECT ? IS NULL, typeof(?)", (None, None)).fetchone()
        assert tuple(row) == (1, "null")
    finally:
        conn.close()
