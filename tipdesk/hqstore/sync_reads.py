"""Sync's bookkeeping read from the PostgreSQL HQ database for HQ's views (issue 20): every
device's bundles, open conflicts and quarantine, and flagged audit anchors (the Sync screen's
Devices tab, ``tipdesk hq devices``), and the open quarantine entries (data quality).

Contract: each method gives what the SQLCipher store's
:class:`~tipdesk.store.sync_store.SyncStore` or :mod:`~tipdesk.store.anchor_store` gives
for the same bundles (same rows, same order), read in one transaction that is rolled back.
The device registry is not read here: it stays in the HQ install's store (PostgreSQL holds
a mirror for its foreign keys). A quarantined victim's identity is opened with the HQ
install's identity key when the caller passes it, masked otherwise, as on the SQLCipher HQ.
Thread-safe (each call borrows a pooled connection).
"""

from __future__ import annotations

from tipdesk.hqstore.back import PgReceiptSource
from tipdesk.hqstore.conflicts import PgReviewReads
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.store.anchor_store import AnchorRow
from tipdesk.store.sync_rows import BundleRow, QuarantineRow


def _int(value: object) -> int:
    return int(str(value))


class PgSyncOverview:
    """HQ's sync bookkeeping from one HQ database, for the views (see the module contract).

    Not to be confused with :class:`~tipdesk.hqstore.conflicts.PgReviewReads`, the
    reviewers' reads over the caller's connection and transaction: this class borrows a
    pooled connection of its own for each call."""

    def __init__(self, db: HqDatabase) -> None:
        self._db = db

    def bundles(self) -> dict[str, list[BundleRow]]:
        """Device -> its bundles, by sequence number."""
        out: dict[str, list[BundleRow]] = {}
        with self._db.connection() as conn:
            src = PgReceiptSource(conn, None, b"")  # reads no identity
            devices = [
                str(r[0]) for r in conn.execute("SELECT DISTINCT device_id FROM sync_bundles")
            ]
            for device in devices:
                out[device] = src.bundles(device)
            conn.rollback()
        return out

    def open_counts(self) -> tuple[dict[str, int], dict[str, int]]:
        """Device -> open conflicts, and device -> open quarantine entries."""
        with self._db.connection() as conn:
            conflicts = conn.execute(
                "SELECT device_id, count(*) FROM sync_conflicts WHERE status = 'open' "
                "GROUP BY device_id"
            ).fetchall()
            held = conn.execute(
                "SELECT device_id, count(*) FROM sync_quarantine WHERE status = 'open' "
                "GROUP BY device_id"
            ).fetchall()
            conn.rollback()
        return (
            {str(d): _int(n) for d, n in conflicts},
            {str(d): _int(n) for d, n in held},
        )

    def anchor_problems(self) -> list[AnchorRow]:
        """Every anchor HQ flagged, by device and bundle."""
        with self._db.connection() as conn:
            rows = conn.execute(
                "SELECT device_id, bundle_seq, entry, hash, proof_entry, proof_hash, "
                "received_at, problem, detail FROM sync_anchors WHERE problem <> '' "
                "ORDER BY device_id, bundle_seq"
            ).fetchall()
            conn.rollback()
        return [
            AnchorRow(
                str(r[0]), _int(r[1]), _int(r[2]), str(r[3]), _int(r[4]), str(r[5]), str(r[6]),
                str(r[7]), str(r[8]),
            )
            for r in rows
        ]  # fmt: skip

    def open_quarantine(self, private: bytes | None, index_key: bytes) -> list[QuarantineRow]:
        """The open quarantine entries, in the SQLCipher store's order (received, then id):
        the reviewers' read (:meth:`PgReviewReads.quarantine`) in a transaction of its own."""
        with self._db.connection() as conn:
            out = PgReviewReads(conn, private, index_key).quarantine(status="open")
            conn.rollback()
        return out
