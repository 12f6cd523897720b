"""The apply-remote path: writing records that come from another install exactly as they are.

Contract:
- :func:`remote_batch` opens one write transaction (``BEGIN IMMEDIATE``) and yields a
  :class:`RemoteBatch`; everything written through it commits together or not at all (a crash
  or an exception leaves the store as it was).
- :meth:`RemoteBatch.write` stores a record with its own bookkeeping (id, version, created and
  updated by/at/device) untouched, keeps the full-text index in step, appends a change-log row
  and records the record's version vector in ``sync_versions``. Audit entries are added with
  :meth:`RemoteBatch.audit`, in the same transaction.
- The batch does not validate, merge or decide anything: :mod:`tipdesk.services.sync.importer` does,
  before it writes. The store's normal optimistic-concurrency check does not apply here: a
  remote version replaces the row only when the merge says so.
- Reads through the batch see the transaction's own state. Belongs to the store's thread.
"""

from __future__ import annotations

import json
import json.encoder
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from typing import Any

from tipdesk.core.records import PARENT_KEY, Case, Record, Victim
from tipdesk.store import audit, report_bulk, search
from tipdesk.store.driver import CACHE_KIB, Connection, insert_rows, transaction
from tipdesk.store.handover_store import HandoverRow, HandoverStore
from tipdesk.store.owners import unit_owners
from tipdesk.store.rows import MAPPINGS, TABLES, from_row, select_columns, to_row, update_sql
from tipdesk.store.store import Actor, Changes, Store
from tipdesk.store.sync_rows import (
    CONFLICT_COLUMNS,
    BundleRow,
    ConflictRow,
    QuarantineRow,
    chunks,
    conflict_from_row,
    marks,
    quarantine_from_row,
    to_json,
)

_ORDER = ("case", "accused", "victim", "referral", "training", "campaign")
_INDEXED = frozenset({"victim", "training", "campaign"})  # cases are indexed with children
_VERSIONS_SQL = "SELECT record_id, version, vv FROM sync_versions WHERE kind = ? AND record_id IN "
_QUARANTINE_COLUMNS = (
    "id, device_id, bundle_seq, kind, record_id, version, vv, record, problems, received_at, status"
)
_QUARANTINE_SQL = (
    "SELECT id, device_id, bundle_seq, kind, record_id, version, vv, record, problems, "
    "received_at, status FROM sync_quarantine WHERE status = 'open' AND kind = ? AND record_id IN "
)


@dataclass(frozen=True, slots=True)
class StoredRow:
    """A row as HQ holds it: its rowid, the record (no children) and its ``sync_versions``
    entry (version, vv JSON) when sync wrote it."""

    rowid: int
    record: Record
    synced: tuple[int, str] | None


