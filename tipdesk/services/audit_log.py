"""Reading and verifying the audit log (the app's audit screen).

Contract: every function needs the ``audit`` permission and runs on the store's thread. Entries
never hold record contents (see :mod:`tipdesk.store.audit`), so they may be shown as they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from tipdesk.core.permissions import Permission
from tipdesk.services.session import Session
from tipdesk.services.titles import record_titles
from tipdesk.store import audit_queries
from tipdesk.store.audit import AuditEntry, VerifyResult


def page(
    session: Session,
    *,
    before_seq: int | None = None,
    limit: int = 200,
    action: str | None = None,
    user: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> list[AuditEntry]:
    """A page of entries, newest first, keyset-paged by ``before_seq`` (the last seq shown)."""
    session.require(Permission.AUDIT)
    return audit_queries.page(
        session.store,
        before_seq=before_seq,
        limit=limit,
        action=action,
        user=user,
        date_from=date_from.isoformat() if date_from else None,
        date_to=date_to.isoformat() if date_to else None,
    )


def titles(session: Session, entries: Iterable[AuditEntry]) -> dict[tuple[str, str], str]:
    """The titles of the records ``entries`` name (see :mod:`tipdesk.services.titles`), so the
    screen can show a case's number where the entry holds its id."""
    session.require(Permission.AUDIT)
    return record_titles(session, ((e.kind, e.record_id) for e in entries if e.record_id))


def filter_choices(session: Session) -> tuple[list[str], list[str]]:
    """(actions, users) that occur in the log, for the screen's filters."""
    session.require(Permission.AUDIT)
    return audit_queries.actions(session.store), audit_queries.users(session.store)


def verify(session: Session) -> VerifyResult:
    """Walk the whole hash chain; the result names the first bad entry."""
    session.require(Permission.AUDIT)
    return session.store.verify_audit()
