"""The apply-remote path on PostgreSQL: what a bundle import writes through at HQ.

Contract (the same as :mod:`tipdesk.store.remote_apply`'s, so that
:mod:`tipdesk.services.sync.importer` runs unchanged on either engine):
- :func:`import_batch` opens one transaction and yields a :class:`PgRemoteBatch`; everything
  written through it commits together or not at all.
- Concurrency: before anything is read, the transaction takes an advisory lock on the sending
  device (one bundle of a device at a time) and on every incoming record id **in sorted
  order**, ids not yet stored included (two imports touching the same records queue instead
  of deadlocking; a record that does not exist yet cannot be inserted twice). Record locks
  are row locks on ``sync_record_claims`` (one row per record id ever imported), taken by one
  sorted upsert. The audit chain
  and change log are appended under one more lock taken last, so their order is commit order.
  All of them are transaction-level locks: released at commit or rollback.
- Records are stored with their own bookkeeping untouched; a victim's identifying values are
  sealed by the app (:mod:`tipdesk.hqstore.vault`), in the record row and in quarantine and
  conflict rows alike.
- Writes are buffered and flushed in bulk (:mod:`tipdesk.hqstore.bulk`): new rows, the change
  log and audit entries by COPY; updates, version vectors, record claims and victims' keys
  and search terms by COPY into a staging table and one statement per table. Reads during the
  batch see the rows as they were before it (the importer reads before it writes).
- The search index (:mod:`tipdesk.hqstore.search`) is written with the records, as the
  SQLCipher batch writes its FTS5 rows; the report's per-month summaries follow the record
  rows by themselves (statement-level triggers: :mod:`tipdesk.hqstore.summaries`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg

from tipdesk.core.records import Case, Record, Victim
from tipdesk.hqstore import audit_head, bulk, keys
from tipdesk.hqstore import devices as devices_state
from tipdesk.hqstore.devices import DeviceRow
from tipdesk.hqstore.dialect import POSTGRES, identifier
from tipdesk.hqstore.search import TABLES as SEARCHED
from tipdesk.hqstore.search import SearchIndex
from tipdesk.hqstore.vault import PgVault
from tipdesk.store import audit as store_audit
from tipdesk.store.anchor_store import AnchorRow
from tipdesk.store.handover_store import HandoverRow
from tipdesk.store.identity import IdentityVault
from tipdesk.store.remote_apply import vv_json
from tipdesk.store.remote_reads import RemoteReads
from tipdesk.store.rows import MAPPINGS, TABLES, to_row
from tipdesk.store.store import Actor, Changes
from tipdesk.store.sync_rows import (
    QuarantineRow,
)

Conn = psycopg.Connection[tuple[object, ...]]

_ORDER = ("case", "accused", "victim", "referral", "training", "campaign")
_CHANGE_COLUMNS = ("kind", "record_id", "version", "at", "owner", "device")
_AUDIT_COLUMNS = (
    "seq", "at", "user_name", "device", "action", "kind", "record_id", "detail", "prev_hash",
    "hash",
)  # fmt: skip
LOG_LOCK = 0x6175_6469_745F_6C6F  # the audit chain and change log: commit order
_UNIT_OWNER_SQL = {
    "case": "SELECT r.id, r.owner, r.district FROM cases AS r",
    "training": "SELECT r.id, r.owner, r.district FROM trainings AS r",
    "campaign": "SELECT r.id, r.owner, r.district FROM campaigns AS r",
    "accused": "SELECT r.id, c.owner, '' FROM accused AS r JOIN cases AS c ON c.id = r.case_id",
    "victim": "SELECT r.id, coalesce(c.owner, r.owner), r.district FROM victims AS r "
    "LEFT JOIN cases AS c ON c.id = r.case_id",
    "referral": "SELECT r.id, coalesce(c.owner, v.owner), '' FROM referrals AS r "
    "JOIN victims AS v ON v.id = r.victim_id LEFT JOIN cases AS c ON c.id = v.case_id",
}


def lock_key(text: str) -> int:
    """A signed 64-bit advisory lock key for ``text`` (SHA-256, first 8 bytes): stable across
    processes and versions, unlike PostgreSQL's internal ``hashtext``."""
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big", signed=True)


