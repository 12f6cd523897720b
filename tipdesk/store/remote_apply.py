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
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from typing import Any

from tipdesk.core.records import Case, Record, Victim
from tipdesk.store import audit, report_bulk, search
from tipdesk.store.driver import CACHE_KIB, Connection, insert_rows, transaction
from tipdesk.store.handover_store import HandoverRow, HandoverStore
from tipdesk.store.identity import IdentityVault
from tipdesk.store.owners import unit_owners
from tipdesk.store.remote_reads import RemoteReads
from tipdesk.store.remote_reads import StoredRow as StoredRow  # where its users import it
from tipdesk.store.rows import MAPPINGS, TABLES, to_row, update_sql
from tipdesk.store.store import Actor, Changes, Store
from tipdesk.store.sync_rows import (
    chunks,
    marks,
    to_json,
)

_ORDER = ("case", "accused", "victim", "referral", "training", "campaign")
_INDEXED = frozenset({"victim", "training", "campaign"})  # cases are indexed with children


class RemoteBatch(RemoteReads):
    """Reads and buffered writes of one apply-remote transaction (see the module contract);
    the reads and the conflict, quarantine and bundle rows are :class:`RemoteReads`'."""

    QUARANTINE_CASE = "json_extract(record, '$.case_id')"
    QUARANTINE_VICTIM = "json_extract(record, '$.victim_id')"
    OPEN_MATCHED_QUARANTINE = False

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

    def unit_owners(self, kind: str, ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """The owner district of each stored record's unit, and its own district
        (:func:`tipdesk.store.store.unit_owners`), as this transaction sees them."""
        return unit_owners(self.conn, kind, ids)

    # --- what the shared reads ask of the engine (tipdesk.store.remote_reads) -------------
    def _run(self, sql: str, params: Sequence[Any] = ()) -> Iterable[Sequence[Any]]:
        return self.conn.execute(sql, params)  # type: ignore[no-any-return]

    def _among(self, column: str, ids: Sequence[str]) -> Iterator[tuple[str, list[Any]]]:
        for part in chunks(ids):  # under SQLite's limit of bound variables
            yield f"{column} IN ({marks(len(part))})", list(part)

    def _identities(self) -> IdentityVault:
        return self._store.vault

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
