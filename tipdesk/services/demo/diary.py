"""Demo court hearings for a store already filled with demo cases (the screenshots, the
Settings' demo data, the benchmark): chains of adjourned hearings of cases at challan or trial,
and remand hearings of accused in recent cases, around the session's today. Synthetic only;
deterministic for a seed and a store; saved through :mod:`tipdesk.services.diary`, so every
hearing passes its rules."""

from __future__ import annotations

import datetime as dt
import random

from tipdesk.core.codes import HearingPurpose
from tipdesk.core.records import Case, Hearing
from tipdesk.services import diary
from tipdesk.services.session import Session

NOTES = (
    "Witness absent; adjourned.",
    "Prosecution evidence recorded in part; adjourned.",
    "Defence counsel sought time; adjourned.",
    "Charge framed; accused pleaded not guilty.",
    "Case property produced; adjourned for evidence.",
    "Presiding officer on leave; adjourned.",
)
TRIAL_PURPOSES = (HearingPurpose.CHARGE, HearingPurpose.EVIDENCE, HearingPurpose.ARGUMENTS)


def _weekday(day: dt.date) -> dt.date:
    """``day``, or the Monday after it when it is a Sunday (courts do not sit)."""
    return day + dt.timedelta(days=1) if day.weekday() == 6 else day


def _court(session: Session, case: Case, trial: bool) -> str:
    district = session.reference.districts.get(case.district)
    place = district.name if district else case.district
    return f"Sessions Court (TIP), {place}" if trial else f"Judicial Magistrate, {place}"


def add_hearings(session: Session, *, seed: int, chains: int = 40) -> int:
    """Add hearings to up to ``chains`` cases at challan or trial and remand hearings to the
    accused of recent cases; returns the number of hearings saved."""
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not a secret
    today = session.clock.now().date()
    rows = session.store.query(
        "SELECT id FROM cases WHERE deleted = 0 AND stage IN ('challan', 'trial') ORDER BY id"
    )
    picked = rng.sample([str(r[0]) for r in rows], min(chains, len(rows)))
    saved = 0
    for case_id in picked:
        case = session.store.get("case", case_id)
        if not isinstance(case, Case):  # pragma: no cover - the store returns its kind
            continue
        day = _weekday(today - dt.timedelta(days=rng.randrange(20, 70)))
        hearing = Hearing(case_id=case.id, hearing_on=day, court=_court(session, case, True),
                          purpose=rng.choice(TRIAL_PURPOSES))  # fmt: skip
        current = diary.save_hearing(session, hearing).hearing
        saved += 1
        # The chain ends with a hearing not yet recorded: a few days overdue, today or soon.
        stop = _weekday(
            today - dt.timedelta(days=rng.choice((-9, -6, -3, -1, 0, 0, 1, 2, 4, 6, 12)))
        )
        while day < stop and day <= today:
            day = min(_weekday(day + dt.timedelta(days=rng.randrange(7, 22))), stop)
            made = diary.record_outcome(
                session, current.id, version=None, proceedings=rng.choice(NOTES),
                next_on=day, next_purpose=rng.choice(TRIAL_PURPOSES),
            ).next_hearing  # fmt: skip
            if made is None:  # pragma: no cover - a next date always makes one
                break
            current = made
            saved += 1
    recent = session.store.query(
        "SELECT a.id, a.case_id, c.registered_on FROM accused AS a JOIN cases AS c "
        "ON c.id = a.case_id WHERE a.deleted = 0 AND c.deleted = 0 AND a.proceeded_on IS NULL "
        "AND c.stage IN ('registered', 'investigation') AND c.registered_on >= ? ORDER BY a.id",
        ((today - dt.timedelta(days=30)).isoformat(),),
    )
    for accused_id, case_id, registered_on in recent[: chains // 2]:
        case = session.store.get("case", str(case_id))
        if not isinstance(case, Case):  # pragma: no cover
            continue
        first = _weekday(max(dt.date.fromisoformat(str(registered_on)) + dt.timedelta(days=1),
                             today - dt.timedelta(days=20)))  # fmt: skip
        court = _court(session, case, False)
        remand = Hearing(case_id=case.id, accused_id=str(accused_id), hearing_on=first,
                         court=court, purpose=HearingPurpose.REMAND)  # fmt: skip
        diary.save_hearing(session, remand)
        saved += 1
        if first < today:
            diary.record_outcome(
                session, remand.id, version=None,
                proceedings="Physical remand granted; to be produced again.",
                next_on=_weekday(first + dt.timedelta(days=rng.choice((4, 7, 14)))),
            )  # fmt: skip
            saved += 1
    return saved
