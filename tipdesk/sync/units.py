"""Grouping an import's rows into the units validation and search work on: a case with its
accused, victims and their referrals; a victim outside any case with its referrals; a training;
a campaign. Pure helpers over records already read; no I/O.

A unit's tree is assembled from two layers: the rows HQ holds, overridden by the rows of the
same unit that are being imported, so validation sees the record as the district sees it and
search indexes it as the register will hold it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from tipdesk.core.records import Accused, Case, Record, Referral, Victim

Unit = tuple[str, str]


def unit_key(kind: str, record_id: str, parent: str | None) -> Unit:
    """The unit of a row: ``parent`` is the case id (accused, victims) or the victim's unit
    root (referrals, resolved by the caller); ``None`` for top-level rows."""
    if kind in ("accused", "victim", "referral") and parent:
        return parent_unit(kind, parent)
    return (kind, record_id)


def parent_unit(kind: str, parent: str) -> Unit:
    return ("case", parent) if kind in ("accused", "victim") else ("victim", parent)


@dataclass(slots=True)
class Layer:
    """Rows of one unit by kind and id (a later layer overrides an earlier one)."""

    cases: dict[str, Case] = field(default_factory=dict)
    accused: dict[str, Accused] = field(default_factory=dict)
    victims: dict[str, Victim] = field(default_factory=dict)
    referrals: dict[str, Referral] = field(default_factory=dict)

    def add(self, record: Record) -> None:
        if isinstance(record, Case):
            self.cases[record.id] = record
        elif isinstance(record, Accused):
            self.accused[record.id] = record
        elif isinstance(record, Victim):
            self.victims[record.id] = record
        elif isinstance(record, Referral):
            self.referrals[record.id] = record

    def add_all(self, records: Iterable[Record]) -> None:
        for r in records:
            self.add(r)


def _live(records: Iterable[Record]) -> list[Record]:
    return [r for r in records if not r.deleted]


def case_tree(case: Case, layer: Layer) -> Case:
    """Attach the unit's live accused, victims and referrals to ``case`` (in place)."""
    case.accused = [a for a in layer.accused.values() if a.case_id == case.id and not a.deleted]
    victims = [v for v in layer.victims.values() if v.case_id == case.id and not v.deleted]
    for v in victims:
        victim_tree(v, layer)
    case.victims = victims
    return case


def victim_tree(victim: Victim, layer: Layer) -> Victim:
    """Attach the unit's live referrals to ``victim`` (in place)."""
    victim.referrals = [
        r for r in layer.referrals.values() if r.victim_id == victim.id and not r.deleted
    ]
    return victim


def merged(base: Mapping[str, Record], top: Mapping[str, Record]) -> dict[str, Record]:
    out = dict(base)
    out.update(top)
    return out
