"""HQ's record screens on the PostgreSQL HQ database: records read, saved and deleted through
the same services as on the SQLCipher HQ (issue 20, the analysts).

Contract:
- :func:`session_on` gives, for the length of a ``with`` block, a copy of the session whose
  ``store`` is a :class:`PgView`: the record reads and writes the services make
  (``get``, ``page``, ``save``, the duplicate case number and victim code checks, the owners
  of a save's records) go to HQ's PostgreSQL database, **in one transaction** (committed when
  the block ends, rolled back on an exception); everything else (users, keys, settings,
  offices, reference data, the per-user audit the overlap guard counts)
  stays in the HQ install's own store, as it does for a PostgreSQL HQ: only what
  :data:`INSTALL_STORE` lists, each with its reason; the view refuses anything else, and any
  SQL naming a record table, with :class:`NotRouted` (a programming error), so a service
  that is not yet routed fails loudly instead of reading the install's empty tables. So
  :func:`tipdesk.services.records.save` runs every check it runs on the SQLCipher HQ
  (permissions, normalising, validation, ownership, the overlap and non-criminalisation marks,
  duplicate case numbers and victim codes) over PostgreSQL's records, and reads and writes
  in the same transaction. The view's ``vault`` is PostgreSQL's (:class:`PgVault`, the
  install's keys): victims' keyed hashes for the overlap check and search are read there.
- Writes are :meth:`tipdesk.hqstore.edits.PgRecords.save`: ``UPDATE ... WHERE id AND
  version``; a stale save is refused with the store's own message and writes nothing. The
  audit entries (the records' own and ``also_log``) go to PostgreSQL's chained audit table in
  the same transaction; superseded versions to its ``record_versions``.
- A database role without victims' identifying columns (``tipdesk_editor``, an analyst who
  may save: :mod:`tipdesk.hqstore.roles`) is noticed from its privileges: its saves leave
  identities as stored (:class:`PgRecords` with ``identities=False``).
- Reads follow the store's rules: a deleted record is :class:`NotFound` (unless asked for),
  deleted children are left out; victims' identities are opened only for users who may
  reveal them with their key granted (the services mask them for everyone else).
"""

from __future__ import annotations

import copy
import re
import threading
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, cast

from tipdesk.core.errors import InvalidInput, NotFound, PermissionDenied, no_record
from tipdesk.core.masking import MASK
from tipdesk.core.messages import say
from tipdesk.core.permissions import Permission
from tipdesk.core.records import LOCAL_KINDS, TITLE_FIELDS, Case, Record, Victim
from tipdesk.hqstore import lists as pg_lists
from tipdesk.hqstore.dialect import POSTGRES, identifier
from tipdesk.hqstore.edits import Conn, PgRecords
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.hqstore.vault import PgVault
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_pg_tls
from tipdesk.services.sync.hq import DATABASE_SETTING
from tipdesk.services.sync.hq_pg import install_index_key
from tipdesk.store import audit
from tipdesk.store.owners import _UNIT_OWNER_SQL
from tipdesk.store.rows import MAPPINGS, TABLES, from_row, select_columns
from tipdesk.store.store import Actor, Changes, Store


class NotRouted(RuntimeError):
    """A programming error, never a user's: code running on a session routed to PostgreSQL
    asked the view for something neither routed there nor the install store's own. The fix is
    to read it from PostgreSQL (or, when it truly is the install's, to add it to
    :data:`INSTALL_STORE` with the reason)."""


INSTALL_STORE: dict[str, str] = {
    # name -> why it is the HQ install's own even when its records are in PostgreSQL
    "setting": "settings: the install's own table (the database URL, letterhead, ...)",
    "settings_json": "settings, as JSON",
    "set_settings": "settings, with the install's audit entry naming the keys",
    "users": "user accounts and roles stay in the install (issue 20's design)",
    "user": "one user account",
    "add_user": "user accounts",
    "set_user_active": "user accounts",
    "offices": "the office list: HQ's reference data, kept by the install",
    "add_office": "the office list",
    "logged_login_failures": "sign-in failures: the install's audit of its users",
    "audit_status": "the install's own audit chain (users, keys, settings)",
    "verify_audit": "the install's own audit chain",
    "acknowledge_audit_break": "the install's own audit chain",
    # The records' entries are in PostgreSQL's chain (the Audit screen reads it through
    # services.sync.hq_pg_audit); the install's own chain is its users', keys' and settings'.
    "audit_entries": "the install's own audit chain",
    "path": "the install's database file",
    "database_key": "the install's database key (users' key wrapping)",
    "schema_version": "the install store's schema",
    "checkpoint": "the install store's WAL",
    "close": "the install store's life cycle",
}
"""What a routed session's store legitimately takes from the HQ install's own store (see
:class:`PgView`). Record reads and writes are the view's own methods; ``query`` is checked
table by table; anything else raises :class:`NotRouted`."""

