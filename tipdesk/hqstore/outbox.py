"""The PostgreSQL HQ's receipt outbox: each device's newest receipt, built and signed by an
importer, served by the receiver (issue 20: the receiver holds no importer rights).

Contract:
- The table is a schema step of :mod:`tipdesk.hqstore.migrations` (``sync_receipt_outbox``):
  one row per device, the receipt as HQ sealed it (signed by HQ, encrypted to the device: no
  record is readable here), its serial, and the change log's mark it was built at.
- :func:`keep` stores a receipt in the transaction that issued its serial; a receipt never
  replaces one of a higher serial (two importers building for one device at once: the newer
  stays).
- A stored receipt rebuilt while no new bundle of the device was imported reports again the
  bundles its last receipt reported (:func:`last_reported`): the district may not have
  fetched that one. It applies the new serial once; it already holds those bundles' state.
- :func:`newest` is the receiver's one read (``device_id`` and ``data`` only, the columns its
  role may read): the stored receipt of the authenticated device, or ``None``.
- :func:`due` lists devices whose stored receipt is older than what HQ holds for them: a
  device with bundles and no stored receipt, a bundle imported since its last receipt, a
  receipt issued elsewhere since (``hq receipts``), or a change since its mark that a receipt
  carries: a record of its district changed by anyone but the device (records back), or a
  case or accused anywhere (the linked-accused notices). Reference updates, the offices'
  directory and case files live in the install's store and mark nothing here.
"""

from __future__ import annotations

from collections.abc import Sequence

import psycopg

from tipdesk.store.sync_rows import BundleRow

Conn = psycopg.Connection[tuple[object, ...]]

TABLE = "sync_receipt_outbox"
RECEIVER_COLUMNS = ("device_id", "data")
"""What the receiver role may read of :data:`TABLE`."""
NOTICE_KINDS = ("case", "accused")
"""Kinds whose change anywhere may change any district's linked-accused notices."""


def mark(conn: Conn) -> int:
    """The change log's mark now (its highest number; 0 when empty)."""
    row = conn.execute("SELECT coalesce(max(seq), 0) FROM changes").fetchone()
    return int(str(row[0])) if row else 0


def keep(
    conn: Conn, device_id: str, serial: int, built_at: str, change_mark: int, data: bytes
) -> None:
    """Store the device's receipt unless one of a higher serial is stored (module contract)."""
    conn.execute(
        f"INSERT INTO {TABLE} (device_id, serial, built_at, change_mark, data) "  # noqa: S608
        "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (device_id) DO UPDATE SET "
        "serial = EXCLUDED.serial, built_at = EXCLUDED.built_at, "
        "change_mark = EXCLUDED.change_mark, data = EXCLUDED.data "
        f"WHERE {TABLE}.serial < EXCLUDED.serial",
        (device_id, serial, built_at, change_mark, data),
    )


def newest(conn: Conn, device_id: str) -> bytes | None:
    """The device's stored receipt (the receiver's read), or ``None``."""
    row = conn.execute(
        f"SELECT data FROM {TABLE} WHERE device_id = %s",  # noqa: S608
        (device_id,),
    ).fetchone()
    return bytes(row[0]) if row and isinstance(row[0], bytes | memoryview) else None


def last_reported(held: Sequence[BundleRow]) -> list[BundleRow]:
    """The bundles the device's last receipt reported (of ``held``, all its bundles), for a
    stored receipt rebuilt with no new bundle: it reports them again, so a district that had
    not fetched the receipt before still reads what became of its last upload."""
    serials = [b.receipt_serial for b in held if b.receipt_serial is not None]
    last = max(serials, default=None)
    return sorted((b for b in held if last is not None and b.receipt_serial == last),
                  key=lambda b: b.seq)  # fmt: skip


def due(conn: Conn, limit: int) -> list[str]:
    """Up to ``limit`` devices whose stored receipt is out of date (module contract), those
    without any first."""
    rows = conn.execute(
        f"""SELECT d.device_id FROM sync_devices AS d
        LEFT JOIN {TABLE} AS o ON o.device_id = d.device_id
        WHERE d.revoked_at IS NULL AND EXISTS (
            SELECT 1 FROM sync_bundles AS b WHERE b.device_id = d.device_id)
        AND (o.device_id IS NULL OR o.serial < d.receipt_serial
            OR EXISTS (SELECT 1 FROM sync_bundles AS b
                WHERE b.device_id = d.device_id AND b.receipt_serial IS NULL)
            OR EXISTS (SELECT 1 FROM changes AS c WHERE c.seq > o.change_mark
                AND ((c.owner = d.district AND c.device IS DISTINCT FROM d.device_id)
                    OR c.kind IN (%s, %s))))
        ORDER BY o.device_id IS NOT NULL, d.device_id LIMIT %s""",  # noqa: S608
        (*NOTICE_KINDS, limit),
    ).fetchall()
    return [str(r[0]) for r in rows]
