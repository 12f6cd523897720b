"""A small national data set with known totals across three districts in two provinces
(Lahore and Faisalabad in Punjab, Karachi in Sindh), and the figures it must give for 2025.

All data is synthetic. Records are saved with :meth:`Store.save` (no validation: the
fixture states its own facts, including a deleted case that must never count)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tipdesk.core.codes import Gender, Outcome, ReferralOutcome, Stage
from tipdesk.core.records import Accused, Campaign, Case, Referral, Training, Victim
from tipdesk.store.store import Actor, Store

D = dt.date
LINKED_CNIC = "9990011122233"
ACTOR = Actor("hq.analyst", "device-hq-0001", "2026-01-20T10:00:00.000Z")


def _acc(name: str, gender: Gender, role: str = "recruiter", **kw: Any) -> Accused:
    return Accused(name=name, father_name="Fakefather", gender=gender, role=role, **kw)


def records() -> list[Case | Victim | Training | Campaign]:
    lahore = Case(
        case_number="FIR 1/2025", registered_on=D(2025, 2, 10), district="PB-LHR",
        office="FIA-AHTC-LHR", exploitation_forms=["forced_labour"], stage=Stage.TRIAL,
        official_involvement=True, official_action="Suspended pending inquiry",
        accused=[
            _acc("Testone", Gender.MALE, cnic=LINKED_CNIC, proceeded_on=D(2025, 3, 1),
                 outcome=Outcome.CONVICTED, judgment_on=D(2025, 10, 1), imprisonment_months=24),
            _acc("Testtwo", Gender.FEMALE, proceeded_on=D(2025, 4, 1),
                 outcome=Outcome.ACQUITTED, judgment_on=D(2025, 11, 1)),
            _acc("Testthree", Gender.MALE),
        ],
        victims=[
            Victim(victim_code="V-LHR-1", gender=Gender.FEMALE, age=16, name="Hidden Name",
                   cnic="9990044455566", identified_on=D(2025, 2, 10),
                   exploitation_forms=["forced_labour"],
                   referrals=[Referral(service="shelter", referred_on=D(2025, 2, 11),
                                       outcome=ReferralOutcome.PROVIDED,
                                       outcome_on=D(2025, 2, 12))]),
            Victim(victim_code="V-LHR-2", gender=Gender.MALE, age=30, identified_on=D(2025, 2, 10),
                   exploitation_forms=["forced_labour", "domestic_servitude"],
                   referrals=[Referral(service="medical", referred_on=D(2025, 2, 15))]),
        ],
    )  # fmt: skip
    faisalabad = Case(
        case_number="FIR 7/2025", registered_on=D(2025, 5, 5), district="PB-FSD",
        office="FIA-AHTC-FSD", law="psma_2018", sections=["3"],
        exploitation_forms=["sexual_exploitation"], stage=Stage.DECIDED,
        transnational=True, route_countries=["PK", "AE"], means=["false_promises"],
        accused=[_acc("Testfour", Gender.MALE, proceeded_on=D(2025, 6, 1),
                      outcome=Outcome.CONVICTED, judgment_on=D(2025, 12, 1), fine_pkr=100_000)],
        victims=[Victim(victim_code="V-FSD-1", gender=Gender.FEMALE, nationality="AF",
                        identified_on=D(2025, 5, 5))],
    )  # fmt: skip
    karachi = Case(
        case_number="FIR 9/2025", registered_on=D(2025, 7, 7), district="SD-KHS",
        office="FIA-AHTC-LHR", exploitation_forms=["forced_begging"], stage=Stage.INVESTIGATION,
        official_involvement=True,
        accused=[_acc("Testone", Gender.MALE, "official", cnic=LINKED_CNIC,
                      proceeded_on=D(2025, 8, 1))],
        victims=[Victim(victim_code="V-KHI-1", gender=Gender.TRANSGENDER, age=12,
                        identified_on=D(2025, 7, 7), exploitation_forms=["forced_begging"])],
    )  # fmt: skip
    last_year = Case(
        case_number="FIR 3/2024", registered_on=D(2024, 3, 3), district="PB-LHR",
        office="FIA-AHTC-LHR", stage=Stage.DECIDED,
        accused=[_acc("Testfive", Gender.MALE, proceeded_on=D(2024, 4, 1),
                      outcome=Outcome.CONVICTED, judgment_on=D(2024, 9, 9), fine_pkr=50_000)],
        victims=[Victim(victim_code="V-LHR-0", gender=Gender.FEMALE, age=20,
                        identified_on=D(2024, 3, 3))],
    )  # fmt: skip
    deleted = Case(
        case_number="FIR 99/2025", registered_on=D(2025, 3, 3), district="PB-LHR",
        office="FIA-AHTC-LHR", deleted=True,
        accused=[_acc("Testsix", Gender.MALE, proceeded_on=D(2025, 3, 9), deleted=True)],
        victims=[Victim(victim_code="V-DEL", gender=Gender.MALE, age=40,
                        identified_on=D(2025, 3, 3), deleted=True)],
    )  # fmt: skip
    trainings = [
        Training(title="Investigators", organiser="fia", start_on=D(2025, 3, 3),
                 end_on=D(2025, 3, 5), district="PB-LHR", participants_total=25,
                 participants_female=8, participants_male=16, participants_transgender=1,
                 participants_by_agency={"fia": 15, "punjab_police": 10}),
        Training(title="Prosecutors", organiser="sindh_prosecution", start_on=D(2025, 5, 30),
                 end_on=D(2025, 6, 2), district="SD-KHS", participants_total=10),
        Training(title="Old course", organiser="fia", start_on=D(2024, 12, 30),
                 end_on=D(2024, 12, 31), district="PB-LHR", participants_total=7),
    ]  # fmt: skip
    campaigns = [
        Campaign(title="Walk", department="punjab_labour", kind="walk", start_on=D(2025, 1, 11),
                 district="PB-LHR", people_reached=1200),
        Campaign(title="Seminar", department="sindh_labour", kind="seminar",
                 start_on=D(2025, 9, 1), district="SD-KHS", people_reached=300),
    ]  # fmt: skip
    return [lahore, faisalabad, karachi, last_year, deleted, *trainings, *campaigns]


def fill(store: Store) -> None:
    store.save(records(), ACTOR)


# What 2025 (2025-01-01..2025-12-31) must give, compared with 2024.
HEADLINE_2025 = {
    "cases_registered": 3,
    "accused_proceeded_against": 4,
    "accused_convicted": 2,
    "accused_acquitted": 1,
    "conviction_rate": 0.6667,
    "victims_identified": 4,
    "persons_trained": 35,
    "training_sessions": 2,
    "awareness_campaigns": 2,
    "people_reached": 1500,
}
PREVIOUS_2024 = {
    "cases_registered": 1,
    "accused_proceeded_against": 1,
    "accused_convicted": 1,
    "accused_acquitted": 0,
    "conviction_rate": 1.0,
    "victims_identified": 1,
    "persons_trained": 7,
    "training_sessions": 1,
    "awareness_campaigns": 0,
    "people_reached": 0,
}
# By Act: Faisalabad's case is smuggling of migrants; Karachi's accused is an official.
BY_LAW_2025 = {
    "tip_act_2018": {"cases_registered": 2, "accused_proceeded_against": 3,
                     "officials_proceeded_against": 1, "accused_convicted": 1,
                     "officials_convicted": 0},
    "psma_2018": {"cases_registered": 1, "accused_proceeded_against": 1,
                  "officials_proceeded_against": 0, "accused_convicted": 1,
                  "officials_convicted": 0},
    "Total": {"cases_registered": 3, "accused_proceeded_against": 4,
              "officials_proceeded_against": 1, "accused_convicted": 2,
              "officials_convicted": 0},
}  # fmt: skip
VICTIMS_BY_GENDER = {"female": 2, "male": 1, "transgender": 1, "unknown": 0}
VICTIMS_BY_AGE = {"child": 2, "adult": 1, "unknown": 1}
BY_PROVINCE_CASES = {"PB": 2, "SD": 1}
BY_DISTRICT = {
    "PB-FSD": {"cases_registered": 1, "accused_proceeded_against": 1, "accused_convicted": 1,
               "victims_identified": 1},
    "PB-LHR": {"cases_registered": 1, "accused_proceeded_against": 2, "accused_convicted": 1,
               "victims_identified": 2},
    "SD-KHS": {"cases_registered": 1, "accused_proceeded_against": 1, "accused_convicted": 0,
               "victims_identified": 1},
}  # fmt: skip
