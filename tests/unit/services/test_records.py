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
from tipdesk.services import editing, records
from tipdesk.services.session import Session

MakeUser = Callable[[Session, str, UserRole], Session]


def _case(session: Session, case_id: str) -> Case:
    record = records.get(session, "case", case_id)
    assert isinstance(record, Case)
    return record


def _dual_role_case() -> Case:
    """A case whose accused is also its victim (same name and father's name)."""
    return svc_case(
        accused=[
            svc_accused(
                name="Sana Bibi",
                father_name="Nazir Ahmed",
                cnic="",
                gender=Gender.FEMALE,
                outcome=Outcome.PENDING,
                judgment_on=None,
                imprisonment_months=None,
                fine_pkr=None,
            )
        ]
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
        ("victims[0].gender", "required"),
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


# --- dual-role safeguard -----------------------------------------------------------------------


def test_dual_role_is_refused_until_a_supervisor_reviews_it(
    district_session: Session, svc_user: MakeUser
) -> None:
    officer = svc_user(district_session, "officer1", UserRole.DISTRICT_OFFICER)
    supervisor = svc_user(district_session, "sup1", UserRole.DISTRICT_SUPERVISOR)

    with pytest.raises(ValidationFailed) as err:
        records.save_one(officer, _dual_role_case())
    assert [(p.field, p.rule) for p in err.value.problems] == [("accused[0]", "dual_role")]
    assert district_session.store.count("case") == 0

    # An officer cannot sign the review off, whatever name is typed.
    attempt = _dual_role_case()
    attempt.dual_role_reviewed_by = "sup1"
    with pytest.raises(PermissionDenied):
        records.save_one(officer, attempt)
    assert district_session.store.count("case") == 0

    # A supervisor can; the stored reviewer is the supervisor's own user name.
    reviewed = _dual_role_case()
    reviewed.dual_role_reviewed_by = "The Inspector General"
    records.save_one(supervisor, reviewed)
    stored = _case(district_session, reviewed.id)
    assert stored.dual_role_reviewed_by == "sup1"

    # Later edits by an officer keep the review (the reviewer is not changed by them).
    stored = _case(officer, reviewed.id)
    stored.narrative = "Officer's later note."
    records.save_one(officer, stored)
    assert _case(district_session, reviewed.id).dual_role_reviewed_by == "sup1"

    # ...but an officer cannot put someone else's name in its place.
    stored = _case(officer, reviewed.id)
    stored.dual_role_reviewed_by = "officer1"
    with pytest.raises(PermissionDenied):
        records.save_one(officer, stored)
    assert _case(district_session, reviewed.id).dual_role_reviewed_by == "sup1"


def _reviewed_case(supervisor: Session) -> Case:
    """A dual-role case a supervisor reviewed, as stored: its first accused matches the victim
    (by name), its second does not (another CNIC)."""
    case = _dual_role_case()
    case.accused.append(svc_accused())
    case.dual_role_reviewed_by = "yes"
    records.save_one(supervisor, case)
    return _case(supervisor, case.id)


def _second_accused_matching_the_victim() -> Any:
    return svc_accused(
        name="Another Person",
        father_name="Someone Else",
        cnic="35202-7654321-2",  # the victim's CNIC
        outcome=Outcome.PENDING,
        judgment_on=None,
        imprisonment_months=None,
        fine_pkr=None,
    )


def test_a_review_does_not_cover_an_overlap_added_after_it(
    district_session: Session, svc_user: MakeUser
) -> None:
    officer = svc_user(district_session, "officer1", UserRole.DISTRICT_OFFICER)
    supervisor = svc_user(district_session, "sup1", UserRole.DISTRICT_SUPERVISOR)
    reviewed = _reviewed_case(supervisor)
    before = svc_audit_count(district_session)

    # An officer adds an accused who matches the victim: the review is not carried over.
    edited = _case(officer, reviewed.id)
    edited.accused.append(_second_accused_matching_the_victim())
    assert [(p.field, p.rule) for p in editing.check(officer, edited)] == [
        ("accused[2]", "dual_role")
    ]
    with pytest.raises(ValidationFailed) as err:
        records.save_one(officer, edited)
    # Only the new overlap: the first accused's was reviewed.
    assert [(p.field, p.rule) for p in err.value.problems] == [("accused[2]", "dual_role")]
    assert "review by sup1 was given before this overlap" in err.value.problems[0].message
    # An officer may not see identities: the victim is named by code, never the field that
    # matched (tests/security/test_identity_oracle.py).
    assert "victim V-LHR-2025-001" in err.value.problems[0].message
    assert "CNIC" not in err.value.problems[0].message
    assert "35202" not in err.value.problems[0].message  # no identifying value in the message
    stored = _case(district_session, reviewed.id)
    assert (len(stored.accused), stored.dual_role_reviewed_by) == (2, "sup1")
    # Nothing saved; only the two overlaps the officer was shown (the check, the save) are
    # audited (services/overlap_guard.py).
    assert svc_audit_count(district_session) == before + 2
    assert svc_actions(district_session)[-2:] == ["dual_role.hit", "dual_role.hit"]

    # Correcting the second accused's CNIC to the victim's is a new overlap too.
    edited = _case(officer, reviewed.id)
    edited.accused[1].cnic = "35202-7654321-2"
    with pytest.raises(ValidationFailed) as err:
        records.save_one(officer, edited)
    assert [(p.field, p.rule) for p in err.value.problems] == [("accused[1]", "dual_role")]
    # ...while the first accused's CNIC made to match adds no overlap: it was reviewed.
    edited = _case(officer, reviewed.id)
    edited.accused[0].cnic = "35202-7654321-2"
    records.save_one(officer, edited)
    assert _case(district_session, reviewed.id).dual_role_reviewed_by == "sup1"

    # A supervisor's save of the same change is that supervisor's review of it.
    other = svc_user(district_session, "sup2", UserRole.DISTRICT_SUPERVISOR)
    edited = _case(other, reviewed.id)
    edited.accused.append(_second_accused_matching_the_victim())
    records.save_one(other, edited)
    stored = _case(district_session, reviewed.id)
    assert (len(stored.accused), stored.dual_role_reviewed_by) == (3, "sup2")

    # From then on the officer's edits that add no overlap keep that review.
    edited = _case(officer, reviewed.id)
    edited.narrative = "A later note."
    records.save_one(officer, edited)
    assert _case(district_session, reviewed.id).dual_role_reviewed_by == "sup2"


def test_a_supervisor_edit_without_a_new_overlap_keeps_the_reviewer(
    district_session: Session, svc_user: MakeUser
) -> None:
    supervisor = svc_user(district_session, "sup1", UserRole.DISTRICT_SUPERVISOR)
    reviewed = _reviewed_case(supervisor)
    other = svc_user(district_session, "sup2", UserRole.DISTRICT_SUPERVISOR)
    reviewed.narrative = "Edited by another supervisor."
    records.save_one(other, reviewed)
    assert _case(district_session, reviewed.id).dual_role_reviewed_by == "sup1"


def test_a_victim_saved_alone_may_not_come_to_match_an_accused_of_its_case(
    district_session: Session, svc_user: MakeUser
) -> None:
    officer = svc_user(district_session, "officer1", UserRole.DISTRICT_OFFICER)
    case = svc_case()
    records.save_one(district_session, case)
    victim = district_session.store.get("victim", case.victims[0].id)
    assert isinstance(victim, Victim)

    victim.cnic = case.accused[0].cnic
    assert [(p.field, p.rule) for p in editing.check(officer, victim)] == [("cnic", "dual_role")]
    with pytest.raises(ValidationFailed) as err:
        records.save_one(officer, victim)
    assert [(p.field, p.rule) for p in err.value.problems] == [("cnic", "dual_role")]
    assert "within the case" in err.value.problems[0].message
    stored = district_session.store.get("victim", victim.id)
    assert isinstance(stored, Victim) and stored.cnic == "3520276543212"

    # A victim moved into another case whose accused it matches is a new overlap there.
    other = svc_case(case_number="FIR 13/2025", victims=[])
    other.accused[0].cnic = "35202-7654321-2"  # the victim's stored CNIC
    records.save_one(district_session, other)
    moved = district_session.store.get("victim", case.victims[0].id)
    assert isinstance(moved, Victim)
    moved.case_id = other.id
    with pytest.raises(ValidationFailed) as err:
        records.save_one(officer, moved)
    assert [(p.field, p.rule) for p in err.value.problems] == [("cnic", "dual_role")]
    assert "case FIR 13/2025" in err.value.problems[0].message

    # A change that makes no match saves as before.
    victim = district_session.store.get("victim", case.victims[0].id)
    assert isinstance(victim, Victim)
    victim.phone = "0300-7654321"
    records.save_one(officer, victim)
    stored = district_session.store.get("victim", victim.id)
    assert isinstance(stored, Victim) and stored.phone == "0300-7654321"


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
