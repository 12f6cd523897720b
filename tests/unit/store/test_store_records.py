"""The store's record paths on both of HQ's engines (issue 20): ids, versions, the change log,
the audit, optimistic concurrency, children, paging and all-or-nothing saves, on the SQLCipher
store and on PostgreSQL (through the PostgreSQL HQ's own record code: ``pg_store.PgStore``).
A district's store is always SQLCipher; an HQ's records may be in either, and a save, a read
or a page must mean the same there."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from pg_store import PgStore, store_on_both_engines

from tipdesk.core.codes import Outcome, Stage
from tipdesk.core.errors import NotFound, StaleRecord
from tipdesk.core.ids import is_id
from tipdesk.core.records import Accused, Case, Record, Training, Victim, to_dict
from tipdesk.hqstore import edits as pg_edits
from tipdesk.store import audit
from tipdesk.store.driver import StoreBug
from tipdesk.store.store import Actor, Store

__all__ = ["store_on_both_engines"]  # the module's tests run on both engines


def _audit_append(store: Store) -> tuple[Any, str]:
    """Where the engine's save appends its audit entries (module, name)."""
    if isinstance(store, PgStore):
        return pg_edits, "append_audit"
    return audit, "append"


def later(actor: Actor, minutes: int = 1) -> Actor:
    """The same user and device, ``minutes`` later."""
    at = dt.datetime.fromisoformat(actor.at.replace("Z", "+00:00")) + dt.timedelta(minutes=minutes)
    return Actor(actor.user, actor.device, at.strftime("%Y-%m-%dT%H:%M:%S.000Z"))


def _audit_count(store: Store) -> int:
    return int(store.query("SELECT count(*) FROM audit")[0][0])


def _change_count(store: Store) -> int:
    return int(store.query("SELECT count(*) FROM changes")[0][0])


def _last_seq(store: Store) -> int:
    return int(store.query("SELECT coalesce(max(seq), 0) FROM changes")[0][0])


def _all_records(case: Case) -> list[Record]:
    out: list[Record] = [case, *case.accused]
    for v in case.victims:
        out += [v, *v.referrals]
    return out


def _audit_text(store: Store) -> str:
    return json.dumps(store.query("SELECT * FROM audit"), ensure_ascii=False)


# --- creating ------------------------------------------------------------------------------------


def test_save_creates_ids_versions_and_meta(store: Store, make: Any, actor: Actor) -> None:
    case = make.case()
    changes = store.save([case], actor)
    records = _all_records(case)
    assert [r.KIND for r in records] == ["case", "accused", "victim", "referral"]
    for r in records:
        assert is_id(r.id), r.KIND
        assert r.version == 1
        stamp = (actor.at, actor.user, actor.device)
        assert (r.created_at, r.created_by, r.origin_device) == stamp
        assert (r.updated_at, r.updated_by, r.updated_device) == stamp
        assert r.deleted is False
    assert len({r.id for r in records}) == 4
    assert case.accused[0].case_id == case.id
    assert case.victims[0].case_id == case.id
    assert case.victims[0].referrals[0].victim_id == case.victims[0].id
    assert changes.counts() == {"accused": 1, "case": 1, "referral": 1, "victim": 1}
    assert changes.ids("case") == {case.id}
    assert changes.ids("referral") == {case.victims[0].referrals[0].id}


def test_saved_record_reads_back_equal(store: Store, make: Any, actor: Actor) -> None:
    case = make.case()
    store.save([case], actor)
    assert to_dict(store.get("case", case.id)) == to_dict(case)
    victim = case.victims[0]
    assert to_dict(store.get("victim", victim.id)) == to_dict(victim)


def test_ids_are_time_ordered(store: Store, make: Any, actor: Actor) -> None:
    cases = [make.case(victims=[], accused=[]) for _ in range(20)]
    store.save(cases, actor)
    ids = [c.id for c in cases]
    assert ids == sorted(ids)
    assert len(set(ids)) == 20


