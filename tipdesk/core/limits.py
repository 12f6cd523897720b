"""Maximum lengths of every text field of every record, in one place, and the check.

Why: a field without a bound lets one paste (or one crafted sync bundle) put megabytes into
a name, which then fills screens, reports, search indexes and every bundle after it. The
limits are generous for real data (a Pakistani name with titles, an address with landmarks,
a narrative of several pages) and refuse what no officer types.

Contract:
- :data:`TEXT_LIMITS` gives, per record kind, the most characters each text field may hold;
  :data:`LIST_LIMITS` the most entries of each list (or table of counts) and the most
  characters of each entry (key). ``docs/validation.md`` and ``docs/data-dictionary.md``
  list the same numbers; a test compares them.
- Lengths count characters (Unicode code points), not bytes: an Urdu name of 40 letters is
  40, not the 80 bytes it takes in UTF-8. A value over its limit is measured again in NFC,
  so letters typed as a base and combining marks are not counted twice.
- :func:`length_problems` returns one :class:`Problem` per field over its limit (rules
  ``text.max_length`` and ``list.max_items``), for a record and the children it carries
  (a case's accused and victims, a victim's referrals; deleted ones are skipped as
  validation skips them). The message gives the length and the limit, never the value.
- :func:`input_length` gives the same limits to the desktop app's text boxes (their
  maxLength), so typing stops at the limit instead of a save refusing it.
- Pure functions, no I/O; :func:`tipdesk.core.validation.validate` calls
  :func:`length_problems` for every record it checks, so the limits hold wherever validation
  does: saving in the app or the command line, the register import and HQ's import.
"""

from __future__ import annotations

import unicodedata

from tipdesk.core.errors import Problem
from tipdesk.core.records import CHILDREN, Meta

NAME = 100  # a person's name or father's name, an officer's name
CODE = 64  # a code of a reference list, a district, an office, a law
RECORD_ID = 64  # a record's or device's id (UUIDs: 36)
USER = 200  # a user name (bookkeeping and reviews)
TIMESTAMP = 40  # ISO timestamps set by the store
LINE = 200  # a title, venue, court, provider, national campaign
REASON = 2_000  # why a case was closed, the action taken against an official
NOTES = 5_000
NARRATIVE = 20_000

_META: dict[str, int] = {
    "id": RECORD_ID,
    "created_at": TIMESTAMP,
    "created_by": USER,
    "updated_at": TIMESTAMP,
    "updated_by": USER,
    "origin_device": RECORD_ID,
    "updated_device": RECORD_ID,
}

TEXT_LIMITS: dict[str, dict[str, int]] = {
    "case": _META
    | {
        "owner": CODE,
        "case_number": 60,
        "district": CODE,
        "office": CODE,
        "law": CODE,
        "closed_reason": REASON,
        "official_action": REASON,
        "investigating_officer": NAME,
        "narrative": NARRATIVE,
        "dual_role_reviewed_by": USER,
    },
    "accused": _META
    | {
        "case_id": RECORD_ID,
        "name": NAME,
        "father_name": NAME,
        "cnic": 20,  # 13 digits, with dashes or spaces
        "nationality": CODE,
        "role": CODE,
        "section": 60,
        "court": LINE,
        "dual_role_reviewed_by": USER,
        "dual_role_decision": CODE,
    },
    "victim": _META
    | {
        "owner": CODE,
        "case_id": RECORD_ID,
        "victim_code": 60,
        "district": CODE,
        "name": NAME,
        "father_name": NAME,
        "cnic": 20,
        "phone": 40,  # two numbers
        "address": 300,
        "nationality": CODE,
        "identified_by": NAME,
        "notes": NOTES,
    },
    "referral": _META
    | {
        "victim_id": RECORD_ID,
        "service": CODE,
        "provider": LINE,
        "notes": NOTES,
    },
    "training": _META
    | {
        "owner": CODE,
        "title": LINE,
        "organiser": CODE,
        "district": CODE,
        "venue": LINE,
    },
    "campaign": _META
    | {
        "owner": CODE,
        "title": LINE,
        "department": CODE,
        "kind": CODE,
        "district": CODE,
        "venue": LINE,
        "national_campaign": LINE,
        "notes": NOTES,
    },
    "hearing": _META
    | {
        "case_id": RECORD_ID,
        "accused_id": RECORD_ID,
        "court": LINE,
        "proceedings": NOTES,
        "follows_id": RECORD_ID,
    },
}