def _q(sql: str) -> bytes:
    return sql.encode()


_PG_SQL: dict[str, bytes] = {}
"""The shared reads' statements in PostgreSQL's spelling, converted once each."""


class PgRemoteBatch(RemoteReads):
    """Reads and buffered writes of one apply-remote transaction on PostgreSQL (see the
    module contract); the methods and their contracts are
    :class:`tipdesk.store.remote_apply.RemoteBatch`'s, the reads and the conflict,
    quarantine and bundle rows shared with it (:class:`RemoteReads`)."""

    QUARANTINE_CASE = "case_id"
    QUARANTINE_VICTIM = "victim_id"
    QUARANTINE_COLUMNS_EXTRA = ("case_id", "victim_id")
    OPEN_MATCHED_QUARANTINE = True

    def __init__(self, conn: Conn, actor: Actor, vault: PgVault) -> None:
        self.conn = conn
        self.actor = actor
        self.vault = vault
        self.changes = Changes()
        self._victims: list[Victim] = []
        self._sealed_ids: set[int] = set()  # id() of victims in _victims (kept alive there)
        self._new_victims: set[str] = set()
        self._inserts: dict[str, list[tuple[Any, ...]]] = {k: [] for k in _ORDER}
        self._updates: dict[str, dict[str, tuple[Any, ...]]] = {k: {} for k in _ORDER}
        self._change_rows: list[tuple[str, str, int, str, str, str]] = []
        self._versions: list[tuple[str, str, int, str]] = []
        self._audit: list[store_audit.NewEntry] = []
        self._search = SearchIndex()

    # --- reads ---------------------------------------------------------------------------
    def handed_over(self, case_ids: Sequence[str]) -> dict[str, HandoverRow]:
        from tipdesk.hqstore.handovers import PgHandovers  # it imports this module

        return PgHandovers(self.conn).of_cases(case_ids)

    # --- what the shared reads ask of the engine (tipdesk.store.remote_reads) -------------
    def _run(self, sql: str, params: Sequence[Any] = ()) -> Iterable[Sequence[Any]]:
        text = _PG_SQL.get(sql)
        if text is None:
            text = _PG_SQL[sql] = POSTGRES.params(sql).encode()
        return self.conn.execute(text, params)

    def _among(self, column: str, ids: Sequence[str]) -> Iterator[tuple[str, list[Any]]]:
        if ids:  # one array parameter: no chunks, no statement per size
            yield f"{column} = ANY(?)", [list(ids)]

    def _identities(self) -> IdentityVault:
        return self.vault

    def _quarantine_extra(self, row: QuarantineRow) -> tuple[Any, ...]:
        """The parent ids PostgreSQL keeps in columns (SQLite reads them from the JSON)."""
        record = row.record
        case_id = record.get("case_id") if row.kind in ("accused", "victim") else None
        victim_id = record.get("victim_id") if row.kind == "referral" else None
        return (
            case_id if isinstance(case_id, str) else None,
            victim_id if isinstance(victim_id, str) else None,
        )

    def unit_owners(self, kind: str, ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        rows = self.conn.execute(_q(f"{_UNIT_OWNER_SQL[kind]} WHERE r.id = ANY(%s)"), (list(ids),))
        return {str(r[0]): (str(r[1]), str(r[2])) for r in rows}

    # --- writes --------------------------------------------------------------------------
    def write(
        self,
        record: Record,
        vv: dict[str, int],
        *,
        rowid: int | None,
        row: tuple[Any, ...] | None = None,
        owner: str = "",
    ) -> int:
        kind = record.KIND
        values = self._sealed(record, row if row is not None else to_row(record))
        if rowid is None:
            (new,) = self.insert_new(kind, [(record, vv, values)], owner)
            return new
        # Buffered like the inserts: one UPDATE ... FROM a staging table per kind at flush
        # (a record is written once per import; were it twice, the last values win).
        self._updates[kind][record.id] = values
        if kind in SEARCHED and kind != "case":  # cases: index_case (children's words)
            self._search.put(record, rowid)
        self.changes.add(kind, record.id)
        self._change_rows.append(
            (kind, record.id, record.version, self.actor.at, owner, record.updated_device)
        )
        self._versions.append((kind, record.id, record.version, vv_json(vv)))
        return rowid

    def insert_new(
        self,
        kind: str,
        items: Sequence[tuple[Record, dict[str, int], Sequence[Any] | None]],
        owners: Sequence[str] | str = "",
    ) -> list[int]:
        owner_of = [owners] * len(items) if isinstance(owners, str) else owners
        table = identifier(TABLES[kind])
        # Row ids reserved from the table's identity sequence: the rows are inserted at flush.
        rowids = [
            int(str(r[0]))
            for r in self.conn.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'rowid')) FROM generate_series(1, %s)",
                (table, len(items)),
            )
        ]
        at = self.actor.at
        for (record, vv, values), owner, rowid in zip(items, owner_of, rowids, strict=True):
            plain = values if values is not None else to_row(record)
            self._inserts[kind].append((rowid, *self._sealed(record, plain)))
            if kind == "victim":
                self._new_victims.add(record.id)
            if kind in SEARCHED and kind != "case":
                self._search.put(record, rowid)
            self._change_rows.append(
                (kind, record.id, record.version, at, owner, record.updated_device)
            )
            self._versions.append((kind, record.id, record.version, vv_json(vv)))
        self.changes.add_many(kind, (record.id for record, _vv, _values in items))
        return rowids

    def _sealed(self, record: Record, values: Sequence[Any]) -> tuple[Any, ...]:
        # A bundle's decoded row may carry Python booleans where SQLite would store 0/1 as
        # it binds them: COPY writes them as 0/1 (tipdesk.hqstore.bulk), no conversion here.
        values = tuple(values)
        if not isinstance(record, Victim):
            return values
        if id(record) in self._sealed_ids:
            return values  # already sealed (write() passes sealed values on)
        self._sealed_ids.add(id(record))
        self._victims.append(record)
        return self.vault.seal_values(record, values, MAPPINGS["victim"].columns)

    def index_case(self, case: Case, rowid: int, *, new: bool) -> None:
        """(Re)index a case with its accused and victims for search (written at flush)."""
        self._search.put(case, rowid)

    # --- what the importer asks of HQ beside the batch ------------------------------------
    def anchors(self, device_id: str) -> list[AnchorRow]:
        """The device's recorded audit heads, oldest bundle first."""
        rows = self.conn.execute(
            "SELECT device_id, bundle_seq, entry, hash, proof_entry, proof_hash, received_at, "
            "problem, detail FROM sync_anchors WHERE device_id = %s ORDER BY bundle_seq",
            (device_id,),
        )
        return [
            AnchorRow(
                str(r[0]), int(str(r[1])), int(str(r[2])), str(r[3]), int(str(r[4])),
                str(r[5]), str(r[6]), str(r[7]), str(r[8]),
            )
            for r in rows
        ]  # fmt: skip

    def add_anchor(self, row: AnchorRow) -> None:
        self.conn.execute(
            "INSERT INTO sync_anchors (device_id, bundle_seq, entry, hash, proof_entry, "
            "proof_hash, received_at, problem, detail) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s) "
            "ON CONFLICT (device_id, bundle_seq) DO UPDATE SET entry = excluded.entry, "
            "hash = excluded.hash, proof_entry = excluded.proof_entry, "
            "proof_hash = excluded.proof_hash, received_at = excluded.received_at, "
            "problem = excluded.problem, detail = excluded.detail",
            (
                row.device_id, row.bundle_seq, row.entry, row.hash, row.proof_entry,
                row.proof_hash, row.received_at, row.problem, row.detail,
            ),
        )  # fmt: skip

    def confirm_back(self, device_id: str, through: int) -> None:
        """The device applied HQ's versions up to change ``through`` (only moves forward)."""
        self.conn.execute(
            "UPDATE sync_devices SET back_confirmed = greatest(back_confirmed, %s) "
            "WHERE device_id = %s",
            (through, device_id),
        )

    # --- flush ---------------------------------------------------------------------------
    def flush(self) -> None:
        """Write the buffered rows (parents before children; a kind's updates after its
        inserts), the change log, version vectors, identity keys and terms, and the audit
        entries (under the log lock)."""
        for kind in _ORDER:
            if self._inserts[kind]:
                columns = ("rowid", *MAPPINGS[kind].columns)
                bulk.copy_rows(self.conn, TABLES[kind], columns, self._inserts[kind])
            if self._updates[kind]:
                # After the inserts: an update of a record inserted by this batch finds it.
                bulk_update(self.conn, kind, list(self._updates[kind].values()))
        self.vault.index(self._victims, self._new_victims)
        self._search.flush(self.conn)
        self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOG_LOCK,))
        if self._change_rows:
            bulk.copy_rows(self.conn, "changes", _CHANGE_COLUMNS, self._change_rows)
        if self._versions:
            # One statement for the whole batch (the last version of a record wins, as
            # the one-row upserts in order would have it).
            bulk.executemany(
                self.conn,
                "INSERT INTO sync_versions (kind, record_id, version, vv) "
                "VALUES (%s, %s, %s, %s) ON CONFLICT (kind, record_id) DO UPDATE SET "
                "version = excluded.version, vv = excluded.vv",
                self._versions,
            )
        append_audit(self.conn, self._audit)
        self._victims.clear()
        self._sealed_ids.clear()
        self._new_victims.clear()
        self._change_rows.clear()
        self._versions.clear()
        self._audit.clear()
        self._inserts = {k: [] for k in _ORDER}
        self._updates = {k: {} for k in _ORDER}


