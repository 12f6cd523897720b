"""HQ's data-quality check and linked cases on the PostgreSQL HQ database (issue 20).

Contract: :func:`data_quality` gives what :func:`tipdesk.services.data_quality.data_quality`
gives on the SQLCipher HQ for the same bundles (the same check,
:func:`~tipdesk.services.data_quality.check`, reading from PostgreSQL): records checked
against today's rules page by page with their children, the open quarantine entries, the
districts not heard from (their last bundle, PostgreSQL's ``sync_bundles``) and the victims
whose gender or age is not recorded. The device registry (a quarantined record's district)
and the review queue (:mod:`tipdesk.services.overlaps`) are the HQ install's. Read only: one
connection for the whole check, its transaction rolled back; the caller owns ``db``.
:func:`linked_accused_rows` gives the rows of
:func:`tipdesk.services.data_quality.linked_cases` (accused are not sealed: no key needed).
"""

from __future__ import annotations

from typing import Any

from tipdesk.core.permissions import Permission
from tipdesk.hqstore.figures import PgFigures
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.hqstore.quality_reads import PgQualityReads
from tipdesk.hqstore.sync_reads import PgSyncOverview
from tipdesk.services import data_quality as dq
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_pg
from tipdesk.store.sync_rows import QuarantineRow


class _PgSource:
    """:class:`tipdesk.services.data_quality.Source` over the HQ database."""

    def __init__(self, db: HqDatabase, reads: PgQualityReads, private: bytes | None, key: bytes):
        self._db = db
        self._reads = reads
        self._private = private
        self._index_key = key

    def offices(self) -> set[str]:
        return self._reads.offices()

    def page(self, kind: str, after: tuple[str, str] | None, limit: int) -> list[Any]:
        return list(self._reads.page(kind, after, limit))

    def with_children(self, records: list[Any]) -> list[Any]:
        return list(self._reads.with_children(records))

    def last_bundles(self) -> dict[str, str] | None:
        return PgFigures(self._db).bundle_dates()

    def latest_updates(self) -> dict[str, str]:
        return PgFigures(self._db).latest_update_by_district()

    def victims_not_recorded(
        self, limit: int
    ) -> tuple[int, list[tuple[str, str, str, bool, bool]]]:
        return self._reads.victims_not_recorded(limit)

    def open_quarantine(self) -> list[QuarantineRow]:
        return PgSyncOverview(self._db).open_quarantine(self._private, self._index_key)


def data_quality(
    session: Session, db: HqDatabase, *, limit: int = 20_000, quiet_days: int = 30
) -> dq.QualityReport:
    """The data-quality report from PostgreSQL (see the module contract)."""
    session.require(Permission.REPORTS)
    private = session.store.vault.private_key()
    index_key = hq_pg.install_index_key(session)
    with db.connection() as conn:
        try:
            reads = PgQualityReads(conn, private, index_key)
            source = _PgSource(db, reads, private, index_key)
            return dq.check(session, source, limit=limit, quiet_days=quiet_days)
        finally:
            conn.rollback()


def linked_accused_rows(db: HqDatabase, limit: int) -> list[tuple[Any, ...]]:
    """The linked cases' rows from PostgreSQL
    (:func:`tipdesk.services.data_quality.linked_cases` checks the permissions)."""
    with db.connection() as conn:
        try:
            return PgQualityReads(conn, None, b"").linked_accused_rows(limit)
        finally:
            conn.rollback()
