"""The PostgreSQL HQ's receiver, importer workers and receipts (issue 20): the receiver stores
bundles in the database's inbox and answers at once; workers claim them with SKIP LOCKED and
import each exactly once; receipts are built from PostgreSQL and districts apply them
unchanged. Synthetic data only; the receiver runs on 127.0.0.1."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from hq_https_support import hq_serving, make_cert
from svc_support import SVC_ADMIN, SVC_PASSPHRASE, SVC_START
from sync_support import case_for, export, link, make_district, make_hq, reopen, run_cli

from tipdesk.core.clock import FixedClock
from tipdesk.core.records import Case
from tipdesk.hqstore import inbox as pg_inbox
from tipdesk.hqstore.batch import verify_audit
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.paths import Paths
from tipdesk.services import records, sync
from tipdesk.services.demo.fill import fill
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_inbox, hq_pg, hq_pg_outbox, hq_pg_receipts
from tipdesk.services.sync import server as sync_server
from tipdesk.services.sync import upload as sync_upload
from tipdesk.services.sync.common import own_identity
from tipdesk.sync import container, receipt
from tipdesk.sync.errors import RevokedSender


@contextmanager
def importer_side(hq: Paths, clock: FixedClock) -> Iterator[sync_server.StoreWorker]:
    """A second signed-in HQ session on its own thread, as `tipdesk hq import-worker` runs
    beside `tipdesk hq serve`; its ``database`` is the HQ's PostgreSQL pool."""
    side = sync_server.StoreWorker(lambda: reopen(hq, clock))
    try:
        assert side.database is not None
        yield side
    finally:
        side.close()


def workers(side: sync_server.StoreWorker, n: int) -> hq_inbox.ImportWorkers:
    """``n`` importer workers on the side's session, building the receipts as `hq serve`'s
    and `hq import-worker`'s do."""
    db = side.database
    assert db is not None
    return hq_inbox.ImportWorkers(
        db,
        lambda data: side.call(lambda s: hq_pg.open_bundle(s, data, source="upload")),
        lambda: side.call(lambda s: s.now()),
        workers=n,
        poll=0.05,
        receipts=lambda device: hq_pg_outbox.refresh(db, side.call, device),
    )


def _receive(side: sync_server.StoreWorker, data: bytes) -> dict[str, object]:
    """What the receiver does with an upload once the device is authenticated."""
    assert side.database is not None
    db = side.database
    manifest = side.call(lambda s: sync.check_bundle_bytes(s, data))
    return hq_inbox.receive(db, data, manifest, "2026-01-01T00:00:00Z")


def _edit(session: Session, seed: int) -> None:
    """Something new to send: demo records the first time, then a few more cases."""
    if not session.store.count("case"):
        fill(session, seed=seed, cases=4)
    else:
        more = [case_for(session, case_number=f"PGI {seed}-{k}/2025") for k in range(3)]
        records.save(session, more)


