"""Fixtures for store tests: a fresh encrypted store per test, an actor, and record builders.

All data is synthetic: names are obviously made up, CNICs are arbitrary 13-digit strings.
Builders return fresh records (no id: the store assigns one) with ``**changes`` applied.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tipdesk.core.codes import Gender, Outcome, Stage
from tipdesk.core.records import Accused, Campaign, Case, Referral, Training, Victim
from tipdesk.store.store import Actor, Store

AT = "2025-07-01T10:00:00.000Z"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A new store holding its identity key (as a session of a user who may reveal does;
    without it victims' identities read back masked: tests/security/test_identity_sealing.py)."""
    s = Store.create(tmp_path / "t.db", os.urandom(32))
    escrow = s.vault.escrow()
    assert escrow is not None
    s.vault.unlock(escrow)
    try:
        yield s
    finally:
        s.close()


@pytest.fixture
def actor() -> Actor:
    return Actor(user="test.clerk", device="device-test-0001", at=AT)


def _accused(**changes: Any) -> Accused:
    values: dict[str, Any] = {
        "name": "Testaccused Fakename",
        "father_name": "Testfather Fakename",
        "cnic": "9990011122233",
        "gender": Gender.MALE,
        "age": 41,
        "role": "recruiter",
        "section": "3",
        "proceeded_on": dt.date(2024, 3, 1),
        "outcome": Outcome.CONVICTED,
        "judgment_on": dt.date(2025, 1, 15),
        "imprisonment_months": 60,
        "fine_pkr": 500_000,
    }
    return Accused(**(values | changes))


def _referral(**changes: Any) -> Referral:
    values: dict[str, Any] = {
        "service": "shelter",
        "provider": "Fake Shelter Home",
        "referred_on": dt.date(2024, 2, 11),
    }
    return Referral(**(values | changes))


def _victim(**changes: Any) -> Victim:
    values: dict[str, Any] = {
        "victim_code": "V-TEST-001",
        "district": "PB-LHR",
        "name": "Testvictim Fakename",
        "father_name": "Testvictimfather Fakename",
        "cnic": "9990044455566",
        "gender": Gender.FEMALE,
        "age": 16,
        "exploitation_forms": ["forced_labour"],
        "identified_on": dt.date(2024, 2, 10),
        "indicators": ["debt_bondage"],
        "referrals": [_referral()],
    }
    return Victim(**(values | changes))


def _case(**changes: Any) -> Case:
    values: dict[str, Any] = {
        "case_number": "FIR 1/2024",
        "registered_on": dt.date(2024, 2, 10),
        "district": "PB-LHR",
        "office": "FIA-TEST",
        "sections": ["3"],
        "exploitation_forms": ["forced_labour"],
        "means": ["debt_bondage"],
        "stage": Stage.INVESTIGATION,
        "investigating_officer": "Inspector Testofficer",
        "narrative": "Synthetic narrative for tests.",
        "accused": [_accused()],
        "victims": [_victim()],
    }
    return Case(**(values | changes))


def _training(**changes: Any) -> Training:
    values: dict[str, Any] = {
        "title": "Synthetic training session",
        "topics": ["investigation"],
        "organiser": "fia",
        "start_on": dt.date(2025, 3, 3),
        "end_on": dt.date(2025, 3, 5),
        "district": "PB-LHR",
        "venue": "Test Academy",
        "participants_total": 20,
        "participants_female": 8,
        "participants_male": 12,
        "participants_by_agency": {"fia": 12, "police": 8},
        "roster": ["Trainee Fakeone", "Trainee Faketwo"],
    }
    return Training(**(values | changes))


def _campaign(**changes: Any) -> Campaign:
    values: dict[str, Any] = {
        "title": "Synthetic awareness walk",
        "department": "labour",
        "kind": "walk",
        "start_on": dt.date(2025, 1, 11),
        "end_on": dt.date(2025, 1, 11),
        "district": "PB-LHR",
        "venue": "Test Square",
        "people_reached": 300,
        "partners": ["iom"],
        "national_campaign": "Test Week",
    }
    return Campaign(**(values | changes))


class Builders:
    """Each method returns a fresh record with ``**changes`` applied."""

    accused = staticmethod(_accused)
    referral = staticmethod(_referral)
    victim = staticmethod(_victim)
    case = staticmethod(_case)
    training = staticmethod(_training)
    campaign = staticmethod(_campaign)


@pytest.fixture(scope="session")
def make() -> Builders:
    return Builders()
