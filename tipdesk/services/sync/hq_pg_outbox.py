"""Receipts of the PostgreSQL HQ built by the importers and served by the receiver (issue 20,
the receiver split from the importer).

Contract:
- :func:`refresh` is what an importer worker does after importing a bundle of a device (that
  device's receipt) and whenever it finds the inbox empty (every device whose stored receipt
  is out of date, :func:`tipdesk.hqstore.outbox.due`: HQ-side changes going back to a
  district, conflict resolutions, handovers, edits at HQ, reach its stored receipt so). Each
  receipt is the one :func:`tipdesk.services.sync.hq_pg_receipts.receipt_for` issues (signed
  by HQ, encrypted to the device, its serial audited), stored in the outbox in the same
  transaction. Only the session's reads run on the session's thread; the database work runs on the
  worker's own (a worker never waits for the session while holding database locks), with the
  importer's database login.
- :func:`stored` is the receiver's whole part (``GET /v1/receipts/{device}``): the newest
  stored receipt of the authenticated device, read with the receiver's login, which may read
  nothing else of it; ``None`` until an importer built one (the district's 404, "no receipt
  yet"). A district fetching the same receipt twice applies it once (its serial).
- Once the workers caught up (the inbox empty and one idle pass done), every device's stored
  receipt reflects everything HQ imported.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from tipdesk.core.errors import KnownError
from tipdesk.hqstore import outbox
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_pg_receipts
from tipdesk.sync.bundle import short_device

log = logging.getLogger("tipdesk.import")

SWEEP = 16
"""Receipts one idle pass builds at most, so a worker soon looks at the inbox again."""


OnSession = Callable[[Callable[[Session], hq_pg_receipts.Builder]], hq_pg_receipts.Builder]
"""Runs a function of the session on the session's thread (``StoreWorker.call``)."""


def refresh(db: HqDatabase, on_session: OnSession, device_id: str | None = None) -> int:
    """Build and store the receipt of ``device_id``, or (``None``) of up to :data:`SWEEP`
    devices whose stored receipt is out of date (one refused is logged and skipped); how many
    were built. Only the session's
    reads run through ``on_session``; the database work runs on the caller's thread."""
    if device_id is not None:
        devices = [device_id]
    else:
        with db.connection() as conn:
            devices = outbox.due(conn, SWEEP)
            conn.rollback()
    built = 0
    for device in devices:
        try:
            build = on_session(partial(hq_pg_receipts.prepare, device_id=device))
            build(db, True)
        except KnownError as exc:
            if device_id is not None:
                raise
            # One device's refusal (say, taken off the install's registry) never stops the
            # others' receipts; it is not counted, so an idle pass ends.
            log.warning("no receipt for device …%s: %s", short_device(device), exc)
            continue
        built += 1
    return built


def stored(db: HqDatabase, device_id: str) -> bytes | None:
    """The device's newest stored receipt, or ``None`` (module contract)."""
    with db.connection() as conn:
        data = outbox.newest(conn, device_id)
        conn.rollback()
    return data
