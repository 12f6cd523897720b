"""HQ's analysts' edits on the PostgreSQL HQ database (issue 20): read a record, save it with
its version checked.

Contract: :func:`get` and :func:`save` are :func:`tipdesk.services.records.get` and
:func:`tipdesk.services.records.save` for an HQ keeping its records in PostgreSQL: the same
permissions (``VIEW``; ``EDIT``, ``DELETE`` for a deletion), the same normalising and
validation (:func:`tipdesk.core.validation.validate`; a refusal names every problem and
writes nothing), victims' identities masked for users who may not reveal them and kept as
stored when a save leaves them masked. The write is :meth:`tipdesk.hqstore.edits.PgRecords.save`
in one transaction: a stale save is refused with the store's message
(:class:`~tipdesk.core.errors.StaleRecord`), never lost and never written over another's.
This module skips the checks of :func:`records.save` that read the HQ's other records (the
overlap and non-criminalisation marks, duplicate case numbers, ownership); the app and the
command line save through :func:`tipdesk.services.records.save`, which runs them all over
PostgreSQL's records (:mod:`tipdesk.services.sync.hq_pg_records`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from tipdesk.core.errors import Problem, ValidationFailed
from tipdesk.core.masking import masked
from tipdesk.core.permissions import Permission
from tipdesk.core.records import Case, Record, Victim
from tipdesk.core.validation import normalise, validate
from tipdesk.hqstore.edits import PgRecords
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.services.session import Session
from tipdesk.services.sync.hq_pg import install_index_key
from tipdesk.store.store import Changes


def _private(session: Session) -> bytes | None:
    if session.can(Permission.REVEAL_IDENTITY) and session.store.vault.is_open:
        return session.store.vault.private_key()
    return None


def get(session: Session, db: HqDatabase, kind: str, record_id: str) -> Record:
    """One record with its children; victims' identities masked (as ``records.get``)."""
    session.require(Permission.VIEW)
    with db.connection() as conn:
        try:
            record = PgRecords(conn, index_key=install_index_key(session)).get(kind, record_id)
        finally:
            conn.rollback()
    if isinstance(record, Case):
        record.victims = [masked(v) for v in record.victims]
    elif isinstance(record, Victim):
        record = masked(record)
    return record


def save(session: Session, db: HqDatabase, records: Sequence[Record]) -> Changes:
    """Validate and save ``records`` in one transaction (see the module contract)."""
    session.require(Permission.EDIT)
    ctx = session.validation_context()
    many = len(records) > 1
    problems: list[Problem] = []
    for i, record in enumerate(records):
        if record.deleted:
            session.require(Permission.DELETE)
        normalise(record)
        found = validate(record, ctx)
        problems += [dataclasses.replace(p, field=f"[{i}].{p.field}") if many else p for p in found]
    if problems:
        raise ValidationFailed(problems, records[0].KIND if records else "record")
    private, index_key = _private(session), install_index_key(session)
    with db.transaction() as conn:
        return PgRecords(conn, index_key=index_key, private=private).save(records, session.actor())
