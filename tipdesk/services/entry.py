"""Help for entering records: the next victim code, in the documented format, and the number
of the case a victim belongs to.

Victim codes read ``V-<district code>-<year>-<number>``, the number counted per district and
year from 0001 (``docs/data-dictionary.md``; the demo data follows it too): ``V-PB-LHR-2026-0007``.

Contract: read-only, needs the ``view`` permission; runs on the store's thread. The suggestion
is the number after the highest one used in the store (deleted victims included) and among
``taken`` (codes on screen but not saved yet), so two victims added in one case get two codes.
It is a suggestion: the unique-code rule is still checked when the record is saved.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tipdesk.core.permissions import Permission
from tipdesk.services.session import Session
from tipdesk.store import entry_queries


def victim_code_prefix(district: str, year: int) -> str:
    """``V-PB-LHR-2026-``: what every victim code of that district and year starts with."""
    return f"V-{district}-{year}-"


def next_victim_code(session: Session, district: str, year: int, taken: Iterable[str] = ()) -> str:
    """The next free victim code of ``district`` and ``year`` (see the module contract)."""
    session.require(Permission.VIEW)
    prefix = victim_code_prefix(district, year)
    number = re.compile(re.escape(prefix) + r"(\d+)$")
    used = [*entry_queries.victim_codes_starting(session.store, prefix), *taken]
    highest = max((int(m[1]) for code in used if (m := number.match(code))), default=0)
    return f"{prefix}{highest + 1:04d}"


def case_number(session: Session, case_id: str) -> str:
    """The number of case ``case_id`` ("" when this install does not hold it)."""
    session.require(Permission.VIEW)
    return session.store.titles("case", [case_id]).get(case_id, "")
