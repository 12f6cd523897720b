"""HQ review: linked cases (the same accused across districts) and data quality (records that
fail validation today, records sync quarantined, districts gone quiet, accused who may be a
victim of the same case and wait for a supervisor's review, victims whose gender or age is not
recorded).

Contract: read-only; every function needs the ``reports`` permission (linked cases also
``view``: they name accused persons) and runs on the session's thread. Results are plain
dataclasses for the GUI's views and the CLI's ``--json``; problems carry field paths and rule
names, and messages that never repeat identifying values (see :mod:`tipdesk.core.validation`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Protocol

from tipdesk.core.codes import InstallRole
from tipdesk.core.errors import Problem, problem_line, problem_said
from tipdesk.core.messages import Message
from tipdesk.core.permissions import Permission
from tipdesk.core.records import Case
from tipdesk.core.validation import ValidationContext, validate
from tipdesk.services import overlaps
from tipdesk.services.session import Session
from tipdesk.services.sync.common import sync_store
from tipdesk.services.sync.hq import hq_database
from tipdesk.services.titles import record_title
from tipdesk.store import report_queries
from tipdesk.store.sync_rows import QuarantineRow


@dataclass(frozen=True, slots=True)
class LinkedCase:
    case_id: str
    case_number: str
    district: str
    registered_on: str | None
    stage: str
    accused_name: str
    outcome: str


@dataclass(slots=True)
class LinkedAccused:
    """One CNIC found among the accused of cases in two or more districts."""

    cnic: str
    districts: list[str]
    cases: list[LinkedCase] = field(default_factory=list)


def linked_cases(session: Session, limit: int = 1000) -> list[LinkedAccused]:
    """Accused CNICs that appear in cases of more than one district (networks cross district
    lines), with those cases; at most ``limit`` CNICs, in CNIC order. At an HQ keeping its
    records in PostgreSQL they are read there."""
    session.require(Permission.REPORTS)
    session.require(Permission.VIEW)
    db = hq_database(session) if session.install.role is InstallRole.HQ else None
    if db is not None:
        from tipdesk.services.sync import hq_pg_quality  # the PostgreSQL driver, only when used

        with db:
            rows = hq_pg_quality.linked_accused_rows(db, limit)
    else:
        rows = report_queries.linked_accused_rows(session.store, limit)
    out: dict[str, LinkedAccused] = {}
    for (
        cnic,
        case_id,
        number,
        district,
        registered,
        stage,
        name,
        outcome,
    ) in rows:
        item = out.setdefault(str(cnic), LinkedAccused(str(cnic), []))
        item.cases.append(LinkedCase(case_id, number, district, registered, stage, name, outcome))
        if district not in item.districts:
            item.districts.append(district)
    return list(out.values())


@dataclass(frozen=True, slots=True)
class FailingRecord:
    kind: str
    id: str
    label: str  # case number, victim code or title: never a person's name
    district: str
    problems: tuple[Problem, ...]


@dataclass(frozen=True, slots=True)
class QuarantinedRecord:
    """A version sync held back because it failed validation at HQ, until a fixed one comes."""

    received_at: str
    district: str  # the sending device's district
    bundle: int
    kind: str
    record_id: str
    label: str  # case number, victim code, accused name or title: never a victim's name
    problems: tuple[str, ...]  # "field: message"
    said: tuple[tuple[str, Message | str], ...] = field(default=(), metadata={"json": None})
    """The same problems as (field, sentence), the sentence translatable when it was kept with
    its template (:func:`tipdesk.core.errors.problem_said`): what screens show; not in
    ``--json``, which has ``problems``."""


@dataclass(frozen=True, slots=True)
class UnknownVictim:
    """A victim whose gender or age is not recorded: counted all the same (as "not
    recorded" in the figures split by them), and listed so that the office can complete it."""

    victim_id: str
    code: str
    district: str
    gender_unknown: bool
    age_unknown: bool


@dataclass(slots=True)
class QualityReport:
    checked: dict[str, int]
    failing: list[FailingRecord]
    truncated: bool  # stopped at the limit: more records were not checked
    quarantined: list[QuarantinedRecord]  # open entries, newest bundle first
    quiet_districts: list[tuple[str, str | None]]  # (district, last heard of) older than 30 days
    quiet_since: str
    overlaps: list[overlaps.OverlapItem] = field(default_factory=list)
    """Accused who may be a victim of the same case, not reviewed yet (the review queue)."""
    unknown_victims: list[UnknownVictim] = field(default_factory=list)
    """Victims with gender or age not recorded (at most ``limit``)."""
    unknown_victims_total: int = 0


class Source(Protocol):
    """Where the check reads records and sync's bookkeeping: the session's store
    (:class:`StoreSource`) or, at an HQ keeping its records in PostgreSQL, the HQ database
    (:mod:`tipdesk.services.sync.hq_pg_quality`); the same answers for the same records."""

    def offices(self) -> set[str]: ...
    def page(self, kind: str, after: tuple[str, str] | None, limit: int) -> list[Any]: ...
    def with_children(self, records: list[Any]) -> list[Any]: ...
    def last_bundles(self) -> dict[str, str] | None: ...
    def latest_updates(self) -> dict[str, str]: ...
    def victims_not_recorded(
        self, limit: int
    ) -> tuple[int, list[tuple[str, str, str, bool, bool]]]: ...
    def open_quarantine(self) -> list[QuarantineRow]: ...


class StoreSource:
    """:class:`Source` over the session's own store."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._store = session.store

    def offices(self) -> set[str]:
        return {str(r[0]) for r in self._store.query("SELECT DISTINCT office FROM cases")}

    def page(self, kind: str, after: tuple[str, str] | None, limit: int) -> list[Any]:
        return list(self._store.page(kind, after=after, limit=limit))

    def with_children(self, records: list[Any]) -> list[Any]:
        return [
            self._store.get(r.KIND, r.id) if r.KIND in ("case", "victim") else r for r in records
        ]

    def last_bundles(self) -> dict[str, str] | None:
        if self._session.install.role is not InstallRole.HQ:
            return None
        return report_queries.last_bundle_by_district(self._store)

    def latest_updates(self) -> dict[str, str]:
        return report_queries.latest_update_by_district(self._store)

    def victims_not_recorded(
        self, limit: int
    ) -> tuple[int, list[tuple[str, str, str, bool, bool]]]:
        return report_queries.victims_not_recorded(self._store, limit)

    def open_quarantine(self) -> list[QuarantineRow]:
        return sync_store(self._session).quarantine(status="open")


def _context(session: Session, source: Source) -> ValidationContext:
    """Validation as at HQ: offices are the districts' own, so every office a case names is
    accepted (a district adds its offices without telling HQ first)."""
    base = session.validation_context()
    return ValidationContext(
        reference=base.reference,
        offices=frozenset(source.offices()) | base.offices,
        today=base.today,
    )


def data_quality(session: Session, *, limit: int = 20_000, quiet_days: int = 30) -> QualityReport:
    """Check up to ``limit`` records of each kind against today's rules, list sync's
    quarantined records (when sync is installed) and the districts not heard from in
    ``quiet_days`` days. At an HQ keeping its records in PostgreSQL they are read there."""
    session.require(Permission.REPORTS)
    db = hq_database(session) if session.install.role is InstallRole.HQ else None
    if db is not None:
        from tipdesk.services.sync import hq_pg_quality  # the PostgreSQL driver, only when used

        with db:
            return hq_pg_quality.data_quality(session, db, limit=limit, quiet_days=quiet_days)
    return check(session, StoreSource(session), limit=limit, quiet_days=quiet_days)


def check(session: Session, source: Source, *, limit: int, quiet_days: int) -> QualityReport:
    """:func:`data_quality` reading from ``source`` (either engine)."""
    session.require(Permission.REPORTS)
    ctx = _context(session, source)
    failing: list[FailingRecord] = []
    checked: dict[str, int] = {}
    truncated = False
    for kind in ("case", "victim", "training", "campaign"):
        count = 0
        after: tuple[str, str] | None = None
        while count < limit:
            page = source.page(kind, after, min(500, limit - count))
            if not page:
                break
            wanted = [r for r in page if not (kind == "victim" and getattr(r, "case_id", None))]
            for full in source.with_children(wanted):
                # A victim of a case is checked with its case (the rules need the case).
                problems = validate(full, ctx)
                if problems:
                    failing.append(_failing(kind, full, problems))
            count += len(page)
            last = page[-1]
            date = getattr(last, report_date_field(kind))
            after = (date.isoformat() if date else "", last.id)
        else:
            truncated = True
        checked[kind] = count
    today = session.clock.now().date()
    since = (today - dt.timedelta(days=quiet_days)).isoformat()
    bundles = source.last_bundles()
    updates = source.latest_updates()
    # At HQ a district is heard of through its bundles only (a district that never sent one is
    # quiet); a district install sends bundles rather than receiving them, so there it is
    # through its records' latest change.
    heard: dict[str, str | None] = (
        {d: bundles.get(d) for d in set(updates) | set(bundles)}
        if bundles is not None
        else dict(updates)
    )
    quiet = sorted((d, at) for d, at in heard.items() if at is None or at[:10] < since)
    unknown_total, unknown = source.victims_not_recorded(limit)
    return QualityReport(
        checked=checked,
        failing=failing,
        truncated=truncated,
        quarantined=_quarantined(session, source),
        quiet_districts=quiet,
        quiet_since=since,
        overlaps=overlaps.queue(session),
        unknown_victims=[UnknownVictim(*row) for row in unknown],
        unknown_victims_total=unknown_total,
    )


_KINDS = ("case", "accused", "victim", "referral", "training", "campaign")


def _quarantined(session: Session, source: Source) -> list[QuarantinedRecord]:
    """Open quarantine entries, newest bundle first, a case before its accused, victims and
    referrals."""
    districts = {d.device_id: d.district for d in sync_store(session).devices()}
    order = {kind: i for i, kind in enumerate(_KINDS)}
    rows = sorted(
        source.open_quarantine(),
        key=lambda r: (r.received_at, r.bundle_seq, -order.get(r.kind, len(order))),
        reverse=True,
    )
    return [
        QuarantinedRecord(
            received_at=r.received_at,
            district=districts.get(r.device_id, ""),
            bundle=r.bundle_seq,
            kind=r.kind,
            record_id=r.record_id,
            label=record_title(r.kind, r.record),
            problems=tuple(map(problem_line, r.problems)),
            said=tuple(map(problem_said, r.problems)),
        )
        for r in rows
    ]


def report_date_field(kind: str) -> str:
    return {"case": "registered_on", "victim": "identified_on"}.get(kind, "start_on")


def _failing(kind: str, record: Any, problems: list[Problem]) -> FailingRecord:
    label = (
        record.case_number
        if isinstance(record, Case)
        else getattr(record, "victim_code", "") or getattr(record, "title", "")
    )
    return FailingRecord(
        kind, record.id, str(label), str(getattr(record, "district", "")), tuple(problems)
    )
