"""Bulk writes on PostgreSQL (tipdesk.hqstore.bulk): a statement run through a staging table
leaves exactly what psycopg's row-by-row executemany leaves. Synthetic data only."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import psycopg
import pytest

from tipdesk.hqstore import bulk

Conn = psycopg.Connection[tuple[object, ...]]


@pytest.fixture
def conn(pg_url: str) -> Iterator[Conn]:
    with psycopg.connect(pg_url) as c:
        for table in ("fast", "slow"):
            c.execute(
                f"CREATE TABLE {table} (k text, j text, v text, n integer NOT NULL DEFAULT 0, "
                "PRIMARY KEY (k, j))".encode()
            )
            c.execute(
                f"INSERT INTO {table} (k, j, v, n) VALUES ('k1', 'a', 'old', 5), "  # noqa: S608
                "('k2', 'a', 'old', 7), ('k3', 'b', 'kept', 1)".encode()
            )
        c.commit()
        yield c


def _rows(conn: Conn, table: str) -> list[tuple[Any, ...]]:
    return conn.execute(f"SELECT k, j, v, n FROM {table} ORDER BY k, j".encode()).fetchall()  # noqa: S608


def _both(conn: Conn, sql: str, rows: list[tuple[Any, ...]]) -> None:
    """``sql`` through bulk.executemany on table fast and row by row on table slow; the
    two tables must end the same."""
    with conn.transaction():
        bulk.executemany(conn, sql.format(table="fast"), rows)
        with conn.cursor() as cur:
            cur.executemany(sql.format(table="slow").encode(), rows)
    assert _rows(conn, "fast") == _rows(conn, "slow")


# Many rows (past bulk.SMALL), each key several times with different values.
MANY = [(f"k{i % 50}", "a", f"v{i}") for i in range(bulk.SMALL * 5)]


def test_an_upsert_taking_the_incoming_values_keeps_each_keys_last_row(conn: Conn) -> None:
    _both(
        conn,
        "INSERT INTO {table} (k, j, v) VALUES (%s, %s, %s) ON CONFLICT (k, j) DO UPDATE "
        "SET v = excluded.v",
        MANY,
    )
    assert ("k1", "a", "v151", 5) in _rows(conn, "fast")
    assert len(_rows(conn, "fast")) == 51


def test_insert_or_ignore_keeps_the_first_row_of_a_key(conn: Conn) -> None:
    _both(conn, "INSERT INTO {table} (k, j, v) VALUES (%s, %s, %s) ON CONFLICT DO NOTHING", MANY)
    rows = _rows(conn, "fast")
    assert ("k1", "a", "old", 5) in rows and ("k4", "a", "v4", 0) in rows


def test_delete_by_column_removes_every_match(conn: Conn) -> None:
    ids = [(f"k{i}",) for i in range(bulk.SMALL * 2)]
    _both(conn, "DELETE FROM {table} WHERE k = %s", ids)
    assert _rows(conn, "fast") == []


def test_an_upsert_reading_the_stored_row_runs_row_by_row(conn: Conn) -> None:
    # Counting: each row of a key adds one, which one statement over deduplicated rows
    # would not do; the staging path must not be taken.
    _both(
        conn,
        "INSERT INTO {table} (k, j, v) VALUES (%s, %s, %s) ON CONFLICT (k, j) DO UPDATE "
        "SET n = {table}.n + 1",
        MANY,
    )
    assert ("k1", "a", "old", 5 + 4) in _rows(conn, "fast")


def test_a_stage_is_reused_within_a_transaction_and_empty_after_commit(conn: Conn) -> None:
    sql = "INSERT INTO {table} (k, j, v) VALUES (%s, %s, %s) ON CONFLICT DO NOTHING"
    with conn.transaction():
        bulk.executemany(conn, sql.format(table="fast"), MANY[:40])
        bulk.executemany(conn, sql.format(table="fast"), MANY[100:140])
        with conn.cursor() as cur:
            cur.executemany(sql.format(table="slow").encode(), MANY[:40] + MANY[100:140])
    assert _rows(conn, "fast") == _rows(conn, "slow")
    stage = bulk.stage_name("fast", ["k", "j", "v"])
    assert conn.execute(f"SELECT count(*) FROM {stage}".encode()).fetchone() == (0,)  # noqa: S608


def test_copy_writes_booleans_as_integers(conn: Conn) -> None:
    with conn.transaction():
        bulk.copy_rows(conn, "fast", ["k", "j", "n"], [("b1", "x", True), ("b2", "x", False)])
    rows = conn.execute("SELECT k, n FROM fast WHERE j = 'x' ORDER BY k").fetchall()
    assert rows == [("b1", 1), ("b2", 0)]
