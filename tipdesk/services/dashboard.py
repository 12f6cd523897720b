"""The dashboard's figures: headline counts, the case funnel and monthly series.

Contract: :func:`dashboard` runs on the store's thread (the app's worker), needs the ``view``
permission and returns plain data (no store objects), so the GUI thread can read it freely.

The funnel counts the cases registered in the period by how far they have got: every case has
been *registered*; a case at ``challan`` has also been through *investigation*; and so on to
*decided*. A ``closed`` case counts as registered only (it may have been closed at any stage).
The last step counts people, not cases: the accused convicted in those cases.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from tipdesk.core.codes import InstallRole, Stage
from tipdesk.core.permissions import Permission
from tipdesk.services import figures, overlaps
from tipdesk.services.figures import Figures
from tipdesk.services.session import Session
from tipdesk.services.sync.hq import hq_database
from tipdesk.store import dashboard_queries as q
from tipdesk.store.store import Store

FUNNEL_STAGES = (Stage.REGISTERED, Stage.INVESTIGATION, Stage.CHALLAN, Stage.TRIAL, Stage.DECIDED)
CONVICTED_STEP = "convicted"


@dataclass(frozen=True, slots=True)
class Dashboard:
    """Everything the dashboard shows, for one period and the months up to its end."""

    period_from: str | None
    period_to: str
    headline: Figures
    funnel: list[tuple[str, int]]
    """(step, count): the stages of :data:`FUNNEL_STAGES`, then ``("convicted", accused)``."""
    closed: int
    months: list[str]
    """``YYYY-MM``, oldest first, ending with the period's last month."""
    cases_per_month: list[int]
    convictions_per_month: list[int]
    trained_per_month: list[int]
    campaigns_per_month: list[int]
    victims: dict[str, dict[str, int]]
    """gender -> {"child", "adult", "unknown"} -> victims identified in the period."""
    record_counts: dict[str, int]
    overlaps_open: int = 0
    """Accused who may be a victim of the same case and that no supervisor reviewed yet
    (:mod:`tipdesk.services.overlaps`)."""

    @property
    def empty(self) -> bool:
        """True when the store holds no records at all (not only none in the period)."""
        return not any(self.record_counts.values())


def month_list(last_day: dt.date, months: int) -> list[str]:
    """The ``months`` months ending with ``last_day``'s month, oldest first, as ``YYYY-MM``."""
    year, month = last_day.year, last_day.month
    out: list[str] = []
    for _ in range(months):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out[::-1]


def funnel(by_stage: dict[str, int], convicted: int) -> list[tuple[str, int]]:
    """Cases that reached at least each stage of :data:`FUNNEL_STAGES`, then the convicted."""
    steps: list[tuple[str, int]] = []
    for i, stage in enumerate(FUNNEL_STAGES):
        reached = sum(by_stage.get(s.value, 0) for s in FUNNEL_STAGES[i:])
        if stage is Stage.REGISTERED:
            reached += by_stage.get(Stage.CLOSED.value, 0)
        steps.append((stage.value, reached))
    steps.append((CONVICTED_STEP, convicted))
    return steps


class Source(Protocol):
    """Where the dashboard's figures are read: the store's queries
    (:mod:`tipdesk.store.dashboard_queries`) or the PostgreSQL HQ database's
    (:class:`tipdesk.hqstore.dashboard_queries.PgDashboardQueries`), the same answers."""

    def cases_by_stage(self, date_from: str, date_to: str) -> dict[str, int]: ...
    def convicted_accused_of_cases(self, date_from: str, date_to: str) -> int: ...
    def cases_per_month(self, first_day: str, last_day: str) -> dict[str, int]: ...
    def convictions_per_month(self, first_day: str, last_day: str) -> dict[str, int]: ...
    def trained_per_month(self, first_day: str, last_day: str) -> dict[str, int]: ...
    def campaigns_per_month(self, first_day: str, last_day: str) -> dict[str, int]: ...
    def victims_by_gender_and_age(
        self, date_from: str, date_to: str
    ) -> dict[str, dict[str, int]]: ...
    def record_counts(self) -> dict[str, int]: ...


