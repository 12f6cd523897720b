"""The diary's reads (the dashboard's Due panel, the Diary screen) over the PostgreSQL HQ
database (issue 20), with the very SQL of :mod:`tipdesk.store.diary_queries`.

Contract:
- :class:`PgDiaryStore` answers ``query(sql, params)`` as the SQLCipher store does, for the
  statements of :mod:`tipdesk.store.diary_queries` (and only those: the tests run each of them
  on both engines over the same records and compare). Record tables are PostgreSQL's; the
  two tables that are the install's own come from the install's store, as a ``WITH`` list
  in front of the statement: ``diary_marks`` (an HQ officer's "done" marks) and ``hearings``
  (a hearing never leaves its install, :data:`tipdesk.core.records.LOCAL_KINDS`: at HQ there
  are none, on either engine).
- The statement is rewritten only where SQLite and PostgreSQL spell the same thing
  differently: ``?`` placeholders, ``INDEXED BY`` hints (dropped), ``date(x, '+N days')``
  (ISO text of the date ``N`` days later) and the alias a counted sub-select needs. Values
  stay bound parameters.
- Read only, over the caller's connection and transaction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Protocol

from tipdesk.hqstore.dialect import POSTGRES
from tipdesk.hqstore.pool import Conn


class InstallRows(Protocol):
    """The install's own store (or a view that passes its own tables through)."""

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...


# The install's own tables: (name, columns, their PostgreSQL array types).
_OWN = {
    "diary_marks": (("rule", "record_id", "next_on"), ("text", "text", "text")),
    "hearings": (
        ("id", "case_id", "accused_id", "hearing_on", "done", "deleted", "court", "purpose"),
        ("text", "text", "text", "text", "bigint", "bigint", "text", "text"),
    ),
}
_HINT = re.compile(r"\s+INDEXED BY \w+")
_DAYS_LATER = re.compile(r"date\(([\w.]+), '\+(\d+) days'\)")
_COUNTED = re.compile(r"^(SELECT count\(\*\) FROM \(SELECT 1 .* LIMIT \d+)\)$", re.DOTALL)


def postgres_sql(sql: str) -> str:
    """``sql`` (a diary statement in SQLite's spelling) as PostgreSQL spells it."""
    sql = _HINT.sub("", sql)
    sql = _DAYS_LATER.sub(r"to_char(CAST(\1 AS date) + \2, 'YYYY-MM-DD')", sql)
    sql = _COUNTED.sub(r"\1) AS counted", sql)
    return POSTGRES.params(sql)


class PgDiaryStore:
    """The diary's store at an HQ keeping its records in PostgreSQL (see the module
    contract)."""

    def __init__(self, conn: Conn, install: InstallRows) -> None:
        self.conn = conn
        self.install = install

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """The rows ``sql`` gives over PostgreSQL's records and the install's own tables."""
        ctes: list[str] = []
        head: list[Any] = []
        for table, (columns, types) in _OWN.items():
            if not re.search(rf"\b{table}\b", sql):
                continue
            rows = self.install.query(f"SELECT {', '.join(columns)} FROM {table}")  # noqa: S608 (our names)
            arrays = ", ".join(f"%s::{t}[]" for t in types)
            ctes.append(f"{table}({', '.join(columns)}) AS (SELECT * FROM unnest({arrays}))")  # noqa: S608 (our names)
            head += [[r[i] for r in rows] for i in range(len(columns))]
        text = postgres_sql(sql)
        if ctes:
            text = f"WITH {', '.join(ctes)} {text}"
        found = self.conn.execute(text.encode(), (*head, *params)).fetchall()
        return [tuple(r) for r in found]
