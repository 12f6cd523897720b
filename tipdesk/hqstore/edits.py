"""HQ's own edits on the PostgreSQL HQ database: records read and saved with optimistic
concurrency (issue 20, the analysts).

Contract (the SQLCipher :class:`tipdesk.store.store.Store`'s ``get`` and ``save``, for the
record kinds HQ edits: cases with their accused and victims, victims with their referrals,
trainings and campaigns):
- :meth:`PgRecords.get` reads a record with its children (victims' identities opened when
  the vault is unlocked, else as the sealed tokens are masked by the services).
- :meth:`PgRecords.save` writes records in **one transaction**. Each stored row is written by
  ``UPDATE ... WHERE id = %s AND version = %s``: a save whose version is not the stored one
  (another analyst, or an import, saved first) changes nothing, and the whole save is refused
  with :class:`~tipdesk.core.errors.StaleRecord` and the store's message; it is never lost
  silently nor written over the other. Two saves racing on the same version: PostgreSQL's row
  lock makes the second wait for the first's commit, then find the version gone.
- Before anything is read, the records' ids are claimed in sorted order in
  ``sync_record_claims`` (the import's record locks, :mod:`tipdesk.hqstore.batch`), so an
  edit and an import of the same record run one after the other.
- As the store does: new records get an id and version 1; an unchanged record keeps its row
  and version; a child left out of its parent's list is soft-deleted; each written row gets a
  change-log row and each top-level record one audit entry (ids and field names, never
  values), appended under the log lock; the search index and the report summaries follow.
- A row an update replaces is kept in ``record_versions`` as the store keeps it
  (:func:`tipdesk.store.history.version_row`: no victim identity; PostgreSQL schema step 9).
- ``identities=False`` (a database role without the victims' identifying columns, such as
  ``tipdesk_editor``: :mod:`tipdesk.hqstore.roles`): victims are read with those fields
  empty and never selected, an update of a victim writes only its other columns (the stored
  sealed identity and its keyed hashes stay as they are), and a new victim or a typed
  identifying value is refused with :class:`~tipdesk.core.errors.PermissionDenied`, writing
  nothing.
- Not here: version vectors (records back to districts are not on PostgreSQL yet).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any

import psycopg

from tipdesk.core import save_undo
from tipdesk.core.errors import NotFound, PermissionDenied, StaleRecord, record_word
from tipdesk.core.ids import new_id
from tipdesk.core.masking import MASK, unmask_from
from tipdesk.core.messages import say
from tipdesk.core.records import (
    BOOKKEEPING_FIELDS,
    PARENT_KEY,
    Accused,
    Campaign,
    Case,
    Record,
    Referral,
    Training,
    Victim,
)
from tipdesk.hqstore import keys
from tipdesk.hqstore.batch import LOG_LOCK, append_audit
from tipdesk.hqstore.dialect import identifier
from tipdesk.hqstore.search import SearchIndex
from tipdesk.hqstore.vault import PgVault
from tipdesk.store import audit, history
from tipdesk.store.rows import MAPPINGS, TABLES, from_row, select_columns, to_row
from tipdesk.store.store import Actor, Changes

Conn = psycopg.Connection[tuple[object, ...]]

_KEEP = ("created_at", "created_by", "origin_device")  # never changed by an update


def _changed(old: Record, new: Record) -> list[str]:
    return [
        f.name
        for f in dataclasses.fields(new)
        if f.name not in BOOKKEEPING_FIELDS
        and f.name not in ("accused", "victims", "referrals")
        and getattr(old, f.name) != getattr(new, f.name)
    ]


class PgRecords:
    """Records of one PostgreSQL transaction (see the module contract)."""

    def __init__(
        self,
        conn: Conn,
        *,
        index_key: bytes,
        private: bytes | None = None,
        identities: bool = True,
    ) -> None:
        """``index_key``: the HQ install's identity index key (the import's; a save into
        another HQ's database is refused); ``private``: the identity key when the user may
        reveal identities; ``identities``: whether the connection's role may read and write
        victims' identifying columns (see the module contract)."""
        self.conn = conn
        self.index_key = index_key
        self.identities = identities
        self.vault = PgVault(conn, index_key=index_key)
        if private is not None:
            self.vault.unlock(private)

    # --- reading -------------------------------------------------------------------------
    def _select(self, kind: str, where: str, params: Sequence[Any]) -> list[tuple[int, Record]]:
        columns = select_columns(kind)
        if kind == "victim" and not self.identities:
            columns = ", ".join(
                f"'' AS {c}" if c in Victim.IDENTIFYING else c for c in MAPPINGS[kind].columns
            )
        rows = self.conn.execute(
            f"SELECT rowid, {columns} FROM {identifier(TABLES[kind])} "  # noqa: S608
            f"WHERE {where} ORDER BY rowid".encode(),
            tuple(params),
        ).fetchall()
        out = []
        for row in rows:
            record = from_row(kind, row[1:])
            if isinstance(record, Victim):
                self.vault.open_victim(record)
            out.append((int(str(row[0])), record))
        return out

    def _tree(self, record: Record) -> Record:
        if isinstance(record, Case):
            accused = [a for _r, a in self._select("accused", "case_id = %s", [record.id])]
            victims = [v for _r, v in self._select("victim", "case_id = %s", [record.id])]
            record.accused = [a for a in accused if isinstance(a, Accused)]
            record.victims = [self._tree(v) for v in victims if isinstance(v, Victim)]  # type: ignore[misc]
        elif isinstance(record, Victim):
            referrals = [r for _r, r in self._select("referral", "victim_id = %s", [record.id])]
            record.referrals = [r for r in referrals if isinstance(r, Referral)]
        return record

    def get(self, kind: str, record_id: str) -> Record:
        """The record with its children; :class:`NotFound` when there is none."""
        found = self._select(kind, "id = %s", [record_id])
        if not found:
            raise NotFound(say("No {kind} with id {id}.", kind=record_word(kind), id=record_id))
        return self._tree(found[0][1])

    # --- writing -------------------------------------------------------------------------
    def save(
        self, records: Iterable[Record], actor: Actor, also_log: Sequence[audit.NewEntry] = ()
    ) -> Changes:
        """Save ``records`` (see the module contract); the caller's transaction commits.
        ``also_log``: audit entries appended after the records' own, in the same transaction.
        A save that raises gives the records back as they were (their ids, versions and
        links), as :meth:`tipdesk.store.store.Store.save` does: the caller's transaction
        rolls back, and the same objects can be saved again."""
        records = list(records)
        before = save_undo.snapshot(records)
        try:
            return self._save(records, actor, also_log)
        except BaseException:
            save_undo.restore(before)
            raise

    def _save(
        self, records: list[Record], actor: Actor, also_log: Sequence[audit.NewEntry]
    ) -> Changes:
        keys.check(self.conn, self.index_key)
        w = _Save(self, actor)
        ids = sorted({r.id for top in records for r in _units(top) if r.id})
        if ids:
            self.conn.execute(
                "INSERT INTO sync_record_claims (record_id) "
                'SELECT r FROM unnest(CAST(%s AS text[])) AS r ORDER BY r COLLATE "C" '
                "ON CONFLICT (record_id) DO UPDATE SET claims = sync_record_claims.claims + 1",
                (ids,),
            )
        for record in records:
            w.top(record)
        w.audit += also_log
        w.flush()
        return w.changes


