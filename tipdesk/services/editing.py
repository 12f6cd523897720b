"""Checks the record editors run before saving, on the store's thread.

Contract: :func:`check` validates a record as :func:`tipdesk.services.records.save` would
(permission, masked identities put back from the store, normalising, the core's rules and the
store's uniqueness rules) and returns every problem, writing nothing. The editors use it when
some input could not even be read (a date that is not a date), so that the officer still sees
every other problem in the same go.
"""

from __future__ import annotations

import copy

from tipdesk.core.errors import NotFound, Problem
from tipdesk.core.masking import unmask_from
from tipdesk.core.permissions import Permission
from tipdesk.core.records import Case, Record, Victim
from tipdesk.services import records as record_service
from tipdesk.services.session import Session


def _unmask(session: Session, victim: Victim) -> None:
    if not victim.id:
        return
    try:
        stored = session.store.get("victim", victim.id)
    except NotFound:
        return
    if isinstance(stored, Victim):
        unmask_from(victim, stored)


def check(session: Session, record: Record) -> list[Problem]:
    """Every problem saving ``record`` would report (``record`` itself is not changed)."""
    session.require(Permission.EDIT)
    pg = record_service._on_postgres(session)
    if pg is not None:  # an HQ keeping its records in PostgreSQL: read them there
        with pg as routed:
            return check(routed, record)
    record = copy.deepcopy(record)
    if isinstance(record, Case):
        for victim in record.victims:
            _unmask(session, victim)
    elif isinstance(record, Victim):
        _unmask(session, record)
    return record_service.check(session, record)
