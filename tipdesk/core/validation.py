"""Validation rules for every record, and the tidying done before a record is saved.

Contract: no I/O. Every ``validate_*`` function returns the complete list of problems (empty
when the record is acceptable) and never raises on user data. Each :class:`Problem` names the
field by its path in the record as saved (``accused[2].imprisonment_months``,
``victims[0].referrals[1].referred_on``), a stable rule name (tests, the GUI and translations
key on it) and a sentence an officer understands, naming the limit that was crossed.
Messages never repeat identifying values (names, CNICs, dates of birth): a
:class:`~tipdesk.core.errors.ValidationFailed` carrying them may end up in a log.

Records hold codes, not display names; the services resolve names and aliases to codes first
(:func:`tipdesk.core.names.resolve_names`). Messages name districts, laws, countries and list
items by their names and never ask for a code; a value close to a name gets a "did you mean"
hint with the name.
Soft-deleted accused, victims and referrals inside a case are skipped: they are not shown, so
they must not block a save, and they do not count.

Rules (an *error* refuses the record; a rule marked *warning* is only shown, see
:func:`advise`)

=========================== ======================== ===============================================
rule                        field                    refused when
=========================== ======================== ===============================================
required                    case: case_number,       blank (a victim's gender and age may be
                            registered_on, district, unknown: such a victim counts, as "not
                            office, law; victim:     recorded", in every figure split by them)
                            victim_code,
                            identified_on;
                            referral: service,
                            referred_on; training:
                            title, start_on,
                            district, organiser;
                            campaign: department,
                            kind, start_on, district
date.future                 every date               after ``ctx.today``
date.order                  end_on, proceeded_on,    end before start; proceeded against before the
                            judgment_on, outcome_on, case was registered; judgment before proceeded
                            identified_on,           against (or before registration); referral
                            offence_on               outcome before referral; identified before
                                                     birth; offence after the registration date
number.negative             imprisonment_months,     below zero
                            fine_pkr,
                            participants_*,
                            people_reached
age.range                   age, date_of_birth       age outside 0..``ctx.max_age``; a date of birth
                                                     giving an age over the maximum today
age.date_of_birth           victim age               age and date of birth both given and the age on
                                                     the identification date differs by more than 1
                                                     year
cnic.format                 cnic (accused, victim)   given but not 13 digits (``#####-#######-#``)
reference.district          district                 not a district of the reference data
reference.office            office                   not an office of this install (``ctx.offices``)
reference.law               law                      not a law of the sentencing rules
reference.section           sections, accused        not a section of the case's law in the
                            section                  sentencing rules (aliases and spellings such as
                                                     ``s.3 (2)`` are accepted); never another
                                                     section's limits
law.not_in_force            law, sections, accused   *warning*: the law, or a section listed on the
                            section                  case or an accused, was not in force on the
                                                     date of the offence
reference.code              exploitation_forms,      not a code of its list (countries,
                            means, route_countries,  accused_roles, victim_indicators,
                            nationality, role,       protection_measures, referral_services,
                            indicators,              training_topics, agencies, partners,
                            protection_measures,     departments, campaign_kinds)
                            service, topics,
                            organiser, partners,
                            department, kind,
                            participants_by_agency
                            keys
route.transnational         route_countries          transnational case with no route country other
                                                     than PK
route.domestic              transnational            domestic case whose route names a country other
                                                     than PK
stage.closed_reason         closed_reason            stage ``closed`` with no reason
official.action             official_action          an official was involved, the case is decided
                                                     or closed and no action is recorded
outcome.judgment_date       accused judgment_on      outcome not pending and no judgment date, or
                                                     pending with one
outcome.proceeded_date      accused proceeded_on     convicted or acquitted and no date proceeded
                                                     against (challan); a discharge may come first
outcome.appeal              accused appeal           an appeal recorded while the outcome is pending
sentence.required           accused                  convicted with neither imprisonment nor fine
                            imprisonment_months      above zero
sentence.without_conviction accused                  a sentence above zero while the outcome is not
                            imprisonment_months,     ``convicted``
                            fine_pkr
sentence.max_imprisonment   accused                  over the maximum of the accused's section of
                            imprisonment_months      the case's law, in the version in force on the
                                                     date of the offence (rules file)
sentence.min_imprisonment   accused                  convicted, with imprisonment below that
                            imprisonment_months      version's minimum (when the Act punishes with
                                                     imprisonment *and* fine, no imprisonment at all
                                                     is below the minimum too)
sentence.max_fine           accused fine_pkr         over the maximum fine, likewise
sentence.min_fine           accused fine_pkr         convicted, with a fine below the minimum fine
sentence.not_in_force       accused section          a sentence is recorded under a section not in
                                                     force on the date of the offence
sentence.penalty            accused fine_pkr         *warning*: convicted under a section punishing
                                                     with imprisonment and fine, and no fine
sentence.condition          sections or accused      *warning*: a section needing a woman or child
                            section                  victim (TIP Act s.3(2)) is charged and no
                                                     victim of the case is female or under 18 on
                                                     the date of the offence
counts.reconcile            accused (the list)       convicted <= proceeded against <= accused fails
                                                     person by person: someone tried but with no
                                                     date proceeded against; the message gives the
                                                     counts
dual_role                   accused[i]               *warning*: the accused may be a victim of the
                                                     case (same CNIC, the stronger sign, or same
                                                     name with father's names equal or missing on
                                                     either side; two different valid CNICs are two
                                                     people) and no supervisor's review covers it
                                                     (non-criminalisation): saved, and listed in the
                                                     review queue
referral.outcome_date       referral outcome_on      outcome not pending and no outcome date
participants.gender_sum     participants_total       a gender count given and female + male +
                                                     transgender differs from the total
participants.agency_sum     participants_by_agency   agency counts given and their sum differs from
                                                     the total
participants.roster         roster                   the roster names more people than the total
text.max_length             every text field, every  longer than its maximum (characters, not
                            list entry and table key bytes; ``tipdesk/core/limits.py``)
list.max_items              every list and table     more entries than its maximum
required                    hearing: case_id,        blank (:mod:`tipdesk.core.hearings`)
                            hearing_on, court
hearing.far_future          hearing_on, next_on      more than 3 years after ``ctx.today``
hearing.done_future         hearing done             recorded as held before its date
hearing.proceedings         hearing proceedings      recorded as held without what happened
hearing.next_date           hearing next_on          a next date on a hearing not recorded as held
date.order                  hearing next_on          the next date not after the hearing's date
=========================== ======================== ===============================================

Sentencing limits come from the rules file's version of the accused's section in force on the
date of the offence (:mod:`tipdesk.core.sentence_checks`: the case's offence date, or its
registration date when none is recorded); a limit of ``None`` is not checked. An accused
validated on its own (no ``case``) skips the rules that need the case: sentences, sections and
the registration date.

Dates the rules use: ``date.future`` compares with ``ctx.today``; the sentencing rules
(``sentence.*``, ``law.not_in_force``, ``reference.section``'s version) and the age of a victim
for ``sentence.condition`` use the date of the offence; ``date.order`` compares the dates named
in its row; ages are checked on the identification date (``age.date_of_birth``) and today
(``age.range``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from tipdesk.core import dual_role, sentence_checks
from tipdesk.core.ages import age_on
from tipdesk.core.cnic import normalise_cnic
from tipdesk.core.codes import Appeal, Outcome, ReferralOutcome, Stage
from tipdesk.core.errors import SHOWN_MAX, Problem, Severity, quoted
from tipdesk.core.hearings import validate_hearing
from tipdesk.core.limits import length_problems
from tipdesk.core.masking import is_masked
from tipdesk.core.names import describe_district
from tipdesk.core.records import (
    BOOKKEEPING_FIELDS,
    Accused,
    Campaign,
    Case,
    Hearing,
    Meta,
    R,
    Record,
    Referral,
    Training,
    Victim,
)
from tipdesk.core.reference import Reference

HOME_COUNTRY = "PK"

_LABELS: dict[str, str] = {
    "case_number": "the case number",
    "registered_on": "the registration date",
    "district": "the district",
    "office": "the office",
    "law": "the law",
    "victim_code": "the victim code",
    "identified_on": "the date of identification",
    "gender": "the gender (female, male or transgender)",
    "service": "the service",
    "referred_on": "the referral date",
    "title": "the title",
    "start_on": "the start date",
    "organiser": "the organising agency",
    "department": "the organising department",
    "kind": "the kind of campaign",
}

_LIST_WORDS: dict[str, str] = {
    "exploitation_forms": "form of exploitation",
    "means": "means of control",
    "countries": "country",
    "accused_roles": "accused role",
    "referral_services": "referral service",
    "training_topics": "training topic",
    "agencies": "agency",
    "partners": "partner",
    "departments": "department",
    "campaign_kinds": "kind of campaign",
    "victim_indicators": "identification indicator",
    "protection_measures": "protection measure",
}


@dataclass(frozen=True)
class ValidationContext:
    """What validation needs besides the record: reference data, this install's offices,
    today's date (injected so tests and late data entry are deterministic) and the oldest
    believable age."""

    reference: Reference
    offices: frozenset[str]
    today: dt.date
    max_age: int = 120
    identity_detail: bool = True
    """Whether messages may say which identifying field matched (users who may reveal
    identities); otherwise an overlap notice names the victim by code only."""
    person_key: dual_role.PersonKey | None = None
    """How the overlap check keys people (:data:`dual_role.PersonKey`); plaintext when None."""


class _Checks:
    """Collects problems for one record; ``prefix`` is the record's path inside its parent."""

    def __init__(self, ctx: ValidationContext, prefix: str) -> None:
        self.ctx = ctx
        self.prefix = prefix
        self.problems: list[Problem] = []

    def add(self, name: str, rule: str, message: str) -> None:
        self.problems.append(Problem(f"{self.prefix}{name}", rule, message))

    def extend(self, found: Iterable[Problem]) -> None:
        """Problems made elsewhere with paths inside this record: prefixed like ours."""
        self.problems += [
            dataclasses.replace(p, field=f"{self.prefix}{p.field}") if self.prefix else p
            for p in found
        ]

    def required(self, name: str, value: str | dt.date | None) -> bool:
        """Report a blank value; return whether the value is present."""
        missing = value is None or (isinstance(value, str) and not value.strip())
        if missing:
            self.add(name, "required", f"{_LABELS[name]} is required")
        return not missing

    def not_future(self, name: str, value: dt.date | None) -> None:
        if value is not None and value > self.ctx.today:
            self.add(
                name,
                "date.future",
                f"{value.isoformat()} is in the future (today is {self.ctx.today.isoformat()})",
            )

    def not_before(
        self, name: str, value: dt.date | None, limit: dt.date | None, what: str
    ) -> bool:
        """Report ``value`` earlier than ``limit`` (``what`` names the limit's date)."""
        if value is not None and limit is not None and value < limit:
            self.add(
                name, "date.order", f"{value.isoformat()} is before {what} ({limit.isoformat()})"
            )
            return False
        return True

    def not_negative(self, name: str, value: int | None) -> bool:
        """Report a negative number; return whether the value is usable (given and >= 0)."""
        if value is None:
            return False
        if value < 0:
            self.add(name, "number.negative", f"{value:,} is below zero; enter 0 or more")
            return False
        return True

    def age(self, name: str, value: int | None) -> None:
        if value is not None and not 0 <= value <= self.ctx.max_age:
            self.add(name, "age.range", f"{value} is not a possible age (0 to {self.ctx.max_age})")

    def cnic(self, name: str, value: str) -> None:
        if value.strip() and normalise_cnic(value) is None:
            self.add(
                name,
                "cnic.format",
                "is not a valid CNIC: it needs 13 digits, written #####-#######-#",
            )

    def district(self, name: str, value: str) -> None:
        ref = self.ctx.reference
        if not value.strip() or value in ref.districts:
            return
        self.add(name, "reference.district", describe_district(ref, value))

    def code(self, name: str, list_name: str, value: str) -> None:
        """Report a non-blank ``value`` that is not a code of ``list_name``."""
        ref = self.ctx.reference
        if ref.has(list_name, value) or not value.strip():
            return
        close = ref.suggestion(list_name, value) if len(value) <= SHOWN_MAX else None
        hint = f" (did you mean {close}?)" if close else ""
        what = _LIST_WORDS[list_name]
        self.add(name, "reference.code", f"{quoted(value)} is not a known {what}{hint}")

    def codes(self, name: str, list_name: str, values: Iterable[str]) -> None:
        known = self.ctx.reference.items(list_name)
        for i, value in enumerate(values):
            if value not in known:  # the usual case needs no field name
                self.code(f"{name}[{i}]", list_name, value)


