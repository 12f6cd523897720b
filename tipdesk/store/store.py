"""The store: one encrypted SQLite database holding an install's records, users and audit log.

Contract:
- One :class:`Store` wraps one connection and must be used from the thread that opened it
  (the GUI runs store work on a single worker thread).
- Every write method runs in one transaction that also records, for each record it touches, a
  row in ``changes`` (what sync will ship; none for the kinds that stay at the install, such as
  hearings) and an entry in the audit log; a row it replaces is kept as a version
  (``record_versions``, :mod:`tipdesk.store.history`). It returns a
  :class:`Changes` naming what changed so callers refresh only that.
- The store does not validate or check permissions: :mod:`tipdesk.services` does, before
  calling it. The store does keep optimistic concurrency: saving a record whose ``version`` is
  not the stored one raises :class:`StaleRecord` and writes nothing.
- Children (a case's accused and victims, a victim's referrals) are saved with their parent;
  a child left out of the parent's list is soft-deleted.
"""

from __future__ import annotations

import dataclasses
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tipdesk.core import save_undo
from tipdesk.core.errors import NotFound, StaleRecord, no_record, record_word
from tipdesk.core.ids import new_id
from tipdesk.core.messages import say
from tipdesk.core.records import (
    BOOKKEEPING_FIELDS,
    LOCAL_KINDS,
    PARENT_KEY,
    TITLE_FIELDS,
    Accused,
    Campaign,
    Case,
    Hearing,
    Record,
    Referral,
    Training,
    Victim,
)
from tipdesk.store import audit, history, search, settings_table
from tipdesk.store.driver import (
    Connection,
    connect,
    export_copy,
    insert_rows,
    rekey,
    transaction,
    translated,
)
from tipdesk.store.identity import IdentityVault
from tipdesk.store.migrations import VACUUM_AFTER, migrate
from tipdesk.store.owners import unit_owners
from tipdesk.store.rows import (
    MAPPINGS,
    TABLES,
    from_row,
    insert_head,
    select_columns,
    to_row,
    update_sql,
)
from tipdesk.store.sync_rows import chunks, marks


@dataclass(frozen=True, slots=True)
class Actor:
    """Who writes, from which device, at what time (one timestamp per write)."""

    user: str
    device: str
    at: str


@dataclass(slots=True)
class Changes:
    """Ids of the records a write touched, by record kind."""

    by_kind: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, kind: str, record_id: str) -> None:
        self.by_kind[kind].add(record_id)

    def add_many(self, kind: str, record_ids: Iterable[str]) -> None:
        self.by_kind[kind].update(record_ids)

    def ids(self, kind: str) -> set[str]:
        return set(self.by_kind.get(kind, ()))

    def merge(self, other: Changes) -> None:
        for kind, ids in other.by_kind.items():
            self.by_kind[kind] |= ids

    def __bool__(self) -> bool:
        return any(self.by_kind.values())

    def counts(self) -> dict[str, int]:
        return {k: len(v) for k, v in sorted(self.by_kind.items()) if v}


@dataclass(frozen=True, slots=True)
class User:
    name: str
    role: str
    active: bool
    created_at: str
    created_by: str


@dataclass(frozen=True, slots=True)
class OfficeRow:
    code: str
    name: str
    district: str
    kind: str


NEW_ROW = -1  # the rowid _write reports for a row whose insert waits for the flush


