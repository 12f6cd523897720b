"""Tests for tipdesk.core.validation: one accepted and one refused case for every rule.

Each refused case asserts the complete list of problems (field path, rule, message), so a rule
that fires too often fails as surely as one that does not fire.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tipdesk.core import validation
from tipdesk.core.codes import Appeal, Gender, Outcome, ReferralOutcome, Stage
from tipdesk.core.errors import Problem, Severity, ValidationFailed
from tipdesk.core.records import Accused, Case, Meta, Referral, Training, Victim
from tipdesk.core.validation import (
    ValidationContext,
    advise,
    normalise,
    validate,
    validate_accused,
    validate_campaign,
    validate_case,
    validate_referral,
    validate_training,
    validate_victim,
)

D = dt.date
TODAY = D(2025, 6, 30)
TOMORROW = D(2025, 7, 1)
CNIC_MESSAGE = "is not a valid CNIC: it needs 13 digits, written #####-#######-#"
RULES = {
    "required",
    "date.future",
    "date.order",
    "number.negative",
    "age.range",
    "age.date_of_birth",
    "cnic.format",
    "reference.district",
    "reference.office",
    "reference.law",
    "reference.code",
    "route.transnational",
    "route.domestic",
    "stage.closed_reason",
    "official.action",
    "outcome.judgment_date",
    "outcome.proceeded_date",
    "outcome.appeal",
    "sentence.required",
    "sentence.without_conviction",
    "sentence.max_imprisonment",
    "sentence.min_imprisonment",
    "sentence.max_fine",
    "sentence.not_in_force",
    "reference.section",
    "counts.reconcile",
    "referral.outcome_date",
    "participants.gender_sum",
    "participants.agency_sum",
    "participants.roster",
}

Make = Callable[[Any], Any]


def _accused(**changes: Any) -> Make:
    """A valid case whose only accused has ``changes``."""
    return lambda b: b.case(accused=[b.accused(**changes)])


def _victim(**changes: Any) -> Make:
    return lambda b: b.case(victims=[b.victim(**changes)])


def _referral(**changes: Any) -> Make:
    return lambda b: b.case(victims=[b.victim(referrals=[b.referral(**changes)])])


def _pending(**changes: Any) -> dict[str, Any]:
    """Changes that make an accused pending and unsentenced, plus ``changes``."""
    return {
        "outcome": Outcome.PENDING,
        "judgment_on": None,
        "imprisonment_months": None,
        "fine_pkr": None,
    } | changes


# (id, make the record, expected problems as (field, rule, message))
REFUSED: list[tuple[str, Make, list[tuple[str, str, str]]]] = [
    # --- required ---
    (
        "case_number",
        lambda b: b.case(case_number="  "),
        [("case_number", "required", "the case number is required")],
    ),
    (
        "registered_on",
        lambda b: b.case(registered_on=None),
        [("registered_on", "required", "the registration date is required")],
    ),
    (
        "district",
        lambda b: b.case(district=""),
        [("district", "required", "the district is required")],
    ),
    ("office", lambda b: b.case(office=""), [("office", "required", "the office is required")]),
    ("law", lambda b: b.case(law=""), [("law", "required", "the law is required")]),
    (
        "victim_code",
        _victim(victim_code=""),
        [("victims[0].victim_code", "required", "the victim code is required")],
    ),
    (
        "identified_on",
        _victim(identified_on=None),
        [("victims[0].identified_on", "required", "the date of identification is required")],
    ),
    (
        "referral_service",
        _referral(service=""),
        [("victims[0].referrals[0].service", "required", "the service is required")],
    ),
    (
        "referred_on",
        _referral(referred_on=None),
        [("victims[0].referrals[0].referred_on", "required", "the referral date is required")],
    ),
    (
        "training_title",
        lambda b: b.training(title=""),
        [("title", "required", "the title is required")],
    ),
    (
        "training_start",
        lambda b: b.training(start_on=None),
        [("start_on", "required", "the start date is required")],
    ),
    (
        "training_district",
        lambda b: b.training(district=""),
        [("district", "required", "the district is required")],
    ),
    (
        "training_organiser",
        lambda b: b.training(organiser=""),
        [("organiser", "required", "the organising agency is required")],
    ),
    (
        "campaign_department",
        lambda b: b.campaign(department=""),
        [("department", "required", "the organising department is required")],
    ),
    (
        "campaign_kind",
        lambda b: b.campaign(kind=""),
        [("kind", "required", "the kind of campaign is required")],
    ),
    (
        "campaign_start",
        lambda b: b.campaign(start_on=None),
        [("start_on", "required", "the start date is required")],
    ),
    (
        "campaign_district",
        lambda b: b.campaign(district=" "),
        [("district", "required", "the district is required")],
    ),
    # --- date.future ---
    (
        "future_registered",
        lambda b: b.case(registered_on=TOMORROW, accused=[]),
        [("registered_on", "date.future", "2025-07-01 is in the future (today is 2025-06-30)")],
    ),
    (
        "future_judgment",
        _accused(judgment_on=TOMORROW),
        [
            (
                "accused[0].judgment_on",
                "date.future",
                "2025-07-01 is in the future (today is 2025-06-30)",
            )
        ],
    ),
    (
        "future_identified",
        _victim(identified_on=TOMORROW),
        [
            (
                "victims[0].identified_on",
                "date.future",
                "2025-07-01 is in the future (today is 2025-06-30)",
            )
        ],
    ),
    (
        "future_birth",
        _victim(date_of_birth=D(2026, 1, 1), age=None),
        [
            ("victims[0].date_of_birth", "date.future", "the date of birth is in the future"),
            ("victims[0].identified_on", "date.order", "2024-02-10 is before the date of birth"),
        ],
    ),
    (
        "future_referral_outcome",
        _referral(outcome=ReferralOutcome.PROVIDED, outcome_on=TOMORROW),
        [
            (
                "victims[0].referrals[0].outcome_on",
                "date.future",
                "2025-07-01 is in the future (today is 2025-06-30)",
            )
        ],
    ),
    (
        "future_training_end",
        lambda b: b.training(end_on=TOMORROW),
        [("end_on", "date.future", "2025-07-01 is in the future (today is 2025-06-30)")],
    ),
    (
        "future_campaign_start",
        lambda b: b.campaign(start_on=TOMORROW, end_on=None),
        [("start_on", "date.future", "2025-07-01 is in the future (today is 2025-06-30)")],
    ),
    # --- date.order ---
    (
        "proceeded_before_registration",
        _accused(proceeded_on=D(2024, 2, 1)),
        [
            (
                "accused[0].proceeded_on",
                "date.order",
                "2024-02-01 is before the case was registered (2024-02-10)",
            )
        ],
    ),
    (
        "judgment_before_proceeded",
        _accused(judgment_on=D(2024, 2, 20)),
        [
            (
                "accused[0].judgment_on",
                "date.order",
                "2024-02-20 is before the date proceeded against (2024-03-01)",
            )
        ],
    ),
    (
        "referral_outcome_before_referral",
        _referral(outcome=ReferralOutcome.PROVIDED, outcome_on=D(2024, 2, 1)),
        [
            (
                "victims[0].referrals[0].outcome_on",
                "date.order",
                "2024-02-01 is before the referral date (2024-02-11)",
            )
        ],
    ),
    (
        "identified_before_birth",
        _victim(date_of_birth=D(2024, 3, 1), age=None),
        [("victims[0].identified_on", "date.order", "2024-02-10 is before the date of birth")],
    ),
    (
        "training_end_before_start",
        lambda b: b.training(end_on=D(2025, 3, 1)),
        [("end_on", "date.order", "2025-03-01 is before the start date (2025-03-03)")],
    ),
    (
        "campaign_end_before_start",
        lambda b: b.campaign(end_on=D(2025, 1, 10)),
        [("end_on", "date.order", "2025-01-10 is before the start date (2025-01-11)")],
    ),
    # --- number.negative ---
    (
        "negative_fine",
        _accused(fine_pkr=-5),
        [("accused[0].fine_pkr", "number.negative", "-5 is below zero; enter 0 or more")],
    ),
    (
        "negative_imprisonment_only_sentence",
        _accused(imprisonment_months=-12, fine_pkr=None),
        [
            (
                "accused[0].imprisonment_months",
                "number.negative",
                "-12 is below zero; enter 0 or more",
            )
        ],
    ),
    (
        "negative_gender_count",
        lambda b: b.training(participants_female=-1, participants_male=25),
        [("participants_female", "number.negative", "-1 is below zero; enter 0 or more")],
    ),
    (
        "negative_agency_count",
        lambda b: b.training(participants_by_agency={"fia": 30, "police": -5}),
        [
            (
                "participants_by_agency.police",
                "number.negative",
                "-5 is below zero; enter 0 or more",
            )
        ],
    ),
    (
        "negative_people_reached",
        lambda b: b.campaign(people_reached=-1000),
        [("people_reached", "number.negative", "-1,000 is below zero; enter 0 or more")],
    ),
    # --- ages ---
    (
        "accused_age",
        _accused(age=121),
        [("accused[0].age", "age.range", "121 is not a possible age (0 to 120)")],
    ),
    (
        "victim_age_negative",
        _victim(age=-1, date_of_birth=None),
        [("victims[0].age", "age.range", "-1 is not a possible age (0 to 120)")],
    ),
    (
        "victim_birth_too_long_ago",
        _victim(date_of_birth=D(1900, 1, 1), age=None),
        [
            (
                "victims[0].date_of_birth",
                "age.range",
                "the date of birth gives an age over the 120-year maximum",
            )
        ],
    ),
    (
        "age_and_birth_disagree",
        _victim(age=20),
        [
            (
                "victims[0].age",
                "age.date_of_birth",
                "age 20 does not match the date of birth, which gives 16 on the date of "
                "identification (2024-02-10); they may differ by 1 year at most",
            )
        ],
    ),
    # --- cnic.format ---
    (
        "accused_cnic",
        _accused(cnic="35202-12345"),
        [("accused[0].cnic", "cnic.format", CNIC_MESSAGE)],
    ),
    (
        "victim_cnic",
        _victim(cnic="352021234567X"),
        [("victims[0].cnic", "cnic.format", CNIC_MESSAGE)],
    ),
    # --- reference.* ---
    (
        "unknown_district",
        lambda b: b.case(district="XYZ"),
        [
            (
                "district",
                "reference.district",
                "'XYZ' is not a district we know: write the district's name, e.g. Lahore",
            )
        ],
    ),
    (
        "district_misspelt",
        lambda b: b.training(district="Lahor"),
        [
            (
                "district",
                "reference.district",
                "'Lahor' is not a district we know (did you mean Lahore?)",
            )
        ],
    ),
    (
        "victim_district_misspelt",
        _victim(district="karachee"),
        [
            (
                "victims[0].district",
                "reference.district",
                "'karachee' is not a district we know (did you mean Karachi?)",
            )
        ],
    ),
    (
        "office_of_another_install",
        lambda b: b.case(office="FIA-KHI"),
        [("office", "reference.office", "'FIA-KHI' is not an office of this install")],
    ),
    (
        "unknown_law",
        lambda b: b.case(law="ppc"),
        [
            (
                "law",
                "reference.law",
                "'ppc' is not a known law (known: TIP Act 2018, PSMA 2018, Old Act)",
            )
        ],
    ),
    (
        "case_exploitation_form",
        lambda b: b.case(exploitation_forms=["forced_labour", "organ_trade"]),
        [
            (
                "exploitation_forms[1]",
                "reference.code",
                "'organ_trade' is not a known form of exploitation",
            )
        ],
    ),
    (
        "case_means_by_name",
        lambda b: b.case(means=["Threts"]),
        [
            (
                "means[0]",
                "reference.code",
                "'Threts' is not a known means of control (did you mean Threats?)",
            )
        ],
    ),
    (
        "route_country",
        lambda b: b.case(route_countries=["PK", "AE", "XX"]),
        [
            (
                "route_countries[2]",
                "reference.code",
                "'XX' is not a known country",
            )
        ],
    ),
    (
        "accused_role",
        _accused(role="pimp"),
        [("accused[0].role", "reference.code", "'pimp' is not a known accused role")],
    ),
    (
        "accused_nationality",
        _accused(nationality="PAK"),
        [
            (
                "accused[0].nationality",
                "reference.code",
                "'PAK' is not a known country",
            )
        ],
    ),
    (
        "victim_lists",
        _victim(
            exploitation_forms=["begging"],
            indicators=["debt", "fear"],
            protection_measures=["safe_house"],
        ),
        [
            (
                "victims[0].exploitation_forms[0]",
                "reference.code",
                "'begging' is not a known form of exploitation",
            ),
            (
                "victims[0].indicators[1]",
                "reference.code",
                "'fear' is not a known identification indicator",
            ),
            (
                "victims[0].protection_measures[0]",
                "reference.code",
                "'safe_house' is not a known protection measure",
            ),
        ],
    ),
    (
        "referral_service_code",
        _referral(service="hospital"),
        [
            (
                "victims[0].referrals[0].service",
                "reference.code",
                "'hospital' is not a known referral service",
            )
        ],
    ),
    (
        "training_codes",
        lambda b: b.training(organiser="army", partners=["ilo"], topics=["first_aid"]),
        [
            ("organiser", "reference.code", "'army' is not a known agency"),
            ("partners[0]", "reference.code", "'ilo' is not a known partner"),
            ("topics[0]", "reference.code", "'first_aid' is not a known training topic"),
        ],
    ),
    (
        "training_agency_key",
        lambda b: b.training(participants_by_agency={"fia": 15, "navy": 10}),
        [("participants_by_agency.navy", "reference.code", "'navy' is not a known agency")],
    ),
    (
        "training_blank_agency_key",
        lambda b: b.training(participants_by_agency={"fia": 15, "": 10}),
        [
            (
                "participants_by_agency",
                "reference.code",
                "a count of 10 is given without its agency",
            )
        ],
    ),
    (
        "campaign_codes",
        lambda b: b.campaign(department="army", kind="rally", partners=["iom", "ilo"]),
        [
            ("department", "reference.code", "'army' is not a known department"),
            ("kind", "reference.code", "'rally' is not a known kind of campaign"),
            ("partners[1]", "reference.code", "'ilo' is not a known partner"),
        ],
    ),
    # --- route ---
    (
        "transnational_without_foreign_country",
        lambda b: b.case(route_countries=["PK"]),
        [
            (
                "route_countries",
                "route.transnational",
                "a transnational case needs at least one country on the route other than Pakistan",
            )
        ],
    ),
    (
        "domestic_with_foreign_country",
        lambda b: b.case(transnational=False, route_countries=["PK", "AF"]),
        [
            (
                "transnational",
                "route.domestic",
                "the route includes Afghanistan, so the case is transnational: "
                "mark it transnational or remove the country",
            )
        ],
    ),
    # --- stage and officials ---
    (
        "closed_without_reason",
        lambda b: b.case(stage=Stage.CLOSED, closed_reason=" "),
        [("closed_reason", "stage.closed_reason", "a closed case needs the reason it was closed")],
    ),
    (
        "official_without_action",
        lambda b: b.case(official_involvement=True),
        [
            (
                "official_action",
                "official.action",
                "an official was involved and the case is decided: "
                "record the action taken against the official",
            )
        ],
    ),
    # --- outcomes ---
    (
        "outcome_without_judgment_date",
        _accused(judgment_on=None),
        [
            (
                "accused[0].judgment_on",
                "outcome.judgment_date",
                "the outcome is convicted, so the judgment date is required",
            )
        ],
    ),
    (
        "judgment_date_while_pending",
        _accused(**_pending(judgment_on=D(2025, 1, 15))),
        [
            (
                "accused[0].judgment_on",
                "outcome.judgment_date",
                "a judgment date is given but the outcome is still pending",
            )
        ],
    ),
    (
        "outcome_without_proceeded_date",
        _accused(
            outcome=Outcome.ACQUITTED, proceeded_on=None, imprisonment_months=None, fine_pkr=None
        ),
        [
            (
                "accused[0].proceeded_on",
                "outcome.proceeded_date",
                "the outcome is acquitted, so the date proceeded against (challan) is required",
            ),
            (
                "accused",
                "counts.reconcile",
                "the counts do not add up: 1 accused, 0 proceeded against, 1 convicted or "
                "acquitted (0 convicted); everyone convicted or acquitted must first have been "
                "proceeded against (accused[0])",
            ),
        ],
    ),
    (
        "appeal_while_pending",
        _accused(**_pending(appeal=Appeal.FILED)),
        [
            (
                "accused[0].appeal",
                "outcome.appeal",
                "an appeal needs a judgment, but the outcome is pending",
            )
        ],
    ),
    # --- sentences ---
    (
        "conviction_without_sentence",
        _accused(imprisonment_months=None, fine_pkr=None),
        [
            (
                "accused[0].imprisonment_months",
                "sentence.required",
                "a conviction needs a sentence: imprisonment (months), a fine (PKR) or both",
            )
        ],
    ),
    (
        "conviction_with_zero_sentence",
        _accused(imprisonment_months=0, fine_pkr=0),
        [
            (
                "accused[0].imprisonment_months",
                "sentence.required",
                "a conviction needs a sentence: imprisonment (months), a fine (PKR) or both",
            )
        ],
    ),
    (
        "acquitted_with_imprisonment",
        _accused(outcome=Outcome.ACQUITTED, imprisonment_months=12, fine_pkr=None),
        [
            (
                "accused[0].imprisonment_months",
                "sentence.without_conviction",
                "a sentence needs a conviction, but the outcome is acquitted",
            )
        ],
    ),
    (
        "discharged_with_fine",
        _accused(outcome=Outcome.DISCHARGED, imprisonment_months=None, fine_pkr=10_000),
        [
            (
                "accused[0].fine_pkr",
                "sentence.without_conviction",
                "a sentence needs a conviction, but the outcome is discharged",
            )
        ],
    ),
    (
        "imprisonment_over_maximum",
        lambda b: b.case(
            accused=[b.accused(), b.accused(name="B"), b.accused(name="C", imprisonment_months=96)]
        ),
        [
            (
                "accused[2].imprisonment_months",
                "sentence.max_imprisonment",
                "96 exceeds the 84-month maximum (TIP Act 2018 s.3(1))",
            )
        ],
    ),
    (
        "unknown_section_is_an_error_not_the_default",
        _accused(section="99", imprisonment_months=96),
        [
            (
                "accused[0].section",
                "reference.section",
                "'99' is not a section of TIP Act 2018 in the sentencing rules (known: 3(1), 3(2))",
            )
        ],
    ),
    (
        "unknown_case_section",
        lambda b: b.case(sections=["3", "4"]),
        [
            (
                "sections[1]",
                "reference.section",
                "'4' is not a section of TIP Act 2018 in the sentencing rules (known: 3(1), 3(2))",
            )
        ],
    ),
    (
        "fine_over_maximum",
        _accused(fine_pkr=1_500_000),
        [
            (
                "accused[0].fine_pkr",
                "sentence.max_fine",
                "1,500,000 exceeds the PKR 1,000,000 maximum (TIP Act 2018 s.3(1))",
            )
        ],
    ),
    (
        "over_section_3_2_maximum",
        _accused(section="3(2)", imprisonment_months=121, fine_pkr=1_000_001),
        [
            (
                "accused[0].imprisonment_months",
                "sentence.max_imprisonment",
                "121 exceeds the 120-month maximum (TIP Act 2018 s.3(2))",
            ),
            (
                "accused[0].fine_pkr",
                "sentence.max_fine",
                "1,000,001 exceeds the PKR 1,000,000 maximum (TIP Act 2018 s.3(2))",
            ),
        ],
    ),
    (
        "under_section_3_2_minimum",
        _accused(section="s. 3 (2)", imprisonment_months=23),
        [
            (
                "accused[0].imprisonment_months",
                "sentence.min_imprisonment",
                "23 is below the 24-month minimum (TIP Act 2018 s.3(2))",
            )
        ],
    ),
    (
        "smuggling_without_imprisonment",
        lambda b: b.case(
            law="psma_2018",
            sections=[],
            accused=[b.accused(section="", imprisonment_months=None, fine_pkr=100_000)],
        ),
        [
            (
                "accused[0].imprisonment_months",
                "sentence.min_imprisonment",
                "PSMA 2018 s.3 requires imprisonment of at least 36 months; none is recorded",
            )
        ],
    ),
    (
        "offence_after_registration",
        lambda b: b.case(offence_on=dt.date(2024, 2, 11)),
        [
            (
                "offence_on",
                "date.order",
                "2024-02-11 is after the case was registered (2024-02-10); the offence comes "
                "before its registration",
            )
        ],
    ),
    (
        "offence_in_the_future",
        lambda b: b.case(offence_on=dt.date(2025, 7, 1)),
        [
            (
                "offence_on",
                "date.future",
                "2025-07-01 is in the future (today is 2025-06-30)",
            ),
            (
                "offence_on",
                "date.order",
                "2025-07-01 is after the case was registered (2024-02-10); the offence comes "
                "before its registration",
            ),
        ],
    ),
    (
        "sentence_under_a_section_not_yet_in_force",
        lambda b: b.case(offence_on=dt.date(2018, 5, 30)),
        [
            (
                "accused[0].section",
                "sentence.not_in_force",
                "TIP Act 2018 s.3(1) was not in force on the date of the offence (2018-05-30); it "
                "took effect on 2018-05-31, so the sentence cannot be checked against it: check "
                "the offence date and the section",
            )
        ],
    ),
    # --- counts.reconcile ---
    (
        "convicted_more_than_proceeded",
        lambda b: b.case(
            accused=[
                b.accused(),
                b.accused(name="B", proceeded_on=None),
                b.accused(name="C", **_pending(proceeded_on=None)),
            ]
        ),
        [
            (
                "accused[1].proceeded_on",
                "outcome.proceeded_date",
                "the outcome is convicted, so the date proceeded against (challan) is required",
            ),
            (
                "accused",
                "counts.reconcile",
                "the counts do not add up: 3 accused, 1 proceeded against, 2 convicted or "
                "acquitted (2 convicted); everyone convicted or acquitted must first have been "
                "proceeded against (accused[1])",
            ),
        ],
    ),
    # --- referrals ---
    (
        "referral_outcome_without_date",
        _referral(outcome=ReferralOutcome.NOT_AVAILABLE),
        [
            (
                "victims[0].referrals[0].outcome_on",
                "referral.outcome_date",
                "the outcome is not available, so its date is required",
            )
        ],
    ),
    (
        "second_referral",
        lambda b: b.case(
            victims=[b.victim(referrals=[b.referral(), b.referral(referred_on=TOMORROW)])]
        ),
        [
            (
                "victims[0].referrals[1].referred_on",
                "date.future",
                "2025-07-01 is in the future (today is 2025-06-30)",
            )
        ],
    ),
    # --- participants ---
    (
        "gender_parts_do_not_add_up",
        lambda b: b.training(participants_transgender=0),
        [
            (
                "participants_total",
                "participants.gender_sum",
                "female 8 + male 16 + transgender 0 = 24, but the total is 25",
            )
        ],
    ),
    (
        "agency_parts_do_not_add_up",
        lambda b: b.training(participants_by_agency={"fia": 15, "police": 5}),
        [
            (
                "participants_by_agency",
                "participants.agency_sum",
                "the agencies add up to 20, but the total is 25",
            )
        ],
    ),
    (
        "roster_longer_than_total",
        lambda b: b.training(roster=[f"P{i}" for i in range(26)]),
        [
            (
                "roster",
                "participants.roster",
                "the roster lists 26 people, more than the total of 25",
            )
        ],
    ),
]

ACCEPTED: list[tuple[str, Make]] = [
    ("baseline_case", lambda b: b.case()),
    ("baseline_training", lambda b: b.training()),
    ("baseline_campaign", lambda b: b.campaign()),
    ("registered_today", lambda b: b.case(registered_on=TODAY, accused=[])),
    ("dates_today", _accused(judgment_on=TODAY)),
    ("identified_on_birthday", _victim(date_of_birth=D(2024, 2, 10), age=0)),
    ("proceeded_on_registration_day", _accused(proceeded_on=D(2024, 2, 10))),
    ("judgment_on_proceeded_day", _accused(judgment_on=D(2024, 3, 1))),
    (
        "referral_outcome_same_day",
        _referral(outcome=ReferralOutcome.PROVIDED, outcome_on=D(2024, 2, 11)),
    ),
    ("referral_pending_no_date", _referral(outcome=ReferralOutcome.PENDING, outcome_on=None)),
    ("one_day_training", lambda b: b.training(end_on=D(2025, 3, 3))),
    ("no_end_date", lambda b: b.campaign(end_on=None)),
    ("zero_counts", lambda b: b.campaign(people_reached=0)),
    ("age_bounds", lambda b: b.case(accused=[b.accused(age=0), b.accused(name="Old", age=120)])),
    ("age_unknown", _accused(age=None)),
    ("age_one_year_off", _victim(age=17)),
    ("age_one_year_under", _victim(age=15)),
    ("birth_120_years_ago", _victim(date_of_birth=D(1905, 6, 30), age=None, identified_on=TODAY)),
    ("victim_without_birth_date", _victim(date_of_birth=None, age=30)),
    ("cnic_blank", _accused(cnic="")),
    ("cnic_plain_digits", _victim(cnic="3520276543219")),
    ("cnic_with_spaces", _accused(cnic=" 35202 1234567 1 ")),
    ("victim_without_district", _victim(district="")),
    ("other_district", lambda b: b.case(district="KHI")),
    ("other_office", lambda b: b.case(office="PS-GULBERG")),
    (
        "law_without_versions_or_limits",
        lambda b: b.case(
            law="old_act",
            sections=["9"],
            offence_on=dt.date(1990, 1, 1),
            accused=[b.accused(section="", imprisonment_months=1000, fine_pkr=50_000_000)],
        ),
    ),
    (
        "smuggling_within_limits",
        lambda b: b.case(
            law="psma_2018",
            sections=["3"],
            accused=[b.accused(section="", imprisonment_months=36, fine_pkr=1_000_000)],
        ),
    ),
    ("woman_or_child_section_at_maximum", _accused(section="3(2)", imprisonment_months=120)),
    ("woman_or_child_section_at_minimum", _accused(section="3(2)", imprisonment_months=24)),
    ("woman_or_child_section_fine_only", _accused(section="3(2)", imprisonment_months=None)),
    ("offence_before_registration", lambda b: b.case(offence_on=dt.date(2023, 11, 2))),
    ("offence_on_the_day_the_act_took_effect", lambda b: b.case(offence_on=dt.date(2018, 5, 31))),
    (
        "empty_lists",
        lambda b: b.case(exploitation_forms=[], means=[], transnational=False, route_countries=[]),
    ),
    ("domestic_route_pk", lambda b: b.case(transnational=False, route_countries=["PK"])),
    ("transnational_foreign_only", lambda b: b.case(route_countries=["AF"])),
    ("closed_with_reason", lambda b: b.case(stage=Stage.CLOSED, closed_reason="compromise")),
    ("official_during_trial", lambda b: b.case(official_involvement=True, stage=Stage.TRIAL)),
    (
        "official_with_action",
        lambda b: b.case(official_involvement=True, official_action="dismissed from service"),
    ),
    ("pending_without_dates", _accused(**_pending(proceeded_on=None))),
    ("pending_proceeded", _accused(**_pending())),
    ("appeal_after_conviction", _accused(appeal=Appeal.FILED)),
    ("fine_only", _accused(imprisonment_months=None, fine_pkr=200_000)),
    ("imprisonment_only", _accused(imprisonment_months=84, fine_pkr=0)),
    ("fine_at_maximum", _accused(fine_pkr=1_000_000)),
    ("section_alias_of_3_1", _accused(section="3", imprisonment_months=84, fine_pkr=1_000_000)),
    (
        "acquitted_without_sentence",
        _accused(outcome=Outcome.ACQUITTED, imprisonment_months=0, fine_pkr=None),
    ),
    ("discharged", _accused(outcome=Outcome.DISCHARGED, imprisonment_months=None, fine_pkr=None)),
    (
        "discharged_before_challan",
        _accused(
            outcome=Outcome.DISCHARGED, proceeded_on=None, imprisonment_months=None, fine_pkr=None
        ),
    ),
    # A victim whose gender or age the register does not know is a victim all the same.
    ("victim_gender_and_age_unknown", _victim(gender=Gender.UNKNOWN, age=None, date_of_birth=None)),
    ("dual_role_different_father", _accused(name="Sana Bibi", father_name="Aslam", cnic="")),
    ("dual_role_different_cnic_and_name", _accused(cnic="3520276543210")),
    # Same name as victims[0] ("Sana Bibi", CNIC 3520276543212) but a different valid CNIC.
    (
        "dual_role_same_name_different_cnics",
        _accused(name="Sana Bibi", father_name="", cnic="3520276543210"),
    ),
    (
        "dual_role_reviewed",
        lambda b: b.case(
            accused=[b.accused(cnic="35202-7654321-2")], dual_role_reviewed_by="supervisor"
        ),
    ),
    (
        "dual_role_with_deleted_victim",
        lambda b: b.case(
            accused=[b.accused(cnic="35202-7654321-2")], victims=[b.victim(deleted=True)]
        ),
    ),
    (
        "deleted_accused_is_skipped",
        lambda b: b.case(
            accused=[b.accused(), b.accused(deleted=True, age=500, proceeded_on=None)]
        ),
    ),
    (
        "gender_counts_not_given",
        lambda b: b.training(
            participants_female=0, participants_male=0, participants_transgender=0
        ),
    ),
    ("agency_counts_not_given", lambda b: b.training(participants_by_agency={})),
    ("roster_as_long_as_total", lambda b: b.training(roster=[f"P{i}" for i in range(25)])),
    ("no_roster", lambda b: b.training(roster=[])),
]


@pytest.mark.parametrize(
    ("make", "expected"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED]
)
def test_refused(
    build: Any, ctx: ValidationContext, make: Make, expected: list[tuple[str, str, str]]
) -> None:
    problems = validate(make(build), ctx)
    assert [(p.field, p.rule, p.message) for p in problems] == expected


@pytest.mark.parametrize("make", [a[1] for a in ACCEPTED], ids=[a[0] for a in ACCEPTED])
def test_accepted(build: Any, ctx: ValidationContext, make: Make) -> None:
    assert validate(make(build), ctx) == []


def test_rule_names_are_documented_in_the_module_table() -> None:
    doc = validation.__doc__ or ""
    for rule in RULES:
        assert f"\n{rule} " in doc, rule


def test_every_refused_case_uses_a_known_rule() -> None:
    used = {rule for _, _, expected in REFUSED for _, rule, _ in expected}
    assert used == RULES


def test_sentence_problem_reads_as_a_sentence(build: Any, ctx: ValidationContext) -> None:
    case = build.case(
        accused=[build.accused(), build.accused(), build.accused(imprisonment_months=96)]
    )
    (problem,) = validate_case(case, ctx)
    assert str(problem) == (
        "accused[2].imprisonment_months: 96 exceeds the 84-month maximum (TIP Act 2018 s.3(1))"
    )
    assert "imprisonment_months" in str(ValidationFailed([problem], "case"))


def test_several_problems_come_back_at_once(build: Any, ctx: ValidationContext) -> None:
    case = build.case(
        case_number="",
        district="Nowhere",
        office="FIA-KHI",
        stage=Stage.CLOSED,
        accused=[
            build.accused(cnic="123", imprisonment_months=96, fine_pkr=1_500_000),
            build.accused(outcome=Outcome.ACQUITTED, proceeded_on=None, fine_pkr=None),
        ],
        victims=[build.victim(gender=Gender.UNKNOWN, referrals=[build.referral(service="")])],
    )
    problems = validate_case(case, ctx)
    assert [(p.field, p.rule) for p in problems] == [
        ("case_number", "required"),
        ("district", "reference.district"),
        ("office", "reference.office"),
        ("closed_reason", "stage.closed_reason"),
        ("accused[0].cnic", "cnic.format"),
        ("accused[0].imprisonment_months", "sentence.max_imprisonment"),
        ("accused[0].fine_pkr", "sentence.max_fine"),
        ("accused[1].proceeded_on", "outcome.proceeded_date"),
        ("accused[1].imprisonment_months", "sentence.without_conviction"),
        ("accused", "counts.reconcile"),
        ("victims[0].referrals[0].service", "required"),
    ]


def test_records_validated_on_their_own(build: Any, ctx: ValidationContext) -> None:
    assert validate(build.victim(), ctx) == []
    assert validate(build.referral(), ctx) == []
    # Without its case an accused is not checked against the law's limits or registration.
    assert validate(build.accused(imprisonment_months=500, proceeded_on=D(2000, 1, 1)), ctx) == []
    assert validate_accused(build.accused(cnic="1"), ctx, prefix="x.") == [
        Problem("x.cnic", "cnic.format", CNIC_MESSAGE)
    ]
    assert validate_victim(build.victim(victim_code=""), ctx)[0].field == "victim_code"
    assert validate_referral(build.referral(service=""), ctx)[0].field == "service"
    assert validate_training(build.training(title=""), ctx)[0].field == "title"
    assert validate_campaign(build.campaign(kind=""), ctx)[0].field == "kind"


def test_deleted_referral_is_skipped(build: Any, ctx: ValidationContext) -> None:
    victim = build.victim(referrals=[build.referral(deleted=True, service="")])
    assert validate_victim(victim, ctx) == []


def test_max_age_comes_from_the_context(build: Any, ctx: ValidationContext) -> None:
    strict = dataclasses.replace(ctx, max_age=99)
    (problem,) = validate(build.accused(age=100), strict)
    assert problem.message == "100 is not a possible age (0 to 99)"


def test_messages_never_repeat_identifying_values(build: Any, ctx: ValidationContext) -> None:
    victim = build.victim(cnic="35202-123", name="Sana Bibi", date_of_birth=D(2026, 1, 1))
    case = build.case(
        accused=[build.accused(name="Sana Bibi", father_name="", cnic="4210")], victims=[victim]
    )
    found = validate_case(case, ctx) + advise(case, ctx)
    text = "; ".join(str(p) for p in found)
    assert "dual_role" in {p.rule for p in found}
    for secret in ("35202", "4210", "Sana", "2026-01-01"):
        assert secret not in text


# --- the non-criminalisation safeguard: a warning, never an error ----------------------------

WARNED: list[tuple[str, Make, list[tuple[str, str]]]] = [
    (
        "dual_role_same_cnic",
        _accused(name="Someone Else", cnic="3520276543212"),
        [("accused[0]", "victim 1 (same CNIC, a strong sign)")],
    ),
    (
        "dual_role_same_name_no_father",
        lambda b: b.case(
            accused=[b.accused(), b.accused(name="  sana   BIBI ", father_name="", cnic="")]
        ),
        [("accused[1]", "victim 1 (same name)")],
    ),
    (
        "dual_role_two_victims",
        lambda b: b.case(
            accused=[b.accused(name="Sana Bibi", father_name="NAZIR AHMED", cnic="")],
            victims=[
                b.victim(),
                b.victim(victim_code="V2", cnic=""),
                b.victim(victim_code="V3", cnic="", father_name="Someone"),
            ],
        ),
        [
            (
                "accused[0]",
                "victim 1 (same name and father's name) and victim 2 (same name and father's name)",
            )
        ],
    ),
]


@pytest.mark.parametrize(("make", "expected"), [w[1:] for w in WARNED], ids=[w[0] for w in WARNED])
def test_an_overlap_is_a_warning_naming_the_victims(
    build: Any, ctx: ValidationContext, make: Make, expected: list[tuple[str, str]]
) -> None:
    record = make(build)
    assert validate(record, ctx) == []  # recording is never blocked
    found = [p for p in advise(record, ctx) if p.rule == "dual_role"]
    assert [(p.field, p.severity) for p in found] == [(f, Severity.WARNING) for f, _ in expected]
    for p, (_field, who) in zip(found, expected, strict=True):
        assert p.message.startswith(f"this accused appears to be the same person as {who} ")
        assert "review queue" in p.message


def test_an_overlap_names_the_victim_by_code_only_without_detail(
    build: Any, ctx: ValidationContext
) -> None:
    case = build.case(accused=[build.accused(name="Someone Else", cnic="3520276543212")])
    blind = dataclasses.replace(ctx, identity_detail=False)
    (problem,) = [p for p in advise(case, blind) if p.rule == "dual_role"]
    code = case.victims[0].victim_code
    assert f"may be the same person as victim {code} of this case" in problem.message
    assert "CNIC" not in problem.message and "name" not in problem.message.split(code)[0]


def test_a_review_covers_its_matches_and_a_cnic_review_covers_a_later_name_match(
    build: Any, ctx: ValidationContext
) -> None:
    case = build.case(accused=[build.accused(name="Someone Else", cnic="3520276543212")])
    victim = case.victims[0]
    victim.id = "v1"
    accused = case.accused[0]
    accused.dual_role_reviewed = ["v1:cnic"]
    assert [p for p in advise(case, ctx) if p.rule == "dual_role"] == []
    # A name review: the CNIC match is looked at again.
    accused.dual_role_reviewed = ["v1:name"]
    assert [p.field for p in advise(case, ctx) if p.rule == "dual_role"] == ["accused[0]"]


# ---------------------------------------------------------------------------------------------
# Properties

counts = st.integers(min_value=0, max_value=10_000)


@given(female=counts, male=counts, transgender=counts, data=st.data())
def test_trainings_whose_parts_add_up_pass(
    build: Any, ctx: ValidationContext, female: int, male: int, transgender: int, data: Any
) -> None:
    total = female + male + transgender
    fia = data.draw(st.integers(min_value=0, max_value=total))
    police = data.draw(st.integers(min_value=0, max_value=total - fia))
    training = build.training(
        participants_total=total,
        participants_female=female,
        participants_male=male,
        participants_transgender=transgender,
        participants_by_agency={"fia": fia, "police": police, "prosecution": total - fia - police},
        roster=[],
    )
    assert validate_training(training, ctx) == []


@given(female=counts, male=counts, transgender=counts, total=counts)
def test_trainings_whose_gender_parts_do_not_add_up_are_refused(
    build: Any, ctx: ValidationContext, female: int, male: int, transgender: int, total: int
) -> None:
    training = build.training(
        participants_total=total,
        participants_female=female,
        participants_male=male,
        participants_transgender=transgender,
        participants_by_agency={},
        roster=[],
    )
    rules = [p.rule for p in validate_training(training, ctx)]
    parts = female + male + transgender
    assert rules == (["participants.gender_sum"] if parts and parts != total else [])


@given(
    months=st.integers(min_value=0, max_value=500),
    fine=st.integers(min_value=0, max_value=3_000_000),
)
def test_sentences_within_the_limits_pass_and_others_name_the_limit(
    build: Any, ctx: ValidationContext, months: int, fine: int
) -> None:
    case = build.case(accused=[build.accused(imprisonment_months=months, fine_pkr=fine)])
    rules = {p.rule for p in validate_case(case, ctx)}
    assert ("sentence.max_imprisonment" in rules) == (months > 84)
    assert ("sentence.max_fine" in rules) == (fine > 1_000_000)
    assert ("sentence.required" in rules) == (months == 0 and fine == 0)


texts = st.text(max_size=20)
maybe_dates = st.none() | st.dates(min_value=D(1850, 1, 1), max_value=D(2100, 1, 1))
ints = st.none() | st.integers(min_value=-(10**12), max_value=10**12)
code_lists = st.lists(st.sampled_from(["", " ", "PK", "AF", "forced_labour", "x", "Lahore"]))
accused_st = st.builds(
    Accused,
    name=texts,
    father_name=texts,
    cnic=texts,
    age=ints,
    nationality=texts,
    role=texts,
    section=texts,
    proceeded_on=maybe_dates,
    outcome=st.sampled_from(Outcome),
    judgment_on=maybe_dates,
    imprisonment_months=ints,
    fine_pkr=ints,
    appeal=st.sampled_from(Appeal),
    deleted=st.booleans(),
)
referral_st = st.builds(
    Referral,
    service=texts,
    referred_on=maybe_dates,
    outcome=st.sampled_from(ReferralOutcome),
    outcome_on=maybe_dates,
    deleted=st.booleans(),
)
victim_st = st.builds(
    Victim,
    victim_code=texts,
    district=texts,
    name=texts,
    father_name=texts,
    cnic=texts,
    gender=st.sampled_from(Gender),
    age=ints,
    date_of_birth=maybe_dates,
    nationality=texts,
    exploitation_forms=code_lists,
    identified_on=maybe_dates,
    indicators=code_lists,
    protection_measures=code_lists,
    referrals=st.lists(referral_st, max_size=3),
    deleted=st.booleans(),
)
case_st = st.builds(
    Case,
    case_number=texts,
    registered_on=maybe_dates,
    district=texts,
    office=texts,
    offence_on=maybe_dates,
    law=st.sampled_from(["", "tip_act_2018", "psma_2018", "old_act", "other"]),
    sections=st.lists(st.sampled_from(["", "3", "3(2)", "4", "9", " S.3 (1) "]), max_size=3),
    exploitation_forms=code_lists,
    means=code_lists,
    transnational=st.booleans(),
    route_countries=code_lists,
    stage=st.sampled_from(Stage),
    closed_reason=texts,
    official_involvement=st.booleans(),
    official_action=texts,
    dual_role_reviewed_by=texts,
    accused=st.lists(accused_st, max_size=4),
    victims=st.lists(victim_st, max_size=3),
)
training_st = st.builds(
    Training,
    title=texts,
    topics=code_lists,
    organiser=texts,
    partners=code_lists,
    start_on=maybe_dates,
    end_on=maybe_dates,
    district=texts,
    participants_total=st.integers(min_value=-100, max_value=100),
    participants_female=st.integers(min_value=-100, max_value=100),
    participants_male=st.integers(min_value=-100, max_value=100),
    participants_transgender=st.integers(min_value=-100, max_value=100),
    participants_by_agency=st.dictionaries(texts, st.integers(min_value=-100, max_value=100)),
    roster=st.lists(texts, max_size=5),
)


@settings(max_examples=200)
@given(record=st.one_of(case_st, training_st, victim_st, accused_st, referral_st))
def test_validation_never_raises_and_uses_only_known_rules(
    ctx: ValidationContext, record: Any
) -> None:
    problems = validate(record, ctx)
    assert all(isinstance(p, Problem) and p.message for p in problems)
    assert {p.rule for p in problems} <= RULES


@settings(max_examples=100)
@given(record=st.one_of(case_st, training_st))
def test_normalise_is_idempotent_and_never_adds_problems(
    ctx: ValidationContext, record: Any
) -> None:
    before = len(validate(record, ctx))
    once = dataclasses.asdict(normalise(record))
    assert dataclasses.asdict(normalise(record)) == once
    assert len(validate(record, ctx)) <= before


# ---------------------------------------------------------------------------------------------
# normalise


def test_normalise_tidies_a_case_in_place(build: Any) -> None:
    case = build.case(
        id=" keep ",
        case_number="  FIR 12/2024 ",
        exploitation_forms=[" forced_labour", "forced_labour ", "", "  "],
        accused=[build.accused(name=" Akram  Khan ", cnic=" 35202 1234567 1 ")],
        victims=[
            build.victim(
                cnic="35202-7654321-2",
                referrals=[build.referral(provider=" Edhi ")],
            ),
            build.victim(cnic=" 12-34 "),
        ],
    )
    assert normalise(case) is case
    assert case.id == " keep "  # bookkeeping is the store's business
    assert case.case_number == "FIR 12/2024"
    assert case.exploitation_forms == ["forced_labour"]
    assert case.accused[0].name == "Akram  Khan"  # inner spaces are the officer's
    assert case.accused[0].cnic == "3520212345671"
    assert case.victims[0].cnic == "3520276543212"
    assert case.victims[0].referrals[0].provider == "Edhi"
    assert case.victims[1].cnic == "12-34"  # invalid: only stripped, validation reports it
    assert case.stage is Stage.DECIDED
    assert isinstance(case.accused[0].gender, Gender)


def test_normalise_keeps_roster_duplicates_and_merges_agency_keys(build: Any) -> None:
    training = build.training(
        title=" T ",
        roster=[" Ali ", "Ali", ""],
        participants_by_agency={"fia": 10, " fia ": 5, "police": 10},
    )
    normalise(training)
    assert training.title == "T"
    assert training.roster == ["Ali", "Ali"]
    assert training.participants_by_agency == {"fia": 15, "police": 10}


def test_normalise_leaves_meta_and_non_text_alone(build: Any) -> None:
    campaign = build.campaign(created_by=" x ", people_reached=5)
    normalise(campaign)
    assert campaign.created_by == " x "
    assert campaign.people_reached == 5
    assert isinstance(campaign, Meta)
