"""Read-only queries behind the app's audit screen: newest-first pages with filters.

:func:`tipdesk.store.audit.entries` pages oldest first for the command line; a screen wants the
newest entries on top, filtered by action, user and date. Pages are keyset-paged on ``seq``
(``seq < before``), never with OFFSET, so the thousandth page costs what the first does.
Dates filter on the entry's UTC timestamp text (``at``), inclusive, as ``YYYY-MM-DD``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tipdesk.store.audit import AuditEntry
from tipdesk.store.store import Store

_COLUMNS = "seq, at, user, device, action, kind, record_id, detail, prev_hash, hash"


@dataclass(frozen=True)
class Filters:
    """What a page of the audit screen asks for: entries with ``seq < before_seq`` when
    given, of one action and one user when given, between two dates (``YYYY-MM-DD``,
    inclusive), at most ``limit``."""

    before_seq: int | None = None
    limit: int = 200
    action: str | None = None
    user: str | None = None
    date_from: str | None = None
    date_to: str | None = None


def page(store: Store, filters: Filters) -> list[AuditEntry]:
    """Entries newest first, filtered (see :class:`Filters`)."""
    sql, params = page_query("user", filters)
    return [entry_of(r) for r in store.query(sql, params)]


def page_query(user_column: str, f: Filters) -> tuple[str, list[Any]]:
    """The SQL (``?`` placeholders) and parameters of :func:`page`, for an audit table whose
    user column is ``user_column`` (``user`` here; ``user_name`` in HQ's PostgreSQL
    database, where ``user`` is a reserved word)."""
    where: list[str] = []
    params: list[Any] = []
    if f.before_seq is not None:
        where.append("seq < ?")
        params.append(f.before_seq)
    if f.action:
        where.append("action = ?")
        params.append(f.action)
    if f.user:
        where.append(f"{user_column} = ?")
        params.append(f.user)
    if f.date_from:
        where.append("at >= ?")
        params.append(f.date_from)
    if f.date_to:
        # Timestamps look like 2026-06-01T10:00:00.000Z: everything on that day sorts below
        # the day followed by "U" (after "T").
        where.append("at < ?")
        params.append(f.date_to + "U")
    columns = _COLUMNS.replace("user,", f"{user_column},")
    sql = f"SELECT {columns} FROM audit"  # noqa: S608 (fixed column list)
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY seq DESC LIMIT ?"
    params.append(int(f.limit))
    return sql, params


def entry_of(row: Sequence[Any]) -> AuditEntry:
    """An entry from a row of :func:`page_query`'s columns."""
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
