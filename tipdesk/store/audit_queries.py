"""Read-only queries behind the app's audit screen: newest-first pages with filters.

:func:`tipdesk.store.audit.entries` pages oldest first for the command line; a screen wants the
newest entries on top, filtered by action, user and date. Pages are keyset-paged on ``seq``
(``seq < before``), never with OFFSET, so the thousandth page costs what the first does.
Dates filter on the entry's UTC timestamp text (``at``), inclusive, as ``YYYY-MM-DD``.
"""

from __future__ import annotations

import json
from typing import Any

from tipdesk.store.audit import AuditEntry
from tipdesk.store.store import Store

_COLUMNS = "seq, at, user, device, action, kind, record_id, detail, prev_hash, hash"


def page(
    store: Store,
    *,
    before_seq: int | None = None,
    limit: int = 200,
    action: str | None = None,
    user: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> list[AuditEntry]:
    """Entries newest first, those with ``seq < before_seq`` when given, filtered."""
    where: list[str] = []
    params: list[Any] = []
    if before_seq is not None:
        where.append("seq < ?")
        params.append(before_seq)
    if action:
        where.append("action = ?")
        params.append(action)
    if user:
        where.append("user = ?")
        params.append(user)
    if date_from:
        where.append("at >= ?")
        params.append(date_from)
    if date_to:
        # Timestamps look like 2026-06-01T10:00:00.000Z: everything on that day sorts below
        # the day followed by "U" (after "T").
        where.append("at < ?")
        params.append(date_to + "U")
    sql = f"SELECT {_COLUMNS} FROM audit"  # noqa: S608 (fixed column list)
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY seq DESC LIMIT ?"
    params.append(int(limit))
    return [_entry(r) for r in store.query(sql, params)]


def _entry(row: tuple[Any, ...]) -> AuditEntry:
    return AuditEntry(
        seq=int(row[0]), at=row[1], user=row[2], device=row[3], action=row[4], kind=row[5],
        record_id=row[6], detail=json.loads(row[7]), prev_hash=row[8], hash=row[9],
    )  # fmt: skip


def actions(store: Store) -> list[str]:
    """Every action that appears in the log, sorted (for the screen's filter)."""
    return [str(r[0]) for r in store.query("SELECT DISTINCT action FROM audit ORDER BY action")]


def users(store: Store) -> list[str]:
    """Every user name that appears in the log, sorted."""
    return [str(r[0]) for r in store.query("SELECT DISTINCT user FROM audit ORDER BY user")]
