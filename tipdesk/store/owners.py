"""Owner districts as the store holds them (schema 4): whose unit each record belongs to.

Contract: reads only, through the connection given (a transaction's own state when called
inside one); belongs to the store's thread.
"""

from __future__ import annotations

from collections.abc import Sequence

from tipdesk.store.driver import Connection
from tipdesk.store.sync_rows import chunks, marks

_UNIT_OWNER_SQL = {
    "case": "SELECT r.id, r.owner, r.district FROM cases AS r",
    "training": "SELECT r.id, r.owner, r.district FROM trainings AS r",
    "campaign": "SELECT r.id, r.owner, r.district FROM campaigns AS r",
    "accused": "SELECT r.id, c.owner, '' FROM accused AS r JOIN cases AS c ON c.id = r.case_id",
    "victim": "SELECT r.id, coalesce(c.owner, r.owner), r.district FROM victims AS r "
    "LEFT JOIN cases AS c ON c.id = r.case_id",
    "referral": "SELECT r.id, coalesce(c.owner, v.owner), '' FROM referrals AS r "
    "JOIN victims AS v ON v.id = r.victim_id LEFT JOIN cases AS c ON c.id = v.case_id",
}


def unit_owners(conn: Connection, kind: str, ids: Sequence[str]) -> dict[str, tuple[str, str]]:
    """For each stored record of ``ids`` (deleted rows too): the owner district of the unit it
    belongs to, and the record's own ``district`` (blank for an accused or a referral). The
    owner is the record's own for a case, training, campaign or victim outside a case, its
    case's for an accused or a victim in a case, its victim's unit's for a referral. Records
    not stored are left out. Reads through ``conn`` (a transaction's own state)."""
    out: dict[str, tuple[str, str]] = {}
    for part in chunks(list(ids)):
        sql = f"{_UNIT_OWNER_SQL[kind]} WHERE r.id IN ({marks(len(part))})"
        out.update({str(r[0]): (str(r[1]), str(r[2])) for r in conn.execute(sql, part)})
    return out
