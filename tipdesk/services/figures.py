"""The office's headline figures (``tipdesk stats`` and the dashboard)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tipdesk.core.codes import InstallRole
from tipdesk.core.permissions import Permission
from tipdesk.services.session import Session
from tipdesk.services.sync.hq import hq_database
from tipdesk.store import queries


@dataclass(frozen=True, slots=True)
class Period:
    """An inclusive period of ISO dates; ``start`` is None when it runs from the first record.
    (``from`` and ``to`` in ``--json`` output.)"""

    start: str | None = field(metadata={"json": "from"})
    end: str = field(metadata={"json": "to"})


@dataclass(frozen=True, slots=True)
class Figures:
    """The headline figures of a period, each counted by its own event date
    (``docs/report-definitions.md``). ``victims_by_age_group`` always has ``child``,
    ``adult`` and ``unknown``; the by-gender maps hold only the genders that occur."""

    period: Period
    cases_registered: int
    accused_proceeded_against: int
    accused_convicted: int
    victims_identified: int
    victims_by_gender: dict[str, int]
    victims_by_age_group: dict[str, int]
    victims_by_gender_and_age_group: dict[str, dict[str, int]]
    training_sessions: int
    persons_trained: int
    awareness_campaigns: int
    people_reached: int


def stats(session: Session, date_from: dt.date | None, date_to: dt.date | None) -> Figures:
    """Headline figures for an inclusive period (default: everything up to today); at an HQ
    keeping its records in PostgreSQL, read there."""
    session.require(Permission.VIEW)
    start = date_from.isoformat() if date_from else None
    end = (date_to or session.clock.now().date()).isoformat()
    db = hq_database(session) if session.install.role is InstallRole.HQ else None
    if db is not None:  # an HQ keeping its records in PostgreSQL (issue 20)
        from tipdesk.services.sync import hq_pg_dash  # the PostgreSQL driver, only when used

        with db:
            return hq_pg_dash.stats(session, db, date_from, date_to)
    # ISO dates sort as text, so "0000-01-01" is before every real date.
    counted = queries.headline(session.store, start or "0000-01-01", end)
    return Figures(period=Period(start, end), **counted)
