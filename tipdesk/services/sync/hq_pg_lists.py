"""HQ's record lists on the PostgreSQL HQ database (issue 20, the analysts): the pages, counts
and rows :mod:`tipdesk.services.lists` gives, read from PostgreSQL.

Contract: the callers (:func:`tipdesk.services.lists.page` and its siblings) checked the
``view`` permission; the rows, order and keys are the SQLCipher HQ's for the same records
(:mod:`tipdesk.hqstore.lists`). Victims' identities are searched (through their keyed word
hashes, made with the HQ install's index key) only for users who may reveal them, and never
shown in a row. Read only; each call borrows a connection of ``db`` and ends its transaction;
``db`` is closed at the end.
"""

from __future__ import annotations

from typing import Any

from tipdesk.core.permissions import Permission
from tipdesk.hqstore import lists as pg_lists
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.services.session import Session
from tipdesk.store.list_queries import Key, ListQuery, Page


def _terms(session: Session, query: ListQuery) -> list[str] | None:
    if query.kind != "victim" or not query.text.strip():
        return None
    if not session.can(Permission.REVEAL_IDENTITY):
        return None
    return session.store.vault.search_terms(query.text)


def page(session: Session, db: HqDatabase, query: ListQuery, after: Key | None, limit: int) -> Page:
    """One page of a record list (see :func:`tipdesk.services.lists.page`)."""
    terms = _terms(session, query)
    with db, db.connection() as conn:
        try:
            return pg_lists.page(conn, query, after=after, limit=limit, identity_terms=terms)
        finally:
            conn.rollback()


def count(session: Session, db: HqDatabase, query: ListQuery, cap: int | None) -> int:
    """How many records the list holds, at most ``cap + 1``."""
    terms = _terms(session, query)
    with db, db.connection() as conn:
        try:
            return pg_lists.count(conn, query, cap=cap, identity_terms=terms)
        finally:
            conn.rollback()


def row(db: HqDatabase, kind: str, record_id: str) -> tuple[Any, ...] | None:
    """The list row of one record, ``None`` when it no longer shows."""
    with db, db.connection() as conn:
        try:
            return pg_lists.row(conn, kind, record_id)
        finally:
            conn.rollback()


def officer_guess(db: HqDatabase, user: str) -> str:
    """The investigating officer most often named on the cases ``user`` entered ("" when
    none), as :func:`tipdesk.services.lists.officer_name` guesses it."""
    with db, db.connection() as conn:
        try:
            found = conn.execute(
                "SELECT min(investigating_officer), count(*) FROM cases WHERE created_by = %s "
                "AND investigating_officer != '' AND deleted = 0 "
                "GROUP BY lower(investigating_officer) ORDER BY 2 DESC LIMIT 1",
                (user,),
            ).fetchone()
        finally:
            conn.rollback()
    return str(found[0]) if found else ""