class _Writer:
    """State of one write transaction: collects change rows and audit entries."""

    def __init__(self, conn: Connection, actor: Actor, vault: IdentityVault) -> None:
        self.conn = conn
        self.actor = actor
        self.vault = vault
        self.victims: list[Victim] = []  # their identity keys and terms are written at flush
        self.new_victims: set[str] = set()  # ids of those inserted by this transaction
        self.changes = Changes()
        self.change_rows: list[tuple[str, str, int, str, str, str]] = []
        self.version_rows: list[history.VersionRow] = []
        self.audit: list[audit.NewEntry] = []
        # New rows are inserted in bulk at flush, parents before children (FK order); the
        # full-text rows of new records follow them, looked up by id.
        self.inserts: dict[str, list[tuple[Any, ...]]] = {kind: [] for kind in TABLES}
        self.new_fts: dict[str, list[tuple[Any, ...]]] = {}

        # The audit entry being built for the top-level record now being saved.
        self._top: Record | None = None
        self._top_action = ""
        self._top_detail: dict[str, Any] = {}
        self._children: dict[str, list[str]] = {}
        self._owner = ""

    def begin(self, record: Record) -> None:
        """Start the audit entry of one top-level record (a case with its accused and
        victims, a victim with its referrals, a training or a campaign)."""
        self._top, self._top_action, self._top_detail, self._children = record, "", {}, {}
        self._owner = ""

    def owner(self) -> str:
        """The owner district of the top-level record's unit, for the change log: its own,
        or its case's for a victim in a case (looked up once per record)."""
        top = self._top
        if top is None:
            return ""
        if not self._owner:
            case_id = getattr(top, "case_id", None)
            if isinstance(top, Victim) and case_id:
                row = self.conn.execute(
                    "SELECT owner FROM cases WHERE id = ?", (case_id,)
                ).fetchone()
                self._owner = str(row[0]) if row else ""
            else:
                self._owner = str(getattr(top, "owner", ""))
        return self._owner

    def note(self, record: Record, action: str, fields: list[str] | None = None) -> None:
        """Record one row change: a change-log row (none for a kind that stays at the install,
        :data:`~tipdesk.core.records.LOCAL_KINDS`), and its part in the audit entry."""
        self.changes.add(record.KIND, record.id)
        if record.KIND not in LOCAL_KINDS:
            # The change log names the owner district of the row's unit (its top-level
            # record's) and the device: HQ sends each district the versions it lacks from it.
            self.change_rows.append(
                (record.KIND, record.id, record.version, self.actor.at, self.owner(),
                 self.actor.device)
            )  # fmt: skip
        if record is self._top:
            self._top_action = action
            if fields:
                self._top_detail["fields"] = fields
        else:
            self._children.setdefault(f"{record.KIND}.{action}", []).append(record.id)

    def end(self) -> None:
        """Close the top-level record's audit entry: one entry per saved record, naming the
        children created, updated or deleted with it (ids only, never values)."""
        top = self._top
        if top is None or not (self._top_action or self._children):
            return
        detail = dict(self._top_detail)
        if self._children:
            detail["children"] = self._children
        self.audit.append(
            audit.NewEntry(
                at=self.actor.at,
                user=self.actor.user,
                device=self.actor.device,
                action=self._top_action or "update",
                kind=top.KIND,
                record_id=top.id,
                detail=detail,
            )
        )
        self._top = None

    def flush(self) -> None:
        for kind, rows in self.inserts.items():
            insert_rows(self.conn, insert_head(kind), rows)
        for sql, rows in self.new_fts.items():
            self.conn.executemany(sql, rows)  # looked up by id: one statement per row
        insert_rows(
            self.conn,
            "INSERT INTO changes(kind, record_id, version, at, owner, device)",
            self.change_rows,
        )
        self.vault.index(self.victims, self.new_victims)
        insert_rows(self.conn, history.INSERT_HEAD, self.version_rows)
        audit.append(self.conn, self.audit)


def _changed_fields(old: Record, new: Record) -> list[str]:
    skip = BOOKKEEPING_FIELDS
    return [
        f.name
        for f in dataclasses.fields(new)
        if f.name not in skip
        and f.name not in ("accused", "victims", "referrals")
        and getattr(old, f.name) != getattr(new, f.name)
    ]


def _log_one(
    conn: Connection,
    actor: Actor,
    action: str,
    kind: str = "",
    record_id: str = "",
    detail: dict[str, Any] | None = None,
) -> None:
    """Append one audit entry stamped with ``actor`` inside the current transaction."""
    audit.append(
        conn, [audit.NewEntry(actor.at, actor.user, actor.device, action, kind, record_id, detail)]
    )


