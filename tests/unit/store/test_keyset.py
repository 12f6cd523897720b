"""The shared keyset condition (tipdesk.store.keyset): on SQLite, the rows it selects after
any key are exactly the rows that follow that key in the index's order, NULLs included, both
directions; the PostgreSQL spelling differs only in its placeholder and false literal."""

from __future__ import annotations

import itertools
import sqlite3
from typing import Any

import pytest

from tipdesk.store import keyset

_VALUES: list[Any] = [None, "a", "b"]


def _rows() -> list[tuple[int, Any, Any]]:
    # Every combination of a later column's NULL or value, under two leading values.
    combos = itertools.product([1, 2], _VALUES, _VALUES)
    return [(lead, b, c) for lead, b, c in combos]


def _sort_key(row: tuple[int, Any, Any], descending: bool) -> tuple[Any, ...]:
    # SQLite's order: NULL first going up (so last going down).
    return tuple((v is not None, v if v is not None else "") for v in row)


@pytest.mark.parametrize("descending", [False, True])
def test_the_rows_after_each_key_are_those_that_follow_it_in_order(descending: bool) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (a INTEGER NOT NULL, b TEXT, c TEXT)")
    rows = _rows()
    conn.executemany("INSERT INTO t VALUES (?, ?, ?)", rows)
    ordered = sorted(rows, key=lambda r: _sort_key(r, descending), reverse=descending)
    for index, key in enumerate(ordered):
        sql, args = keyset.after(["a", "b", "c"], list(key), descending)
        got = conn.execute(f"SELECT a, b, c FROM t WHERE {sql}", args).fetchall()  # noqa: S608
        assert sorted(got, key=lambda r: _sort_key(r, descending)) == sorted(
            ordered[index + 1 :], key=lambda r: _sort_key(r, descending)
        ), (key, sql)


def test_the_postgresql_spelling_differs_only_in_marks_and_false() -> None:
    key: list[Any] = [3, None, "x"]
    lite, lite_args = keyset.after(["a", "b", "c"], key, True)
    pg, pg_args = keyset.after(["a", "b", "c"], key, True, mark="%s", false="false")
    assert pg_args == lite_args
    assert pg == lite.replace("?", "%s").replace(" 0 ", " false ").replace("(0 ", "(false ")
    assert "false" in pg and "?" not in pg
