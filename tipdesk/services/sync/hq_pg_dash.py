"""HQ's overview screens from the PostgreSQL HQ database (issue 20): the dashboard, the
districts' coverage and the registered devices' status.

Contract: each function gives what its SQLCipher counterpart gives for the same bundles
(:func:`tipdesk.services.dashboard.dashboard`,
:func:`tipdesk.services.reports.district_coverage`,
:func:`tipdesk.services.sync.hq.device_status`), with the same permissions; those route
here when :func:`tipdesk.services.sync.hq.hq_database` names a database. Records and sync's
bookkeeping (bundles, quarantine, conflicts, anchors) are read from PostgreSQL; the device
registry, the reference list and the review queue's count stay the HQ install's (its own
store). Read only; the caller owns ``db``.
"""

from __future__ import annotations

import datetime as dt

from tipdesk.core.permissions import Permission
from tipdesk.hqstore.dashboard_queries import PgDashboardQueries
from tipdesk.hqstore.figures import PgFigures
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.hqstore.sync_reads import PgSyncOverview
from tipdesk.reports import build as report_build
from tipdesk.reports.model import Coverage, ReportParams
from tipdesk.services import dashboard as dash
from tipdesk.services.figures import Figures, Period
from tipdesk.services.session import Session
from tipdesk.services.sync.anchors import AnchorProblem
from tipdesk.services.sync.common import require_hq, sync_store
from tipdesk.services.sync.hq import DeviceStatus, status_of
from tipdesk.store import report_queries


def stats(
    session: Session, db: HqDatabase, date_from: dt.date | None, date_to: dt.date | None
) -> Figures:
    """:func:`tipdesk.services.figures.stats` from PostgreSQL."""
    session.require(Permission.VIEW)
    with db.connection() as conn:
        try:
            return _stats(session, PgDashboardQueries(conn=conn), date_from, date_to)
        finally:
            conn.rollback()


def _stats(
    session: Session,
    queries: PgDashboardQueries,
    date_from: dt.date | None,
    date_to: dt.date | None,
) -> Figures:
    start = date_from.isoformat() if date_from else None
    end = (date_to or session.clock.now().date()).isoformat()
    counted = queries.headline(start or "0000-01-01", end)
    return Figures(period=Period(start, end), **counted)


def dashboard(
    session: Session,
    db: HqDatabase,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    *,
    months: int = 12,
) -> dash.Dashboard:
    """:func:`tipdesk.services.dashboard.dashboard` from PostgreSQL."""
    session.require(Permission.VIEW)
    with db.connection() as conn:  # one transaction: the figures agree with each other
        try:
            queries = PgDashboardQueries(conn=conn)
            headline = _stats(session, queries, date_from, date_to)
            return dash.assemble(session, headline, queries, months)
        finally:
            conn.rollback()


class _RegistryFigures(PgFigures):
    """PostgreSQL's figures, with each district's devices counted from the HQ install's
    registry: the authority (PostgreSQL's mirror of it is brought up to date by imports only,
    so a device registered or revoked since the last import would be missed)."""

    def __init__(self, db: HqDatabase, registry: dict[str, int] | None) -> None:
        super().__init__(db)
        self._registry = registry

    def devices(self) -> dict[str, int] | None:
        return self._registry


def figures_of(session: Session, db: HqDatabase) -> PgFigures:
    """The report's figures from ``db``, devices from the install's registry (coverage)."""
    return _RegistryFigures(db, report_queries.devices_by_district(session.store))


def district_coverage(session: Session, db: HqDatabase, params: ReportParams) -> Coverage:
    """Every district of the reference list as of ``params.date_to``: its registered devices
    (the install's registry), its last bundle and its records held in quarantine (from
    PostgreSQL's sync tables); :func:`tipdesk.services.reports.district_coverage` checks the
    arguments."""
    session.require(Permission.VIEW)
    return report_build.coverage_from(figures_of(session, db), session.reference, params, None)


def device_status(session: Session, db: HqDatabase) -> list[DeviceStatus]:
    """Each registered device (the install's registry), with its bundles, open conflicts and
    quarantine and flagged anchors from PostgreSQL."""
    session.require(Permission.VIEW)
    require_hq(session, "hq devices")
    reads = PgSyncOverview(db)
    bundles = reads.bundles()
    conflicts_by, quarantine_by = reads.open_counts()
    flagged: dict[str, list[AnchorProblem]] = {}
    for r in reads.anchor_problems():
        flagged.setdefault(r.device_id, []).append(
            AnchorProblem(r.bundle_seq, r.problem, r.detail, r.received_at)
        )
    return [
        status_of(d, bundles.get(d.device_id, []), conflicts_by, quarantine_by, flagged)
        for d in sync_store(session).devices()
    ]
