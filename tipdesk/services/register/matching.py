"""Turning converted register rows into records, merged with the stored records they match.

Contract: no I/O besides what the caller passes in (stored records already loaded). The rules:

- A case row fills a new :class:`Case`, or the stored case with the same case number, district
  and office. Accused and victim rows join the case their ``case_number`` names.
- An accused row matches a stored accused of its case by CNIC when both have a valid one,
  else by name and father's name (ignoring case and spacing; a missing father's name on either
  side matches). Each stored accused is matched at most once, in row order, so two people of
  the same name in one case stay two people on every re-import.
- A victim row matches the stored victim with its ``victim_code`` (codes are unique).
- ``referred_to`` adds a referral for each service the victim does not have yet, dated the
  day of identification; referrals are never removed by an import.
- An empty cell leaves the stored value alone: an import never erases data typed in the app.
  A list whose codes equal the stored ones in another order keeps the stored order, so
  re-importing the same register changes nothing.
- Trainings and campaigns match a stored record only when every column the sheet holds is
  equal (their fingerprint); there is nothing to update, only to create.
- With ``keep_identity`` (users who may not reveal identities), the identifying columns of a
  row never change a stored victim: they are neither compared nor applied, so no plan, count
  or message can tell whether a guessed name or CNIC was the stored one. A new victim takes
  them as usual.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from tipdesk.core.cnic import normalise_cnic
from tipdesk.core.codes import Gender
from tipdesk.core.records import (
    Accused,
    Campaign,
    Case,
    Record,
    Referral,
    Training,
    Victim,
    to_dict,
)
from tipdesk.core.validation import normalise
from tipdesk.services.register.columns import SheetSpec
from tipdesk.services.register.reading import RawSheet

CREATE, UPDATE, UNCHANGED = "create", "update", "unchanged"


@dataclass(slots=True)
class Row:
    """One data row after its cells were converted. ``values`` maps register column names to
    record values (empty cells and cells that failed conversion are absent); ``bad`` is true
    when a cell failed or the reader blocked the row."""

    sheet: RawSheet
    number: int
    cells: tuple[Any, ...]
    values: dict[str, Any]
    bad: bool = False

    @property
    def spec(self) -> SheetSpec:
        return self.sheet.spec

    def get(self, column: str) -> Any:
        return self.values.get(column)


@dataclass(slots=True)
class Change:
    """What importing one record does: ``action`` is create, update or unchanged; ``fields``
    names the changed fields of an update. ``row`` is the register row it comes from (``None``
    for a stored child that no row names)."""

    kind: str
    action: str
    sheet: str
    row: int | None
    label: str
    fields: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "action": self.action,
            "sheet": self.sheet,
            "row": self.row,
            "label": self.label,
            "fields": self.fields,
        }


def _settable(spec: SheetSpec) -> list[tuple[str, str]]:
    """(column name, field) of the columns whose values are set on the row's own record."""
    found = _SETTABLE.get(spec.name)
    if found is None:
        found = _SETTABLE[spec.name] = [
            (c.name, c.field)
            for c in spec.columns
            if c.field
            and c.field != "referrals"
            and (c.field != "case_number" or spec.kind == "case")
        ]
    return found


_SETTABLE: dict[str, list[tuple[str, str]]] = {}


def apply(record: Record, row: Row) -> None:
    """Set ``record``'s fields from ``row``'s values (see the module contract)."""
    values = row.values
    for name, field_name in _settable(row.spec):
        if name not in values:
            continue
        value = values[name]
        old = getattr(record, field_name)
        if isinstance(value, list) and isinstance(old, list) and set(value) == set(old):
            continue
        if value is Gender.UNKNOWN and isinstance(old, Gender):
            # A register that does not know a gender says nothing against the one stored
            # (an empty cell, in effect): "unknown" never erases a known gender.
            continue
        setattr(record, field_name, value)


def add_referrals(victim: Victim, row: Row) -> None:
    services = row.get("referred_to") or []
    have = {r.service for r in victim.referrals if not r.deleted}
    for service in services:
        if service not in have:
            victim.referrals.append(Referral(service=service, referred_on=victim.identified_on))
            have.add(service)


def _name(text: str) -> str:
    return " ".join(text.split()).casefold()


