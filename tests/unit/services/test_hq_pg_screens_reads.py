"""The last HQ screens on PostgreSQL (issue 20): the History window, printouts and the
dashboard's Due panel and open-overlaps count give the same answers from the same bundles
whether HQ keeps its records in its SQLCipher store or in PostgreSQL; the PostgreSQL HQ's own
store holds no record and is refused any record read while they run, so a read from the
wrong place fails. A session routed to PostgreSQL refuses what it does not route
(``NotRouted``) instead of reading the install's empty tables. Synthetic data only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from install_guard import refuse_record_reads
from sync_support import clone_home, export, make_district, reopen

from tipdesk.core.clock import FixedClock
from tipdesk.core.records import Case
from tipdesk.services import dashboard, diary, history, overlaps, printouts, records, sync
from tipdesk.services.demo.fill import fill
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_pg, hq_pg_records
from tipdesk.services.sync.hq_pg_records import NotRouted


@pytest.fixture
def twins(
    svc_linked: tuple[Session, Session], pg_url: str, tmp_path: Path, svc_clock: FixedClock
) -> tuple[Session, Session, Session]:
    """(Lahore, an HQ on SQLCipher, its twin on PostgreSQL) after the same two imports of
    Lahore's and Multan's demo cases; the twins are copies of one install (same keys)."""
    lahore, hq = svc_linked
    multan = make_district(tmp_path / "multan", svc_clock, which=1)
    from sync_support import link

    link(multan, hq, tmp_path / "files")
    hq.close()
    twin = clone_home(hq.paths.home, tmp_path / "hq-pg")
    on_sqlite, on_pg = reopen(hq.paths, svc_clock), reopen(twin, svc_clock)
    hq_pg.configure(on_pg, pg_url)
    fill(lahore, seed=31, cases=14)
    fill(multan, seed=32, cases=8)
    for district in (lahore, multan):
        data = export(district, tmp_path / f"out-{district.install.device_id}").read_bytes()
        for h in (on_sqlite, on_pg):
            assert sync.import_bundle_bytes(h, data).status == "imported"
    assert on_pg.store.query("SELECT count(*) FROM cases") == [(0,)]
    return lahore, on_sqlite, on_pg


def _edit_at_hq(hq: Session, case_id: str) -> None:
    """The same two saves at either HQ (same clock, same user): a narrative, then a stage."""
    case = records.get(hq, "case", case_id)
    assert isinstance(case, Case)
    case.narrative = "Corrected at HQ after a call with the district (synthetic)"
    records.save_one(hq, case)
    case = records.get(hq, "case", case_id)
    assert isinstance(case, Case) and case.accused
    case.accused[0].court = "Sessions Court Lahore (synthetic)"
    records.save_one(hq, case)


def test_history_printouts_and_the_due_panel_are_the_same_on_both_engines(
    twins: tuple[Session, Session, Session],
    svc_clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lahore, on_sqlite, on_pg = twins
    case_ids = [r.id for r in records.page(on_sqlite, "case", limit=50)]
    assert case_ids == [r.id for r in records.page(on_pg, "case", limit=50)]
    edited = case_ids[0]
    for hq in (on_sqlite, on_pg):
        _edit_at_hq(hq, edited)
    svc_clock.advance(3600)
    refuse_record_reads(on_pg.paths.home, monkeypatch)

    def seen(hq: Session) -> dict[str, Any]:
        cases = [records.get(hq, "case", cid) for cid in case_ids]
        victims = [v for c in cases if isinstance(c, Case) for v in c.victims]
        with_referral = next(v for v in victims if v.referrals)
        return {
            "history": history.history(hq, "case", edited),
            "histories": [history.history(hq, "case", cid) for cid in case_ids[1:4]],
            "summary": printouts.case_summary(hq, edited),
            "letter": printouts.referral_letter(
                hq, with_referral.id, with_referral.referrals[0].service
            ),
            "diary": diary.diary(hq, limit=50),
            "diary_lahore": diary.diary(hq, office=lahore.install.office, limit=3),
            "by_officer": diary.by_officer(hq),
            "officers": diary.officers(hq),
            "overlaps": overlaps.count_open(hq),
            "counts": dashboard.record_counts(hq),  # the Settings screen's About
        }

    on_sqlite_seen, on_pg_seen = seen(on_sqlite), seen(on_pg)
    assert on_pg_seen == on_sqlite_seen
    # Not empty answers compared: the edits, authors and deadlines are there.
    versions = on_pg_seen["history"]
    assert [(v.kind, v.version) for v in versions[:2]] == [("accused", 2), ("case", 2)]
    assert {v.user for v in versions[:2]} == {on_pg.user.name}
    changed = {c.field for v in versions[:2] for c in v.changes}
    assert {"narrative", "court"} <= changed
    assert on_pg_seen["diary"].overdue.total > 0
    assert on_pg_seen["by_officer"] and on_pg_seen["officers"]
    assert on_pg_seen["counts"]["case"] == len(case_ids)
    assert on_pg_seen["summary"].data.startswith(b"%PDF")

    # An HQ officer marks two deadlines done (one with a next date): the marks are the
    # install's own, the items they hide or move are PostgreSQL's.
    items = on_pg_seen["diary"].overdue.items
    assert len(items) >= 2
    for hq in (on_sqlite, on_pg):
        diary.mark_done(hq, items[0].key)
        diary.mark_done(hq, items[1].key, next_on=svc_clock.now().date() + dt.timedelta(days=3))
    marked = [diary.diary(hq, limit=50) for hq in (on_sqlite, on_pg)]
    assert marked[1] == marked[0]
    assert items[0].key not in {i.key for i in marked[1].overdue.items}
    assert items[1].key in {i.key for i in marked[1].week.items}


def test_a_version_restored_at_a_postgresql_hq_is_saved_there(
    twins: tuple[Session, Session, Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    _lahore, on_sqlite, on_pg = twins
    edited = records.page(on_pg, "case", limit=1)[0].id
    for hq in (on_sqlite, on_pg):
        _edit_at_hq(hq, edited)
    refuse_record_reads(on_pg.paths.home, monkeypatch)
    for hq in (on_sqlite, on_pg):
        history.restore(hq, "case", edited, "case", edited, 1)
    after = [history.history(hq, "case", edited) for hq in (on_sqlite, on_pg)]
    assert after[0] == after[1]
    assert (after[1][0].action, after[1][0].version) == ("restored", 3)


def test_a_routed_session_refuses_what_it_does_not_route(
    twins: tuple[Session, Session, Session],
) -> None:
    _lahore, _on_sqlite, on_pg = twins
    with hq_pg_records.session_on(on_pg) as routed:
        store: Any = routed.store
        with pytest.raises(NotRouted, match="count"):
            store.count("case")
        with pytest.raises(NotRouted, match="cases"):
            store.query("SELECT count(*) FROM cases")
        with pytest.raises(NotRouted, match="record_versions"):
            store.query("SELECT 1 FROM audit JOIN record_versions AS v ON v.at = audit.at")
        with pytest.raises(NotRouted, match="search"):
            store.search("Lahore", include_identity=False)
        with pytest.raises(NotRouted, match="changes_since"):
            store.changes_since(0)
        # The install's own: users, settings, offices, its audit; hearings never travel.
        assert [u.name for u in store.users()] == [u.name for u in on_pg.store.users()]
        assert store.query("SELECT count(*) FROM users")[0][0] >= 1
        assert store.offices() == on_pg.store.offices()
        assert store.page("hearing") == []
        assert store.query("SELECT count(*) FROM hearings") == [(0,)]
        with pytest.raises(NotRouted, match="victims_fts"):
            store.query("SELECT rowid FROM victims_fts WHERE victims_fts MATCH ?", ("Lahore",))
        # What it routes answers from PostgreSQL, not the install's empty tables.
        assert store.page("case", limit=3)
