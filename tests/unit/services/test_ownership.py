"""Owner districts at a district install and at HQ (issue 14): the services set the owner,
a district install creates and changes only its own district's records (at save, deletion and
register import, row by row), and HQ may change any record. Messages name districts, never
codes."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from register_support import case_row, rules, store_state, training_row, write_book
from svc_support import svc_campaign, svc_case, svc_training, svc_victim

from tipdesk.core.errors import ValidationFailed
from tipdesk.core.records import Case, Training, Victim
from tipdesk.services import records
from tipdesk.services.register import commit_import, plan_import
from tipdesk.services.session import Session


def _karachi_case(session: Session, number: str = "FIR 9/2025") -> Case:
    """A case owned by Karachi in this store, as records back or an older TIPDesk left it."""
    case = svc_case(case_number=number, district="SD-KHS", office="FIA-AHTC-KHI")
    case.victims[0].victim_code = f"V-KHI-{number[-7:]}"
    session.store.save([case], session.actor())
    return case


def test_a_new_record_is_owned_by_the_install_district_whatever_it_claims(
    district_session: Session,
) -> None:
    case = svc_case(owner="SD-KHS")
    training = svc_training(owner="SD-KHS")
    victim = svc_victim(victim_code="V-LHR-2025-777", owner="KP-PSH")
    records.save(district_session, [case, training, victim, svc_campaign()])
    stored = district_session.store.get("case", case.id)
    assert isinstance(stored, Case) and stored.owner == "PB-LHR"
    assert [v.owner for v in stored.victims] == [""]  # follows the case
    assert district_session.store.get("training", training.id).owner == "PB-LHR"  # type: ignore[union-attr]
    assert district_session.store.get("victim", victim.id).owner == "PB-LHR"  # type: ignore[union-attr]


def test_a_new_record_for_another_district_is_refused_naming_both(
    district_session: Session,
) -> None:
    before = store_state(district_session)
    case = svc_case(district="SD-KHS", office="FIA-AHTC-KHI")
    with pytest.raises(ValidationFailed) as info:
        records.save(district_session, [case])
    message = info.value.message
    assert "Karachi South" in message and "Lahore" in message
    assert "SD-KHS" not in message and "PB-LHR" not in message
    assert {p.rule for p in info.value.problems} >= {"owner.other_district"}
    with pytest.raises(ValidationFailed):
        records.save(district_session, [svc_training(district="SD-KHS")])
    assert store_state(district_session) == before


def test_another_districts_record_cannot_be_changed_or_deleted(
    district_session: Session,
) -> None:
    theirs = _karachi_case(district_session)
    before = store_state(district_session)
    edited = district_session.store.get("case", theirs.id)
    assert isinstance(edited, Case) and edited.owner == "SD-KHS"
    edited.stage = edited.stage  # any save of it
    edited.narrative += " Changed at Lahore."
    edited.owner = "PB-LHR"  # a claim from a form or a file counts for nothing
    with pytest.raises(ValidationFailed) as info:
        records.save(district_session, [edited])
    assert "belongs to Karachi" in info.value.message
    with pytest.raises(ValidationFailed):
        records.delete(district_session, "case", theirs.id, "not ours")
    assert store_state(district_session) == before
    kept = district_session.store.get("case", theirs.id)
    assert isinstance(kept, Case) and kept.owner == "SD-KHS" and not kept.deleted


def test_a_child_of_another_districts_case_cannot_be_moved_into_ours(
    district_session: Session,
) -> None:
    theirs = _karachi_case(district_session)
    ours = svc_case(case_number="FIR 1/2026", accused=[], victims=[])
    records.save(district_session, [ours])
    mine = district_session.store.get("case", ours.id)
    assert isinstance(mine, Case)
    mine.accused = [dataclasses.replace(theirs.accused[0])]
    with pytest.raises(ValidationFailed) as info:
        records.save(district_session, [mine])
    assert "belongs to Karachi" in info.value.message
    # A victim of ours saved on its own cannot join their case either.
    loose = svc_victim(victim_code="V-LHR-2026-009", case_id=theirs.id)
    with pytest.raises(ValidationFailed):
        records.save(district_session, [loose])


def test_our_own_record_cannot_be_moved_to_another_district(district_session: Session) -> None:
    training = svc_training()
    records.save(district_session, [training])
    stored = district_session.store.get("training", training.id)
    assert isinstance(stored, Training)
    stored.district = "SD-KHS"
    with pytest.raises(ValidationFailed) as info:
        records.save(district_session, [stored])
    assert "Karachi South" in info.value.message


def test_hq_may_change_any_record_and_new_ones_belong_to_their_district(
    hq_session: Session,
) -> None:
    case = svc_case(district="SD-KHS", office="FIA-AHTC-KHI", owner="PB-LHR")
    victim = svc_victim(victim_code="V-PSH-2026-001", district="KP-PSH")
    records.save(hq_session, [case, victim])
    stored = hq_session.store.get("case", case.id)
    assert isinstance(stored, Case) and stored.owner == "SD-KHS"
    loose = hq_session.store.get("victim", victim.id)
    assert isinstance(loose, Victim) and loose.owner == "KP-PSH"
    stored.narrative += " Corrected at HQ."
    records.save(hq_session, [stored])
    again = hq_session.store.get("case", case.id)
    assert isinstance(again, Case) and again.owner == "SD-KHS" and again.version == 2


def test_register_import_refuses_another_districts_rows_one_by_one(
    district_session: Session, tmp_path: Path
) -> None:
    _karachi_case(district_session, "FIR 9/2025")
    book = write_book(
        tmp_path / "register.xlsx",
        {
            "Cases": [
                case_row("FIR 1/2025"),
                case_row("FIR 9/2025", district="Karachi South", office="FIA-AHTC-KHI",
                         stage="challan"),
            ],
            "Training": [training_row(), training_row(title="Elsewhere", district="Karachi South")],
        },
    )  # fmt: skip
    plan = plan_import(district_session, book)
    assert rules(plan) >= {"district.other"}
    messages = [p.expected for p in plan.errors]
    assert all("SD-KHS" not in m for m in messages)
    assert any("Karachi South" in m and "Lahore" in m for m in messages)
    result = commit_import(district_session, plan, valid_only=True)
    assert result.counts["case"]["create"] == 1 and result.counts["training"]["create"] == 1
    theirs = district_session.store.page("case", filters={"case_number": "FIR 9/2025"})
    assert [c.stage for c in theirs if isinstance(c, Case)] == ["decided"]