def bulk_update(conn: Conn, kind: str, rows: Sequence[Sequence[Any]]) -> None:
    """Update stored records of ``kind`` to ``rows`` (all columns, ``id`` first) with one
    ``UPDATE ... FROM`` a staging table (:mod:`tipdesk.hqstore.bulk`)."""
    columns = MAPPINGS[kind].columns
    stage = bulk.staged(conn, TABLES[kind], columns, rows)
    sets = ", ".join(f"{identifier(c)} = s.{identifier(c)}" for c in columns if c != "id")
    conn.execute(
        _q(
            f"UPDATE {identifier(TABLES[kind])} AS t SET {sets} "  # noqa: S608
            f"FROM {identifier(stage)} AS s WHERE t.id = s.id"
        )
    )


_canonical = json.JSONEncoder(separators=(",", ":"), sort_keys=True, ensure_ascii=False).encode


def append_audit(conn: Conn, entries: Sequence[store_audit.NewEntry]) -> int:
    """Append ``entries`` to the hash-chained audit table in order (the caller holds
    :data:`LOG_LOCK`); the hashes are :func:`tipdesk.store.audit.entry_hash`'s, so the
    chain verifies with the same rules as the SQLCipher store's. Returns the last seq."""
    # Through the audited head function: the importer appends, and may not read the audit.
    seq, prev = audit_head.head(conn) or (0, store_audit.GENESIS)
    out = []
    for e in entries:
        seq += 1
        detail = _canonical(e.detail or {})
        h = store_audit.entry_hash(
            seq, e.at, e.user, e.device, e.action, e.kind, e.record_id, detail, prev
        )
        out.append((seq, e.at, e.user, e.device, e.action, e.kind, e.record_id, detail, prev, h))
        prev = h
    if out:
        bulk.copy_rows(conn, "audit", _AUDIT_COLUMNS, out)
    return seq