def _short(code: str) -> str:
    """A code as it is, or described by its length when too long to repeat."""
    return code if len(code) <= SHOWN_MAX else quoted(code)


def _country(reference: Reference, code: str) -> str:
    """A country by its name (an unknown code as it is, or by its length when long)."""
    return reference.label("countries", code) if reference.has("countries", code) else _short(code)


def _dates(c: _Checks, start: dt.date | None, end: dt.date | None) -> None:
    c.not_future("start_on", start)
    c.not_future("end_on", end)
    c.not_before("end_on", end, start, "the start date")


# ---------------------------------------------------------------------------------------------
# Cases and their people


def _errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR]


def _warnings(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.WARNING]


def validate_case(case: Case, ctx: ValidationContext) -> list[Problem]:
    """Every error in ``case``, its accused, its victims and their referrals."""
    return _errors(_case(case, ctx))


def _case(case: Case, ctx: ValidationContext) -> list[Problem]:
    """Every problem in ``case``, errors and warnings."""
    c = _Checks(ctx, "")
    c.required("case_number", case.case_number)
    if c.required("registered_on", case.registered_on):
        c.not_future("registered_on", case.registered_on)
    c.not_future("offence_on", case.offence_on)
    offence, registered = case.offence_on, case.registered_on
    if offence is not None and registered is not None and offence > registered:
        c.add(
            "offence_on",
            "date.order",
            f"{offence.isoformat()} is after the case was registered "
            f"({registered.isoformat()}); the offence comes before its registration",
        )
    if c.required("district", case.district):
        c.district("district", case.district)
    if c.required("office", case.office) and case.office not in ctx.offices:
        c.add(
            "office", "reference.office", f"{quoted(case.office)} is not an office of this install"
        )
    law = ctx.reference.law(case.law)
    if c.required("law", case.law) and law is None:
        known = ", ".join(ctx.reference.law_short(code) for code in ctx.reference.laws())
        c.add("law", "reference.law", f"{quoted(case.law)} is not a known law (known: {known})")
    if law is not None:
        c.extend(sentence_checks.case_problems(case, law))
    c.codes("exploitation_forms", "exploitation_forms", case.exploitation_forms)
    c.codes("means", "means", case.means)
    c.codes("route_countries", "countries", case.route_countries)
    foreign = [code for code in case.route_countries if code.strip() and code != HOME_COUNTRY]
    home = ctx.reference.label("countries", HOME_COUNTRY)
    if case.transnational and not foreign:
        c.add(
            "route_countries",
            "route.transnational",
            f"a transnational case needs at least one country on the route other than {home}",
        )
    if not case.transnational and foreign:
        names = ", ".join(_country(ctx.reference, code) for code in foreign)
        c.add(
            "transnational",
            "route.domestic",
            f"the route includes {names}, so the case is transnational: "
            "mark it transnational or remove the country",
        )
    if case.stage == Stage.CLOSED and not case.closed_reason.strip():
        c.add(
            "closed_reason", "stage.closed_reason", "a closed case needs the reason it was closed"
        )
    if (
        case.official_involvement
        and case.stage in (Stage.DECIDED, Stage.CLOSED)
        and not case.official_action.strip()
    ):
        c.add(
            "official_action",
            "official.action",
            f"an official was involved and the case is {case.stage.value}: "
            "record the action taken against the official",
        )
    problems = c.problems
    accused = [(i, a) for i, a in enumerate(case.accused) if not a.deleted]
    victims = [(i, v) for i, v in enumerate(case.victims) if not v.deleted]
    for i, a in accused:
        problems += _accused(a, ctx, prefix=f"accused[{i}].", case=case)
    problems += _counts(accused)
    if law is not None:
        problems += sentence_checks.condition_problems(case, law, accused, [v for _, v in victims])
    for i, v in victims:
        problems += validate_victim(v, ctx, prefix=f"victims[{i}].")
    # Never an error: recording is not blocked; the overlap goes to a supervisor's review
    # (the services keep it on the accused, and refuse marking such an accused proceeded
    # against or convicted until it is reviewed: dual_role.marking_problems).
    problems += dual_role.warnings(case, detail=ctx.identity_detail, key=ctx.person_key)
    return problems