def match_accused(row: Row, stored: list[Accused], taken: set[int]) -> int | None:
    """Index in ``stored`` of the accused ``row`` describes, not yet ``taken``, or ``None``."""
    cnic = normalise_cnic(str(row.get("cnic") or ""))
    name = _name(str(row.get("name") or ""))
    father = _name(str(row.get("father_name") or ""))
    if cnic:
        for i, a in enumerate(stored):
            if i not in taken and normalise_cnic(a.cnic) == cnic:
                return i
    for i, a in enumerate(stored):
        if i in taken or _name(a.name) != name or not name:
            continue
        a_cnic = normalise_cnic(a.cnic)
        if cnic and a_cnic and a_cnic != cnic:
            continue  # two different CNICs are two people
        a_father = _name(a.father_name)
        if father and a_father and father != a_father:
            continue
        return i
    return None


def tree(record: Record) -> Iterator[Record]:
    yield record
    if isinstance(record, Case):
        yield from record.accused
        for v in record.victims:
            yield from tree(v)
    elif isinstance(record, Victim):
        yield from record.referrals


def flat(record: Record) -> dict[str, Any]:
    """The record's own values (no bookkeeping, no children) for comparing."""
    return to_dict(record, meta=False, children=False)


def diff(before: dict[str, Any] | None, record: Record) -> tuple[str, list[str]]:
    """(action, changed fields) of ``record`` against its stored values ``before``."""
    if before is None:
        return CREATE, []
    after = flat(record)
    changed = [k for k, v in after.items() if before.get(k) != v]
    return (UPDATE, changed) if changed else (UNCHANGED, [])


@dataclass(slots=True)
class CaseGroup:
    """A case and the rows that describe it: its Cases row (if the file has one), its Accused
    and Victims rows, and the stored case it matches (if any)."""

    key: tuple[str, ...]
    case_row: Row | None = None
    stored_id: str | None = None
    stored: Case | None = None
    accused_rows: list[Row] = field(default_factory=list)
    victim_rows: list[Row] = field(default_factory=list)
    # Stored victims without a case that a victim row moves into this case.
    loose_victims: dict[str, Victim] = field(default_factory=dict)

    def rows(self) -> Iterator[Row]:
        if self.case_row is not None:
            yield self.case_row
        yield from self.accused_rows
        yield from self.victim_rows


@dataclass(slots=True)
class BuiltCase:
    """A case ready to validate and save, with where each child came from and what changes."""

    case: Case
    accused_rows: list[Row | None]
    victim_rows: list[Row | None]
    changes: list[Change]

    @property
    def changed(self) -> bool:
        return any(c.action != UNCHANGED for c in self.changes)


def _apply_victim(victim: Victim, row: Row, keep_identity: bool) -> None:
    """:func:`apply` to a victim; with ``keep_identity`` a stored victim (one with an id)
    keeps its identifying fields whatever the row holds (see the module contract)."""
    kept = {n: getattr(victim, n) for n in Victim.IDENTIFYING} if victim.id else None
    apply(victim, row)
    if keep_identity and kept is not None:
        for name, value in kept.items():
            setattr(victim, name, value)


