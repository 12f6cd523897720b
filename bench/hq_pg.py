"""HQ on PostgreSQL beside the SQLCipher HQ, in the same run (issue 20).

Two district installs (Lahore and Multan) are filled with demo records and each exports one
bundle; the same two bundles are then imported, through the services an officer's command
uses (verify, decrypt, decode, validate, merge, write):

- into the SQLCipher HQ (one writer: the bundles one after the other);
- into PostgreSQL with one importer (the bundles one after the other);
- into a fresh PostgreSQL database with two importers: one process per bundle (Python's work
  of validating and merging does not share one interpreter's lock), each applying its bundle
  in its own transaction holding its device's and records' locks. Verification and
  decryption use the HQ install's keys, so they run in HQ's process, as a receiver hands
  bundles to workers: bundle 1 is opened while importer 0 applies bundle 0. The time runs from
  the first bundle's opening to the last importer's commit; afterwards the database must hold
  every record and bundle exactly once, a verifying audit chain and the one-writer report.

It prints records/s for each and the ratios against the SQLCipher HQ (issue 20's goal: two
importers at least 1.5x the SQLite HQ), then the national report's time on each engine, then
the HTTPS receiver and the importer workers on each engine (:mod:`bench.hq_pg_inbox`).

Beside the wall-clock times it prints the CPU seconds each run used (the importing processes
and, with the bench's own cluster, every PostgreSQL server process): on a machine whose cores
are shared with other work the wall clock varies from run to run, the CPU seconds much less,
and their sum divided by the cores is the floor of any run's wall-clock time.

PostgreSQL: ``BENCH_PG_URL`` (an empty database), else a throwaway cluster started like the
tests' (``tests/pg_cluster.py``: Unix socket, **fsync off**; the SQLCipher store keeps its
own durability settings, so the comparison favours PostgreSQL on commit cost).
Environment: ``BENCH_HQ_PG_RECORDS`` (default 40000) records in all, half per district;
``BENCH_HQ_PG_RUNS`` (default 3) runs, each of the three ways in turn from HQ's store as it was
before any import (a copy) and fresh databases; the summary gives the best and median of each.

Then the analysts at scale (:mod:`bench.hq_pg_scale`: the national report and search at
``BENCH_HQ_PG_CASES`` cases, default 1,000,000, 0 to skip; search and a list page while the
same two bundles are imported).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import shutil
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg

from bench import hq_pg_inbox, hq_pg_scale
from bench.loaders import PASSPHRASE, cluster_url, fresh_database, hq_and_two_bundles
from tipdesk.core.clock import SystemClock
from tipdesk.hqstore.batch import verify_audit
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.paths import Paths
from tipdesk.reports.model import ReportParams
from tipdesk.reports.writers import report_dict
from tipdesk.services import reports, sync
from tipdesk.services.session import Session, sign_in
from tipdesk.services.sync import hq_pg
from tipdesk.services.sync.hq import ImportResult

PERIOD = ReportParams(dt.date(2000, 1, 1), dt.date(2100, 12, 31))


_OPENED: list[hq_pg.OpenedBundle] = []


def _apply_in_child(url: str, index: int, queue: Any) -> None:
    """An importer process (forked once bundle ``index`` was opened): applies it with its own
    pool and reports the records it accepted, its CPU seconds and its server process."""
    db = HqDatabase(url, max_size=1)
    try:
        with db.connection() as conn:  # the pool's one connection: the one importing
            (backend,) = conn.execute("SELECT pg_backend_pid()").fetchone() or (0,)
            conn.rollback()
        result = hq_pg.apply_opened(db, _OPENED[index])
        queue.put((sum(result.accepted.values()), time.process_time(), int(str(backend))))
    finally:
        db.close()


def _reaped(pids: list[int]) -> None:
    """Wait (up to 10 s) until the ended importers' server processes are reaped by the
    postmaster, whose children's times then include theirs (a zombie's are not counted)."""
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.01)


def _server_cpu(cluster: object | None) -> float | None:
    """CPU seconds used so far by the bench's own cluster's processes (the postmaster and
    its children, ended backends included through the postmaster's children's times);
    ``None`` for a server elsewhere."""
    if cluster is None:
        return None
    data = Path(cluster.data)  # type: ignore[attr-defined]
    try:
        postmaster = int((data / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            pid_text, rest = stat.read_text().rsplit(")", 1)
        except OSError:
            continue  # ended meanwhile
        fields = rest.split()
        pid = int(pid_text.split("(")[0])
        if pid == postmaster:
            # its own time and that of its ended children (backends that closed)
            total += sum(int(f) for f in fields[11:15]) / tick
        elif int(fields[1]) == postmaster:
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def _cpu_text(
    client: float, server_before: float | None, server_after: float | None, cores: int = 1
) -> str:
    """The run's CPU seconds; with ``cores`` > 1, the wall-clock floor on that many free
    cores (all the CPU seconds spread evenly over them)."""
    if server_before is None or server_after is None:
        return f"CPU {client:.2f} s in the importers (server elsewhere)"
    server = server_after - server_before
    text = f"CPU {client + server:.2f} s = importers {client:.2f} + PostgreSQL {server:.2f}"
    if cores > 1:
        text += f"; on {cores} free cores at best {(client + server) / cores:.2f} s"
    return text


def _check_once(url: str, rows: int, bundles: int) -> None:
    """Every record and bundle stored exactly once, the audit chain verifying."""
    with psycopg.connect(url) as conn:
        held = 0
        for table in ("cases", "accused", "victims", "referrals", "trainings", "campaigns"):
            (n,) = conn.execute(f"SELECT count(*) FROM {table}".encode()).fetchone() or (0,)
            held += int(n)
        (stored,) = conn.execute("SELECT count(*) FROM sync_bundles").fetchone() or (0,)
        ok, _entries = verify_audit(conn)
    assert held == rows and int(stored) == bundles and ok, (held, rows, stored, ok)


def _content(report: Any) -> dict[str, Any]:
    """The report's JSON document without its generation time."""
    return {k: v for k, v in report_dict(report).items() if k != "generated_at"}