def test_a_victim_takes_the_case_district_when_it_has_none(
    store: Store, make: Any, actor: Actor
) -> None:
    case = make.case(district="PB-FSD", victims=[make.victim(district="")])
    store.save([case], actor)
    assert store.get("victim", case.victims[0].id).district == "PB-FSD"  # type: ignore[union-attr]


def test_records_of_every_kind_save_on_their_own(store: Store, make: Any, actor: Actor) -> None:
    t, c, v = make.training(), make.campaign(), make.victim()
    store.save([t, c, v], actor)
    for r in (t, c, v):
        assert store.get(r.KIND, r.id).version == 1
    assert v.case_id is None
    assert store.count("referral") == 1


@pytest.mark.parametrize("kind", ["accused", "referral"])
def test_children_cannot_be_saved_on_their_own(
    store: Store, make: Any, actor: Actor, kind: str
) -> None:
    child = make.accused() if kind == "accused" else make.referral()
    with pytest.raises(TypeError, match="through its parent"):
        store.save([make.training(), child], actor)
    assert store.count("training") == 0


def test_get_unknown_id_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        store.get("case", "0190a000-0000-7000-8000-000000000000")


# --- updating ------------------------------------------------------------------------------------


def test_update_bumps_version_and_audits_field_names_only(
    store: Store, make: Any, actor: Actor
) -> None:
    case = make.case()
    store.save([case], actor)
    seq = _last_seq(store)
    audit_before = _audit_count(store)

    edited = store.get("case", case.id)
    assert isinstance(edited, Case)
    edited.narrative = "Secretword Obsidianmoth appears in the new narrative"
    edited.stage = Stage.CHALLAN
    edited.closed_reason = ""  # unchanged value
    second = Actor("test.supervisor", "device-test-0002", later(actor, 5).at)
    changes = store.save([edited], second)

    stored = store.get("case", case.id)
    assert stored.version == 2
    assert stored.narrative == "Secretword Obsidianmoth appears in the new narrative"  # type: ignore[union-attr]
    assert (stored.created_at, stored.created_by, stored.origin_device) == (
        actor.at,
        actor.user,
        actor.device,
    )
    assert (stored.updated_at, stored.updated_by, stored.updated_device) == (
        second.at,
        second.user,
        second.device,
    )
    assert changes.counts() == {"case": 1}
    assert store.changes_since(seq) == [(seq + 1, "case", case.id, 2)]

    assert _audit_count(store) == audit_before + 1
    entry = store.audit_entries(after_seq=audit_before)[0]
    assert (entry.action, entry.kind, entry.record_id, entry.user) == (
        "update",
        "case",
        case.id,
        "test.supervisor",
    )
    assert sorted(entry.detail["fields"]) == ["narrative", "stage"]
    text = _audit_text(store)
    for secret in ("Obsidianmoth", "Secretword", "challan", "Synthetic narrative"):
        assert secret not in text
    # Children that did not change are not versioned again.
    assert store.get("accused", case.accused[0].id).version == 1


def test_saving_an_unchanged_record_writes_nothing(store: Store, make: Any, actor: Actor) -> None:
    case = make.case()
    store.save([case], actor)
    changes_before, audit_before = _change_count(store), _audit_count(store)
    again = store.get("case", case.id)
    changes = store.save([again], later(actor, 60))
    assert not changes
    assert _change_count(store) == changes_before
    assert _audit_count(store) == audit_before
    stored = store.get("case", case.id)
    assert stored.version == 1
    assert stored.updated_at == actor.at


def test_a_changed_child_versions_only_the_child(store: Store, make: Any, actor: Actor) -> None:
    case = make.case()
    store.save([case], actor)
    seq = _last_seq(store)
    edited = store.get("case", case.id)
    assert isinstance(edited, Case)
    edited.accused[0].outcome = Outcome.ACQUITTED
    changes = store.save([edited], later(actor))
    assert changes.counts() == {"accused": 1}
    assert store.changes_since(seq) == [(seq + 1, "accused", case.accused[0].id, 2)]
    assert store.get("case", case.id).version == 1
    assert "acquitted" not in _audit_text(store)


