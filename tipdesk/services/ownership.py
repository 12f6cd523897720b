"""Owner districts: who may create and change which records (issue 14).

Every case, victim outside a case, training and campaign has an owner district
(``owner``, bookkeeping): the district whose office recorded it, or that received it in a
handover. An accused, a victim in a case and a referral follow their case's or victim's owner.

Contract (:func:`claim`):
- The owner is set here, never taken from a form, a register or a JSON file: a new record gets
  this install's district (at HQ: the record's own district); a stored record keeps the owner
  it has (HQ moves ownership in a handover, a separate use case).
- A district install creates and changes only what its district owns: a new record for
  another district, a change to another district's record (or moving one's child into this
  district's case), and moving a record to another district are refused with a problem that
  names the districts (``owner.other_district``). HQ may change any record.
- Reads the store; writes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from tipdesk.core.codes import InstallRole
from tipdesk.core.errors import Problem
from tipdesk.core.records import Campaign, Case, Record, Training, Victim
from tipdesk.services.session import Session
from tipdesk.store.handover_store import HandoverRow, HandoverStore

RULE = "owner.other_district"
HANDED_OVER = "owner.handed_over"


def district_name(session: Session, code: str) -> str:
    """A district's name for people (the code only when the reference lists do not know it)."""
    if not code:
        return "no district"
    found = session.reference.districts.get(code)
    return found.name if found is not None else code


def _what(record: Record) -> str:
    return record.KIND


class _Claims:
    """The stored owners of everything a save touches, looked up together."""

    def __init__(self, session: Session, records: Sequence[Record]) -> None:
        self.session = session
        self.own = session.install.district
        ids: dict[str, list[str]] = {}
        for r in records:
            ids.setdefault(r.KIND, []).append(r.id)
            if isinstance(r, Case):
                ids.setdefault("accused", []).extend(a.id for a in r.accused)
                ids.setdefault("victim", []).extend(v.id for v in r.victims)
            elif isinstance(r, Victim) and r.case_id:
                ids.setdefault("case", []).append(r.case_id)
        self.stored = {
            kind: session.store.unit_owners(kind, [i for i in found if i])
            for kind, found in ids.items()
        }
        # Cases this district handed over (asked or moved): read-only here.
        self.handed: dict[str, HandoverRow] = {}
        if session.install.role is not InstallRole.HQ:
            cases = [i for i in ids.get("case", []) if i]
            self.handed = {
                k: r
                for k, r in HandoverStore(session.store).of_cases(cases).items()
                if r.from_district == self.own
            }

    def handed_over(self, case_id: str, field: str) -> list[Problem]:
        row = self.handed.get(case_id)
        if row is None:
            return []
        return [
            Problem(
                field,
                HANDED_OVER,
                f"this case was handed over to {self.name(row.to_district)} on "
                f"{row.asked_at[:10]}; the copy here is read-only",
            )
        ]

    def name(self, code: str) -> str:
        return district_name(self.session, code)

    def root(self, record: Case | Victim | Training | Campaign, field: str) -> list[Problem]:
        """Set the owner of a top-level record and say what this install may not do to it."""
        stored = self.stored.get(record.KIND, {}).get(record.id) if record.id else None
        hq = self.session.install.role is InstallRole.HQ
        if stored is None:
            record.owner = (record.district or self.own) if hq else self.own
            unknown = record.district not in self.session.reference.districts  # validation's
            if hq or not record.district or record.district == self.own or unknown:
                return []
            return [
                Problem(
                    field + "district",
                    RULE,
                    f"this {_what(record)} is for {self.name(record.district)}; this install "
                    f"records {self.name(self.own)}'s records only ({self.name(record.district)}"
                    "'s office records it, or HQ hands it over)",
                )
            ]
        owner, district = stored
        record.owner = owner
        if hq:
            return []
        if isinstance(record, Case) and record.id in self.handed:
            return self.handed_over(record.id, field + "owner")
        if owner != self.own:
            return [self._not_ours(field + "owner", record, owner)]
        known = record.district in self.session.reference.districts  # else validation says
        if known and record.district not in (district, self.own):
            return [
                Problem(
                    field + "district",
                    RULE,
                    f"a record of {self.name(self.own)} cannot be moved to "
                    f"{self.name(record.district)} here (HQ hands records over)",
                )
            ]
        return []

    def _not_ours(self, field: str, record: Record, owner: str) -> Problem:
        return Problem(
            field,
            RULE,
            f"this {_what(record)} belongs to {self.name(owner)}; this install can change "
            f"{self.name(self.own)}'s records only",
        )

    def child(self, kind: str, record_id: str, field: str, record: Record) -> list[Problem]:
        """A stored accused or victim saved in a case: it must not come from a case of
        another district."""
        if self.session.install.role is InstallRole.HQ or not record_id:
            return []
        stored = self.stored.get(kind, {}).get(record_id)
        if stored is None or stored[0] == self.own:
            return []
        return [self._not_ours(field, record, stored[0])]

    def case_of(self, victim: Victim, field: str) -> list[Problem]:
        """A victim saved on its own in a case: the case must be this district's."""
        stored = self.stored.get("case", {}).get(victim.case_id or "")
        if self.session.install.role is InstallRole.HQ or stored is None:
            return []
        if victim.case_id in self.handed:
            return self.handed_over(victim.case_id, field + "case_id")
        if stored[0] == self.own:
            return []
        return [
            Problem(
                field + "case_id",
                RULE,
                f"the case belongs to {self.name(stored[0])}; this install can change "
                f"{self.name(self.own)}'s records only",
            )
        ]


def claim(session: Session, records: Sequence[Record]) -> list[list[Problem]]:
    """Set the owner of every record (and its children) and return, for each record, what
    this install may not do to it (see the module contract)."""
    claims = _Claims(session, records)
    out: list[list[Problem]] = []
    for record in records:
        problems: list[Problem] = []
        if isinstance(record, Case):
            problems += claims.root(record, "")
            for i, a in enumerate(record.accused):
                problems += claims.child("accused", a.id, f"accused[{i}].owner", a)
            for i, v in enumerate(record.victims):
                v.owner = ""
                problems += claims.child("victim", v.id, f"victims[{i}].owner", v)
        elif isinstance(record, Victim) and record.case_id:
            record.owner = ""
            stored = claims.stored.get("victim", {}).get(record.id) if record.id else None
            problems += claims.case_of(record, "")
            if stored is not None:
                problems += claims.child("victim", record.id, "owner", record)
        elif isinstance(record, Case | Victim | Training | Campaign):
            problems += claims.root(record, "")
        out.append(problems)
    return out


def check_change(session: Session, record: Record) -> list[Problem]:
    """What this install may not do to a stored record (a deletion): another district's
    record is refused at a district install."""
    return claim(session, [record])[0]
