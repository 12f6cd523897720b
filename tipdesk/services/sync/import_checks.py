"""What a device may change at HQ (issue 14): the ownership and date checks an import runs on
every changed unit before validation (:func:`refusals`). Pure: the caller reads what HQ holds.

Contract: a unit is refused, in full, with the reason "not this device's district"
(``sync.owner``) when HQ holds its root or any of its rows under another owner district, when it
is new and its root's ``district`` is not the device's, or when a format 2 record claims an owner
other than the one HQ knows; and with ``sync.future`` when a version's ``updated_at`` lies after
``latest`` (a day after the bundle was made or after HQ's clock, whichever is earlier). A format
1 record's blank owner is replaced, in place, with the owner HQ knows (the device's district for
a new record).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from tipdesk.core.clock import iso_timestamp
from tipdesk.core.errors import Problem
from tipdesk.core.records import OWNED, Victim
from tipdesk.services.sync.import_state import RowState
from tipdesk.sync.units import Unit

NOT_OURS = Problem("owner", "sync.owner", "not this device's district")


def handed_over(to: str) -> Problem:
    """:data:`NOT_OURS` for a case the device's district handed over (to district ``to``):
    the sender learns where the case went and that changes are made there now."""
    return Problem(
        "owner",
        "sync.owner",
        f"not this device's district: the case was handed over to {to}, which makes its "
        "changes now",
    )


FUTURE = Problem(
    "updated_at",
    "sync.future",
    "dated more than a day after the bundle was made (or after HQ's clock)",
)


def day_after(timestamp: str) -> str:
    """The UTC timestamp one day after ``timestamp`` (the store's ISO form), or the earliest
    one when it cannot be read (then every version is too late)."""
    try:
        moment = dt.datetime.fromisoformat(timestamp.replace("Z", "+00:00"))
    except ValueError:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return iso_timestamp(moment + dt.timedelta(days=1))


def refusals(
    unit: Unit,
    rows: Sequence[RowState],
    owners: Mapping[tuple[str, str], str],
    *,
    district: str,
    latest: str,
    fmt: int,
) -> list[Problem]:
    """Why the device of ``district`` may not make these changes to ``unit`` (empty: it may).
    ``rows``: the unit's changed rows; ``owners``: the owner district of the unit of every
    record HQ holds among them and of the unit's root, by (kind, id)."""
    problems: list[Problem] = []
    root_owner = owners.get(unit)
    not_ours = root_owner is not None and root_owner != district
    for row in rows:
        inc = row.inc
        if row.stored is not None and owners.get((inc.kind, inc.record_id)) != district:
            not_ours = True
        record = inc.record
        if record is None:
            continue
        if record.updated_at > latest:
            problems.append(FUTURE)
        if inc.kind not in OWNED:
            continue
        if isinstance(record, Victim) and record.case_id:
            expected = ""  # a victim in a case follows the case's owner
        elif row.stored is not None:
            expected = owners.get((inc.kind, inc.record_id), "")
        else:  # a new record: for the device's own district only
            expected = district
            if getattr(record, "district", "") != district:
                not_ours = True
        claimed = getattr(record, "owner", "")
        if claimed != expected:
            if claimed and fmt >= 2:
                not_ours = True  # a claim to another owner (only HQ moves ownership)
            else:
                inc.set_text("owner", expected)  # format 1: the owner HQ knows
    if not_ours:
        problems.insert(0, NOT_OURS)
    return list(dict.fromkeys(problems))
