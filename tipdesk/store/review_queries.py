"""Read-only queries behind the non-criminalisation review queue (schema 12).

Contract: read only. :func:`accused_with_matches` reads only the accused whose
``dual_role_matches`` is not empty, through the partial index ``accused_dual_role``, so the
queue costs what it holds, not the size of the store. Nothing here compares identities: the
matches were found by the services when the records were saved.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from tipdesk.store.store import Store
from tipdesk.store.sync_rows import chunks, marks


@dataclass(frozen=True, slots=True)
class MatchedAccused:
    """An accused with overlap matches, with its case's number, district and office."""

    accused_id: str
    case_id: str
    name: str
    matches: tuple[str, ...]
    reviewed: tuple[str, ...]
    reviewed_by: str
    reviewed_on: str | None
    decision: str
    proceeded_on: str | None
    outcome: str
    updated_at: str
    case_number: str
    district: str
    office: str


def accused_with_matches(
    store: Store, districts: Sequence[str] | None = None
) -> list[MatchedAccused]:
    """Every live accused of a live case whose matches are not empty (optionally of some
    districts), by district, case number and accused id."""
    where = ""
    params: list[str] = []
    if districts is not None:
        where = f" AND +c.district IN ({marks(len(districts))})"
        params = list(districts)
    rows = store.query(
        "SELECT a.id, a.case_id, a.name, a.dual_role_matches, a.dual_role_reviewed, "  # noqa: S608
        "a.dual_role_reviewed_by, a.dual_role_reviewed_on, a.dual_role_decision, "
        "a.proceeded_on, a.outcome, a.updated_at, c.case_number, c.district, c.office "
        "FROM accused AS a INDEXED BY accused_dual_role JOIN cases AS c ON c.id = a.case_id "
        f"WHERE a.deleted = 0 AND a.dual_role_matches != '[]' AND c.deleted = 0{where} "
        "ORDER BY c.district, c.case_number, a.id",
        params,
    )
    return [
        MatchedAccused(
            str(r[0]),
            str(r[1]),
            str(r[2]),
            tuple(json.loads(r[3])),
            tuple(json.loads(r[4])),
            str(r[5]),
            r[6],
            str(r[7]),
            r[8],
            str(r[9]),
            str(r[10]),
            str(r[11]),
            str(r[12]),
            str(r[13]),
        )
        for r in rows
    ]


def live_victim_codes(store: Store, ids: Sequence[str]) -> dict[str, str]:
    """Victim id -> victim code, for the live victims among ``ids``."""
    out: dict[str, str] = {}
    for part in chunks(list(dict.fromkeys(ids))):
        sql = (
            f"SELECT id, victim_code FROM victims WHERE deleted = 0 AND id IN ({marks(len(part))})"  # noqa: S608
        )
        out.update((str(i), str(code)) for i, code in store.query(sql, part))
    return out


__all__ = ["MatchedAccused", "accused_with_matches", "live_victim_codes"]
