"""The record lists the app shows: pages, counts and single rows, with permissions applied.

Contract:
- Every function needs the ``view`` permission and runs on the store's thread (the GUI calls
  them through its runner); none writes anything.
- Victims' identifying details never leave the store through a list: rows only say whether a
  name is recorded. Searching a victim's identity (name, CNIC, phone) is done only for users
  who may reveal it, as in :func:`tipdesk.services.records.search`.
- Paging is keyset-based (:mod:`tipdesk.store.list_queries`): pass a page's ``next_key`` as
  ``after`` to get the next one; counts are separate because they cost a scan.
- "My cases" are the cases whose investigating officer is the signed-in user. A case names its
  officer as text ("SI Zubair Sial"), not by user name, so each user says once how they are
  written there (:func:`set_officer_name`, a setting of this install, audited by key); until
  then :func:`officer_name` offers the officer most often named on the cases the user
  entered. The filter compares names ignoring case.
- At an HQ keeping its records in PostgreSQL (issue 20), pages, counts, rows and the officer
  guess are read there (:mod:`tipdesk.services.sync.hq_pg_lists`): the same rows in the same
  order. Offices and settings stay in the install's store.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tipdesk.core.errors import InvalidInput
from tipdesk.core.messages import say
from tipdesk.core.permissions import Permission
from tipdesk.services import pg_route
from tipdesk.services.session import Session
from tipdesk.store import list_queries
from tipdesk.store.list_queries import Column, Key, ListQuery, Page

PAGE_SIZE = 100


def page(
    session: Session, query: ListQuery, after: Key | None = None, limit: int = PAGE_SIZE
) -> Page:
    """One page of a record list (see :class:`ListQuery`)."""
    session.require(Permission.VIEW)
    if pg_route.routed(session):
        from tipdesk.services.sync import hq_pg_lists  # the PostgreSQL driver, only when used

        return hq_pg_lists.page(session, query, after, limit)
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
    if pg_route.routed(session):
        from tipdesk.services.sync import hq_pg_lists

        return hq_pg_lists.count(session, query, cap)
    return list_queries.count(
        session.store,
        query,
        include_identity=session.can(Permission.REVEAL_IDENTITY),
        cap=cap,
    )


def row(session: Session, kind: str, record_id: str) -> tuple[Any, ...] | None:
    """The list row of one record, or ``None`` when it no longer shows (deleted)."""
    session.require(Permission.VIEW)
    if pg_route.routed(session):
        from tipdesk.services.sync import hq_pg_lists

        return hq_pg_lists.row(session, kind, record_id)
    return list_queries.row(session.store, kind, record_id)


def offices(session: Session) -> list[tuple[str, str, str]]:
    """(code, name, district) of the offices cases of this install may name."""
    session.require(Permission.VIEW)
    return list_queries.offices(session.store)


def _officer_key(session: Session) -> str:
    return f"officer_name.{session.user.name}"


@dataclass(frozen=True, slots=True)
class OfficerName:
    """How the signed-in user is written as a case's investigating officer: ``name`` as they
    said (``known``), or a guess from the cases they entered ("" when there is none)."""

    name: str
    known: bool


def officer_name(session: Session) -> OfficerName:
    """The user's name as investigating officer (see the module contract)."""
    session.require(Permission.VIEW)
    stored = session.store.setting(_officer_key(session))
    if stored:
        return OfficerName(stored, True)
    if pg_route.routed(session):
        from tipdesk.services.sync import hq_pg_lists

        return OfficerName(hq_pg_lists.officer_guess(session), False)
    rows = session.store.query(
        "SELECT investigating_officer, count(*) FROM cases WHERE created_by = ? "
        "AND investigating_officer != '' AND deleted = 0 GROUP BY investigating_officer "
        "COLLATE NOCASE ORDER BY 2 DESC LIMIT 1",
        (session.user.name,),
    )
    return OfficerName(str(rows[0][0]) if rows else "", False)


def set_officer_name(session: Session, name: str) -> OfficerName:
    """Remember how the signed-in user is written as investigating officer."""
    session.require(Permission.VIEW)
    name = " ".join(name.split())
    if not name:
        raise InvalidInput(say("Write your name as it appears in “Investigating officer”."))
    session.store.set_settings({_officer_key(session): name}, session.actor())
    return OfficerName(name, True)


def columns(kind: str) -> tuple[Column, ...]:
    return list_queries.columns(kind)


def sorts(kind: str) -> list[str]:
    return list_queries.sorts(kind)


def sort_of(kind: str, column: str) -> str:
    """The sort that orders ``kind``'s list by ``column`` ("" when the store has none)."""
    return list_queries.sort_of(kind, column)


__all__ = [
    "PAGE_SIZE",
    "Column",
    "Key",
    "ListQuery",
    "OfficerName",
    "Page",
    "columns",
    "count",
    "officer_name",
    "page",
    "row",
    "set_officer_name",
    "sort_of",
]