def test_two_workers_import_every_bundle_exactly_once_and_refuse_a_bad_one(
    svc_linked: tuple[Session, Session], pg_url: str, tmp_path: Path, svc_clock: FixedClock
) -> None:
    lahore, hq = svc_linked
    multan = make_district(tmp_path / "multan", svc_clock, which=1)
    peshawar = make_district(tmp_path / "peshawar", svc_clock, which=2)
    try:
        for d in (multan, peshawar):
            link(d, hq, tmp_path / "files")
        hq_pg.configure(hq, pg_url)
        bundles: list[bytes] = []
        for round_ in range(4):
            for i, d in enumerate((lahore, multan)):
                _edit(d, seed=100 + 10 * round_ + i)
                bundles.append(export(d, tmp_path / f"out-{round_}-{i}").read_bytes())
        records.save(peshawar, [case_for(peshawar)])
        late = export(peshawar, tmp_path / "peshawar-out").read_bytes()
        with importer_side(hq.paths, svc_clock) as side:
            assert side.database is not None
            answers = [_receive(side, b) for b in [*bundles, late]]
            assert [a["status"] for a in answers] == ["stored"] * 9
            # Sent again before any import: a duplicate, nothing stored twice.
            assert _receive(side, bundles[0])["status"] == "duplicate"
            late_manifest = side.call(lambda s: sync.check_bundle_bytes(s, late))
            # Peshawar's device is revoked after its bundle was received: refused, once.
            sync.revoke_device(hq, peshawar.install.device_id)
            stats = workers(side, 2).run_once()
            assert stats.failures == 0
            done = sorted((i.device_id, i.seq, i.status) for i in stats.done)
            expected = sorted(
                [
                    (d.install.device_id, s, "imported")
                    for d in (lahore, multan)
                    for s in (1, 2, 3, 4)
                ]
                + [(peshawar.install.device_id, 1, "refused")]
            )
            assert done == expected
            refused = [i for i in stats.done if i.status == "refused"]
            assert "revoked" in refused[0].error
            # Nothing is left for another run: a refused bundle is never retried.
            assert workers(side, 2).run_once().done == []
            # The receiver now refuses it at its check; sent past the check, the inbox
            # tells what the importer said.
            with pytest.raises(RevokedSender):
                _receive(side, late)
            with pytest.raises(hq_inbox.BundleRefused, match="revoked"):
                hq_inbox.receive(side.database, late, late_manifest, "2026-01-02T00:00:00Z")
            assert _receive(side, bundles[3])["status"] == "duplicate"  # imported already
        with psycopg.connect(pg_url) as conn:
            rows = conn.execute(
                "SELECT device_id, seq, count(*) FROM sync_bundles GROUP BY device_id, seq"
            ).fetchall()
            assert sorted((str(d), int(str(s)), int(str(n))) for d, s, n in rows) == sorted(
                (d.install.device_id, s, 1) for d in (lahore, multan) for s in (1, 2, 3, 4)
            )
            (imports,) = conn.execute(
                "SELECT count(*) FROM audit WHERE action = 'sync.import'"
            ).fetchone() or (0,)
            assert imports == 8
            assert pg_inbox.counts(conn) == {"imported": 8, "refused": 1}
            assert verify_audit(conn)[0]
            # Imported bundles' bytes are dropped; the refused one is kept for a look.
            (kept,) = conn.execute(
                "SELECT count(*) FROM sync_inbox WHERE length(data) > 0"
            ).fetchone() or (0,)
            assert kept == 1
    finally:
        multan.close()
        peshawar.close()


def test_an_unexpected_failure_is_retried_then_refused_with_no_detail(
    svc_linked: tuple[Session, Session], pg_url: str, tmp_path: Path, svc_clock: FixedClock
) -> None:
    lahore, hq = svc_linked
    hq_pg.configure(hq, pg_url)
    _edit(lahore, seed=7)
    data = export(lahore, tmp_path / "out").read_bytes()
    with importer_side(hq.paths, svc_clock) as side:
        db = side.database
        assert db is not None
        _receive(side, data)

        def broken(_data: bytes) -> hq_pg.OpenedBundle:
            raise RuntimeError("synthetic secret-ish detail")

        w = hq_inbox.ImportWorkers(db, broken, lambda: "2026-01-01T00:00:00Z", poll=0.01)
        stats = w.run_once()
        assert stats.failures == 1  # first attempt: counted, stays waiting
        with db.connection() as conn:
            assert pg_inbox.counts(conn) == {"waiting": 1}
            conn.rollback()
        for _ in range(2):
            stats = hq_inbox.ImportWorkers(db, broken, lambda: "t", poll=0.01).run_once()
        (item,) = stats.done
        assert item.status == "refused" and "RuntimeError" in item.error
        assert "secret" not in item.error
        with db.connection() as conn:
            assert pg_inbox.counts(conn) == {"refused": 1}
            conn.rollback()
        # Imported by nobody; a working importer leaves it refused.
        assert workers(side, 1).run_once().done == []


def _over_the_limit(district: Session) -> Case:
    bad = case_for(district)
    bad.accused[0].imprisonment_months = 96  # over the 84-month maximum: HQ quarantines it
    district.store.save([bad], district.actor())
    return bad


