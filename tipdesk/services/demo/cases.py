"""Cases for the demo data generator: the case/victim part of a generation run.

:class:`_CaseGenerator` makes cases from the scenarios, with their accused and the course of
each case (challan, trial, judgments and sentences, or closure), their victims with
protection measures and referrals, and a narrative describing who the victims are
(:func:`_describe`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from tipdesk.core.ages import age_on
from tipdesk.core.codes import (
    Appeal,
    ArrestStatus,
    CaseKind,
    Gender,
    OfficeKind,
    Outcome,
    ReferralOutcome,
    Stage,
)
from tipdesk.core.records import Accused, Case, Referral, Victim, offence_date
from tipdesk.core.sentence_checks import is_woman_or_child
from tipdesk.core.sentencing import Penalty, SentenceLimit
from tipdesk.services.demo.base import _cumulative, _GeneratorBase
from tipdesk.services.demo.tables import (
    _PROVIDERS,
    _REFERRAL_OUTCOME_WEIGHTS,
    _REFERRAL_OUTCOMES,
    _SENTENCE_FINES,
    _SENTENCE_MONTHS,
    CLOSED_REASONS,
    IDENTIFIED_BY,
    OFFICIAL_ACTIONS,
    P_CHALLAN,
    P_CLOSED,
    P_CONSENT,
    P_CONVICTED,
    P_DISCHARGED,
    P_ENQUIRY,
    P_OFFICIAL,
    P_PROCEEDED,
    P_SMUGGLING,
    P_SUPPLEMENTARY,
    SMUGGLING_LAW,
    _Scenario,
)

_NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
_PLURALS = {
    "girl": "girls",
    "boy": "boys",
    "woman": "women",
    "man": "men",
    "transgender person": "transgender persons",
}


def _who(victim: Victim) -> str:
    child = victim.age is not None and victim.age < 18
    if victim.gender == Gender.TRANSGENDER:
        return "transgender person"
    if victim.gender == Gender.FEMALE:
        return "girl" if child else "woman"
    return "boy" if child else "man"


def _describe(victims: Sequence[Victim], children: bool) -> str:
    """Who the victims are, for a narrative: "a girl", "three women", "four people"..."""
    if not victims:
        return "several children" if children else "several people"
    kinds = [_who(v) for v in victims]
    n = len(kinds)
    if n == 1:
        return f"a {kinds[0]}"
    count = _NUMBER_WORDS.get(n, str(n))
    if len(set(kinds)) == 1:
        return f"{count} {_PLURALS[kinds[0]]}"
    if set(kinds) == {"girl", "woman"}:
        return f"{count} women and girls"
    if all(v.age is not None and v.age < 18 for v in victims):
        return f"{count} children"
    return f"{count} people"


class _CaseGenerator(_GeneratorBase):
    """Cases with their accused, victims and referrals."""

    # --- cases -----------------------------------------------------------------------------
    def cases(self, count: int) -> list[Case]:
        dates = sorted(self.date_in_window() for _ in range(count))
        return [self.case(day) for day in dates]

    def case_number(self, office: str, kind: CaseKind, year: int) -> str:
        key = (office, kind.value, year)
        last = self.case_numbers.get(key)
        number = self.rng.randint(1, 30) if last is None else last + self.rng.randint(1, 4)
        self.case_numbers[key] = number
        label = "FIR" if kind == CaseKind.FIR else "Enquiry"
        return f"{label} {number}/{year}"

    def case(self, registered: dt.date) -> Case:
        rng = self.rng
        s = self.pick(self.scenarios, self.scenario_cum)
        office = rng.choice(self.offices)
        fia = self.office_kinds[office] == OfficeKind.FIA_CIRCLE.value
        kind = CaseKind.ENQUIRY if rng.random() < (P_ENQUIRY if fia else 0.03) else CaseKind.FIR
        route: list[str] = []
        if s.routes and rng.random() < s.abroad:
            route = [c for c in rng.choice(s.routes) if self.ref.has("countries", c)]
            if not any(c != "PK" for c in route):
                route = []
        destination = self.ref.label("countries", route[-1]) if route else ""
        official = rng.random() < P_OFFICIAL
        # Most FIRs record the date of occurrence, a few days or weeks before registration.
        offence = max(self.start, registered - dt.timedelta(rng.randint(0, 25)))
        offence_on = offence if rng.random() < 0.85 else None
        case = Case(
            case_number=self.case_number(office, kind, registered.year),
            kind=kind,
            registered_on=registered,
            offence_on=offence_on,
            district=self.district.code,
            office=office,
            law=self.law,
            sections=[self.limit.section],
            means=self.codes("means", self.some(s.means, 1, 4)),
            transnational=bool(route),
            route_countries=route,
            official_involvement=official,
            official_action=rng.choice(OFFICIAL_ACTIONS) if official else "",
            investigating_officer=self.officer(office),
        )
        taken: set[str] = set()
        n_victims = self.pick(range(5), self.victim_cum)
        case.victims = [self.victim(s, case, taken) for _ in range(n_victims)]
        self.charge(case, fia)
        n_accused = self.pick(range(1, 9), self.accused_cum)
        case.accused = [self.accused(s, case, taken) for _ in range(n_accused)]
        if official:
            self.make_official(case.accused[rng.randrange(n_accused)])
        forms = list(s.forms)
        for v in case.victims:
            forms += [f for f in v.exploitation_forms if f not in forms]
        case.exploitation_forms = self.codes("exploitation_forms", forms)
        self.progress(case)
        case.narrative = self.narrative(s, case, destination)
        return case

    def charge(self, case: Case, fia: bool) -> None:
        """The law and section: some of an FIA circle's cross-border cases are smuggling of
        migrants; a trafficking case with a woman or child victim is TIP Act s.3(2)."""
        law, section = self.law, self.limit.section
        if fia and case.route_countries and self.rng.random() < P_SMUGGLING:
            smuggling = self.ref.law(SMUGGLING_LAW)
            if smuggling is not None:
                law, section = SMUGGLING_LAW, smuggling.default_section
        elif any(is_woman_or_child(v, offence_date(case)) for v in case.victims):
            found = self.ref.law(law)
            section = next((c for c in (found.sections if found else {}) if c == "3(2)"), section)
        case.law, case.sections = law, [section]

    def limit_of(self, case: Case) -> SentenceLimit:
        """The limits a sentence of ``case`` must keep to (its section on its offence date)."""
        return self.ref.sentence_limit(case.law, case.sections[0], offence_date(case)) or self.limit

    def narrative(self, s: _Scenario, case: Case, destination: str) -> str:
        stories = s.abroad_stories if destination and s.abroad_stories else s.stories
        victims = case.victims
        ages = [v.age for v in victims if v.age is not None]
        youngest = min(ages) if ages else self.rng.randint(*s.child_ages)
        people = _describe(victims, s.children >= 0.5)
        return self.rng.choice(stories).format(
            district=self.district_name,
            country=destination or "the Gulf",
            amount=self.amount(*s.amounts),
            people=people,
            People=people[0].upper() + people[1:],
            were="was" if len(victims) == 1 else "were",
            aged=f"aged {youngest}" if len(victims) == 1 else f"the youngest aged {youngest}",
        )

    def make_official(self, accused: Accused) -> None:
        if self.ref.has("accused_roles", "official"):
            accused.role = "official"
        accused.nationality = "PK"
        accused.age = self.rng.randint(28, 55)

    # --- accused and the course of the case ------------------------------------------------
    def accused(self, s: _Scenario, case: Case, taken: set[str]) -> Accused:
        rng = self.rng
        u = rng.random()
        gender = Gender.MALE if u < 0.86 else Gender.FEMALE if u < 0.99 else Gender.TRANSGENDER
        family = self.family()
        nationality = "PK"
        if case.route_countries and rng.random() < 0.06:
            nationality = rng.choice([c for c in case.route_countries if c != "PK"])
        elif rng.random() < 0.02 and self.ref.has("countries", "AF"):
            nationality = "AF"
        roles = [r for r in s.roles if self.ref.has("accused_roles", r)] or self.roles
        name = self.name(gender, family, taken)
        return Accused(
            name=name,
            father_name=self.father(family, name),
            cnic=self.cnic(gender) if nationality == "PK" and rng.random() < 0.9 else "",
            gender=gender,
            age=min(75, max(19, int(rng.gauss(38, 10)))),
            nationality=nationality,
            role=rng.choice(roles),
            section=case.sections[0] if case.sections else self.limit.section,
        )

    def progress(self, case: Case) -> None:
        """Move the case and its accused along: challan, trial, judgments, or closure."""
        rng = self.rng
        assert case.registered_on is not None
        registered = case.registered_on
        age = (self.today - registered).days
        challan_chance = P_CHALLAN * min(1.0, age / 240) if age >= 20 else 0.0
        if rng.random() >= challan_chance:
            self.investigate(case, age)
            return
        challan = self.after(registered, 14, 270)
        accused = case.accused
        chosen = [rng.random() < P_PROCEEDED for _ in accused]
        if not any(chosen):
            chosen[rng.randrange(len(accused))] = True
        for a, proceeded in zip(accused, chosen, strict=True):
            if not proceeded:
                a.arrest_status = self.pick(
                    (ArrestStatus.ABSCONDING, ArrestStatus.PROCLAIMED_OFFENDER, ArrestStatus.BAIL),
                    _cumulative((0.5, 0.35, 0.15)),
                )
                continue
            a.proceeded_on = challan
            if rng.random() < P_SUPPLEMENTARY:
                a.proceeded_on = self.after(challan, 20, 200)
            a.arrest_status = ArrestStatus.ARRESTED if rng.random() < 0.45 else ArrestStatus.BAIL
        since = (self.today - challan).days
        trial_started = since >= rng.randint(30, 120)
        judged_chance = min(0.85, (since - 150) / 800) if since > 150 else 0.0
        if trial_started and rng.random() < judged_chance:
            judgment = self.after(challan, 150, since)
            for a in accused:
                if a.proceeded_on is not None and a.proceeded_on <= judgment:
                    self.judge(case, a, judgment)
        if all(a.outcome != Outcome.PENDING for a in accused):
            case.stage = Stage.DECIDED
        elif any(a.outcome != Outcome.PENDING for a in accused) or trial_started:
            case.stage = Stage.TRIAL
        else:
            case.stage = Stage.CHALLAN

    def investigate(self, case: Case, age: int) -> None:
        """A case nobody has been proceeded against in: registered, investigation or closed."""
        rng = self.rng
        if age >= 60 and rng.random() < P_CLOSED * min(1.0, age / 365):
            case.stage = Stage.CLOSED
            case.closed_reason = rng.choice(CLOSED_REASONS)
        elif age < 10 or (age < 45 and rng.random() < 0.4) or rng.random() < 0.03:
            case.stage = Stage.REGISTERED
        else:
            case.stage = Stage.INVESTIGATION
        statuses = (
            ArrestStatus.NOT_ARRESTED,
            ArrestStatus.ARRESTED,
            ArrestStatus.BAIL,
            ArrestStatus.ABSCONDING,
            ArrestStatus.PROCLAIMED_OFFENDER,
        )
        weights = _cumulative((0.3, 0.3, 0.2, 0.15, 0.05 if age > 90 else 0.0))
        for a in case.accused:
            a.arrest_status = self.pick(statuses, weights)

    def judge(self, case: Case, a: Accused, judgment: dt.date) -> None:
        rng = self.rng
        u = rng.random()
        sentence = self.sentence(self.limit_of(case)) if u < P_CONVICTED else None
        a.judgment_on = judgment
        a.court = f"Court of Sessions, {self.district_name}"
        if sentence is not None:
            a.outcome = Outcome.CONVICTED
            a.imprisonment_months, a.fine_pkr = sentence
            a.arrest_status = ArrestStatus.ARRESTED
            appeal_chance = 0.45
        elif u < P_CONVICTED + P_DISCHARGED:
            a.outcome = Outcome.DISCHARGED
            appeal_chance = 0.0
        else:
            a.outcome = Outcome.ACQUITTED
            appeal_chance = 0.08
        if rng.random() < appeal_chance:
            a.appeal = Appeal.FILED
            if (self.today - judgment).days > 365:
                v = rng.random()
                a.appeal = Appeal.UPHELD if v < 0.3 else Appeal.OVERTURNED if v < 0.45 else a.appeal

    def sentence(self, limit: SentenceLimit) -> tuple[int | None, int | None] | None:
        """Imprisonment (months) and fine (PKR) within ``limit``: mostly both, some
        imprisonment only, a few a fine only (both when the Act says "and"). ``None`` when the
        limits allow no sentence."""
        rng = self.rng
        top_months, low_months = limit.max_imprisonment_months, limit.min_imprisonment_months
        top_fine, low_fine = limit.max_fine_pkr, limit.min_fine_pkr
        terms = [
            (m, w)
            for m, w in _SENTENCE_MONTHS
            if m > 0 and (top_months is None or m <= top_months) and m >= (low_months or 0)
        ]
        fines = [
            (f, w)
            for f, w in _SENTENCE_FINES
            if f > 0 and (top_fine is None or f <= top_fine) and f >= (low_fine or 0)
        ]
        both = limit.penalty is Penalty.IMPRISONMENT_AND_FINE
        u = rng.random()
        months = fine = None
        if terms and (u < 0.95 or both):
            months = self.pick([m for m, _ in terms], _cumulative([w for _, w in terms]))
        if fines and (u < 0.75 or months is None or both):
            fine = self.pick([f for f, _ in fines], _cumulative([w for _, w in fines]))
        if months is None and fine is None:
            return None
        return months, fine

    # --- victims ---------------------------------------------------------------------------
    def victim_code(self, year: int) -> str:
        number = self.victim_numbers.get(year, 0) + 1
        self.victim_numbers[year] = number
        return f"V-{self.district.code}-{year}-{number:04d}"

    def victim(self, s: _Scenario, case: Case, taken: set[str]) -> Victim:
        rng = self.rng
        assert case.registered_on is not None
        u = rng.random()
        gender = (
            Gender.FEMALE
            if u < s.female
            else Gender.TRANSGENDER
            if u < s.female + s.transgender
            else Gender.MALE
        )
        child = rng.random() < s.children
        age = rng.randint(*(s.child_ages if child else s.adult_ages))
        identified = max(
            self.start, min(self.today, case.registered_on + dt.timedelta(rng.randint(-3, 20)))
        )
        dob: dt.date | None = None
        if rng.random() < 0.35:
            dob = identified - dt.timedelta(days=age * 365 + rng.randint(0, 364))
            age = age_on(dob, identified)
        family = self.family()
        forms = list(s.forms)
        if age < 18 and "forced_labour" in forms and "child_labour" not in forms:
            forms.append("child_labour")
        indicators = self.some(s.indicators, 1, 3)
        if age < 18 and "child_in_exploitation" not in indicators:
            indicators.append("child_in_exploitation")
        nationality = "PK"
        w = rng.random()
        if w < 0.04 and self.ref.has("countries", "AF"):
            nationality = "AF"
        elif w < 0.055 and self.ref.has("countries", "BD"):
            nationality = "BD"
        adult = age >= 18
        name = self.name(gender, family, taken)
        has_cnic = nationality == "PK" and rng.random() < (0.7 if adult else 0.3)  # or B-form
        has_phone = adult and rng.random() < 0.4
        victim = Victim(
            victim_code=self.victim_code(identified.year),
            district=self.district.code,
            name=name,
            father_name=self.father(family, name),
            cnic=self.cnic(gender) if has_cnic else "",
            phone=f"039{rng.randint(0, 9)}-{rng.randint(0, 9_999_999):07d}" if has_phone else "",
            address=self.address() if rng.random() < 0.6 else "",
            gender=gender,
            age=age,
            date_of_birth=dob,
            nationality=nationality,
            exploitation_forms=self.codes("exploitation_forms", forms),
            identified_on=identified,
            identified_by=rng.choice(IDENTIFIED_BY),
            indicators=self.codes("victim_indicators", indicators),
            consent_to_share=rng.random() < P_CONSENT,
            protection_measures=self.protection(age, case),
        )
        n = self.pick(range(4), self.referral_cum)
        victim.referrals = self.referrals(victim, case, n)
        return victim

    def address(self) -> str:
        rng = self.rng
        if self.province == "PB" and rng.random() < 0.5:
            return f"Chak No. {rng.randint(1, 600)}, {self.district_name}"
        if self.province == "SD" and rng.random() < 0.5:
            return f"Goth {self.family()}, {self.district_name}"
        return f"House {rng.randint(1, 999)}, Mohalla {rng.randint(1, 40)}, {self.district_name}"

    def protection(self, age: int, case: Case) -> list[str]:
        rng = self.rng
        wanted: list[str] = []
        if rng.random() < 0.35:
            wanted.append("identity_protection")
        if rng.random() < 0.25:
            wanted.append("shelter")
        if age < 18 and rng.random() < 0.4:
            wanted.append("in_camera_testimony")
        if case.official_involvement or rng.random() < 0.08:
            wanted.append("witness_protection")
        return [m for m in self.measures if m in wanted]

    def referrals(self, victim: Victim, case: Case, count: int) -> list[Referral]:
        rng = self.rng
        assert victim.identified_on is not None
        child = victim.age is not None and victim.age < 18
        likely = ["medical", "psychosocial", "legal_aid"]
        if child:
            likely = ["child_protection", *likely]
        if victim.gender != Gender.MALE or child:
            likely.append("shelter")
        if case.transnational:
            likely = ["return_repatriation", *likely]
        likely += ["livelihood", "other"]
        services = [c for c in likely if c in self.services][: max(count + 2, 3)]
        out = []
        for service in self.some(services, count, count):
            referred = self.after(victim.identified_on, 0, 21)
            outcome = self.pick(_REFERRAL_OUTCOMES, _cumulative(_REFERRAL_OUTCOME_WEIGHTS))
            room = (self.today - referred).days
            if room < 3 and rng.random() < 0.7:
                outcome = ReferralOutcome.PENDING
            provider = rng.choice(_PROVIDERS.get(service, _PROVIDERS["other"]))
            out.append(
                Referral(
                    service=service,
                    provider=provider.format(district=self.district_name),
                    referred_on=referred,
                    outcome=outcome,
                    outcome_on=None
                    if outcome == ReferralOutcome.PENDING
                    else self.after(referred, 0, 60),
                )
            )
        return out
