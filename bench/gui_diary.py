"""The Diary at scale: first paint of the Diary page at 100,000 cases, against a same-run
baseline, and whether every diary query is indexed.

Builds a district store of N cases (the case list benchmark's bulk builder: a quarter with two
accused) and adds, by bulk SQL, what makes a diary: chains of court hearings for a third of
the cases at challan or trial (held ones, then one not yet recorded around today), remand
hearings for a tenth of the accused, and a victim with a referral for every other case. Then
it signs in and measures in one run:

- first paint: from creating the Diary page to its table having painted the first rows (the
  page reads the diary as the main window's ``activated()`` makes it; goal: under 100 ms);
- baseline: a bare table with the same rows filled from memory (what Qt alone costs), so the
  ratio shows what the store's reads add;
- on the store's thread: the page's first read (the rows, no counts), the counts it reads
  after painting, the By officer tab and the dashboard's Due panel;
- the query plans: every query the diary runs (EXPLAIN QUERY PLAN) must search an index, never
  scan a whole table of records.

Environment: BENCH_DIARY_CASES (default 100000), BENCH_DIARY_HOME (keep the built store and
reuse it), QT_QPA_PLATFORM (default offscreen).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.gui_lists import FAST_KDF, NOW, PASSPHRASE, USER, build_store  # noqa: F401
from tipdesk.core.clock import FixedClock
from tipdesk.core.codes import Gender, HearingPurpose, ReferralOutcome
from tipdesk.core.ids import new_id
from tipdesk.core.records import Hearing, Meta, Referral, Victim
from tipdesk.paths import Paths
from tipdesk.services import diary
from tipdesk.services import session as session_service
from tipdesk.services.session import Session
from tipdesk.store.driver import connect, transaction
from tipdesk.store.rows import insert_sql, to_row

AT = "2026-05-01T00:00:00.000Z"
SERVICES = ("shelter", "medical", "legal_aid", "psychosocial", "return_repatriation")
COURTS = ("Sessions Court (TIP), Lahore", "Judicial Magistrate Section 30, Lahore",
          "Sessions Court, Faisalabad")  # fmt: skip


def _meta(record: Meta) -> None:
    record.id = new_id()
    record.created_at = record.updated_at = AT
    record.created_by = record.updated_by = USER
    record.origin_device = record.updated_device = "bench-device"
    record.version = 1


def add_diary(paths: Paths, key: bytes) -> dict[str, int]:
    """Hearings, victims and referrals for the cases of the store (see the module docstring)."""
    conn = connect(paths.database, key)
    rng = random.Random(11)
    today = NOW.date()
    cases = conn.execute("SELECT id, registered_on, stage FROM cases ORDER BY rowid").fetchall()
    accused = conn.execute(
        "SELECT a.id, a.case_id, c.registered_on FROM accused AS a JOIN cases AS c "
        "ON c.id = a.case_id ORDER BY a.rowid"
    ).fetchall()
    hearings: list[tuple[Any, ...]] = []
    victims: list[tuple[Any, ...]] = []
    referrals: list[tuple[Any, ...]] = []
    for n, (case_id, registered_on, stage) in enumerate(cases):
        registered = dt.date.fromisoformat(registered_on)
        if stage in ("challan", "trial") and rng.random() < 0.33:
            day = max(registered + dt.timedelta(days=30), today - dt.timedelta(days=120))
            last = today + dt.timedelta(days=rng.randrange(-20, 25))
            previous = ""
            while True:
                done = day < last
                h = Hearing(case_id=case_id, hearing_on=day, court=rng.choice(COURTS),
                            purpose=rng.choice((HearingPurpose.EVIDENCE, HearingPurpose.CHARGE,
                                                HearingPurpose.ARGUMENTS)),
                            proceedings="Adjourned." if done else "", done=done,
                            follows_id=previous)  # fmt: skip
                nxt = day + dt.timedelta(days=rng.randrange(7, 28))
                h.next_on = nxt if done else None
                _meta(h)
                hearings.append(to_row(h))
                if not done:
                    break
                previous, day = h.id, min(nxt, last) if nxt < last else last
        if n % 2 == 0:
            v = Victim(case_id=case_id, victim_code=f"V-BENCH-{n:07d}", district="PB-LHR",
                       gender=Gender.FEMALE, identified_on=registered)  # fmt: skip
            _meta(v)
            victims.append(to_row(v))
            pending = rng.random() < 0.3
            outcome = ReferralOutcome.PENDING if pending else ReferralOutcome.PROVIDED
            outcome_on = None if pending else registered + dt.timedelta(days=3)
            r = Referral(victim_id=v.id, service=rng.choice(SERVICES),
                         referred_on=registered + dt.timedelta(days=1), outcome=outcome,
                         outcome_on=outcome_on)  # fmt: skip
            _meta(r)
            referrals.append(to_row(r))
    for accused_id, case_id, registered_on in accused[::10]:
        day = dt.date.fromisoformat(registered_on) + dt.timedelta(days=1)
        h = Hearing(case_id=case_id, accused_id=accused_id, hearing_on=day,
                    court=COURTS[1], purpose=HearingPurpose.REMAND, proceedings="Remanded.",
                    done=True, next_on=day + dt.timedelta(days=7))  # fmt: skip
        _meta(h)
        hearings.append(to_row(h))
    with transaction(conn):
        conn.executemany(insert_sql("victim"), victims)
        conn.executemany(insert_sql("referral"), referrals)
        conn.executemany(insert_sql("hearing"), hearings)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    conn.execute("ANALYZE")
    conn.close()
    return {"hearings": len(hearings), "victims": len(victims), "referrals": len(referrals)}


def open_store(home: Path, total: int) -> Session:
    clock = FixedClock(NOW)
    paths = Paths(home)
    marker = home / f"built-diary-{total}"
    if not marker.exists():
        if home.exists():
            for p in home.iterdir():
                if p.is_file():
                    p.unlink()
        t0 = time.perf_counter()
        build_store(paths, total, clock)
        session = session_service.sign_in(paths, user=USER, passphrase=PASSPHRASE, clock=clock)
        key = session.store.database_key()
        session.close()
        counts = add_diary(paths, key)
        marker.write_text("ok\n")
        print(f"built a store of {total:,} cases and {counts} in {time.perf_counter() - t0:.0f} s")
    return session_service.sign_in(paths, user=USER, passphrase=PASSPHRASE, clock=clock)


def query_plans(session: Session) -> list[str]:
    """Every query the diary's reads run, with a plan that scans a whole table of records
    (``SCAN x`` without an index); empty when all are indexed."""
    store = session.store
    seen: list[tuple[str, tuple[Any, ...]]] = []
    original = store.query

    def capture(sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        seen.append((sql, tuple(params)))
        return original(sql, params)

    store.query = capture  # type: ignore[method-assign]
    try:
        office = session.install.office
        diary.diary(session, office=office)
        diary.diary(session)
        diary.cause_list(session, NOW.date(), office=office)
    finally:
        store.query = original  # type: ignore[method-assign]
    bad: list[str] = []
    for sql, params in seen:
        if not sql.lstrip().upper().startswith("SELECT"):
            continue
        plan = original(f"EXPLAIN QUERY PLAN {sql}", params)
        for row in plan:
            detail = str(row[-1])
            if detail.startswith("SCAN ") and " USING " not in detail and "subquery" not in detail:
                bad.append(f"{detail}  <-  {sql[:120]}")
    return [*bad, f"({len(seen)} queries checked)"]


def _ms(values: list[float]) -> str:
    return f"median {statistics.median(values):6.1f} ms, worst {max(values):6.1f} ms"


def main() -> None:
    total = int(os.environ.get("BENCH_DIARY_CASES", "100000"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    keep = os.environ.get("BENCH_DIARY_HOME")
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(keep) if keep else Path(tmp) / "home"
        session = open_store(home, total)
        try:
            from tipdesk.ui.devtools.diary_timing import measure_diary

            results = measure_diary(session)
            plans = query_plans(session)
            found = diary.diary(session, office=session.install.office)
        finally:
            session.close()
    first, base = results["first_paint"], results["baseline"]
    ratio = statistics.median(first) / statistics.median(base)
    print(f"Diary at {total:,} cases: {found.overdue.total:,}{'+' if found.overdue.more else ''} "
          f"overdue, {found.due_today.total:,} today, {found.week.total:,} this week")  # fmt: skip
    print(f"first paint of the Diary page:     {_ms(first)}  (goal: under 100 ms)")
    print(f"baseline, a bare table (same run): {_ms(base)}")
    print(f"ratio page / baseline:             {ratio:.2f}x")
    print(f"first read, the rows (store):      {_ms(results['read'])}")
    print(f"counts, after the paint (store):   {_ms(results['counts'])}")
    print(f"By officer tab (store thread):     {_ms(results['by_officer'])}")
    print(f"dashboard Due panel (store):       {_ms(results['due_panel'])}")
    unindexed = [p for p in plans if not p.startswith("(")]
    print(
        f"query plans: {'every query uses an index' if not unindexed else 'NOT INDEXED:'} "
        f"{plans[-1]}"
    )
    for line in unindexed:
        print(f"  {line}")
