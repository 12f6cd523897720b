"""Fixtures for core tests: a small Reference built from Python dicts (no files) and valid
records to break one rule at a time.

The reference and context are session-scoped (read-only), so hypothesis tests may use them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tipdesk.core.codes import Gender, Outcome, Stage
from tipdesk.core.records import Accused, Campaign, Case, Referral, Training, Victim
from tipdesk.core.reference import Reference
from tipdesk.core.validation import ValidationContext

TODAY = dt.date(2025, 6, 30)
OFFICES = frozenset({"FIA-LHR", "PS-GULBERG"})


def _items(*codes: str) -> list[dict[str, str]]:
    return [{"code": c, "name": c.replace("_", " ").title()} for c in codes]


REFERENCE_DATA: dict[str, Any] = {
    "geography": {
        "provinces": [
            {
                "code": "PB",
                "name": "Punjab",
                "districts": [
                    {"code": "LHR", "name": "Lahore"},
                    {"code": "FSD", "name": "Faisalabad", "aliases": ["Lyallpur"]},
                ],
            },
            {"code": "SD", "name": "Sindh", "districts": [{"code": "KHI", "name": "Karachi"}]},
        ]
    },
    "offices": {
        "offices": [
            {
                "code": "FIA-LHR",
                "name": "FIA AHT Circle Lahore",
                "district": "LHR",
                "kind": "fia_circle",
            },
            {
                "code": "FIA-KHI",
                "name": "FIA AHT Circle Karachi",
                "district": "KHI",
                "kind": "fia_circle",
            },
        ]
    },
    "organisations": {
        "agencies": _items("fia", "police", "prosecution"),
        "departments": _items("labour", "social_welfare", "child_protection", "fia", "ngo"),
        "partners": _items("unodc", "iom"),
    },
    "codes": {
        "exploitation_forms": _items("forced_labour", "sexual_exploitation", "forced_begging"),
        "means": _items("debt_bondage", "threats", "false_promises"),
        "referral_services": _items("shelter", "medical", "legal_aid"),
        "training_topics": _items("victim_identification", "investigation", "prosecution"),
        "campaign_kinds": _items("seminar", "walk", "school_session"),
        "accused_roles": _items("recruiter", "transporter", "exploiter"),
        "victim_indicators": _items("no_documents", "debt", "restricted_movement"),
        "protection_measures": _items("witness_protection", "identity_withheld"),
        "countries": [
            {"code": "PK", "name": "Pakistan"},
            {"code": "AF", "name": "Afghanistan"},
            {"code": "AE", "name": "United Arab Emirates"},
        ],
    },
    # The 2018 Acts as shipped (rules/sentences.json), and a law written the old way (limits
    # on the section, no versions, no limits at all): in force at every date, nothing checked.
    "sentences": {
        "laws": {
            "tip_act_2018": {
                "title": "Prevention of Trafficking in Persons Act, 2018",
                "short": "TIP Act 2018",
                "default_section": "3(1)",
                "sections": {
                    "3(1)": {
                        "aliases": ["3"],
                        "versions": [
                            {
                                "effective_from": "2018-05-31",
                                "max_imprisonment_months": 84,
                                "max_fine_pkr": 1_000_000,
                            }
                        ],
                    },
                    "3(2)": {
                        "versions": [
                            {
                                "effective_from": "2018-05-31",
                                "min_imprisonment_months": 24,
                                "max_imprisonment_months": 120,
                                "max_fine_pkr": 1_000_000,
                                "conditions": ["victim_woman_or_child"],
                            }
                        ]
                    },
                },
            },
            "psma_2018": {
                "title": "Prevention of Smuggling of Migrants Act, 2018",
                "short": "PSMA 2018",
                "default_section": "3",
                "sections": {
                    "3": {
                        "versions": [
                            {
                                "effective_from": "2018-05-31",
                                "min_imprisonment_months": 36,
                                "max_imprisonment_months": 60,
                                "max_fine_pkr": 1_000_000,
                                "penalty": "imprisonment_and_fine",
                            }
                        ]
                    }
                },
            },
            "old_act": {
                "title": "An Act written without versions",
                "short": "Old Act",
                "default_section": "9",
                "sections": {"9": {"max_imprisonment_months": None, "max_fine_pkr": None}},
            },
        }
    },
}


@pytest.fixture(scope="session")
def reference() -> Reference:
    return Reference(**REFERENCE_DATA)


@pytest.fixture(scope="session")
def reference_data() -> dict[str, Any]:
    """The parsed documents :func:`reference` is built from (copy before changing them)."""
    return REFERENCE_DATA


@pytest.fixture(scope="session")
def ctx(reference: Reference) -> ValidationContext:
    return ValidationContext(reference=reference, offices=OFFICES, today=TODAY)


def _make_accused(**changes: Any) -> Accused:
    """A convicted accused that passes every rule under TIP Act 2018 s.3."""
    values: dict[str, Any] = {
        "name": "Akram Khan",
        "father_name": "Gul Khan",
        "cnic": "3520212345671",
        "gender": Gender.MALE,
        "age": 40,
        "nationality": "PK",
        "role": "recruiter",
        "section": "3",
        "proceeded_on": dt.date(2024, 3, 1),
        "outcome": Outcome.CONVICTED,
        "judgment_on": dt.date(2025, 1, 15),
        "imprisonment_months": 60,
        "fine_pkr": 500_000,
    }
    return Accused(**(values | changes))


def _make_referral(**changes: Any) -> Referral:
    values: dict[str, Any] = {
        "service": "shelter",
        "provider": "Dar-ul-Aman Lahore",
        "referred_on": dt.date(2024, 2, 11),
    }
    return Referral(**(values | changes))


def _make_victim(**changes: Any) -> Victim:
    """A victim with one referral that passes every rule."""
    values: dict[str, Any] = {
        "victim_code": "V-LHR-2024-001",
        "district": "LHR",
        "name": "Sana Bibi",
        "father_name": "Nazir Ahmed",
        "cnic": "35202-7654321-2",
        "gender": Gender.FEMALE,
        "age": 16,
        "date_of_birth": dt.date(2007, 9, 1),
        "nationality": "PK",
        "exploitation_forms": ["forced_labour"],
        "identified_on": dt.date(2024, 2, 10),
        "indicators": ["debt"],
        "protection_measures": ["identity_withheld"],
        "referrals": [_make_referral()],
    }
    return Victim(**(values | changes))


def _make_case(**changes: Any) -> Case:
    """A transnational, decided case with one convicted accused and one victim."""
    values: dict[str, Any] = {
        "case_number": "FIR 12/2024",
        "registered_on": dt.date(2024, 2, 10),
        "district": "LHR",
        "office": "FIA-LHR",
        "law": "tip_act_2018",
        "sections": ["3"],
        "exploitation_forms": ["forced_labour"],
        "means": ["debt_bondage", "false_promises"],
        "transnational": True,
        "route_countries": ["PK", "AE"],
        "stage": Stage.DECIDED,
        "official_involvement": False,
        "accused": [_make_accused()],
        "victims": [_make_victim()],
    }
    return Case(**(values | changes))


def _make_training(**changes: Any) -> Training:
    values: dict[str, Any] = {
        "title": "Victim identification for investigators",
        "topics": ["victim_identification", "investigation"],
        "organiser": "fia",
        "partners": ["unodc"],
        "start_on": dt.date(2025, 3, 3),
        "end_on": dt.date(2025, 3, 5),
        "district": "LHR",
        "venue": "FIA Academy",
        "participants_total": 25,
        "participants_female": 8,
        "participants_male": 16,
        "participants_transgender": 1,
        "participants_by_agency": {"fia": 15, "police": 10},
        "roster": ["A", "B"],
    }
    return Training(**(values | changes))


def _make_campaign(**changes: Any) -> Campaign:
    values: dict[str, Any] = {
        "title": "Human trafficking week walk",
        "department": "labour",
        "kind": "walk",
        "start_on": dt.date(2025, 1, 11),
        "end_on": dt.date(2025, 1, 11),
        "district": "FSD",
        "people_reached": 1200,
        "partners": ["iom"],
        "national_campaign": "Human Trafficking Week 2025",
    }
    return Campaign(**(values | changes))


class Builders:
    """Each method returns a fresh valid record with ``**changes`` applied."""

    accused = staticmethod(_make_accused)
    referral = staticmethod(_make_referral)
    victim = staticmethod(_make_victim)
    case = staticmethod(_make_case)
    training = staticmethod(_make_training)
    campaign = staticmethod(_make_campaign)


@pytest.fixture(scope="session")
def build() -> Builders:
    return Builders()