_TRIED = (Outcome.CONVICTED, Outcome.ACQUITTED)


def _counts(accused: list[tuple[int, Accused]]) -> list[Problem]:
    """The case-level funnel check: convicted <= proceeded against <= accused, person by person."""
    unproceeded = [
        f"accused[{i}]" for i, a in accused if a.outcome in _TRIED and not a.proceeded_on
    ]
    if not unproceeded:
        return []
    proceeded = sum(1 for _, a in accused if a.proceeded_on)
    convicted = sum(1 for _, a in accused if a.outcome == Outcome.CONVICTED)
    tried = sum(1 for _, a in accused if a.outcome in _TRIED)
    message = (
        f"the counts do not add up: {len(accused)} accused, {proceeded} proceeded against, "
        f"{tried} convicted or acquitted ({convicted} convicted); everyone convicted or "
        f"acquitted must first have been proceeded against ({', '.join(unproceeded)})"
    )
    return [Problem("accused", "counts.reconcile", message)]


def validate_accused(
    accused: Accused, ctx: ValidationContext, *, prefix: str = "", case: Case | None = None
) -> list[Problem]:
    """Every error in one accused. ``case`` (the accused's case) enables the sentence limits
    and the check against the registration date."""
    return _errors(_accused(accused, ctx, prefix=prefix, case=case))


