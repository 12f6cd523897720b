"""Version history: who changed which field when (a record and its children), victims'
identities never kept nor shown, and restoring an earlier version as a new, validated,
audited version."""

from __future__ import annotations

import dataclasses

import pytest
from svc_support import svc_accused, svc_case, svc_victim

from tipdesk.core.codes import Stage
from tipdesk.core.errors import InvalidInput, ValidationFailed
from tipdesk.core.records import Case, Victim
from tipdesk.services import history, records
from tipdesk.services.session import Session


def _case(session: Session, case_id: str) -> Case:
    found = session.store.get("case", case_id)
    assert isinstance(found, Case)
    return found


def _saved_case(session: Session) -> Case:
    case = svc_case(accused=[svc_accused(), svc_accused(name="Bashir Ahmed", cnic="")])
    records.save_one(session, case)
    return case


def test_every_version_of_a_case_and_its_accused_newest_first(
    district_session: Session,
) -> None:
    case = _saved_case(district_session)
    stored = _case(district_session, case.id)
    stored.stage = Stage.TRIAL
    stored.investigating_officer = "SI Zubair Sial"
    records.save_one(district_session, stored)
    stored = _case(district_session, case.id)
    stored.accused[0].imprisonment_months = 48
    records.save_one(district_session, stored)

    found = history.history(district_session, "case", case.id)
    mine = [(v.kind, v.version, v.action) for v in found if v.record_id == case.id]
    assert mine == [("case", 2, "changed"), ("case", 1, "created")]
    change = next(v for v in found if v.kind == "case" and v.version == 2)
    assert change.user == "admin1" and change.current and not change.restorable
    assert [(c.field, c.before, c.after) for c in change.changes] == [
        ("stage", "decided", "trial"),
        ("investigating_officer", "", "SI Zubair Sial"),
    ]
    accused = [v for v in found if v.kind == "accused" and v.version == 2]
    assert len(accused) == 1 and accused[0].title == "Akram Khan"
    assert [(c.field, c.before, c.after) for c in accused[0].changes] == [
        ("imprisonment_months", 60, 48)
    ]
    first = next(v for v in found if v.kind == "case" and v.version == 1)
    assert first.restorable and not first.current
    assert found[0].kind == "accused"  # the last save comes first


def test_a_victims_identity_is_never_kept_in_the_history_nor_shown(
    district_session: Session,
) -> None:
    victim = svc_victim(name="Sana Bibi")
    records.save_one(district_session, victim)
    stored = district_session.store.get("victim", victim.id)
    assert isinstance(stored, Victim)
    stored.name = "Sana Kausar"
    stored.age = 17
    records.save_one(district_session, stored)

    rows = district_session.store.query("SELECT data, changed FROM record_versions")
    assert rows and all("Sana" not in str(r) and "35202" not in str(r) for r in rows)
    found = history.history(district_session, "victim", victim.id)
    latest = found[0]
    assert (latest.kind, latest.version) == ("victim", 2)
    shown = {c.field: c for c in latest.changes}
    assert (shown["age"].before, shown["age"].after) == (16, 17)
    assert shown["name"].hidden and shown["name"].before is None and shown["name"].after is None
    assert "Sana" not in repr(found)


def test_restore_writes_a_new_validated_audited_version(district_session: Session) -> None:
    case = _saved_case(district_session)
    stored = _case(district_session, case.id)
    stored.stage = Stage.TRIAL
    stored.narrative = "Changed by mistake."
    records.save_one(district_session, stored)

    history.restore(district_session, "case", case.id, "case", case.id, 1)
    back = _case(district_session, case.id)
    assert (back.version, back.stage, back.narrative) == (3, Stage.DECIDED, case.narrative)
    assert len(back.accused) == 2  # the children are not touched
    entries = [e for e in district_session.store.audit_entries() if e.action == "record.restore"]
    assert [(e.kind, e.record_id, e.detail) for e in entries] == [
        ("case", case.id, {"version": 1, "as_version": 3})
    ]
    latest = history.history(district_session, "case", case.id)[0]
    assert (latest.version, latest.action) == (3, "restored")
    assert {c.field for c in latest.changes} == {"stage", "narrative"}

    with pytest.raises(InvalidInput, match="holds the values the record has now"):
        history.restore(district_session, "case", case.id, "case", case.id, 1)
    with pytest.raises(InvalidInput, match="cannot be restored"):
        history.restore(district_session, "case", case.id, "case", case.id, 3)


def test_restoring_a_deleted_accused_brings_it_back(district_session: Session) -> None:
    case = _saved_case(district_session)
    stored = _case(district_session, case.id)
    gone = stored.accused.pop(1)
    records.save_one(district_session, stored)
    assert [a.name for a in _case(district_session, case.id).accused] == ["Akram Khan"]
    deletion = next(
        v for v in history.history(district_session, "case", case.id) if v.record_id == gone.id
    )
    assert (deletion.version, deletion.action) == (2, "deleted")

    history.restore(district_session, "case", case.id, "accused", gone.id, 1)
    names = sorted(a.name for a in _case(district_session, case.id).accused)
    assert names == ["Akram Khan", "Bashir Ahmed"]


def test_a_restore_that_fails_validation_writes_nothing(district_session: Session) -> None:
    first = svc_victim(victim_code="V-PB-LHR-2025-0001", referrals=[])
    records.save_one(district_session, first)
    renamed = district_session.store.get("victim", first.id)
    renamed.victim_code = "V-PB-LHR-2025-0009"
    records.save_one(district_session, renamed)
    other = svc_victim(victim_code="V-PB-LHR-2025-0001", cnic="", referrals=[])
    records.save_one(district_session, other)
    before = district_session.store.query("SELECT count(*) FROM audit")[0][0]

    with pytest.raises(ValidationFailed, match="already used by another victim"):
        history.restore(district_session, "victim", first.id, "victim", first.id, 1)
    assert district_session.store.get("victim", first.id).version == 2
    assert district_session.store.query("SELECT count(*) FROM audit")[0][0] == before


def test_versions_from_before_the_history_are_listed_but_not_restorable(
    district_session: Session,
) -> None:
    case = _saved_case(district_session)
    stored = _case(district_session, case.id)
    stored.stage = Stage.TRIAL
    records.save_one(district_session, stored)
    # As a store upgraded from schema 3 has it: the change log, no kept values.
    district_session.store._conn.execute("DELETE FROM record_versions")
    found = [v for v in history.history(district_session, "case", case.id) if v.kind == "case"]
    assert [(v.version, v.user, v.restorable) for v in found] == [
        (2, "admin1", False),
        (1, "admin1", False),
    ]
    assert [c.field for c in found[0].changes] == []  # unknown, not invented
    with pytest.raises(InvalidInput, match="cannot be restored"):
        history.restore(district_session, "case", case.id, "case", case.id, 1)


def test_restore_only_takes_a_part_of_the_record(district_session: Session) -> None:
    case = _saved_case(district_session)
    other = dataclasses.replace(svc_case(), case_number="FIR 99/2025", victims=[])
    records.save_one(district_session, other)
    with pytest.raises(InvalidInput, match="not part of this case"):
        history.restore(district_session, "case", case.id, "case", other.id, 1)