def test_stale_version_is_refused_and_nothing_is_written(
    store: Store, make: Any, actor: Actor
) -> None:
    case = make.case()
    store.save([case], actor)
    first = store.get("case", case.id)
    second = store.get("case", case.id)
    first.narrative = "First writer wins"  # type: ignore[union-attr]
    store.save([first], later(actor))

    changes_before, audit_before = _change_count(store), _audit_count(store)
    second.narrative = "Second writer is stale"  # type: ignore[union-attr]
    with pytest.raises(StaleRecord):
        store.save([second], later(actor, 2))
    assert _change_count(store) == changes_before
    assert _audit_count(store) == audit_before
    stored = store.get("case", case.id)
    assert stored.version == 2
    assert stored.narrative == "First writer wins"  # type: ignore[union-attr]
    assert store.verify_audit().ok


def test_a_stale_child_refuses_the_whole_save(store: Store, make: Any, actor: Actor) -> None:
    case = make.case()
    store.save([case], actor)
    edited = store.get("case", case.id)
    assert isinstance(edited, Case)
    edited.narrative = "Changed together with a stale child"
    edited.accused[0].version = 7
    edited.accused[0].name = "Changed Fakename"
    training = make.training()
    changes_before, audit_before = _change_count(store), _audit_count(store)
    with pytest.raises(StaleRecord):
        store.save([training, edited], later(actor))
    assert _change_count(store) == changes_before
    assert _audit_count(store) == audit_before
    assert store.get("case", case.id).version == 1
    assert store.count("training") == 0
    assert store.search("Changed", include_identity=True) == []


def test_a_failed_save_can_be_retried_with_the_same_objects(
    store: Store, make: Any, actor: Actor
) -> None:
    """A save that fails half-way (disk full, a stale record further on...) must not leave the
    caller's records looking saved: retrying them after the problem is fixed must work."""
    case = make.case()
    store.save([case], actor)
    edited = store.get("case", case.id)
    edited.narrative = "Edited before a failed save"  # type: ignore[union-attr]
    other = make.case(case_number="FIR 2/2024", victims=[], accused=[])
    store.save([other], actor)
    stale_other = store.get("case", other.id)
    stale_other.version = 9
    with pytest.raises(StaleRecord):
        store.save([edited, stale_other], later(actor))
    assert store.get("case", case.id).version == 1
    store.save([edited], later(actor, 2))  # retry: nothing was saved, so nothing is stale
    assert store.get("case", case.id).narrative == "Edited before a failed save"  # type: ignore[union-attr]


# --- children ------------------------------------------------------------------------------------


@pytest.fixture
def big_case(store: Store, make: Any, actor: Actor) -> Case:
    case = make.case(
        accused=[make.accused(name="Keepme Accused"), make.accused(name="Dropme Accused")],
        victims=[
            make.victim(victim_code="V-KEEP", referrals=[make.referral(), make.referral()]),
            make.victim(victim_code="V-DROP", referrals=[make.referral(service="medical")]),
        ],
    )
    store.save([case], actor)
    return case


def test_children_left_out_are_soft_deleted_with_change_rows(
    store: Store, big_case: Case, actor: Actor
) -> None:
    dropped_accused = big_case.accused[1].id
    dropped_victim = big_case.victims[1].id
    dropped_referral = big_case.victims[1].referrals[0].id
    dropped_ref_of_kept = big_case.victims[0].referrals[1].id
    seq = _last_seq(store)

    edited = store.get("case", big_case.id)
    assert isinstance(edited, Case)
    edited.accused = [a for a in edited.accused if a.id != dropped_accused]
    edited.victims = [v for v in edited.victims if v.id != dropped_victim]
    edited.victims[0].referrals = edited.victims[0].referrals[:1]
    changes = store.save([edited], later(actor))

    assert store.count("accused") == 1
    assert store.count("victim") == 1
    assert store.count("referral") == 1
    for kind, rid in (
        ("accused", dropped_accused),
        ("victim", dropped_victim),
        ("referral", dropped_referral),
        ("referral", dropped_ref_of_kept),
    ):
        with pytest.raises(NotFound):
            store.get(kind, rid)
        gone = store.get(kind, rid, deleted=True)
        assert gone.deleted is True
        assert gone.version == 2
        assert gone.updated_at == later(actor).at
        assert rid in changes.ids(kind)
    rows = store.changes_since(seq)
    assert sorted((k, r, v) for _, k, r, v in rows) == sorted(
        [
            ("accused", dropped_accused, 2),
            ("victim", dropped_victim, 2),
            ("referral", dropped_referral, 2),
            ("referral", dropped_ref_of_kept, 2),
        ]
    )
    reread = store.get("case", big_case.id)
    assert isinstance(reread, Case)
    assert [a.name for a in reread.accused] == ["Keepme Accused"]
    assert [v.victim_code for v in reread.victims] == ["V-KEEP"]
    assert reread.version == 1  # the case's own fields did not change
    assert store.verify_audit().ok