def _accused(
    accused: Accused, ctx: ValidationContext, *, prefix: str, case: Case | None
) -> list[Problem]:
    a = accused
    c = _Checks(ctx, prefix)
    c.cnic("cnic", a.cnic)
    c.age("age", a.age)
    c.code("nationality", "countries", a.nationality)
    c.code("role", "accused_roles", a.role)
    registered = case.registered_on if case else None
    c.not_future("proceeded_on", a.proceeded_on)
    c.not_future("judgment_on", a.judgment_on)
    c.not_before("proceeded_on", a.proceeded_on, registered, "the case was registered")
    if a.proceeded_on:
        c.not_before("judgment_on", a.judgment_on, a.proceeded_on, "the date proceeded against")
    else:
        c.not_before("judgment_on", a.judgment_on, registered, "the case was registered")

    decided = a.outcome != Outcome.PENDING
    if decided and a.judgment_on is None:
        c.add(
            "judgment_on",
            "outcome.judgment_date",
            f"the outcome is {a.outcome.value}, so the judgment date is required",
        )
    if not decided and a.judgment_on is not None:
        c.add(
            "judgment_on",
            "outcome.judgment_date",
            "a judgment date is given but the outcome is still pending",
        )
    # A discharge can come before any challan (the magistrate releases a suspect during
    # investigation), so only a trial outcome needs the date proceeded against.
    if a.outcome in _TRIED and a.proceeded_on is None:
        c.add(
            "proceeded_on",
            "outcome.proceeded_date",
            f"the outcome is {a.outcome.value}, so the date proceeded against (challan) "
            "is required",
        )
    if a.appeal != Appeal.NONE and not decided:
        c.add("appeal", "outcome.appeal", "an appeal needs a judgment, but the outcome is pending")

    months_ok = c.not_negative("imprisonment_months", a.imprisonment_months)
    fine_ok = c.not_negative("fine_pkr", a.fine_pkr)
    months = a.imprisonment_months if months_ok and a.imprisonment_months else 0
    fine = a.fine_pkr if fine_ok and a.fine_pkr else 0
    negative = min(a.imprisonment_months or 0, a.fine_pkr or 0) < 0  # reported above
    if a.outcome == Outcome.CONVICTED:
        if not (months or fine or negative):
            c.add(
                "imprisonment_months",
                "sentence.required",
                "a conviction needs a sentence: imprisonment (months), a fine (PKR) or both",
            )
    else:
        for name, value in (("imprisonment_months", months), ("fine_pkr", fine)):
            if value:
                c.add(
                    name,
                    "sentence.without_conviction",
                    f"a sentence needs a conviction, but the outcome is {a.outcome.value}",
                )
    law = ctx.reference.law(case.law) if case else None
    if case is not None and law is not None:
        c.extend(sentence_checks.accused_problems(case, a, law, "", months, fine))
    return c.problems


