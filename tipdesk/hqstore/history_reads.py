"""Record history read from the PostgreSQL HQ database (issue 20): what
:mod:`tipdesk.store.history` reads from the SQLCipher store, for the History window and restores
at an HQ keeping its records in PostgreSQL.

Contract: :class:`PgHistoryReads` has the methods of
:class:`tipdesk.store.history.StoreHistoryReads`, answering them from PostgreSQL's tables of the
same names and meanings (step 1's ``changes`` and ``audit``, step 9's ``record_versions``;
``user_name`` where SQLite says ``user``): the same records give the same answers (a
cross-engine test compares them). Victims' identities are never in ``record_versions`` on
either engine. Read only, over the caller's connection and transaction.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from tipdesk.hqstore.dialect import identifier
from tipdesk.hqstore.pool import Conn
from tipdesk.store.history import StoredVersion


class PgHistoryReads:
    """The history reads of one PostgreSQL transaction (see the module contract)."""

    def __init__(self, conn: Conn) -> None:
        self.conn = conn

    def stored_versions(self, kind: str, record_ids: Sequence[str]) -> list[StoredVersion]:
        """The kept versions of ``record_ids`` (all of ``kind``), oldest first per record."""
        rows = self.conn.execute(
            "SELECT record_id, version, at, user_name, data, changed FROM record_versions "
            "WHERE kind = %s AND record_id = ANY(%s) ORDER BY record_id, version",
            (kind, list(record_ids)),
        ).fetchall()
        return [
            StoredVersion(
                kind,
                str(r[0]),
                int(str(r[1])),
                str(r[2]),
                str(r[3]),
                json.loads(str(r[4])),
                tuple(json.loads(str(r[5]))),
            )
            for r in rows
        ]

    def logged_versions(self, kind: str, record_id: str) -> list[tuple[int, str, int]]:
        """(version, time, position in the log) of every logged version, oldest first."""
        rows = self.conn.execute(
            "SELECT version, at, seq FROM changes WHERE record_id = %s AND kind = %s ORDER BY seq",
            (record_id, kind),
        ).fetchall()
        return [(int(str(r[0])), str(r[1]), int(str(r[2]))) for r in rows]

    def users_at(self, times: Sequence[str]) -> dict[str, str]:
        """Who wrote at each of ``times`` (the audit's first entry at that time)."""
        rows = self.conn.execute(
            "SELECT at, user_name FROM audit WHERE at = ANY(%s) ORDER BY seq",
            (sorted(set(times)),),
        ).fetchall()
        out: dict[str, str] = {}
        for at, user in rows:
            out.setdefault(str(at), str(user))
        return out

    def child_ids(self, table: str, parent_column: str, parent_id: str) -> list[str]:
        """Ids of every child row of a parent, deleted ones too, in the order stored."""
        rows = self.conn.execute(
            f"SELECT id FROM {identifier(table)} WHERE {identifier(parent_column)} = %s "  # noqa: S608
            "ORDER BY rowid".encode(),
            (parent_id,),
        ).fetchall()
        return [str(r[0]) for r in rows]

    def restores(self, first: str, last: str) -> list[tuple[str, str, str]]:
        """(kind, record id, detail) of the restores logged from ``first`` to ``last``."""
        rows = self.conn.execute(
            "SELECT kind, record_id, detail FROM audit WHERE at >= %s AND at <= %s "
            "AND action = 'record.restore'",
            (first, last),
        ).fetchall()
        return [(str(r[0]), str(r[1]), str(r[2])) for r in rows]
