"""The dashboard's figures over a handful of saved records, checked number by number."""

from __future__ import annotations

import datetime as dt

import pytest
from svc_support import svc_accused, svc_campaign, svc_case, svc_training, svc_victim

from tipdesk.core.codes import Gender, Outcome, Stage
from tipdesk.core.permissions import UserRole
from tipdesk.services import records
from tipdesk.services.dashboard import dashboard, funnel, month_list
from tipdesk.services.session import Session

PENDING = {"outcome": Outcome.PENDING, "judgment_on": None, "imprisonment_months": None,
           "fine_pkr": None}  # fmt: skip


@pytest.fixture
def filled(district_session: Session) -> Session:
    decided = svc_case()  # registered 2025-02-10, decided; accused convicted 2026-01-15
    trial = svc_case(
        case_number="FIR 2/2026", registered_on=dt.date(2026, 1, 20), stage=Stage.TRIAL,
        accused=[svc_accused(cnic="35202-2222222-2", proceeded_on=dt.date(2026, 2, 1), **PENDING)],
        victims=[svc_victim(victim_code="V-LHR-2026-002", cnic="", gender=Gender.MALE, age=30,
                            identified_on=dt.date(2026, 1, 21))],
    )  # fmt: skip
    closed = svc_case(
        case_number="FIR 3/2026", registered_on=dt.date(2026, 3, 5), stage=Stage.CLOSED,
        closed_reason="compromise", accused=[], victims=[],
        transnational=False, route_countries=[],
    )  # fmt: skip
    records.save(district_session, [decided, trial, closed, svc_training(), svc_campaign()])
    return district_session


def test_the_dashboard_counts_the_funnel_and_the_months(filled: Session) -> None:
    d = dashboard(filled, None, dt.date(2026, 6, 1))
    assert d.period_from is None and d.period_to == "2026-06-01"
    assert d.funnel == [("registered", 3), ("investigation", 2), ("challan", 2), ("trial", 2),
                        ("decided", 1), ("convicted", 1)]  # fmt: skip
    assert d.closed == 1
    assert d.months[0] == "2025-07" and d.months[-1] == "2026-06" and len(d.months) == 12
    by_month = dict(zip(d.months, d.cases_per_month, strict=True))
    assert by_month["2026-01"] == 1 and by_month["2026-03"] == 1
    assert sum(d.cases_per_month) == 2  # the 2025-02 case is older than 12 months
    assert dict(zip(d.months, d.convictions_per_month, strict=True))["2026-01"] == 1
    assert dict(zip(d.months, d.trained_per_month, strict=True))["2026-03"] == 25
    assert dict(zip(d.months, d.campaigns_per_month, strict=True))["2026-01"] == 1
    assert d.victims == {"female": {"child": 1, "adult": 0, "unknown": 0},
                         "male": {"child": 0, "adult": 1, "unknown": 0}}  # fmt: skip
    assert d.record_counts == {"case": 3, "victim": 2, "training": 1, "campaign": 1}
    assert not d.empty
    assert d.headline.cases_registered == 3


def test_a_period_narrows_every_figure(filled: Session) -> None:
    d = dashboard(filled, dt.date(2026, 1, 1), dt.date(2026, 2, 28))
    assert d.funnel[0] == ("registered", 1)
    assert d.funnel[-1] == ("convicted", 0)  # the convicted accused's case is older
    assert d.victims == {"male": {"child": 0, "adult": 1, "unknown": 0}}
    assert d.months[-1] == "2026-02"


def test_an_empty_store(district_session: Session) -> None:
    d = dashboard(district_session)
    assert d.empty
    assert [n for _s, n in d.funnel] == [0] * 6


def test_helpers() -> None:
    assert month_list(dt.date(2026, 2, 10), 3) == ["2025-12", "2026-01", "2026-02"]
    by_stage = {"registered": 1, "investigation": 2, "challan": 0, "trial": 1, "decided": 1,
                "closed": 4}  # fmt: skip
    assert funnel(by_stage, 2) == [("registered", 9), ("investigation", 4), ("challan", 2),
                                   ("trial", 2), ("decided", 1), ("convicted", 2)]  # fmt: skip


def test_anyone_signed_in_may_see_it(district_session: Session, svc_user: object) -> None:
    officer = svc_user(district_session, "bilal", UserRole.DISTRICT_OFFICER)  # type: ignore[operator]
    assert dashboard(officer).empty
    district_session.role = UserRole.HQ_ANALYST  # a view-only role still sees figures
    assert dashboard(district_session).empty
