"""Conflict review and resolving on the PostgreSQL HQ database (issue 20): what
:mod:`tipdesk.services.sync.review` reads and writes when HQ keeps its records in PostgreSQL.

Contract:
- :func:`conflict_rows` reads the conflicts and the register's version of each record, as
  :func:`tipdesk.services.sync.review.conflicts` reads them from the SQLCipher store (victims'
  identities opened only for a user holding the identity key, as there).
- :func:`resolve` writes the resolution with the SQLCipher HQ's own code
  (:func:`tipdesk.services.sync.resolve.resolve_in`) through the PostgreSQL apply-remote batch
  (:mod:`tipdesk.hqstore.batch`), in one transaction: the record's id is claimed first (an
  import or an analyst's save of the same record waits, or makes this one wait), then the
  conflict's row is locked and read again, and a conflict closed meanwhile (another reviewer
  resolved it, or a newer version superseded it) is refused with the SQLCipher HQ's message,
  nothing written. The register's version is the one read under the claim, so a resolution is
  never written over a version its reviewer's batch did not see. The kept version gets a
  change-log row (it goes back to the record's district with the next receipt, with the
  resolution: :mod:`tipdesk.hqstore.back`) and the audit entry ``sync.resolve``, appended to
  PostgreSQL's audit chain. A deadlock or serialisation failure runs it again (bounded).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tipdesk.core.errors import InvalidInput
from tipdesk.core.messages import say
from tipdesk.core.records import Record, to_dict
from tipdesk.hqstore import batch as pg_batch
from tipdesk.hqstore.conflicts import PgReviewReads
from tipdesk.hqstore.pool import Conn, HqDatabase
from tipdesk.services.session import Session
from tipdesk.services.sync.hq_pg import install_index_key
from tipdesk.services.sync.resolve import KEEP, must_be_open, resolve_in
from tipdesk.store.sync_rows import ConflictRow


def reads(session: Session, conn: Conn) -> PgReviewReads:
    """The reviewer's reads over ``conn``, identities opened as the session's store opens
    them (only with the identity key the signed-in user holds)."""
    return PgReviewReads(conn, session.store.vault.private_key(), install_index_key(session))


def conflict_rows(
    session: Session, db: HqDatabase, *, include_closed: bool = False
) -> list[tuple[ConflictRow, dict[str, Any]]]:
    """Open conflicts (every one with ``include_closed``), oldest first, each with the
    register's version of its record as a dict (``{}`` when the register has none)."""
    with db.connection() as conn:
        try:
            src = reads(session, conn)
            out = []
            for c in src.conflicts(status=None if include_closed else "open"):
                found = src.record(c.kind, c.record_id)
                out.append((c, to_dict(found[0], children=False) if found else {}))
        finally:
            conn.rollback()
    return out


def record_dict(session: Session, db: HqDatabase, kind: str, record_id: str) -> dict[str, Any]:
    """The register's version of one record (JSON form, no children; ``{}`` if none)."""
    with db.connection() as conn:
        try:
            found = reads(session, conn).record(kind, record_id)
        finally:
            conn.rollback()
    return to_dict(found[0], children=False) if found else {}


def resolve(
    session: Session,
    db: HqDatabase,
    conflict_id: str,
    keep: str,
    fields: Mapping[str, str] | None = None,
) -> Record:
    """Resolve an open conflict in PostgreSQL (see the module contract); the caller checked
    the permissions. Returns the record now held."""
    if keep not in KEEP:
        raise InvalidInput(say("Say which version to keep: local or incoming."))
    wanted = conflict_id.strip()
    with db.connection() as conn:
        try:
            record_id = must_be_open(reads(session, conn).conflict(wanted), conflict_id).record_id
        finally:
            conn.rollback()
    private, index_key = session.store.vault.private_key(), install_index_key(session)
    actor, here, ctx = session.actor(), session.install.device_id, session.validation_context()

    def work(conn: Conn) -> Record:
        with pg_batch.import_batch(
            conn, actor, here, [record_id], private, index_key=index_key
        ) as b:
            # Read again under the record's claim, with the conflict's row locked: another
            # reviewer or an import may have closed it since it was first read.
            src = PgReviewReads(conn, private, index_key)
            conflict = must_be_open(src.conflict(wanted, lock=True), conflict_id)
            return resolve_in(b, conflict, keep, here=here, actor=actor, ctx=ctx, fields=fields)

    return db.run(work)
