"""Analysts' search and list while two importers run, by importer CPU priority (issue 20):
``python -m bench hq_pg_busy``.

The measure of :mod:`bench.hq_pg_scale` ("while two importers applied ..."), repeated on
copies of one filled database so that ways of running the importers are compared on the same
footing, in turn, round after round (a shared machine's load drifts; interleaving spreads it):

- ``plain``: the importers as today;
- ``nice``: each importer process lowers its own CPU priority first
  (:func:`tipdesk.services.sync.cpu_share.yield_cpu`, what ``hq import-worker`` does), so that
  on the database's host the analysts' server processes get the CPU first. An unprivileged
  process may always lower its own priority;
- ``nice+server``: as ``nice``, and the importer's **server process** is lowered too. The
  bench may (it runs the cluster as root); an importer signed in over the network, or as an
  OS user other than the server's, may not, so this says what that would add, not what the
  app does.

Environment: ``BENCH_HQ_PG_RECORDS`` (default 40000: the two bundles imported, half each),
``BENCH_HQ_PG_CASES`` (default 200000: the database the analysts search, built as
:mod:`bench.hq_pg_scale` builds it, PostgreSQL only), ``BENCH_BUSY_ROUNDS`` (default 2),
``BENCH_BUSY_WAYS`` (default ``plain,nice,nice+server``).

After each ``plain`` import it also searches with nothing else running, first with the GIN
indexes' pending lists as the import left them, then once they are merged, to tell the
pending lists' cost from the CPU's.
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
import time
from pathlib import Path
from typing import Any

import psycopg

from bench import hq_pg_scale
from bench.hq_pg import _cluster_url, _district, _fresh_database
from bench.sync import _install
from tipdesk.core.codes import InstallRole
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.services import sync
from tipdesk.services.sync import cpu_share, hq_pg
from tipdesk.services.sync.hq_pg import OpenedBundle

NICE = cpu_share.IMPORTER_NICENESS
_OPENED: list[OpenedBundle] = []


def _import_child(url: str, index: int, way: str, queue: Any) -> None:
    if way != "plain":
        cpu_share.yield_cpu(NICE)
    db = HqDatabase(url, max_size=1)
    try:
        if way == "nice+server":
            with db.connection() as conn:
                (backend,) = conn.execute("SELECT pg_backend_pid()").fetchone() or (0,)
                conn.rollback()
            os.setpriority(os.PRIO_PROCESS, int(str(backend)), NICE)
        result = hq_pg.apply_opened(db, _OPENED[index])
        queue.put(sum(result.accepted.values()))
    finally:
        db.close()


def _p95(values: list[float]) -> float:
    return hq_pg_scale._p(values, 0.95) * 1000


def _busy(url: str, way: str, queries: list[tuple[str, str]]) -> str:
    fork = multiprocessing.get_context("fork")
    queue = fork.Queue()
    procs = [
        fork.Process(target=_import_child, args=(url, i, way, queue)) for i in range(len(_OPENED))
    ]
    db = HqDatabase(url, max_size=2)
    try:
        t0 = time.perf_counter()
        for p in procs:
            p.start()
        searches: list[float] = []
        lists: list[float] = []
        while any(p.is_alive() for p in procs):
            for _label, text in queries:
                searches.append(hq_pg_scale._timed(lambda t=text: hq_pg_scale._pg_search(db, t))[0])
            lists.append(hq_pg_scale._timed(lambda: hq_pg_scale._first_page(db, None))[0])
            lists.append(hq_pg_scale._timed(lambda: hq_pg_scale._first_page(db, "PB-LHR"))[0])
        accepted = sum(int(queue.get(timeout=600)) for _ in procs)
        for p in procs:
            p.join()
        took = time.perf_counter() - t0
    finally:
        db.close()
    return (f"{way:<12} import {accepted:,} records in {took:5.1f} s; search p95 "
            f"{_p95(searches):6.1f} ms (median {hq_pg_scale._p(searches, 0.5) * 1000:5.1f}, "
            f"{len(searches)} searches); list first page p95 {_p95(lists):6.1f} ms "
            f"({len(lists)} pages)")  # fmt: skip


_GIN = (
    "SELECT c.relname FROM pg_index AS i JOIN pg_class AS c ON c.oid = i.indexrelid "
    "JOIN pg_am AS a ON a.oid = c.relam WHERE a.amname = 'gin'"
)


def _idle_p95(db: HqDatabase, queries: list[tuple[str, str]]) -> float:
    times = [
        hq_pg_scale._timed(lambda t=text: hq_pg_scale._pg_search(db, t))[0]
        for _ in range(5)
        for _label, text in queries
    ]
    return _p95(times)


def _pending(url: str, queries: list[tuple[str, str]]) -> str:
    """After the import, nothing else running: search p95 with the GIN indexes' pending lists
    as the import left them, then once they are merged into the indexes (what autovacuum or
    the next import's overflow does): their difference is what the pending lists cost a
    search, without any CPU taken by an import."""
    with HqDatabase(url, max_size=1) as db:
        with_pending = _idle_p95(db, queries)
        with psycopg.connect(url, autocommit=True) as conn:
            names = [str(r[0]) for r in conn.execute(_GIN)]
            merged = sum(
                int(
                    str(
                        (
                            conn.execute(
                                "SELECT gin_clean_pending_list(%s::regclass)", (n,)
                            ).fetchone()
                            or (0,)
                        )[0]
                    )
                )
                for n in names
            )
        cleaned = _idle_p95(db, queries)
    return (f"idle after it: search p95 {with_pending:6.1f} ms with the pending lists left, "
            f"{cleaned:6.1f} ms once merged ({merged} pending pages)")  # fmt: skip


def main() -> None:
    records = int(os.environ.get("BENCH_HQ_PG_RECORDS", "40000"))
    cases = int(os.environ.get("BENCH_HQ_PG_CASES", "200000"))
    rounds = int(os.environ.get("BENCH_BUSY_ROUNDS", "2"))
    ways = os.environ.get("BENCH_BUSY_WAYS", "plain,nice,nice+server").split(",")
    admin, cluster = _cluster_url()
    global _OPENED
    try:
        with tempfile.TemporaryDirectory() as tmp_name:
            tmp = Path(tmp_name)
            hq = _install(tmp / "hq", InstallRole.HQ)
            try:
                sync.export_enrolment(hq, tmp / "hq.json")
                datas = [
                    _district(tmp, hq, "Lahore", "FIA-AHTC-LHR", "PB-LHR", records // 2),
                    _district(tmp, hq, "Multan", "FIA-AHTC-MLT", "PB-MLT", records // 2),
                ]
                base = _fresh_database(admin, "bench_busy")
                _store, cnics = hq_pg_scale._fill(base, cases, tmp, with_sqlite=False)
                with HqDatabase(base, max_size=1) as db:
                    hq_pg.link(hq, db)
                _OPENED = [hq_pg.open_bundle(hq, p.read_bytes()) for p in datas]
                queries = hq_pg_scale._queries(cnics)
                print(f"analysts at {cases:,} cases while two importers apply {records:,} "
                      f"records; importer niceness {NICE}:")  # fmt: skip
                n = 0
                for r in range(rounds):
                    for way in ways:
                        n += 1
                        with psycopg.connect(admin, autocommit=True) as conn:
                            conn.execute(
                                f'CREATE DATABASE "bench_busy_{n}" TEMPLATE "bench_busy"'.encode()
                            )
                        url = base.replace("/bench_busy?", f"/bench_busy_{n}?", 1)
                        line = _busy(url, way, queries)
                        load = os.getloadavg()[0]
                        print(f"  round {r + 1}: {line}; load {load:.1f}", flush=True)
                        if way == "plain":
                            print(f"    {_pending(url, queries)}", flush=True)
                        with psycopg.connect(admin, autocommit=True) as conn:
                            conn.execute(f'DROP DATABASE "bench_busy_{n}"'.encode())
            finally:
                hq.close()
    finally:
        if cluster is not None:
            cluster.stop()  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