RECORD_TABLES = frozenset(
    {*TABLES.values(), "changes", "record_versions", "victim_keys", "victim_terms", "handovers"}
    | {f"{t}_fts" for t in ("cases", "victims", "trainings", "campaigns")}  # search
) - {"hearings"}  # a hearing never leaves its install (LOCAL_KINDS): HQ's own, empty
"""Tables whose rows live in PostgreSQL at an HQ keeping its records there (the install's
copies are empty); ``report_*`` summary tables too."""

_TABLE_NAMED = re.compile(r"\b(?:from|join|into|update)\s+([a-z_][a-z0-9_]*)", re.IGNORECASE)

_DATE_COLUMN = {
    "case": "registered_on",
    "victim": "identified_on",
    "training": "start_on",
    "campaign": "start_on",
}


class PgView:
    """The HQ install's store with its records in PostgreSQL (see the module contract).
    Of the attributes it does not define, only those :data:`INSTALL_STORE` lists are taken
    from the install's store; any other is :class:`NotRouted` (never a silent read of the
    install's empty record tables)."""

    on_postgres = True
    """Marks a session already routed to PostgreSQL (the services do not route it again)."""

    def __init__(self, store: Store, conn: Conn, records: PgRecords) -> None:
        self._store = store
        self.conn = conn
        self.records = records

    def __getattr__(self, name: str) -> Any:
        """Only what :data:`INSTALL_STORE` lists is the install store's; anything else is a
        record read or write this view does not answer yet: :class:`NotRouted`, loudly, not
        an empty answer from the install's store (whose record tables are empty here)."""
        if name.startswith("__"):  # the copy and pickle protocols' look-ups
            raise AttributeError(name)
        if name not in INSTALL_STORE:
            raise NotRouted(
                f"PgView: {name!r} is not routed to PostgreSQL and is not one of the install "
                "store's own (INSTALL_STORE in tipdesk.services.sync.hq_pg_records)"
            )
        return getattr(self._store, name)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """The install store's :meth:`Store.query` for its own tables (users' audit, settings,
        offices, diary marks...); :class:`NotRouted` for SQL naming a table whose rows are
        PostgreSQL's at this HQ (:data:`RECORD_TABLES`)."""
        named = {m.lower() for m in _TABLE_NAMED.findall(sql)}
        wrong = sorted(t for t in named if t in RECORD_TABLES or t.startswith("report_"))
        if wrong:
            raise NotRouted(
                f"PgView.query: {', '.join(wrong)} are PostgreSQL's at this HQ; read them "
                "through tipdesk.hqstore, not the install store"
            )
        return self._store.query(sql, params)

    def count(self, kind: str, *, filters: dict[str, Any] | None = None) -> int:
        raise NotRouted(f"PgView.count({kind!r}): count through tipdesk.hqstore.lists")

    @property
    def install_store(self) -> Store:
        """The HQ install's own store (users, keys, settings; its vault holds the signed-in
        user's identity key, whatever the database role may read)."""
        return self._store

    @property
    def vault(self) -> PgVault:
        """PostgreSQL's identities (sealed as the store seals them; the overlap check's keyed
        hashes of a masked victim are read there), with the HQ install's keys."""
        return self.records.vault

    # --- reads -----------------------------------------------------------------------------
    def get(self, kind: str, record_id: str, *, deleted: bool = False) -> Record:
        """As :meth:`Store.get`: the record with its live children; NotFound if absent or
        deleted (unless ``deleted``)."""
        try:
            record = self.records.get(kind, record_id)
        except NotFound:
            raise no_record(kind, record_id) from None
        if record.deleted and not deleted:
            raise no_record(kind, record_id)
        if isinstance(record, Case):
            record.accused = [a for a in record.accused if not a.deleted]
            record.victims = [_live(v) for v in record.victims if not v.deleted]
        elif isinstance(record, Victim):
            _live(record)
        return record

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
        """As :meth:`Store.page`: newest first by the main date, keyset-paged by ``after``."""
        if kind in LOCAL_KINDS:  # a hearing never leaves its install: HQ's own store's
            return self._store.page(
                kind, filters=filters, date_from=date_from, date_to=date_to, after=after,
                limit=limit,
            )  # fmt: skip
        date = _DATE_COLUMN[kind]
        where, params = ["deleted = 0"], []
        for col, value in (filters or {}).items():
            if col not in MAPPINGS[kind].columns:  # as the store refuses it
                raise ValueError(f"cannot filter {kind} by {col}")
            where.append(f"{identifier(col)} = %s")
            params.append(value)
        if date_from:
            where.append(f"{date} >= %s")
            params.append(date_from)
        if date_to:
            where.append(f"{date} <= %s")
            params.append(date_to)
        if after is not None:
            where.append(f"(coalesce({date}, ''), id) < (%s, %s)")
            params += list(after)
        rows = self.conn.execute(
            f"SELECT {select_columns(kind)} FROM {identifier(TABLES[kind])} "  # noqa: S608
            f"WHERE {' AND '.join(where)} ORDER BY coalesce({date}, '') DESC, id DESC "
            f"LIMIT {int(limit)}".encode(),
            tuple(params),
        ).fetchall()
        out = []
        for row in rows:
            record = from_row(kind, row)
            if isinstance(record, Victim):
                self.records.vault.open_victim(record)
            out.append(record)
        return out

    def titles(self, kind: str, ids: Sequence[str]) -> dict[str, str]:
        """As :meth:`Store.titles`: each stored record's title, deleted ones too."""
        rows = self.conn.execute(
            f"SELECT id, {identifier(TITLE_FIELDS[kind])} FROM {identifier(TABLES[kind])} "  # noqa: S608
            "WHERE id = ANY(%s)".encode(),
            (list(dict.fromkeys(ids)),),
        ).fetchall()
        return {str(r[0]): str(r[1] or "") for r in rows}

    def find_case_number(self, case_number: str, district: str, office: str) -> str | None:
        row = self.conn.execute(
            "SELECT id FROM cases WHERE case_number = %s AND district = %s AND office = %s "
            "AND deleted = 0",
            (case_number, district, office),
        ).fetchone()
        return str(row[0]) if row else None

    def victim_code_exists(self, code: str, exclude_id: str = "") -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM victims WHERE victim_code = %s AND id != %s AND deleted = 0",
            (code, exclude_id),
        ).fetchone()
        return row is not None

    def received_offices(self) -> frozenset[str]:
        """As :meth:`HandoverStore.received_offices`, from PostgreSQL's handovers (step 8).
        A role that may not read handovers (the analyst's, the editor's) gets none: its saves
        may name the install's offices only."""
        may = self.conn.execute("SELECT has_table_privilege('public.handovers', 'SELECT')")
        if may.fetchone() != (True,):
            return frozenset()
        rows = self.conn.execute(
            "SELECT DISTINCT c.office FROM handovers AS h JOIN cases AS c ON c.id = h.case_id "
            "WHERE h.state = 'received'"
        ).fetchall()
        return frozenset(str(r[0]) for r in rows)

    def unit_owners(self, kind: str, ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """As :meth:`Store.unit_owners` (deleted rows too)."""
        if not ids:
            return {}
        rows = self.conn.execute(
            POSTGRES.params(f"{_UNIT_OWNER_SQL[kind]} WHERE r.id = ANY(?)").encode(),
            (list(ids),),
        ).fetchall()
        return {str(r[0]): (str(r[1]), str(r[2])) for r in rows}

    # --- writes ----------------------------------------------------------------------------
    def save(
        self, records: Sequence[Record], actor: Actor, also_log: Sequence[audit.NewEntry] = ()
    ) -> Changes:
        """As :meth:`Store.save`, version-checked (see the module contract)."""
        if not self.records.identities:
            self._blind_check(records)
        return self.records.save(records, actor, also_log=also_log)

    def _blind_check(self, records: Sequence[Record]) -> None:
        """Refuse, before anything is written, what a role without victims' identifying
        columns cannot save: a new victim, or an identifying value typed in (the store's
        :class:`PgRecords` refuses them too; this says it in the user's language)."""
        victims = [v for r in records for v in (r.victims if isinstance(r, Case) else [r])]
        victims = [v for v in victims if isinstance(v, Victim) and not v.deleted]
        ids = [v.id for v in victims if v.id]
        stored = {
            str(r[0])
            for r in self.conn.execute("SELECT id FROM victims WHERE id = ANY(%s)", (ids,))
        }
        for v in victims:
            typed = any(getattr(v, n) not in ("", MASK) for n in Victim.IDENTIFYING)
            if typed or v.id not in stored:
                raise PermissionDenied(
                    say(
                        "Your database role may not record victims' identifying details: a "
                        "new victim or a change to a name, CNIC, phone or address is saved by "
                        "an identity officer or comes from the district. Nothing was saved."
                    )
                )

    def log(self, entries: Sequence[audit.NewEntry]) -> None:
        """Record audit entries: those of a record (delete reasons...) go to PostgreSQL's
        audit with the records; the rest stay in the install's store (see the module
        contract)."""
        mine = [e for e in entries if e.kind]
        rest = [e for e in entries if not e.kind]
        if mine:
            from tipdesk.hqstore.batch import LOG_LOCK, append_audit

            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOG_LOCK,))
            append_audit(self.conn, mine)
        if rest:
            self._store.log(rest)


