"""HQ's audit screen and ``tipdesk audit`` over the PostgreSQL database's chain (issue 20).

Contract: the callers (:mod:`tipdesk.services.audit_log`) checked the ``audit`` permission.
Each call borrows a connection of the install's shared pool
(:func:`tipdesk.services.sync.hq_pg_records.shared_database`) and ends its read-only
transaction; the reads are :mod:`tipdesk.hqstore.audit_reads`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from tipdesk.hqstore import audit_reads
from tipdesk.hqstore.errors import translated
from tipdesk.hqstore.pool import Conn
from tipdesk.services.session import Session
from tipdesk.services.sync.hq_pg_records import shared_database
from tipdesk.store.audit import AuditEntry, VerifyResult
from tipdesk.store.audit_queries import Filters

T = TypeVar("T")


@contextmanager
def _reading(session: Session) -> Iterator[Conn]:
    with shared_database(session).connection() as conn, translated():
        try:
            yield conn
        finally:
            conn.rollback()


def _read(session: Session, read: Callable[[Conn], T]) -> T:
    with _reading(session) as conn:
        return read(conn)


def page(session: Session, filters: Filters) -> list[AuditEntry]:
    """A page of the database's chain, newest first (see :func:`audit_reads.page`)."""
    return _read(session, lambda conn: audit_reads.page(conn, filters))


def entries(
    session: Session, *, after_seq: int, limit: int, action: str | None, user: str | None
) -> list[AuditEntry]:
    """Entries of the database's chain oldest first (see :func:`audit_reads.entries`)."""
    return _read(
        session,
        lambda conn: audit_reads.entries(
            conn, after_seq=after_seq, limit=limit, action=action, user=user
        ),
    )


def filter_choices(session: Session) -> tuple[list[str], list[str]]:
    """(actions, users) in the database's chain."""
    return _read(session, lambda conn: (audit_reads.actions(conn), audit_reads.users(conn)))


def verify(session: Session) -> VerifyResult:
    """Walk the database's whole chain."""
    return _read(session, audit_reads.verify)
