"""Random reports without a store: synthetic people and events, counted into the grouped rows
:func:`tipdesk.reports.build.build_report` fetches, then assembled into a report.

The counting mirrors the store's queries (``tipdesk/store/report_queries.py``): a victim counts
once under each form of exploitation (once under ``None`` when no form is recorded), a case
with an official involved counts in ``official`` and, with an action recorded, in ``action``;
each case is under one law (most under the TIP Act), its accused under the same, some of them
officials.
All data is synthetic. Reports built this way are consistent by construction, so every
relation the report declares must hold on them, and any identity they all obey must be one it
declares (``test_relations.py``).
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass

from tipdesk.core.reference import Reference
from tipdesk.reports.build import COUNT_KEYS, assemble
from tipdesk.reports.model import Coverage, Report, ReportParams

PERIOD = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
STAGES = ("registered", "investigation", "challan", "trial", "decided", "closed")
OUTCOMES = ("convicted", "acquitted", "discharged")
REFERRAL_OUTCOMES = ("provided", "pending", "declined", "not_available")
LAWS = {"tip_act_2018": 80.0, "psma_2018": 20.0}


@dataclass(frozen=True, slots=True)
class Shape:
    """How big and how skewed a random report is."""

    cases: int = 60
    districts: int = 6  # spread over this many districts (of several provinces)
    multi_form: float = 0.1  # share of victims with a second form of exploitation
    no_form: float = 0.08  # share of victims with no form recorded
    rare: float = 1.0  # >1: rare categories (transgender, unknown, foreign) more common
    pool: tuple[str, ...] = ()  # the districts to pick from (default: the reference list)


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), list(weights.values()))[0]


def _month(rng: random.Random) -> str:
    return f"2025-{rng.randrange(1, 13):02d}"


def results(rng: random.Random, reference: Reference, shape: Shape) -> dict[str, object]:
    """The grouped rows of one random report (2025) over ``shape.districts`` districts."""
    pool = list(shape.pool) or sorted(reference.districts)
    districts = rng.sample(pool, min(shape.districts, len(pool)))
    weights = [rng.random() ** 2 + 0.05 for _ in districts]  # a few busy districts
    r = shape.rare
    v_gender = {"female": 60.0, "male": 30.0, "transgender": 2.0 * r, "unknown": 5.0 * r}
    a_gender = {"male": 80.0, "female": 15.0, "transgender": 1.0 * r, "unknown": 3.0 * r}
    ages = {"child": 35.0, "adult": 55.0, "unknown": 8.0 * r}
    nations = {"PK": 90.0, "AF": 5.0 * r, "BD": 2.0 * r, "IN": 1.0 * r, None: 2.0 * r}
    forms = list(reference.items("exploitation_forms"))
    form_w = [1.0 / (i + 1) for i in range(len(forms))]
    services = list(reference.items("referral_services"))
    cases: Counter[tuple[object, ...]] = Counter()
    official: Counter[tuple[object, ...]] = Counter()
    action: Counter[tuple[object, ...]] = Counter()
    proceeded: Counter[tuple[object, ...]] = Counter()
    judgments: Counter[tuple[object, ...]] = Counter()
    victims: Counter[tuple[object, ...]] = Counter()
    by_form: Counter[tuple[object, ...]] = Counter()
    referrals: Counter[tuple[object, ...]] = Counter()
    by_law: Counter[tuple[object, ...]] = Counter()
    accused_by_law: Counter[tuple[object, ...]] = Counter()
    for _ in range(shape.cases):
        district = rng.choices(districts, weights)[0]
        key = (district, rng.choice(STAGES), _month(rng))
        law = _pick(rng, LAWS)
        cases[key] += 1
        by_law[(district, law, key[2])] += 1
        if rng.random() < 0.12:
            official[key] += 1
            action[key] += rng.random() < 0.5
        for _ in range(rng.choice((1, 1, 1, 2, 3))):
            gender = _pick(rng, a_gender)  # type: ignore[arg-type]
            is_official = int(rng.random() < 0.1 * r)
            if rng.random() < 0.6:
                proceeded[(district, gender)] += 1
                accused_by_law[(district, law, is_official, "proceeded", _month(rng))] += 1
            if rng.random() < 0.3:
                outcome, month = rng.choice(OUTCOMES), _month(rng)
                judgments[(district, gender, outcome, month)] += 1
                accused_by_law[(district, law, is_official, outcome, month)] += 1
        for _ in range(rng.choice((0, 1, 1, 1, 2, 3))):
            gender, group = _pick(rng, v_gender), _pick(rng, ages)  # type: ignore[arg-type]
            nationality = rng.choices(list(nations), list(nations.values()))[0]
            victims[(district, gender, group, nationality)] += 1
            mine: set[str | None] = set()
            if rng.random() >= shape.no_form:
                mine.add(rng.choices(forms, form_w)[0])
                if rng.random() < shape.multi_form:
                    mine.add(rng.choices(forms, form_w)[0])
            for form in mine or {None}:
                by_form[(gender, group, form)] += 1
            for _ in range(rng.choice((0, 0, 1, 1, 2))):
                referrals[(rng.choice(services), rng.choice(REFERRAL_OUTCOMES))] += 1
    training, agencies, campaigns = [], Counter[str](), []
    for district in districts:
        f, m, t = rng.randrange(40), rng.randrange(60), rng.randrange(3)
        training.append((district, rng.randrange(1, 5), f + m + t + rng.randrange(5), f, m, t))
        agencies[rng.choice(list(reference.items("agencies")))] += f + m
        dept = rng.choice(list(reference.items("departments")))
        campaigns.append((district, dept, rng.randrange(1, 6), rng.randrange(0, 5000)))
    previous = {k: rng.choice((0, 1, 2, 3, 4, 7, 12, 40)) for k in COUNT_KEYS}
    return {
        "cases": [(*k, n, official[k], action[k]) for k, n in sorted(cases.items())],
        "accused proceeded against": [(*k, n) for k, n in sorted(proceeded.items())],
        "judgments": [(*k, n) for k, n in sorted(judgments.items())],
        "cases by law": [(*k, n) for k, n in sorted(by_law.items())],
        "accused by law": [(*k, n) for k, n in sorted(accused_by_law.items())],
        "victims": [(*k, n) for k, n in sorted(victims.items(), key=str)],
        "forms of exploitation": [(*k, n) for k, n in sorted(by_form.items(), key=str)],
        "referrals": [(*k, n) for k, n in sorted(referrals.items())],
        "training": training,
        "training by agency": sorted(agencies.items()),
        "campaigns": campaigns,
        "previous year": previous,
        "coverage": Coverage("records", "2025-12-01"),
    }


def report(
    reference: Reference, seed: int, shape: Shape = Shape(), suppress_below: int | None = None
) -> Report:
    """A random report (``seed`` fixes it), suppressed when ``suppress_below`` is given."""
    rng = random.Random(seed)
    params = ReportParams(*PERIOD, suppress_below=suppress_below)
    return assemble(reference, params, results(rng, reference, shape), generated_at="now")
