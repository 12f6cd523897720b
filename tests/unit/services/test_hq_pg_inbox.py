"""The PostgreSQL HQ's receiver, importer workers and receipts (issue 20): the receiver stores
bundles in the database's inbox and answers at once; workers claim them with SKIP LOCKED and
import each exactly once; receipts are built from PostgreSQL and districts apply them
unchanged. Synthetic data only; the receiver runs on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from sync_support import case_for, export, link, make_district, reopen

from tipdesk.core.clock import FixedClock
from tipdesk.hqstore import inbox as pg_inbox
from tipdesk.hqstore.batch import verify_audit
from tipdesk.paths import Paths
from tipdesk.services import records, sync
from tipdesk.services.demo.fill import fill
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_inbox, hq_pg
from tipdesk.services.sync import server as sync_server
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
    assert side.database is not None
    return hq_inbox.ImportWorkers(
        side.database,
        lambda data: side.call(lambda s: hq_pg.open_bundle(s, data, source="upload")),
        lambda: side.call(lambda s: s.now()),
        workers=n,
        poll=0.05,
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
