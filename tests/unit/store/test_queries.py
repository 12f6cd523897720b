"""Headline figures on a small hand-made store whose every expected count is worked out below."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tipdesk.core.codes import Gender, Outcome
from tipdesk.core.records import Record
from tipdesk.store.queries import headline
from tipdesk.store.store import Actor, Store

FROM, TO = "2025-01-01", "2025-06-30"
D = dt.date


def _delete(store: Store, actor: Actor, kind: str, record_id: str) -> None:
    record = store.get(kind, record_id)
    record.deleted = True
    store.save([record], actor)


@pytest.fixture
def figures_store(store: Store, make: Any, actor: Actor) -> Store:
    def acc(name: str, proceeded: D | None, outcome: Outcome, judgment: D | None) -> Any:
        return make.accused(
            name=name, proceeded_on=proceeded, outcome=outcome, judgment_on=judgment
        )

    pending, convicted, acquitted = Outcome.PENDING, Outcome.CONVICTED, Outcome.ACQUITTED
    c1 = make.case(  # registered in the period
        case_number="C1",
        registered_on=D(2025, 2, 1),
        victims=[],
        accused=[
            acc("A1 proceeded in", D(2025, 3, 1), pending, None),  # proceeded
            acc("A2 convicted in", D(2024, 11, 1), convicted, D(2025, 4, 1)),  # convicted
            acc("A7 removed", D(2025, 3, 1), convicted, D(2025, 3, 2)),  # soft-deleted below
        ],
    )
    c2 = make.case(  # registered on the last day
        case_number="C2",
        registered_on=D(2025, 6, 30),
        victims=[],
        accused=[acc("A3 acquitted", D(2025, 1, 1), acquitted, D(2025, 5, 5))],  # proceeded
    )
    c3 = make.case(  # registered the day before: out, but its accused count by their dates
        case_number="C3",
        registered_on=D(2024, 12, 31),
        victims=[],
        accused=[
            acc("A4 judged after", D(2025, 2, 2), convicted, D(2025, 7, 1)),  # proceeded
            acc("A5 judged last day", D(2024, 6, 1), convicted, D(2025, 6, 30)),  # convicted
        ],
    )
    c4 = make.case(case_number="C4", registered_on=D(2025, 7, 1), victims=[], accused=[])
    c5 = make.case(  # deleted: neither it nor its accused count
        case_number="C5",
        registered_on=D(2025, 3, 3),
        victims=[],
        accused=[acc("A6 of deleted case", D(2025, 3, 4), convicted, D(2025, 3, 5))],
    )
    c6 = make.case(case_number="C6", registered_on=None, victims=[], accused=[])

    def vic(code: str, gender: Gender, age: int | None, dob: D | None, on: D | None) -> Any:
        return make.victim(
            victim_code=code,
            gender=gender,
            age=age,
            date_of_birth=dob,
            identified_on=on,
            referrals=[],
        )

    female, male, trans = Gender.FEMALE, Gender.MALE, Gender.TRANSGENDER
    victims: list[Record] = [
        vic("V1", female, 16, None, D(2025, 2, 1)),  # female child
        vic("V2", male, 30, None, D(2025, 3, 1)),  # male adult
        vic("V3", female, None, D(2007, 3, 15), D(2025, 3, 14)),  # 17 the day before: child
        vic("V4", female, None, D(2007, 3, 15), D(2025, 3, 15)),  # 18 on the day: adult
        vic("V5", trans, None, None, D(2025, 4, 4)),  # transgender, age unknown
        vic("V6", male, 17, D(2000, 1, 1), D(2025, 6, 30)),  # recorded age wins: child
        vic("V10", male, None, D(2008, 2, 29), D(2025, 2, 28)),  # born 29 Feb: 16, child
        vic("V7", female, 10, None, D(2024, 12, 31)),  # before the period
        vic("V8", female, 12, None, D(2025, 5, 5)),  # deleted below
        vic("V9", male, 20, None, None),  # never identified: no date
    ]

    def trn(title: str, start: D | None, end: D | None, total: int) -> Any:
        return make.training(title=title, start_on=start, end_on=end, participants_total=total)

    trainings: list[Record] = [
        trn("T1 ends in period", D(2024, 12, 30), D(2025, 1, 2), 10),  # counts
        trn("T2 ends after", D(2025, 6, 29), D(2025, 7, 2), 20),
        trn("T3 no end date", D(2025, 3, 1), None, 5),  # counts by its start
        trn("T4 deleted", D(2025, 4, 1), D(2025, 4, 2), 7),
        trn("T5 before", D(2024, 11, 1), D(2024, 11, 2), 9),
        trn("T6 ends last day", D(2025, 6, 28), D(2025, 6, 30), 3),  # counts
    ]

    def cmp(title: str, start: D | None, end: D | None, reached: int) -> Any:
        return make.campaign(title=title, start_on=start, end_on=end, people_reached=reached)

    campaigns: list[Record] = [
        cmp("K1 first day", D(2025, 1, 1), D(2025, 1, 1), 100),  # counts
        cmp("K2 starts before", D(2024, 12, 31), D(2025, 1, 5), 200),
        cmp("K3 last day", D(2025, 6, 30), D(2025, 7, 3), 50),  # counts
        cmp("K4 deleted", D(2025, 5, 5), D(2025, 5, 5), 1000),
        cmp("K5 after", D(2025, 7, 1), D(2025, 7, 1), 70),
    ]
    store.save([c1, c2, c3, c4, c5, c6, *victims, *trainings, *campaigns], actor)

    _delete(store, actor, "case", c5.id)
    _delete(store, actor, "victim", victims[8].id)
    _delete(store, actor, "training", trainings[3].id)
    _delete(store, actor, "campaign", campaigns[3].id)
    kept = store.get("case", c1.id)
    kept.accused = [a for a in kept.accused if a.name != "A7 removed"]  # type: ignore[union-attr]
    store.save([kept], actor)
    return store


def test_headline_exact_figures(figures_store: Store) -> None:
    assert headline(figures_store, FROM, TO) == {
        "cases_registered": 2,  # C1, C2
        "accused_proceeded_against": 3,  # A1, A3, A4
        "accused_convicted": 2,  # A2, A5
        "victims_identified": 7,
        "victims_by_gender": {"female": 3, "male": 3, "transgender": 1},
        "victims_by_age_group": {"child": 4, "adult": 2, "unknown": 1},
        "victims_by_gender_and_age_group": {
            "female": {"child": 2, "adult": 1},  # V1, V3 / V4
            "male": {"adult": 1, "child": 2},  # V2 / V6, V10
            "transgender": {"unknown": 1},  # V5
        },
        "training_sessions": 3,  # T1, T3, T6
        "persons_trained": 18,
        "awareness_campaigns": 2,  # K1, K3
        "people_reached": 150,
    }


def test_headline_of_a_single_day(figures_store: Store) -> None:
    day = headline(figures_store, "2025-06-30", "2025-06-30")
    assert day["cases_registered"] == 1  # C2
    assert day["accused_convicted"] == 1  # A5
    assert day["accused_proceeded_against"] == 0
    assert day["victims_by_gender_and_age_group"] == {"male": {"child": 1}}  # V6
    assert day["training_sessions"] == 1  # T6
    assert (day["awareness_campaigns"], day["people_reached"]) == (1, 50)  # K3


def test_deleted_records_count_in_no_period(figures_store: Store) -> None:
    everything = headline(figures_store, "0001-01-01", "9999-12-31")
    assert everything["cases_registered"] == 4  # C1..C4 (C5 deleted, C6 undated)
    assert everything["accused_proceeded_against"] == 5  # A1..A5
    assert everything["accused_convicted"] == 3  # A2, A4, A5
    assert everything["victims_identified"] == 8  # V1..V7, V10 (V8 deleted, V9 undated)
    assert everything["training_sessions"] == 5  # all but T4
    assert everything["persons_trained"] == 47
    assert everything["awareness_campaigns"] == 4  # all but K4
    assert everything["people_reached"] == 420


def test_an_empty_period_is_all_zero(figures_store: Store) -> None:
    assert headline(figures_store, "2030-01-01", "2030-12-31") == {
        "cases_registered": 0,
        "accused_proceeded_against": 0,
        "accused_convicted": 0,
        "victims_identified": 0,
        "victims_by_gender": {},
        "victims_by_age_group": {"child": 0, "adult": 0, "unknown": 0},
        "victims_by_gender_and_age_group": {},
        "training_sessions": 0,
        "persons_trained": 0,
        "awareness_campaigns": 0,
        "people_reached": 0,
    }
