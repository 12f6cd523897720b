"""HQ's record lists on the PostgreSQL HQ database (issue 20, the analysts): the pages, counts
and rows :mod:`tipdesk.services.lists` gives, read from PostgreSQL.

Contract: the callers (:func:`tipdesk.services.lists.page` and its siblings) checked the
``view`` permission; the rows, order and keys are the SQLCipher HQ's for the same records
(:mod:`tipdesk.hqstore.lists`). Victims' identities are searched (through their keyed word
hashes, made with the HQ install's index key) only for users who may reveal them, and never
shown in a row. Read only; each call borrows a connection of the install's shared pool
(:func:`tipdesk.services.sync.hq_pg_records.shared_database`) and ends its transaction.
"""

from __future__ import annotations

from typing import Any

from tipdesk.core.permissions import Permission
from tipdesk.hqstore import lists as pg_lists
from tipdesk.services.session import Session
from tipdesk.services.sync.hq_pg_records import shared_database
from tipdesk.store.list_queries import Key, ListQuery, Page


def _terms(session: Session, query: ListQuery) -> list[str] | None:
    if query.kind != "victim" or not query.text.strip():
        return None
    if not session.can(Permission.REVEAL_IDENTITY):
        return None
    return session.store.vault.search_terms(query.text)


def page(session: Session, query: ListQuery, after: Key | None, limit: int) -> Page:
    """One page of a record list (see :func:`tipdesk.services.lists.page`)."""
    terms = _terms(session, query)
    with shared_database(session).connection() as conn:
        try:
            return pg_lists.page(conn, query, after=after, limit=limit, identity_terms=terms)
        finally:
            conn.rollback()


def count(session: Session, query: ListQuery, cap: int | None) -> int:
    """How many records the list holds, at most ``cap + 1``."""
    terms = _terms(session, query)
    with shared_database(session).connection() as conn:
        try:
            return pg_lists.count(conn, query, cap=cap, identity_terms=terms)
        finally:
            conn.rollback()


def row(session: Session, kind: str, record_id: str) -> tuple[Any, ...] | None:
    """The list row of one record, ``None`` when it no longer shows."""
    with shared_database(session).connection() as conn:
        try:
            return pg_lists.row(conn, kind, record_id)
        finally:
            conn.rollback()


def officer_guess(session: Session) -> str:
    """The investigating officer most often named on the cases the user entered ("" when
    none), as :func:`tipdesk.services.lists.officer_name` guesses it."""
    with shared_database(session).connection() as conn:
        try:
            found = conn.execute(
                "SELECT min(investigating_officer), count(*) FROM cases WHERE created_by = %s "
                "AND investigating_officer != '' AND deleted = 0 "
                "GROUP BY lower(investigating_officer) ORDER BY 2 DESC LIMIT 1",
                (session.user.name,),
            ).fetchone()
        finally:
            conn.rollback()
    return str(found[0]) if found else ""