def validate_victim(victim: Victim, ctx: ValidationContext, *, prefix: str = "") -> list[Problem]:
    """Every problem in one victim and the victim's referrals."""
    v = victim
    c = _Checks(ctx, prefix)
    c.required("victim_code", v.victim_code)
    # A gender (or an age) the register does not know is ``unknown``: the victim is real and
    # counts, as "not recorded" in every figure split by gender (docs/report-definitions.md).
    c.district("district", v.district)
    if not is_masked(v.cnic):  # a masked CNIC is the stored one, checked when it was entered
        c.cnic("cnic", v.cnic)
    c.age("age", v.age)
    dob = v.date_of_birth
    if dob is not None:
        if dob > ctx.today:
            c.add("date_of_birth", "date.future", "the date of birth is in the future")
        elif age_on(dob, ctx.today) > ctx.max_age:
            c.add(
                "date_of_birth",
                "age.range",
                f"the date of birth gives an age over the {ctx.max_age}-year maximum",
            )
    if c.required("identified_on", v.identified_on):
        c.not_future("identified_on", v.identified_on)
    seen = v.identified_on
    if dob is not None and seen is not None and dob <= seen:
        age_then = age_on(dob, seen)
        if v.age is not None and 0 <= v.age <= ctx.max_age and abs(age_then - v.age) > 1:
            c.add(
                "age",
                "age.date_of_birth",
                f"age {v.age} does not match the date of birth, which gives {age_then} on the "
                f"date of identification ({seen.isoformat()}); they may differ by 1 year at most",
            )
    elif dob is not None and seen is not None:
        c.add("identified_on", "date.order", f"{seen.isoformat()} is before the date of birth")
    c.code("nationality", "countries", v.nationality)
    c.codes("exploitation_forms", "exploitation_forms", v.exploitation_forms)
    c.codes("indicators", "victim_indicators", v.indicators)
    c.codes("protection_measures", "protection_measures", v.protection_measures)
    problems = c.problems
    for j, referral in enumerate(v.referrals):
        if not referral.deleted:
            problems += validate_referral(referral, ctx, prefix=f"{prefix}referrals[{j}].")
    return problems