class RemoteBatch:
    """Reads and buffered writes of one apply-remote transaction (see the module contract)."""

    def __init__(self, conn: Connection, actor: Actor, store: Store) -> None:
        self.conn = conn
        self.actor = actor
        self._store = store
        self._victims: list[Victim] = []  # identity keys and terms written at flush
        self._new_victims: set[str] = set()
        self.changes = Changes()
        self._inserts: dict[str, list[tuple[Any, ...]]] = {k: [] for k in _ORDER}
        self._new_fts: dict[str, list[tuple[Any, ...]]] = {}
        self._change_rows: list[tuple[str, str, int, str, str, str]] = []
        self._versions: list[tuple[str, str, int, str]] = []
        self._audit: list[audit.NewEntry] = []
        self._rowids: dict[str, int] = {}

    # --- reads ---------------------------------------------------------------------------
    @property
    def store(self) -> Store:
        """The store this batch writes to (its connection is :attr:`conn`)."""
        return self._store

    def handed_over(self, case_ids: Sequence[str]) -> dict[str, HandoverRow]:
        """The latest handover (not refused) of each of ``case_ids`` that has one."""
        return HandoverStore(self._store).of_cases(case_ids)

    def stored(self, kind: str, ids: Sequence[str]) -> dict[str, StoredRow]:
        """HQ's rows of ``kind`` for ``ids`` (deleted ones too), with their vv entries."""
        table = TABLES[kind]
        found: dict[str, tuple[int, Record]] = {}
        for part in chunks(ids):
            sql = (
                f"SELECT rowid, {select_columns(kind)} FROM {table} "  # noqa: S608
                f"WHERE id IN ({marks(len(part))})"
            )
            for row in self.conn.execute(sql, part):
                found[row[1]] = (int(row[0]), self._store.opened(from_row(kind, row[1:])))
        synced: dict[str, tuple[int, str]] = {}
        keys = list(found)
        for part in chunks(keys):
            sql = _VERSIONS_SQL + f"({marks(len(part))})"
            for r in self.conn.execute(sql, (kind, *part)):
                synced[r[0]] = (int(r[1]), r[2])
        return {i: StoredRow(rid, rec, synced.get(i)) for i, (rid, rec) in found.items()}

    def children(self, kind: str, parent_ids: Sequence[str]) -> dict[str, list[StoredRow]]:
        """Non-deleted stored children of ``kind`` (accused, victim or referral) by parent."""
        key = PARENT_KEY[kind]
        table = TABLES[kind]
        ids: list[str] = []
        for part in chunks(parent_ids):
            sql = (
                f"SELECT id FROM {table} WHERE deleted = 0 "  # noqa: S608
                f"AND {key} IN ({marks(len(part))})"
            )
            ids += [r[0] for r in self.conn.execute(sql, part)]
        out: dict[str, list[StoredRow]] = {}
        for row in self.stored(kind, ids).values():
            out.setdefault(getattr(row.record, key) or "", []).append(row)
        return out

    def open_conflicts(self, kind: str, ids: Sequence[str]) -> dict[str, list[ConflictRow]]:
        """Open conflicts of the records ``ids`` of ``kind``, by record id."""
        out: dict[str, list[ConflictRow]] = {}
        if not self.conn.execute(
            "SELECT 1 FROM sync_conflicts WHERE status = 'open' LIMIT 1"
        ).fetchone():
            return out  # the usual case: nothing to look up per record
        for part in chunks(ids):
            rows = self.conn.execute(
                f"SELECT {CONFLICT_COLUMNS} FROM sync_conflicts WHERE status = 'open' "  # noqa: S608
                f"AND kind = ? AND record_id IN ({marks(len(part))}) ORDER BY id",
                (kind, *part),
            )
            for r in rows:
                c = conflict_from_row(r, self._store.vault)
                out.setdefault(c.record_id, []).append(c)
        return out

    def has_open_quarantine(self) -> bool:
        row = self.conn.execute("SELECT 1 FROM sync_quarantine WHERE status = 'open' LIMIT 1")
        return row.fetchone() is not None

    def open_quarantine(self, kind: str, ids: Sequence[str]) -> dict[str, list[QuarantineRow]]:
        """Open quarantine entries of the records ``ids`` of ``kind``, by record id."""
        out: dict[str, list[QuarantineRow]] = {}
        if not self.has_open_quarantine():
            return out
        for part in chunks(ids):
            sql = _QUARANTINE_SQL + f"({marks(len(part))}) ORDER BY id"
            rows = self.conn.execute(sql, (kind, *part))
            for r in rows:
                q = QuarantineRow(
                    r[0],
                    r[1],
                    int(r[2]),
                    r[3],
                    r[4],
                    int(r[5]),
                    json.loads(r[6]),
                    json.loads(r[7]),
                    json.loads(r[8]),
                    r[9],
                    r[10],
                )
                out.setdefault(q.record_id, []).append(q)
        return out

    def quarantine_of_device(self, device_id: str) -> list[QuarantineRow]:
        """Every open quarantine entry from ``device_id``, oldest first (HQ's re-check)."""
        rows = self.conn.execute(
            f"SELECT {_QUARANTINE_COLUMNS} FROM sync_quarantine "  # noqa: S608
            "WHERE status = 'open' AND device_id = ? ORDER BY received_at, id",
            (device_id,),
        )
        return [quarantine_from_row(r, self._store.vault) for r in rows]

    def quarantine_of_units(
        self, case_ids: Sequence[str], victim_ids: Sequence[str], device_id: str
    ) -> list[QuarantineRow]:
        """Open quarantine entries from ``device_id`` of the rows that belong to these case
        units (the case, its accused and victims, their referrals) and victim units (the
        victim and referrals). Another device's entries are never taken up: a device must not
        bring in what another device was refused."""
        found: dict[str, QuarantineRow] = {}

        def fetch(where: str, ids: Sequence[str]) -> None:
            for part in chunks(ids):
                sql = (
                    f"SELECT {_QUARANTINE_COLUMNS} FROM sync_quarantine "  # noqa: S608
                    f"WHERE status = 'open' AND device_id = ? AND {where} IN "
                    f"({marks(len(part))})"
                )
                for r in self.conn.execute(sql, (device_id, *part)):
                    found[r[0]] = quarantine_from_row(r, self._store.vault)

        fetch("kind = 'case' AND record_id", case_ids)
        fetch("kind IN ('accused', 'victim') AND json_extract(record, '$.case_id')", case_ids)
        victims = set(victim_ids)
        victims |= {q.record_id for q in found.values() if q.kind == "victim"}
        for rows in self.children("victim", case_ids).values():
            victims |= {v.record.id for v in rows}
        fetch("kind = 'victim' AND record_id", victim_ids)
        fetch("kind = 'referral' AND json_extract(record, '$.victim_id')", sorted(victims))
        return sorted(found.values(), key=lambda q: q.id)

    def unit_owners(self, kind: str, ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """The owner district of each stored record's unit, and its own district
        (:func:`tipdesk.store.store.unit_owners`), as this transaction sees them."""
        return unit_owners(self.conn, kind, ids)

    def max_change(self) -> int:
        """The last position in this store's change log (rows this batch buffers excluded)."""
        return int(self.conn.execute("SELECT coalesce(max(seq), 0) FROM changes").fetchone()[0])

    def touch(self, record: Record, owner: str) -> None:
        """Append a change-log row for ``record`` as stored, without writing it: the next
        bundle carries it again (a local version kept over HQ's concurrent one)."""
        self._change_rows.append(
            (record.KIND, record.id, record.version, self.actor.at, owner, record.updated_device)
        )

    def bundle(self, device_id: str, seq: int) -> str | None:
        """The SHA-256 of bundle ``seq`` of ``device_id`` if it was imported, else None."""
        row = self.conn.execute(
            "SELECT sha256 FROM sync_bundles WHERE device_id = ? AND seq = ?", (device_id, seq)
        ).fetchone()
        return str(row[0]) if row else None

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
        """Store ``record`` as it is: insert when ``rowid`` is None, else update that row.
        ``row`` is the record's column values when the caller has them already; ``owner`` is
        the owner district of the record's unit, for the change log. Returns the row's rowid.
        Cases are indexed by :meth:`index_case` (their text includes children)."""
        kind = record.KIND
        values = self._sealed(record, row if row is not None else to_row(record))
        if rowid is None:
            (new,) = self.insert_new(kind, [(record, vv, values)], owner)
            return new
        self.conn.execute(update_sql(kind), (*values[1:], record.id))
        if kind in _INDEXED:
            search.reindex(self.conn, rowid, record)
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
        """Insert new records of ``kind``, each ``(record, vv, column values or None)``,
        exactly as :meth:`write` inserts one; returns their rowids, in order. ``owners``: the
        owner district of each record's unit (one for all when a text). One loop for a whole
        bundle's new rows of a kind (an HQ import's usual case)."""
        owner_of = [owners] * len(items) if isinstance(owners, str) else owners
        last = self._last_rowid(kind)
        inserts = self._inserts[kind]
        change_rows = self._change_rows
        versions = self._versions
        new_fts = self._new_fts
        indexed = kind in _INDEXED
        at = self.actor.at
        rowids: list[int] = []
        # Rows decoded from one bundle share their version-vector objects (a dictionary-
        # encoded column), so each distinct vector is written as JSON once.
        vv_texts: dict[int, str] = {}
        for (record, vv, values), owner in zip(items, owner_of, strict=True):
            last += 1
            plain = values if values is not None else to_row(record)
            inserts.append((last, *self._sealed(record, plain)))
            if kind == "victim":
                self._new_victims.add(record.id)
            if indexed and not record.deleted:
                sql, params = search.rowid_index(record, last)
                new_fts.setdefault(sql, []).append(params)
            record_id, version = record.id, record.version
            change_rows.append((kind, record_id, version, at, owner, record.updated_device))
            text = vv_texts.get(id(vv))
            if text is None:
                text = vv_texts[id(vv)] = vv_json(vv)
            versions.append((kind, record_id, version, text))
            rowids.append(last)
        self._rowids[kind] = last
        self.changes.add_many(kind, (record.id for record, _vv, _values in items))
        return rowids

    def _sealed(self, record: Record, values: Sequence[Any]) -> tuple[Any, ...]:
        """A victim's values with its identity sealed (and noted for its keys and terms)."""
        if not isinstance(record, Victim):
            return tuple(values)
        self._victims.append(record)
        return self._store.vault.seal_values(record, values, MAPPINGS["victim"].columns)

    def _last_rowid(self, kind: str) -> int:
        # Rowids of new rows are given explicitly, so their search entries can be written
        # directly; the transaction holds the write lock, so nobody else takes them.
        if kind not in self._rowids:
            table = TABLES[kind]
            row = self.conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()  # noqa: S608
            self._rowids[kind] = int(row[0])
        return self._rowids[kind]

    def index_case(self, case: Case, rowid: int, *, new: bool) -> None:
        """(Re)index a case with its accused and victims for search; ``new`` when the case
        row was inserted by this batch."""
        if new:
            if not case.deleted:
                sql, params = search.rowid_index(case, rowid)
                self._new_fts.setdefault(sql, []).append(params)
        else:
            search.reindex(self.conn, rowid, case)

    def _kept(self, kind: str, record_id: str, record: Any) -> Any:
        """A version as the conflict and quarantine tables keep it: a victim's identity
        sealed, as in its row (only holders of the identity key read it)."""
        if kind == "victim" and isinstance(record, dict):
            return self._store.vault.seal_json(record_id, record)
        return record

    def add_conflict(self, row: ConflictRow) -> None:
        self.conn.execute(
            "INSERT INTO sync_conflicts VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT(id) DO NOTHING",
            (
                row.id,
                row.kind,
                row.record_id,
                row.status,
                row.version,
                to_json(row.vv),
                to_json(self._kept(row.kind, row.record_id, row.record)),
                row.device_id,
                row.bundle_seq,
                row.detected_at,
                row.closed_at,
                row.closed_by,
                row.outcome,
            ),
        )

    def close_conflict(self, conflict_id: str, status: str, outcome: str) -> None:
        self.conn.execute(
            "UPDATE sync_conflicts SET status = ?, outcome = ?, closed_at = ?, closed_by = ? "
            "WHERE id = ? AND status = 'open'",
            (status, outcome, self.actor.at, self.actor.user, conflict_id),
        )

    def add_quarantine(self, row: QuarantineRow) -> None:
        self.conn.execute(
            "INSERT INTO sync_quarantine VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO NOTHING",
            (
                row.id,
                row.device_id,
                row.bundle_seq,
                row.kind,
                row.record_id,
                row.version,
                to_json(row.vv),
                to_json(self._kept(row.kind, row.record_id, row.record)),
                to_json(row.problems),
                row.received_at,
                row.status,
            ),
        )

    def close_quarantine(self, quarantine_id: str, status: str) -> None:
        self.conn.execute(
            "UPDATE sync_quarantine SET status = ? WHERE id = ? AND status = 'open'",
            (status, quarantine_id),
        )

    def add_bundle(self, row: BundleRow) -> None:
        self.conn.execute(
            "INSERT INTO sync_bundles VALUES (?,?,?,?,?,?,?,?,NULL)",
            (
                row.device_id,
                row.seq,
                row.sha256,
                row.from_change,
                row.to_change,
                row.created_at,
                row.imported_at,
                to_json(row.result),
            ),
        )

    def audit(self, entry: audit.NewEntry) -> None:
        self._audit.append(entry)

    def flush(self) -> None:
        """Write the buffered rows: parents before children, then search, change log,
        version vectors and audit entries."""
        summarised = any(self._inserts[k] for k in ("case", "accused", "victim"))
        with report_bulk.summarised_inserts(self.conn) if summarised else nullcontext():
            for kind in _ORDER:
                insert_rows(self.conn, _insert_with_rowid(kind), self._inserts[kind])
        for sql, params in self._new_fts.items():
            insert_rows(self.conn, sql, params)
        insert_rows(
            self.conn,
            "INSERT INTO changes(kind, record_id, version, at, owner, device)",
            self._change_rows,
        )
        insert_rows(
            self.conn,
            "INSERT INTO sync_versions(kind, record_id, version, vv)",
            self._versions,
            "ON CONFLICT(kind, record_id) DO UPDATE SET version = excluded.version, "
            "vv = excluded.vv",
        )
        self._store.vault.index(self._victims, self._new_victims)
        self._victims.clear()
        self._new_victims.clear()
        audit.append(self.conn, self._audit)
        for buffer in (self._change_rows, self._versions, self._audit):
            buffer.clear()
        self._new_fts.clear()
        self._inserts = {k: [] for k in _ORDER}


_encode_text: Callable[[str], str] = json.encoder.encode_basestring


def vv_json(vv: dict[str, int]) -> str:
    """A version vector as the sorted compact JSON ``sync_versions`` keeps (:func:`to_json`),
    built directly for the usual one-device vector."""
    if len(vv) == 1:
        ((device, n),) = vv.items()
        if type(n) is int:
            return "{" + _encode_text(device) + ":" + str(n) + "}"
    return to_json(vv)


def _insert_with_rowid(kind: str) -> str:
    cols = ", ".join(MAPPINGS[kind].columns)
    return f"INSERT INTO {TABLES[kind]} (rowid, {cols})"


CACHE_KIB_PER_ROW = 3
"""Page cache (KiB) to add per incoming row: a row with its indexes, search terms, change-log
and version rows dirties about 1 KiB of pages, and the pages it touches must stay cached."""
MAX_CACHE_KIB = 1024 * 1024


@contextmanager
def remote_batch(store: Store, actor: Actor, *, rows: int = 0) -> Iterator[RemoteBatch]:
    """One apply-remote transaction on ``store`` (see the module contract). ``rows`` (how many
    rows the batch will write, if known) sizes the page cache for the transaction.

    Why: every page the transaction dirties stays in the cache until commit; once they
    outgrow it SQLite spills them to the WAL and reads them back (each time through SQLCipher's
    decryption), which made a 100,000-row import spend twice as long in SQLite (measured). The
    cache only grows as pages are used, and returns to its normal size after the batch."""
    conn = store._conn  # the store package shares its connection
    wanted = min(MAX_CACHE_KIB, CACHE_KIB + rows * CACHE_KIB_PER_ROW)
    if wanted > CACHE_KIB:
        conn.execute(f"PRAGMA cache_size = -{int(wanted)}")
    try:
        with transaction(conn):
            # Rows are inserted at flush, parents first; check foreign keys at commit.
            conn.execute("PRAGMA defer_foreign_keys = ON")
            batch = RemoteBatch(conn, actor, store)
            yield batch
            batch.flush()
    except BaseException:
        store.vault.forget_data_key()  # made in the rolled-back transaction, if at all
        raise
    finally:
        if wanted > CACHE_KIB:
            conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
