"""HQ's re-check of the quarantine on the PostgreSQL HQ database (issue 20): what
:mod:`tipdesk.services.sync.release` does when HQ keeps its records in PostgreSQL.

Contract: :func:`recheck` is :func:`tipdesk.services.sync.release.recheck` with the quarantine,
the bundles and the records read from PostgreSQL and the released units written there, through
the same code (:func:`tipdesk.services.sync.release.release_in` over the PostgreSQL apply-remote
batch, :mod:`tipdesk.hqstore.batch`). Each device is one transaction holding the import's locks:
the device's (a bundle of that device being imported waits, or makes the re-check wait, so an
entry is never taken up twice) and the claims of the held records and of the cases they belong
to, in sorted order. A deadlock or serialisation failure runs that device's transaction again
(bounded). The released records' audit entries go to PostgreSQL's chain; the re-check's own
summary entry (counts only) to the HQ install's audit log, as on the SQLCipher HQ.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from tipdesk.core.validation import ValidationContext
from tipdesk.hqstore import batch as pg_batch
from tipdesk.hqstore.conflicts import PgReviewReads
from tipdesk.hqstore.pool import Conn, HqDatabase
from tipdesk.services.session import Session
from tipdesk.services.sync.common import sync_store
from tipdesk.services.sync.hq_pg import install_index_key
from tipdesk.services.sync.release import Recheck, add_released, manifest_for, release_in, summarise
from tipdesk.store.store import Actor
from tipdesk.store.sync_rows import QuarantineRow
from tipdesk.sync.bundle import Manifest


def held(db: HqDatabase) -> int:
    """Open quarantine entries in PostgreSQL (over every device)."""
    with db.connection() as conn:
        row = conn.execute("SELECT count(*) FROM sync_quarantine WHERE status = 'open'").fetchone()
        conn.rollback()
    return int(str(row[0])) if row else 0


def _claimed(entries: list[QuarantineRow]) -> list[str]:
    """The ids a device's re-check claims: its held records and the cases and victims they
    name (a unit is taken up with its case)."""
    ids: set[str] = set()
    for q in entries:
        ids.add(q.record_id)
        for key in ("case_id", "victim_id"):
            value = q.record.get(key)
            if isinstance(value, str) and value:
                ids.add(value)
    return sorted(ids)


@dataclass(frozen=True)
class _Job:
    """One device's re-check transaction: its manifest, actor, claimed ids and keys."""

    manifest: Manifest
    actor: Actor
    ids: list[str]
    private: bytes | None = field(repr=False)
    index_key: bytes = field(repr=False)

    def run(self, ctx: ValidationContext, here: str, trigger: str, conn: Conn) -> dict[str, int]:
        claim = pg_batch.import_batch(
            conn, self.actor, self.manifest.device, self.ids, self.private,
            index_key=self.index_key,
        )  # fmt: skip
        with claim as b:
            return release_in(b, self.manifest, ctx, here, trigger)


def recheck(session: Session, db: HqDatabase, trigger: str) -> Recheck:
    """Take up every device's open quarantine entries in PostgreSQL (module contract)."""
    devices = {d.device_id: d for d in sync_store(session).devices()}
    private, index_key = session.store.vault.private_key(), install_index_key(session)
    with db.connection() as conn:
        try:
            src = PgReviewReads(conn, private, index_key)
            by_device: dict[str, list[QuarantineRow]] = {}
            for q in src.quarantine():
                by_device.setdefault(q.device_id, []).append(q)
            bundles = {d: src.bundles(d) for d in by_device}
        finally:
            conn.rollback()
    released: dict[str, dict[str, int]] = {}
    ctx, here = session.validation_context(), session.install.device_id
    for device_id in sorted(by_device):
        device = devices.get(device_id)
        if device is None:  # pragma: no cover - quarantine rows reference registered devices
            continue
        manifest = manifest_for(device, bundles[device_id], session.now())
        actor = session.actor()

        job = _Job(manifest, actor, _claimed(by_device[device_id]), private, index_key)
        add_released(released, device.district, db.run(partial(job.run, ctx, here, trigger)))
    return summarise(session, trigger, released, held(db))
