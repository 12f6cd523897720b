"""What a device's receipt reads from the PostgreSQL HQ database (issue 20): its bundles, open
quarantine and conflicts, the records back page's change log and rows, HQ's notices, and the
receipt serial.

Contract: :class:`PgReceiptSource` offers, over one connection and transaction, the methods
:mod:`tipdesk.services.sync.records_back` and the receipt builder read from
:class:`tipdesk.store.sync_store.SyncStore` on the SQLCipher HQ, with the same results
(same SQL, PostgreSQL's placeholders); victims' identities are opened with the HQ install's
identity key when the signed-in user holds it (masked otherwise), as the SQLCipher store's
vault does. :meth:`PgReceiptSource.issue_receipt` writes (the serial, the bundles it
reports, one audit entry under the log lock): the caller commits.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import psycopg

from tipdesk.core.records import Record, Victim
from tipdesk.hqstore.batch import LOG_LOCK, append_audit
from tipdesk.hqstore.dialect import identifier
from tipdesk.hqstore.vault import PgVault
from tipdesk.store import audit as store_audit
from tipdesk.store.anchor_store import AnchorRow
from tipdesk.store.rows import TABLES, from_row, select_columns
from tipdesk.store.store import Actor
from tipdesk.store.sync_rows import BundleRow

Conn = psycopg.Connection[tuple[object, ...]]


def _int(value: object) -> int:
    return int(str(value))


class PgReceiptSource:
    """Receipt reads over ``conn`` (see the module contract)."""

    def __init__(self, conn: Conn, private: bytes | None, index_key: bytes) -> None:
        self.conn = conn
        self.vault = PgVault(conn, index_key=index_key)
        if private is not None:
            self.vault.unlock(private)

    # --- the device ------------------------------------------------------------------------
    def device_state(self, device_id: str) -> tuple[int, int] | None:
        """``(receipt serial, back_confirmed)`` of a mirrored device, ``None`` if unknown."""
        row = self.conn.execute(
            "SELECT receipt_serial, back_confirmed FROM sync_devices WHERE device_id = %s",
            (device_id,),
        ).fetchone()
        return (_int(row[0]), _int(row[1])) if row else None

    def bundles(self, device_id: str) -> list[BundleRow]:
        rows = self.conn.execute(
            "SELECT device_id, seq, sha256, from_change, to_change, created_at, imported_at, "
            "result, receipt_serial FROM sync_bundles WHERE device_id = %s ORDER BY seq",
            (device_id,),
        ).fetchall()
        return [_bundle(r) for r in rows]

    def issue_receipt(
        self, device_id: str, actor: Actor, after: int = 0
    ) -> tuple[int, list[BundleRow]]:
        """The device's next receipt serial (past ``after`` too: the serial the HQ install's
        store reached before it used PostgreSQL) and the bundles imported since its last
        receipt (marked as reported by this serial), audited as the SQLCipher store does."""
        row = self.conn.execute(
            "UPDATE sync_devices SET receipt_serial = greatest(receipt_serial, %s) + 1 "
            "WHERE device_id = %s RETURNING receipt_serial",
            (after, device_id),
        ).fetchone()
        if row is None:
            raise KeyError(device_id)
        serial = _int(row[0])
        fresh = [
            _bundle(r)
            for r in self.conn.execute(
                "UPDATE sync_bundles SET receipt_serial = %s WHERE device_id = %s AND "
                "receipt_serial IS NULL RETURNING device_id, seq, sha256, from_change, "
                "to_change, created_at, imported_at, result, receipt_serial",
                (serial, device_id),
            ).fetchall()
        ]
        fresh.sort(key=lambda b: b.seq)
        self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOG_LOCK,))
        entry = store_audit.NewEntry(
            actor.at,
            actor.user,
            actor.device,
            "sync.receipt.issue",
            "device",
            device_id,
            {"serial": serial, "bundles": [b.seq for b in fresh]},
        )
        append_audit(self.conn, [entry])
        return serial, fresh

    def open_quarantine(self, device_id: str) -> list[tuple[str, str, str, int, int, str]]:
        """The device's open quarantine entries: ``(id, kind, record id, version, bundle,
        problems JSON)``, oldest first."""
        rows = self.conn.execute(
            "SELECT id, kind, record_id, version, bundle_seq, problems FROM sync_quarantine "
            "WHERE status = 'open' AND device_id = %s ORDER BY received_at, id",
            (device_id,),
        ).fetchall()
        return [(str(r[0]), str(r[1]), str(r[2]), _int(r[3]), _int(r[4]), str(r[5])) for r in rows]

    def open_conflicts(self, device_id: str) -> list[tuple[str, str, str, int, int, str]]:
        """The device's open conflicts: ``(id, kind, record id, version, bundle, detected
        at)``, oldest first."""
        rows = self.conn.execute(
            "SELECT id, kind, record_id, version, bundle_seq, detected_at FROM sync_conflicts "
            "WHERE status = 'open' AND device_id = %s ORDER BY detected_at, id",
            (device_id,),
        ).fetchall()
        return [(str(r[0]), str(r[1]), str(r[2]), _int(r[3]), _int(r[4]), str(r[5])) for r in rows]

    def anchors(self, device_id: str) -> list[AnchorRow]:
        rows = self.conn.execute(
            "SELECT device_id, bundle_seq, entry, hash, proof_entry, proof_hash, received_at, "
            "problem, detail FROM sync_anchors WHERE device_id = %s ORDER BY bundle_seq",
            (device_id,),
        ).fetchall()
        return [
            AnchorRow(
                str(r[0]), _int(r[1]), _int(r[2]), str(r[3]), _int(r[4]), str(r[5]), str(r[6]),
                str(r[7]), str(r[8]),
            )
            for r in rows
        ]  # fmt: skip

    # --- records back (SyncStore's methods of the same names) ------------------------------
    def max_change(self) -> int:
        row = self.conn.execute("SELECT coalesce(max(seq), 0) FROM changes").fetchone()
        return _int(row[0]) if row else 0

    def outgoing(
        self, owner: str, after: int, device_id: str, limit: int
    ) -> list[tuple[int, str, str]]:
        rows = self.conn.execute(
            "SELECT seq, kind, record_id FROM changes WHERE owner = %s AND seq > %s "
            "AND device IS DISTINCT FROM %s ORDER BY seq LIMIT %s",
            (owner, after, device_id, limit),
        ).fetchall()
        return [(_int(r[0]), str(r[1]), str(r[2])) for r in rows]

    def read_rows(self, kind: str, ids: Sequence[str]) -> list[Record]:
        if not ids:
            return []
        table = identifier(TABLES[kind])
        rows = self.conn.execute(
            f"SELECT {select_columns(kind)} FROM {table} WHERE id = ANY(%s)".encode(),  # noqa: S608
            (list(ids),),
        ).fetchall()
        out: list[Record] = []
        for row in rows:
            record = from_row(kind, row)
            if isinstance(record, Victim):
                self.vault.open_victim(record)
            out.append(record)
        return out

    def versions(self, kind: str, ids: Sequence[str]) -> dict[str, tuple[int, str]]:
        rows = self.conn.execute(
            "SELECT record_id, version, vv FROM sync_versions WHERE kind = %s "
            "AND record_id = ANY(%s)",
            (kind, list(ids)),
        ).fetchall()
        return {str(r[0]): (_int(r[1]), str(r[2])) for r in rows}

    def resolutions(self, kind: str, ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        rows = self.conn.execute(
            "SELECT record_id, closed_at, outcome FROM sync_conflicts WHERE kind = %s "
            "AND status = 'resolved' AND record_id = ANY(%s) ORDER BY closed_at",
            (kind, list(ids)),
        ).fetchall()
        return {str(r[0]): (str(r[1]), str(r[2])) for r in rows}

    def linked_pairs(self, limit: int = 100_000) -> list[tuple[str, str, str, str, str]]:
        rows = self.conn.execute(
            "WITH repeated AS (SELECT cnic FROM accused WHERE cnic != '' GROUP BY cnic "
            "HAVING count(*) > 1), "
            "hits AS (SELECT DISTINCT a.cnic, c.id, c.case_number, c.owner FROM repeated AS r "
            "JOIN accused AS a ON a.cnic = r.cnic JOIN cases AS c ON c.id = a.case_id "
            "WHERE a.deleted = 0 AND c.deleted = 0) "
            "SELECT DISTINCT h.id, h.case_number, h.owner, o.case_number, o.owner "
            "FROM hits AS h JOIN hits AS o ON o.cnic = h.cnic AND o.owner != h.owner "
            "ORDER BY h.owner, h.case_number, o.owner, o.case_number LIMIT %s",
            (limit,),
        ).fetchall()
        return [(str(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4])) for r in rows]


def _bundle(r: Sequence[object]) -> BundleRow:
    serial = r[8]
    return BundleRow(
        str(r[0]), _int(r[1]), str(r[2]), _int(r[3]), _int(r[4]), str(r[5]), str(r[6]),
        json.loads(str(r[7])), None if serial is None else _int(serial),
    )  # fmt: skip
