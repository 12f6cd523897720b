"""What HQ's data-quality check reads from the PostgreSQL HQ database (issue 20): records page
by page with their children, the offices cases name, the victims whose gender or age is
not recorded, and the accused found in cases of several districts (linked cases).

Contract: :class:`PgQualityReads` works over one connection the caller holds (and rolls
back: it only reads) and gives what the SQLCipher store gives for the same records:
:meth:`page` is :meth:`tipdesk.store.store.Store.page` without filters (newest first by the
kind's main date, keyset-paged by ``(date, id)``, no children), :meth:`with_children` is what
:meth:`~tipdesk.store.store.Store.get` adds (a case's live accused and victims with their
referrals, a victim's referrals, each in the order they were stored: the row id, as SQLite's
``rowid``), :meth:`victims_not_recorded` is
:func:`tipdesk.store.report_queries.victims_not_recorded`. Victims' identities are opened with
the HQ install's identity key when the caller passes it, masked otherwise, as the SQLCipher
store's vault does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tipdesk.core.records import Accused, Case, Record, Referral, Victim
from tipdesk.hqstore.dialect import identifier
from tipdesk.hqstore.pool import Conn
from tipdesk.hqstore.vault import PgVault
from tipdesk.store.rows import TABLES, from_row, select_columns

DATE_COLUMNS = {
    "case": "registered_on",
    "victim": "identified_on",
    "training": "start_on",
    "campaign": "start_on",
}


class PgQualityReads:
    """Data quality's reads over ``conn`` (see the module contract)."""

    def __init__(self, conn: Conn, private: bytes | None, index_key: bytes) -> None:
        self._conn = conn
        self._vault = PgVault(conn, index_key=index_key)
        if private is not None:
            self._vault.unlock(private)

    def _select(self, kind: str, where: str, params: Sequence[Any], order: str) -> list[Record]:
        table = identifier(TABLES[kind])
        rows = self._conn.execute(
            f"SELECT {select_columns(kind)} FROM {table} WHERE {where} {order}".encode(),  # noqa: S608 (our names)
            tuple(params),
        ).fetchall()
        out: list[Record] = []
        for row in rows:
            record = from_row(kind, row)
            if isinstance(record, Victim):
                self._vault.open_victim(record)
            out.append(record)
        return out

    def offices(self) -> set[str]:
        """Every office a case names, deleted cases too."""
        return {str(r[0]) for r in self._conn.execute("SELECT DISTINCT office FROM cases")}

    def page(self, kind: str, after: tuple[str, str] | None, limit: int) -> list[Record]:
        """Live records of a top-level kind, newest first (see the module contract)."""
        date = f"coalesce({DATE_COLUMNS[kind]}, '')"
        where, params = "deleted = 0", []
        if after is not None:
            where += f" AND ({date}, id) < (%s, %s)"
            params = list(after)
        order = f"ORDER BY {date} DESC, id DESC LIMIT {int(limit)}"
        return self._select(kind, where, params, order)

    def with_children(self, records: list[Record]) -> list[Record]:
        """``records`` (cases or victims of one page) with their live children, read for
        the whole page at once."""
        cases = [r for r in records if isinstance(r, Case)]
        victims = [r for r in records if isinstance(r, Victim)]
        if cases:
            ids = [c.id for c in cases]
            accused = self._children("accused", "case_id", ids)
            found = self._children("victim", "case_id", ids)
            for case in cases:
                case.accused = [a for a in accused.get(case.id, []) if isinstance(a, Accused)]
                case.victims = [v for v in found.get(case.id, []) if isinstance(v, Victim)]
                victims += case.victims
        if victims:
            referrals = self._children("referral", "victim_id", [v.id for v in victims])
            for victim in victims:
                victim.referrals = [
                    r for r in referrals.get(victim.id, []) if isinstance(r, Referral)
                ]
        return records

    def _children(self, kind: str, parent: str, ids: list[str]) -> dict[str, list[Record]]:
        out: dict[str, list[Record]] = {}
        for record in self._select(
            kind, f"{parent} = ANY(%s) AND deleted = 0", [ids], "ORDER BY rowid"
        ):
            out.setdefault(str(getattr(record, parent)), []).append(record)
        return out

    def victims_not_recorded(
        self, limit: int
    ) -> tuple[int, list[tuple[str, str, str, bool, bool]]]:
        """Live victims with gender ``unknown`` or neither age nor date of birth: how many,
        and the first ``limit`` by district and code."""
        cond = "deleted = 0 AND (gender = 'unknown' OR (age IS NULL AND date_of_birth IS NULL))"
        row = self._conn.execute(f"SELECT count(*) FROM victims WHERE {cond}".encode()).fetchone()  # noqa: S608
        rows = self._conn.execute(
            "SELECT id, victim_code, district, gender = 'unknown', "  # noqa: S608
            f"age IS NULL AND date_of_birth IS NULL FROM victims WHERE {cond} "
            "ORDER BY district NULLS FIRST, victim_code NULLS FIRST LIMIT %s".encode(),
            (int(limit),),
        ).fetchall()
        total = int(str(row[0])) if row else 0
        return total, [(str(a), str(b), str(c), bool(d), bool(e)) for a, b, c, d, e in rows]

    def linked_accused_rows(self, limit: int) -> list[tuple[Any, ...]]:
        """:func:`tipdesk.store.report_queries.linked_accused_rows`: accused CNICs found in
        cases of more than one district, one row per (CNIC, case), at most ``limit`` CNICs."""
        return self._conn.execute(
            "WITH repeated AS (SELECT cnic FROM accused WHERE cnic <> '' GROUP BY cnic "
            "HAVING count(*) > 1), "
            "hits AS (SELECT a.cnic, c.id AS case_id, c.case_number, c.district, c.registered_on, "
            "c.stage, a.name, a.outcome FROM repeated AS r JOIN accused AS a ON a.cnic = r.cnic "
            "JOIN cases AS c ON c.id = a.case_id WHERE a.deleted = 0 AND c.deleted = 0), "
            "linked AS (SELECT cnic FROM hits GROUP BY cnic HAVING count(DISTINCT district) > 1 "
            "ORDER BY cnic LIMIT %s) "
            "SELECT h.* FROM hits AS h JOIN linked USING (cnic) "
            "ORDER BY h.cnic, h.registered_on NULLS FIRST, h.case_number NULLS FIRST",
            (int(limit),),
        ).fetchall()
