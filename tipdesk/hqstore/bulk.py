"""Bulk writes on PostgreSQL for a bundle import: COPY, and COPY into a staging table.

Contract:
- :func:`copy_rows` writes rows with one ``COPY ... FROM STDIN`` (text format); a Python
  ``bool`` is written as ``1``/``0`` (the schema keeps booleans as integers, as the SQLCipher
  store does), so callers need not convert each row.
- :func:`staged` fills a session-private staging table shaped like some columns of a real
  table (``CREATE TEMP TABLE IF NOT EXISTS ... ON COMMIT DELETE ROWS``, created once per
  connection, emptied before each use and at every commit), so that one set-based statement
  (``INSERT ... SELECT ... ON CONFLICT``, ``UPDATE ... FROM``, ``DELETE ... USING``) replaces a
  statement per row. A temporary table is private to its session: creating it takes no lock
  another session waits on (the issue's "no DDL inside an import" is about shared tables).
- :func:`executemany` runs one parametrised statement over many rows with the same result as
  psycopg's ``executemany``: the statement shapes the identity vault writes with
  (``INSERT ... VALUES ... ON CONFLICT DO NOTHING``, an upsert whose updates all take the
  incoming values, ``DELETE ... WHERE column = %s``) go through a staging table; any other
  statement, or a handful of rows, through ``executemany`` itself.

Why: per-row statements cost a round trip's worth of Python and server work each (psycopg's
pipelined ``executemany`` spent 0.6 s on 47,000 vault rows of a 40,000-record import), and
arrays bound as parameters are encoded element by element in Python (0.5 s for the version
vectors and record claims of the same import); COPY streams the same rows for a fraction.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from typing import Any

import psycopg
from psycopg.adapt import Dumper

from tipdesk.hqstore.dialect import identifier

Conn = psycopg.Connection[tuple[object, ...]]
Cursor = psycopg.Cursor[tuple[object, ...]]

SMALL = 32
"""Up to this many rows, :func:`executemany` sends the statement per row: a staging table's
two extra statements would cost more than they save."""


class _BoolAsInt(Dumper):
    """``True``/``False`` as the integers ``1``/``0`` in COPY's text rows."""

    def dump(self, obj: Any) -> bytes:
        return b"1" if obj else b"0"


def _with_int_bools(cur: Cursor) -> Cursor:
    cur.adapters.register_dumper(bool, _BoolAsInt)
    return cur


def copy_rows(
    conn: Conn, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    """``COPY table (columns) FROM STDIN`` with ``rows`` (see the module contract)."""
    cols = ", ".join(identifier(c) for c in columns)
    with (
        _with_int_bools(conn.cursor()) as cur,
        cur.copy(f"COPY {identifier(table)} ({cols}) FROM STDIN".encode()) as copy,
    ):
        for row in rows:
            copy.write_row(row)


def stage_name(table: str, columns: Sequence[str]) -> str:
    """The staging table of ``columns`` of ``table`` (one per shape, per session)."""
    shape = hashlib.sha256(",".join(columns).encode()).hexdigest()[:10]
    return f"stage_{table}_{shape}"


def staged(conn: Conn, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """Fill the staging table of ``columns`` of ``table`` with ``rows`` (and nothing else);
    returns its name, for the caller's set-based statement. Inside a transaction."""
    name = stage_name(table, columns)
    cols = ", ".join(identifier(c) for c in columns)
    conn.execute(
        f"CREATE TEMP TABLE IF NOT EXISTS {identifier(name)} ON COMMIT DELETE ROWS AS "  # noqa: S608
        f"SELECT {cols} FROM {identifier(table)} WITH NO DATA".encode()
    )
    conn.execute(f"DELETE FROM {identifier(name)}".encode())  # noqa: S608  (empty unless reused)
    copy_rows(conn, name, columns, rows)
    return name


_WORD = r"[A-Za-z_][A-Za-z0-9_]*"
_INSERT = re.compile(
    rf"^INSERT INTO ({_WORD})\s*\(([^)]*)\)\s*VALUES\s*\((?:\s*%s\s*,)*\s*%s\s*\)\s*(.*)$",
    re.DOTALL,
)
_NOTHING = re.compile(r"^ON CONFLICT(?:\s*\([^)]*\))?\s+DO NOTHING$")
_UPSERT = re.compile(r"^ON CONFLICT\s*\(([^)]*)\)\s*DO UPDATE SET\s+(.*)$", re.DOTALL)
_SET = re.compile(rf"^({_WORD})\s*=\s*excluded\.({_WORD})$")
_DELETE = re.compile("^DELETE " + rf"FROM ({_WORD}) WHERE ({_WORD}) = %s$")


def _names(text: str) -> list[str] | None:
    names = [n.strip() for n in text.split(",")]
    return names if all(re.fullmatch(_WORD, n) for n in names) else None


def _takes_incoming(sets: str) -> bool:
    """Every ``SET`` of an upsert is ``column = excluded.column`` (so, run row by row, the
    last row of a key wins: what one statement over the deduplicated rows gives)."""
    for part in sets.split(","):
        m = _SET.match(part.strip())
        if m is None or m.group(1) != m.group(2):
            return False
    return True


def executemany(conn: Conn, sql: str, rows: Sequence[Sequence[Any]]) -> None:
    """Run ``sql`` (psycopg placeholders) once per row, in order, or its set-based
    equivalent (module contract)."""
    if not rows:
        return
    if len(rows) > SMALL and _bulk(conn, sql.strip(), rows):
        return
    with conn.cursor() as cur:
        cur.executemany(sql.encode(), rows)


def _bulk(conn: Conn, sql: str, rows: Sequence[Sequence[Any]]) -> bool:
    deleted = _DELETE.match(sql)
    if deleted:
        table, column = deleted.groups()
        stage = staged(conn, table, [column], rows)
        conn.execute(
            f"DELETE FROM {identifier(table)} AS t USING {identifier(stage)} AS s "  # noqa: S608
            f"WHERE t.{identifier(column)} = s.{identifier(column)}".encode()
        )
        return True
    inserted = _INSERT.match(sql)
    if inserted is None:
        return False
    table, cols_text, tail = inserted.groups()
    columns = _names(cols_text)
    if columns is None or any(len(r) != len(columns) for r in rows):
        return False
    if not _NOTHING.match(tail):
        upsert = _UPSERT.match(tail)
        keys = _names(upsert.group(1)) if upsert else None
        if upsert is None or keys is None or not set(keys) <= set(columns):
            return False
        if not _takes_incoming(upsert.group(2)):
            return False
        # One INSERT may not update a row twice: keep each key's last row, as running the
        # statement row by row would leave it.
        at = [columns.index(k) for k in keys]
        rows = list({tuple(r[i] for i in at): r for r in rows}.values())
    stage = staged(conn, table, columns, rows)
    cols = ", ".join(identifier(c) for c in columns)
    conn.execute(
        f"INSERT INTO {identifier(table)} ({cols}) SELECT {cols} "  # noqa: S608
        f"FROM {identifier(stage)} {tail}".encode()
    )
    return True