def build_case(group: CaseGroup, excluded: set[int], keep_identity: bool = False) -> BuiltCase:
    """Build ``group``'s case from its stored version and its rows, leaving out the rows
    whose ``id(row)`` is in ``excluded`` (the stored values stay for those)."""
    stored = group.stored
    before: dict[str, dict[str, Any]] = {}
    if stored is not None:
        case = copy.deepcopy(stored)
        before = {r.id: flat(r) for r in tree(stored)}
    else:
        case = Case()
    accused_rows: list[Row | None] = [None] * len(case.accused)
    victim_rows: list[Row | None] = [None] * len(case.victims)
    row = group.case_row
    if row is not None and id(row) not in excluded:
        apply(case, row)
    taken: set[int] = set()
    stored_accused = list(case.accused)
    for arow in group.accused_rows:
        if id(arow) in excluded:
            continue
        i = match_accused(arow, stored_accused, taken) if stored_accused else None
        if i is None:
            accused = Accused()
            case.accused.append(accused)
            accused_rows.append(arow)
        else:
            taken.add(i)
            accused = stored_accused[i]
            accused_rows[i] = arow
        apply(accused, arow)
    by_code = {v.victim_code: i for i, v in enumerate(case.victims)}
    for vrow in group.victim_rows:
        if id(vrow) in excluded:
            continue
        code = str(vrow.get("victim_code") or "")
        j = by_code.get(code)
        if j is None:
            loose = group.loose_victims.get(code)
            victim = copy.deepcopy(loose) if loose is not None else Victim()
            case.victims.append(victim)
            victim_rows.append(vrow)
        else:
            victim = case.victims[j]
            victim_rows[j] = vrow
        _apply_victim(victim, vrow, keep_identity)
        add_referrals(victim, vrow)
    if stored is not None or group.loose_victims:
        # Stored values are tidy; tidy the merged ones the same way before comparing. A new
        # case needs no tidying here: its values come tidy from the cell converters, and
        # records.save normalises before it validates and saves (about a tenth of the
        # import's time on a large register is saved by not doing it twice).
        normalise(case)
    for a in case.accused:
        if not a.nationality:
            a.nationality = "PK"
    changes: list[Change] = []
    label = case.case_number
    action, fields = diff(before.get(case.id) if case.id else None, case)
    changes.append(_change(case, action, fields, row, label))
    for a, a_origin in zip(case.accused, accused_rows, strict=True):
        action, fields = diff(before.get(a.id) if a.id else None, a)
        changes.append(_change(a, action, fields, a_origin, f"{label}: accused"))
    for v, v_origin in zip(case.victims, victim_rows, strict=True):
        old = before.get(v.id) if v.id else None
        if old is None and v.id and v.victim_code in group.loose_victims:
            old = flat(group.loose_victims[v.victim_code])
        action, fields = diff(old, v)
        if v.id and v.victim_code in group.loose_victims and v.case_id != case.id:
            fields.append("case_id")  # a victim without a case joins this one
            action = UPDATE
        if any(not r.id for r in v.referrals):
            fields.append("referrals")
            action = UPDATE if action == UNCHANGED else action
        changes.append(_change(v, action, fields, v_origin, v.victim_code))
    return BuiltCase(case, accused_rows, victim_rows, changes)


def build_victim(
    row: Row, stored: Victim | None, keep_identity: bool = False
) -> tuple[Victim, Change]:
    """A victim without a case (or whose case the file does not name), from its row."""
    victim = copy.deepcopy(stored) if stored is not None else Victim()
    _apply_victim(victim, row, keep_identity)
    add_referrals(victim, row)
    normalise(victim)
    action, fields = diff(flat(stored) if stored is not None else None, victim)
    if any(not r.id for r in victim.referrals):
        fields.append("referrals")
        action = UPDATE if action == UNCHANGED else action
    return victim, _change(victim, action, fields, row, victim.victim_code)


def build_simple(row: Row) -> Training | Campaign:
    """A new training or campaign from its row."""
    record: Training | Campaign = Training() if row.spec.kind == "training" else Campaign()
    apply(record, row)
    if isinstance(record, Training) and "participants_total" not in row.values:
        record.participants_total = (
            record.participants_female + record.participants_male + record.participants_transgender
        )
    return record  # tidy already (see build_case); records.save normalises it again


def fingerprint(record: Record, fields: Iterable[str]) -> tuple[Any, ...]:
    """The values of ``fields`` (the sheet's columns), lists and maps as sorted tuples."""
    out = []
    for name in fields:
        value = getattr(record, name)
        if isinstance(value, list):
            value = tuple(sorted(value))
        elif isinstance(value, dict):  # participants by agency
            value = tuple(sorted(value.items()))
        out.append(value)
    return tuple(out)


def simple_label(record: Training | Campaign) -> str:
    title = record.title or (record.kind if isinstance(record, Campaign) else "")
    day = record.start_on.isoformat() if record.start_on else "?"
    return f"{title} ({record.district}, {day})"


def _change(record: Record, action: str, fields: list[str], row: Row | None, label: str) -> Change:
    return Change(
        record.KIND,
        action,
        row.sheet.name if row is not None else "",
        row.number if row is not None else None,
        label,
        fields,
    )
