"""The record lists the app shows: pages, counts and single rows, with permissions applied.

Contract:
- Every function needs the ``view`` permission and runs on the store's thread (the GUI calls
  them through its runner); none writes anything.
- Victims' identifying details never leave the store through a list: rows only say whether a
  name is recorded. Searching a victim's identity (name, CNIC, phone) is done only for users
  who may reveal it, as in :func:`tipdesk.services.records.search`.
- Paging is keyset-based (:mod:`tipdesk.store.list_queries`): pass a page's ``next_key`` as
  ``after`` to get the next one; counts are separate because they cost a scan.
"""

from __future__ import annotations

from typing import Any

from tipdesk.core.permissions import Permission
from tipdesk.services.session import Session
from tipdesk.store import list_queries
from tipdesk.store.list_queries import Column, Key, ListQuery, Page

PAGE_SIZE = 100


def page(
    session: Session, query: ListQuery, after: Key | None = None, limit: int = PAGE_SIZE
) -> Page:
    """One page of a record list (see :class:`ListQuery`)."""
    session.require(Permission.VIEW)
    return list_queries.page(
        session.store,
        query,
        after=after,
        limit=limit,
        include_identity=session.can(Permission.REVEAL_IDENTITY),
    )


def count(session: Session, query: ListQuery, cap: int | None = None) -> int:
    """How many records the list holds, counting at most ``cap + 1``; uncapped it is a scan
    of the table at worst (seconds at 1,000,000 rows), so never call it where a person waits."""
    session.require(Permission.VIEW)
    return list_queries.count(
        session.store,
        query,
        include_identity=session.can(Permission.REVEAL_IDENTITY),
        cap=cap,
    )


def row(session: Session, kind: str, record_id: str) -> tuple[Any, ...] | None:
    """The list row of one record, or ``None`` when it no longer shows (deleted)."""
    session.require(Permission.VIEW)
    return list_queries.row(session.store, kind, record_id)


def offices(session: Session) -> list[tuple[str, str, str]]:
    """(code, name, district) of the offices cases of this install may name."""
    session.require(Permission.VIEW)
    return list_queries.offices(session.store)


def columns(kind: str) -> tuple[Column, ...]:
    return list_queries.columns(kind)


def sorts(kind: str) -> list[str]:
    return list_queries.sorts(kind)


__all__ = ["PAGE_SIZE", "Column", "Key", "ListQuery", "Page", "columns", "count", "page", "row"]
