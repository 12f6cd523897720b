"""The PostgreSQL HQ's receiver split from its importers (issue 20): the importer workers
build and sign each device's receipt and store it in the receipt outbox; the receiver, signed
in as its own login with no importer rights, only serves the newest stored one. A district
gets the receipt the SQLCipher HQ gives for the same bundles, and once the workers caught up
no stored receipt is older than what HQ imported. Synthetic data only; the receiver runs on
127.0.0.1."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from hq_https_support import free_port, make_cert
from sync_support import case_for, export, link, make_district, reopen, run_cli
from test_hq_pg_inbox import _no_wait, _opened, _over_the_limit
from test_hq_pg_roles import hq_with_victim, login, refused

from tipdesk.core.clock import FixedClock
from tipdesk.hqstore import outbox, roles
from tipdesk.hqstore.batch import verify_audit
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.services import records, sync
from tipdesk.services.demo.fill import fill
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_inbox, hq_pg, hq_pg_outbox
from tipdesk.services.sync import server as sync_server
from tipdesk.services.sync import upload as sync_upload
from tipdesk.sync import payload

__all__ = ["hq_with_victim"]  # the fixture, shared with the roles' tests

AT = "2026-01-01T00:00:00Z"


@contextmanager
def receiver_only(
    hq: Session, clock: FixedClock, tls: tuple[Path, Path], login_name: str
) -> Iterator[tuple[str, sync_server.StoreWorker]]:
    """`tipdesk hq serve --receiver-login LOGIN --workers 0` on a free loopback port: its
    URL and its store worker."""
    worker = sync_server.StoreWorker(
        lambda: reopen(hq.paths, clock), receiver_login=login_name, importer=False
    )
    port = free_port()
    server = sync_server.make_server(
        worker, "127.0.0.1", port, tls[0], tls[1], sync_server.ServerConfig()
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while not server.started:
            assert thread.is_alive() and time.monotonic() < deadline, "server did not start"
            time.sleep(0.02)
        yield f"https://127.0.0.1:{port}", worker
    finally:
        server.should_exit = True
        thread.join(10)
        worker.close()


def test_the_receiver_login_alone_serves_the_receipts_an_importer_built_elsewhere(
    hq_with_victim: tuple[Session, Session, str],
    pg_url: str,
    tmp_path: Path,
    svc_clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lahore, hq, _victim = hq_with_victim
    receiver_url = login(pg_url, "t_recv", roles.RECEIVER)
    login(pg_url, "t_imp", roles.IMPORTER)
    records.save(lahore, [case_for(lahore, case_number="FIR 9713/2019")])
    tls = make_cert(tmp_path / "tls", "hq")
    with receiver_only(hq, svc_clock, tls, "t_recv") as (url, worker):
        # The serve process holds the receiver's login and no other.
        assert worker.database is None and worker.inbox_database is not None
        with worker.inbox_database.connection() as conn:
            assert conn.execute("SELECT current_user").fetchone() == ("t_recv",)
            conn.rollback()
        sync_upload.configure(lahore, url, tls[0])
        first = sync_upload.upload(lahore, sleep=_no_wait)
        assert first.errors == [] and first.reachable
        # Bundle 1 was imported before (no receipt stored yet), bundle 2 waits in the inbox.
        assert sorted((s["sequence"], s["status"]) for s in first.sent) == [
            (1, "duplicate"),
            (2, "stored"),
        ]
        assert first.receipt is None and first.waiting == 2
        # `tipdesk hq import-worker` elsewhere, as the importer, imports and builds receipts.
        assert run_cli(monkeypatch, hq, "hq", "import-worker", "--importer-login", "t_imp",
                       "--once") == 0  # fmt: skip
        again = sync_upload.upload(lahore, sleep=_no_wait)
        assert again.errors == []
        receipt = again.receipt
        assert receipt is not None and sorted(receipt.acknowledged) == [1, 2]
        assert again.waiting == 0 and sync.outbox_files(lahore) == []
        # Fetched again, the same stored receipt: the district applies it once.
        once_more = sync_upload.upload(lahore, sleep=_no_wait)
        assert once_more.receipt is not None and once_more.receipt.status == "duplicate"
    with psycopg.connect(pg_url) as conn:
        assert verify_audit(conn)[0]
        issued = conn.execute(
            "SELECT user_name, count(*) FROM audit WHERE action = 'sync.receipt.issue' "
            "GROUP BY user_name"
        ).fetchall()
        assert len(issued) == 1 and int(str(issued[0][1])) >= 1  # by the importer's session
    # The receiver reads a stored receipt's device and bytes, and nothing else.
    with HqDatabase(receiver_url, max_size=1) as db:
        assert hq_pg_outbox.stored(db, lahore.install.device_id)
    for sql in (
        "SELECT serial FROM sync_receipt_outbox",
        "SELECT * FROM cases",
        "SELECT * FROM changes",
        "SELECT data FROM sync_inbox",
        "SELECT * FROM sync_bundles",
        "SELECT * FROM audit",
        "UPDATE sync_receipt_outbox SET data = ''",
        "DELETE FROM sync_receipt_outbox",
    ):
        refused(receiver_url, sql)


def _received(side: sync_server.StoreWorker, db: HqDatabase, data: bytes) -> None:
    manifest = side.call(lambda s: sync.check_bundle_bytes(s, data))
    assert hq_inbox.receive(db, data, manifest, AT)["status"] == "stored"


def _catch_up(side: sync_server.StoreWorker, db: HqDatabase) -> hq_inbox.WorkerStats:
    """Two importer workers building receipts, as `hq import-worker --once` runs them."""
    return hq_inbox.ImportWorkers(
        db,
        lambda data: side.call(lambda s: hq_pg.open_bundle(s, data, source="upload")),
        lambda: side.call(lambda s: s.now()),
        workers=2,
        poll=0.02,
        receipts=lambda device: hq_pg_outbox.refresh(db, side.call, device),
    ).run_once()


def test_stored_receipts_are_the_sqlcipher_hqs_and_never_older_than_what_hq_imported(
    svc_linked: tuple[Session, Session], tmp_path: Path, svc_clock: FixedClock, pg_url: str
) -> None:
    """The same bundles imported into both engines: each device's stored receipt (built by
    the workers, some rebuilt after another device's import) is the receipt the SQLCipher HQ
    issues now: acknowledgements, quarantine, records back and linked-accused notices. A
    later import from another device reaches a device's stored receipt though it sent
    nothing."""
    lahore, hq = svc_linked
    second = make_district(tmp_path / "lahore2", svc_clock)  # another device of Lahore
    multan = make_district(tmp_path / "multan", svc_clock, which=1)
    side = sync_server.StoreWorker(lambda: reopen(hq.paths, svc_clock))
    try:
        for d in (second, multan):
            link(d, hq, tmp_path / "files")
        with HqDatabase(pg_url, max_size=4) as db:
            hq_pg.link(hq, db)
            fill(lahore, seed=61, cases=5)
            bad = _over_the_limit(lahore)
            ours, theirs = case_for(lahore), case_for(multan)
            theirs.accused[0].cnic = ours.accused[0].cnic
            records.save(lahore, [ours])
            records.save(multan, [theirs])
            records.save(second, [case_for(second)])
            districts = (lahore, second, multan)
            for d in districts:
                data = export(d, tmp_path / f"out-{d.install.device_id}").read_bytes()
                sync.import_bundle_bytes(hq, data)  # the SQLCipher HQ
                _received(side, db, data)
            stats = _catch_up(side, db)
            assert sorted(i.status for i in stats.done) == ["imported"] * 3
            assert stats.failures == 0
            for d in districts:
                device = d.install.device_id
                served = hq_pg_outbox.stored(db, device)
                assert served is not None
                on_pg, on_sqlite = _opened(d, served), _opened(d, sync.receipt_for(hq, device))
                assert on_pg.pop("serial") > 0 and on_sqlite.pop("serial") > 0
                assert on_pg == on_sqlite, d.install.district
            on_lahore = _opened(lahore, hq_pg_outbox.stored(db, lahore.install.device_id) or b"")
            # Non-trivial: each part the comparison covers holds something.
            assert on_lahore["bundles"] and on_lahore["notices"] and on_lahore["records"]
            assert [q["record_id"] for q in on_lahore["quarantined"]].count(bad.id) == 1
            with db.connection() as conn:
                assert outbox.due(conn, 100) == []  # caught up: nothing out of date
                conn.rollback()

            # The other Lahore device sends a new case; Lahore sends nothing.
            late = case_for(second, case_number="FIR 9714/2019")
            records.save(second, [late])
            _received(side, db, export(second, tmp_path / "late").read_bytes())
            assert [i.status for i in _catch_up(side, db).done] == ["imported"]
            got = _opened(lahore, hq_pg_outbox.stored(db, lahore.install.device_id) or b"")
            back = payload.decode_records(got["records"])
            assert late.id in {r.record_id for r in back.get("case", [])}
            assert got["serial"] > on_lahore["serial"]
    finally:
        side.close()
        second.close()
        multan.close()
