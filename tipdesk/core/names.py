"""Names people write, turned into the codes records hold.

Contract: no I/O. :func:`resolve_names` takes a record (a case with its accused, victims and
referrals, a victim, a training or a campaign) and replaces, in place, every coded value that is
a name or alias from the reference data by its code: "Lahore" or "D.G. Khan" in a district
field, "Pakistan" in a nationality, "Forced labour" among the forms of exploitation, "TIP Act
2018" as the law. A value that is already a code, blank, or not found is left as it is, so
validation can name it (:mod:`tipdesk.core.validation`, whose messages name districts and list
items by name, never ask for a code). Bookkeeping fields are never touched.

The services call it after :func:`~tipdesk.core.validation.normalise` and before validating,
for every save (editors, the command line's JSON files, the register import), so a record
typed with names is stored with codes.

:func:`describe_district` words a district value that is not a district for a person: the
districts it could be, or the closest name ("did you mean Lahore?").
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tipdesk.core.errors import SHOWN_MAX
from tipdesk.core.messages import Message, say
from tipdesk.core.records import Accused, Campaign, Case, R, Referral, Training, Victim
from tipdesk.core.reference import Reference

# (record type, field) -> the reference list its codes come from ("" for a district).
_CODED: dict[type[Any], dict[str, str]] = {
    Case: {
        "district": "",
        "exploitation_forms": "exploitation_forms",
        "means": "means",
        "route_countries": "countries",
    },
    Accused: {"nationality": "countries", "role": "accused_roles"},
    Victim: {
        "district": "",
        "nationality": "countries",
        "exploitation_forms": "exploitation_forms",
        "indicators": "victim_indicators",
        "protection_measures": "protection_measures",
    },
    Referral: {"service": "referral_services"},
    Training: {
        "district": "",
        "organiser": "agencies",
        "partners": "partners",
        "topics": "training_topics",
    },
    Campaign: {
        "district": "",
        "department": "departments",
        "kind": "campaign_kinds",
        "partners": "partners",
    },
}


def _one(reference: Reference, list_name: str, value: str) -> str:
    """``value``'s code when it names an item of the list (or a district), else ``value``."""
    if not value.strip():
        return value
    if not list_name:
        if value in reference.districts:
            return value
        found = reference.district(value)
        return found.code if found else value
    if reference.has(list_name, value):
        return value
    return reference.lookup(list_name, value) or value


def resolve_names(record: R, reference: Reference) -> R:
    """Replace names by codes in ``record`` and its children, in place; return it."""
    fields = _CODED.get(type(record), {})
    for name, list_name in fields.items():
        value = getattr(record, name)
        if isinstance(value, StrEnum):
            continue
        if isinstance(value, str):
            setattr(record, name, _one(reference, list_name, value))
        elif isinstance(value, list):
            setattr(record, name, [_one(reference, list_name, str(v)) for v in value])
    if isinstance(record, Case):
        if record.law and record.law not in reference.laws():
            record.law = reference.law_code(record.law) or record.law
        for child in (*record.accused, *record.victims):
            resolve_names(child, reference)
    elif isinstance(record, Victim):
        for referral in record.referrals:
            resolve_names(referral, reference)
    elif isinstance(record, Training) and record.participants_by_agency:
        counts: dict[str, int] = {}
        for key, count in record.participants_by_agency.items():
            code = _one(reference, "agencies", key)
            both = isinstance(count, int) and isinstance(counts.get(code), int)
            counts[code] = counts[code] + count if both else count
        record.participants_by_agency = counts
    return record


def describe_district(reference: Reference, value: str) -> Message:
    """Why ``value`` is not a district, for a person (a translatable message): the districts
    it could be, the closest name, or that it is not known. Never a code; a text too long to
    repeat is described by its length (and not compared with every name)."""
    if len(value) > SHOWN_MAX:
        return say(
            "a text of {n} characters is not a district we know: write the district's name",
            n=f"{len(value):,}",
        )
    several = reference.districts_starting(value)
    if len(several) > 1:
        names = [d.name for d in several]
        if len(names) <= 6:
            return say(
                "'{value}' could be {names} or {last}: write the district's full name",
                value=value,
                names=", ".join(names[:-1]),
                last=names[-1],
            )
        return say(
            "'{value}' could be any of {n} districts: write the district's full name",
            value=value,
            n=len(names),
        )
    close = several[0] if several else reference.district_suggestion(value)
    if close is not None:
        return say(
            "'{value}' is not a district we know (did you mean {name}?)",
            value=value,
            name=close.name,
        )
    return say(
        "'{value}' is not a district we know: write the district's name, e.g. Lahore",
        value=value,
    )
