"""Reading and verifying the audit log (the app's audit screen).

Contract: every function needs the ``audit`` permission and runs on the store's thread. Entries
never hold record contents (see :mod:`tipdesk.store.audit`), so they may be shown as they are.
Recording a broken chain (:func:`acknowledge_break`) needs ``manage_settings`` (admins).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from tipdesk.core.errors import InvalidInput
from tipdesk.core.messages import say
from tipdesk.core.permissions import Permission
from tipdesk.services.session import Session, log_with_failures
from tipdesk.services.titles import record_titles
from tipdesk.store import audit_queries
from tipdesk.store.audit import AuditEntry, ChainStatus, VerifyResult
from tipdesk.store.keys import KeyFile


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


def acknowledge_break(session: Session, reason: str) -> ChainStatus:
    """Record, as the signed-in administrator, that the audit log does not end at its
    recorded head (entries were cut from the end): one ``audit.break`` entry naming the head
    that was recorded, the entry the log ended at and ``reason``, after which the log takes
    entries again (this session's sign-in, and failures kept since, are logged next).
    :func:`verify` lists every acknowledged break from then on. Returns what was
    acknowledged; :class:`InvalidInput` when the log is not broken or ``reason`` is empty."""
    session.require(Permission.MANAGE_SETTINGS)
    if len(reason.strip()) < 5:
        raise InvalidInput(say("Say why the break is being recorded (a few words at least)."))
    if session.store.audit_status().ok:
        raise InvalidInput(say("The audit log is not broken: there is nothing to record."))
    found = session.store.acknowledge_audit_break(
        session.audit_entry("audit.break", reason=reason.strip())
    )
    with KeyFile.locked(session.paths.keyfile) as keyfile:
        log_with_failures(session, keyfile, "login")
    return found
