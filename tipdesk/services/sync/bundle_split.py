"""Cutting an export that is too large for one bundle into several (whole units each).

A bundle holds at most :data:`tipdesk.sync.budget.MAX_RECORDS` records and the JSON its
record count allows (:mod:`tipdesk.sync.budget`): that bound keeps HQ's import under a fixed
memory ceiling. An export past it (a district's first sync after a year offline, or a restored
laptop's first bundle) becomes several bundles covering consecutive ranges of the change log,
``(after, p1]``, ``(p1, p2]``, ..., ``(pk, through]``, each holding the records whose latest
change lies in its range (and, for HQ's check of the range, the positions of the records it
leaves out).

A range is cut between *units* (a case with its accused, victims and referrals; a victim
outside a case with its referrals; a training; a campaign) where it can be, so HQ gets a case
with its children; a unit whose changes spread over more than a bundle's worth of others is
cut (its first records wait in HQ's quarantine for the rest, which the next bundle brings; a
lost bundle is sent again, as any). Pure functions on what the exporter read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from tipdesk.core.records import Record
from tipdesk.sync.merge import VV

Unit = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Entry:
    """A record to send: its latest change position, its order in the export (kept inside a
    bundle), the record with its vector, and its unit."""

    position: int
    order: int
    record: Record
    vv: VV
    unit: Unit


@dataclass(slots=True)
class Slice:
    """Part of an export: the changes after ``after`` up to ``through``."""

    after: int
    through: int
    entries: list[Entry] = field(default_factory=list)
    not_sent: list[int] = field(default_factory=list)


def cut(whole: Slice, limit: int) -> list[Slice]:
    """``whole`` in consecutive slices of at most ``limit`` records each, one slice when it
    is small enough. A slice ends between units when one of its last quarter does: past
    three quarters of ``limit``, the first record that starts no unit already in the slice
    begins the next. Only a unit whose changes spread over more than that is cut (HQ then
    holds its first records in quarantine until the rest arrive, from the next bundle)."""
    if len(whole.entries) <= limit:
        return [whole]
    ordered = sorted(whole.entries, key=lambda e: e.position)
    unit_end: dict[Unit, int] = {}
    for e in ordered:
        unit_end[e.unit] = max(unit_end.get(e.unit, 0), e.position)
    soft = max(1, limit * 3 // 4)
    slices: list[Slice] = []
    current = Slice(whole.after, whole.after)
    whole_to = whole.after  # the slice's units all end here
    for e in ordered:
        n = len(current.entries)
        if (n >= soft and e.position > whole_to) or n >= limit:
            current.through = current.entries[-1].position
            slices.append(current)
            current = Slice(current.through, current.through)
            whole_to = current.after
        current.entries.append(e)
        whole_to = max(whole_to, unit_end[e.unit])
    current.through = whole.through
    slices.append(current)
    for s in slices:
        s.entries.sort(key=lambda e: e.order)
        s.not_sent = [p for p in whole.not_sent if s.after < p <= s.through]
    return slices


def fitted(
    whole: Slice, limit: int, fits: Callable[[Slice], bool], too_large: Callable[[Slice], None]
) -> list[Slice]:
    """``whole`` cut into slices that each ``fits`` (the bundle budget): halving the number
    of records of a slice that does not; ``too_large`` is called (and must raise) for a
    single record that does not fit (the text limits make one impossible)."""
    out: list[Slice] = []
    todo = cut(whole, limit)
    while todo:
        piece = todo.pop(0)
        if fits(piece):
            out.append(piece)
            continue
        parts = cut(piece, max(1, len(piece.entries) // 2))
        if len(parts) == 1:  # a single record larger than any bundle may be
            too_large(piece)
            out.append(piece)  # pragma: no cover - too_large raises
            continue
        todo[0:0] = parts
    return out


def units_of(
    entries: Sequence[tuple[Record, int]], victim_case: Callable[[list[str]], dict[str, str | None]]
) -> list[Unit]:
    """The unit of each record (with its position): a case's accused, victims and referrals
    belong to the case, a referral of a victim outside a case to the victim. ``victim_case``
    gives the case (or None) of victims not among ``entries``, from the store."""
    victims: dict[str, str | None] = {}
    for record, _ in entries:
        if record.KIND == "victim":
            victims[record.id] = getattr(record, "case_id", None) or None
    wanted = sorted(
        {
            str(getattr(r, "victim_id", ""))
            for r, _ in entries
            if r.KIND == "referral" and str(getattr(r, "victim_id", "")) not in victims
        }
        - {""}
    )
    if wanted:
        victims.update(victim_case(wanted))
    out: list[Unit] = []
    for record, _ in entries:
        kind = record.KIND
        if kind == "accused":
            out.append(("case", str(getattr(record, "case_id", ""))))
        elif kind == "victim":
            case_id = victims.get(record.id)
            out.append(("case", case_id) if case_id else ("victim", record.id))
        elif kind == "referral":
            victim_id = str(getattr(record, "victim_id", ""))
            case_id = victims.get(victim_id)
            out.append(("case", case_id) if case_id else ("victim", victim_id))
        else:
            out.append((kind, record.id))
    return out
