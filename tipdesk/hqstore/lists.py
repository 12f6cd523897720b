"""The record lists on the PostgreSQL HQ database: keyset pages, counts and single rows, the
same rows in the same order as the SQLCipher store's :mod:`tipdesk.store.list_queries`.

Contract:
- Read only: every function only SELECTs on the caller's connection and leaves its
  transaction for the caller to end.
- The lists' columns, filters and sorts are the store's own (:data:`list_queries.SPECS`, the
  segments of a sort and the keys of a page): one definition for both engines, so a page's
  ``next_key`` means the same on either. What differs is spelled here: ``%s`` placeholders;
  ``NULLS FIRST`` going up and ``NULLS LAST`` going down (SQLite orders NULL lowest); text
  compared byte for byte (the schema's ``ctext`` columns are ``COLLATE "C"``, as SQLite's
  BINARY); a filter compared ignoring case (the officer's name) by ``lower()`` on both sides.
- Search: the words typed are matched through the search tables of
  :mod:`tipdesk.hqstore.search` (every word whole, the last one a word's start); a single
  letter typed last waits for the next key, as on SQLite. The victims list matches codes,
  and identities only through the keyed word hashes (``identity_terms``: given only for users
  who may reveal them). Known difference: SQLite reads a two-letter last word as a prefix only
  when it starts at most 48 indexed words (else as a whole word); PostgreSQL always as a
  prefix, so it may list more rows for two letters typed.
- One statement per page: the sort's segments are the branches of a ``UNION ALL`` read in
  order under one ``LIMIT`` (a round trip per segment cost more than the reading).
- ``matched`` (what the search matched in each row) comes from
  :func:`tipdesk.store.list_matches.matches` over this connection: a victim's identity is
  never read.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import psycopg

from tipdesk.hqstore import name_recorded
from tipdesk.hqstore.dialect import POSTGRES, identifier
from tipdesk.hqstore.search import _match, query_words, rarest_first
from tipdesk.store import keyset
from tipdesk.store import list_queries as lq
from tipdesk.store.identity import terms_query
from tipdesk.store.list_matches import matches

Conn = psycopg.Connection[tuple[object, ...]]
Key = lq.Key
ListQuery = lq.ListQuery
Page = lq.Page


class _Reads:
    """The one method :func:`matches` reads through (``Store.query``), on PostgreSQL."""

    def __init__(self, conn: Conn) -> None:
        self._conn = conn

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        rows = self._conn.execute(POSTGRES.params(sql).encode(), tuple(params)).fetchall()
        return [tuple(r) for r in rows]


def _search(
    spec: Any, q: ListQuery, identity_terms: list[str] | None, conn: Conn
) -> tuple[str, list[Any]] | None:
    """The search condition on ``t`` for what was typed, or ``None`` when it does not narrow
    the list (no words, or one letter)."""
    words = query_words(q.text)
    if words and len(words[-1]) < 2:
        words = words[:-1]  # a single letter typed last is the start of a word: wait
    either: list[str] = []
    params: list[Any] = []
    if words:
        m = _match(words)
        # The search's meaning, with what the GIN indexes are asked in front when it differs.
        cond, args = (
            (m.cond, list(m.params))
            if m.indexed == m.cond
            else (f"{m.indexed} AND {m.cond}", [*m.indexed_params, *m.params])
        )
        search = identifier(spec.table) + "_search"
        either.append(f"t.rowid IN (SELECT s.rowid FROM {search} AS s WHERE {cond})")  # noqa: S608
        params += args
    if q.kind == "victim" and identity_terms and _reads_terms(conn):
        ordered = rarest_first(conn, identity_terms)
        either.append(f"t.id IN ({POSTGRES.params(terms_query(len(ordered)))})")
        params += ordered
    if not either:
        return None
    return "(" + " OR ".join(either) + ")", params


def _reads_terms(conn: Conn) -> bool:
    """Whether the connection's role may read the identity word hashes (the analysts' roles
    may not: a search by identity needs a role that may)."""
    row = conn.execute("SELECT has_table_privilege('public.victim_terms', 'SELECT')").fetchone()
    return bool(row and row[0])


def _base(
    conn: Conn, q: ListQuery, identity_terms: list[str] | None
) -> tuple[list[str], list[Any]]:
    """WHERE terms and parameters of the query's filters and search."""
    spec = lq._spec(q.kind)
    where = ["t.deleted = 0"]
    params: list[Any] = []
    for col, value in q.filters:
        if col not in spec.filters:
            raise ValueError(f"cannot filter {q.kind} by {col}")
        column = identifier(col)
        where.append(f"lower(t.{column}) = lower(%s)" if col in spec.nocase else f"t.{column} = %s")
        params.append(value)
    if q.date_from:
        where.append(f"t.{spec.date} >= %s")
        params.append(q.date_from)
    if q.date_to:
        where.append(f"t.{spec.date} <= %s")
        params.append(q.date_to)
    if q.outcome:
        if q.kind != "case":
            raise ValueError("only cases filter by the outcome of their accused")
        where.append(
            "EXISTS (SELECT 1 FROM accused a WHERE a.case_id = t.id AND a.deleted = 0 "
            "AND a.outcome = %s)"
        )
        params.append(q.outcome)
    if q.text.strip():
        found = _search(spec, q, identity_terms if q.kind == "victim" else None, conn)
        if found is not None:
            where.append(found[0])
            params += found[1]
    return where, params