def _accepted(results: list[ImportResult]) -> int:
    return sum(sum(r.accepted.values()) for r in results)


@dataclass
class _Run:
    """One run's wall-clock seconds and CPU text per engine."""

    sqlite: float
    one: float
    two: float
    sqlite_cpu: float
    two_cpu: float | None  # importers and server; None for a server elsewhere


def _sqlite_run(hq: Session, datas: list[bytes]) -> tuple[float, int, float]:
    c0, t0 = time.process_time(), time.perf_counter()
    rows = _accepted([sync.import_bundle_bytes(hq, d) for d in datas])
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"  SQLCipher HQ, one writer:    {wall:6.2f} s {rows / wall:>8,.0f} records/s  "
          f"[CPU {cpu:.2f} s]")  # fmt: skip
    return wall, rows, cpu


def _one_run(hq: Session, datas: list[bytes], url: str, cluster: object | None) -> float:
    one = HqDatabase(url, max_size=2)
    try:
        hq_pg.link(hq, one)
        s0 = _server_cpu(cluster)
        c0, t0 = time.process_time(), time.perf_counter()
        rows = _accepted([hq_pg.import_bundle_bytes(hq, one, d) for d in datas])
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        s1 = _server_cpu(cluster)
    finally:
        one.close()
    _check_once(url, rows, len(datas))
    print(f"  PostgreSQL, one importer:    {wall:6.2f} s {rows / wall:>8,.0f} records/s  "
          f"[{_cpu_text(cpu, s0, s1)}]")  # fmt: skip
    return wall


def _two_run(
    hq: Session, datas: list[bytes], url: str, cluster: object | None
) -> tuple[float, float | None]:
    two = HqDatabase(url, max_size=1)
    try:
        hq_pg.link(hq, two)
    finally:
        two.close()
    global _OPENED
    _OPENED = []
    fork = multiprocessing.get_context("fork")
    queue = fork.Queue()
    procs = []
    s0 = _server_cpu(cluster)
    c0, t0 = time.process_time(), time.perf_counter()
    for i, data in enumerate(datas):
        # Opened in HQ's process (its keys), then handed to an importer process forked
        # with it, while the next bundle is opened.
        _OPENED.append(hq_pg.open_bundle(hq, data))
        proc = fork.Process(target=_apply_in_child, args=(url, i, queue))
        proc.start()
        procs.append(proc)
    done = [queue.get(timeout=600) for _ in procs]
    for proc in procs:
        proc.join()
    wall = time.perf_counter() - t0
    cpu = time.process_time() - c0 + sum(float(c) for _n, c, _pid in done)
    _reaped([int(pid) for _n, _c, pid in done])
    s1 = _server_cpu(cluster)
    rows = sum(int(n) for n, _c, _pid in done)
    _check_once(url, rows, len(datas))
    print(f"  PostgreSQL, two importers:   {wall:6.2f} s {rows / wall:>8,.0f} records/s  "
          f"[{_cpu_text(cpu, s0, s1, 2)}]")  # fmt: skip
    return wall, None if s0 is None or s1 is None else cpu + s1 - s0


