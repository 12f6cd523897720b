"""Validation rules of a court hearing (the diary's record), no I/O.

:func:`tipdesk.core.validation.validate` calls :func:`validate_hearing` for a
:class:`~tipdesk.core.records.Hearing`, after the text limits. The rules that need the store
(the case exists, the accused is one of its accused) are the diary service's
(:mod:`tipdesk.services.diary`). Rule names and messages follow :mod:`tipdesk.core.validation`:
every problem names the field, a stable rule and a sentence an officer understands, and no
message repeats what was typed beyond a date.

Rules: ``required`` (case, date, court), ``hearing.far_future`` (a date more than
:data:`MAX_YEARS_AHEAD` years ahead: a typing slip), ``hearing.done_future`` (recorded as held
before the day), ``hearing.proceedings`` (held without saying what happened),
``hearing.next_date`` (a next date on a hearing not recorded as held) and ``date.order`` (the
next date not after the hearing).
"""

from __future__ import annotations

import datetime as dt

from tipdesk.core.errors import Problem
from tipdesk.core.messages import say, template
from tipdesk.core.records import Hearing

MAX_YEARS_AHEAD = 3

_REQUIRED = {
    "case_id": template("the case"),
    "hearing_on": template("the date of the hearing"),
    "court": template("the court"),
}


def _far(today: dt.date) -> dt.date:
    try:
        return today.replace(year=today.year + MAX_YEARS_AHEAD)
    except ValueError:  # 29 February
        return today.replace(year=today.year + MAX_YEARS_AHEAD, day=28)


def validate_hearing(hearing: Hearing, today: dt.date) -> list[Problem]:
    """Every problem of one hearing (see the module docstring)."""
    h = hearing
    problems: list[Problem] = []
    for name, label in _REQUIRED.items():
        value = getattr(h, name)
        if value is None or (isinstance(value, str) and not value.strip()):
            problems.append(
                Problem.of(name, "required", say("{label} is required", label=say(label)))
            )
    far = _far(today)
    for name, value in (("hearing_on", h.hearing_on), ("next_on", h.next_on)):
        if value is not None and value > far:
            problems.append(
                Problem.of(
                    name,
                    "hearing.far_future",
                    say(
                        "{day} is more than {years} years ahead; check the year",
                        day=value.isoformat(),
                        years=MAX_YEARS_AHEAD,
                    ),
                )
            )
    if h.done and h.hearing_on is not None and h.hearing_on > today:
        problems.append(
            Problem.of(
                "done",
                "hearing.done_future",
                say(
                    "the hearing of {day} has not taken place yet (today is {today}); record "
                    "what happened on the day",
                    day=h.hearing_on.isoformat(),
                    today=today.isoformat(),
                ),
            )
        )
    if h.done and not h.proceedings.strip():
        problems.append(
            Problem.of(
                "proceedings",
                "hearing.proceedings",
                say("say what happened at the hearing before recording it as held"),
            )
        )
    if h.next_on is not None and not h.done:
        problems.append(
            Problem.of(
                "next_on",
                "hearing.next_date",
                say("a next date is given at a hearing that took place: record what happened too"),
            )
        )
    if h.next_on is not None and h.hearing_on is not None and h.next_on <= h.hearing_on:
        problems.append(
            Problem.of(
                "next_on",
                "date.order",
                say(
                    "{day} is not after the hearing ({hearing})",
                    day=h.next_on.isoformat(),
                    hearing=h.hearing_on.isoformat(),
                ),
            )
        )
    return problems
