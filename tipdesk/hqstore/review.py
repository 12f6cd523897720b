"""The non-criminalisation review queue's reads on the PostgreSQL HQ database (issue 20):
:mod:`tipdesk.store.review_queries` for an HQ keeping its records in PostgreSQL.

Contract: read only, over the caller's connection; the same rows in the same order as the
SQLCipher queries of the same names (text compares byte for byte: the schema's ``ctext``).
Nothing here compares identities: the matches were found when the records were saved.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from tipdesk.hqstore.pool import Conn
from tipdesk.store.review_queries import MatchedAccused


def _text_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def accused_with_matches(conn: Conn) -> list[MatchedAccused]:
    """Every live accused of a live case whose matches are not empty, by district, case
    number and accused id."""
    rows = conn.execute(
        "SELECT a.id, a.case_id, a.name, a.dual_role_matches, a.dual_role_reviewed, "
        "a.dual_role_reviewed_by, a.dual_role_reviewed_on, a.dual_role_decision, "
        "a.proceeded_on, a.outcome, a.updated_at, c.case_number, c.district, c.office "
        "FROM accused AS a JOIN cases AS c ON c.id = a.case_id "
        "WHERE a.deleted = 0 AND a.dual_role_matches != '[]' AND c.deleted = 0 "
        "ORDER BY c.district, c.case_number, a.id"
    ).fetchall()
    return [
        MatchedAccused(
            str(r[0]), str(r[1]), str(r[2]), tuple(json.loads(str(r[3]))),
            tuple(json.loads(str(r[4]))), str(r[5]), _text_or_none(r[6]), str(r[7]),
            _text_or_none(r[8]), str(r[9]), str(r[10]), str(r[11]), str(r[12]), str(r[13]),
        )
        for r in rows
    ]  # fmt: skip


def live_victim_codes(conn: Conn, ids: Sequence[str]) -> dict[str, str]:
    """Victim id -> victim code, for the live victims among ``ids``."""
    if not ids:
        return {}
    rows = conn.execute(
        "SELECT id, victim_code FROM victims WHERE deleted = 0 AND id = ANY(%s)",
        (list(dict.fromkeys(ids)),),
    ).fetchall()
    return {str(i): str(code) for i, code in rows}
