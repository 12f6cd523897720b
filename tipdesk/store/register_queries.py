"""Bulk look-ups a register import needs to match its rows with stored records. Read-only.

Contract: each function takes an open :class:`Store`, reads in chunks (SQLite limits the number
of ``?`` in one statement) and ignores deleted records. Records come back with their
non-deleted children (a case's accused and victims, a victim's referrals), as
:meth:`Store.get` would give them, but with a handful of statements per thousand records
instead of several per record.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from tipdesk.core.records import Accused, Case, Record, Referral, Victim
from tipdesk.store.rows import TABLES, from_row, select_columns
from tipdesk.store.store import Store

_CHUNK = 500


def _chunks(values: Iterable[str]) -> Iterator[list[str]]:
    items = sorted(set(values))
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def _select(store: Store, kind: str, column: str, values: Iterable[str]) -> list[Record]:
    out: list[Record] = []
    for chunk in _chunks(values):
        marks = ",".join("?" for _ in chunk)
        sql = (
            f"SELECT {select_columns(kind)} FROM {TABLES[kind]} "  # noqa: S608
            f"WHERE deleted = 0 AND {column} IN ({marks})"
        )
        out += [store.opened(from_row(kind, row)) for row in store.query(sql, chunk)]
    return out


def cases_by_number(store: Store, numbers: Iterable[str]) -> list[tuple[str, str, str, str]]:
    """``(id, case_number, district, office)`` of the stored cases with these numbers."""
    out: list[tuple[str, str, str, str]] = []
    for chunk in _chunks(numbers):
        marks = ",".join("?" for _ in chunk)
        rows: Sequence[tuple[Any, ...]] = store.query(
            "SELECT id, case_number, district, office FROM cases "  # noqa: S608
            f"WHERE deleted = 0 AND case_number IN ({marks})",
            chunk,
        )
        out += [(str(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows]
    return out


def victims_by_code(store: Store, codes: Iterable[str]) -> dict[str, tuple[str, str | None]]:
    """``victim_code -> (id, case_id)`` of the stored victims with these codes."""
    out: dict[str, tuple[str, str | None]] = {}
    for chunk in _chunks(codes):
        marks = ",".join("?" for _ in chunk)
        for r in store.query(
            f"SELECT victim_code, id, case_id FROM victims WHERE deleted = 0 "  # noqa: S608
            f"AND victim_code IN ({marks})",
            chunk,
        ):
            out[str(r[0])] = (str(r[1]), str(r[2]) if r[2] else None)
    return out


def _with_referrals(store: Store, victims: list[Victim]) -> None:
    by_victim: dict[str, list[Referral]] = {}
    for r in _select(store, "referral", "victim_id", [v.id for v in victims]):
        if isinstance(r, Referral):
            by_victim.setdefault(r.victim_id, []).append(r)
    for v in victims:
        v.referrals = by_victim.get(v.id, [])


def load_cases(store: Store, ids: Iterable[str]) -> dict[str, Case]:
    """The stored cases with these ids, with their accused, victims and referrals."""
    cases = {r.id: r for r in _select(store, "case", "id", ids) if isinstance(r, Case)}
    for a in _select(store, "accused", "case_id", cases):
        if isinstance(a, Accused):
            cases[a.case_id].accused.append(a)
    victims = [v for v in _select(store, "victim", "case_id", cases) if isinstance(v, Victim)]
    _with_referrals(store, victims)
    for v in victims:
        if v.case_id is not None:
            cases[v.case_id].victims.append(v)
    return cases


def load_victims(store: Store, ids: Iterable[str]) -> dict[str, Victim]:
    """The stored victims with these ids, with their referrals."""
    victims = [v for v in _select(store, "victim", "id", ids) if isinstance(v, Victim)]
    _with_referrals(store, victims)
    return {v.id: v for v in victims}


def starting_on(store: Store, kind: str, dates: Iterable[str]) -> list[Record]:
    """Stored trainings or campaigns (``kind``) that start on one of these ISO dates."""
    if kind not in ("training", "campaign"):
        raise ValueError(f"starting_on is for trainings and campaigns, not {kind}")
    return _select(store, kind, "start_on", dates)
