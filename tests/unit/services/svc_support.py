"""Shared helpers for the services tests (imported by conftest.py and the test modules):
constants, a fast ``init_install``, folder snapshots and synthetic records that pass every rule
on 2026-06-01 in Lahore (shipped reference lists, TIP Act 2018 s.3)."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

from tipdesk.core.clock import FixedClock
from tipdesk.core.codes import Gender, InstallRole, Outcome, Stage
from tipdesk.core.records import Accused, Campaign, Case, Referral, Training, Victim
from tipdesk.paths import Paths
from tipdesk.services import session as session_service
from tipdesk.services.session import Session
from tipdesk.store.keys import KdfParams

SVC_PASSPHRASE = "correct horse battery staple"
SVC_OTHER_PASSPHRASE = "purple elephant dances quietly"
SVC_ADMIN = "admin1"
SVC_DISTRICT = "Lahore"
SVC_DISTRICT_CODE = "PB-LHR"
SVC_OFFICE = "FIA-AHTC-LHR"
SVC_START = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
SVC_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)


def svc_init(
    paths: Paths,
    clock: FixedClock,
    *,
    role: InstallRole = InstallRole.DISTRICT,
    **changes: Any,
) -> tuple[Session, str]:
    """``init_install`` with the test defaults (fast KDF); ``changes`` override any argument."""
    kwargs: dict[str, Any] = {
        "role": role,
        "user": SVC_ADMIN,
        "passphrase": SVC_PASSPHRASE,
        "clock": clock,
        "kdf": SVC_KDF,
    }
    if role is InstallRole.DISTRICT:
        kwargs |= {"district": SVC_DISTRICT, "office": SVC_OFFICE}
    kwargs |= changes
    return session_service.init_install(paths, **kwargs)


def svc_snapshot(folder: Path) -> dict[str, str]:
    """Relative path -> SHA-256 of every file below ``folder`` (empty if it does not exist)."""
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def svc_audit_count(session: Session) -> int:
    return int(session.store.query("SELECT count(*) FROM audit")[0][0])


def svc_actions(session: Session) -> list[str]:
    return [e.action for e in session.store.audit_entries(limit=100_000)]


# --- synthetic records that pass every rule on 2026-06-01 in Lahore ---------------------------


def svc_accused(**changes: Any) -> Accused:
    values: dict[str, Any] = {
        "name": "Akram Khan",
        "father_name": "Gul Khan",
        "cnic": "35202-1234567-1",
        "gender": Gender.MALE,
        "age": 40,
        "nationality": "PK",
        "role": "recruiter",
        "section": "3",
        "proceeded_on": dt.date(2025, 3, 1),
        "outcome": Outcome.CONVICTED,
        "judgment_on": dt.date(2026, 1, 15),
        "imprisonment_months": 60,
        "fine_pkr": 500_000,
    }
    return Accused(**(values | changes))


def svc_victim(**changes: Any) -> Victim:
    values: dict[str, Any] = {
        "victim_code": "V-LHR-2025-001",
        "district": SVC_DISTRICT_CODE,
        "name": "Sana Bibi",
        "father_name": "Nazir Ahmed",
        "cnic": "35202-7654321-2",
        "phone": "0300-1234567",
        "address": "House 1, Street 2, Lahore",
        "gender": Gender.FEMALE,
        "age": 16,
        "nationality": "PK",
        "exploitation_forms": ["forced_labour"],
        "identified_on": dt.date(2025, 2, 10),
        "indicators": ["debt_bondage"],
        "protection_measures": ["identity_protection"],
        "referrals": [Referral(service="shelter", referred_on=dt.date(2025, 2, 11))],
    }
    return Victim(**(values | changes))


def svc_case(**changes: Any) -> Case:
    values: dict[str, Any] = {
        "case_number": "FIR 12/2025",
        "registered_on": dt.date(2025, 2, 10),
        "district": SVC_DISTRICT_CODE,
        "office": SVC_OFFICE,
        "law": "tip_act_2018",
        "sections": ["3"],
        "exploitation_forms": ["forced_labour"],
        "means": ["debt_bondage"],
        "transnational": True,
        "route_countries": ["PK", "AE"],
        "stage": Stage.DECIDED,
        "narrative": "Recruited for brick kiln work with an advance.",
        "accused": [svc_accused()],
        "victims": [svc_victim()],
    }
    return Case(**(values | changes))


def svc_training(**changes: Any) -> Training:
    values: dict[str, Any] = {
        "title": "Victim identification for investigators",
        "topics": ["victim_identification"],
        "organiser": "fia",
        "partners": ["unodc"],
        "start_on": dt.date(2026, 3, 3),
        "end_on": dt.date(2026, 3, 5),
        "district": SVC_DISTRICT_CODE,
        "venue": "FIA Academy",
        "participants_total": 25,
        "participants_female": 8,
        "participants_male": 16,
        "participants_transgender": 1,
        "participants_by_agency": {"fia": 15, "punjab_police": 10},
    }
    return Training(**(values | changes))


def svc_campaign(**changes: Any) -> Campaign:
    values: dict[str, Any] = {
        "title": "Human trafficking week walk",
        "department": "punjab_labour",
        "kind": "walk",
        "start_on": dt.date(2026, 1, 11),
        "end_on": dt.date(2026, 1, 11),
        "district": SVC_DISTRICT_CODE,
        "people_reached": 1200,
        "partners": ["iom"],
    }
    return Campaign(**(values | changes))