def _no_wait(_seconds: float) -> None:
    return None


def test_upload_to_a_postgresql_hq_worker_import_receipt_and_records_back_end_to_end(
    pg_url: str, tmp_path: Path
) -> None:
    clock = FixedClock(SVC_START)
    lahore = make_district(tmp_path / "lahore", clock)
    second = make_district(tmp_path / "lahore2", clock)  # another device of Lahore
    hq = make_hq(tmp_path / "hq", clock)
    tls = make_cert(tmp_path / "tls", "hq")
    try:
        for d in (lahore, second):
            link(d, hq, tmp_path / "files")
        hq_pg.configure(hq, pg_url)
        hq.close()
        fill(lahore, seed=41, cases=6)
        bad = _over_the_limit(lahore)
        shared = case_for(second)
        records.save(second, [shared])
        config = sync_server.ServerConfig()  # no --import: it would not apply anyway
        with (
            hq_serving(lambda: reopen(hq.paths, clock), tls, config) as url,
            importer_side(hq.paths, clock) as side,
        ):
            for d in (lahore, second):
                sync_upload.configure(d, url, tls[0])
            first = sync_upload.upload(lahore, sleep=_no_wait)
            assert first.errors == [] and first.reachable
            assert [(s["status"], s["duplicate"]) for s in first.sent] == [("stored", False)]
            # Stored, not imported in the request: no receipt yet, the bundle waits.
            assert first.receipt is None and first.waiting == 1
            assert sync_upload.upload(second, sleep=_no_wait).waiting == 1
            stats = workers(side, 2).run_once()
            assert sorted(i.status for i in stats.done) == ["imported", "imported"]
            again = sync_upload.upload(lahore, sleep=_no_wait)
            assert again.errors == []
            assert [(s["status"], s["duplicate"]) for s in again.sent] == [("duplicate", True)]
            receipt = again.receipt
            assert receipt is not None and receipt.acknowledged == (1,)
            assert again.waiting == 0 and sync.outbox_files(lahore) == []
            # The quarantine notice came back from PostgreSQL.
            held = [q for q in receipt.quarantined if q["record_id"] == bad.id]
            assert held and held[0]["problems"]
            # Records back: the case the other Lahore device sent reached this device.
            got = lahore.store.get("case", shared.id)
            assert isinstance(got, Case) and got.case_number == shared.case_number
            assert any(c.record_id == shared.id for r in again.receipts for c in r.records_back)
            # The second device's receipt acknowledges its bundle too.
            theirs = sync_upload.upload(second, sleep=_no_wait)
            assert theirs.receipt is not None and theirs.waiting == 0
        with psycopg.connect(pg_url) as conn:
            assert verify_audit(conn)[0]
            serials: dict[str, int] = dict(
                conn.execute("SELECT device_id, receipt_serial FROM sync_devices").fetchall()
            )
            assert serials[lahore.install.device_id] >= 1
            (issued,) = conn.execute(
                "SELECT count(*) FROM audit WHERE action = 'sync.receipt.issue'"
            ).fetchone() or (0,)
            assert issued >= 2
    finally:
        lahore.close()
        second.close()
        hq.close()


