"""The database driver boundary: opening SQLCipher connections and translating its errors.

Contract:
- This module (and the rest of ``tipdesk.store``) is the only code that imports sqlcipher3.
  Above ``store/`` nothing sees a driver exception: :func:`translated` turns them into
  :class:`tipdesk.core.errors.KnownError` subclasses (disk full, busy, corrupt or wrong key) and
  lets programming errors through as :class:`StoreBug`.
- Connections are opened with a raw 256-bit key (no SQLCipher PBKDF2: the passphrase KDF runs
  once, in :mod:`tipdesk.store.keys`), in autocommit mode; callers group writes with
  :func:`transaction`. WAL, ``synchronous=FULL``, foreign keys on, temp store in memory (so no
  plaintext temp file ever reaches the disk).
- A connection belongs to the thread that opened it.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import chain
from pathlib import Path
from typing import Any

import sqlcipher3

from tipdesk.core.errors import CorruptStore, DiskFull, KnownError, StoreBusy
from tipdesk.core.messages import say

Connection = Any  # sqlcipher3 ships no type information

KEY_BYTES = 32
CACHE_KIB = 65536

# Binding ``None`` costs sqlcipher3 two failed attribute lookups (``__adapt__``, ``__conform__``)
# and the exceptions they raise, about 2.5 µs per NULL: a quarter of a record row's insert
# (measured). With an adapter registered for ``None`` the lookup ends at the adapter registry;
# ``{}.get`` returns None for any value without a Python frame, so NULL is still bound as NULL.
sqlcipher3.register_adapter(type(None), {}.get)


class StoreBug(Exception):
    """A database error that signals a bug (bad SQL, constraint we should have checked)."""


def _classify(exc: Exception) -> Exception:
    text = str(exc).lower()
    if "database or disk is full" in text or "disk full" in text:
        return DiskFull(
            say("The disk is full: the change was not saved and stored data is unchanged.")
        )
    if "locked" in text or "busy" in text:
        return StoreBusy(
            say("The store is busy in another TIPDesk window or command; try again in a moment.")
        )
    if "file is not a database" in text or "malformed" in text or "not a database" in text:
        return CorruptStore(
            say(
                "The database could not be read: it is damaged, or it does not belong to this key "
                "file."
            )
        )
    if "unable to open" in text or "readonly" in text or "disk i/o" in text:
        return KnownError(f"The database file could not be used: {exc}.")
    return StoreBug(f"{type(exc).__name__}: {exc}")


@contextmanager
def translated() -> Iterator[None]:
    """Re-raise driver and OS errors inside the block as the project's own error types."""
    try:
        yield
    except sqlcipher3.Error as exc:
        raise _classify(exc) from None
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFull(say("The disk is full: nothing was written.")) from None
        raise


def connect(path: Path, key: bytes, *, create: bool = False) -> Connection:
    """Open (or create) the encrypted database at ``path`` with the raw ``key``.

    Raises :class:`StoreNotFound`-like ``CorruptStore`` when the key does not fit the file.
    """
    if len(key) != KEY_BYTES:
        raise ValueError("database key must be 32 bytes")
    if not create and not path.exists():
        raise CorruptStore(
            say("The database file {name} is missing from the data folder.", name=path.name)
        )
    if not create and path.stat().st_size == 0:
        # SQLite would take an empty file for a new database and the caller would build an
        # empty store in its place.
        raise CorruptStore(say("The database file {name} is empty: it is damaged.", name=path.name))
    with translated():
        conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=True)
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
            # The first read is where a wrong key shows up ("file is not a database").
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA temp_store = MEMORY")
            conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            conn.execute("PRAGMA busy_timeout = 5000")
        except BaseException:
            conn.close()
            raise
    return conn


@contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """One write transaction (``BEGIN IMMEDIATE``): all or nothing, errors translated."""
    with translated():
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


def export_copy(conn: Connection, dest: Path, key: bytes) -> None:
    """Write a consistent encrypted copy of the open database to ``dest`` (same key)."""
    with translated():
        conn.execute("ATTACH DATABASE ? AS backup_copy KEY ?", (str(dest), f"x'{key.hex()}'"))
        try:
            conn.execute("SELECT sqlcipher_export('backup_copy')").fetchone()
            version = conn.execute("PRAGMA main.user_version").fetchone()[0]
            conn.execute(f"PRAGMA backup_copy.user_version = {int(version)}")
        finally:
            conn.execute("DETACH DATABASE backup_copy")


def rekey(conn: Connection, key: bytes) -> None:
    """Re-encrypt every page of the open database with ``key`` (SQLCipher ``PRAGMA rekey``),
    then fold the WAL into the main file.

    SQLCipher rewrites the pages in one write transaction: killed at any point, the database
    opens with exactly one of the two keys, whole (``tests/security/test_key_rotation.py``
    kills it in between). The connection must be the only one open on the file."""
    if len(key) != KEY_BYTES:
        raise ValueError("database key must be 32 bytes")
    with translated():
        conn.execute(f"PRAGMA rekey = \"x'{key.hex()}'\"")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()


ROWS_PER_STATEMENT = 100


def insert_rows(conn: Connection, head: str, rows: Sequence[Sequence[Any]], tail: str = "") -> None:
    """Run ``{head} VALUES (?, ...), (?, ...), ... {tail}`` for ``rows`` (all of one width),
    :data:`ROWS_PER_STATEMENT` rows per statement.

    Why: each execution of an INSERT opens its table's and indexes' cursors, a statement
    journal and its triggers' programs; with one row per execution that set-up cost about as
    much as the row itself on the record tables (measured: 100,000 rows of a bundle in 3.2 s
    one per statement, 1.6 s a hundred per statement). Triggers still fire for each row, in
    order, exactly as they would for one statement per row."""
    if not rows:
        return
    one = "(" + ", ".join("?" * len(rows[0])) + ")"
    full = len(rows) - len(rows) % ROWS_PER_STATEMENT
    if full:
        sql = f"{head} VALUES {', '.join([one] * ROWS_PER_STATEMENT)} {tail}"
        conn.executemany(
            sql,
            (
                list(chain.from_iterable(rows[i : i + ROWS_PER_STATEMENT]))
                for i in range(0, full, ROWS_PER_STATEMENT)
            ),
        )
    if full < len(rows):
        rest = rows[full:]
        conn.execute(f"{head} VALUES {', '.join([one] * len(rest))} {tail}", list(chain(*rest)))


def run_script(conn: Connection, script: str) -> None:
    """Run several SQL statements inside the caller's transaction.

    ``executescript`` would commit the open transaction first, which would make a migration
    step non-atomic; this splits the script into complete statements and runs them one by one.
    """
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlcipher3.complete_statement(pending):
            statement = pending.strip()
            if statement.strip(";").strip():
                conn.execute(statement)
            pending = ""
    if pending.strip():
        raise StoreBug("incomplete SQL statement at the end of a script")
