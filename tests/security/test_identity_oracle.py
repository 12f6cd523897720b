"""No identity oracle for users who may not reveal identities (threat: "An identity oracle"):
a register dry run neither compares nor echoes a stored victim's identifying fields, the
victim/accused overlap notice names the victim by code only, and repeated overlap hits are
audited and slowed down."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from register_support import victim_row, write_book
from svc_support import svc_case, svc_victim

from tipdesk.core.codes import Outcome
from tipdesk.core.permissions import UserRole
from tipdesk.core.records import Case
from tipdesk.services import overlap_guard, records
from tipdesk.services.register import importer
from tipdesk.services.session import Session

VICTIM_CNIC = "35202-7654321-2"


@pytest.fixture
def stored_case(district_session: Session) -> Case:
    """A case with one victim whose identity the officer may not see."""
    case = svc_case(victims=[svc_victim(name="Sana Bibi", cnic=VICTIM_CNIC)])
    records.save_one(district_session, case)
    return case


@pytest.fixture
def officer(district_session: Session, svc_user: object) -> Session:
    assert callable(svc_user)
    made = svc_user(district_session, "officer1", UserRole.DISTRICT_OFFICER)
    assert isinstance(made, Session)
    return made


def _victim_changes(officer: Session, tmp_path: Path, name: str, code: str) -> list[object]:
    book = write_book(
        tmp_path / f"guess-{len(name)}.xlsx",
        {"Victims": [victim_row("FIR 12/2025", code=code, name=name, cnic=VICTIM_CNIC)]},
    )
    plan = importer.plan_import(officer, book)
    return [(c.action, c.fields) for c in plan.changes if c.kind == "victim"]


def test_a_register_dry_run_does_not_tell_a_right_name_from_a_wrong_one(
    stored_case: Case, officer: Session, tmp_path: Path
) -> None:
    code = stored_case.victims[0].victim_code
    right = _victim_changes(officer, tmp_path, "Sana Bibi", code)
    wrong = _victim_changes(officer, tmp_path, "Someone Else", code)
    assert right == wrong
    assert all("name" not in fields for _action, fields in right)  # type: ignore[attr-defined]


def _guess(officer: Session, case: Case, cnic: str) -> list[str]:
    """Record an accused with a guessed CNIC (saved: an overlap never refuses a record) and
    return the overlap notices the app shows about that accused."""
    stored = records.get(officer, "case", case.id)
    assert isinstance(stored, Case)
    accused = dataclasses.replace(
        stored.accused[0], id="", version=0, cnic=cnic, name="Guess Person", proceeded_on=None,
        outcome=Outcome.PENDING, judgment_on=None, imprisonment_months=None, fine_pkr=None,
    )  # fmt: skip
    stored.accused.append(accused)
    records.save_one(officer, stored)
    where = f"accused[{len(stored.accused) - 1}]"
    return [
        p.message
        for p in records.warnings(officer, [stored])
        if p.rule == "dual_role" and p.field == where
    ]


def test_overlap_notices_name_the_victim_by_code_and_hits_are_audited_and_slowed(
    stored_case: Case, officer: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    waits: list[float] = []
    monkeypatch.setattr(overlap_guard, "sleep", waits.append)
    code = stored_case.victims[0].victim_code
    for _ in range(overlap_guard.FREE_HITS + 2):
        (message,) = _guess(officer, stored_case, VICTIM_CNIC)
        assert code in message
        assert "CNIC" not in message and "name" not in message.split(code)[0]
    assert waits == [2.0, 4.0]
    hits = [e for e in officer.store.audit_entries(limit=1000) if e.action == "dual_role.hit"]
    assert len(hits) == overlap_guard.FREE_HITS + 2
    assert all(e.user == "officer1" and e.detail["hits"] == 1 for e in hits)
    assert _guess(officer, stored_case, "35202-0000000-1") == []


def test_users_who_may_reveal_still_see_why_and_are_not_slowed(
    stored_case: Case, district_session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    waits: list[float] = []
    monkeypatch.setattr(overlap_guard, "sleep", waits.append)
    for _ in range(overlap_guard.FREE_HITS + 2):
        (message,) = _guess(district_session, stored_case, VICTIM_CNIC)
        assert "same CNIC" in message
    assert waits == []
