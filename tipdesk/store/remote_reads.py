"""What one apply-remote transaction reads, and the small rows it writes, the same on either
HQ engine: the SQLCipher store (:class:`tipdesk.store.remote_apply.RemoteBatch`) and
PostgreSQL (:class:`tipdesk.hqstore.batch.PgRemoteBatch`). Driver-free: this module imports
no database driver, so both the store and ``tipdesk.hqstore`` build on it.

Contract: :class:`RemoteReads` holds the batch's reads (stored rows with their version
vectors, children, open conflicts and quarantine, a device's quarantine, the change-log
position, an imported bundle's digest), the buffered ``touch`` and ``audit``, and the
conflict, quarantine and bundle rows, written in SQL with ``?`` placeholders. A subclass
says how its engine runs them:

- :meth:`RemoteReads._run` executes one statement (``?`` placeholders, turned into the
  engine's own) and returns its rows;
- :meth:`RemoteReads._among` spells "``column`` is one of ``ids``" as one or more
  ``(fragment, parameters)`` pairs (SQLite: ``IN (?, …)`` in chunks under its variable
  limit; PostgreSQL: one ``= ANY(?)`` with an array);
- :meth:`RemoteReads._identities` opens and seals victims' identities;
- :attr:`RemoteReads.QUARANTINE_CASE` and ``QUARANTINE_VICTIM`` name the parent ids of a
  quarantined row (SQLite reads them from the kept JSON; PostgreSQL keeps them in columns,
  which :meth:`RemoteReads._quarantine_extra` fills).

The results, and the rows written, are the same on both engines for the same transaction
state; the sync suite runs on both to prove it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from tipdesk.core.records import PARENT_KEY, Record, Victim
from tipdesk.store import audit
from tipdesk.store.identity import IdentityVault
from tipdesk.store.rows import TABLES, from_row, select_columns
from tipdesk.store.store import Actor
from tipdesk.store.sync_rows import (
    CONFLICT_COLUMNS,
    QUARANTINE_COLUMNS,
    BundleRow,
    ConflictRow,
    QuarantineRow,
    conflict_from_row,
    quarantine_from_row,
    to_json,
)


@dataclass(frozen=True, slots=True)
class StoredRow:
    """A row as HQ holds it: its rowid, the record (no children) and its ``sync_versions``
    entry (version, vv JSON) when sync wrote it."""

    rowid: int
    record: Record
    synced: tuple[int, str] | None


class RemoteReads:
    """The engine-independent part of an apply-remote batch (see the module contract)."""

    QUARANTINE_CASE: ClassVar[str]
    """SQL giving the case id a quarantined accused or victim row belongs to."""
    QUARANTINE_VICTIM: ClassVar[str]
    """SQL giving the victim id a quarantined referral row belongs to."""
    OPEN_MATCHED_QUARANTINE: ClassVar[bool]
    """Whether :meth:`open_quarantine` opens a kept victim's identity (kept per engine as
    it was before the two batches shared this code)."""

    QUARANTINE_COLUMNS_EXTRA: ClassVar[tuple[str, ...]] = ()
    """The engine's own quarantine columns, filled by :meth:`_quarantine_extra`."""

    actor: Actor
    _change_rows: list[tuple[str, str, int, str, str, str]]
    _audit: list[audit.NewEntry]

    # --- what the engine gives ----------------------------------------------------------
    def _run(self, sql: str, params: Sequence[Any] = ()) -> Iterable[Sequence[Any]]:
        raise NotImplementedError

    def _among(self, column: str, ids: Sequence[str]) -> Iterator[tuple[str, list[Any]]]:
        raise NotImplementedError

    def _identities(self) -> IdentityVault:
        """The vault that opens and seals victims' identities in this transaction."""
        raise NotImplementedError

    def _quarantine_extra(self, row: QuarantineRow) -> tuple[Any, ...]:
        """Values of the engine's own quarantine columns after the common ones (none)."""
        return ()

    # --- reads ---------------------------------------------------------------------------
    def stored(self, kind: str, ids: Sequence[str]) -> dict[str, StoredRow]:
        """HQ's rows of ``kind`` for ``ids`` (deleted ones too), with their vv entries."""
        table = TABLES[kind]
        columns = select_columns(kind)
        vault = self._identities()
        found: dict[str, tuple[int, Record]] = {}
        for where, params in self._among("id", ids):
            sql = f"SELECT rowid, {columns} FROM {table} WHERE {where}"  # noqa: S608
            for row in self._run(sql, params):
                record = from_row(kind, row[1:])
                if isinstance(record, Victim):
                    vault.open_victim(record)
                found[str(row[1])] = (int(row[0]), record)
        synced: dict[str, tuple[int, str]] = {}
        for where, params in self._among("record_id", list(found)):
            sql = f"SELECT record_id, version, vv FROM sync_versions WHERE kind = ? AND {where}"  # noqa: S608
            for r in self._run(sql, (kind, *params)):
                synced[str(r[0])] = (int(r[1]), str(r[2]))
        return {i: StoredRow(rid, rec, synced.get(i)) for i, (rid, rec) in found.items()}

    def children(self, kind: str, parent_ids: Sequence[str]) -> dict[str, list[StoredRow]]:
        """Non-deleted stored children of ``kind`` (accused, victim or referral) by parent."""
        key = PARENT_KEY[kind]
        table = TABLES[kind]
        ids: list[str] = []
        for where, params in self._among(key, parent_ids):
            sql = f"SELECT id FROM {table} WHERE deleted = 0 AND {where}"  # noqa: S608
            ids += [str(r[0]) for r in self._run(sql, params)]
        out: dict[str, list[StoredRow]] = {}
        for row in self.stored(kind, ids).values():
            out.setdefault(getattr(row.record, key) or "", []).append(row)
        return out

    def open_conflicts(self, kind: str, ids: Sequence[str]) -> dict[str, list[ConflictRow]]:
        """Open conflicts of the records ``ids`` of ``kind``, by record id."""
        out: dict[str, list[ConflictRow]] = {}
        if not list(self._run("SELECT 1 FROM sync_conflicts WHERE status = 'open' LIMIT 1")):
            return out  # the usual case: nothing to look up per record
        for where, params in self._among("record_id", ids):
            sql = (
                f"SELECT {CONFLICT_COLUMNS} FROM sync_conflicts WHERE status = 'open' "  # noqa: S608
                f"AND kind = ? AND {where} ORDER BY id"
            )
            for r in self._run(sql, (kind, *params)):
                c = conflict_from_row(r, self._identities())
                out.setdefault(c.record_id, []).append(c)
        return out

    def has_open_quarantine(self) -> bool:
        return bool(list(self._run("SELECT 1 FROM sync_quarantine WHERE status = 'open' LIMIT 1")))

    def _quarantine(
        self, where: str, params: Sequence[Any], vault: IdentityVault | None
    ) -> list[QuarantineRow]:
        sql = f"SELECT {QUARANTINE_COLUMNS} FROM sync_quarantine WHERE status = 'open' AND {where}"  # noqa: S608
        return [quarantine_from_row(r, vault) for r in self._run(sql, params)]

    def open_quarantine(self, kind: str, ids: Sequence[str]) -> dict[str, list[QuarantineRow]]:
        """Open quarantine entries of the records ``ids`` of ``kind``, by record id."""
        out: dict[str, list[QuarantineRow]] = {}
        if not self.has_open_quarantine():
            return out
        vault = self._identities() if self.OPEN_MATCHED_QUARANTINE else None
        for where, params in self._among("record_id", ids):
            for q in self._quarantine(f"kind = ? AND {where} ORDER BY id", (kind, *params), vault):
                out.setdefault(q.record_id, []).append(q)
        return out

    def quarantine_of_device(self, device_id: str) -> list[QuarantineRow]:
        """Every open quarantine entry from ``device_id``, oldest first (HQ's re-check)."""
        where = "device_id = ? ORDER BY received_at, id"
        return self._quarantine(where, (device_id,), self._identities())

    def quarantine_of_units(
        self, case_ids: Sequence[str], victim_ids: Sequence[str], device_id: str
    ) -> list[QuarantineRow]:
        """Open quarantine entries from ``device_id`` of the rows that belong to these case
        units (the case, its accused and victims, their referrals) and victim units (the
        victim and referrals). Another device's entries are never taken up: a device must not
        bring in what another device was refused."""
        found: dict[str, QuarantineRow] = {}
        vault = self._identities()

        def fetch(what: str, column: str, ids: Sequence[str]) -> None:
            for where, params in self._among(column, ids):
                sql = f"device_id = ? AND {what} AND {where}"
                for q in self._quarantine(sql, (device_id, *params), vault):
                    found[q.id] = q

        fetch("kind = 'case'", "record_id", case_ids)
        fetch("kind IN ('accused', 'victim')", self.QUARANTINE_CASE, case_ids)
        victims = set(victim_ids)
        victims |= {q.record_id for q in found.values() if q.kind == "victim"}
        for rows in self.children("victim", case_ids).values():
            victims |= {v.record.id for v in rows}
        fetch("kind = 'victim'", "record_id", victim_ids)
        fetch("kind = 'referral'", self.QUARANTINE_VICTIM, sorted(victims))
        return sorted(found.values(), key=lambda q: q.id)

    def max_change(self) -> int:
        """The last position in the change log (rows this batch buffers excluded)."""
        for row in self._run("SELECT coalesce(max(seq), 0) FROM changes"):
            return int(row[0])
        return 0

    def bundle(self, device_id: str, seq: int) -> str | None:
        """The SHA-256 of bundle ``seq`` of ``device_id`` if it was imported, else None."""
        sql = "SELECT sha256 FROM sync_bundles WHERE device_id = ? AND seq = ?"
        for row in self._run(sql, (device_id, seq)):
            return str(row[0])
        return None

    # --- buffered and small writes -------------------------------------------------------
    def touch(self, record: Record, owner: str) -> None:
        """Append a change-log row for ``record`` as stored, without writing it: the next
        bundle carries it again (a local version kept over HQ's concurrent one)."""
        self._change_rows.append(
            (record.KIND, record.id, record.version, self.actor.at, owner, record.updated_device)
        )

    def audit(self, entry: audit.NewEntry) -> None:
        self._audit.append(entry)

    def _kept(self, kind: str, record_id: str, record: Any) -> Any:
        """A version as the conflict and quarantine tables keep it: a victim's identity
        sealed, as in its row (only holders of the identity key read it)."""
        if kind == "victim" and isinstance(record, dict):
            return self._identities().seal_json(record_id, record)
        return record

    def add_conflict(self, row: ConflictRow) -> None:
        self._run(
            f"INSERT INTO sync_conflicts ({CONFLICT_COLUMNS}) "  # noqa: S608
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING",
            (
                row.id, row.kind, row.record_id, row.status, row.version, to_json(row.vv),
                to_json(self._kept(row.kind, row.record_id, row.record)), row.device_id,
                row.bundle_seq, row.detected_at, row.closed_at, row.closed_by, row.outcome,
            ),
        )  # fmt: skip

    def close_conflict(self, conflict_id: str, status: str, outcome: str) -> None:
        self._run(
            "UPDATE sync_conflicts SET status = ?, outcome = ?, closed_at = ?, closed_by = ? "
            "WHERE id = ? AND status = 'open'",
            (status, outcome, self.actor.at, self.actor.user, conflict_id),
        )

    def add_quarantine(self, row: QuarantineRow) -> None:
        extra = self._quarantine_extra(row)
        more = "".join(f", {c}" for c in self.QUARANTINE_COLUMNS_EXTRA)
        marks = ",".join("?" * (11 + len(extra)))
        self._run(
            f"INSERT INTO sync_quarantine ({QUARANTINE_COLUMNS}{more}) "  # noqa: S608
            f"VALUES ({marks}) ON CONFLICT (id) DO NOTHING",
            (
                row.id, row.device_id, row.bundle_seq, row.kind, row.record_id, row.version,
                to_json(row.vv), to_json(self._kept(row.kind, row.record_id, row.record)),
                to_json(row.problems), row.received_at, row.status, *extra,
            ),
        )  # fmt: skip

    def close_quarantine(self, quarantine_id: str, status: str) -> None:
        self._run(
            "UPDATE sync_quarantine SET status = ? WHERE id = ? AND status = 'open'",
            (status, quarantine_id),
        )

    def add_bundle(self, row: BundleRow) -> None:
        self._run(
            "INSERT INTO sync_bundles (device_id, seq, sha256, from_change, to_change, "
            "created_at, imported_at, result) VALUES (?,?,?,?,?,?,?,?)",
            (
                row.device_id, row.seq, row.sha256, row.from_change, row.to_change,
                row.created_at, row.imported_at, to_json(row.result),
            ),
        )  # fmt: skip