def test_deleting_a_case_soft_deletes_its_children(
    store: Store, big_case: Case, actor: Actor
) -> None:
    seq = _last_seq(store)
    doomed = store.get("case", big_case.id)
    doomed.deleted = True
    store.save([doomed], later(actor))
    for kind in ("case", "accused", "victim", "referral"):
        assert store.count(kind) == 0, kind
    deleted_ids = {(k, r) for _, k, r, _v in store.changes_since(seq)}
    assert deleted_ids == {(r.KIND, r.id) for r in _all_records(big_case)}
    with pytest.raises(NotFound):
        store.get("case", big_case.id)
    assert store.get("case", big_case.id, deleted=True).deleted


def test_deleting_a_victim_soft_deletes_its_referrals(
    store: Store, make: Any, actor: Actor
) -> None:
    victim = make.victim(referrals=[make.referral(), make.referral(service="medical")])
    store.save([victim], actor)
    doomed = store.get("victim", victim.id)
    doomed.deleted = True
    store.save([doomed], later(actor))
    assert store.count("victim") == 0
    assert store.count("referral") == 0


def test_delete_is_audited_as_delete(store: Store, make: Any, actor: Actor) -> None:
    t = make.training()
    store.save([t], actor)
    before = _audit_count(store)
    t.deleted = True
    store.save([t], later(actor))
    entry = store.audit_entries(after_seq=before)[0]
    assert (entry.action, entry.kind, entry.record_id) == ("delete", "training", t.id)
    assert store.get("training", t.id, deleted=True).version == 2


# --- the change log ------------------------------------------------------------------------------


def test_changes_since_returns_rows_in_order(store: Store, make: Any, actor: Actor) -> None:
    t = make.training()
    store.save([t], actor)
    case = make.case()
    store.save([case], later(actor))
    t.title = "Renamed training"
    store.save([t], later(actor, 2))

    rows = store.changes_since(0)
    seqs = [r[0] for r in rows]
    assert seqs == sorted(seqs)
    assert len(set(seqs)) == len(seqs) == 6
    assert rows[0][1:] == ("training", t.id, 1)
    assert {r[1:] for r in rows[1:5]} == {(r.KIND, r.id, 1) for r in _all_records(case)}
    assert rows[1][1:] == ("case", case.id, 1)  # the parent first
    assert rows[5][1:] == ("training", t.id, 2)

    assert store.changes_since(rows[0][0]) == rows[1:]
    assert store.changes_since(rows[-1][0]) == []
    assert store.changes_since(0, limit=2) == rows[:2]
    at = store.query("SELECT at FROM changes ORDER BY seq")
    assert [a[0] for a in at] == [actor.at] + [later(actor).at] * 4 + [later(actor, 2).at]


# --- paging and counting -------------------------------------------------------------------------


@pytest.fixture
def many_cases(store: Store, make: Any, actor: Actor) -> list[Case]:
    cases = []
    for i in range(29):
        registered = None if i % 7 == 3 else dt.date(2024, 1 + i % 5, 1 + i % 3)
        cases.append(
            make.case(
                case_number=f"FIR {i}/2024",
                registered_on=registered,
                district="PB-LHR" if i % 2 else "PB-FSD",
                accused=[],
                victims=[],
            )
        )
    store.save(cases, actor)
    deleted = cases[4]
    deleted.deleted = True
    store.save([deleted], later(actor))
    return [c for c in cases if not c.deleted]


