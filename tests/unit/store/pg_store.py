"""A store whose records live in PostgreSQL, for running the store's record tests on both of
HQ's engines (issue 20: "the store, sync and report suites run against both engines").

:class:`PgStore` answers the calls the record tests make of a :class:`~tipdesk.store.store.Store`.
The calls under test go through the product's own PostgreSQL code, each in a transaction of
its own, as a screen's call does (``tipdesk.services.sync.hq_pg_records.PgView`` over
``tipdesk.hqstore.edits.PgRecords``, and ``tipdesk.hqstore.search``): ``save``, ``get``,
``page``, ``find_case_number``, ``victim_code_exists``, ``search``. The rest only reads
back what those wrote, straight from the tables (``count``, ``changes_since``,
``audit_entries``, ``query``), or walks the chain with the import's own check
(``verify_audit``). The SQLCipher store it is made from holds the keys (the identity key
opens victims, as an HQ install's store does) and nothing else.

Everything is synthetic.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest

from tipdesk.core.records import Record
from tipdesk.hqstore import batch as pg_batch
from tipdesk.hqstore import keys as pg_keys
from tipdesk.hqstore import lists as pg_lists
from tipdesk.hqstore import migrations
from tipdesk.hqstore import search as pg_search
from tipdesk.hqstore.dialect import POSTGRES, identifier
from tipdesk.hqstore.edits import PgRecords
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.services.sync.hq_pg_records import PgView
from tipdesk.store import audit
from tipdesk.store import list_queries as lq
from tipdesk.store.identity import INDEX_KEY, PUBLIC_KEY
from tipdesk.store.rows import MAPPINGS, TABLES
from tipdesk.store.search import SearchHit
from tipdesk.store.store import Actor, Changes, Store


@dataclass(frozen=True)
class Verified:
    """What :meth:`Store.verify_audit` answers that the tests read."""

    ok: bool


class PgStore:
    """The record calls of a store, on a PostgreSQL database linked to ``keys`` (see the
    module docstring)."""

    def __init__(self, keys: Store, db: HqDatabase) -> None:
        self._keys = keys
        self.db = db
        self.index_key = pg_keys.install_index_key(keys.setting(INDEX_KEY))

    @classmethod
    @contextmanager
    def linked(cls, keys: Store, url: str) -> Iterator[PgStore]:
        """A new database at ``url`` made an HQ database for the keys of ``keys`` (the
        schema, the identity public key and the index key's fingerprint, as
        ``tipdesk hq database`` links one)."""
        db = HqDatabase(url, max_size=2)
        try:
            made = cls(keys, db)
            with db.connection() as conn:
                migrations.migrate(conn, index_key=made.index_key)
                with conn.transaction():
                    pg_batch.link_identity(conn, str(keys.setting(PUBLIC_KEY)), made.index_key)
            yield made
        finally:
            db.close()

    @contextmanager
    def _view(self) -> Iterator[PgView]:
        with self.db.transaction() as conn:
            private = self._keys.vault.private_key() if self._keys.vault.is_open else None
            yield PgView(
                self._keys, conn, PgRecords(conn, index_key=self.index_key, private=private)
            )

    # --- the calls under test ------------------------------------------------------------
    def save(
        self, records: Sequence[Record], actor: Actor, *, also_log: Sequence[audit.NewEntry] = ()
    ) -> Changes:
        with self._view() as view:
            return view.save(list(records), actor, also_log)

    def get(self, kind: str, record_id: str, *, deleted: bool = False) -> Record:
        with self._view() as view:
            return view.get(kind, record_id, deleted=deleted)

    def page(self, kind: str, **kwargs: Any) -> list[Record]:
        with self._view() as view:
            return view.page(kind, **kwargs)

    def find_case_number(self, case_number: str, district: str, office: str) -> str | None:
        with self._view() as view:
            return view.find_case_number(case_number, district, office)

    def victim_code_exists(self, code: str, exclude_id: str = "") -> bool:
        with self._view() as view:
            return view.victim_code_exists(code, exclude_id)

    def search(self, text: str, *, include_identity: bool, limit: int = 50) -> list[SearchHit]:
        with self._view() as view:
            terms = view.vault.search_terms(text) if include_identity else None
            return pg_search.search(view.conn, text, identity_terms=terms, limit=limit)

    def _terms(self, q: lq.ListQuery, include_identity: bool) -> list[str] | None:
        """Victims' keyed word hashes to search, as HQ's lists ask for a user who may
        reveal identities (``tipdesk.services.sync.hq_pg_lists``)."""
        if not include_identity or q.kind != "victim" or not q.text.strip():
            return None
        return self._keys.vault.search_terms(q.text)

    def list_page(
        self,
        q: lq.ListQuery,
        *,
        after: lq.Key | None = None,
        limit: int = 100,
        include_identity: bool = False,
    ) -> lq.Page:
        with self._view() as view:
            terms = self._terms(q, include_identity)
            return pg_lists.page(view.conn, q, after=after, limit=limit, identity_terms=terms)

    def list_count(
        self, q: lq.ListQuery, *, include_identity: bool = False, cap: int | None = None
    ) -> int:
        with self._view() as view:
            terms = self._terms(q, include_identity)
            return pg_lists.count(view.conn, q, cap=cap, identity_terms=terms)

    def list_row(self, kind: str, record_id: str) -> tuple[Any, ...] | None:
        with self._view() as view:
            return pg_lists.row(view.conn, kind, record_id)

    # --- reading back what was written ---------------------------------------------------
    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self.db.connection() as conn:
            try:
                return [tuple(r) for r in conn.execute(POSTGRES.params(sql).encode(), params)]
            finally:
                conn.rollback()

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows of ``sql`` (``?`` placeholders) as stored."""
        return self._rows(sql, params)

    def count(self, kind: str, *, filters: dict[str, Any] | None = None) -> int:
        where, params = ["deleted = 0"], []
        for col, value in (filters or {}).items():
            assert col in MAPPINGS[kind].columns, col
            where.append(f"{identifier(col)} = ?")
            params.append(value)
        sql = f"SELECT count(*) FROM {TABLES[kind]} WHERE {' AND '.join(where)}"  # noqa: S608
        return int(self._rows(sql, params)[0][0])

    def changes_since(self, seq: int, limit: int = 10000) -> list[tuple[int, str, str, int]]:
        rows = self._rows(
            "SELECT seq, kind, record_id, version FROM changes WHERE seq > ? ORDER BY seq LIMIT ?",
            (seq, limit),
        )
        return [(int(r[0]), str(r[1]), str(r[2]), int(r[3])) for r in rows]

    def audit_entries(self, *, after_seq: int = 0) -> list[audit.AuditEntry]:
        rows = self._rows(
            "SELECT seq, at, user_name, device, action, kind, record_id, detail, prev_hash, "
            "hash FROM audit WHERE seq > ? ORDER BY seq",
            (after_seq,),
        )
        return [
            audit.AuditEntry(
                int(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], json.loads(r[7]), r[8], r[9]
            )
            for r in rows
        ]

    def verify_audit(self) -> Verified:
        with self.db.connection() as conn:
            try:
                ok, _entries = pg_batch.verify_audit(conn)
            finally:
                conn.rollback()
        return Verified(ok)