def test_import_worker_command_imports_what_waits_and_refuses_an_hq_without_database(
    svc_linked: tuple[Session, Session],
    pg_url: str,
    tmp_path: Path,
    svc_clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    lahore, hq = svc_linked
    _edit(lahore, seed=9)
    data = export(lahore, tmp_path / "out").read_bytes()
    assert run_cli(monkeypatch, hq, "hq", "import-worker", "--once") == 1
    assert "PostgreSQL HQ's inbox" in capsys.readouterr().err
    hq_pg.configure(hq, pg_url)
    with importer_side(hq.paths, svc_clock) as side:
        _receive(side, data)
    capsys.readouterr()
    args = ("hq", "import-worker", "--once", "--workers", "2", "--json")
    assert run_cli(monkeypatch, hq, *args) == 0
    assert json.loads(capsys.readouterr().out) == {"bundles": {"imported": 1}, "failures": 0}
    with psycopg.connect(pg_url) as conn:
        assert pg_inbox.counts(conn) == {"imported": 1}


def _opened(district: Session, data: bytes) -> dict[str, object]:
    """A receipt as the district reads it (verified, decrypted), without its issue time."""
    env = container.read(data, expect="receipt")
    manifest = receipt.read_manifest(env)
    me = own_identity(district)
    plain = container.open_payload(env, me.age_identity, me.public.recipient)
    out = dataclasses.asdict(receipt.read_receipt(manifest, plain, env.format))
    out.pop("issued_at")
    for b in out["bundles"]:
        b.pop("imported_at")
    return out


def test_the_receipt_from_postgresql_is_the_sqlcipher_hqs_receipt(
    svc_linked: tuple[Session, Session], tmp_path: Path, svc_clock: FixedClock, pg_url: str
) -> None:
    """The same bundles imported into both engines give the same receipt for a device: its
    acknowledgements, quarantine, records back (another device of its district) and
    linked-accused notices."""
    lahore, hq = svc_linked
    second = make_district(tmp_path / "lahore2", svc_clock)
    multan = make_district(tmp_path / "multan", svc_clock, which=1)
    try:
        for d in (second, multan):
            link(d, hq, tmp_path / "files")
        with HqDatabase(pg_url, max_size=2) as db:
            hq_pg.link(hq, db)
            fill(lahore, seed=51, cases=5)
            bad = _over_the_limit(lahore)
            ours, theirs = case_for(lahore), case_for(multan)
            theirs.accused[0].cnic = ours.accused[0].cnic
            records.save(lahore, [ours])
            records.save(multan, [theirs])
            records.save(second, [case_for(second)])
            for d in (lahore, second, multan):
                data = export(d, tmp_path / f"out-{d.install.device_id}").read_bytes()
                sync.import_bundle_bytes(hq, data)  # the SQLCipher HQ
                hq_pg.import_bundle_bytes(hq, db, data)
            device = lahore.install.device_id
            on_sqlite = _opened(lahore, sync.receipt_for(hq, device))
            on_pg = _opened(lahore, hq_pg_receipts.receipt_for(hq, db, device))
        # The serial goes on from the install's store's: the district never sees it go back.
        assert on_pg.pop("serial") == on_sqlite.pop("serial") + 1
        assert on_pg == on_sqlite
        # Non-trivial: each part the comparison covers holds something.
        assert on_pg["bundles"] and on_pg["notices"] and on_pg["records"]
        assert [q["record_id"] for q in on_pg["quarantined"]].count(bad.id) == 1
    finally:
        second.close()
        multan.close()


def test_import_worker_service_runs_until_sigterm_then_stops_cleanly(
    svc_linked: tuple[Session, Session], pg_url: str, tmp_path: Path, svc_clock: FixedClock
) -> None:
    """`tipdesk hq import-worker` as systemd runs it: it imports what arrives, and SIGTERM
    stops it after the bundle in hand, with its summary and exit code 0."""
    lahore, hq = svc_linked
    hq_pg.configure(hq, pg_url)
    _edit(lahore, seed=13)
    data = export(lahore, tmp_path / "out").read_bytes()
    env = {**os.environ, "TIPDESK_PASSPHRASE": SVC_PASSPHRASE}
    cmd = [sys.executable, "-m", "tipdesk", "hq", "import-worker", "--workers", "2", "--json"]
    cmd += ["--home", str(hq.paths.home), "--user", SVC_ADMIN]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        with importer_side(hq.paths, svc_clock) as side:
            _receive(side, data)  # arrives while the service runs
            db = side.database
            assert db is not None
            deadline = time.monotonic() + 120  # a bound on waiting, not a speed check
            while True:
                with db.connection() as conn:
                    found = pg_inbox.counts(conn)
                    conn.rollback()
                if found == {"imported": 1} or time.monotonic() > deadline:
                    break
                time.sleep(0.1)
            assert found == {"imported": 1}
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err.decode()
    assert json.loads(out) == {
        "bundles": {"imported": 1},
        "failures": 0,
    }