def _key(c: Record) -> tuple[str, str]:
    date = getattr(c, "registered_on", None)
    return (date.isoformat() if date else "", c.id)


def _walk(store: Store, limit: int, **kwargs: Any) -> list[list[str]]:
    pages: list[list[str]] = []
    after = None
    while True:
        page = store.page("case", after=after, limit=limit, **kwargs)
        if not page:
            return pages
        pages.append([r.id for r in page])
        after = _key(page[-1])
        assert len(pages) < 100


@pytest.mark.parametrize("limit", [1, 4, 7, 28, 50])
def test_page_walks_every_row_once_newest_first(
    store: Store, many_cases: list[Case], limit: int
) -> None:
    pages = _walk(store, limit)
    ids = [i for p in pages for i in p]
    expected = [c.id for c in sorted(many_cases, key=_key, reverse=True)]
    assert ids == expected
    assert len(ids) == 28
    assert all(len(p) == limit for p in pages[:-1])
    assert ids[-1] in {c.id for c in many_cases if c.registered_on is None}


def test_page_with_filters_and_dates(store: Store, many_cases: list[Case]) -> None:
    lo, hi = "2024-02-01", "2024-04-02"
    want = [
        c.id
        for c in sorted(many_cases, key=_key, reverse=True)
        if c.district == "PB-LHR" and c.registered_on and lo <= c.registered_on.isoformat() <= hi
    ]
    assert 3 <= len(want) < 14
    pages = _walk(store, 3, filters={"district": "PB-LHR"}, date_from=lo, date_to=hi)
    assert [i for p in pages for i in p] == want


def test_page_rows_have_no_children(store: Store, make: Any, actor: Actor) -> None:
    store.save([make.case()], actor)
    (row,) = store.page("case")
    assert isinstance(row, Case)
    assert row.accused == []
    assert row.victims == []


def test_page_refuses_unknown_columns(store: Store) -> None:
    with pytest.raises(ValueError, match="cannot filter"):
        store.page("case", filters={"district; DROP TABLE cases": "x"})


def test_count(store: Store, many_cases: list[Case]) -> None:
    assert store.count("case") == 28
    lhr = sum(1 for c in many_cases if c.district == "PB-LHR")
    assert store.count("case", filters={"district": "PB-LHR"}) == lhr
    assert store.count("case", filters={"district": "PB-FSD"}) == 28 - lhr
    assert store.count("case", filters={"district": "PB-XXX"}) == 0
    assert store.count("training") == 0


def test_find_case_number_and_victim_code(store: Store, make: Any, actor: Actor) -> None:
    case = make.case(case_number="FIR 77/2025", office="FIA-TEST")
    store.save([case], actor)
    assert store.find_case_number("FIR 77/2025", "PB-LHR", "FIA-TEST") == case.id
    assert store.find_case_number("FIR 77/2025", "PB-LHR", "OTHER") is None
    vid = case.victims[0].id
    assert store.victim_code_exists("V-TEST-001")
    assert not store.victim_code_exists("V-TEST-001", exclude_id=vid)
    case.deleted = True
    store.save([case], later(actor))
    assert store.find_case_number("FIR 77/2025", "PB-LHR", "FIA-TEST") is None


# --- one transaction per save --------------------------------------------------------------------


def _thousand(make: Any, bad_last: bool) -> list[Case]:
    cases = [
        make.case(
            case_number=f"FIR {i}/2025",
            narrative=f"Bulkword{i:04d}",
            victims=[],
            accused=[make.accused(name=f"Bulk Accused{i:04d}")],
        )
        for i in range(1000)
    ]
    if bad_last:
        # Too large for a 64-bit integer: fails at the database, after the other 999
        # cases (and their accused) have been sent to it (SQLite's driver refuses it as
        # OverflowError, PostgreSQL as out of range, a StoreBug).
        cases[-1].accused[0].fine_pkr = 2**70
    return cases