def reads_identities(conn: Conn) -> bool:
    """Whether the connection's role may read victims' identifying columns (an analyst's
    roles may not: :mod:`tipdesk.hqstore.roles`)."""
    row = conn.execute("SELECT has_column_privilege('public.victims', 'name', 'SELECT')").fetchone()
    return bool(row and row[0])


_NAME_RECORDED = "t.name != ''"


def _select(kind: str, conn: Conn) -> str:
    """The list's columns; for a role that may not read victims' names, "name recorded"
    is read through ``tipdesk_name_recorded`` (:mod:`tipdesk.hqstore.name_recorded`): the
    same answer, without the name."""
    spec = lq._spec(kind)
    sql = [c.sql for c in spec.columns]
    if kind == "victim" and not reads_identities(conn):
        sql = [name_recorded.COLUMN_SQL if s == _NAME_RECORDED else s for s in sql]
    return ", ".join(["t.id", *sql])


def page(
    conn: Conn,
    q: ListQuery,
    *,
    after: Key | None = None,
    limit: int = 100,
    identity_terms: list[str] | None = None,
) -> Page:
    """One page of ``q``'s rows after ``after`` (a previous page's ``next_key``), as
    :func:`tipdesk.store.list_queries.page` (see the module contract)."""
    spec = lq._spec(q.kind)
    segments = lq._segments(spec, q)
    where, params = _base(conn, q, identity_terms)
    direction, nulls = ("DESC", "NULLS LAST") if q.descending else ("ASC", "NULLS FIRST")
    table = identifier(spec.table)
    select = _select(q.kind, conn)
    width = 1 + len(spec.columns)
    want = limit + 1  # one more than asked tells whether another page follows
    start = 0 if after is None else int(after[0])
    branches: list[str] = []
    args: list[Any] = []
    for index in range(start, len(segments)):
        seg = segments[index]
        terms = [*where]
        args += params
        if seg.where:
            terms.append(POSTGRES.params(seg.where))
            args += seg.params
        order_sql = [f"t.{identifier(c)}" for c in seg.order]
        if after is not None and index == start:
            where_after, after_args = keyset.after(
                order_sql, list(after[1:]), q.descending, mark="%s", false="false"
            )
            terms.append(where_after)
            args += after_args
        # Each segment is one branch, read in its index order; the branches are read one
        # after the other and the outer LIMIT stops reading once the page is full.
        branches.append(
            f"(SELECT {select}, {index} AS seg, jsonb_build_array({', '.join(order_sql)}) "  # noqa: S608
            f"FROM {table} AS t WHERE {' AND '.join(terms)} "
            f"ORDER BY {', '.join(f'{c} {direction} {nulls}' for c in order_sql)} "
            f"LIMIT {int(want)})"
        )
    # Append reads its branches in order unless a parallel plan splits it: not here.
    conn.execute("SET LOCAL enable_parallel_append = off")
    sql = f"SELECT * FROM ({' UNION ALL '.join(branches)}) AS p LIMIT {int(want)}"  # noqa: S608
    found = conn.execute(sql.encode(), tuple(args)).fetchall() if branches else []
    rows = [_plain(r[:width]) for r in found]
    keys: list[Key] = [(int(str(r[width])), *_key(r[width + 1])) for r in found]
    more = len(rows) > limit
    rows = rows[:limit]
    ids = [str(r[0]) for r in rows]
    matched = matches(_Reads(conn), q.kind, ids, q.text) if q.text else {}
    return Page(rows, keys[limit - 1] if more else None, matched)


def count(
    conn: Conn, q: ListQuery, *, cap: int | None = None, identity_terms: list[str] | None = None
) -> int:
    """How many rows ``q`` lists, counting at most ``cap + 1`` (as
    :func:`tipdesk.store.list_queries.count`)."""
    spec = lq._spec(q.kind)
    where, params = _base(conn, q, identity_terms)
    inner = f"SELECT 1 FROM {identifier(spec.table)} AS t WHERE {' AND '.join(where)}"  # noqa: S608
    if cap is not None:
        inner += f" LIMIT {int(cap) + 1}"
    row = conn.execute(
        f"SELECT count(*) FROM ({inner}) AS n".encode(),  # noqa: S608
        tuple(params),
    ).fetchone()
    return int(str(row[0])) if row else 0


def row(conn: Conn, kind: str, record_id: str) -> tuple[Any, ...] | None:
    """The list row of one record (``None`` if it is absent or deleted)."""
    spec = lq._spec(kind)
    found = conn.execute(
        f"SELECT {_select(kind, conn)} FROM {identifier(spec.table)} AS t "  # noqa: S608
        "WHERE t.id = %s AND t.deleted = 0".encode(),
        (record_id,),
    ).fetchone()
    return _plain(found) if found else None


def _key(values: Any) -> list[Any]:
    """A row's sort values from their JSON array (numbers, text or null, as stored)."""
    return list(values) if isinstance(values, list) else list(json.loads(str(values)))


def _plain(row: Sequence[Any]) -> tuple[Any, ...]:
    """A row as SQLite gives it: a comparison's value is 1 or 0 (PostgreSQL's is boolean)."""
    return tuple(int(v) if type(v) is bool else v for v in row)
