"""The HTTPS receiver and the importer workers, SQLCipher HQ beside PostgreSQL HQ (issue 20);
part of ``python -m bench hq_pg``.

``BENCH_HQ_PG_INBOX_DEVICES`` district devices (default 24), each with about
``BENCH_HQ_PG_INBOX_RECORDS`` demo records (default 300), upload one bundle each to HQ's
receiver on 127.0.0.1 (``tipdesk sync upload``'s network part, :data:`IN_FLIGHT` uploads at a
time; each upload also fetches its receipt), timed end to end:

- the SQLCipher HQ's receiver importing in the request (``hq serve --import``): bundles/s
  and records/s until every bundle is imported;
- the PostgreSQL HQ: the receiver storing into the inbox (bundles/s), then the importer
  workers (one, then two, each on a fresh database; threads of one process, as ``hq
  import-worker --workers N`` runs them) importing what waits (bundles/s, records/s), and
  the two phases together.

Records are those the bundles carry (their manifests' counts). PostgreSQL runs with fsync off
(the tests' cluster), the SQLCipher store with its own durability settings.
"""

from __future__ import annotations

import os
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from bench.loaders import install, link
from tipdesk.core.codes import InstallRole
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.paths import Paths
from tipdesk.services import sync
from tipdesk.services.demo.fill import fill
from tipdesk.services.session import Session, sign_in
from tipdesk.services.sync import hq_inbox, hq_pg
from tipdesk.services.sync import server as sync_server
from tipdesk.services.sync import upload as sync_upload
from tipdesk.services.sync.hq import DATABASE_SETTING

IN_FLIGHT = 8
DISTRICTS = (("Lahore", "FIA-AHTC-LHR"), ("Multan", "FIA-AHTC-MLT"), ("Peshawar", "FIA-AHTC-PSH"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def _serving(
    open_session: Callable[[], Session], port: int, tls: tuple[Path, Path], import_: bool
) -> Iterator[None]:
    worker = sync_server.StoreWorker(open_session)
    config = sync_server.ServerConfig(
        import_directly=import_, rate=1000, burst=1000, max_uploads=IN_FLIGHT
    )
    server = sync_server.make_server(worker, "127.0.0.1", port, tls[0], tls[1], config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        while not server.started:
            time.sleep(0.01)
        yield
    finally:
        server.should_exit = True
        thread.join(30)
        worker.close()


def _send_all(outs: list[tuple[sync_upload.UploadRun, sync_upload.Outgoing]]) -> list[str]:
    with ThreadPoolExecutor(IN_FLIGHT) as pool:
        answers = list(pool.map(lambda ro: ro[0].send(ro[1]), outs))
    bad = [e.message for a in answers for e in a.errors] + [
        "unreachable" for a in answers if not a.reachable
    ]
    if bad:
        raise SystemExit(f"uploads failed: {bad[:3]}")
    return [str(s["status"]) for a in answers for s in a.sent]


def _importers(
    side: sync_server.StoreWorker, db: HqDatabase, workers: int
) -> hq_inbox.ImportWorkers:
    """``workers`` importer threads opening bundles on ``side``'s session (its thread)."""
    return hq_inbox.ImportWorkers(
        db,
        lambda data: side.call(lambda s: hq_pg.open_bundle(s, data, source="upload")),
        lambda: side.call(lambda s: s.now()),
        workers=workers,
        poll=0.01,
    )


def run(tmp: Path, fresh_database: Callable[[str], str], passphrase: str) -> None:
    """The receiver and workers part of the bench (see the module docstring)."""
    n = int(os.environ.get("BENCH_HQ_PG_INBOX_DEVICES", "24"))
    per = int(os.environ.get("BENCH_HQ_PG_INBOX_RECORDS", "300"))
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from hq_https_support import make_cert  # the tests' self-signed certificate (not the app's)

    tls = make_cert(tmp / "tls", "hq")
    port = _free_port()
    url = f"https://127.0.0.1:{port}"
    hq_home = Paths(tmp / "rx-hq")
    hq = install(hq_home.home, InstallRole.HQ)
    outs: list[tuple[sync_upload.UploadRun, sync_upload.Outgoing]] = []
    records = 0
    try:
        sync.export_enrolment(hq, tmp / "rx-hq.json")
        for i in range(n):
            name, office = DISTRICTS[i % len(DISTRICTS)]
            d = install(tmp / f"rx-device{i}", InstallRole.DISTRICT, district=name, office=office)
            try:
                link(d, hq, tmp / "rx-hq.json", tmp / f"rx-device{i}.json")
                fill(d, seed=1000 + i, cases=max(1, per // 9))
                up = sync_upload.UploadRun(url, tls[0], attempts=5, budget=120, timeout=120)
                out = up.prepare(d)
                outs.append((up, out))
                records += sum(
                    sum(m.counts.values())
                    for m in (sync.check_bundle_bytes(hq, data) for _name, data in out.bundles)
                )
            finally:
                d.close()
        bundles = sum(len(o.bundles) for _r, o in outs)
    finally:
        hq.close()

    def reopen() -> Session:
        from tipdesk.core.clock import SystemClock

        return sign_in(hq_home, user="bench", passphrase=passphrase, clock=SystemClock())

    print(f"receiver and workers: {n} devices, {bundles} bundles, {records:,} records, "
          f"{IN_FLIGHT} uploads in flight")  # fmt: skip
    t0 = time.perf_counter()
    with _serving(reopen, port, tls, import_=True):
        statuses = _send_all(outs)
    lite_s = time.perf_counter() - t0
    assert statuses.count("imported") == bundles, statuses
    print(f"  SQLCipher HQ, receiver importing:   {lite_s:7.2f} s  {bundles / lite_s:7.1f} "
          f"bundles/s  {records / lite_s:>8,.0f} records/s")  # fmt: skip

    for workers in (1, 2):
        session = reopen()
        try:
            hq_pg.configure(session, fresh_database(f"bench_inbox_{workers}"))
        finally:
            session.close()
        t0 = time.perf_counter()
        with _serving(reopen, port, tls, import_=False):
            statuses = _send_all(outs)
        receive_s = time.perf_counter() - t0
        assert statuses.count("stored") == bundles, statuses
        side = sync_server.StoreWorker(reopen)
        try:
            assert side.database is not None
            db = side.database
            importers = _importers(side, db, workers)
            t1 = time.perf_counter()
            stats = importers.run_once()
            import_s = time.perf_counter() - t1
        finally:
            side.close()
        assert [i.status for i in stats.done].count("imported") == bundles, stats
        total = receive_s + import_s
        print(f"  PostgreSQL HQ, {workers} worker(s): receive {receive_s:6.2f} s "
              f"({bundles / receive_s:6.1f} bundles/s), import {import_s:6.2f} s "
              f"({bundles / import_s:6.1f} bundles/s, {records / import_s:>8,.0f} records/s), "
              f"together {bundles / total:6.1f} bundles/s {records / total:>8,.0f} records/s "
              f"({lite_s / total:.2f}x the SQLCipher HQ)")  # fmt: skip
    session = reopen()
    try:  # the install back as it was made: records in its own store
        session.store.set_settings({DATABASE_SETTING: ""}, session.actor())
    finally:
        session.close()