class Store:
    """An open store. Create with :meth:`create` or :meth:`open`; close with :meth:`close`."""

    def __init__(self, conn: Connection, path: Path, key: bytes) -> None:
        self._conn = conn
        self.path = path
        self._key = key
        self.vault = IdentityVault(conn)
        """Victims' identities: sealed on the way in, opened (or masked) on the way out."""

    def __repr__(self) -> str:
        return f"Store({self.path.name})"

    # --- life cycle ----------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path, key: bytes) -> Store:
        """Create a new encrypted database at ``path`` (which must not exist)."""
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        conn = connect(path, key, create=True)
        # Owner-only, before any page is written; SQLite gives -wal and -shm the same mode.
        path.chmod(0o600)
        migrate(conn)
        return cls(conn, path, key)

    @classmethod
    def open(cls, path: Path, key: bytes) -> Store:
        """Open an existing database, upgrading its schema if it is older (and compacting it
        after a step that removed plaintext, so no free page keeps any)."""
        conn = connect(path, key)
        try:
            if VACUUM_AFTER & set(migrate(conn)):
                with translated():
                    conn.execute("VACUUM")
                    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except BaseException:
            conn.close()
            raise
        return cls(conn, path, key)

    def close(self) -> None:
        with translated():
            self._conn.close()

    # --- settings ------------------------------------------------------------------------
    def setting(self, key: str, default: str | None = None) -> str | None:
        with translated():
            row = self._conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else default

    def set_settings(self, values: dict[str, str], actor: Actor) -> None:
        """Write settings and one audit entry naming the keys (values are not logged)."""
        with transaction(self._conn) as conn:
            settings_table.put(conn, values)
            _log_one(conn, actor, "settings", detail={"keys": sorted(values)})

    # --- users and offices ---------------------------------------------------------------
    def add_user(self, name: str, role: str, actor: Actor) -> None:
        with transaction(self._conn) as conn:
            conn.execute(
                "INSERT INTO users(name, role, active, created_at, created_by) VALUES (?,?,1,?,?)",
                (name, role, actor.at, actor.user),
            )
            _log_one(conn, actor, "user.add", "user", name, {"role": role})

    def set_user_active(self, name: str, active: bool, actor: Actor) -> None:
        with transaction(self._conn) as conn:
            cur = conn.execute("UPDATE users SET active = ? WHERE name = ?", (int(active), name))
            if cur.rowcount == 0:
                raise NotFound(say("There is no user named {name}.", name=repr(name)))
            _log_one(conn, actor, "user.enable" if active else "user.disable", "user", name)

    def users(self) -> list[User]:
        with translated():
            rows = self._conn.execute(
                "SELECT name, role, active, created_at, created_by FROM users ORDER BY name"
            ).fetchall()
        return [User(r[0], r[1], bool(r[2]), r[3], r[4]) for r in rows]

    def user(self, name: str) -> User | None:
        return next((u for u in self.users() if u.name == name), None)

    def add_office(self, office: OfficeRow, actor: Actor) -> None:
        with transaction(self._conn) as conn:
            conn.execute(
                "INSERT INTO offices(code, name, district, kind, added_at, added_by) "
                "VALUES (?,?,?,?,?,?) ON CONFLICT(code) DO UPDATE SET name = excluded.name, "
                "district = excluded.district, kind = excluded.kind",
                (office.code, office.name, office.district, office.kind, actor.at, actor.user),
            )
            _log_one(conn, actor, "office.add", "office", office.code)

    def offices(self) -> list[OfficeRow]:
        with translated():
            rows = self._conn.execute(
                "SELECT code, name, district, kind FROM offices ORDER BY name"
            ).fetchall()
        return [OfficeRow(*r) for r in rows]

    # --- audit ---------------------------------------------------------------------------
    def log(self, entries: Sequence[audit.NewEntry]) -> None:
        """Append audit entries on their own (login, reveal, export...)."""
        with transaction(self._conn) as conn:
            audit.append(conn, entries)

    def logged_login_failures(self, ats: Sequence[str]) -> set[tuple[str, str, str]]:
        """Which ``(at, user, action)`` failed or refused sign-ins (``login.failed``,
        ``login.throttled``) among those at ``ats`` the audit log holds."""
        found: set[tuple[str, str, str]] = set()
        wanted = sorted(set(ats))
        with translated():
            for i in range(0, len(wanted), 500):
                part = wanted[i : i + 500]
                marks = ",".join("?" * len(part))
                sql = (
                    "SELECT at, user, action FROM audit WHERE action IN "  # noqa: S608
                    f"('login.failed', 'login.throttled') AND at IN ({marks})"
                )
                found.update((r[0], r[1], r[2]) for r in self._conn.execute(sql, part))
        return found

    def audit_entries(self, **filters: Any) -> list[audit.AuditEntry]:
        with translated():
            return audit.entries(self._conn, **filters)

    def verify_audit(self) -> audit.VerifyResult:
        with translated():
            return audit.verify(self._conn)

    def audit_status(self) -> audit.ChainStatus:
        """Whether the audit log ends at its recorded head (see :func:`audit.status`)."""
        with translated():
            return audit.status(self._conn)

    def acknowledge_audit_break(self, entry: audit.NewEntry) -> audit.ChainStatus:
        """Record an administrator's acknowledgement of a broken chain (see
        :func:`audit.record_break`); ``ValueError`` when it is not broken."""
        with transaction(self._conn) as conn:
            return audit.record_break(conn, entry)

    # --- writing records -----------------------------------------------------------------
    def _stored_meta(self, kind: str, record_id: str) -> tuple[int, Record] | None:
        m = MAPPINGS[kind]
        row = self._conn.execute(
            f"SELECT rowid, {select_columns(kind)} FROM {m.table} WHERE id = ?",  # noqa: S608
            (record_id,),
        ).fetchone()
        if row is None:
            return None
        return int(row[0]), self.opened(from_row(kind, row[1:]))

    def opened(self, record: Record) -> Record:
        """A record read from its row (:func:`rows.from_row`), with a victim's identity
        opened or masked (:class:`IdentityVault`): every reader of victim rows calls it."""
        if isinstance(record, Victim):
            self.vault.open_victim(record)
        return record

    def _row(self, record: Record) -> tuple[Any, ...]:
        """The record's column values, a victim's identity sealed."""
        values = to_row(record)
        if isinstance(record, Victim):
            values = self.vault.seal_values(record, values, MAPPINGS["victim"].columns)
        return values

    def _write(self, w: _Writer, record: Record) -> tuple[int, str]:
        """Insert or update one row; return (rowid, action). Sets the record's meta."""
        a = w.actor
        kind = record.KIND
        stored = self._stored_meta(kind, record.id) if record.id else None
        record.updated_at, record.updated_by, record.updated_device = a.at, a.user, a.device
        owned = isinstance(record, Case | Training | Campaign) or (
            isinstance(record, Victim) and not record.case_id
        )
        if owned and not getattr(record, "owner", ""):
            # Bookkeeping the services set (tipdesk.services.ownership); a save that left it
            # blank keeps the stored owner, and a new record is owned by its own district.
            owner = getattr(stored[1], "owner", "") if stored else ""
            record.owner = owner or getattr(record, "district", "")  # type: ignore[union-attr]
        if stored is None:
            if not record.id:
                record.id = new_id()
            record.created_at, record.created_by, record.origin_device = a.at, a.user, a.device
            record.version = 1
            w.inserts[kind].append(self._row(record))
            w.note(record, "create")
            return NEW_ROW, "create"
        rowid, old = stored
        if record.version != old.version:
            raise StaleRecord(
                say(
                    "This {kind} was changed elsewhere (version {stored}) since it was opened "
                    "(version {opened}); reopen it and apply your change again.",
                    kind=record_word(kind),
                    stored=old.version,
                    opened=record.version,
                )
            )
        changed = _changed_fields(old, record)
        record.created_at, record.created_by = old.created_at, old.created_by
        record.origin_device = old.origin_device
        if not changed and old.deleted == record.deleted:
            # Nothing to record; keep the stored bookkeeping.
            record.updated_at, record.updated_by = old.updated_at, old.updated_by
            record.updated_device = old.updated_device
            return rowid, "unchanged"
        record.version = old.version + 1
        deleting = record.deleted and not old.deleted
        w.version_rows.append(history.version_row(old, ["deleted"] if deleting else changed))
        values = self._row(record)
        w.conn.execute(update_sql(kind), (*values[1:], record.id))
        action = "delete" if record.deleted and not old.deleted else "update"
        w.note(record, action, changed if action == "update" else None)
        return rowid, action

    def _delete_missing(self, w: _Writer, kind: str, parent_id: str, keep: set[str]) -> None:
        """Soft-delete the stored children of ``parent_id`` whose ids are not in ``keep``."""
        table = TABLES[kind]
        key = PARENT_KEY[kind]
        ids = [
            r[0]
            for r in w.conn.execute(
                f"SELECT id FROM {table} WHERE {key} = ? AND deleted = 0",  # noqa: S608
                (parent_id,),
            )
            if r[0] not in keep
        ]
        for child_id in ids:
            found = self._stored_meta(kind, child_id)
            if found is None:
                continue
            rowid, child = found
            child.deleted = True
            self._write(w, child)
            if isinstance(child, Victim):
                search.reindex(w.conn, rowid, child)
                self._delete_missing(w, "referral", child.id, set())

    def _index(self, w: _Writer, rowid: int, record: Record) -> None:
        """Keep the full-text index in step: new rows are indexed at flush, by id."""
        if rowid == NEW_ROW:
            sql, params = search.new_row_index(record)
            w.new_fts.setdefault(sql, []).append(params)
        else:
            search.reindex(w.conn, rowid, record)

    def _write_victim(self, w: _Writer, victim: Victim) -> None:
        rowid, action = self._write(w, victim)
        self._index(w, rowid, victim)
        if action != "unchanged":
            w.victims.append(victim)
            if action == "create":
                w.new_victims.add(victim.id)
        for ref in victim.referrals:
            ref.victim_id = victim.id
            if victim.deleted:
                ref.deleted = True
            self._write(w, ref)
        if rowid != NEW_ROW:  # a new victim has no stored referrals to drop
            self._delete_missing(w, "referral", victim.id, {r.id for r in victim.referrals})

    def _write_case(self, w: _Writer, case: Case) -> None:
        rowid, _ = self._write(w, case)
        for acc in case.accused:
            acc.case_id = case.id
            if case.deleted:
                acc.deleted = True
            self._write(w, acc)
        for vic in case.victims:
            vic.case_id = case.id
            if case.deleted:
                vic.deleted = True
            if not vic.district:
                vic.district = case.district
            vic.owner = ""  # a victim in a case follows the case's owner
            self._write_victim(w, vic)
        if rowid != NEW_ROW:  # a new case has no stored children to drop
            self._delete_missing(w, "accused", case.id, {a.id for a in case.accused})
            self._delete_missing(w, "victim", case.id, {v.id for v in case.victims})
        self._index(w, rowid, case)

    def save(
        self,
        records: Iterable[Record],
        actor: Actor,
        *,
        also_log: Sequence[audit.NewEntry] = (),
    ) -> Changes:
        """Save cases (with accused and victims), victims (with referrals), trainings,
        campaigns and hearings in one transaction. New records (empty id) get an id and version 1.
        ``also_log``: audit entries written after the records' own, in the same transaction
        (an import's summary entry commits with what it imported, or not at all)."""
        records = list(records)
        before = save_undo.snapshot(records)
        try:
            return self._save(records, actor, also_log)
        except BaseException:
            # The transaction rolled back; give the caller's objects back their old ids,
            # versions and links too, so the same objects can simply be saved again. A data
            # key made in it was rolled back with it.
            save_undo.restore(before)
            self.vault.forget_data_key()
            raise

    def _save(
        self, records: list[Record], actor: Actor, also_log: Sequence[audit.NewEntry] = ()
    ) -> Changes:
        with transaction(self._conn) as conn:
            # Updates run at once, new rows at flush: check foreign keys at commit.
            conn.execute("PRAGMA defer_foreign_keys = ON")
            w = _Writer(conn, actor, self.vault)
            for record in records:
                w.begin(record)
                if isinstance(record, Case):
                    self._write_case(w, record)
                elif isinstance(record, Victim):
                    self._write_victim(w, record)
                elif isinstance(record, Training | Campaign):
                    rowid, _ = self._write(w, record)
                    self._index(w, rowid, record)
                elif isinstance(record, Hearing):
                    self._write(w, record)  # no full-text index: found through its case
                else:
                    raise TypeError(f"save {record.KIND} through its parent")
                w.end()
            w.audit.extend(also_log)
            w.flush()
        return w.changes

    # --- reading records -----------------------------------------------------------------
    def _select(self, kind: str, where: str, params: Sequence[Any]) -> list[Record]:
        table = TABLES[kind]
        rows = self._conn.execute(
            f"SELECT {select_columns(kind)} FROM {table} WHERE {where}",  # noqa: S608
            params,
        ).fetchall()
        return [self.opened(from_row(kind, r)) for r in rows]

    def titles(self, kind: str, ids: Sequence[str]) -> dict[str, str]:
        """The title (:data:`~tipdesk.core.records.TITLE_FIELDS`) of each stored record of
        ``ids``, deleted ones too; ids not stored are left out."""
        column = TITLE_FIELDS[kind]
        out: dict[str, str] = {}
        with translated():
            for part in chunks(list(dict.fromkeys(ids))):
                sql = f"SELECT id, {column} FROM {TABLES[kind]} WHERE id IN ({marks(len(part))})"  # noqa: S608
                out.update(
                    (str(rid), str(title or "")) for rid, title in self._conn.execute(sql, part)
                )
        return out

    def get(self, kind: str, record_id: str, *, deleted: bool = False) -> Record:
        """One record with its children (deleted children left out). NotFound if absent."""
        with translated():
            found = self._select(kind, "id = ?", (record_id,))
            if not found or (found[0].deleted and not deleted):
                raise no_record(kind, record_id)
            record = found[0]
            if isinstance(record, Case):
                record.accused = [
                    r
                    for r in self._select("accused", "case_id = ? AND deleted = 0", (record.id,))
                    if isinstance(r, Accused)
                ]
                record.victims = [
                    self._with_referrals(r)
                    for r in self._select("victim", "case_id = ? AND deleted = 0", (record.id,))
                    if isinstance(r, Victim)
                ]
            elif isinstance(record, Victim):
                self._with_referrals(record)
        return record

    def _with_referrals(self, victim: Victim) -> Victim:
        victim.referrals = [
            r
            for r in self._select("referral", "victim_id = ? AND deleted = 0", (victim.id,))
            if isinstance(r, Referral)
        ]
        return victim

    def page(
        self,
        kind: str,
        *,
        filters: dict[str, Any] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        after: tuple[str, str] | None = None,
        limit: int = 200,
    ) -> list[Record]:
        """A page of records, newest first by their main date, keyset-paged by ``after``
        (the (date, id) of the last row of the previous page). No children are loaded."""
        date_col = _DATE_COLUMN[kind]
        where = ["deleted = 0"]
        params: list[Any] = []
        for col, value in (filters or {}).items():
            if col not in MAPPINGS[kind].columns:
                raise ValueError(f"cannot filter {kind} by {col}")
            where.append(f"{col} = ?")
            params.append(value)
        if date_from:
            where.append(f"{date_col} >= ?")
            params.append(date_from)
        if date_to:
            where.append(f"{date_col} <= ?")
            params.append(date_to)
        if after is not None:
            where.append(f"(coalesce({date_col}, ''), id) < (?, ?)")
            params += list(after)
        order = f" ORDER BY coalesce({date_col}, '') DESC, id DESC LIMIT {int(limit)}"
        with translated():
            return self._select(kind, " AND ".join(where) + order, params)

    def count(self, kind: str, *, filters: dict[str, Any] | None = None) -> int:
        where = ["deleted = 0"]
        params: list[Any] = []
        for col, value in (filters or {}).items():
            if col not in MAPPINGS[kind].columns:
                raise ValueError(f"cannot filter {kind} by {col}")
            where.append(f"{col} = ?")
            params.append(value)
        sql = f"SELECT count(*) FROM {TABLES[kind]} WHERE {' AND '.join(where)}"  # noqa: S608
        with translated():
            return int(self._conn.execute(sql, params).fetchone()[0])

    def find_case_number(self, case_number: str, district: str, office: str) -> str | None:
        with translated():
            row = self._conn.execute(
                "SELECT id FROM cases WHERE case_number = ? AND district = ? AND office = ? "
                "AND deleted = 0",
                (case_number, district, office),
            ).fetchone()
        return str(row[0]) if row else None

    def unit_owners(self, kind: str, ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """See :func:`unit_owners`."""
        with translated():
            return unit_owners(self._conn, kind, ids)

    def victim_code_exists(self, code: str, exclude_id: str = "") -> bool:
        with translated():
            row = self._conn.execute(
                "SELECT 1 FROM victims WHERE victim_code = ? AND id != ? AND deleted = 0",
                (code, exclude_id),
            ).fetchone()
        return row is not None

    def search(
        self, text: str, *, include_identity: bool, limit: int = 50
    ) -> list[search.SearchHit]:
        with translated():
            terms = self.vault.search_terms(text) if include_identity else None
            return search.search(self._conn, text, identity_terms=terms, limit=limit)

    def changes_since(self, seq: int, limit: int = 10000) -> list[tuple[int, str, str, int]]:
        """Change log rows (seq, kind, record_id, version) after ``seq``, in order."""
        with translated():
            return [
                (int(r[0]), r[1], r[2], int(r[3]))
                for r in self._conn.execute(
                    "SELECT seq, kind, record_id, version FROM changes WHERE seq > ? "
                    "ORDER BY seq LIMIT ?",
                    (seq, limit),
                )
            ]

    # --- queries for reports -------------------------------------------------------------
    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Read-only SQL for the store's own query modules (reports use :mod:`queries`)."""
        with translated():
            return [tuple(r) for r in self._conn.execute(sql, params).fetchall()]

    # --- backup --------------------------------------------------------------------------
    def export_copy(self, dest: Path) -> None:
        """Write a consistent encrypted copy of the database (same key) to ``dest``."""
        export_copy(self._conn, dest, self._key)

    def database_key(self) -> bytes:
        """The raw database key, for re-wrapping it for a new user. Never log or show it."""
        return self._key

    def rekey(self, key: bytes) -> None:
        """Re-encrypt the whole database with ``key`` (see :func:`driver.rekey`); from then on
        only ``key`` opens it, and backups are written with it."""
        rekey(self._conn, key)
        self._key = key

    @property
    def schema_version(self) -> int:
        with translated():
            return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def checkpoint(self) -> None:
        """Fold the WAL into the main file (before a copy of the files, or at close)."""
        with translated():
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()

    def settings_json(self, key: str) -> Any:
        value = self.setting(key)
        return json.loads(value) if value else None


_DATE_COLUMN = {
    "case": "registered_on",
    "accused": "proceeded_on",
    "victim": "identified_on",
    "referral": "referred_on",
    "training": "start_on",
    "campaign": "start_on",
    "hearing": "hearing_on",
}