def _live(victim: Victim) -> Victim:
    victim.referrals = [r for r in victim.referrals if not r.deleted]
    return victim


def _private(session: Session) -> bytes | None:
    if session.can(Permission.REVEAL_IDENTITY) and session.store.vault.is_open:
        return session.store.vault.private_key()
    return None


_SHARED: weakref.WeakKeyDictionary[Store, tuple[tuple[str, str], HqDatabase]] = (
    weakref.WeakKeyDictionary()
)
_SHARED_LOCK = threading.Lock()


def shared_database(session: Session) -> HqDatabase:
    """The pool of the install's PostgreSQL database kept for its open store: the record
    screens call the services page by page, and a new pool per call (two connections opened,
    one closed) cost more than the queries. Made again when the install's URL or CA changes;
    closed with the session (or when the store object goes, or at exit)."""
    store = session.store
    url = store.setting(DATABASE_SETTING) or ""
    key = (url, store.setting(hq_pg_tls.CA_SETTING) or "")
    with _SHARED_LOCK:
        held = _SHARED.get(store)
        if held is not None and held[0] == key:
            return held[1]
        if held is not None:
            held[1].close()
        db = HqDatabase(hq_pg_tls.connection_url(session, url), max_size=4)
        _SHARED[store] = (key, db)
        weakref.finalize(store, db.close)  # a store dropped without its session closing
        session.on_close.append(db.close)
        return db


