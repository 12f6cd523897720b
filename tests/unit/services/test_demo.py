"""Demo data: valid, deterministic, plausible, and saved through the real services."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tipdesk.core.clock import FixedClock
from tipdesk.core.codes import Gender, InstallRole, Outcome, Stage
from tipdesk.core.errors import InvalidInput, PermissionDenied
from tipdesk.core.permissions import UserRole
from tipdesk.core.records import (
    META_FIELDS,
    Accused,
    Case,
    Meta,
    Victim,
    offence_date,
    to_dict,
)
from tipdesk.core.reference import Reference
from tipdesk.core.validation import ValidationContext, normalise, validate
from tipdesk.paths import Paths
from tipdesk.resources import load_reference
from tipdesk.services import demo
from tipdesk.services.demo import DemoData, fill, generate
from tipdesk.services.session import Session, init_install
from tipdesk.store.keys import KdfParams

TODAY = dt.date(2025, 6, 30)
DISTRICT = "PB-LHR"
OFFICES = ("FIA-AHTC-LHR", "OFF-POLICESTATIONGULBERG")
CASES = 2000
CLOCK_AT = dt.datetime(2025, 6, 30, 9, 0, tzinfo=dt.UTC)
PASSPHRASE = "correct horse battery staple"
FAST_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)


@pytest.fixture(scope="module")
def reference() -> Reference:
    return load_reference()


@pytest.fixture(scope="module")
def data(reference: Reference) -> DemoData:
    return generate(
        reference, seed=11, cases=CASES, district=DISTRICT, offices=OFFICES, today=TODAY
    )


def _accused(data: DemoData) -> list[Accused]:
    return [a for c in data.cases for a in c.accused]


def _victims(data: DemoData) -> list[Victim]:
    return [v for c in data.cases for v in c.victims]


def _dates(value: Any, path: str = "") -> Iterator[tuple[str, dt.date]]:
    """Every date inside a record, with its field path."""
    if isinstance(value, dt.date):
        yield path, value
    elif isinstance(value, Meta):
        for f in dataclasses.fields(value):
            yield from _dates(getattr(value, f.name), f.name)
    elif isinstance(value, list):
        for item in value:
            yield from _dates(item, path)


# --- validity ------------------------------------------------------------------------------


def test_every_record_passes_validation(data: DemoData, reference: Reference) -> None:
    ctx = ValidationContext(reference=reference, offices=frozenset(OFFICES), today=TODAY)
    problems = {f"{type(r).__name__} {i}": validate(r, ctx) for i, r in enumerate(data.records())}
    assert {k: v for k, v in problems.items() if v} == {}


@pytest.mark.parametrize(
    ("district", "offices", "years"),
    [
        ("Karachi South", ("FIA-AHTC-KHI",), 3),
        ("Islamabad", ("FIA-AHTC-ISB", "OFF-X"), 1),
        ("Gilgit", ("FIA-CC-GLT",), 5),
        ("Kech", ("FIA-CC-TBT",), 2),
    ],
)
def test_valid_in_other_districts_and_windows(
    reference: Reference, district: str, offices: tuple[str, ...], years: int
) -> None:
    data = generate(
        reference,
        seed=3,
        cases=300,
        district=district,
        offices=offices,
        today=TODAY,
        years=years,
    )
    ctx = ValidationContext(reference=reference, offices=frozenset(offices), today=TODAY)
    assert [p for r in data.records() for p in validate(r, ctx)] == []
    found = reference.district(district)
    assert found is not None
    assert {c.district for c in data.cases} == {found.code}


def test_records_are_already_tidy(data: DemoData) -> None:
    for record in data.records()[:500]:
        assert to_dict(normalise(copy.deepcopy(record))) == to_dict(record)


def test_meta_fields_are_left_to_the_store(data: DemoData) -> None:
    blank = to_dict(Case(), children=False)
    for record in data.records()[:200]:
        for child in [record, *getattr(record, "accused", []), *getattr(record, "victims", [])]:
            d = to_dict(child)
            assert {k: d[k] for k in META_FIELDS} == {k: blank[k] for k in META_FIELDS}


def test_no_date_after_today_or_before_the_window(data: DemoData) -> None:
    start = dt.date(2022, 6, 30)
    for record in data.records():
        for path, day in _dates(record):
            assert day <= TODAY, (path, day)
            if path != "date_of_birth":
                assert day >= start, (path, day)


def test_date_order_within_a_case(data: DemoData) -> None:
    for case in data.cases:
        assert case.registered_on is not None
        for a in case.accused:
            if a.proceeded_on:
                assert case.registered_on <= a.proceeded_on
            if a.judgment_on:
                assert a.proceeded_on is not None
                assert a.proceeded_on <= a.judgment_on <= TODAY


# --- determinism ---------------------------------------------------------------------------


def _dump(data: DemoData) -> list[dict[str, Any]]:
    return [to_dict(r) for r in data.records()]


def test_same_seed_gives_identical_records(reference: Reference) -> None:
    args: dict[str, Any] = {
        "cases": 300,
        "district": DISTRICT,
        "offices": OFFICES,
        "today": TODAY,
    }
    first = generate(reference, seed=42, **args)
    second = generate(reference, seed=42, **args)
    assert _dump(first) == _dump(second)


def test_different_seeds_differ(reference: Reference) -> None:
    args: dict[str, Any] = {
        "cases": 100,
        "district": DISTRICT,
        "offices": OFFICES,
        "today": TODAY,
    }
    a = _dump(generate(reference, seed=1, **args))
    b = _dump(generate(reference, seed=2, **args))
    assert a != b
    assert [c["narrative"] for c in a[:100]] != [c["narrative"] for c in b[:100]]


# --- sizes and proportions ------------------------------------------------------------------


def test_numbers_of_records(data: DemoData) -> None:
    assert len(data.cases) == CASES
    assert len(data.trainings) == CASES // 4
    assert len(data.campaigns) == CASES // 2
    accused = Counter(len(c.accused) for c in data.cases)
    victims = Counter(len(c.victims) for c in data.cases)
    referrals = Counter(len(v.referrals) for v in _victims(data))
    assert set(accused) == set(range(1, 9))
    assert set(victims) == set(range(5))
    assert set(referrals) == set(range(4))
    counts = data.counts()
    assert counts["accused"] == sum(len(c.accused) for c in data.cases)
    assert counts["referral"] == sum(referrals[n] * n for n in referrals)


def test_a_few_trainings_and_campaigns_even_without_cases(reference: Reference) -> None:
    data = generate(reference, seed=1, cases=0, district=DISTRICT, offices=OFFICES, today=TODAY)
    assert (len(data.cases), len(data.trainings), len(data.campaigns)) == (0, 3, 5)


def test_funnel_matches_the_reported_figures(data: DemoData) -> None:
    # NA figures for 2023-24: 20,697 suspects proceeded against, 1,044 convicted (5%).
    accused = _accused(data)
    proceeded = [a for a in accused if a.proceeded_on is not None]
    convicted = [a for a in accused if a.outcome == Outcome.CONVICTED]
    assert 0.25 <= len(proceeded) / len(accused) <= 0.35
    assert 0.03 <= len(convicted) / len(proceeded) <= 0.08
    outcomes = Counter(a.outcome for a in accused)
    assert outcomes[Outcome.ACQUITTED] > outcomes[Outcome.CONVICTED] > 0
    assert outcomes[Outcome.DISCHARGED] > 0


def test_victims_are_mostly_female_and_many_children(data: DemoData) -> None:
    victims = _victims(data)
    genders = Counter(v.gender for v in victims)
    assert Gender.UNKNOWN not in genders
    assert genders[Gender.FEMALE] / len(victims) > 0.5
    assert 0 < genders[Gender.TRANSGENDER] / len(victims) < 0.05
    children = sum(1 for v in victims if v.age is not None and v.age < 18)
    assert 0.25 <= children / len(victims) <= 0.6
    assert all(v.age is not None and 0 <= v.age <= 80 for v in victims)
    assert any(v.date_of_birth for v in victims)
    assert 0.1 < sum(v.consent_to_share for v in victims) / len(victims) < 0.5


def test_forms_of_exploitation_and_routes(data: DemoData, reference: Reference) -> None:
    forms = Counter(f for c in data.cases for f in c.exploitation_forms)
    for form in (
        "forced_labour",
        "sexual_exploitation",
        "domestic_servitude",
        "child_labour",
        "forced_begging",
        "forced_marriage",
    ):
        assert forms[form] > 0, form
    transnational = [c for c in data.cases if c.transnational]
    assert 0.15 <= len(transnational) / len(data.cases) <= 0.4
    destinations = Counter(c.route_countries[-1] for c in transnational)
    assert {"SA", "AE"} <= set(destinations)
    assert set(destinations) & {"TR", "GR", "IT", "BG"}
    assert any("IR" in c.route_countries for c in transnational)
    for c in transnational:
        assert c.route_countries[0] == "PK"
        assert all(reference.has("countries", code) for code in c.route_countries)
    assert all(c.route_countries == [] for c in data.cases if not c.transnational)


def test_official_involvement_is_rare_and_acted_on(data: DemoData) -> None:
    involved = [c for c in data.cases if c.official_involvement]
    assert 0.015 <= len(involved) / len(data.cases) <= 0.05
    assert all(c.official_action for c in involved)
    assert any(a.role == "official" for c in involved for a in c.accused)
    assert not any(c.official_action for c in data.cases if not c.official_involvement)


# --- consistency ---------------------------------------------------------------------------


def test_stages_agree_with_the_accused(data: DemoData) -> None:
    stages = Counter(c.stage for c in data.cases)
    assert set(stages) == set(Stage)
    for case in data.cases:
        proceeded = [a.proceeded_on is not None for a in case.accused]
        decided = [a.outcome != Outcome.PENDING for a in case.accused]
        if case.stage in (Stage.REGISTERED, Stage.INVESTIGATION, Stage.CLOSED):
            assert not any(proceeded), case.stage
        elif case.stage == Stage.CHALLAN:
            assert any(proceeded) and not any(decided)
        elif case.stage == Stage.TRIAL:
            assert any(proceeded) and not all(decided)
        else:
            assert all(decided)
        assert bool(case.closed_reason) == (case.stage == Stage.CLOSED)


def test_sentences_within_the_rules(data: DemoData, reference: Reference) -> None:
    for case in data.cases:
        for a in case.accused:
            if a.outcome != Outcome.CONVICTED:
                assert a.imprisonment_months is None and a.fine_pkr is None
                continue
            assert (a.imprisonment_months or 0) > 0 or (a.fine_pkr or 0) > 0
            limit = reference.sentence_limit(case.law, a.section, offence_date(case))
            assert limit is not None
            if limit.max_imprisonment_months is not None:
                assert (a.imprisonment_months or 0) <= limit.max_imprisonment_months
            if limit.min_imprisonment_months is not None and a.imprisonment_months:
                assert a.imprisonment_months >= limit.min_imprisonment_months
            if limit.max_fine_pkr is not None:
                assert (a.fine_pkr or 0) <= limit.max_fine_pkr
            assert a.court


def test_both_acts_and_dated_offences(data: DemoData) -> None:
    """The demo has smuggling cases (PSMA 2018) beside trafficking ones, s.3(2) where a woman
    or a child is a victim, and offence dates on or before registration (some not recorded)."""
    laws = Counter(c.law for c in data.cases)
    assert laws["tip_act_2018"] > laws["psma_2018"] > 0
    assert {s for c in data.cases for s in c.sections} == {"3(1)", "3(2)", "3"}
    assert all(a.section == c.sections[0] for c in data.cases for a in c.accused)
    dated = [c for c in data.cases if c.offence_on is not None]
    assert 0 < len(dated) < len(data.cases)
    assert all(c.offence_on <= c.registered_on for c in dated)  # type: ignore[operator]


def test_identifiers_have_the_right_shape_and_are_unique(data: DemoData) -> None:
    people: list[Accused | Victim] = [*_accused(data), *_victims(data)]
    cnics = [p.cnic for p in people if p.cnic]
    assert all(re.fullmatch(r"\d{13}", c) for c in cnics)
    assert len(set(cnics)) == len(cnics)
    assert Counter(c[0] for c in cnics).most_common(1)[0][0] == "3"  # Punjab
    codes = [v.victim_code for v in _victims(data)]
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"V-PB-LHR-20\d\d-\d{4}", c) for c in codes)
    numbers = [(c.office, c.case_number) for c in data.cases]
    assert len(set(numbers)) == len(numbers)
    assert all(re.fullmatch(r"(FIR|Enquiry) \d+/20\d\d", n) for _, n in numbers)
    assert {c.office for c in data.cases} == set(OFFICES)
    phones = [v.phone for v in _victims(data) if v.phone]
    assert phones and all(re.fullmatch(r"039\d-\d{7}", p) for p in phones)


def test_victims_are_never_also_accused(data: DemoData) -> None:
    for case in data.cases:
        accused = {(a.name, a.cnic) for a in case.accused}
        for v in case.victims:
            assert v.name not in {name for name, _ in accused}
            assert not v.cnic or v.cnic not in {cnic for _, cnic in accused}
        assert case.dual_role_reviewed_by == ""


def test_names_are_composed_and_never_of_well_known_people(data: DemoData) -> None:
    given = {*demo.MALE_NAMES, *demo.FEMALE_NAMES, *demo.TRANSGENDER_NAMES}
    people: list[Accused | Victim] = [*_accused(data), *_victims(data)]
    for person in people:
        assert person.name.casefold() not in demo.BLOCKED_NAMES
        assert any(person.name == g or person.name.startswith(f"{g} ") for g in given)
        assert person.father_name and person.father_name != person.name
    names = [t for training in data.trainings for t in training.roster]
    assert names and not any(n.casefold() in demo.BLOCKED_NAMES for n in names)


def test_narratives_are_filled_in(data: DemoData) -> None:
    for case in data.cases:
        assert case.narrative and "{" not in case.narrative
        assert "Lahore" in case.narrative or case.transnational
    assert len({c.narrative for c in data.cases}) > CASES // 2


def test_referrals(data: DemoData, reference: Reference) -> None:
    referrals = [r for v in _victims(data) for r in v.referrals]
    services = Counter(r.service for r in referrals)
    assert set(services) <= set(reference.items("referral_services"))
    assert services["child_protection"] > 0 and services["return_repatriation"] > 0
    for victim in _victims(data):
        assert len({r.service for r in victim.referrals}) == len(victim.referrals)
        for r in victim.referrals:
            assert victim.identified_on and r.referred_on and victim.identified_on <= r.referred_on
            assert r.provider
            assert (r.outcome_on is None) == (r.outcome.value == "pending")


def test_trainings_add_up(data: DemoData, reference: Reference) -> None:
    for t in data.trainings:
        parts = t.participants_female + t.participants_male + t.participants_transgender
        assert parts == t.participants_total > 0
        assert sum(t.participants_by_agency.values()) == t.participants_total
        assert all(n > 0 for n in t.participants_by_agency.values())
        assert reference.has("agencies", t.organiser)
        assert t.start_on and t.end_on and t.start_on <= t.end_on
        assert len(t.roster) in (0, t.participants_total)
    partners = Counter(p for t in data.trainings for p in t.partners)
    assert partners["unodc"] > 0 and partners["iom"] > 0


def test_campaigns(data: DemoData, reference: Reference) -> None:
    departments = Counter(c.department for c in data.campaigns)
    assert {"punjab_labour", "punjab_social_welfare", "punjab_child_protection"} <= set(departments)
    national = [c for c in data.campaigns if c.national_campaign]
    assert 0.1 <= len(national) / len(data.campaigns) <= 0.3
    for c in national:
        assert c.start_on is not None
        assert c.national_campaign == f"Human Trafficking Awareness Week {c.start_on.year}"
        assert dt.date(c.start_on.year, 7, 24) <= c.start_on <= dt.date(c.start_on.year, 7, 30)
    for c in data.campaigns:
        assert c.people_reached > 0
        assert reference.has("campaign_kinds", c.kind)
        assert c.start_on and c.end_on and c.start_on <= c.end_on


def test_bad_arguments(reference: Reference) -> None:
    with pytest.raises(ValueError, match="district"):
        generate(reference, seed=1, cases=1, district="Atlantis", offices=OFFICES, today=TODAY)
    with pytest.raises(ValueError, match="office"):
        generate(reference, seed=1, cases=1, district=DISTRICT, offices=(), today=TODAY)


# --- fill ----------------------------------------------------------------------------------


def _install(home: Path, role: InstallRole, district: str = "", office: str = "") -> Session:
    session, _ = init_install(
        Paths(home),
        role=role,
        user="admin1",
        passphrase=PASSPHRASE,
        clock=FixedClock(CLOCK_AT),
        kdf=FAST_KDF,
        district=district,
        office=office,
    )
    return session


def test_fill_a_district_store(tmp_path: Path) -> None:
    session = _install(
        tmp_path / "d",
        InstallRole.DISTRICT,
        district="Lahore",
        office="Police Station Gulberg",
    )
    calls: list[tuple[int, int]] = []
    try:
        counts = fill(
            session, seed=5, cases=120, progress=lambda d, t: calls.append((d, t)), batch=40
        )
        total = 120 + 30 + 60
        assert counts["case"] == 120 and counts["training"] == 30 and counts["campaign"] == 60
        assert list(counts) == list(demo.KINDS)
        for kind, n in counts.items():
            assert session.store.count(kind) == n, kind
        assert calls[0] == (0, total) and calls[-1] == (total, total)
        assert [d for d, _ in calls] == sorted(d for d, _ in calls)
        assert len(calls) == 1 + -(-total // 40)
        rows = session.store.query("SELECT DISTINCT district, office FROM cases")
        assert {r[0] for r in rows} == {"PB-LHR"}
        assert {r[1] for r in rows} == session.office_codes()
        assert len(session.office_codes()) == 2  # the FIA circle and the install's own office
    finally:
        session.close()


def test_filled_cases_read_back_as_generated(tmp_path: Path) -> None:
    session = _install(
        tmp_path / "d",
        InstallRole.DISTRICT,
        district="Lahore",
        office="FIA Anti-Human Trafficking Circle, Lahore",
    )
    try:
        fill(session, seed=9, cases=30)
        expected = generate(
            session.reference,
            seed=9,
            cases=30,
            district="PB-LHR",
            offices=["FIA-AHTC-LHR"],
            today=TODAY,
        )
        stored = session.store.page("case", limit=1000)
        assert len(stored) == 30
        by_number = {c.case_number: c for c in stored if isinstance(c, Case)}
        for case in expected.cases[:10]:
            got = session.store.get("case", by_number[case.case_number].id)
            assert isinstance(got, Case)
            assert to_dict(got, meta=False, children=False) == to_dict(
                case, meta=False, children=False
            )
            assert sorted(a.name for a in got.accused) == sorted(a.name for a in case.accused)
            assert sorted(v.victim_code for v in got.victims) == sorted(
                v.victim_code for v in case.victims
            )
    finally:
        session.close()


def test_fill_an_hq_store_spreads_over_districts(tmp_path: Path) -> None:
    session = _install(tmp_path / "hq", InstallRole.HQ)
    try:
        counts = fill(session, seed=5, cases=200, batch=100)
        assert counts["case"] == session.store.count("case") == 200
        offices = {o.code: o.district for o in session.store.offices()}
        rows = session.store.query("SELECT district, office, count(*) FROM cases GROUP BY 1, 2")
        assert len({r[0] for r in rows}) >= 10
        assert all(offices[office] == district for district, office, _ in rows)
        codes = session.store.query("SELECT victim_code FROM victims")
        assert len({c[0] for c in codes}) == len(codes)
    finally:
        session.close()


def test_a_small_hq_fill_only_touches_districts_with_cases(tmp_path: Path) -> None:
    session = _install(tmp_path / "hq", InstallRole.HQ)
    try:
        counts = fill(session, seed=2, cases=3)
        districts = session.store.query("SELECT DISTINCT district FROM trainings")
        assert counts["case"] == 3
        assert 1 <= len(districts) <= 3
        assert counts["training"] == 3 * len(districts)
        with pytest.raises(InvalidInput):
            fill(session, seed=2, cases=-1)
    finally:
        session.close()


def test_fill_needs_the_edit_permission(tmp_path: Path) -> None:
    session = _install(tmp_path / "hq", InstallRole.HQ)
    try:
        session.role = UserRole.HQ_ANALYST
        with pytest.raises(PermissionDenied):
            fill(session, seed=1, cases=5)
        assert session.store.count("case") == 0
    finally:
        session.close()
