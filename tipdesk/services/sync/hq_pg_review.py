"""The non-criminalisation review queue on the PostgreSQL HQ database (issue 20): what
:mod:`tipdesk.services.overlaps` reads and writes when HQ keeps its records in PostgreSQL.

Contract: :func:`matched` reads the accused with matches and their victims' codes
(:mod:`tipdesk.hqstore.review`), as the SQLCipher queries do. :func:`case_of` reads a case as
:func:`tipdesk.services.sync.hq_pg_edit.get` does (victims' identities masked). :func:`save_review`
saves the case holding a supervisor's review in one transaction with the review's audit entry:
the case's stored version is checked (:class:`tipdesk.hqstore.edits.PgRecords`: a case another
analyst or an import changed since it was read is refused with the store's stale-save message,
nothing written), masked identities are kept as stored, and the entry is appended to
PostgreSQL's audit chain after the save's own.
"""

from __future__ import annotations

from tipdesk.core import dual_role
from tipdesk.core.permissions import Permission
from tipdesk.core.records import Case
from tipdesk.hqstore import review as pg_review
from tipdesk.hqstore.batch import append_audit
from tipdesk.hqstore.edits import PgRecords
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_pg_edit
from tipdesk.services.sync.hq_pg import install_index_key
from tipdesk.store.audit import NewEntry
from tipdesk.store.review_queries import MatchedAccused
from tipdesk.store.store import Changes


def matched(db: HqDatabase) -> tuple[list[MatchedAccused], dict[str, str]]:
    """The accused with matches, and victim id -> code of the live victims they name."""
    with db.connection() as conn:
        try:
            rows = pg_review.accused_with_matches(conn)
            wanted = [dual_role.parse(m)[0] for r in rows for m in r.matches]
            codes = pg_review.live_victim_codes(conn, wanted)
        finally:
            conn.rollback()
    return rows, codes


def case_of(session: Session, db: HqDatabase, case_id: str) -> Case | None:
    """The case with its children (victims' identities masked), ``None`` if it is not a case."""
    found = hq_pg_edit.get(session, db, "case", case_id)
    return found if isinstance(found, Case) else None


def save_review(session: Session, db: HqDatabase, case: Case, entry: NewEntry) -> Changes:
    """Save ``case`` (one accused's review added) with ``entry`` (module contract)."""
    private = session.store.vault.private_key() if session.can(Permission.REVEAL_IDENTITY) else None
    with db.transaction() as conn:
        changes = PgRecords(conn, index_key=install_index_key(session), private=private).save(
            [case], session.actor()
        )
        append_audit(conn, [entry])  # the save took the log lock: held until commit
    return changes
