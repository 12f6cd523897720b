"""The standard victim exports' rows (HTCDS, CTDC) from the PostgreSQL HQ database (issue 20).

Contract: :func:`export_victim_rows` yields what
:func:`tipdesk.store.report_queries.export_victim_rows` yields on the SQLCipher store for the
same records, column for column (:data:`~tipdesk.store.report_queries.EXPORT_VICTIM_COLUMNS`)
and in the same order (victim id, the ``C`` collation), keyset-paged by id so memory stays
flat. No identifying field is ever selected (the sealed columns are not read at all), nor the
date of birth except inside the age at identification. ``referral_services`` is a JSON array
of the distinct services (the exports read it as a set). Each page borrows a pooled connection
and ends its transaction.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tipdesk.hqstore.dialect import POSTGRES as D
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.store.report_queries import Row, Scope


def _age(v: str) -> str:
    years = D.years_between(f"{v}.date_of_birth", f"{v}.identified_on")
    return (
        f"coalesce({v}.age, CASE WHEN {v}.date_of_birth IS NOT NULL AND {v}.identified_on "
        f"IS NOT NULL THEN {years} END)"
    )


def _int(value: Any) -> Any:
    # An age computed by PostgreSQL may come back as a Decimal; SQLite's is an integer.
    return int(value) if value is not None and not isinstance(value, (str, int)) else value


def export_victim_rows(
    db: HqDatabase, scope: Scope | None = None, batch: int = 5000
) -> Iterator[Row]:
    """Victims with their case's route, means and stage and their referrals' services (see
    the module contract)."""
    cond = "true"
    params: list[Any] = []
    if scope is not None:
        cond, params = "v.identified_on BETWEEN %s AND %s", [scope.date_from, scope.date_to]
        if scope.districts is not None:
            cond += " AND v.district = ANY(%s)"
            params.append(list(scope.districts))
    after = ""
    while True:
        with db.connection() as conn:
            rows = conn.execute(
                f"SELECT v.id, v.district, v.gender, {_age('v')}, "  # noqa: S608 (our literal templates)
                "v.nationality, v.exploitation_forms, v.identified_on, v.case_id, "
                "c.transnational, c.route_countries, c.means, c.exploitation_forms, c.stage, "
                "(SELECT coalesce(json_agg(DISTINCT r.service), '[]')::text FROM referrals AS r "
                " WHERE r.victim_id = v.id AND r.deleted = 0), v.updated_at "
                "FROM victims AS v LEFT JOIN cases AS c ON c.id = v.case_id "
                f"WHERE v.deleted = 0 AND v.id > %s AND {cond} ORDER BY v.id LIMIT %s".encode(),
                (after, *params, int(batch)),
            ).fetchall()
            conn.rollback()
        yield from (tuple(_int(x) for x in r) for r in rows)
        if len(rows) < batch:
            return
        after = str(rows[-1][0])
