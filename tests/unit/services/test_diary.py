"""The diary service: hearings chained by their next date, deadlines derived from the rules
(and HQ's own rules), overdue/today/this week, done marks, the cause list and permissions.

Today is 2026-06-01 (``SVC_START``) in every test."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from typing import Any

import pytest
from svc_support import SVC_OTHER_PASSPHRASE, svc_accused, svc_case, svc_victim

from tipdesk.core.codes import HearingPurpose, Outcome, ReferralOutcome, Stage
from tipdesk.core.errors import (
    InvalidInput,
    PermissionDenied,
    StaleRecord,
    ValidationFailed,
)
from tipdesk.core.permissions import UserRole
from tipdesk.core.records import Case, Hearing, Referral
from tipdesk.core.reference import Reference
from tipdesk.resources import read_documents
from tipdesk.services import diary, records, users
from tipdesk.services import session as session_service
from tipdesk.services.session import Session

TODAY = dt.date(2026, 6, 1)
COURT = "Judicial Magistrate, Lahore"


def _pending(**changes: Any) -> Any:
    """An accused not yet proceeded against."""
    values: dict[str, Any] = {
        "proceeded_on": None,
        "outcome": Outcome.PENDING,
        "judgment_on": None,
        "imprisonment_months": None,
        "fine_pkr": None,
    }
    return svc_accused(**(values | changes))


def _case(session: Session, **changes: Any) -> Case:
    values: dict[str, Any] = {
        "stage": Stage.INVESTIGATION,
        "registered_on": dt.date(2026, 5, 10),
        "investigating_officer": "Inspector Rashid",
        "accused": [_pending()],
        "victims": [],
    }
    case = svc_case(**(values | changes))
    records.save(session, [case])
    return case


def _hearing(case: Case, day: dt.date, **changes: Any) -> Hearing:
    values: dict[str, Any] = {
        "case_id": case.id,
        "hearing_on": day,
        "court": COURT,
        "purpose": HearingPurpose.EVIDENCE,
    }
    return Hearing(**(values | changes))


def _keys(section: diary.Section) -> list[str]:
    return [i.key for i in section.items]


# --- hearings and their next date ------------------------------------------------------------


def test_a_next_date_makes_the_next_hearing_in_one_step(district_session: Session) -> None:
    case = _case(district_session)
    first = diary.save_hearing(district_session, _hearing(case, dt.date(2026, 5, 20))).hearing
    assert first.version == 1 and not first.done

    saved = diary.record_outcome(
        district_session,
        first.id,
        version=first.version,
        proceedings="Witness absent; adjourned.",
        next_on=dt.date(2026, 6, 4),
    )
    nxt = saved.next_hearing
    assert nxt is not None
    assert (nxt.case_id, nxt.hearing_on, nxt.court, nxt.purpose, nxt.follows_id) == (
        case.id, dt.date(2026, 6, 4), COURT, HearingPurpose.EVIDENCE, first.id
    )  # fmt: skip
    stored = diary.hearings_of_case(district_session, case.id)
    assert [(h.hearing_on, h.done) for h in stored] == [
        (dt.date(2026, 5, 20), True),
        (dt.date(2026, 6, 4), False),
    ]
    # The next hearing is due this week; the held one is no longer in the diary.
    week = diary.diary(district_session).week
    assert f"hearing:{nxt.id}" in _keys(week)
    assert f"hearing:{first.id}" not in _keys(week)

    # That next hearing held with its own next date continues the chain.
    district_session.clock.advance(4 * 86400)  # type: ignore[attr-defined]
    third = diary.record_outcome(
        district_session,
        nxt.id,
        version=None,
        proceedings="Two witnesses examined.",
        next_on=dt.date(2026, 6, 18),
        next_purpose=HearingPurpose.ARGUMENTS,
    ).next_hearing
    assert third is not None and third.follows_id == nxt.id
    assert third.purpose is HearingPurpose.ARGUMENTS


def test_changing_the_next_date_moves_the_next_hearing(district_session: Session) -> None:
    case = _case(district_session)
    first = diary.save_hearing(district_session, _hearing(case, dt.date(2026, 5, 20))).hearing
    made = diary.record_outcome(
        district_session, first.id, version=None, proceedings="Adjourned.",
        next_on=dt.date(2026, 6, 4),
    ).next_hearing  # fmt: skip
    assert made is not None
    moved = diary.record_outcome(
        district_session, first.id, version=None, proceedings="Adjourned.",
        next_on=dt.date(2026, 6, 8),
    ).next_hearing  # fmt: skip
    assert moved is not None and moved.id == made.id and moved.hearing_on == dt.date(2026, 6, 8)
    assert len(diary.hearings_of_case(district_session, case.id)) == 2

    # Taking the next date away deletes the next hearing (it was never held).
    diary.record_outcome(district_session, first.id, version=None, proceedings="Decided.")
    assert [h.id for h in diary.hearings_of_case(district_session, case.id)] == [first.id]


def test_the_next_date_of_a_held_next_hearing_cannot_change(district_session: Session) -> None:
    case = _case(district_session)
    first = diary.save_hearing(district_session, _hearing(case, dt.date(2026, 5, 20))).hearing
    made = diary.record_outcome(
        district_session, first.id, version=None, proceedings="Adjourned.",
        next_on=dt.date(2026, 5, 27),
    ).next_hearing  # fmt: skip
    assert made is not None
    diary.record_outcome(district_session, made.id, version=None, proceedings="Evidence.")
    with pytest.raises(ValidationFailed) as info:
        diary.record_outcome(
            district_session, first.id, version=None, proceedings="Adjourned.",
            next_on=dt.date(2026, 5, 29),
        )  # fmt: skip
    assert [(p.field, p.rule) for p in info.value.problems] == [("next_on", "hearing.next_held")]
    assert diary.get_hearing(district_session, first.id).next_on == dt.date(2026, 5, 27)


def test_a_hearing_changed_elsewhere_is_refused(district_session: Session) -> None:
    case = _case(district_session)
    first = diary.save_hearing(district_session, _hearing(case, dt.date(2026, 5, 20))).hearing
    stale = first.version
    diary.save_hearing(district_session, dataclasses.replace(first, court="Sessions Court"))
    with pytest.raises(StaleRecord):
        diary.record_outcome(district_session, first.id, version=stale, proceedings="x")


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"court": " "}, [("court", "required")]),
        ({"hearing_on": None}, [("hearing_on", "required")]),
        ({"done": True}, [("proceedings", "hearing.proceedings")]),
        ({"done": True, "proceedings": "x", "hearing_on": dt.date(2026, 6, 2)},
         [("done", "hearing.done_future")]),
        ({"next_on": dt.date(2026, 6, 9)}, [("next_on", "hearing.next_date")]),
        ({"done": True, "proceedings": "x", "next_on": dt.date(2026, 5, 20)},
         [("next_on", "date.order")]),
        ({"hearing_on": dt.date(2031, 5, 20)}, [("hearing_on", "hearing.far_future")]),
        ({"court": "c" * 201}, [("court", "text.max_length")]),
    ],
)  # fmt: skip
def test_a_bad_hearing_is_refused_with_every_problem_and_nothing_saved(
    district_session: Session, changes: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    case = _case(district_session)
    before = district_session.store.count("hearing")
    with pytest.raises(ValidationFailed) as info:
        diary.save_hearing(district_session, _hearing(case, dt.date(2026, 5, 20), **changes))
    assert [(p.field, p.rule) for p in info.value.problems] == expected
    assert district_session.store.count("hearing") == before


def test_a_hearing_names_a_case_and_one_of_its_accused(district_session: Session) -> None:
    case = _case(district_session)
    other = _case(district_session, case_number="FIR 99/2026", accused=[_pending(name="B")])
    ghost = _hearing(case, dt.date(2026, 5, 20), case_id="0190a000-0000-7000-8000-000000000999")
    with pytest.raises(ValidationFailed) as info:
        diary.save_hearing(district_session, ghost)
    assert [p.rule for p in info.value.problems] == ["reference.case"]
    wrong = _hearing(case, dt.date(2026, 5, 20), accused_id=other.accused[0].id)
    with pytest.raises(ValidationFailed) as info:
        diary.save_hearing(district_session, wrong)
    assert [p.rule for p in info.value.problems] == ["reference.accused"]


def test_hearings_stay_at_the_install_and_are_audited(district_session: Session) -> None:
    case = _case(district_session)
    before = district_session.store.changes_since(0, limit=100_000)
    saved = diary.save_hearing(district_session, _hearing(case, dt.date(2026, 5, 20))).hearing
    diary.record_outcome(
        district_session, saved.id, version=None, proceedings="Adjourned.",
        next_on=dt.date(2026, 6, 4),
    )  # fmt: skip
    # No change-log row: the change log is what sync ships, and hearings never leave.
    assert district_session.store.changes_since(0, limit=100_000) == before
    entries = district_session.store.audit_entries(limit=100_000)
    logged = [(e.action, e.kind) for e in entries if e.kind == "hearing"]
    assert logged.count(("create", "hearing")) == 2 and ("update", "hearing") in logged


# --- deadlines from the rules ----------------------------------------------------------------


def test_the_investigation_deadline_follows_the_registration_and_the_stage(
    district_session: Session,
) -> None:
    case = _case(district_session, registered_on=dt.date(2026, 5, 25))
    week = diary.diary(district_session).week
    item = next(i for i in week.items if i.rule == "investigation")
    assert (item.record_id, item.due_on, item.case_number) == (
        case.id, dt.date(2026, 6, 8), case.case_number
    )  # fmt: skip
    assert item.kind == "deadline" and item.officer == "Inspector Rashid"
    assert item.title.startswith("Investigation report due")
    # Once the challan is in, the investigation deadline is met.
    stored = records.get(district_session, "case", case.id)
    assert isinstance(stored, Case)
    stored.stage = Stage.CHALLAN
    records.save(district_session, [stored])
    assert not [i for i in diary.diary(district_session).week.items if i.rule == "investigation"]


def test_the_challan_deadline_runs_from_the_accused_first_remand_hearing(
    district_session: Session,
) -> None:
    case = _case(district_session, registered_on=dt.date(2026, 5, 1))
    accused = case.accused[0]
    assert not [i for i in diary.overdue(district_session).items if i.rule == "challan"]
    for day in (dt.date(2026, 5, 12), dt.date(2026, 5, 15)):  # the first one counts
        h = _hearing(case, day, accused_id=accused.id, purpose=HearingPurpose.REMAND)
        diary.save_hearing(district_session, h)
    found = [i for i in diary.overdue(district_session).items if i.rule == "challan"]
    assert [(i.record_id, i.due_on, i.subject) for i in found] == [
        (accused.id, dt.date(2026, 5, 26), accused.name)
    ]
    # The challan submitted against the accused meets it.
    stored = records.get(district_session, "case", case.id)
    assert isinstance(stored, Case)
    stored.stage = Stage.CHALLAN
    stored.accused[0].proceeded_on = dt.date(2026, 5, 28)
    records.save(district_session, [stored])
    assert not [i for i in diary.overdue(district_session).items if i.rule == "challan"]


def _with_rules(session: Session, change: Any) -> None:
    """The session uses the shipped reference with ``change(deadlines document)`` applied, as
    an HQ reference update would."""
    docs = copy.deepcopy(read_documents())
    change(docs["deadlines"])
    session.reference = Reference(**docs)


def test_hq_sets_the_periods(district_session: Session) -> None:
    case = _case(district_session, registered_on=dt.date(2026, 5, 25))

    def longer(doc: dict[str, Any]) -> None:
        doc["case_deadlines"][0]["days"] = 30
        doc["case_deadlines"][0]["title"] = "Investigation due (HQ's 30 days)"

    _with_rules(district_session, longer)
    found = diary.items(district_session, date_from=TODAY, date_to=dt.date(2026, 12, 31)).items
    item = next(i for i in found if i.rule == "investigation" and i.record_id == case.id)
    assert item.due_on == dt.date(2026, 6, 24)
    assert item.title == "Investigation due (HQ's 30 days)"

    _with_rules(district_session, lambda doc: doc.update(case_deadlines=[]))
    found = diary.items(district_session, date_from=None, date_to=dt.date(2026, 12, 31)).items
    assert not [i for i in found if i.rule == "investigation"]


def test_referral_follow_ups_while_pending_and_reviews_once_provided(
    district_session: Session,
) -> None:
    victim = svc_victim(
        identified_on=dt.date(2026, 5, 20),
        referrals=[
            Referral(service="shelter", referred_on=dt.date(2026, 5, 30)),
            Referral(service="medical", referred_on=dt.date(2026, 5, 20),
                     outcome=ReferralOutcome.PROVIDED, outcome_on=dt.date(2026, 5, 21)),
        ],
    )  # fmt: skip
    case = _case(district_session, victims=[victim])
    shelter, medical = case.victims[0].referrals
    week = diary.diary(district_session).week
    follow = [i for i in week.items if i.kind == "follow_up"]
    # Shelter pending: placement to confirm 3 days after the referral; the medical referral
    # was provided and has no review rule.
    assert [(i.rule, i.record_id, i.due_on, i.subject) for i in follow] == [
        ("shelter_placement", shelter.id, dt.date(2026, 6, 2), victim.victim_code)
    ]
    assert victim.name not in repr(follow)
    # Provided on 1 June: the review falls due 30 days later.
    stored = records.get(district_session, "victim", victim.id)
    stored.referrals[0].outcome = ReferralOutcome.PROVIDED  # type: ignore[attr-defined]
    stored.referrals[0].outcome_on = TODAY  # type: ignore[attr-defined]
    records.save(district_session, [stored])
    later = diary.items(district_session, date_from=TODAY, date_to=dt.date(2026, 7, 31)).items
    assert [(i.rule, i.due_on) for i in later if i.kind == "follow_up"] == [
        ("shelter_review", dt.date(2026, 7, 1))
    ]
    assert medical.id not in repr(later)


# --- overdue, today, this week, officers -----------------------------------------------------


def test_overdue_today_and_this_week(district_session: Session) -> None:
    trial = [_pending(proceeded_on=dt.date(2026, 5, 20))]
    case = _case(district_session, stage=Stage.TRIAL, accused=trial)
    days = {
        "old": dt.date(2026, 5, 1),
        "late": dt.date(2026, 5, 30),
        "today": TODAY,
        "week": dt.date(2026, 6, 8),
        "later": dt.date(2026, 6, 9),
    }
    ids = {
        name: diary.save_hearing(district_session, _hearing(case, day)).hearing.id
        for name, day in days.items()
    }
    view = diary.diary(district_session)
    assert _keys(view.overdue) == [f"hearing:{ids['late']}", f"hearing:{ids['old']}"]
    assert all(i.overdue for i in view.overdue.items)
    assert _keys(view.due_today) == [f"hearing:{ids['today']}"]
    assert _keys(view.week) == [f"hearing:{ids['week']}"]
    assert (view.overdue.total, view.overdue.more) == (2, False)
    # A limit keeps the latest overdue first and still counts them all.
    one = diary.overdue(district_session, limit=1)
    assert (_keys(one), one.total, one.more) == ([f"hearing:{ids['late']}"], 2, False)
    # Without counting (a first paint), the total is what was read and says there may be more.
    quick = diary.overdue(district_session, limit=1, counted=False)
    assert (_keys(quick), quick.total, quick.more) == ([f"hearing:{ids['late']}"], 1, True)


def test_filters_by_office_and_officer_and_counts_by_officer(district_session: Session) -> None:
    mine = _case(district_session, registered_on=dt.date(2026, 5, 10))
    theirs = _case(
        district_session,
        case_number="FIR 77/2026",
        registered_on=dt.date(2026, 5, 12),
        investigating_officer="SI Nadia",
        accused=[_pending(name="Other Person")],
    )
    by_officer = diary.overdue(district_session, officer="SI Nadia")
    assert [i.record_id for i in by_officer.items] == [theirs.id]
    assert [i.record_id for i in diary.overdue(district_session, office="FIA-CC-LHR").items] == []
    both = {i.record_id for i in diary.overdue(district_session, office=mine.office).items}
    assert both == {mine.id, theirs.id}
    loads = diary.by_officer(district_session)
    assert [(load.officer, load.overdue) for load in loads] == [
        ("Inspector Rashid", 1),
        ("SI Nadia", 1),
    ]
    assert diary.officers(district_session) == ["Inspector Rashid", "SI Nadia"]


def test_deleted_cases_leave_the_diary(district_session: Session) -> None:
    case = _case(district_session)
    diary.save_hearing(district_session, _hearing(case, dt.date(2026, 5, 20)))
    assert diary.overdue(district_session).total == 2  # the hearing and the investigation
    records.delete(district_session, "case", case.id, "entered twice")
    assert diary.overdue(district_session).items == []


# --- done marks ------------------------------------------------------------------------------


def test_marking_a_deadline_done_hides_it_or_moves_it(district_session: Session) -> None:
    case = _case(district_session)
    key = f"investigation:{case.id}"
    assert key in _keys(diary.overdue(district_session))
    diary.mark_done(district_session, key, next_on=dt.date(2026, 6, 5))
    assert key not in _keys(diary.overdue(district_session))
    moved = next(i for i in diary.diary(district_session).week.items if i.key == key)
    assert moved.due_on == dt.date(2026, 6, 5)
    diary.mark_done(district_session, key)  # done for good
    view = diary.diary(district_session)
    assert key not in _keys(view.overdue) + _keys(view.week)
    assert diary.reopen(district_session, key) is True
    assert key in _keys(diary.overdue(district_session))
    assert diary.reopen(district_session, key) is False
    actions = [(e.action, e.record_id) for e in district_session.store.audit_entries(limit=100_000)]
    assert actions.count(("diary.done", case.id)) == 2 and ("diary.reopen", case.id) in actions


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("nonsense", "is not a diary item"),
        ("investigation:not-an-id", "is not a diary item"),
        ("bogus_rule:0190a000-0000-7000-8000-000000000001", "is not a deadline rule"),
        ("hearing:0190a000-0000-7000-8000-000000000001", "what happened"),
    ],
)
def test_marking_a_bad_key_says_why_and_writes_nothing(
    district_session: Session, key: str, message: str
) -> None:
    before = district_session.store.query("SELECT count(*) FROM audit")
    with pytest.raises(InvalidInput) as info:
        diary.mark_done(district_session, key)
    assert message in str(info.value)
    assert district_session.store.query("SELECT count(*) FROM audit") == before


def test_the_next_date_of_a_mark_is_after_today(district_session: Session) -> None:
    case = _case(district_session)
    with pytest.raises(InvalidInput, match="after today"):
        diary.mark_done(district_session, f"investigation:{case.id}", next_on=TODAY)


# --- the cause list and permissions ----------------------------------------------------------


def test_the_cause_list_groups_the_week_by_court(district_session: Session) -> None:
    case = _case(district_session)
    second = _case(district_session, case_number="FIR 5/2026", accused=[_pending(name="Z")])
    for c, day, court in (
        (case, dt.date(2026, 6, 3), "Sessions Court (TIP), Lahore"),
        (second, dt.date(2026, 6, 2), "Sessions Court (TIP), Lahore"),
        (case, dt.date(2026, 6, 2), COURT),
        (case, dt.date(2026, 6, 8), COURT),  # the next week
    ):
        diary.save_hearing(district_session, _hearing(c, day, court=court))
    cause = diary.cause_list(district_session, TODAY)
    assert (cause.date_from, cause.date_to, cause.count) == (TODAY, dt.date(2026, 6, 7), 3)
    assert [court for court, _ in cause.courts] == [COURT, "Sessions Court (TIP), Lahore"]
    assert [(e.hearing_on, e.case_number) for e in cause.courts[1][1]] == [
        (dt.date(2026, 6, 2), "FIR 5/2026"),
        (dt.date(2026, 6, 3), case.case_number),
    ]


def test_an_officer_records_hearings_but_cannot_delete_them(
    district_session: Session, svc_paths: Any
) -> None:
    case = _case(district_session)
    users.add_user(district_session, "clerk", UserRole.DISTRICT_OFFICER, SVC_OTHER_PASSPHRASE)
    clerk = session_service.sign_in(
        svc_paths, user="clerk", passphrase=SVC_OTHER_PASSPHRASE, clock=district_session.clock
    )
    try:
        saved = diary.save_hearing(clerk, _hearing(case, dt.date(2026, 5, 20))).hearing
        with pytest.raises(PermissionDenied):
            diary.delete_hearing(clerk, saved.id, "mistake")
        assert diary.overdue(clerk).total >= 1
    finally:
        clerk.close()
