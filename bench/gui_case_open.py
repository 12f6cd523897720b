"""Opening a case at scale: time to the first paint of the case editor, against a baseline.

Builds (once, then reuses) a demo install of N cases with the demo generator
(:mod:`tipdesk.services.demo`: accused, victims, referrals, trainings and campaigns as the app
makes them, written through the store), signs in, and measures in one run, on the
synchronous runner (each figure includes the store's reads it waits for):

- a bare tab (one label) added to the page, to its first paint: this machine's floor;
- baseline: an empty new-case editor (no store read) from creation to its first paint;
- open a case: from the officer's Enter on a case in the list to the editor's first paint
  (goal: under 100 ms), over cases with the most accused and victims;
- the rest: from the same start to the whole editor being loaded (every tab built and
  filled), which the app does after the first paint, in the background;
- a live check: one edit re-validated once problems show (build the record from the form and
  run the same check as a save), the cost each keystroke pays then.

The measures are taken in turn (a bare tab, an empty editor, a case; again), so each meets the
same load when the machine is shared. Beside each first paint it prints the GUI thread's CPU
time to it (``time.thread_time``), which a shared machine's load stretches far less than the
wall clock, and the load average at the start and the end.

Before and after a change: run the bench from a checkout of the earlier commit (``git archive
<commit> | tar -x -C /tmp/before``; copy this file and ``tipdesk/ui/devtools/case_timing.py``
into it so both sides print the same figures) and from the branch, alternating, with the same
``BENCH_CASE_OPEN_HOME`` (the store is built once). On 2026-12-07, 4 pairs on 2 cores at a
load average of 9-11: the GUI thread's CPU time to a case's first paint went from 81-92 ms to
35-41 ms, an empty case editor's from 79-89 ms to 35-39 ms (the editors are built in place:
see "Opening fast" in docs/desktop-app.md); the wall clock at that load is in the README.

Environment: BENCH_CASE_OPEN_CASES (default 100000), BENCH_CASE_OPEN_HOME (where the built
store is kept; default: a folder in the system's temporary folder, reused by the next run),
QT_QPA_PLATFORM (default offscreen).
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import tempfile
import time
from pathlib import Path

from tipdesk.core.clock import FixedClock
from tipdesk.core.codes import InstallRole
from tipdesk.paths import Paths
from tipdesk.services import session as session_service
from tipdesk.services.session import Session
from tipdesk.store.keys import KdfParams
from tipdesk.store.migrations import LATEST

PASSPHRASE = "purple kiln lantern orbit"  # noqa: S105 (a throwaway bench store)
USER = "bench"
FAST_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)
NOW = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)


def open_demo_store(home: Path, total: int) -> Session:
    """Sign in to a demo install of ``total`` cases in ``home``, filling it first if absent."""
    clock = FixedClock(NOW)
    paths = Paths(home)
    # A store of another schema is filled again (a migration is not what is measured).
    marker = home / f"filled-{total}-schema-{LATEST}"
    if not marker.exists():
        if home.exists():
            for p in home.iterdir():
                if p.is_file():
                    p.unlink()
        t0 = time.perf_counter()
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
        _fill(session, total)
        session.close()
        marker.write_text("ok\n")
        print(f"filled a demo store of {total:,} cases in {time.perf_counter() - t0:.0f} s")
    return session_service.sign_in(paths, user=USER, passphrase=PASSPHRASE, clock=clock)


def _fill(session: Session, total: int) -> None:
    """The demo generator's records for this install, written through the store in large
    batches (the demo data is valid by construction: the services' per-record checks would
    take an hour at this size and are not what is measured)."""
    from tipdesk.services.demo.fill import plan
    from tipdesk.services.demo.generator import DemoData, generate

    today = session.clock.now().date()
    data = DemoData()
    for district, offices, n, seed in plan(session, seed=7, cases=total):
        part = generate(
            session.reference, seed=seed, cases=n, district=district, offices=offices,
            today=today,
        )  # fmt: skip
        data.cases += part.cases
        data.trainings += part.trainings
        data.campaigns += part.campaigns
    records = data.records()
    for i in range(0, len(records), 5000):
        session.store.save(records[i : i + 5000], session.actor())
    session.store.query("ANALYZE")


def _ms(values: list[float]) -> str:
    return f"median {statistics.median(values):6.1f} ms, worst {max(values):6.1f} ms"


def main() -> None:
    total = int(os.environ.get("BENCH_CASE_OPEN_CASES", "100000"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    default_home = Path(tempfile.gettempdir()) / f"tipdesk-bench-demo-{total}"
    home = Path(os.environ.get("BENCH_CASE_OPEN_HOME") or default_home)
    session = open_demo_store(home, total)
    load_before = os.getloadavg()[0]
    try:
        # Imported here: the Qt half of the bench lives in the UI package.
        from tipdesk.ui.devtools.case_timing import measure_case_open

        found = measure_case_open(session)
    finally:
        session.close()
    base = statistics.median(found["baseline"])
    first = statistics.median(found["first_paint"])
    print(f"opening a case at {total:,} cases (store kept in {home})")
    load = f"{load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end"
    print(f"load average (1 min, {os.cpu_count()} cores): {load}")
    print(f"a bare tab (one label):               {_ms(found['bare'])}")
    print(f"baseline, an empty new-case editor:   {_ms(found['baseline'])}")
    print(f"open a case, first paint:             {_ms(found['first_paint'])}  (goal: < 100 ms)")
    print(f"  CPU time of the GUI thread, empty:  {_ms(found['baseline_cpu'])}")
    print(f"  CPU time of the GUI thread, case:   {_ms(found['first_paint_cpu'])}")
    print(f"open a case, all loaded (background): {_ms(found['loaded'])}")
    bare = statistics.median(found["bare"])
    ratios = f"{first / base:.2f}x the empty editor, {first / bare:.1f}x the bare tab"
    print(f"first paint / baselines:              {ratios}")
    print(f"live check per edit (full case):      {_ms(found['live_check'])}")
