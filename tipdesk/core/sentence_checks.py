"""The sentencing rules applied to a case: the sections charged, each sentence against the law
in force on the date of the offence, and the conditions a section needs.

Contract: no I/O, never raises on user data. Each function returns :class:`Problem` objects,
errors and warnings (``severity``), with field paths inside the case (``sections[1]``,
``accused[2].imprisonment_months``); :mod:`tipdesk.core.validation` sorts them into what
refuses a record and what is only shown.

The date every rule here uses is the date of the offence (:func:`tipdesk.core.records
.offence_date`: the offence date, or the registration date when none is recorded). An accused's
section is the one recorded on the accused; when blank, the case's section if the case lists
exactly one section of its law, else the law's default section (the message names it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from tipdesk.core.ages import ADULT_AGE, age_on
from tipdesk.core.codes import Gender, Outcome
from tipdesk.core.errors import Problem, Severity, quoted
from tipdesk.core.messages import Message, say, template
from tipdesk.core.records import Accused, Case, Victim, offence_date
from tipdesk.core.sentencing import Condition, Law, Penalty, Section, SentenceLimit, limit_of

WARNING = Severity.WARNING


def _cite(limit: SentenceLimit, day: dt.date | None) -> str | Message:
    """``TIP Act 2018 s.3(2)``, with the version named when the section has several."""
    if limit.amended and day is not None:
        return say(
            "{citation} as in force on {day}, the date of the offence",
            citation=limit.citation,
            day=day.isoformat(),
        )
    return limit.citation


def _not_in_force(law: Law, section: Section, day: dt.date | None, check: str) -> Message:
    """Section ``section`` of ``law`` not in force on ``day``, then what to check: ``check`` is
    ``"sections"`` (the case's list), ``"section"`` (an accused's) or ``"sentence"`` (a
    sentence that cannot be checked). One whole template per case, so a translation can order
    the sentence as its language needs."""
    start = section.in_force_from
    args = {"law": law.short, "section": section.code,
            "day": day.isoformat() if day else say("not recorded")}  # fmt: skip
    if start is None:
        return say(_NOT_IN_FORCE[check], **args)
    return say(_NOT_IN_FORCE_SINCE[check], since=start.isoformat(), **args)


# The templates are written out whole (``make lupdate`` reads the ``template`` literals).
_NOT_IN_FORCE = {
    "sections": template(
        "{law} s.{section} was not in force on the date of the offence ({day}): check the "
        "offence date and sections"
    ),
    "section": template(
        "{law} s.{section} was not in force on the date of the offence ({day}): check the "
        "offence date and section"
    ),
    "sentence": template(
        "{law} s.{section} was not in force on the date of the offence ({day}), so the "
        "sentence cannot be checked against it: check the offence date and the section"
    ),
}
_NOT_IN_FORCE_SINCE = {
    "sections": template(
        "{law} s.{section} was not in force on the date of the offence ({day}); it took effect "
        "on {since}: check the offence date and sections"
    ),
    "section": template(
        "{law} s.{section} was not in force on the date of the offence ({day}); it took effect "
        "on {since}: check the offence date and section"
    ),
    "sentence": template(
        "{law} s.{section} was not in force on the date of the offence ({day}); it took effect "
        "on {since}, so the sentence cannot be checked against it: check the offence date and "
        "the section"
    ),
}


def case_problems(case: Case, law: Law) -> list[Problem]:
    """The case's own charges: the law in force on the offence date, each listed section known
    to the rules (an unknown one is an error, never another section's limits) and in force."""
    day = offence_date(case)
    out: list[Problem] = []
    starts = [s.in_force_from for s in law.sections.values()]
    if day is not None and all(start is not None and start > day for start in starts):
        first = min(start for start in starts if start is not None)
        out.append(
            Problem.of(
                "law",
                "law.not_in_force",
                say(
                    "{law} was not in force on the date of the offence ({day}); it took effect "
                    "on {since}: check the offence date and the law",
                    law=law.short,
                    day=day.isoformat(),
                    since=first.isoformat(),
                ),
                WARNING,
            )
        )
        return out
    for i, text in enumerate(case.sections):
        section = law.section(text) if text.strip() else None
        if section is None:
            if text.strip():
                out.append(_unknown_section(f"sections[{i}]", text, law))
        elif section.version_on(day) is None:
            message = _not_in_force(law, section, day, "sections")
            out.append(Problem.of(f"sections[{i}]", "law.not_in_force", message, WARNING))
    return out


def _unknown_section(field: str, text: str, law: Law) -> Problem:
    return Problem.of(
        field,
        "reference.section",
        say(
            "{value} is not a section of {law} in the sentencing rules (known: {known})",
            value=quoted(text),
            law=law.short,
            known=law.known_sections(),
        ),
    )


def accused_section(case: Case, accused: Accused, law: Law) -> Section | None:
    """The section an accused is charged under (see the module contract); ``None`` when the
    accused's own section is unknown to the rules."""
    if accused.section.strip():
        return law.section(accused.section)
    listed = {s.code for s in (law.section(t) for t in case.sections if t.strip()) if s}
    if len(listed) == 1:
        return law.sections[listed.pop()]
    return law.sections[law.default_section]


def accused_problems(
    case: Case, accused: Accused, law: Law, prefix: str, months: int, fine: int
) -> list[Problem]:
    """One accused's section and sentence (``months`` and ``fine``: the sentence as validation
    read it, 0 when none or unusable) against the law in force on the offence date."""
    section = accused_section(case, accused, law)
    if section is None:
        return [_unknown_section(f"{prefix}section", accused.section, law)]
    day = offence_date(case)
    version = section.version_on(day)
    if version is None:
        if months or fine:
            message = _not_in_force(law, section, day, "sentence")
            return [Problem.of(f"{prefix}section", "sentence.not_in_force", message)]
        if accused.section.strip():
            message = _not_in_force(law, section, day, "section")
            return [Problem.of(f"{prefix}section", "law.not_in_force", message, WARNING)]
        return []
    limit = limit_of(law, section, version)
    return _limits(limit, _cite(limit, day), accused.outcome, prefix, months, fine)


def _limits(
    limit: SentenceLimit, cite: str | Message, outcome: Outcome, prefix: str, months: int, fine: int
) -> list[Problem]:
    out: list[Problem] = []
    both = limit.penalty is Penalty.IMPRISONMENT_AND_FINE
    convicted = outcome == Outcome.CONVICTED
    top, low = limit.max_imprisonment_months, limit.min_imprisonment_months
    field = f"{prefix}imprisonment_months"
    if top is not None and months > top:
        out.append(
            Problem.of(
                field,
                "sentence.max_imprisonment",
                say(
                    "{months:,} exceeds the {top:,}-month maximum ({cite})",
                    months=months,
                    top=top,
                    cite=cite,
                ),
            )
        )
    # "Not less than N years ... or fine ... or both": the minimum binds imprisonment imposed;
    # "imprisonment ... and fine": imprisonment is always imposed, so the minimum always binds.
    if convicted and low is not None and months < low and (months > 0 or both):
        message = (
            say(
                "{months:,} is below the {low:,}-month minimum ({cite})",
                months=months,
                low=low,
                cite=cite,
            )
            if months
            else say(
                "{cite} requires imprisonment of at least {low:,} months; none is recorded",
                cite=cite,
                low=low,
            )
        )
        out.append(Problem.of(field, "sentence.min_imprisonment", message))
    top, low = limit.max_fine_pkr, limit.min_fine_pkr
    field = f"{prefix}fine_pkr"
    if top is not None and fine > top:
        out.append(
            Problem.of(
                field,
                "sentence.max_fine",
                say(
                    "{fine:,} exceeds the PKR {top:,} maximum ({cite})",
                    fine=fine,
                    top=top,
                    cite=cite,
                ),
            )
        )
    if convicted and low is not None and fine < low and (fine > 0 or both):
        out.append(
            Problem.of(
                field,
                "sentence.min_fine",
                say(
                    "{fine:,} is below the PKR {low:,} minimum ({cite})",
                    fine=fine,
                    low=low,
                    cite=cite,
                ),
            )
        )
    elif convicted and both and not fine and low is None:
        out.append(
            Problem.of(
                field,
                "sentence.penalty",
                say(
                    "{cite} punishes with imprisonment and a fine, but no fine is recorded: "
                    "check the judgment",
                    cite=cite,
                ),
                WARNING,
            )
        )
    return out


def is_woman_or_child(victim: Victim, day: dt.date | None) -> bool:
    """Female, or under 18 on the offence date ``day``: from the date of birth when recorded,
    else from the age recorded at identification less the years between offence and
    identification (a victim identified years later may have been a child then)."""
    if victim.gender == Gender.FEMALE:
        return True
    if victim.date_of_birth is not None and day is not None and victim.date_of_birth <= day:
        return age_on(victim.date_of_birth, day) < ADULT_AGE
    if victim.age is None or victim.age < 0:
        return False
    seen = victim.identified_on
    elapsed = age_on(day, seen) if day is not None and seen is not None and day <= seen else 0
    return victim.age - elapsed < ADULT_AGE


def condition_problems(
    case: Case, law: Law, accused: Sequence[tuple[int, Accused]], victims: Sequence[Victim]
) -> list[Problem]:
    """A warning when a section needing a woman or child victim is charged (listed on the case
    or on an accused) and no victim of the case is recorded as one. One warning per case, on
    the first place the section is charged."""
    day = offence_date(case)
    charged: list[tuple[str, Section | None]] = [
        (f"sections[{i}]", law.section(t)) for i, t in enumerate(case.sections) if t.strip()
    ]
    charged += [(f"accused[{i}].section", accused_section(case, a, law)) for i, a in accused]
    for field, section in charged:
        version = section.version_on(day) if section is not None else None
        if section is None or version is None:
            continue
        if Condition.VICTIM_WOMAN_OR_CHILD not in version.conditions:
            continue
        if any(is_woman_or_child(v, day) for v in victims):
            return []
        return [
            Problem.of(
                field,
                "sentence.condition",
                say(
                    "{law} s.{section} applies where a victim is a woman or a child, but no "
                    "victim of this case is recorded as female or under 18: check the section, "
                    "and the victims' gender and age",
                    law=law.short,
                    section=section.code,
                ),
                WARNING,
            )
        ]
    return []