def _reports(hq: Session, urls: list[str]) -> None:
    t0 = time.perf_counter()
    lite_report = reports.build_report(hq, PERIOD)
    lite_s = time.perf_counter() - t0
    contents = []
    pg_s = 0.0
    for url in urls:
        with HqDatabase(url, max_size=1) as db:
            t0 = time.perf_counter()
            contents.append(_content(hq_pg.build_report(hq, db, PERIOD)))
            pg_s = pg_s or time.perf_counter() - t0
    same = all(c == _content(lite_report) for c in contents)
    print(f"national report: SQLCipher {lite_s * 1000:.0f} ms, PostgreSQL "
          f"{pg_s * 1000:.0f} ms ({pg_s / lite_s:.2f}x; PostgreSQL from its summary tables); "
          f"same JSON (one and two importers): {same}")  # fmt: skip


def main() -> None:
    target = int(os.environ.get("BENCH_HQ_PG_RECORDS", "40000"))
    runs = int(os.environ.get("BENCH_HQ_PG_RUNS", "3"))
    admin_url, cluster = cluster_url()
    try:
        with tempfile.TemporaryDirectory() as tmp_name:
            tmp = Path(tmp_name)
            bundles = hq_and_two_bundles(tmp, target)
            datas = [b.read_bytes() for b in bundles]
            # Each run starts from HQ's store as it was before any import (a copy), so the
            # three ways are measured in turn, run after run, on the same footing.
            shutil.copytree(tmp / "hq", tmp / "hq-before")
            results: list[_Run] = []
            rows = 0
            for run in range(runs):
                shutil.rmtree(tmp / "hq")
                shutil.copytree(tmp / "hq-before", tmp / "hq")
                hq = sign_in(Paths(tmp / "hq"), user="bench", passphrase=PASSPHRASE,
                             clock=SystemClock())  # fmt: skip
                try:
                    print(f"run {run + 1} of {runs}:")
                    sqlite_s, rows, sqlite_cpu = _sqlite_run(hq, datas)
                    one_url = fresh_database(admin_url, f"bench_one_{run}")
                    two_url = fresh_database(admin_url, f"bench_two_{run}")
                    one_s = _one_run(hq, datas, one_url, cluster)
                    two_s, two_cpu = _two_run(hq, datas, two_url, cluster)
                    results.append(_Run(sqlite_s, one_s, two_s, sqlite_cpu, two_cpu))
                    if run == runs - 1:
                        _reports(hq, [one_url, two_url])
                        if int(os.environ.get("BENCH_HQ_PG_CASES", "1000000")) > 0:
                            scale_url = fresh_database(admin_url, "bench_scale")
                            hq_pg_scale.run(hq, scale_url, datas)
                finally:
                    hq.close()
            _summary(results, rows)
            (tmp / "inbox").mkdir()
            hq_pg_inbox.run(tmp / "inbox", lambda name: fresh_database(admin_url, name), PASSPHRASE)
    finally:
        if cluster is not None:
            cluster.stop()  # type: ignore[attr-defined]


def _summary(results: list[_Run], rows: int) -> None:
    """Best and median of each way, and the ratios against the SQLCipher HQ (best to best,
    and run by run: other work on a shared machine only ever slows a run down)."""

    def line(name: str, walls: list[float], ratios: list[float] | None) -> None:
        best, mid = min(walls), statistics.median(walls)
        text = (f"{name:<28} best {rows / best:>8,.0f} records/s, median "
                f"{rows / mid:>8,.0f}")  # fmt: skip
        if ratios is not None:
            text += (f"  ({min(results, key=lambda r: r.sqlite).sqlite / best:.2f}x the "
                     f"SQLCipher HQ best to best; run by run "
                     f"{', '.join(f'{x:.2f}x' for x in ratios)})")  # fmt: skip
        print(text)

    print(f"{rows:,} records in two bundles, {len(results)} runs:")
    line("SQLCipher HQ, one writer", [r.sqlite for r in results], None)
    line("PostgreSQL, one importer", [r.one for r in results], [r.sqlite / r.one for r in results])
    line(
        "PostgreSQL, two importers",
        [r.two for r in results],
        [r.sqlite / r.two for r in results],
    )
    cpus = [r.two_cpu for r in results if r.two_cpu is not None]
    if cpus:
        lite, pg = statistics.median(r.sqlite_cpu for r in results), statistics.median(cpus)
        # Two importers spread the work over two cores at best: this ratio is their ceiling
        # on a machine with two free cores, whatever the scheduling.
        print(f"CPU seconds (medians): SQLCipher HQ {lite:.2f}, PostgreSQL two importers "
              f"{pg:.2f} (importers and server); on two free cores two importers reach at "
              f"most {2 * lite / pg:.2f}x the SQLCipher HQ")  # fmt: skip
    print("goal: two importers at least 1.5x the SQLCipher HQ")


if __name__ == "__main__":
    main()
