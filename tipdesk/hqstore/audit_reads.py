"""HQ's audit screen over the PostgreSQL database's chain (issue 20): imports, record edits,
conflict resolutions, handovers and reveals are audited there, in one hash chain (see
:mod:`tipdesk.hqstore.batch`); sign-ins, users, keys and settings stay in the HQ install's own
store's chain.

Contract: the same pages, filters and check as :mod:`tipdesk.store.audit_queries` and
:func:`tipdesk.store.audit.verify` give for a store's chain: newest first, keyset-paged on
``seq``; the check names the first entry edited, deleted or reordered. PostgreSQL keeps no
separate head record: the table refuses UPDATE, DELETE and TRUNCATE (a trigger, and no role
holds the rights), so the chain's end is its last row. Read only: the caller's transaction is
left for it to end. A login without the right to read ``audit`` (the receiver, the importer,
analysts) gets PostgreSQL's refusal, translated as every refusal is
(:mod:`tipdesk.hqstore.errors`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tipdesk.hqstore.dialect import POSTGRES
from tipdesk.hqstore.pool import Conn
from tipdesk.store import audit_queries
from tipdesk.store.audit import AuditEntry, VerifyResult, verify_rows

_COLUMNS = "seq, at, user_name, device, action, kind, record_id, detail, prev_hash, hash"


def page(conn: Conn, filters: audit_queries.Filters) -> list[AuditEntry]:
    """Entries newest first, filtered (as :func:`tipdesk.store.audit_queries.page`)."""
    sql, params = audit_queries.page_query("user_name", filters)
    rows = conn.execute(POSTGRES.params(sql).encode(), tuple(params)).fetchall()
    return [audit_queries.entry_of(_text(r)) for r in rows]


def entries(
    conn: Conn,
    *,
    after_seq: int = 0,
    limit: int = 500,
    action: str | None = None,
    user: str | None = None,
) -> list[AuditEntry]:
    """Entries oldest first after ``after_seq``, filtered (as
    :func:`tipdesk.store.audit.entries`, the command line's listing)."""
    sql = f"SELECT {_COLUMNS} FROM audit WHERE seq > %s"  # noqa: S608 (fixed columns)
    params: list[Any] = [after_seq]
    if action:
        sql += " AND action = %s"
        params.append(action)
    if user:
        sql += " AND user_name = %s"
        params.append(user)
    sql += " ORDER BY seq LIMIT %s"
    params.append(int(limit))
    rows = conn.execute(sql.encode(), tuple(params)).fetchall()
    return [audit_queries.entry_of(_text(r)) for r in rows]


def actions(conn: Conn) -> list[str]:
    """Every action in the chain, sorted as the store sorts them (byte order)."""
    rows = conn.execute('SELECT action FROM audit GROUP BY action ORDER BY action COLLATE "C"')
    return [str(r[0]) for r in rows]


def users(conn: Conn) -> list[str]:
    """Every user name in the chain, sorted."""
    rows = conn.execute(
        'SELECT user_name FROM audit GROUP BY user_name ORDER BY user_name COLLATE "C"'
    )
    return [str(r[0]) for r in rows]


def verify(conn: Conn) -> VerifyResult:
    """Walk the whole chain (see the module contract)."""
    result, _last = verify_rows(_walk(conn))
    return result


def _walk(conn: Conn) -> Iterator[tuple[Any, ...]]:
    with conn.cursor(name="tipdesk_audit_walk") as cur:  # server-side: a page at a time
        cur.itersize = 5000
        cur.execute(f"SELECT {_COLUMNS} FROM audit ORDER BY seq")  # noqa: S608 (fixed columns)
        for row in cur:
            yield _text(row)


def _text(row: Any) -> tuple[Any, ...]:
    """A row with ``seq`` as an int and the rest as text, as the store's rows are."""
    return (int(str(row[0])), *(str(v) for v in row[1:]))
