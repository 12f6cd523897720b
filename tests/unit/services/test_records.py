"""Recording and reading records through the services: validation before any write, CNIC
tidying, masking of victims' identities, audited reveal, search limits, soft delete, the
dual-role (non-criminalisation) safeguard and concurrent edits."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from svc_support import (
    SVC_DISTRICT_CODE,
    svc_accused,
    svc_actions,
    svc_audit_count,
    svc_campaign,
    svc_case,
    svc_training,
    svc_victim,
)

from tipdesk.core.codes import Gender, Outcome, Stage
from tipdesk.core.dual_role import open_matches
from tipdesk.core.errors import (
    InvalidInput,
    NotFound,
    PermissionDenied,
    StaleRecord,
    ValidationFailed,
)
from tipdesk.core.masking import MASK
from tipdesk.core.permissions import UserRole
from tipdesk.core.records import Case, Victim
from tipdesk.services import editing, overlaps, records
from tipdesk.services.session import Session

MakeUser = Callable[[Session, str, UserRole], Session]


def _case(session: Session, case_id: str) -> Case:
    record = records.get(session, "case", case_id)
    assert isinstance(record, Case)
    return record


def _dual_role_case() -> Case:
    """A case whose accused may be its victim (same name and father's name), not yet
    proceeded against."""
    return svc_case(
        stage=Stage.INVESTIGATION,
        accused=[
            svc_accused(
                name="Sana Bibi",
                father_name="Nazir Ahmed",
                cnic="",
                gender=Gender.FEMALE,
                proceeded_on=None,
                outcome=Outcome.PENDING,
                judgment_on=None,
                imprisonment_months=None,
                fine_pkr=None,
            )
        ],
    )


# --- validation --------------------------------------------------------------------------------


def test_save_refuses_with_every_problem_and_writes_nothing(district_session: Session) -> None:
    count = svc_audit_count(district_session)
    case = svc_case(
        case_number="",
        registered_on=dt.date(2026, 7, 1),  # after "today" (2026-06-01)
        accused=[svc_accused(imprisonment_months=96)],
        victims=[svc_victim(cnic="12345", gender=Gender.UNKNOWN)],
    )
    with pytest.raises(ValidationFailed) as err:
        records.save_one(district_session, case)
    found = {(p.field, p.rule) for p in err.value.problems}
    assert found >= {
        ("case_number", "required"),
        ("registered_on", "date.future"),
        ("accused[0].imprisonment_months", "sentence.max_imprisonment"),
        ("victims[0].cnic", "cnic.format"),
    }
    assert err.value.exit_code == 5
    assert (
        "accused[0].imprisonment_months: 96 exceeds the 84-month maximum (TIP Act 2018 s.3(1))"
        in err.value.message
    )
    assert case.id == ""  # no id handed out
    assert svc_audit_count(district_session) == count
    for kind in ("case", "accused", "victim", "referral"):
        assert district_session.store.count(kind) == 0


def test_a_batch_is_all_or_nothing_and_problems_name_the_item(district_session: Session) -> None:
    good = svc_training()
    bad = svc_campaign(department="", people_reached=-5)
    with pytest.raises(ValidationFailed) as err:
        records.save(district_session, [good, bad])
    fields = {p.field for p in err.value.problems}
    assert fields == {"[1].department", "[1].people_reached"}
    assert district_session.store.count("training") == 0
    assert district_session.store.count("campaign") == 0
    records.save(district_session, [svc_training(), svc_campaign()])
    assert district_session.store.count("training") == 1
    assert district_session.store.count("campaign") == 1


def test_an_office_of_another_install_is_refused(district_session: Session) -> None:
    with pytest.raises(ValidationFailed) as err:
        records.save_one(district_session, svc_case(office="FIA-AHTC-KHI"))
    assert [(p.field, p.rule) for p in err.value.problems] == [("office", "reference.office")]


def test_cnics_are_normalised_on_save(district_session: Session) -> None:
    case = svc_case(
        accused=[svc_accused(cnic=" 35202\u20131234567\u20131 ")],  # en dashes, spaces
        victims=[svc_victim(cnic="3520276543212")],
    )
    records.save_one(district_session, case)
    stored = _case(district_session, case.id)
    assert stored.accused[0].cnic == "3520212345671"
    victim = records.reveal_victim(district_session, case.victims[0].id, "court order 12")
    assert victim.cnic == "3520276543212"


def test_save_gives_ids_versions_and_bookkeeping(district_session: Session) -> None:
    case = svc_case()
    changes = records.save_one(district_session, case)
    assert case.id and case.version == 1
    assert case.created_by == "admin1"
    assert case.origin_device == district_session.install.device_id
    assert changes.ids("case") == {case.id}
    assert case.accused[0].case_id == case.id
    assert case.victims[0].case_id == case.id
    stored = _case(district_session, case.id)
    assert stored.case_number == "FIR 12/2025"
    assert stored.accused[0].name == "Akram Khan"  # accused are not masked
    assert len(stored.victims) == 1
    assert len(stored.victims[0].referrals) == 1
    assert "create" in svc_actions(district_session)


# --- masking and reveal ------------------------------------------------------------------------


def test_get_masks_victims_and_saving_the_masked_record_keeps_the_identity(
    district_session: Session,
) -> None:
    case = svc_case()
    records.save_one(district_session, case)
    victim_id = case.victims[0].id

    shown = _case(district_session, case.id)
    v = shown.victims[0]
    for name in Victim.IDENTIFYING:
        assert getattr(v, name) == MASK, name
    assert v.victim_code == "V-LHR-2025-001"  # the code is not identifying
    assert v.age == 16

    shown.narrative = "Edited with the victim masked."
    shown.victims[0].notes = "Seen again on 2026-05-30."
    records.save_one(district_session, shown)

    real = records.reveal_victim(district_session, victim_id, "court order 12 of 2026")
    assert (real.name, real.father_name, real.cnic, real.phone, real.address) == (
        "Sana Bibi",
        "Nazir Ahmed",
        "3520276543212",
        "0300-1234567",
        "House 1, Street 2, Lahore",
    )
    assert real.notes == "Seen again on 2026-05-30."
    assert _case(district_session, case.id).narrative == "Edited with the victim masked."


def test_a_standalone_victim_is_masked_and_round_trips(district_session: Session) -> None:
    victim = svc_victim(victim_code="V-LHR-2025-009")
    records.save_one(district_session, victim)
    shown = records.get(district_session, "victim", victim.id)
    assert isinstance(shown, Victim)
    assert shown.name == MASK
    assert shown.referrals and shown.referrals[0].service == "shelter"
    listed = records.page(district_session, "victim")
    assert [r.name for r in listed if isinstance(r, Victim)] == [MASK]
    shown.age = 17
    records.save_one(district_session, shown)
    real = records.reveal_victim(district_session, victim.id, "court order 12 of 2026")
    assert real.name == "Sana Bibi"
    assert real.age == 17
    # An identifying field that is changed (not masked) is saved.
    shown = records.get(district_session, "victim", victim.id)
    assert isinstance(shown, Victim)
    shown.phone = "0301-7654321"
    records.save_one(district_session, shown)
    real = records.reveal_victim(district_session, victim.id, "court order 12 of 2026")
    assert (real.name, real.phone) == ("Sana Bibi", "0301-7654321")


def test_empty_identifying_fields_are_not_masked(district_session: Session) -> None:
    victim = svc_victim(name="", father_name="", cnic="", phone="", address="")
    records.save_one(district_session, victim)
    shown = records.get(district_session, "victim", victim.id)
    assert isinstance(shown, Victim)
    assert (shown.name, shown.cnic) == ("", "")


def test_reveal_needs_a_reason_and_is_audited(district_session: Session) -> None:
    case = svc_case()
    records.save_one(district_session, case)
    victim_id = case.victims[0].id
    count = svc_audit_count(district_session)
    for reason in ("", "   ", "ok"):
        with pytest.raises(InvalidInput):
            records.reveal_victim(district_session, victim_id, reason)
    assert svc_audit_count(district_session) == count

    records.reveal_victim(district_session, victim_id, "  court order 12  ")
    entry = district_session.store.audit_entries(limit=100_000)[-1]
    assert (entry.action, entry.kind, entry.record_id, entry.user) == (
        "reveal",
        "victim",
        victim_id,
        "admin1",
    )
    assert entry.detail == {"reason": "court order 12"}
    assert "Sana" not in str(entry)  # the audit log never holds the identity


def test_reveal_of_something_that_is_not_a_victim(district_session: Session) -> None:
    case = svc_case()
    records.save_one(district_session, case)
    with pytest.raises(NotFound):
        records.reveal_victim(district_session, case.id, "court order 12")
    with pytest.raises(NotFound):
        records.get(district_session, "case", "no-such-id")
    with pytest.raises(InvalidInput):
        records.get(district_session, "accused", case.accused[0].id)


# --- search ------------------------------------------------------------------------------------


def test_search_by_victim_name_only_for_roles_that_may_reveal(
    district_session: Session, svc_user: MakeUser
) -> None:
    case = svc_case()
    records.save_one(district_session, case)
    victim_id = case.victims[0].id
    officer = svc_user(district_session, "officer1", UserRole.DISTRICT_OFFICER)
    supervisor = svc_user(district_session, "sup1", UserRole.DISTRICT_SUPERVISOR)

    def victim_ids(s: Session, text: str) -> set[str]:
        return {h.id for h in records.search(s, text) if h.kind == "victim"}

    assert victim_ids(district_session, "Sana Bibi") == {victim_id}
    assert victim_ids(supervisor, "sana") == {victim_id}
    assert victim_ids(officer, "Sana Bibi") == set()
    assert victim_ids(officer, "35202-7654321-2") == set()
    # Everyone finds the victim code and the case.
    assert victim_ids(officer, "V-LHR-2025-001") == {victim_id}
    hits = records.search(officer, "FIR 12/2025")
    assert ("case", case.id) in {(h.kind, h.id) for h in hits}
    # Hits never carry the identity.
    for h in records.search(district_session, "Sana"):
        assert "Sana" not in h.label + h.detail


def test_search_finds_a_case_by_accused_cnic_in_either_form(district_session: Session) -> None:
    case = svc_case()
    records.save_one(district_session, case)
    for text in ("3520212345671", "35202-1234567-1"):
        assert case.id in {h.id for h in records.search(district_session, text)}
    assert records.search(district_session, "") == []
    assert records.search(district_session, '"*) OR (') == []


# --- delete ------------------------------------------------------------------------------------


def test_delete_needs_a_reason_and_soft_deletes(district_session: Session) -> None:
    case = svc_case()
    records.save_one(district_session, case)
    count = svc_audit_count(district_session)
    with pytest.raises(InvalidInput):
        records.delete(district_session, "case", case.id, "  ")
    assert svc_audit_count(district_session) == count
    assert _case(district_session, case.id).version == 1

    records.delete(district_session, "case", case.id, "entered twice by mistake")
    with pytest.raises(NotFound):
        records.get(district_session, "case", case.id)
    assert records.page(district_session, "case") == []
    assert records.search(district_session, "FIR 12/2025") == []
    kept = district_session.store.get("case", case.id, deleted=True)
    assert kept.deleted
    # The children went with it, and everything is still there.
    for kind in ("accused", "victim"):
        rows = district_session.store.query(
            f"SELECT deleted FROM {'accused' if kind == 'accused' else 'victims'}"  # noqa: S608
        )
        assert rows == [(1,)]
    entries = district_session.store.audit_entries(after_seq=count, limit=1000)
    reasons = [e for e in entries if e.action == "delete.reason"]
    assert [(e.kind, e.record_id, e.detail) for e in reasons] == [
        ("case", case.id, {"reason": "entered twice by mistake"})
    ]
    assert ("delete", "case", case.id) in {(e.action, e.kind, e.record_id) for e in entries}


def test_delete_of_an_unknown_kind_or_record(district_session: Session) -> None:
    with pytest.raises(InvalidInput):
        records.delete(district_session, "user", "x", "a good reason")
    with pytest.raises(NotFound):
        records.delete(district_session, "case", "no-such-id", "a good reason")


# --- dual-role safeguard ------------------------------------------------------------------------


def _open(session: Session, case_id: str) -> list[list[str]]:
    return [a.dual_role_matches for a in _case(session, case_id).accused if open_matches(a)]


def test_an_overlap_is_saved_and_queued_never_refused(
    district_session: Session, svc_user: MakeUser
) -> None:
    """An accused sharing a name with a victim of the case (common names are common) is
    recorded by an officer: saved at once, warned about, and in the review queue."""
    officer = svc_user(district_session, "officer1", UserRole.DISTRICT_OFFICER)
    case = _dual_role_case()
    records.save_one(officer, case)
    stored = district_session.store.get("case", case.id)
    assert isinstance(stored, Case)
    victim_id = stored.victims[0].id
    assert stored.accused[0].dual_role_matches == [f"{victim_id}:name"]
    assert stored.accused[0].dual_role_reviewed == []
    (warning,) = [p for p in records.warnings(officer, [stored]) if p.rule == "dual_role"]
    assert warning.field == "accused[0]" and warning.is_warning
    assert "victim V-LHR-2025-001" in warning.message  # an officer sees the code only
    (item,) = overlaps.queue(district_session)
    assert (item.case_number, item.accused_id, item.marked) == (
        "FIR 12/2025",
        stored.accused[0].id,
        False,
    )
    assert [(v.code, v.sign) for v in item.open] == [("V-LHR-2025-001", "name")]
    assert overlaps.count_open(officer) == 1
    # An officer can neither list nor resolve the queue.
    with pytest.raises(PermissionDenied):
        overlaps.resolve(officer, item.accused_id, "different", "not the same person")


def test_an_accused_with_an_open_overlap_cannot_be_marked_until_reviewed(
    district_session: Session, svc_user: MakeUser
) -> None:
    officer = svc_user(district_session, "officer1", UserRole.DISTRICT_OFFICER)
    supervisor = svc_user(district_session, "sup1", UserRole.DISTRICT_SUPERVISOR)
    case = _dual_role_case()
    records.save_one(officer, case)

    edited = _case(officer, case.id)
    edited.accused[0].proceeded_on = dt.date(2025, 3, 1)
    assert [(p.field, p.rule) for p in editing.check(officer, edited)] == [
        ("accused[0].proceeded_on", "dual_role")
    ]
    with pytest.raises(ValidationFailed) as err:
        records.save_one(officer, edited)
    assert [(p.field, p.rule) for p in err.value.problems] == [
        ("accused[0].proceeded_on", "dual_role")
    ]
    assert "review queue" in err.value.problems[0].message
    assert (
        "CNIC" not in err.value.problems[0].message and "35202" not in err.value.problems[0].message
    )
    assert _case(district_session, case.id).accused[0].proceeded_on is None

    # A record cannot carry its own review: the stored review stands, whatever is sent.
    forged = _case(officer, case.id)
    forged.accused[0].dual_role_reviewed = list(forged.accused[0].dual_role_matches)
    forged.accused[0].dual_role_reviewed_by = "sup1"
    forged.accused[0].proceeded_on = dt.date(2025, 3, 1)
    with pytest.raises(ValidationFailed):
        records.save_one(officer, forged)

    # A supervisor reviews it in the queue (with a note); then the officer can mark it.
    with pytest.raises(InvalidInput):
        overlaps.resolve(supervisor, case.accused[0].id, "different", "")
    overlaps.resolve(
        supervisor, case.accused[0].id[:8], "different", "different father, verified CNIC"
    )
    stored = _case(district_session, case.id).accused[0]
    assert (stored.dual_role_reviewed_by, stored.dual_role_decision) == ("sup1", "different")
    assert stored.dual_role_reviewed == stored.dual_role_matches
    assert stored.dual_role_reviewed_on == district_session.clock.now().date()
    (review,) = [
        e
        for e in district_session.store.audit_entries(limit=1000)
        if e.action == "dual_role.review"
    ]
    assert review.user == "sup1" and review.detail["note"] == "different father, verified CNIC"
    assert (
        review.detail["victims"] == ["V-LHR-2025-001"] and review.detail["decision"] == "different"
    )
    assert overlaps.queue(district_session) == []
    assert [i.decision for i in overlaps.queue(district_session, include_reviewed=True)] == [
        "different"
    ]
    edited = _case(officer, case.id)
    edited.accused[0].proceeded_on = dt.date(2025, 3, 1)
    records.save_one(officer, edited)
    assert _case(district_session, case.id).accused[0].proceeded_on == dt.date(2025, 3, 1)
    with pytest.raises(InvalidInput):  # nothing open any more
        overlaps.resolve(supervisor, case.accused[0].id, "same", "already looked at")


def test_a_new_overlap_after_a_review_is_open_for_that_accused_only(
    district_session: Session, svc_user: MakeUser
) -> None:
    officer = svc_user(district_session, "officer1", UserRole.DISTRICT_OFFICER)
    supervisor = svc_user(district_session, "sup1", UserRole.DISTRICT_SUPERVISOR)
    case = _dual_role_case()
    case.accused.append(svc_accused())  # another CNIC: matches nobody
    records.save_one(officer, case)
    overlaps.resolve(supervisor, case.accused[0].id, "same", "she recruited others later")

    edited = _case(officer, case.id)
    edited.accused.append(_second_accused_matching_the_victim())
    records.save_one(officer, edited)  # saved: the new overlap is queued
    stored = _case(district_session, case.id)
    assert [bool(open_matches(a)) for a in stored.accused] == [False, False, True]
    (item,) = overlaps.queue(district_session)
    assert item.accused_id == stored.accused[2].id and item.strong is True

    # The first accused's name review does not cover a CNIC match found later.
    edited = _case(officer, case.id)
    edited.accused[0].cnic = "35202-7654321-2"  # the victim's CNIC
    records.save_one(officer, edited)
    assert [bool(open_matches(a)) for a in _case(district_session, case.id).accused] == [
        True,
        False,
        True,
    ]


def test_the_case_editor_review_box_reviews_every_overlap(
    district_session: Session, svc_user: MakeUser
) -> None:
    officer = svc_user(district_session, "officer1", UserRole.DISTRICT_OFFICER)
    supervisor = svc_user(district_session, "sup1", UserRole.DISTRICT_SUPERVISOR)
    case = _dual_role_case()
    records.save_one(officer, case)
    attempt = _case(officer, case.id)
    attempt.dual_role_reviewed_by = "sup1"  # an officer cannot tick it, whatever name is typed
    with pytest.raises(PermissionDenied):
        records.save_one(officer, attempt)
    reviewed = _case(supervisor, case.id)
    reviewed.dual_role_reviewed_by = "The Inspector General"
    records.save_one(supervisor, reviewed)
    stored = _case(district_session, case.id)
    assert stored.dual_role_reviewed_by == "sup1"
    assert (stored.accused[0].dual_role_reviewed_by, stored.accused[0].dual_role_decision) == (
        "sup1",
        "reviewed",
    )
    assert _open(district_session, case.id) == []


def test_a_review_given_before_the_queue_carries_to_the_accused(
    district_session: Session,
) -> None:
    """A case reviewed under schema 7 (the case's reviewer set, its accused without matches):
    its next save carries that review to the overlaps the stored case held."""
    case = _dual_role_case()
    case.dual_role_reviewed_by = "old.supervisor"
    district_session.store.save([case], district_session.actor())  # as an older TIPDesk wrote it
    assert _case(district_session, case.id).accused[0].dual_role_matches == []
    edited = _case(district_session, case.id)
    edited.narrative = "A later edit."
    records.save_one(district_session, edited)
    stored = _case(district_session, case.id).accused[0]
    assert stored.dual_role_matches and stored.dual_role_reviewed == stored.dual_role_matches
    assert (stored.dual_role_reviewed_by, stored.dual_role_decision) == (
        "old.supervisor",
        "reviewed",
    )


def test_an_accused_already_proceeded_against_is_flagged_not_refused(
    district_session: Session, svc_user: MakeUser
) -> None:
    """A victim added after the challan matches the accused: the victim is saved, and the
    queue shows the accused first, as already marked."""
    officer = svc_user(district_session, "officer1", UserRole.DISTRICT_OFFICER)
    case = svc_case(victims=[])
    records.save_one(district_session, case)
    edited = _case(officer, case.id)
    edited.victims.append(svc_victim(cnic=case.accused[0].cnic, name="Another Name"))
    records.save_one(officer, edited)
    (item,) = overlaps.queue(district_session)
    assert item.marked and item.strong


def _second_accused_matching_the_victim() -> Any:
    return svc_accused(
        name="Another Person",
        father_name="Someone Else",
        cnic="35202-7654321-2",  # the victim's CNIC
        proceeded_on=None,
        outcome=Outcome.PENDING,
        judgment_on=None,
        imprisonment_months=None,
        fine_pkr=None,
    )


def test_a_victim_saved_alone_that_comes_to_match_updates_its_accused(
    district_session: Session, svc_user: MakeUser
) -> None:
    officer = svc_user(district_session, "officer1", UserRole.DISTRICT_OFFICER)
    case = svc_case()
    records.save_one(district_session, case)
    victim = district_session.store.get("victim", case.victims[0].id)
    assert isinstance(victim, Victim)
    victim.cnic = case.accused[0].cnic
    assert editing.check(officer, victim) == []
    records.save_one(officer, victim)  # saved, never refused
    stored = district_session.store.get("victim", victim.id)
    assert isinstance(stored, Victim) and stored.cnic == "3520212345671"
    accused = _case(district_session, case.id).accused[0]
    assert accused.dual_role_matches == [f"{victim.id}:cnic"]
    assert [i.accused_id for i in overlaps.queue(district_session)] == [accused.id]

    # Moved to another case: the first case's accused no longer match it; the other's do.
    other = svc_case(case_number="FIR 13/2025", victims=[])
    other.accused[0].cnic = "35202-1234567-1"
    records.save_one(district_session, other)
    moved = district_session.store.get("victim", victim.id)
    assert isinstance(moved, Victim)
    moved.case_id = other.id
    records.save_one(officer, moved)
    assert _case(district_session, case.id).accused[0].dual_role_matches == []
    assert _case(district_session, other.id).accused[0].dual_role_matches == [f"{victim.id}:cnic"]


def test_hq_keeps_the_overlaps_a_district_found(hq_session: Session) -> None:
    """HQ holds victims' identities only with consent: a save at HQ keeps the matches the
    district found (here, a match on identities HQ does not hold) beside its own."""
    case = svc_case(district="PB-LHR")
    case.victims[0].cnic = case.victims[0].name = case.victims[0].father_name = ""
    hq_session.store.save([case], hq_session.actor())
    stored = hq_session.store.get("case", case.id)
    assert isinstance(stored, Case)
    found = f"{stored.victims[0].id}:cnic"
    stored.accused[0].dual_role_matches = [found]
    hq_session.store.save([stored], hq_session.actor())  # as a bundle brought it
    edited = _case(hq_session, case.id)
    edited.narrative = "Corrected at HQ."
    records.save_one(hq_session, edited)
    assert _case(hq_session, case.id).accused[0].dual_role_matches == [found]


def test_admin_review_stamps_the_admin_name(district_session: Session) -> None:
    case = _dual_role_case()
    case.dual_role_reviewed_by = "someone"
    records.save_one(district_session, case)
    assert _case(district_session, case.id).dual_role_reviewed_by == "admin1"


# --- concurrent edits --------------------------------------------------------------------------


def test_stale_record_on_concurrent_edit(district_session: Session, svc_user: MakeUser) -> None:
    case = svc_case()
    records.save_one(district_session, case)
    officer = svc_user(district_session, "officer1", UserRole.DISTRICT_OFFICER)
    mine = _case(district_session, case.id)
    theirs = _case(officer, case.id)

    theirs.narrative = "Their change."
    records.save_one(officer, theirs)
    count = svc_audit_count(district_session)

    mine.narrative = "My change."
    with pytest.raises(StaleRecord):
        records.save_one(district_session, mine)
    stored = _case(district_session, case.id)
    assert (stored.narrative, stored.version) == ("Their change.", 2)
    assert svc_audit_count(district_session) == count

    # Reopen and apply again: fine.
    again = _case(district_session, case.id)
    again.narrative = "My change."
    records.save_one(district_session, again)
    assert _case(district_session, case.id).version == 3


def test_saving_an_unchanged_record_does_not_bump_the_version(district_session: Session) -> None:
    case = svc_case()
    records.save_one(district_session, case)
    count = svc_audit_count(district_session)
    same = _case(district_session, case.id)
    records.save_one(district_session, same)
    assert _case(district_session, case.id).version == 1
    assert svc_audit_count(district_session) == count


# --- listing -----------------------------------------------------------------------------------


def test_page_filters_and_orders_newest_first(district_session: Session) -> None:
    older = svc_case(case_number="FIR 1/2025", registered_on=dt.date(2025, 1, 5))
    newer = svc_case(
        case_number="FIR 2/2026",
        registered_on=dt.date(2026, 2, 1),
        stage=Stage.CHALLAN,
        accused=[
            svc_accused(
                proceeded_on=dt.date(2026, 3, 1),
                outcome=Outcome.PENDING,
                judgment_on=None,
                imprisonment_months=None,
                fine_pkr=None,
            )
        ],
        victims=[svc_victim(victim_code="V-LHR-2026-002")],
    )
    records.save(district_session, [older, newer])
    page = records.page(district_session, "case")
    assert [r.id for r in page] == [newer.id, older.id]
    assert all(isinstance(r, Case) and r.victims == [] for r in page)  # no children
    only = records.page(district_session, "case", filters={"stage": "challan"})
    assert [r.id for r in only] == [newer.id]
    dated = records.page(district_session, "case", date_from="2025-01-01", date_to="2025-12-31")
    assert [r.id for r in dated] == [older.id]
    district = records.page(district_session, "case", filters={"district": SVC_DISTRICT_CODE})
    assert len(district) == 2
    with pytest.raises(InvalidInput):
        records.page(district_session, "user")


def test_a_deleted_flag_needs_the_delete_permission_even_via_save(
    district_session: Session,
) -> None:
    case = svc_case()
    records.save_one(district_session, case)
    copy = dataclasses.replace(_case(district_session, case.id), deleted=True)
    records.save_one(district_session, copy)  # the admin may
    with pytest.raises(NotFound):
        records.get(district_session, "case", case.id)


def test_names_and_aliases_are_saved_as_codes_and_list_filters_take_names(
    district_session: Session,
) -> None:
    case = svc_case(
        district="lahore",  # the install's own district, by its name
        route_countries=["Pakistan", "United Arab Emirates"],
        victims=[svc_victim(district="D.G. Khan")],  # identified elsewhere: a short form
    )
    records.save_one(district_session, case)
    stored = _case(district_session, case.id)
    assert (stored.district, stored.route_countries) == ("PB-LHR", ["PK", "AE"])
    assert stored.victims[0].district == "PB-DGK"
    found = records.page(district_session, "case", filters={"district": "Lahore"})
    assert [r.id for r in found] == [case.id]
    with pytest.raises(InvalidInput, match=r"^'Lahor' is not a district we know \(did you mean"):
        records.page(district_session, "case", filters={"district": "Lahor"})
    problems = editing.check(district_session, svc_case(district="Karachi", victims=[]))
    assert [p.message for p in problems] == [
        "'Karachi' could be Karachi Central, Karachi East, Karachi South or Karachi West: "
        "write the district's full name"
    ]
