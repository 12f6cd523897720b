"""Where a PostgreSQL import's CPU goes (issue 20's import goal): ``python -m bench hq_pg_profile``.

Builds the same two district bundles as :mod:`bench.hq_pg` (``BENCH_HQ_PG_RECORDS``, default
40000, half per district), then imports them into a fresh database of a throwaway cluster
started with ``pg_stat_statements``, one after the other, as one importer does. It prints:

- the importer's CPU seconds, split into opening the bundles (verify, decrypt, decode: HQ's
  receiver does this) and applying them (validate, merge, write: the importer's work), and
  the server's CPU seconds, each per 1,000 records;
- the server's statements by total execution time (``pg_stat_statements``);
- the importer's Python functions by own time (``cProfile``; its overhead inflates Python's
  share, so ``BENCH_PROFILE_PYTHON=0`` leaves it off for the CPU seconds themselves).

With ``BENCH_PROFILE_ALSO_SQLITE=1`` it first imports the bundles into the SQLCipher HQ too
and prints its CPU seconds per 1,000 records, for the ceiling arithmetic: two importers on two
free cores reach at most ``2 x SQLCipher CPU / (importer + server CPU)`` times the SQLCipher
HQ's records/s.
"""

from __future__ import annotations

import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

import psycopg

from bench.hq_pg import _accepted, _district, _fresh_database, _server_cpu
from bench.sync import _install
from tipdesk.core.codes import InstallRole
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.services import sync
from tipdesk.services.sync import hq_pg


def _cluster() -> object:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    import pg_cluster  # the tests' throwaway cluster (not part of the app)

    return pg_cluster.start(
        "-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all"
    )


def _statements(url: str, limit: int = 18) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT total_exec_time, calls, rows, "
            "left(regexp_replace(query, '\\s+', ' ', 'g'), 110) FROM pg_stat_statements "
            "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            "ORDER BY total_exec_time DESC LIMIT %s",
            (limit,),
        ).fetchall()
    print("server statements by total time (ms, calls, rows, statement):")
    for total, calls, n, text in rows:
        print(f"  {float(total):9.0f} {int(calls):6d} {int(n):8d}  {text}")


def main() -> None:
    target = int(os.environ.get("BENCH_HQ_PG_RECORDS", "40000"))
    profile = os.environ.get("BENCH_PROFILE_PYTHON", "1") == "1"
    cluster = _cluster()
    admin = cluster.url()  # type: ignore[attr-defined]
    try:
        with tempfile.TemporaryDirectory() as tmp_name:
            tmp = Path(tmp_name)
            hq = _install(tmp / "hq", InstallRole.HQ)
            try:
                sync.export_enrolment(hq, tmp / "hq.json")
                datas = [
                    _district(tmp, hq, "Lahore", "FIA-AHTC-LHR", "PB-LHR", target // 2),
                    _district(tmp, hq, "Multan", "FIA-AHTC-MLT", "PB-MLT", target // 2),
                ]
                datas_b = [p.read_bytes() for p in datas]
                if os.environ.get("BENCH_PROFILE_ALSO_SQLITE") == "1":
                    c0 = time.process_time()
                    n = _accepted([sync.import_bundle_bytes(hq, d) for d in datas_b])
                    lite = time.process_time() - c0
                    print(f"SQLCipher HQ: {n:,} records, CPU {lite:.2f} s "
                          f"({lite / n * 1000:.3f} s per 1,000)")  # fmt: skip
                url = _fresh_database(admin, "bench_profile")
                with psycopg.connect(url, autocommit=True) as conn:
                    conn.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
                db = HqDatabase(url, max_size=2)
                try:
                    hq_pg.link(hq, db)
                    with psycopg.connect(url, autocommit=True) as conn:
                        conn.execute("SELECT pg_stat_statements_reset()")
                    prof = cProfile.Profile()
                    s0 = _server_cpu(cluster)
                    open_cpu = apply_cpu = 0.0
                    rows = 0
                    t0 = time.perf_counter()
                    for data in datas_b:
                        c0 = time.process_time()
                        opened = hq_pg.open_bundle(hq, data)
                        c1 = time.process_time()
                        if profile:
                            prof.enable()
                        result = hq_pg.apply_opened(db, opened)
                        if profile:
                            prof.disable()
                        c2 = time.process_time()
                        open_cpu += c1 - c0
                        apply_cpu += c2 - c1
                        rows += sum(result.accepted.values())
                    wall = time.perf_counter() - t0
                    s1 = _server_cpu(cluster)
                finally:
                    db.close()
                server = (s1 or 0.0) - (s0 or 0.0)
                per = 1000 / rows
                note = " (under cProfile)" if profile else ""
                print(f"PostgreSQL, one importer: {rows:,} records in {wall:.2f} s; CPU per "
                      f"1,000 records: open {open_cpu * per:.3f} s, apply {apply_cpu * per:.3f} s "
                      f"{note}, server {server * per:.3f} s")  # fmt: skip
                _statements(url)
                if profile:
                    print("importer (apply) functions by own time:")
                    pstats.Stats(prof).sort_stats("tottime").print_stats(22)
            finally:
                hq.close()
    finally:
        cluster.stop()  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
