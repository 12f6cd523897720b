"""Victims' identities on PostgreSQL: the SQLCipher store's sealing, reused as it is.

PostgreSQL has no SQLCipher, so what protects an identity here is only the app's own sealing:
:class:`~tipdesk.store.identity.IdentityVault` (AES-256-GCM per value under data keys sealed
to HQ's identity key, ``s1:`` tokens; keyed hashes for the overlap check and search) runs
unchanged over a PostgreSQL connection through :class:`VaultConnection`, a narrow adapter for
the vault's own statements. The identity key pair and index key are the HQ install's: the
public key is in ``settings`` (:func:`tipdesk.hqstore.keys.link`), so the officers who may
reveal identities at HQ read them from either engine; the **index key** is never in
PostgreSQL: it is given to :class:`PgVault` at run time from the HQ install's own store.

Contract: a :class:`PgVault` belongs to one transaction's connection; it never logs a value or
a key, and never reads a key from a table but the public one. Quarantined and held versions
are sealed the same way (``seal_json``): no identifying value is plaintext in any table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import psycopg

from tipdesk.store.driver import StoreBug
from tipdesk.store.identity import IdentityVault

Conn = psycopg.Connection[tuple[object, ...]]


class _Result:
    """What the vault reads of a statement's result: ``fetchone`` and ``lastrowid``."""

    def __init__(self, row: tuple[Any, ...] | None, lastrowid: int | None = None) -> None:
        self._row = row
        self.lastrowid = lastrowid

    def fetchone(self) -> tuple[Any, ...] | None:
        return self._row


def _postgres(sql: str) -> str:
    """The vault's SQLite statement in PostgreSQL's words (see :class:`VaultConnection`)."""
    if sql.startswith("PRAGMA"):
        raise StoreBug("PRAGMA statements have no meaning on PostgreSQL")
    if sql.startswith("INSERT OR IGNORE INTO "):
        sql = "INSERT INTO " + sql[len("INSERT OR IGNORE INTO ") :] + " ON CONFLICT DO NOTHING"
    if sql.startswith("INSERT INTO identity_keys"):
        sql += " RETURNING id"
    # PostgreSQL wants an alias on every subquery in FROM (SQLite does not).
    sql = sql.replace("LIMIT ?)", "LIMIT ?) AS t")
    return sql.replace("%", "%%").replace("?", "%s")


class VaultConnection:
    """The slice of a DB-API connection :class:`IdentityVault` uses, over psycopg: ``?``
    placeholders, SQLite's ``INSERT OR IGNORE`` and ``lastrowid`` done the PostgreSQL way."""

    def __init__(self, conn: Conn) -> None:
        self._conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> _Result:
        pg = _postgres(sql)
        cur = self._conn.execute(pg.encode(), tuple(params))
        if cur.description is None:
            return _Result(None)
        row = cur.fetchone()
        if "RETURNING id" in pg and row is not None:
            return _Result(row, int(str(row[0])))
        return _Result(row)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = [tuple(r) for r in rows]
        if rows:
            with self._conn.cursor() as cur:
                cur.executemany(_postgres(sql).encode(), rows)


class PgVault(IdentityVault):
    """:class:`IdentityVault` over one PostgreSQL transaction's connection, hashing with the
    HQ install's ``index_key`` (bytes, from its own store; see the module contract)."""

    def __init__(self, conn: Conn, *, index_key: bytes) -> None:
        super().__init__(VaultConnection(conn))
        self._given_index_key = index_key

    def _index(self) -> bytes:
        # Never the settings table: PostgreSQL holds only the key's fingerprint.
        return self._given_index_key
