"""The office's headline figures (``tipdesk stats`` and the dashboard)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tipdesk.core.permissions import Permission
from tipdesk.services.session import Session
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
    """Headline figures for an inclusive period (default: everything up to today)."""
    session.require(Permission.VIEW)
    start = date_from.isoformat() if date_from else None
    end = (date_to or session.clock.now().date()).isoformat()
    # ISO dates sort as text, so "0000-01-01" is before every real date.
    counted = queries.headline(session.store, start or "0000-01-01", end)
    return Figures(period=Period(start, end), **counted)
