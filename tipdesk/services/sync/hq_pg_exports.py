"""The standard victim exports (HTCDS, CTDC) from the PostgreSQL HQ database (issue 20).

Contract: :func:`standard_csv` gives the bytes :func:`tipdesk.services.reports.export_standard`
writes on the SQLCipher HQ for the same records (the random per-export ids aside: they are
made afresh for every export on either engine), from
:func:`tipdesk.hqstore.export_reads.export_victim_rows`; the caller checks the permission,
writes the file and audits it. Read only; the caller owns ``db``.
"""

from __future__ import annotations

from tipdesk.hqstore.export_reads import export_victim_rows
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.reports import exports
from tipdesk.services.session import Session
from tipdesk.store.report_queries import Scope


def standard_csv(session: Session, db: HqDatabase, kind: str, scope: Scope | None) -> bytes:
    """The ``htcds`` or ``ctdc`` CSV of the victims of ``scope`` (all when ``None``)."""
    rows = export_victim_rows(db, scope)
    if kind == "htcds":
        return exports.write_csv(exports.HTCDS_COLUMNS, exports.htcds_rows(rows))
    province_of = {c: d.province for c, d in session.reference.districts.items()}
    return exports.write_csv(exports.CTDC_COLUMNS, exports.ctdc_rows(rows, province_of))
