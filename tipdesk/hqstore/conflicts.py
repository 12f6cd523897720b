"""HQ's conflicts and quarantine as the reviewers read them from the PostgreSQL HQ database
(issue 20): the reads :class:`tipdesk.store.sync_store.SyncStore` offers on the SQLCipher HQ
for conflict review and the quarantine re-check.

Contract: :class:`PgReviewReads` answers with the same rows as ``SyncStore``'s methods of the
same names (same order, victims' identities in kept versions opened with the HQ install's
identity key when the signed-in user holds it, masked otherwise), over the caller's
connection and transaction. :meth:`PgReviewReads.conflict` with ``lock=True`` locks the
conflict's row until the caller's transaction ends, so two reviewers resolving the same
conflict run one after the other and the second finds it closed.
"""

from __future__ import annotations

from typing import Any

from tipdesk.core.records import Record
from tipdesk.hqstore.back import PgReceiptSource
from tipdesk.store.sync_rows import (
    CONFLICT_COLUMNS,
    QUARANTINE_COLUMNS,
    ConflictRow,
    QuarantineRow,
    conflict_from_row,
    quarantine_from_row,
)


class PgReviewReads(PgReceiptSource):
    """Conflict and quarantine reads over the caller's connection (see the module contract).

    The views' per-call reads (every device's bundles, open counts) are
    :class:`~tipdesk.hqstore.sync_reads.PgSyncOverview`."""

    def conflicts(self, *, status: str | None = "open") -> list[ConflictRow]:
        """Conflicts with ``status`` (every one when ``None``), oldest first."""
        where, params = ("WHERE status = %s", (status,)) if status is not None else ("", ())
        rows = self.conn.execute(
            f"SELECT {CONFLICT_COLUMNS} FROM sync_conflicts {where} "  # noqa: S608
            "ORDER BY detected_at, id".encode(),
            params,
        ).fetchall()
        return [conflict_from_row(r, self.vault) for r in rows]

    def conflict(self, conflict_id: str, *, lock: bool = False) -> ConflictRow | None:
        """One conflict, open or closed; ``lock``: hold its row until the transaction ends."""
        row = self.conn.execute(
            f"SELECT {CONFLICT_COLUMNS} FROM sync_conflicts WHERE id = %s "  # noqa: S608
            f"{'FOR UPDATE' if lock else ''}".encode(),
            (conflict_id,),
        ).fetchone()
        return conflict_from_row(row, self.vault) if row else None

    def quarantine(
        self, *, status: str | None = "open", device_id: str | None = None
    ) -> list[QuarantineRow]:
        """Quarantine entries with ``status`` (every one when ``None``), of ``device_id`` (of
        every device when ``None``), in the order they were received."""
        where: list[str] = []
        params: list[Any] = []
        for column, value in (("status", status), ("device_id", device_id)):
            if value is not None:
                where.append(f"{column} = %s")
                params.append(value)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        rows = self.conn.execute(
            f"SELECT {QUARANTINE_COLUMNS} FROM sync_quarantine {clause} "  # noqa: S608
            "ORDER BY received_at, id".encode(),
            params,
        ).fetchall()
        return [quarantine_from_row(r, self.vault) for r in rows]

    def quarantine_entries(self, ids: list[str]) -> list[QuarantineRow]:
        """The quarantine entries ``ids`` (whatever their status), in no particular order."""
        rows = self.conn.execute(
            f"SELECT {QUARANTINE_COLUMNS} FROM sync_quarantine WHERE id = ANY(%s)".encode(),  # noqa: S608
            (ids,),
        ).fetchall()
        return [quarantine_from_row(r, self.vault) for r in rows]

    def record(self, kind: str, record_id: str) -> tuple[Record, tuple[int, str] | None] | None:
        """One row (deleted or not) and its ``sync_versions`` entry, as ``SyncStore.record``."""
        found = self.read_rows(kind, [record_id])
        if not found:
            return None
        return found[0], self.versions(kind, [record_id]).get(record_id)