# (most entries, most characters of an entry or key)
CODES = (100, CODE)
LIST_LIMITS: dict[str, dict[str, tuple[int, int]]] = {
    "case": {
        "sections": (30, 60),
        "exploitation_forms": CODES,
        "means": CODES,
        "route_countries": CODES,
    },
    # A victim id and a sign per match; as many as the case's victims (a raid can free
    # hundreds of people), so the bound is wide.
    "accused": {"dual_role_matches": (1_000, 80), "dual_role_reviewed": (1_000, 80)},
    "victim": {
        "exploitation_forms": CODES,
        "indicators": CODES,
        "protection_measures": CODES,
    },
    "referral": {},
    "training": {
        "topics": CODES,
        "partners": CODES,
        "participants_by_agency": CODES,
        "roster": (10_000, NAME),
    },
    "campaign": {"partners": CODES},
    "hearing": {},
}


def input_length(kind: str, field: str) -> int | None:
    """The most characters an input for ``field`` of a ``kind`` record takes (the editors'
    text boxes), or ``None`` for a field without a text limit. A list typed on one line with
    commas (a case's sections) takes its most entries, each at its longest, with ", "
    between them."""
    limit = TEXT_LIMITS.get(kind, {}).get(field)
    if limit is not None:
        return limit
    listed = LIST_LIMITS.get(kind, {}).get(field)
    if listed is None:
        return None
    most, longest = listed
    return most * longest + 2 * (most - 1)


def _too_long(value: str, limit: int) -> int | None:
    """The length of ``value`` (in NFC) when it is over ``limit``, else ``None``."""
    n = len(unicodedata.normalize("NFC", value))
    return n if n > limit else None


def _text_problem(path: str, n: int, limit: int) -> Problem:
    return Problem(
        path, "text.max_length", f"is {n:,} characters long; at most {limit:,} are allowed"
    )


# Per kind, as tuples: the check runs for every record HQ imports, so it does the least work
# on the usual path (a length compared with a number).
_TEXT: dict[str, tuple[tuple[str, int], ...]] = {
    k: tuple(v.items()) for k, v in TEXT_LIMITS.items()
}
_LISTS: dict[str, tuple[tuple[str, int, int], ...]] = {
    k: tuple((name, most, limit) for name, (most, limit) in v.items())
    for k, v in LIST_LIMITS.items()
}


def length_problems(record: Meta, prefix: str = "") -> list[Problem]:
    """Every field of ``record`` (and of the children it carries) over its limit."""
    problems: list[Problem] = []
    _check(record, prefix, problems)
    return problems


def _check(record: Meta, prefix: str, problems: list[Problem]) -> None:
    kind: str = getattr(record, "KIND", "")
    for name, limit in _TEXT.get(kind, ()):
        value = getattr(record, name)
        if isinstance(value, str) and len(value) > limit:
            n = _too_long(value, limit)
            if n is not None:
                problems.append(_text_problem(prefix + name, n, limit))
    for name, most, limit in _LISTS.get(kind, ()):
        values = getattr(record, name)
        if len(values) > most:
            problems.append(
                Problem(
                    prefix + name,
                    "list.max_items",
                    f"has {len(values):,} entries; at most {most:,} are allowed",
                )
            )
            continue
        for i, item in enumerate(values):
            if isinstance(item, str) and len(item) > limit:
                n = _too_long(item, limit)
                if n is not None:
                    # A table's key is named by its position: the key is the long value.
                    problems.append(_text_problem(f"{prefix}{name}[{i}]", n, limit))
    for child_list in CHILDREN.get(kind, ()):
        for i, child in enumerate(getattr(record, child_list)):
            if not child.deleted:
                _check(child, f"{prefix}{child_list}[{i}].", problems)
