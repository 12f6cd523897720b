"""Reading and verifying the audit log (the app's audit screen).

Contract: every function needs the ``audit`` permission and runs on the store's thread. Entries
never hold record contents (see :mod:`tipdesk.store.audit`), so they may be shown as they are.
Recording a broken chain (:func:`acknowledge_break`) needs ``manage_settings`` (admins).

An HQ keeping its records in PostgreSQL (issue 20) has two chains (:class:`Chain`): the
database's (imports, record edits, conflict resolutions, handovers, reveals: what every
analyst's install writes) and the install's own store's (sign-ins, users, keys, settings of
this computer). :func:`chains` lists those a session has, the first the one to show first;
the reading functions take the one to read (``None``: the first).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum

from tipdesk.core.errors import InvalidInput
from tipdesk.core.messages import say
from tipdesk.core.permissions import Permission
from tipdesk.services import pg_route
from tipdesk.services.session import Session, log_with_failures
from tipdesk.services.titles import record_titles
from tipdesk.store import audit_queries
from tipdesk.store.audit import AuditEntry, ChainStatus, VerifyResult
from tipdesk.store.keys import KeyFile


class Chain(StrEnum):
    """Which audit chain a reading is of (see the module contract)."""

    DATABASE = "database"
    """HQ's PostgreSQL database: imports, record edits, resolutions, handovers, reveals."""
    INSTALL = "install"
    """This install's own store: sign-ins, users, keys, settings."""


def chains(session: Session) -> list[Chain]:
    """The chains ``session`` has, the one to show first first."""
    session.require(Permission.AUDIT)
    return [Chain.DATABASE, Chain.INSTALL] if pg_route.routed(session) else [Chain.INSTALL]


def _on_database(session: Session, chain: Chain | None) -> bool:
    """Whether ``chain`` (``None``: the first) is the PostgreSQL database's."""
    found = chains(session)
    if chain is not None and chain not in found:
        raise InvalidInput(say("This install keeps no such audit log."))
    return (chain or found[0]) is Chain.DATABASE


def page(
    session: Session,
    *,
    before_seq: int | None = None,
    limit: int = 200,
    action: str | None = None,
    user: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    chain: Chain | None = None,
) -> list[AuditEntry]:
    """A page of entries, newest first, keyset-paged by ``before_seq`` (the last seq shown)."""
    filters = audit_queries.Filters(
        before_seq=before_seq,
        limit=limit,
        action=action,
        user=user,
        date_from=date_from.isoformat() if date_from else None,
        date_to=date_to.isoformat() if date_to else None,
    )
    if _on_database(session, chain):
        from tipdesk.services.sync import hq_pg_audit  # the PostgreSQL driver, only here

        return hq_pg_audit.page(session, filters)
    return audit_queries.page(session.store, filters)


def entries(
    session: Session,
    *,
    after_seq: int = 0,
    limit: int = 500,
    action: str | None = None,
    user: str | None = None,
    chain: Chain | None = None,
) -> list[AuditEntry]:
    """Entries oldest first after ``after_seq``, filtered (the command line's listing)."""
    if _on_database(session, chain):
        from tipdesk.services.sync import hq_pg_audit

        return hq_pg_audit.entries(
            session, after_seq=after_seq, limit=limit, action=action, user=user
        )
    return session.store.audit_entries(after_seq=after_seq, limit=limit, action=action, user=user)


def titles(session: Session, entries: Iterable[AuditEntry]) -> dict[tuple[str, str], str]:
    """The titles of the records ``entries`` name (see :mod:`tipdesk.services.titles`), so the
    screen can show a case's number where the entry holds its id."""
    session.require(Permission.AUDIT)
    return record_titles(session, ((e.kind, e.record_id) for e in entries if e.record_id))


def filter_choices(session: Session, chain: Chain | None = None) -> tuple[list[str], list[str]]:
    """(actions, users) that occur in the log, for the screen's filters."""
    if _on_database(session, chain):
        from tipdesk.services.sync import hq_pg_audit

        return hq_pg_audit.filter_choices(session)
    return audit_queries.actions(session.store), audit_queries.users(session.store)


def verify(session: Session, chain: Chain | None = None) -> VerifyResult:
    """Walk the whole hash chain; the result names the first bad entry."""
    if _on_database(session, chain):
        from tipdesk.services.sync import hq_pg_audit

        return hq_pg_audit.verify(session)
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