def _units(record: Record) -> list[Record]:
    """``record`` and the children saved with it."""
    out: list[Record] = [record]
    if isinstance(record, Case):
        out += record.accused
        for v in record.victims:
            out += _units(v)
    elif isinstance(record, Victim):
        out += record.referrals
    return out


class _Save:
    """One save's writes: rows at once, change log, audit and search rows at flush."""

    def __init__(self, records: PgRecords, actor: Actor) -> None:
        self.r = records
        self.conn = records.conn
        self.actor = actor
        self.changes = Changes()
        self.change_rows: list[tuple[str, str, int, str, str, str]] = []
        self.audit: list[audit.NewEntry] = []
        self.version_rows: list[history.VersionRow] = []
        self.search = SearchIndex()
        self.victims: list[Victim] = []
        self.new_victims: set[str] = set()
        self._owner = ""
        self._action = ""
        self._detail: dict[str, Any] = {}
        self._children: dict[str, list[str]] = {}

    def top(self, record: Record) -> None:
        self._owner = str(getattr(record, "owner", "") or getattr(record, "district", ""))
        if isinstance(record, Victim) and record.case_id:
            row = self.conn.execute(
                "SELECT owner FROM cases WHERE id = %s", (record.case_id,)
            ).fetchone()
            self._owner = str(row[0]) if row else ""
        self._action, self._detail, self._children = "", {}, {}
        if isinstance(record, Case):
            rowid = self.write(record, top=True)
            for acc in record.accused:
                acc.case_id = record.id
                acc.deleted = acc.deleted or record.deleted
                self.write(acc)
            for vic in record.victims:
                vic.case_id = record.id
                vic.deleted = vic.deleted or record.deleted
                vic.district = vic.district or record.district
                vic.owner = ""
                self.victim(vic)
            self.drop_missing("accused", record.id, {a.id for a in record.accused})
            self.drop_missing("victim", record.id, {v.id for v in record.victims})
            self.search.put(record, rowid)
        elif isinstance(record, Victim):
            self.victim(record, top=True)
        elif isinstance(record, Training | Campaign):
            self.search.put(record, self.write(record, top=True))
        else:
            raise TypeError(f"save {record.KIND} through its parent")
        if self._action or self._children:
            detail = dict(self._detail)
            if self._children:
                detail["children"] = self._children
            a = self.actor
            self.audit.append(
                audit.NewEntry(
                    at=a.at,
                    user=a.user,
                    device=a.device,
                    action=self._action or "update",
                    kind=record.KIND,
                    record_id=record.id,
                    detail=detail,
                )
            )

    def victim(self, victim: Victim, *, top: bool = False) -> None:
        rowid = self.write(victim, top=top)
        self.search.put(victim, rowid)
        for ref in victim.referrals:
            ref.victim_id = victim.id
            ref.deleted = ref.deleted or victim.deleted
            self.write(ref)
        self.drop_missing("referral", victim.id, {r.id for r in victim.referrals})

    def drop_missing(self, kind: str, parent_id: str, keep: set[str]) -> None:
        """Soft-delete the stored children of ``parent_id`` left out of the saved list."""
        key = identifier(PARENT_KEY[kind])
        for _rowid, child in self.r._select(kind, f"{key} = %s AND deleted = 0", [parent_id]):
            if child.id not in keep:
                child.deleted = True
                if isinstance(child, Victim):
                    self.victim(child)
                else:
                    self.write(child)

    def _row(self, record: Record) -> tuple[Any, ...]:
        values = tuple(int(v) if type(v) is bool else v for v in to_row(record))
        if isinstance(record, Victim):
            if not self.r.identities:
                return values  # identifying columns are left out of the write
            self.victims.append(record)
            return self.r.vault.seal_values(record, values, MAPPINGS["victim"].columns)
        return values

    def write(self, record: Record, *, top: bool = False) -> int:
        """Insert or version-checked update of one row; returns its rowid."""
        a = self.actor
        kind = record.KIND
        table = identifier(TABLES[kind])
        columns = MAPPINGS[kind].columns
        found = self.r._select(kind, "id = %s", [record.id]) if record.id else []
        record.updated_at, record.updated_by, record.updated_device = a.at, a.user, a.device
        owned = isinstance(record, Case | Training | Campaign) or (
            isinstance(record, Victim) and not record.case_id
        )
        if owned and not getattr(record, "owner", ""):
            # A save that left the owner blank keeps the stored one (as the store does).
            old_owner = getattr(found[0][1], "owner", "") if found else ""
            record.owner = old_owner or getattr(record, "district", "")  # type: ignore[union-attr]
        if isinstance(record, Victim) and not self.r.identities:
            _blind_check(record, found == [])
        if not found:
            record.id = record.id or new_id()
            record.created_at, record.created_by, record.origin_device = a.at, a.user, a.device
            record.version = 1
            names = ", ".join(columns)
            marks = ", ".join(["%s"] * len(columns))
            row = self.conn.execute(
                f"INSERT INTO {table} ({names}) VALUES ({marks}) RETURNING rowid".encode(),  # noqa: S608
                self._row(record),
            ).fetchone()
            if isinstance(record, Victim):
                self.new_victims.add(record.id)
            self._note(record, "create", None, top)
            return int(str(row[0])) if row else 0
        rowid, old = found[0]
        if record.version != old.version:
            raise _stale(kind, old.version, record.version)
        record.created_at, record.created_by = old.created_at, old.created_by
        record.origin_device = old.origin_device
        if isinstance(record, Victim) and isinstance(old, Victim):
            unmask_from(record, old)  # a masked field keeps what is stored
        changed = _changed(old, record)
        if not changed and old.deleted == record.deleted:
            record.updated_at, record.updated_by = old.updated_at, old.updated_by
            record.updated_device = old.updated_device
            return rowid
        record.version = old.version + 1
        deleting = record.deleted and not old.deleted
        self.version_rows.append(history.version_row(old, ["deleted"] if deleting else changed))
        values = dict(zip(columns, self._row(record), strict=True))
        sets = [c for c in columns if c not in ("id", *_KEEP)]
        if isinstance(record, Victim) and not self.r.identities:
            sets = [c for c in sets if c not in Victim.IDENTIFYING]
        done = self.conn.execute(
            f"UPDATE {table} SET {', '.join(f'{c} = %s' for c in sets)} "  # noqa: S608
            "WHERE id = %s AND version = %s".encode(),
            (*(values[c] for c in sets), record.id, old.version),
        )
        if done.rowcount != 1:
            # Saved by someone else between our read and our write (we waited on their row
            # lock until they committed): refused, as the read check refuses it.
            record.version = old.version
            raise _stale(kind, old.version + 1, old.version)
        action = "delete" if record.deleted and not old.deleted else "update"
        self._note(record, action, changed if action == "update" else None, top)
        return rowid

    def _note(self, record: Record, action: str, fields: list[str] | None, top: bool) -> None:
        self.changes.add(record.KIND, record.id)
        a = self.actor
        self.change_rows.append(
            (record.KIND, record.id, record.version, a.at, self._owner, a.device)
        )
        if top:
            self._action = action
            if fields:
                self._detail["fields"] = fields
        else:
            self._children.setdefault(f"{record.KIND}.{action}", []).append(record.id)

    def flush(self) -> None:
        self.r.vault.index(self.victims, self.new_victims)
        self.search.flush(self.conn)
        self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOG_LOCK,))
        with self.conn.cursor() as cur:
            if self.change_rows:
                with cur.copy(
                    "COPY changes (kind, record_id, version, at, owner, device) FROM STDIN"
                ) as copy:
                    for row in self.change_rows:
                        copy.write_row(row)
            if self.version_rows:
                cur.executemany(
                    "INSERT INTO record_versions (kind, record_id, version, at, user_name, "
                    "data, changed) VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                    self.version_rows,
                )
        append_audit(self.conn, self.audit)


def _blind_check(victim: Victim, new: bool) -> None:
    """Refuse what a role without victims' identifying columns cannot write (see the module
    contract): a new victim, or an identifying value typed into a stored one."""
    typed = [n for n in Victim.IDENTIFYING if getattr(victim, n) not in ("", MASK)]
    if new or typed:
        raise PermissionDenied(
            say(
                "Your database role may not record victims' identifying details: a new victim "
                "or a change to a name, CNIC, phone or address is saved by an identity officer "
                "or comes from the district. Nothing was saved."
            )
        )


def _stale(kind: str, stored: int, opened: int) -> StaleRecord:
    """The SQLCipher store's stale-save message, word for word."""
    return StaleRecord(
        say(
            "This {kind} was changed elsewhere (version {stored}) since it was opened "
            "(version {opened}); reopen it and apply your change again.",
            kind=record_word(kind),
            stored=stored,
            opened=opened,
        )
    )
