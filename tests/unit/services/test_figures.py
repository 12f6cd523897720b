"""Headline figures over a handful of saved records, checked number by number."""

from __future__ import annotations

import datetime as dt

import pytest
from svc_support import (
    svc_accused,
    svc_campaign,
    svc_case,
    svc_training,
    svc_victim,
)

from tipdesk.core.codes import Gender, Outcome, Stage
from tipdesk.services import figures, records
from tipdesk.services.figures import Figures, Period
from tipdesk.services.session import Session

PENDING = {"outcome": Outcome.PENDING, "judgment_on": None, "imprisonment_months": None,
           "fine_pkr": None}  # fmt: skip


@pytest.fixture
def filled(district_session: Session) -> Session:
    case_a = svc_case(
        accused=[
            svc_accused(),  # proceeded 2025-03-01, convicted 2026-01-15
            svc_accused(
                name="Bashir Ali",
                cnic="35202-1111111-1",
                proceeded_on=dt.date(2025, 4, 1),
                **PENDING,
            ),
        ],
        victims=[
            svc_victim(),  # female, 16, identified 2025-02-10
            svc_victim(
                victim_code="V-LHR-2025-002",
                name="Imran",
                cnic="",
                gender=Gender.MALE,
                age=30,
                identified_on=dt.date(2025, 2, 12),
            ),
        ],
    )
    case_b = svc_case(
        case_number="FIR 3/2026",
        registered_on=dt.date(2026, 2, 1),
        stage=Stage.REGISTERED,
        transnational=False,
        route_countries=[],
        accused=[svc_accused(name="Qasim", cnic="", proceeded_on=None, **PENDING)],
        victims=[
            svc_victim(
                victim_code="V-LHR-2026-003",
                name="Ruby",
                cnic="",
                gender=Gender.TRANSGENDER,
                age=None,
                identified_on=dt.date(2026, 2, 3),
            ),
        ],
    )
    case_c = svc_case(
        case_number="FIR 4/2025",
        registered_on=dt.date(2025, 2, 1),
        victims=[svc_victim(victim_code="V-LHR-2026-004", cnic="")],
        accused=[svc_accused(name="Deleted Person", cnic="")],
    )
    adult_by_birth = svc_victim(
        victim_code="V-LHR-2026-005", cnic="", age=None, date_of_birth=dt.date(2000, 1, 1),
        identified_on=dt.date(2026, 3, 1),
    )  # fmt: skip
    # Turns 16 the day after identification: 15 then, so a child.
    child_by_birth = svc_victim(
        victim_code="V-LHR-2026-006", cnic="", age=None, date_of_birth=dt.date(2010, 6, 2),
        identified_on=dt.date(2026, 6, 1),
    )  # fmt: skip
    records.save(
        district_session,
        [
            case_a,
            case_b,
            case_c,
            adult_by_birth,
            child_by_birth,
            svc_training(),  # 2026-03-03..05, 25 people
            svc_training(
                title="Older course",
                start_on=dt.date(2024, 5, 1),
                end_on=dt.date(2024, 5, 2),
                participants_total=10,
                participants_female=0,
                participants_male=10,
                participants_transgender=0,
                participants_by_agency={},
            ),
            svc_campaign(),  # 2026-01-11, 1,200 people
            svc_campaign(
                title="School session",
                kind="school_session",
                start_on=dt.date(2026, 5, 1),
                end_on=None,
                people_reached=300,
            ),
        ],
    )
    records.delete(district_session, "case", case_c.id, "registered twice")
    return district_session


def test_stats_for_a_period(filled: Session) -> None:
    data = figures.stats(filled, dt.date(2025, 1, 1), dt.date(2026, 6, 1))
    assert data == Figures(
        period=Period("2025-01-01", "2026-06-01"),
        cases_registered=2,
        accused_proceeded_against=2,
        accused_convicted=1,
        victims_identified=5,
        victims_by_gender={"female": 3, "male": 1, "transgender": 1},
        victims_by_age_group={"child": 2, "adult": 2, "unknown": 1},
        victims_by_gender_and_age_group={
            "female": {"adult": 1, "child": 2},
            "male": {"adult": 1},
            "transgender": {"unknown": 1},
        },
        training_sessions=1,
        persons_trained=25,
        awareness_campaigns=2,
        people_reached=1500,
    )


def test_each_figure_is_dated_by_its_own_event(filled: Session) -> None:
    data = figures.stats(filled, dt.date(2026, 1, 1), dt.date(2026, 2, 28))
    assert data.cases_registered == 1  # FIR 3/2026 (the deleted one never counts)
    assert data.accused_proceeded_against == 0
    assert data.accused_convicted == 1  # judged 2026-01-15, case registered in 2025
    assert data.victims_identified == 1
    assert data.victims_by_gender == {"transgender": 1}
    assert data.training_sessions == 0
    assert data.persons_trained == 0
    assert (data.awareness_campaigns, data.people_reached) == (1, 1200)


def test_default_period_is_everything_up_to_today(filled: Session) -> None:
    data = figures.stats(filled, None, None)
    assert data.period == Period(None, "2026-06-01")
    assert data.cases_registered == 2
    assert (data.training_sessions, data.persons_trained) == (2, 35)


def test_an_empty_store_has_zero_figures(district_session: Session) -> None:
    data = figures.stats(district_session, None, None)
    assert data.cases_registered == 0
    assert data.victims_identified == 0
    assert data.victims_by_gender == {}
    assert data.victims_by_age_group == {"child": 0, "adult": 0, "unknown": 0}
    assert data.people_reached == 0