class StoreSource:
    """:class:`Source` over the session's own store."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def cases_by_stage(self, date_from: str, date_to: str) -> dict[str, int]:
        return q.cases_by_stage(self._store, date_from, date_to)

    def convicted_accused_of_cases(self, date_from: str, date_to: str) -> int:
        return q.convicted_accused_of_cases(self._store, date_from, date_to)

    def cases_per_month(self, first_day: str, last_day: str) -> dict[str, int]:
        return q.cases_per_month(self._store, first_day, last_day)

    def convictions_per_month(self, first_day: str, last_day: str) -> dict[str, int]:
        return q.convictions_per_month(self._store, first_day, last_day)

    def trained_per_month(self, first_day: str, last_day: str) -> dict[str, int]:
        return q.trained_per_month(self._store, first_day, last_day)

    def campaigns_per_month(self, first_day: str, last_day: str) -> dict[str, int]:
        return q.campaigns_per_month(self._store, first_day, last_day)

    def victims_by_gender_and_age(self, date_from: str, date_to: str) -> dict[str, dict[str, int]]:
        return q.victims_by_gender_and_age(self._store, date_from, date_to)

    def record_counts(self) -> dict[str, int]:
        return q.record_counts(self._store)


def record_counts(session: Session) -> dict[str, int]:
    """How many live records of each kind there are (the Settings screen's About), from the
    engine that keeps them (an HQ's PostgreSQL database: issue 20)."""
    session.require(Permission.VIEW)
    db = hq_database(session) if session.install.role is InstallRole.HQ else None
    if db is not None:
        from tipdesk.hqstore.dashboard_queries import PgDashboardQueries  # the driver, if used

        with db:
            return PgDashboardQueries(db).record_counts()
    return q.record_counts(session.store)


def dashboard(
    session: Session,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    *,
    months: int = 12,
) -> Dashboard:
    """The dashboard for an inclusive period (default: everything up to today) and the
    ``months`` months ending with the period's last month. At an HQ keeping its records in
    PostgreSQL (issue 20) the figures are read there."""
    session.require(Permission.VIEW)
    db = hq_database(session) if session.install.role is InstallRole.HQ else None
    if db is not None:
        from tipdesk.services.sync import hq_pg_dash  # the PostgreSQL driver, only when used

        with db:
            return hq_pg_dash.dashboard(session, db, date_from, date_to, months=months)
    headline = figures.stats(session, date_from, date_to)
    return assemble(session, headline, StoreSource(session.store), months)


def assemble(session: Session, headline: Figures, source: Source, months: int) -> Dashboard:
    """The dashboard of ``headline``'s period from ``source`` (either engine)."""
    start = headline.period.start or "0000-01-01"
    end = headline.period.end
    by_stage = source.cases_by_stage(start, end)
    convicted = source.convicted_accused_of_cases(start, end)
    month_keys = month_list(dt.date.fromisoformat(end), months)
    first_day, last_day = month_keys[0] + "-01", month_keys[-1] + "-31"

    def series(values: dict[str, int]) -> list[int]:
        return [values.get(m, 0) for m in month_keys]

    return Dashboard(
        period_from=headline.period.start,
        period_to=end,
        headline=headline,
        funnel=funnel(by_stage, convicted),
        closed=by_stage.get(Stage.CLOSED.value, 0),
        months=month_keys,
        cases_per_month=series(source.cases_per_month(first_day, last_day)),
        convictions_per_month=series(source.convictions_per_month(first_day, last_day)),
        trained_per_month=series(source.trained_per_month(first_day, last_day)),
        campaigns_per_month=series(source.campaigns_per_month(first_day, last_day)),
        victims=source.victims_by_gender_and_age(start, end),
        record_counts=source.record_counts(),
        overlaps_open=overlaps.count_open(session),
    )