def validate_referral(
    referral: Referral, ctx: ValidationContext, *, prefix: str = ""
) -> list[Problem]:
    """Every problem in one referral of a victim to a service."""
    r = referral
    c = _Checks(ctx, prefix)
    if c.required("service", r.service):
        c.code("service", "referral_services", r.service)
    if c.required("referred_on", r.referred_on):
        c.not_future("referred_on", r.referred_on)
    c.not_future("outcome_on", r.outcome_on)
    c.not_before("outcome_on", r.outcome_on, r.referred_on, "the referral date")
    if r.outcome != ReferralOutcome.PENDING and r.outcome_on is None:
        c.add(
            "outcome_on",
            "referral.outcome_date",
            f"the outcome is {r.outcome.value.replace('_', ' ')}, so its date is required",
        )
    return c.problems


# ---------------------------------------------------------------------------------------------
# Training and awareness


def validate_training(training: Training, ctx: ValidationContext) -> list[Problem]:
    """Every problem in one training session, including participant counts that do not add up."""
    t = training
    c = _Checks(ctx, "")
    c.required("title", t.title)
    c.required("start_on", t.start_on)
    _dates(c, t.start_on, t.end_on)
    if c.required("district", t.district):
        c.district("district", t.district)
    if c.required("organiser", t.organiser):
        c.code("organiser", "agencies", t.organiser)
    c.codes("partners", "partners", t.partners)
    c.codes("topics", "training_topics", t.topics)

    total = t.participants_total
    c.not_negative("participants_total", total)
    parts = {
        "female": t.participants_female,
        "male": t.participants_male,
        "transgender": t.participants_transgender,
    }
    for gender, count in parts.items():
        c.not_negative(f"participants_{gender}", count)
    if any(parts.values()) and sum(parts.values()) != total:
        terms = " + ".join(f"{gender} {count:,}" for gender, count in parts.items())
        c.add(
            "participants_total",
            "participants.gender_sum",
            f"{terms} = {sum(parts.values()):,}, but the total is {total:,}",
        )
    for key, count in t.participants_by_agency.items():
        name = f"participants_by_agency.{key}" if key.strip() else "participants_by_agency"
        if key.strip():
            c.code(name, "agencies", key)
        else:
            c.add(name, "reference.code", f"a count of {count:,} is given without its agency")
        c.not_negative(name, count)
    if t.participants_by_agency:
        by_agency = sum(t.participants_by_agency.values())
        if by_agency != total:
            c.add(
                "participants_by_agency",
                "participants.agency_sum",
                f"the agencies add up to {by_agency:,}, but the total is {total:,}",
            )
    if len(t.roster) > max(total, 0):
        c.add(
            "roster",
            "participants.roster",
            f"the roster lists {len(t.roster):,} people, more than the total of {total:,}",
        )
    return c.problems


