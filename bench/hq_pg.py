"""HQ on PostgreSQL beside the SQLCipher HQ, in the same run (issue 20).

Two district installs (Lahore and Multan) are filled with demo records and each exports one
bundle; the same two bundles are then imported, through the services an officer's command
uses (verify, decrypt, decode, validate, merge, write):

- into the SQLCipher HQ (one writer: the bundles one after the other);
- into PostgreSQL with one importer (the bundles one after the other);
- into a fresh PostgreSQL database with two importers (one process per bundle, each in its own
  transaction holding its device's and records' locks; verification and decryption, which use
  the HQ install's keys, happen first in HQ's process and are counted in the time).

It prints records/s for each and the ratios against the SQLCipher HQ (issue 20's goal: two
importers at least 1.5x the SQLite HQ), then the national report's time on each engine.

PostgreSQL: ``BENCH_PG_URL`` (an empty database), else a throwaway cluster started like the
tests' (``tests/pg_cluster.py``: Unix socket, **fsync off**; the SQLCipher store keeps its
own durability settings, so the comparison favours PostgreSQL on commit cost).
Environment: ``BENCH_HQ_PG_RECORDS`` (default 40000) records in all, half per district.

Then the analysts at scale (:mod:`bench.hq_pg_scale`: the national report and search at
``BENCH_HQ_PG_CASES`` cases, default 1,000,000, 0 to skip; search and a list page while the
same two bundles are imported).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psycopg

from bench import hq_pg_scale
from bench.sync import _fill_district, _install
from tipdesk.core.codes import InstallRole
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.reports.model import ReportParams
from tipdesk.reports.writers import report_dict
from tipdesk.services import reports, sync
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_pg
from tipdesk.services.sync.hq import ImportResult

PERIOD = ReportParams(dt.date(2000, 1, 1), dt.date(2100, 12, 31))


def _cluster_url() -> tuple[str, object | None]:
    url = os.environ.get("BENCH_PG_URL")
    if url:
        return url, None
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    import pg_cluster  # the tests' throwaway cluster (not part of the app)

    cluster = pg_cluster.start()
    return cluster.url(), cluster


def _fresh_database(admin_url: str, name: str) -> str:
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0'.encode())
    return admin_url.replace("/postgres?", f"/{name}?", 1)


def _district(tmp: Path, hq: Session, name: str, office: str, code: str, rows: int) -> Path:
    district = _install(tmp / name, InstallRole.DISTRICT, district=name, office=office)
    try:
        sync.enroll(district, tmp / "hq.json")
        sync.export_device_file(district, tmp / f"{name}.json")
        sync.register_device(hq, tmp / f"{name}.json")
        _fill_district(district, rows, code, office)
        out = tmp / f"out-{name}"
        out.mkdir()
        result = sync.export_bundle(district, out)
        assert result.path is not None
        return result.path
    finally:
        district.close()


_OPENED: list[hq_pg.OpenedBundle] = []


def _apply_in_child(url: str, index: int, queue: Any) -> None:
    """An importer process (forked after the bundles were opened): applies bundle ``index``
    with its own pool and reports the records it accepted."""
    db = HqDatabase(url, max_size=1)
    try:
        result = hq_pg.apply_opened(db, _OPENED[index])
        queue.put(sum(result.accepted.values()))
    finally:
        db.close()


def _content(report: Any) -> dict[str, Any]:
    """The report's JSON document without its generation time."""
    return {k: v for k, v in report_dict(report).items() if k != "generated_at"}


def _accepted(results: list[ImportResult]) -> int:
    return sum(sum(r.accepted.values()) for r in results)


def main() -> None:
    target = int(os.environ.get("BENCH_HQ_PG_RECORDS", "40000"))
    admin_url, cluster = _cluster_url()
    try:
        with tempfile.TemporaryDirectory() as tmp_name:
            tmp = Path(tmp_name)
            hq = _install(tmp / "hq", InstallRole.HQ)
            try:
                sync.export_enrolment(hq, tmp / "hq.json")
                bundles = [
                    _district(tmp, hq, "Lahore", "FIA-AHTC-LHR", "PB-LHR", target // 2),
                    _district(tmp, hq, "Multan", "FIA-AHTC-MLT", "PB-MLT", target // 2),
                ]
                datas = [b.read_bytes() for b in bundles]

                t0 = time.perf_counter()
                on_sqlite = [sync.import_bundle_bytes(hq, d) for d in datas]
                sqlite_s = time.perf_counter() - t0
                rows = _accepted(on_sqlite)
                print(f"SQLCipher HQ, one writer:        {sqlite_s:7.2f} s  "
                      f"{rows / sqlite_s:>9,.0f} records/s ({rows:,} records)")  # fmt: skip

                one = HqDatabase(_fresh_database(admin_url, "bench_one"), max_size=2)
                hq_pg.link(hq, one)
                t0 = time.perf_counter()
                on_pg = [hq_pg.import_bundle_bytes(hq, one, d) for d in datas]
                one_s = time.perf_counter() - t0
                assert _accepted(on_pg) == rows
                print(f"PostgreSQL, one importer:        {one_s:7.2f} s  "
                      f"{rows / one_s:>9,.0f} records/s  ({sqlite_s / one_s:.2f}x the "
                      "SQLCipher HQ)")  # fmt: skip

                two_url = _fresh_database(admin_url, "bench_two")
                two = HqDatabase(two_url, max_size=3)
                hq_pg.link(hq, two)
                t0 = time.perf_counter()
                opened = [hq_pg.open_bundle(hq, d) for d in datas]
                open_s = time.perf_counter() - t0
                # One process per importer (as HQ's importer workers run): Python's work of
                # decoding, validating and merging does not share one interpreter's lock.
                global _OPENED
                _OPENED = opened
                fork = multiprocessing.get_context("fork")
                queue = fork.Queue()
                url = two_url
                procs = [
                    fork.Process(target=_apply_in_child, args=(url, i, queue))
                    for i in range(len(opened))
                ]
                t1 = time.perf_counter()
                for p in procs:
                    p.start()
                accepted_two = sum(int(queue.get(timeout=600)) for _ in procs)
                for p in procs:
                    p.join()
                apply_s = time.perf_counter() - t1
                two_s = open_s + apply_s
                assert accepted_two == rows, (accepted_two, rows)
                print(f"PostgreSQL, two importers:       {two_s:7.2f} s  "
                      f"{rows / two_s:>9,.0f} records/s  ({sqlite_s / two_s:.2f}x the "
                      f"SQLCipher HQ; goal 1.5x)  [verify+decrypt {open_s:.2f} s in HQ's "
                      f"process, apply {apply_s:.2f} s in two processes]")  # fmt: skip

                t0 = time.perf_counter()
                lite_report = reports.build_report(hq, PERIOD)
                lite_s = time.perf_counter() - t0
                t0 = time.perf_counter()
                pg_report = hq_pg.build_report(hq, one, PERIOD)
                pg_s = time.perf_counter() - t0
                same = _content(lite_report) == _content(pg_report)
                print(f"national report: SQLCipher {lite_s * 1000:.0f} ms, PostgreSQL "
                      f"{pg_s * 1000:.0f} ms ({pg_s / lite_s:.2f}x); "
                      f"same JSON: {same}")  # fmt: skip
                one.close()
                two.close()
                if int(os.environ.get("BENCH_HQ_PG_CASES", "1000000")) > 0:
                    hq_pg_scale.run(hq, _fresh_database(admin_url, "bench_scale"), datas)
            finally:
                hq.close()
    finally:
        if cluster is not None:
            cluster.stop()  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
