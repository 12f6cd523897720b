"""The case list at scale: first paint and search keystroke to updated list.

Builds a store of N minimal cases (creation is not measured: rows go in by bulk SQL through
:mod:`tipdesk.store.driver`, the full-text index alongside), signs in, and measures in one run:

- first paint: from creating the Cases screen to its table having painted its first page
  (goal: under 100 ms);
- search: from a keystroke in the search box to the table having painted the matching rows
  (goal: under 100 ms), for a case number typed key by key and for an officer's name; the
  search box waits for a pause in typing only while a search is already running, so a single
  keystroke starts its query at once;
- the same for a filter change and a sort by another column, and the time the total count
  takes on the store's thread (shown when it arrives; the list does not wait for it).

The screen runs with the synchronous runner here, so each figure includes the store query it
waits for; in the app the query runs on the store's thread and the window stays responsive.

Environment: BENCH_GUI_CASES (default 1000000), BENCH_GUI_HOME (keep the built store in this
folder and reuse it on the next run; default: a temporary folder), QT_QPA_PLATFORM (default
offscreen).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from tipdesk.core.clock import FixedClock
from tipdesk.core.codes import CaseKind, InstallRole, Outcome, Stage
from tipdesk.core.ids import new_id
from tipdesk.core.records import Accused, Case
from tipdesk.paths import Paths
from tipdesk.services import session as session_service
from tipdesk.services.session import Session
from tipdesk.store import search as fts
from tipdesk.store.driver import connect, transaction
from tipdesk.store.keys import KdfParams
from tipdesk.store.rows import insert_sql, to_row

PASSPHRASE = "purple kiln lantern orbit"  # noqa: S105 (a throwaway bench store)
USER = "bench"
FAST_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)
NOW = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
DISTRICTS = ["PB-LHR", "PB-FSD", "PB-GRW", "PB-SKT", "PB-MUL", "PB-RWP", "PB-GUJ", "PB-SGD"]
FIRST = ["Ahmed", "Bilal", "Imran", "Kashif", "Naveed", "Sajid", "Tariq", "Usman", "Zahid"]
LAST = ["Khan", "Butt", "Chaudhry", "Malik", "Qureshi", "Sheikh", "Siddiqui", "Awan"]
WORDS = [
    "brick", "kiln", "debt", "bondage", "overseas", "job", "visa", "agent", "domestic",
    "servitude", "begging", "marriage", "farm", "factory", "Dubai", "Oman", "Iran",
]  # fmt: skip
STAGES = [
    (Stage.REGISTERED, 0.15),
    (Stage.INVESTIGATION, 0.25),
    (Stage.CHALLAN, 0.25),
    (Stage.TRIAL, 0.15),
    (Stage.DECIDED, 0.12),
    (Stage.CLOSED, 0.08),
]
BATCH = 20_000


def _meta(rec: Case | Accused, at: str) -> None:
    rec.id = new_id()
    rec.created_at = rec.updated_at = at
    rec.created_by = rec.updated_by = USER
    rec.origin_device = rec.updated_device = "bench-device"
    rec.version = 1


def build_store(paths: Paths, total: int, clock: FixedClock) -> None:
    """A district install with ``total`` cases (a quarter with two accused) by bulk SQL."""
    session, _recovery = session_service.init_install(
        paths,
        role=InstallRole.DISTRICT,
        user=USER,
        passphrase=PASSPHRASE,
        clock=clock,
        district="Lahore",
        office="FIA-AHTC-LHR",
        kdf=FAST_KDF,
    )
    key = session.store.database_key()
    session.close()
    conn = connect(paths.database, key)
    rng = random.Random(5)
    stages, weights = zip(*STAGES, strict=True)
    at = "2026-05-01T00:00:00.000Z"
    start_day = dt.date(2019, 1, 1)
    days = (NOW.date() - start_day).days
    offices = ["FIA-AHTC-LHR", "FIA-CC-LHR", "FIA-AHTC-FSD"]
    rowid = 0
    for first in range(0, total, BATCH):
        cases: list[tuple[object, ...]] = []
        accused: list[tuple[object, ...]] = []
        texts: list[tuple[int, str]] = []
        for n in range(first, min(first + BATCH, total)):
            reg = start_day + dt.timedelta(days=rng.randrange(days))
            stage = rng.choices(stages, weights)[0]
            officer = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            case = Case(
                case_number=f"FIR {n + 1}/{reg.year}",
                kind=CaseKind.FIR if n % 3 else CaseKind.ENQUIRY,
                registered_on=reg,
                district=rng.choice(DISTRICTS),
                office=rng.choice(offices),
                sections=["3"],
                exploitation_forms=[rng.choice(["forced_labour", "sexual_exploitation"])],
                stage=stage,
                investigating_officer=officer,
                narrative=" ".join(rng.choice(WORDS) for _ in range(8)),
            )
            _meta(case, at)
            if n % 4 == 0:
                for _ in range(2):
                    decided = stage is Stage.DECIDED
                    a = Accused(
                        case_id=case.id,
                        name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                        father_name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                        cnic=f"{rng.randrange(10**12, 10**13)}",
                        role="recruiter",
                        proceeded_on=reg if decided else None,
                        outcome=rng.choice([Outcome.CONVICTED, Outcome.ACQUITTED])
                        if decided
                        else Outcome.PENDING,
                        judgment_on=reg if decided else None,
                    )
                    _meta(a, at)
                    case.accused.append(a)
                    accused.append(to_row(a))
            cases.append(to_row(case))
            rowid += 1
            texts.append((rowid, fts.case_text(case)))
        with transaction(conn):
            conn.executemany(insert_sql("case"), cases)
            conn.executemany(insert_sql("accused"), accused)
            conn.executemany("INSERT INTO cases_fts(rowid, text) VALUES (?, ?)", texts)
    top = conn.execute("SELECT max(rowid), count(*) FROM cases").fetchone()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    conn.execute("ANALYZE")
    conn.close()
    if tuple(top) != (total, total):  # the index rows above assume rowids 1..total
        raise RuntimeError(f"unexpected rowids after the bulk insert: {tuple(top)}")


def open_bench_store(home: Path, total: int) -> Session:
    """Sign in to the bench store in ``home``, building it first when absent."""
    clock = FixedClock(NOW)
    paths = Paths(home)
    marker = home / f"built-{total}"
    if not marker.exists():
        if home.exists():
            for p in home.iterdir():
                if p.is_file():
                    p.unlink()
        t0 = time.perf_counter()
        build_store(paths, total, clock)
        marker.write_text("ok\n")
        print(f"built a store of {total:,} cases in {time.perf_counter() - t0:.0f} s")
    return session_service.sign_in(paths, user=USER, passphrase=PASSPHRASE, clock=clock)


def _ms(values: list[float]) -> str:
    if len(values) == 1:
        return f"{values[0]:.1f} ms"
    p95 = statistics.quantiles(values, n=20)[18] if len(values) >= 20 else max(values)
    return f"median {statistics.median(values):.1f} ms, worst {max(values):.1f} ms, p95 {p95:.1f}"


def main() -> None:
    total = int(os.environ.get("BENCH_GUI_CASES", "1000000"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    keep = os.environ.get("BENCH_GUI_HOME")
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(keep) if keep else Path(tmp) / "home"
        session = open_bench_store(home, total)
        try:
            # Imported here: the Qt part of the bench lives in the UI package.
            from tipdesk.ui.devtools.list_timing import measure_case_list

            results = measure_case_list(session, total_hint=total)
        finally:
            session.close()
    goal = "(goal: under 100 ms)"
    print(f"case list at {total:,} cases")
    print(f"first paint:                       {_ms(results['first_paint'])}  {goal}")
    print(f"search keystroke, case number:     {_ms(results['search_case_number'])}  {goal}")
    print(f"search keystroke, officer's name:  {_ms(results['search_name'])}  {goal}")
    print(f"clearing the search:               {_ms(results['search_clear'])}")
    print(f"filter by stage:                   {_ms(results['filter_stage'])}")
    print(f"sort by case number:               {_ms(results['sort_number'])}")
    print(f"scroll one page (fetch + paint):   {_ms(results['scroll_page'])}")
    print(f"count shown, capped at 10,000:     {_ms(results['count'])}  (store thread)")
    print(f"exact count (on request):          {_ms(results['count_exact'])}  (store thread)")
