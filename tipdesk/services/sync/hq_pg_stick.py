"""Receipt files for a USB stick from the PostgreSQL HQ (issue 20): ``tipdesk hq receipts``
and the Sync screen's "Write receipts" on an HQ keeping its records in PostgreSQL.

Contract: :func:`write_receipts` writes what :func:`tipdesk.services.sync.hq.write_receipts`
writes on the SQLCipher HQ: one new receipt per registered, not revoked device the database
holds bundles of, built and issued by
:func:`tipdesk.services.sync.hq_pg_receipts.receipt_for` (the HTTPS receiver's receipts:
serial and bundles reported kept in PostgreSQL, audited there), each written atomically to
``out_dir`` under the same file name (:func:`~tipdesk.services.sync.hq.receipt_file_name`).
A device whose bundles wait in the receiver's inbox, not imported yet, gets none.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from tipdesk.core.errors import InvalidInput
from tipdesk.core.messages import say
from tipdesk.core.permissions import Permission
from tipdesk.fs import atomic_write_bytes
from tipdesk.hqstore.back import PgReceiptSource
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_pg_receipts
from tipdesk.services.sync.common import require_hq, sync_store
from tipdesk.services.sync.hq import receipt_file_name


def _held(db: HqDatabase) -> set[str]:
    """The devices whose bundles the database holds."""
    with db.connection() as conn:
        rows = conn.execute("SELECT DISTINCT device_id FROM sync_bundles").fetchall()
        conn.rollback()
    return {str(r[0]) for r in rows}


def _serial(db: HqDatabase, device_id: str) -> int:
    with db.connection() as conn:
        state = PgReceiptSource(conn, None, b"").device_state(device_id)
        conn.rollback()
    return state[0] if state else 0


def write_receipts(session: Session, db: HqDatabase, out_dir: Path) -> list[Path]:
    """One new receipt per registered, not revoked device with bundles in ``db``."""
    session.require(Permission.SYNC)
    require_hq(session, "hq receipts")
    if not out_dir.is_dir():
        raise InvalidInput(say("{out_dir} is not a folder.", out_dir=out_dir))
    held = _held(db)
    written: list[Path] = []
    for device in sync_store(session).devices():
        if device.revoked_at or device.device_id not in held:
            continue
        data = hq_pg_receipts.receipt_for(session, db, device.device_id)
        issued = dataclasses.replace(device, receipt_serial=_serial(db, device.device_id))
        path = out_dir / receipt_file_name(session, issued, issued.receipt_serial)
        atomic_write_bytes(path, data)
        written.append(path)
    return written
