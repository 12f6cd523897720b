"""Sync bookkeeping in the store: this install's keys, the district's HQ, outbox and receipts,
and HQ's devices, bundles, conflicts and quarantine (tables of schema step 2).

Contract:
- A :class:`SyncStore` wraps an open :class:`~tipdesk.store.store.Store` and uses its
  connection, so it belongs to the store's thread. It does no crypto and no validation: it
  stores what :mod:`tipdesk.sync` and :mod:`tipdesk.services.sync` hand it.
- Every write runs in one transaction with its audit entry (key names, ids, counts and
  fingerprints only; never a secret or record contents).
- Secret keys are returned only by :meth:`SyncStore.keys`; nothing here logs them.
- Writing incoming records is :mod:`tipdesk.store.remote_apply`'s job.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, nullcontext
from typing import Any

from tipdesk.core.records import Record
from tipdesk.store import audit, settings_table
from tipdesk.store.driver import Connection, transaction, translated
from tipdesk.store.rows import TABLES, from_row, select_columns
from tipdesk.store.store import Actor, OfficeRow, Store
from tipdesk.store.sync_rows import (
    CONFLICT_COLUMNS,
    QUARANTINE_COLUMNS,
    VERSIONS_SQL,
    BundleRow,
    ConflictRow,
    DeviceRow,
    HqRow,
    KeyRow,
    NoticeRow,
    OutboxRow,
    QuarantineRow,
    ReceiptRow,
    chunks,
    conflict_from_row,
    marks,
    quarantine_from_row,
    to_json,
)

__all__ = [
    "BundleRow",
    "ConflictRow",
    "DeviceRow",
    "HqRow",
    "KeyRow",
    "NoticeRow",
    "OutboxRow",
    "QuarantineRow",
    "ReceiptRow",
    "SyncStore",
    "to_json",
]


def _entry(
    actor: Actor, action: str, kind: str = "", record_id: str = "", **detail: Any
) -> audit.NewEntry:
    return audit.NewEntry(actor.at, actor.user, actor.device, action, kind, record_id, detail)


class SyncStore:
    """Sync tables of one open store (see the module contract)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        # The store's own connection: sync bookkeeping shares its thread and transactions.
        self._conn: Connection = store._conn

    @property
    def store(self) -> Store:
        return self._store

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with translated():
            return [tuple(r) for r in self._conn.execute(sql, params).fetchall()]

    # --- this install's keys -------------------------------------------------------------
    def keys(self) -> dict[str, KeyRow]:
        """The install's key rows by name. Contains secrets: never log or show them."""
        return {r[0]: KeyRow(*r) for r in self._rows("SELECT * FROM sync_keys")}

    def add_keys(self, rows: Sequence[KeyRow], actor: Actor) -> bool:
        """Store new keys unless keys already exist (first writer wins); True when stored."""
        with transaction(self._conn) as conn:
            if conn.execute("SELECT count(*) FROM sync_keys").fetchone()[0]:
                return False
            conn.executemany(
                "INSERT INTO sync_keys(name, secret, public, created_at) VALUES (?,?,?,?)",
                [(r.name, r.secret, r.public, r.created_at) for r in rows],
            )
            audit.append(conn, [_entry(actor, "sync.keys", keys=sorted(r.name for r in rows))])
        return True

    def replace_identity(
        self, device_id: str, rows: Sequence[KeyRow], actor: Actor, *, previous: str
    ) -> None:
        """Make this install a new sync device (one transaction): ``device_id`` in the
        settings, ``rows`` as its keys, and an empty outbox, since the old device's bundle
        numbers are not this device's (the changes HQ lacks are collected again from the
        change log at the next export). For a district restored from a backup."""
        with transaction(self._conn) as conn:
            conn.execute("DELETE FROM sync_keys")
            conn.executemany(
                "INSERT INTO sync_keys(name, secret, public, created_at) VALUES (?,?,?,?)",
                [(r.name, r.secret, r.public, r.created_at) for r in rows],
            )
            conn.execute("DELETE FROM sync_outbox")
            settings_table.put(conn, {"device_id": device_id})
            audit.append(
                conn,
                [_entry(actor, "sync.new_device", previous_device=previous, device=device_id)],
            )

    # --- district: HQ, outbox, receipts --------------------------------------------------
    def hq(self) -> HqRow | None:
        rows = self._rows("SELECT * FROM sync_hq")
        if not rows:
            return None
        r = rows[0]
        return HqRow(r[0], r[1], r[2], tuple(json.loads(r[3])), r[4], r[5], r[6])

    def set_hq(self, row: HqRow, actor: Actor) -> None:
        """Install (or replace) the HQ this district sends to."""
        with transaction(self._conn) as conn:
            conn.execute("DELETE FROM sync_hq")
            conn.execute(
                "INSERT INTO sync_hq VALUES (?,?,?,?,?,?,?)",
                (
                    row.device_id,
                    row.signing_key,
                    row.recipient,
                    to_json(list(row.backup_recipients)),
                    row.fingerprint,
                    actor.at,
                    actor.user,
                ),
            )
            audit.append(
                conn,
                [
                    _entry(
                        actor,
                        "sync.enroll",
                        "device",
                        row.device_id,
                        fingerprint=row.fingerprint,
                        backups=len(row.backup_recipients),
                    )
                ],
            )

    def outbox(self, *, pending_only: bool = False) -> list[OutboxRow]:
        where = " WHERE acked_at IS NULL" if pending_only else ""
        cols = (
            "seq, file_name, from_change, to_change, counts, sha256, created_at, acked_at, "
            "back_through"
        )
        rows = self._rows(f"SELECT {cols} FROM sync_outbox{where} ORDER BY seq")  # noqa: S608
        return [
            OutboxRow(
                int(r[0]), r[1], int(r[2]), int(r[3]), json.loads(r[4]), r[5], r[6], r[7], int(r[8])
            )
            for r in rows
        ]

    def outbox_data(self, seq: int) -> bytes | None:
        """The sealed bundle kept for an unacknowledged outbox entry."""
        rows = self._rows("SELECT data FROM sync_outbox WHERE seq = ?", (seq,))
        return bytes(rows[0][0]) if rows and rows[0][0] is not None else None

    def add_outbox(self, row: OutboxRow, data: bytes | bytearray, actor: Actor) -> None:
        with transaction(self._conn) as conn:
            conn.execute(
                "INSERT INTO sync_outbox(seq, file_name, from_change, to_change, counts, sha256, "
                "created_at, data, acked_at, back_through) VALUES (?,?,?,?,?,?,?,?,NULL,?)",
                (
                    row.seq,
                    row.file_name,
                    row.from_change,
                    row.to_change,
                    to_json(row.counts),
                    row.sha256,
                    row.created_at,
                    data,
                    row.back_through,
                ),
            )
            audit.append(
                conn,
                [
                    _entry(
                        actor,
                        "sync.export",
                        "bundle",
                        str(row.seq),
                        after=row.from_change,
                        through=row.to_change,
                        counts=row.counts,
                    )
                ],
            )

    def receipts(self) -> list[ReceiptRow]:
        """Receipts imported, oldest first by HQ's issue time."""
        rows = self._rows(
            "SELECT serial, hq_device, issued_at, imported_at, highest_seq, acked_change, "
            "summary FROM sync_receipts ORDER BY issued_at, id"
        )
        return [
            ReceiptRow(int(r[0]), r[1], r[2], r[3], int(r[4]), int(r[5]), json.loads(r[6]))
            for r in rows
        ]

    def last_receipt(self) -> ReceiptRow | None:
        found = self.receipts()
        return found[-1] if found else None

    def has_receipt(self, hq_device: str, serial: int, issued_at: str) -> bool:
        rows = self._rows(
            "SELECT 1 FROM sync_receipts WHERE hq_device = ? AND serial = ? AND issued_at = ?",
            (hq_device, serial, issued_at),
        )
        return bool(rows)

    def acked_change(self) -> int:
        """The change-log seq up to which HQ's latest receipt says it holds every change.
        The latest, not the highest ever: an HQ that lost data (restored from a backup) says
        less, and the district must then send those changes again."""
        last = self.last_receipt()
        return last.acked_change if last else 0

    def back_applied(self) -> tuple[int, bool]:
        """How far in HQ's change log this district applied HQ's records back (the latest
        receipt's page end: HQ's word, like :meth:`acked_change`), and whether that page
        brought records or announced more (then a bundle must confirm it even when nothing
        else is new; an empty page is confirmed by the next bundle made anyway)."""
        last = self.last_receipt()
        back = last.summary.get("back") if last else None
        if not isinstance(back, dict) or type(back.get("through")) is not int:
            return 0, False
        brought = bool(last.summary.get("records_back")) if last else False
        return int(back["through"]), brought or back.get("more") is True

    def add_receipt(
        self,
        row: ReceiptRow,
        actor: Actor,
        *,
        settings: Mapping[str, str] | None = None,
        also_log: Sequence[audit.NewEntry] = (),
        notices: Sequence[NoticeRow] | None = None,
        conn: Connection | None = None,
    ) -> list[OutboxRow]:
        """Record a receipt and mark the outbox bundles it acknowledges (seq <= highest) as
        acknowledged, dropping their kept copies. Returns the bundles newly acknowledged.
        ``settings`` (what the receipt installs, such as HQ's reference update), ``notices``
        (HQ's notices, replacing the kept ones; None keeps them) and the ``also_log`` entries
        are written in the same transaction. ``conn``: the connection of a transaction the
        caller holds (the records HQ sent back are written in it too); None opens one."""
        newly = [o for o in self.outbox(pending_only=True) if o.seq <= row.highest_seq]
        with transaction(self._conn) if conn is None else nullcontext(conn) as conn:
            if settings:
                settings_table.put(conn, settings)
            if notices is not None:
                _replace_notices(conn, notices, row.serial, actor.at)
            conn.execute(
                "INSERT INTO sync_receipts(serial, hq_device, issued_at, imported_at, "
                "highest_seq, acked_change, summary) VALUES (?,?,?,?,?,?,?)",
                (
                    row.serial,
                    row.hq_device,
                    row.issued_at,
                    row.imported_at,
                    row.highest_seq,
                    row.acked_change,
                    to_json(row.summary),
                ),
            )
            conn.execute(
                "UPDATE sync_outbox SET acked_at = ?, data = NULL "
                "WHERE acked_at IS NULL AND seq <= ?",
                (actor.at, row.highest_seq),
            )
            audit.append(
                conn,
                [
                    _entry(
                        actor,
                        "sync.receipt",
                        "receipt",
                        str(row.serial),
                        highest=row.highest_seq,
                        acked_change=row.acked_change,
                    ),
                    *also_log,
                ],
            )
        return newly

    def notices(self) -> list[NoticeRow]:
        """HQ's notices as of the latest receipt, by case number."""
        rows = self._rows(
            "SELECT id, kind, case_id, case_number, other_district, other_case_number, "
            "first_seen, receipt_serial FROM sync_notices ORDER BY case_number, other_district, "
            "other_case_number"
        )
        return [NoticeRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], int(r[7])) for r in rows]

    # --- district: reading what to export ------------------------------------------------
    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """A read transaction: every read inside sees one consistent state of the store."""
        with translated():
            self._conn.execute("BEGIN")
            try:
                yield
            finally:
                self._conn.execute("COMMIT")

    def max_change(self) -> int:
        return int(self._rows("SELECT coalesce(max(seq), 0) FROM changes")[0][0])

    def changed_after(self, after: int) -> dict[str, list[str]]:
        """Ids of records changed after change ``after``, by kind, in first-change order."""
        out: dict[str, list[str]] = {}
        rows = self._rows(
            "SELECT kind, record_id FROM changes WHERE seq > ? GROUP BY kind, record_id "
            "ORDER BY min(seq)",
            (after,),
        )
        for kind, record_id in rows:
            out.setdefault(kind, []).append(record_id)
        return out

    def latest_changes(self, after: int) -> dict[str, dict[str, int]]:
        """Records changed after change ``after``, by kind, in first-change order, each with
        its latest change position (what a bundle tells HQ about its range)."""
        out: dict[str, dict[str, int]] = {}
        rows = self._rows(
            "SELECT kind, record_id, max(seq) FROM changes WHERE seq > ? "
            "GROUP BY kind, record_id ORDER BY min(seq)",
            (after,),
        )
        for kind, record_id, seq in rows:
            out.setdefault(kind, {})[record_id] = int(seq)
        return out

    def read_rows(self, kind: str, ids: Sequence[str]) -> list[Record]:
        """Current rows of ``kind`` (deleted ones too) for ``ids``, in no particular order."""
        out: list[Record] = []
        table = TABLES[kind]
        for part in chunks(ids):
            sql = f"SELECT {select_columns(kind)} FROM {table} WHERE id IN ({marks(len(part))})"  # noqa: S608
            out += [self._store.opened(from_row(kind, r)) for r in self._rows(sql, part)]
        return out

    def versions(self, kind: str, ids: Sequence[str]) -> dict[str, tuple[int, str]]:
        """``sync_versions`` entries (version, vv JSON) for ``ids`` that have one."""
        out: dict[str, tuple[int, str]] = {}
        for part in chunks(ids):
            sql = VERSIONS_SQL + f"({marks(len(part))})"
            rows = self._rows(sql, (kind, *part))
            out.update({r[0]: (int(r[1]), r[2]) for r in rows})
        return out

    def record(self, kind: str, record_id: str) -> tuple[Record, tuple[int, str] | None] | None:
        """One row (deleted or not) and its ``sync_versions`` entry."""
        found = self.read_rows(kind, [record_id])
        if not found:
            return None
        return found[0], self.versions(kind, [record_id]).get(record_id)

    # --- HQ: devices ---------------------------------------------------------------------
    def devices(self) -> list[DeviceRow]:
        rows = self._rows(
            "SELECT device_id, district, office, signing_key, recipient, fingerprint, "
            "registered_at, registered_by, revoked_at, revoked_by, receipt_serial, "
            "back_confirmed FROM sync_devices ORDER BY district, device_id"
        )
        return [
            DeviceRow(
                r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], int(r[10]), int(r[11])
            )
            for r in rows
        ]

    def device(self, device_id: str) -> DeviceRow | None:
        return next((d for d in self.devices() if d.device_id == device_id), None)

    def add_device(self, row: DeviceRow, office: OfficeRow | None, actor: Actor) -> None:
        """Register a device; its office joins HQ's offices (so its cases validate at HQ)."""
        with transaction(self._conn) as conn:
            conn.execute(
                "INSERT INTO sync_devices(device_id, district, office, signing_key, recipient, "
                "fingerprint, registered_at, registered_by, revoked_at, revoked_by, "
                "receipt_serial, back_confirmed) VALUES (?,?,?,?,?,?,?,?,NULL,NULL,0,0)",
                (
                    row.device_id,
                    row.district,
                    row.office,
                    row.signing_key,
                    row.recipient,
                    row.fingerprint,
                    actor.at,
                    actor.user,
                ),
            )
            if office is not None:
                conn.execute(
                    "INSERT INTO offices(code, name, district, kind, added_at, added_by) "
                    "VALUES (?,?,?,?,?,?) ON CONFLICT(code) DO NOTHING",
                    (office.code, office.name, office.district, office.kind, actor.at, actor.user),
                )
            audit.append(
                conn,
                [
                    _entry(
                        actor,
                        "sync.device.register",
                        "device",
                        row.device_id,
                        district=row.district,
                        fingerprint=row.fingerprint,
                    )
                ],
            )

    def revoke_device(self, device_id: str, actor: Actor) -> None:
        with transaction(self._conn) as conn:
            conn.execute(
                "UPDATE sync_devices SET revoked_at = ?, revoked_by = ? "
                "WHERE device_id = ? AND revoked_at IS NULL",
                (actor.at, actor.user, device_id),
            )
            audit.append(conn, [_entry(actor, "sync.device.revoke", "device", device_id)])

    def confirm_back(self, device_id: str, through: int, conn: Connection | None = None) -> None:
        """Note that the device applied HQ's versions up to change ``through`` (the cursor
        only moves forward)."""
        (conn or self._conn).execute(
            "UPDATE sync_devices SET back_confirmed = max(back_confirmed, ?) WHERE device_id = ?",
            (through, device_id),
        )

    def outgoing(
        self, owner: str, after: int, device_id: str, limit: int
    ) -> list[tuple[int, str, str]]:
        """HQ's change-log rows ``(seq, kind, record id)`` after ``after`` of records whose
        unit ``owner`` owns, made by any device but ``device_id`` (what that device lacks),
        oldest first, at most ``limit``."""
        rows = self._rows(
            "SELECT seq, kind, record_id FROM changes WHERE owner = ? AND seq > ? "
            "AND device IS NOT ? ORDER BY seq LIMIT ?",
            (owner, after, device_id, limit),
        )
        return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]

    def resolutions(self, kind: str, ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """The latest resolved conflict of each record ``ids``: (closed at, outcome)."""
        out: dict[str, tuple[str, str]] = {}
        for part in chunks(list(ids)):
            rows = self._rows(
                "SELECT record_id, closed_at, outcome FROM sync_conflicts WHERE kind = ? "  # noqa: S608
                f"AND status = 'resolved' AND record_id IN ({marks(len(part))}) "
                "ORDER BY closed_at",
                (kind, *part),
            )
            out.update({str(r[0]): (str(r[1]), str(r[2])) for r in rows})
        return out

    def linked_pairs(self, limit: int = 100_000) -> list[tuple[str, str, str, str, str]]:
        """Cases of different owner districts sharing an accused CNIC: ``(case id, case
        number, owner, other case number, other owner)``, both ways, from live rows."""
        rows = self._rows(
            "WITH repeated AS (SELECT cnic FROM accused WHERE cnic != '' GROUP BY cnic "
            "HAVING count(*) > 1), "
            "hits AS (SELECT DISTINCT a.cnic, c.id, c.case_number, c.owner FROM repeated AS r "
            "JOIN accused AS a ON a.cnic = r.cnic JOIN cases AS c ON c.id = a.case_id "
            "WHERE a.deleted = 0 AND c.deleted = 0) "
            "SELECT DISTINCT h.id, h.case_number, h.owner, o.case_number, o.owner "
            "FROM hits AS h JOIN hits AS o ON o.cnic = h.cnic AND o.owner != h.owner "
            "ORDER BY h.owner, h.case_number, o.owner, o.case_number LIMIT ?",
            (limit,),
        )
        return [(str(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4])) for r in rows]

    # --- HQ: bundles, conflicts, quarantine ---------------------------------------------
    def bundles(self, device_id: str | None = None) -> list[BundleRow]:
        where, params = ("WHERE device_id = ? ", (device_id,)) if device_id else ("", ())
        rows = self._rows(
            f"SELECT * FROM sync_bundles {where}ORDER BY device_id, seq",  # noqa: S608
            params,
        )
        return [_bundle_row(r) for r in rows]

    def highest_bundle(self, device_id: str) -> int:
        """The highest bundle number HQ imported from the device (0 when none)."""
        rows = self._rows(
            "SELECT coalesce(max(seq), 0) FROM sync_bundles WHERE device_id = ?", (device_id,)
        )
        return int(rows[0][0])

    def bundle(self, device_id: str, seq: int) -> BundleRow | None:
        rows = self._rows(
            "SELECT * FROM sync_bundles WHERE device_id = ? AND seq = ?", (device_id, seq)
        )
        return _bundle_row(rows[0]) if rows else None

    def conflicts(
        self,
        *,
        status: str | None = "open",
        device_id: str | None = None,
        kind: str | None = None,
        record_id: str | None = None,
    ) -> list[ConflictRow]:
        where: list[str] = []
        params: list[Any] = []
        for col, value in (
            ("status", status),
            ("device_id", device_id),
            ("kind", kind),
            ("record_id", record_id),
        ):
            if value is not None:
                where.append(f"{col} = ?")
                params.append(value)
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        rows = self._rows(
            f"SELECT {CONFLICT_COLUMNS} FROM sync_conflicts{clause} ORDER BY detected_at, id",  # noqa: S608
            params,
        )
        return [conflict_from_row(r, self._store.vault) for r in rows]

    def conflict(self, conflict_id: str) -> ConflictRow | None:
        rows = self._rows(
            f"SELECT {CONFLICT_COLUMNS} FROM sync_conflicts WHERE id = ?",  # noqa: S608
            (conflict_id,),
        )
        return conflict_from_row(rows[0], self._store.vault) if rows else None

    def quarantine(
        self, *, status: str | None = "open", device_id: str | None = None
    ) -> list[QuarantineRow]:
        where: list[str] = []
        params: list[Any] = []
        if status is not None:
            where.append("status = ?")
            params.append(status)
        if device_id is not None:
            where.append("device_id = ?")
            params.append(device_id)
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        rows = self._rows(
            f"SELECT {QUARANTINE_COLUMNS} FROM sync_quarantine{clause} "  # noqa: S608
            "ORDER BY received_at, id",
            params,
        )
        return [quarantine_from_row(r, self._store.vault) for r in rows]

    def quarantine_entries(self, ids: Sequence[str]) -> list[QuarantineRow]:
        """The quarantine entries ``ids`` (whatever their status), in no particular order."""
        out: list[QuarantineRow] = []
        for part in chunks(list(ids)):
            sql = (
                f"SELECT {QUARANTINE_COLUMNS} FROM sync_quarantine WHERE id IN ({marks(len(part))})"  # noqa: S608
            )
            out += [quarantine_from_row(r, self._store.vault) for r in self._rows(sql, part)]
        return out

    def issue_receipt(self, device_id: str, actor: Actor) -> tuple[int, list[BundleRow]]:
        """Take the device's next receipt serial and the bundles imported since its last
        receipt (marked as reported by this serial), in one transaction."""
        with transaction(self._conn) as conn:
            row = conn.execute(
                "SELECT receipt_serial FROM sync_devices WHERE device_id = ?", (device_id,)
            ).fetchone()
            if row is None:
                raise KeyError(device_id)
            serial = int(row[0]) + 1
            conn.execute(
                "UPDATE sync_devices SET receipt_serial = ? WHERE device_id = ?",
                (serial, device_id),
            )
            fresh = [
                BundleRow(
                    r[0],
                    int(r[1]),
                    r[2],
                    int(r[3]),
                    int(r[4]),
                    r[5],
                    r[6],
                    json.loads(r[7]),
                    serial,
                )
                for r in conn.execute(
                    "SELECT * FROM sync_bundles WHERE device_id = ? AND receipt_serial IS NULL "
                    "ORDER BY seq",
                    (device_id,),
                )
            ]
            conn.execute(
                "UPDATE sync_bundles SET receipt_serial = ? "
                "WHERE device_id = ? AND receipt_serial IS NULL",
                (serial, device_id),
            )
            audit.append(
                conn,
                [
                    _entry(
                        actor,
                        "sync.receipt.issue",
                        "device",
                        device_id,
                        serial=serial,
                        bundles=[b.seq for b in fresh],
                    )
                ],
            )
        return serial, fresh


def _replace_notices(conn: Connection, notices: Sequence[NoticeRow], serial: int, at: str) -> None:
    """The kept notices become ``notices``; one kept before keeps when it was first seen."""
    seen = dict(conn.execute("SELECT id, first_seen FROM sync_notices").fetchall())
    conn.execute("DELETE FROM sync_notices")
    conn.executemany(
        "INSERT INTO sync_notices VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(id) DO NOTHING",
        [
            (n.id, n.kind, n.case_id, n.case_number, n.other_district, n.other_case_number,
             seen.get(n.id, at), serial)
            for n in notices
        ],
    )  # fmt: skip


def _bundle_row(r: Sequence[Any]) -> BundleRow:
    result = json.loads(r[7])
    return BundleRow(r[0], int(r[1]), r[2], int(r[3]), int(r[4]), r[5], r[6], result, r[8])
