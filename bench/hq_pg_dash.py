"""HQ's overview on PostgreSQL beside the SQLCipher HQ, in the same run (issue 20): the
dashboard, ``tipdesk stats``, the districts' coverage, the devices' status and data quality.

Two district installs (Lahore and Multan) are filled with demo records and each exports one
bundle; two copies of one HQ install import them, the first into its SQLCipher store, the
second into PostgreSQL (a throwaway cluster like the tests', fsync off, or ``BENCH_PG_URL``,
an empty database). Each screen's service is then timed on each engine (the best of
``BENCH_HQ_PG_DASH_RUNS``, default 5; a PostgreSQL call includes opening its connection
pool, as the app does on every refresh) and the answers compared. It prints milliseconds and
the ratio PostgreSQL / SQLCipher. ``BENCH_HQ_PG_DASH_RECORDS`` (default 20000) records in
all, half per district.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.loaders import cluster_url, fresh_database, hq_and_two_bundles, sign_in_again
from tipdesk.services import (
    dashboard,
    data_quality,
    diary,
    figures,
    history,
    printouts,
    records,
    reports,
    sync,
)
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_pg
from tipdesk.services.sync.hq import DeviceStatus

SCREENS: dict[str, Callable[[Session], Any]] = {
    "dashboard (12 months)": lambda s: dashboard.dashboard(s),
    "dashboard (2025)": lambda s: dashboard.dashboard(
        s, dt.date(2025, 1, 1), dt.date(2025, 12, 31)
    ),
    "stats": lambda s: figures.stats(s, None, None),
    "coverage": lambda s: reports.district_coverage(s),
    "devices": lambda s: sync.device_status(s),
    "data quality": lambda s: dataclasses.replace(data_quality.data_quality(s), overlaps=[]),
    "linked cases": lambda s: data_quality.linked_cases(s),
    # The last screens on PostgreSQL (branch pgscreens); the case's lookup is in the time.
    "due panel": lambda s: diary.diary(s, limit=8),
    "due by officer": lambda s: diary.by_officer(s),
    "history (a case)": lambda s: history.history(s, "case", _first_case(s)),
    "case printout": lambda s: printouts.case_summary(s, _first_case(s)).data,
}


def _first_case(session: Session) -> str:
    return records.page(session, "case", limit=1)[0].id


def _comparable(result: Any) -> Any:
    """``result`` without what differs by when each HQ imported (the clock is the real one
    and the two imports run one after the other): a device's last-seen time."""
    if isinstance(result, list) and result and isinstance(result[0], DeviceStatus):
        return [dataclasses.replace(d, last_seen=None) for d in result]
    return result


def _best(session: Session, work: Callable[[Session], Any], runs: int) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = work(session)
        best = min(best, time.perf_counter() - t0)
    return best, result


def main() -> None:
    target = int(os.environ.get("BENCH_HQ_PG_DASH_RECORDS", "20000"))
    runs = int(os.environ.get("BENCH_HQ_PG_DASH_RUNS", "5"))
    admin_url, cluster = cluster_url()
    try:
        with tempfile.TemporaryDirectory() as tmp_name:
            tmp = Path(tmp_name)
            bundles = hq_and_two_bundles(tmp, target)
            shutil.copytree(tmp / "hq", tmp / "hq-pg")
            hqs = [sign_in_again(tmp / home) for home in ("hq", "hq-pg")]
            try:
                hq_pg.configure(hqs[1], fresh_database(admin_url, "bench_dash"))
                for session in hqs:
                    sync.import_files(session, bundles)
                print(f"{target:,} records; best of {runs}; PostgreSQL includes its pool's opening")
                for name, work in SCREENS.items():
                    lite_s, lite = _best(hqs[0], work, runs)
                    pg_s, pg = _best(hqs[1], work, runs)
                    same = _comparable(lite) == _comparable(pg)
                    times = f"SQLCipher {lite_s * 1000:7.1f} ms  PostgreSQL {pg_s * 1000:7.1f} ms"
                    print(f"{name:22} {times}  ({pg_s / lite_s:.2f}x)  same: {same}")
            finally:
                for session in hqs:
                    session.close()
    finally:
        if cluster is not None:
            cluster.stop()  # type: ignore[attr-defined]