def validate_campaign(campaign: Campaign, ctx: ValidationContext) -> list[Problem]:
    """Every problem in one awareness campaign."""
    k = campaign
    c = _Checks(ctx, "")
    if c.required("department", k.department):
        c.code("department", "departments", k.department)
    if c.required("kind", k.kind):
        c.code("kind", "campaign_kinds", k.kind)
    c.required("start_on", k.start_on)
    _dates(c, k.start_on, k.end_on)
    if c.required("district", k.district):
        c.district("district", k.district)
    c.not_negative("people_reached", k.people_reached)
    c.codes("partners", "partners", k.partners)
    return c.problems


def validate(record: Record, ctx: ValidationContext) -> list[Problem]:
    """Every error in ``record``, whatever its kind, what refuses it: the text limits of
    :mod:`tipdesk.core.limits` first, then the rules above. Accused and victims validated on
    their own (outside a case) skip the rules that need their case."""
    problems = length_problems(record)
    if isinstance(record, Case):
        return problems + validate_case(record, ctx)
    if isinstance(record, Accused):
        return problems + validate_accused(record, ctx)
    if isinstance(record, Victim):
        return problems + validate_victim(record, ctx)
    if isinstance(record, Referral):
        return problems + validate_referral(record, ctx)
    if isinstance(record, Training):
        return problems + validate_training(record, ctx)
    if isinstance(record, Hearing):
        return problems + validate_hearing(record, ctx.today)
    return problems + validate_campaign(record, ctx)


def advise(record: Record, ctx: ValidationContext) -> list[Problem]:
    """Every warning about ``record``: shown to the officer, never a reason to refuse it (see
    the ``warning`` rows of the module's table). Only cases have warnings so far."""
    if isinstance(record, Case):
        return _warnings(_case(record, ctx))
    return []


# ---------------------------------------------------------------------------------------------
# Tidying before save

# Lists that may hold the same value twice on purpose (two trainees with the same name).
_KEEP_DUPLICATES = frozenset({"roster"})


def _tidy_list(name: str, values: list[Any]) -> list[Any]:
    if values and isinstance(values[0], Meta):
        for child in values:
            normalise(child)
        return values
    out: list[Any] = []
    for value in values:
        if isinstance(value, str) and not isinstance(value, StrEnum):
            value = value.strip()
            if not value:
                continue
        if name in _KEEP_DUPLICATES or value not in out:
            out.append(value)
    return out


def normalise(record: R) -> R:
    """Tidy ``record`` (and its accused, victims and referrals) in place and return it.

    Text is stripped; a CNIC that is valid in any accepted form becomes its 13 digits (an
    invalid one is only stripped, so validation can report it); blank entries and repeated
    codes are dropped from lists; agency keys are stripped (counts under the same key are
    added). Bookkeeping fields are left alone. Call before :func:`validate` and saving.
    """
    for f in dataclasses.fields(record):
        if f.name in BOOKKEEPING_FIELDS:
            continue
        value = getattr(record, f.name)
        if isinstance(value, StrEnum):
            continue
        if isinstance(value, str):
            value = value.strip()
            if f.name == "cnic":
                value = normalise_cnic(value) or value
        elif isinstance(value, list):
            value = _tidy_list(f.name, value)
        elif isinstance(value, dict):
            merged: dict[str, Any] = {}
            for key, count in value.items():
                k = key.strip()
                both = isinstance(count, int) and isinstance(merged.get(k), int)
                merged[k] = merged[k] + count if both else count
            value = merged
        else:
            continue
        setattr(record, f.name, value)
    return record