@contextmanager
def session_on(session: Session) -> Iterator[Session]:
    """``session`` with its records in the install's PostgreSQL database for one transaction
    (see the module contract)."""
    index_key = install_index_key(session)
    private = _private(session)
    db = shared_database(session)
    with db.transaction() as conn:
        blind = not pg_lists.reads_identities(conn)
        records = PgRecords(
            conn, index_key=index_key, private=None if blind else private, identities=not blind
        )
        view = PgView(session.store, conn, records)
        routed = copy.copy(session)
        # A typed Store in every service's signature: the view answers what they call of it.
        routed.store = cast(Store, view)
        yield routed


def reveal_victim(session: Session, victim_id: str, reason: str) -> Victim:
    """The victim with its identifying details, each read through the database's audited
    function (:func:`tipdesk.services.sync.hq_pg_roles.reveal_victim`; the caller checked the
    permission, the reason and the key); :class:`NotFound` for no live victim, as the
    store says it."""
    from tipdesk.services.sync import hq_pg_roles

    index_key = install_index_key(session)
    db = shared_database(session)
    with db.connection() as conn:
        try:
            blind = not pg_lists.reads_identities(conn)
            found = PgView(
                session.store, conn, PgRecords(conn, index_key=index_key, identities=not blind)
            ).get("victim", victim_id)
        finally:
            conn.rollback()
    if not isinstance(found, Victim):
        raise InvalidInput(say("Not a victim record."))
    shown = hq_pg_roles.reveal_victim(session, db, victim_id, reason)
    for name, value in shown.items():
        setattr(found, name, value)
    return found
