"""HQ's records read back whichever engine keeps them (issue 20): the HQ install's own SQLCipher
store, or the PostgreSQL database it is linked to. The sync suite's HQ-side tests take the
``hq_linked`` fixture (conftest: a district enrolled with an HQ install, once per engine) and
read what HQ holds through :func:`view`, so each test checks the same facts on both engines.

On PostgreSQL the reads go straight to the tables (the test's own connection, read only);
records come back through :class:`tipdesk.hqstore.back.PgReceiptSource` (the reads a
receipt's records back page makes), victims' identities opened with the install's key.
Everything is synthetic."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict
from sync_support import clone_home, reopen

from tipdesk.core.clock import FixedClock
from tipdesk.core.errors import no_record
from tipdesk.core.records import LOCAL_KINDS, Accused, Case, Record, Referral, Victim
from tipdesk.hqstore.back import PgReceiptSource
from tipdesk.hqstore.batch import verify_audit
from tipdesk.services import sync
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_pg
from tipdesk.services.sync.hq import DATABASE_SETTING
from tipdesk.store.rows import TABLES
from tipdesk.store.sync_store import SyncStore

ENGINES = ("sqlcipher", "postgres")


class _StoreView:
    """HQ's records in the install's SQLCipher store."""

    engine = "sqlcipher"

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, kind: str, record_id: str, *, deleted: bool = False) -> Record:
        return self.session.store.get(kind, record_id, deleted=deleted)

    def exists(self, kind: str, record_id: str) -> bool:
        sql = f"SELECT 1 FROM {TABLES[kind]} WHERE id = ?"  # noqa: S608
        return bool(self.session.store.query(sql, (record_id,)))

    def count(self, kind: str) -> int:
        return self.session.store.count(kind)

    def raw(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        """Rows of ``sql`` (``?`` placeholders) as stored: nothing opened."""
        return [tuple(r) for r in self.session.store.query(sql, params)]

    def actions(self) -> list[str]:
        return [e.action for e in self.session.store.audit_entries(limit=100_000)]

    def details(self, action: str) -> list[dict[str, Any]]:
        """The details of the audit entries of ``action``, oldest first."""
        found = self.session.store.audit_entries(action=action, limit=100_000)
        return [e.detail for e in sorted(found, key=lambda e: e.seq)]

    def audit_ok(self) -> bool:
        return self.session.store.verify_audit().ok

    def open_conflicts(self) -> int:
        return len(SyncStore(self.session.store).conflicts())

    def open_quarantine(self) -> int:
        return len(SyncStore(self.session.store).quarantine(status="open"))

    def back_confirmed(self, device_id: str) -> int:
        device = SyncStore(self.session.store).device(device_id)
        assert device is not None
        return device.back_confirmed

    def state(self) -> dict[str, Any]:
        """Every record row, version vector, open conflict and quarantine entry, and the
        coverage: what must be the same after any delivery order (import times and audit
        entries left out)."""
        return _state(self.session, self.raw, TABLES)


class _PgView:
    """HQ's records in its PostgreSQL database."""

    engine = "postgres"

    def __init__(self, session: Session, url: str) -> None:
        self.session = session
        self.url = url

    def _rows(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        with psycopg.connect(self.url) as conn:
            return conn.execute(sql.encode(), params).fetchall()

    def _records(self, kind: str, where: str, value: str, deleted: bool) -> list[Record]:
        ids = [str(r[0]) for r in self._rows(self._ids_sql(kind, where, deleted), (value,))]
        with psycopg.connect(self.url) as conn:
            source = PgReceiptSource(
                conn, self.session.store.vault.private_key(), hq_pg.install_index_key(self.session)
            )
            found = {r.id: r for r in source.read_rows(kind, ids)}
        return [found[i] for i in ids]

    @staticmethod
    def _ids_sql(kind: str, where: str, deleted: bool) -> str:
        alive = "" if deleted else " AND deleted = 0"
        return f"SELECT id FROM {TABLES[kind]} WHERE {where} = %s{alive} ORDER BY id"  # noqa: S608

    def get(self, kind: str, record_id: str, *, deleted: bool = False) -> Record:
        """One record with its children, as :meth:`tipdesk.store.store.Store.get` gives it."""
        found = self._records(kind, "id", record_id, deleted)
        if not found:
            raise no_record(kind, record_id)
        record = found[0]
        if isinstance(record, Case):
            record.accused = [
                r
                for r in self._records("accused", "case_id", record.id, False)
                if isinstance(r, Accused)
            ]
            record.victims = [
                self._with_referrals(r)
                for r in self._records("victim", "case_id", record.id, False)
                if isinstance(r, Victim)
            ]
        elif isinstance(record, Victim):
            self._with_referrals(record)
        return record

    def _with_referrals(self, victim: Victim) -> Victim:
        victim.referrals = [
            r
            for r in self._records("referral", "victim_id", victim.id, False)
            if isinstance(r, Referral)
        ]
        return victim

    def exists(self, kind: str, record_id: str) -> bool:
        sql = f"SELECT 1 FROM {TABLES[kind]} WHERE id = %s"  # noqa: S608
        return bool(self._rows(sql, (record_id,)))

    def raw(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        """Rows of ``sql`` (``?`` placeholders) as stored: nothing opened."""
        return self._rows(sql.replace("?", "%s"), params)

    def count(self, kind: str) -> int:
        sql = f"SELECT count(*) FROM {TABLES[kind]} WHERE deleted = 0"  # noqa: S608
        return int(str(self._rows(sql)[0][0]))

    def actions(self) -> list[str]:
        return [str(r[0]) for r in self._rows("SELECT action FROM audit ORDER BY seq")]

    def details(self, action: str) -> list[dict[str, Any]]:
        """The details of the audit entries of ``action``, oldest first."""
        sql = "SELECT detail FROM audit WHERE action = %s ORDER BY seq"
        return [json.loads(str(r[0])) for r in self._rows(sql, (action,))]

    def audit_ok(self) -> bool:
        with psycopg.connect(self.url) as conn:
            return verify_audit(conn)[0]

    def open_conflicts(self) -> int:
        sql = "SELECT count(*) FROM sync_conflicts WHERE status = 'open'"
        return int(str(self._rows(sql)[0][0]))

    def open_quarantine(self) -> int:
        sql = "SELECT count(*) FROM sync_quarantine WHERE status = 'open'"
        return int(str(self._rows(sql)[0][0]))

    def back_confirmed(self, device_id: str) -> int:
        sql = "SELECT back_confirmed FROM sync_devices WHERE device_id = %s"
        return int(str(self._rows(sql, (device_id,))[0][0]))

    def state(self) -> dict[str, Any]:
        """As :meth:`_StoreView.state`, from PostgreSQL's tables (kinds never synced have
        none)."""
        synced = {k: t for k, t in TABLES.items() if k not in LOCAL_KINDS}
        return _state(self.session, self.raw, synced)


def _state(
    session: Session, query: Callable[[str], list[tuple[object, ...]]], tables: dict[str, str]
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for kind, table in tables.items():
        out[kind] = query(f"SELECT * FROM {table} ORDER BY id")  # noqa: S608
    out["versions"] = query(
        "SELECT kind, record_id, version, vv FROM sync_versions ORDER BY kind, record_id"
    )
    out["conflicts"] = query(
        "SELECT id, kind, record_id, version, vv, record FROM sync_conflicts "
        "WHERE status = 'open' ORDER BY id"
    )
    out["quarantine"] = query(
        "SELECT id, kind, record_id, version, vv, problems FROM sync_quarantine "
        "WHERE status = 'open' ORDER BY id"
    )
    out["coverage"] = _coverage(session)
    return out


def _coverage(session: Session) -> dict[str, Any]:
    return {
        d.device_id: (d.acked_change, d.contiguous_seq, d.gaps) for d in sync.device_status(session)
    }


HqView = _StoreView | _PgView


def receipt_file(hq: Session, district: Session, folder: Path) -> Path:
    """HQ's next receipt for ``district`` (:func:`tipdesk.services.sync.receipt_for`, from
    the engine keeping HQ's records), written to a new file in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"receipt-{len(list(folder.iterdir()))}.tipr"
    path.write_bytes(sync.receipt_for(hq, district.install.device_id))
    return path


def clone_hq(
    hq: Session, dest: Path, new_url: Callable[[str | None], str], clock: FixedClock
) -> Session:
    """A copy of ``hq`` (closed by the caller first) signed in: same keys, same registry. On
    PostgreSQL the copy gets a database of its own, a copy of ``hq``'s (``new_url``: the
    ``hq_pg_urls`` fixture)."""
    copy = reopen(clone_home(hq.paths.home, dest), clock)
    url = copy.store.setting(DATABASE_SETTING)
    if url:
        own = new_url(str(conninfo_to_dict(str(url))["dbname"]))
        copy.store.set_settings({DATABASE_SETTING: own}, copy.actor())
    return copy


def view(hq: Session) -> HqView:
    """What ``hq`` holds, read from the engine that keeps its records."""
    url = hq.store.setting(DATABASE_SETTING)
    return _PgView(hq, str(url)) if url else _StoreView(hq)


def pg_digest(url: str | None) -> dict[str, list[str]]:
    """Every row of every table of the PostgreSQL database at ``url`` (sorted; ``{}`` for
    none): compared around an operation that must write nothing there."""
    if not url:
        return {}
    out: dict[str, list[str]] = {}
    with psycopg.connect(url) as conn:
        tables = conn.execute(
            b"SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
        ).fetchall()
        for (table,) in tables:
            rows = conn.execute(f'SELECT * FROM "{table}"'.encode()).fetchall()  # noqa: S608
            out[str(table)] = sorted(repr(r) for r in rows)
    return out
