"""The attack on small-cell suppression (:mod:`attack`): for every hidden count, the range of
whole numbers consistent with everything the report publishes must hold at least N-1 values
for threshold N, so that a reader learns nothing beyond the mark itself ("<5": 1 to 4).

Run on random reports of many shapes (seeded), on demo registers of three districts, and on
the case that was recovered exactly before: a single transgender child victim of sexual
exploitation."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import attack
import pytest
import synthetic
from conftest import GENERATED_AT

from tipdesk.core.codes import Gender, Outcome
from tipdesk.core.records import Accused, Case, Victim
from tipdesk.core.reference import Reference
from tipdesk.reports.build import build_report
from tipdesk.reports.model import Report, ReportParams
from tipdesk.services.demo import generate
from tipdesk.store.store import Actor, Store

ACTOR = Actor("hq.analyst", "device-hq-0001", "2026-01-20T10:00:00.000Z")
TARGET = "victims/form/sexual_exploitation/transgender/child"
SHAPES = {
    "tiny district": synthetic.Shape(cases=6, districts=1),
    "small": synthetic.Shape(cases=25, districts=3, rare=3.0),
    "province": synthetic.Shape(cases=120, districts=12),
    "national, sparse": synthetic.Shape(cases=400, districts=90, multi_form=0.3),
}


def _narrow(report: Report, threshold: int) -> list[str]:
    return [
        f"{r.key} {r.shown} (is {r.value}): {r.low}..{r.high}"
        for r in attack.too_narrow(report, threshold)
    ]


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("shape", list(SHAPES), ids=list(SHAPES))
def test_random_reports_withstand_the_attack(
    rep_reference: Reference, shape: str, seed: int
) -> None:
    report = synthetic.report(rep_reference, seed, SHAPES[shape], suppress_below=5)
    assert _narrow(report, 5) == []


@pytest.mark.slow
@pytest.mark.parametrize("threshold", [2, 3, 10])
def test_other_thresholds(rep_reference: Reference, threshold: int) -> None:
    shape = synthetic.Shape(cases=80, districts=8, rare=2.0)
    for seed in range(3):
        report = synthetic.report(rep_reference, seed, shape, suppress_below=threshold)
        assert _narrow(report, threshold) == [], seed


def _registers(reference: Reference) -> list[Case]:
    """Demo registers of three districts for 2025, every victim female or male, and one case
    more: a single transgender child victim of sexual exploitation, in Peshawar."""
    cases: list[Case] = []
    for seed, (district, n) in enumerate((("PB-LHR", 45), ("SD-KHS", 30), ("KP-PSH", 12)), 3):
        offices = [o.code for o in reference.offices.values() if o.district == district]
        data = generate(
            reference,
            seed=seed,
            cases=n,
            district=district,
            offices=offices[:1] or ["FIA-AHTC-LHR"],
            today=dt.date(2025, 12, 31),
            years=1,
        )
        cases += data.cases
    for case in cases:
        for victim in case.victims:
            if victim.gender == Gender.TRANSGENDER:
                victim.gender = Gender.FEMALE
    cases.append(
        Case(
            case_number="FIR 77/2025", registered_on=dt.date(2025, 8, 14), district="KP-PSH",
            office="FIA-AHTC-PSH", exploitation_forms=["sexual_exploitation"],
            accused=[Accused(name="Testaccused", father_name="Fakefather", gender=Gender.MALE,
                             role="exploiter", proceeded_on=dt.date(2025, 9, 1),
                             outcome=Outcome.CONVICTED, judgment_on=dt.date(2025, 12, 1))],
            victims=[Victim(victim_code="V-PSH-77", gender=Gender.TRANSGENDER, age=14,
                            identified_on=dt.date(2025, 8, 14),
                            exploitation_forms=["sexual_exploitation"])],
        )
    )  # fmt: skip
    return cases


@pytest.fixture
def registers_report(tmp_path: Path, rep_reference: Reference) -> Report:
    store = Store.create(tmp_path / "hq.db", os.urandom(32))
    try:
        store.save(_registers(rep_reference), ACTOR)
        params = ReportParams(dt.date(2025, 1, 1), dt.date(2025, 12, 31), suppress_below=5)
        return build_report(
            store, rep_reference, params, generated_at=GENERATED_AT, bundle_dates=None
        )
    finally:
        store.close()


def test_the_single_transgender_child_victim_of_sexual_exploitation(
    registers_report: Report,
) -> None:
    found = {r.key: r for r in attack.ranges(registers_report, 5, exact=True)}
    target = found[TARGET]
    assert (target.value, target.shown) == (1, "<5")
    assert (target.low, target.high) == (1, 4)
    # The same person in the other tables: transgender, child, transgender child.
    for key in ("victims/gender/transgender", "victims/gender_age/transgender/child"):
        assert found[key].value == 1 and (found[key].low, found[key].high) == (1, 4)
    assert _narrow(registers_report, 5) == []
