"""The national report and the standard exports, for the GUI's Reports screen and the CLI.

Contract:
- Every function needs the ``reports`` permission and runs on the session's (store's) thread;
  the GUI calls them through its task runner and passes ``progress`` to drive a progress bar
  (called between queries with ``(done, total, step)``; it must not touch the store).
- Writing a file (:func:`export_report`, :func:`export_standard`) is atomic and leaves one
  audit entry ``export`` naming the format, the filters and the file name: never any figure or
  record content. Building a report without writing it (:func:`build_report`) is not audited:
  nothing leaves the machine.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from tipdesk import catalogue
from tipdesk.core.codes import InstallRole
from tipdesk.core.errors import InvalidInput
from tipdesk.core.languages import Language
from tipdesk.core.messages import say
from tipdesk.core.permissions import Permission
from tipdesk.fs import atomic_write_bytes
from tipdesk.reports import build as report_build
from tipdesk.reports import exports, writers
from tipdesk.reports.build import Progress
from tipdesk.reports.localize import ENGLISH, Wording
from tipdesk.reports.model import Coverage, Report, ReportParams
from tipdesk.services.session import Session
from tipdesk.services.sync.hq import hq_database
from tipdesk.store import report_queries

FORMATS = writers.FORMATS
STANDARD_EXPORTS = ("htcds", "ctdc")


def build_report(
    session: Session, params: ReportParams, progress: Progress | None = None
) -> Report:
    """Build the report (figures, tables, coverage; suppressed when ``params`` says so).

    Coverage at HQ is how fresh each district's bundles are, for every district of the
    reference list (with its registered devices), and the records HQ holds in quarantine; a
    district install sends bundles rather than receiving them, so there it is its own latest
    record change."""
    session.require(Permission.REPORTS)
    at_hq = session.install.role is InstallRole.HQ
    if not at_hq and session.install.district:
        params = dataclasses.replace(params, install_district=session.install.district)
    db = hq_database(session) if at_hq else None
    if db is not None:
        from tipdesk.services.sync import hq_pg  # the PostgreSQL driver, only when used

        with db:
            return hq_pg.build_report(session, db, params, progress)
    return report_build.build_report(
        session.store,
        session.reference,
        params,
        generated_at=session.now(),
        bundle_dates=report_queries.last_bundle_by_district if at_hq else None,
        devices=report_queries.devices_by_district if at_hq else None,
        quarantine=report_queries.quarantine_by_district if at_hq else None,
        progress=progress,
    )


def district_coverage(session: Session, stale_days: int = 30) -> Coverage:
    """HQ: every district of the reference list today: its registered devices, its last bundle,
    its status (up to date, stale after ``stale_days`` days, registered but never sent, no
    device) and the records of it held in quarantine. What ``tipdesk hq coverage`` and the
    Sync screen's Coverage tab show; the report's coverage is the same, as of its period's
    end. Needs ``view`` at HQ. At an HQ keeping its records in PostgreSQL, bundles and
    quarantine are read there."""
    session.require(Permission.VIEW)
    if session.install.role is not InstallRole.HQ:
        raise InvalidInput(say("Coverage of the districts is HQ's view; a district sends bundles."))
    if stale_days < 1:
        raise InvalidInput(
            say(
                "A district is stale after at least 1 day, not {stale_days}.", stale_days=stale_days
            )
        )
    today = session.clock.now().date()
    params = ReportParams(today, today, stale_days=stale_days)
    db = hq_database(session)
    if db is not None:
        from tipdesk.services.sync import hq_pg_dash  # the PostgreSQL driver, only when used

        with db:
            return hq_pg_dash.district_coverage(session, db, params)
    sources = report_build.Sources(
        report_queries.last_bundle_by_district,
        report_queries.devices_by_district,
        report_queries.quarantine_by_district,
    )
    return report_build.coverage_of(session.store, session.reference, params, None, sources)


def report_wording(language: str) -> Wording:
    """The wording of PDF/XLSX exports in ``language`` (``en`` or ``ur``) for callers without
    Qt (the command line): the same translations as the interface's, read from the ``.ts``
    (contexts ``ReportTables`` then ``codes``); a text not translated stays English."""
    try:
        chosen = Language(language)
    except ValueError:
        choices = ", ".join(x.value for x in Language)
        raise InvalidInput(
            say(
                "Unknown language {language}; use one of: {choices}.",
                language=repr(language),
                choices=choices,
            )
        ) from None
    if chosen is Language.ENGLISH:
        return ENGLISH
    words = catalogue.translations(chosen.value, ("ReportTables", "codes"))
    return Wording(lambda text: words.get(text, text), rtl=chosen.right_to_left)


def export_report(
    session: Session,
    params: ReportParams,
    fmt: str,
    dest: Path,
    progress: Progress | None = None,
    report: Report | None = None,
    wording: Wording = ENGLISH,
) -> Path:
    """Build (or reuse ``report``, e.g. the one on screen) and write it as ``fmt`` to
    ``dest`` (a PDF or XLSX worded by ``wording``: the UI's or the CLI's language); return
    the path written."""
    session.require(Permission.REPORTS)
    if fmt not in FORMATS:
        raise InvalidInput(
            say(
                "Unknown format {fmt}; use one of: {known}.",
                fmt=repr(fmt),
                known=", ".join(FORMATS),
            )
        )
    dest = _destination(dest)
    report = report or build_report(session, params, progress)
    writers.write_report(report, fmt, dest, wording)
    session.audit(
        "export",
        "report",
        format=fmt,
        period={"from": params.date_from.isoformat(), "to": params.date_to.isoformat()},
        filters=params.filters(),
        suppress_below=params.suppress_below,
        file=dest.name,
    )
    return dest


def export_standard(
    session: Session,
    kind: str,
    dest: Path,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> Path:
    """Write the HTCDS-shaped (``htcds``) or CTDC-style (``ctdc``) CSV of victims, optionally
    only those identified in a period; return the path written."""
    session.require(Permission.REPORTS)
    if kind not in STANDARD_EXPORTS:
        raise InvalidInput(
            say(
                "Unknown export {kind}; use one of: {known}.",
                kind=repr(kind),
                known=", ".join(STANDARD_EXPORTS),
            )
        )
    dest = _destination(dest)
    scope = None
    if date_from or date_to:
        scope = report_queries.Scope(
            (date_from or dt.date(1, 1, 1)).isoformat(),
            (date_to or session.clock.now().date()).isoformat(),
        )
    db = hq_database(session) if session.install.role is InstallRole.HQ else None
    if db is not None:  # an HQ keeping its records in PostgreSQL (issue 20)
        from tipdesk.services.sync import hq_pg_exports  # the PostgreSQL driver, only when used

        with db:
            data = hq_pg_exports.standard_csv(session, db, kind, scope)
    elif kind == "htcds":
        data = exports.htcds_csv(session.store, scope)
    else:
        province_of = {c: d.province for c, d in session.reference.districts.items()}
        data = exports.ctdc_csv(session.store, province_of, scope)
    atomic_write_bytes(dest, data, mode=0o600)
    session.audit(
        "export",
        "victims",
        format=kind,
        period={"from": scope.date_from, "to": scope.date_to} if scope else None,
        file=dest.name,
    )
    return dest


def _destination(dest: Path) -> Path:
    dest = dest.expanduser().resolve()
    if dest.is_dir():
        raise InvalidInput(say("{dest} is a folder; give the export a file name.", dest=dest))
    if not dest.parent.is_dir():
        raise InvalidInput(say("The folder {parent} does not exist.", parent=dest.parent))
    return dest