def test_a_thousand_cases_save_in_one_call(store: Store, make: Any, actor: Actor) -> None:
    before = _audit_count(store)
    changes = store.save(_thousand(make, bad_last=False), actor)
    assert changes.counts() == {"accused": 1000, "case": 1000}
    assert store.count("case") == 1000
    assert store.count("accused") == 1000
    assert _change_count(store) == 2000
    assert _audit_count(store) > before
    assert store.verify_audit().ok
    assert len(store.search("Bulkword0999", include_identity=False)) == 1


def _assert_nothing_saved(store: Store, existing: Case, changes: int, audits: int) -> None:
    assert store.count("case") == 1
    assert store.count("accused") == len(existing.accused)
    assert _change_count(store) == changes
    assert _audit_count(store) == audits
    stored = store.get("case", existing.id)
    assert stored.version == 1
    assert stored.narrative == existing.narrative  # type: ignore[union-attr]
    assert store.search("Bulkword0001", include_identity=False) == []
    assert store.search("Overwritten", include_identity=False) == []
    assert {h.id for h in store.search("Synthetic", include_identity=False)} == {existing.id}
    assert store.verify_audit().ok


def test_a_thousand_cases_are_all_or_nothing(store: Store, make: Any, actor: Actor) -> None:
    existing = make.case()
    store.save([existing], actor)
    changes, audits = _change_count(store), _audit_count(store)
    update = store.get("case", existing.id)
    update.narrative = "Overwritten narrative"  # type: ignore[union-attr]
    batch: list[Record] = [update, *_thousand(make, bad_last=True)]
    with pytest.raises((OverflowError, StoreBug)):
        store.save(batch, later(actor))
    _assert_nothing_saved(store, existing, changes, audits)


def test_a_failure_at_the_last_step_saves_nothing(
    store: Store, make: Any, actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    existing = make.case()
    store.save([existing], actor)
    changes, audits = _change_count(store), _audit_count(store)
    update = store.get("case", existing.id)
    update.narrative = "Overwritten narrative"  # type: ignore[union-attr]

    module, name = _audit_append(store)
    real_append = getattr(module, name)

    def failing_append(conn: Any, entries: Any) -> int:
        entries = list(entries)
        if len(entries) > 100:
            raise RuntimeError("simulated failure while writing the audit log")
        return real_append(conn, entries)

    monkeypatch.setattr(module, name, failing_append)
    with pytest.raises(RuntimeError, match="simulated"):
        store.save([update, *_thousand(make, bad_last=False)], later(actor))
    monkeypatch.undo()
    _assert_nothing_saved(store, existing, changes, audits)


def test_saving_a_victim_on_its_own_keeps_its_case(store: Store, make: Any, actor: Actor) -> None:
    case = make.case()
    store.save([case], actor)
    victim = store.get("victim", case.victims[0].id)
    assert isinstance(victim, Victim)
    victim.notes = "Edited through the victim screen"
    store.save([victim], later(actor))
    reread = store.get("case", case.id)
    assert isinstance(reread, Case)
    assert [v.notes for v in reread.victims] == ["Edited through the victim screen"]
    assert [len(v.referrals) for v in reread.victims] == [1]


def test_new_children_added_to_an_existing_case(store: Store, make: Any, actor: Actor) -> None:
    case = make.case()
    store.save([case], actor)
    edited = store.get("case", case.id)
    assert isinstance(edited, Case)
    edited.accused.append(Accused(name="Newcomer Fakeaccused"))
    store.save([edited], later(actor))
    assert store.count("accused") == 2
    assert is_id(edited.accused[1].id)
    assert edited.accused[1].case_id == case.id
    assert store.get("case", case.id).version == 1
    assert {h.id for h in store.search("Newcomer", include_identity=False)} == {case.id}


def test_training_update_audits_fields(store: Store, make: Any, actor: Actor) -> None:
    t: Training = make.training()
    store.save([t], actor)
    before = _audit_count(store)
    t.participants_total = 21
    t.roster = [*t.roster, "Trainee Fakethree"]
    store.save([t], later(actor))
    entry = store.audit_entries(after_seq=before)[0]
    assert entry.action == "update"
    assert sorted(entry.detail["fields"]) == ["participants_total", "roster"]
    assert "Fakethree" not in _audit_text(store)