@pytest.fixture(name="store", params=["sqlcipher", "postgres"])
def store_on_both_engines(request: pytest.FixtureRequest, store: Store) -> Iterator[Store]:
    """The conftest's store, or PostgreSQL linked to its keys (the records live there): a
    module importing this runs its ``store`` tests on both engines."""
    if request.param == "sqlcipher":
        yield store
        return
    with PgStore.linked(store, request.getfixturevalue("pg_url")) as pg:
        yield pg  # type: ignore[misc]


# --- the list queries, on the engine that holds the records --------------------------------------
def list_page(store: Store, q: lq.ListQuery, **kwargs: Any) -> lq.Page:
    """:func:`tipdesk.store.list_queries.page`, or PostgreSQL's (``tipdesk.hqstore.lists``)."""
    if isinstance(store, PgStore):
        return store.list_page(q, **kwargs)
    return lq.page(store, q, **kwargs)


def list_count(store: Store, q: lq.ListQuery, **kwargs: Any) -> int:
    """:func:`tipdesk.store.list_queries.count`, or PostgreSQL's."""
    if isinstance(store, PgStore):
        return store.list_count(q, **kwargs)
    return lq.count(store, q, **kwargs)


def list_row(store: Store, kind: str, record_id: str) -> tuple[Any, ...] | None:
    """:func:`tipdesk.store.list_queries.row`, or PostgreSQL's."""
    if isinstance(store, PgStore):
        return store.list_row(kind, record_id)
    return lq.row(store, kind, record_id)