def verify_audit(conn: Conn) -> tuple[bool, int]:
    """Walk the chain: ``(ok, entries)``; not ok at the first entry whose hash or link does
    not match."""
    prev = store_audit.GENESIS
    n = 0
    for r in conn.execute(
        "SELECT seq, at, user_name, device, action, kind, record_id, detail, prev_hash, hash "
        "FROM audit ORDER BY seq"
    ):
        n += 1
        at, user, device, action, kind, record_id, detail = (str(v) for v in r[1:8])
        expected = store_audit.entry_hash(
            int(str(r[0])), at, user, device, action, kind, record_id, detail, prev
        )
        if int(str(r[0])) != n or str(r[8]) != prev or str(r[9]) != expected:
            return False, n
        prev = expected
    return True, n


def link_identity(conn: Conn, public_key: str, index_key: bytes) -> None:
    """Give the HQ database the HQ install's identity public key and the fingerprint of its
    index key (never the key: :func:`tipdesk.hqstore.keys.link`), so identities sealed on
    either engine are read by the same officers and hashed alike. Raises
    :class:`~tipdesk.hqstore.keys.LinkedElsewhere` for a database linked to another HQ."""
    keys.link(conn, public_key, index_key)


@contextmanager
def import_batch(
    conn: Conn,
    actor: Actor,
    device_id: str,
    record_ids: Sequence[str],
    private: bytes | None,
    *,
    index_key: bytes,
) -> Iterator[PgRemoteBatch]:
    """One apply-remote transaction on ``conn`` with the import's locks taken (see the module
    contract); ``private``: the identity key when the signed-in user may reveal identities;
    ``index_key``: the HQ install's index key (refused when the database is another's)."""
    with conn.transaction():
        keys.check(conn, index_key)
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (lock_key(f"device:{device_id}"),))
        ids = sorted(set(record_ids))
        if ids:
            # Row locks, not advisory ones: a lock per record would overflow PostgreSQL's
            # shared lock table on a 100,000-record bundle (20,000 advisory locks in one
            # transaction already fail with "out of shared memory", SQLSTATE 53200, at the
            # default max_locks_per_transaction of 64); a row lock lives in the row. The
            # upsert takes them in the order of its input (sorted), waiting on another
            # import's claim of the same record, new ids included, until that one commits.
            # The ids arrive by COPY (binding them as an array costs Python work per id).
            # The update leaves the row as it was (it only takes the lock): a bundle found
            # to be a duplicate afterwards must leave the database unchanged.
            stage = bulk.staged(conn, "sync_record_claims", ["record_id"], [(i,) for i in ids])
            conn.execute(
                _q(
                    "INSERT INTO sync_record_claims (record_id) "  # noqa: S608
                    f'SELECT record_id FROM {stage} ORDER BY record_id COLLATE "C" '
                    "ON CONFLICT (record_id) DO UPDATE SET "
                    "claims = sync_record_claims.claims"
                )
            )
        vault = PgVault(conn, index_key=index_key)
        if private is not None:
            vault.unlock(private)
        batch = PgRemoteBatch(conn, actor, vault)
        yield batch
        batch.flush()


def mirror_devices(conn: Conn, devices: Sequence[DeviceRow]) -> None:
    """Bring the device registry's copy in PostgreSQL up to date: ``(device_id, district,
    office, registered_at, revoked_at)`` of every device the HQ install registered (the
    registry itself, with the devices' keys, stays in the HQ install's store in this slice).
    Coverage counts devices from it; the sync tables refer to it. A revocation PostgreSQL
    holds is kept, whatever the install says (:mod:`tipdesk.hqstore.devices`).

    Only new or changed rows are written: an upsert would lock every device row, and two
    importers of different devices would then wait for each other."""
    held: dict[str, DeviceRow] = {
        str(r[0]): (str(r[0]), str(r[1]), str(r[2]), str(r[3]), None if r[4] is None else str(r[4]))
        for r in conn.execute(
            "SELECT device_id, district, office, registered_at, revoked_at FROM sync_devices"
        )
    }
    changed = [d for d in devices if held.get(d[0]) != devices_state.merged(held.get(d[0]), d)]
    if not changed:
        return
    with conn.cursor() as cur:
        cur.executemany(devices_state.UPSERT, changed)
