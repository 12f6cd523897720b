"""The records TIPDesk keeps, as plain dataclasses, and their conversion to and from JSON.

Contract:
- Records carry no behaviour beyond conversion; rules live in :mod:`tipdesk.core.validation`.
- ``from_dict`` never raises on bad input: it returns the record it could build together with
  every type problem it found (field path, rule ``type``), so a file or a form with several
  mistakes is reported in one go. Unknown keys are reported too (rule ``unknown_field``).
- Dates are ``datetime.date``; timestamps are ISO text in UTC (see :mod:`tipdesk.core.clock`).
- Ages are stored exactly; bands are derived on output (:mod:`tipdesk.core.ages`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar, TypeVar

from tipdesk.core.codes import (
    Appeal,
    ArrestStatus,
    CaseKind,
    Gender,
    HearingPurpose,
    Outcome,
    ReferralOutcome,
    Stage,
)
from tipdesk.core.errors import Problem, shown


@dataclass(slots=True, kw_only=True)
class Meta:
    """Bookkeeping every stored record carries; set by the store, never by the user.

    ``version`` starts at 1 and grows by one on every change; sync compares it.
    ``deleted`` is a soft-delete mark: deleted records stay so the deletion can sync.
    """

    id: str = ""
    created_at: str = ""
    created_by: str = ""
    updated_at: str = ""
    updated_by: str = ""
    origin_device: str = ""
    updated_device: str = ""
    version: int = 0
    deleted: bool = False


META_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Meta))
# Every bookkeeping field: the meta fields every record has, and the owner district of the
# kinds that have one (:data:`OWNED`).
BOOKKEEPING_FIELDS: frozenset[str] = frozenset((*META_FIELDS, "owner"))


@dataclass(slots=True, kw_only=True)
class Referral(Meta):
    """A victim's referral to a service (shelter, medical, legal aid...)."""

    KIND: ClassVar[str] = "referral"
    victim_id: str = ""
    service: str = ""
    provider: str = ""
    referred_on: dt.date | None = None
    outcome: ReferralOutcome = ReferralOutcome.PENDING
    outcome_on: dt.date | None = None
    notes: str = ""


@dataclass(slots=True, kw_only=True)
class Victim(Meta):
    """A person identified as a victim. ``name``, ``father_name``, ``cnic``, ``phone`` and
    ``address`` identify the person and are the most sensitive fields in the system."""

    KIND: ClassVar[str] = "victim"
    IDENTIFYING: ClassVar[tuple[str, ...]] = ("name", "father_name", "cnic", "phone", "address")
    owner: str = ""
    """Bookkeeping: the owner district of a victim outside a case; blank for a victim in a
    case, who follows the case's owner (see :data:`OWNED`)."""
    case_id: str | None = None
    victim_code: str = ""
    district: str = ""
    name: str = ""
    father_name: str = ""
    cnic: str = ""
    phone: str = ""
    address: str = ""
    gender: Gender = Gender.UNKNOWN
    age: int | None = None
    date_of_birth: dt.date | None = None
    nationality: str = "PK"
    exploitation_forms: list[str] = field(default_factory=list)
    identified_on: dt.date | None = None
    identified_by: str = ""
    indicators: list[str] = field(default_factory=list)
    consent_to_share: bool = False
    protection_measures: list[str] = field(default_factory=list)
    notes: str = ""
    referrals: list[Referral] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class Accused(Meta):
    """A suspect in a case, with proceedings and outcome."""

    KIND: ClassVar[str] = "accused"
    case_id: str = ""
    name: str = ""
    father_name: str = ""
    cnic: str = ""
    gender: Gender = Gender.UNKNOWN
    age: int | None = None
    nationality: str = "PK"
    role: str = ""
    arrest_status: ArrestStatus = ArrestStatus.NOT_ARRESTED
    section: str = ""
    proceeded_on: dt.date | None = None
    outcome: Outcome = Outcome.PENDING
    judgment_on: dt.date | None = None
    court: str = ""
    imprisonment_months: int | None = None
    fine_pkr: int | None = None
    appeal: Appeal = Appeal.NONE
    # The non-criminalisation safeguard (:mod:`tipdesk.core.dual_role`): set by the services,
    # never by a form or a register; they travel to HQ with the accused.
    dual_role_matches: list[str] = field(default_factory=list)
    """The victims of the case this accused may be, as the district's check found them (on
    every save): ``<victim id>:cnic`` (the same CNIC, the stronger sign) or ``<victim
    id>:name`` (the same name, fathers' names equal or missing)."""
    dual_role_reviewed: list[str] = field(default_factory=list)
    """The matches a supervisor reviewed (same form); a match not covered here is open: the
    accused cannot be marked proceeded against or convicted until it is reviewed."""
    dual_role_reviewed_by: str = ""
    dual_role_reviewed_on: dt.date | None = None
    dual_role_decision: str = ""
    """``different`` (two people), ``same`` (the same person: proceeding was reviewed) or
    ``reviewed`` (reviewed in the case editor, or before the queue existed)."""


@dataclass(slots=True, kw_only=True)
class Case(Meta):
    """An FIR or enquiry registered by an office, with its accused and victims."""

    KIND: ClassVar[str] = "case"
    owner: str = ""
    """Bookkeeping: the owner district (see :data:`OWNED`)."""
    case_number: str = ""
    kind: CaseKind = CaseKind.FIR
    registered_on: dt.date | None = None
    offence_on: dt.date | None = None
    """The date of the offence (the FIR's date of occurrence): sentences are checked against
    the law in force on it. Blank: not recorded, and the registration date stands in for it
    (:func:`offence_date`)."""
    district: str = ""
    office: str = ""
    law: str = "tip_act_2018"
    sections: list[str] = field(default_factory=list)
    exploitation_forms: list[str] = field(default_factory=list)
    means: list[str] = field(default_factory=list)
    transnational: bool = False
    route_countries: list[str] = field(default_factory=list)
    stage: Stage = Stage.REGISTERED
    closed_reason: str = ""
    official_involvement: bool = False
    official_action: str = ""
    investigating_officer: str = ""
    narrative: str = ""
    dual_role_reviewed_by: str = ""
    accused: list[Accused] = field(default_factory=list)
    victims: list[Victim] = field(default_factory=list)


def offence_date(case: Case) -> dt.date | None:
    """The date the law is applied on: the offence date, or the registration date when the
    offence date is not recorded."""
    return case.offence_on or case.registered_on


@dataclass(slots=True, kw_only=True)
class Training(Meta):
    """A training session for staff (investigators, prosecutors, police...)."""

    KIND: ClassVar[str] = "training"
    owner: str = ""
    """Bookkeeping: the owner district (see :data:`OWNED`)."""
    title: str = ""
    topics: list[str] = field(default_factory=list)
    organiser: str = ""
    partners: list[str] = field(default_factory=list)
    start_on: dt.date | None = None
    end_on: dt.date | None = None
    district: str = ""
    venue: str = ""
    participants_total: int = 0
    participants_female: int = 0
    participants_male: int = 0
    participants_transgender: int = 0
    participants_by_agency: dict[str, int] = field(default_factory=dict)
    roster: list[str] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class Campaign(Meta):
    """An awareness campaign: a seminar, walk, media drive or school/community session."""

    KIND: ClassVar[str] = "campaign"
    owner: str = ""
    """Bookkeeping: the owner district (see :data:`OWNED`)."""
    title: str = ""
    department: str = ""
    kind: str = ""
    start_on: dt.date | None = None
    end_on: dt.date | None = None
    district: str = ""
    venue: str = ""
    people_reached: int = 0
    partners: list[str] = field(default_factory=list)
    national_campaign: str = ""
    notes: str = ""


@dataclass(slots=True, kw_only=True)
class Hearing(Meta):
    """A court hearing of a case, or of one of its accused (``accused_id``): the office's diary.

    ``proceedings`` says what happened; ``done`` marks a hearing that took place and was
    recorded. ``next_on`` is the next date the court gave (adjournments are the norm): saving
    it through :func:`tipdesk.services.diary.record_outcome` makes the next hearing, whose
    ``follows_id`` names this one. A hearing stays at its install (:data:`LOCAL_KINDS`).
    """

    KIND: ClassVar[str] = "hearing"
    case_id: str = ""
    accused_id: str = ""
    hearing_on: dt.date | None = None
    court: str = ""
    purpose: HearingPurpose = HearingPurpose.OTHER
    proceedings: str = ""
    next_on: dt.date | None = None
    done: bool = False
    follows_id: str = ""


Record = Case | Accused | Victim | Referral | Training | Campaign | Hearing
R = TypeVar("R", bound=Meta)

RECORD_TYPES: dict[str, type[Record]] = {
    cls.KIND: cls for cls in (Case, Accused, Victim, Referral, Training, Campaign, Hearing)
}
# Kinds kept only by the install that wrote them: no change-log row, so never in a sync bundle
# (docs/bundle-format.md). The office's diary is its own working paper; HQ's report needs none.
LOCAL_KINDS: frozenset[str] = frozenset({"hearing"})
# Nested lists that are records of their own, not values of the parent.
CHILDREN: dict[str, tuple[str, ...]] = {
    "case": ("accused", "victims"),
    "victim": ("referrals",),
}
# Kinds that carry an owner district (``owner``): the district whose office recorded the record
# or received it in a handover, which alone may change it; HQ may change any record. An
# accused, a victim in a case and a referral follow the owner of their case or victim. The
# owner is bookkeeping set by the services, never by a form or a register.
OWNED = frozenset({"case", "victim", "training", "campaign"})
# The field of a child record that names its parent.
PARENT_KEY: dict[str, str] = {"accused": "case_id", "victim": "case_id", "referral": "victim_id"}
# The field that names a record of each kind to people, where a screen would otherwise show an
# id: a case's number, a victim's code (never a victim's name), an accused's name, a
# referral's service code, a training's or campaign's title, a hearing's court.
TITLE_FIELDS: dict[str, str] = {
    "case": "case_number",
    "accused": "name",
    "victim": "victim_code",
    "referral": "service",
    "training": "title",
    "campaign": "title",
    "hearing": "court",
}


def record_fields(cls: type[Record], *, with_children: bool = False) -> list[str]:
    """Field names of ``cls`` in declaration order; children lists only when asked."""
    kids = CHILDREN.get(cls.KIND, ())
    return [f.name for f in dataclasses.fields(cls) if with_children or f.name not in kids]


def builder(cls: type[Record]) -> Callable[[Sequence[Any]], Record]:
    """A fast constructor of ``cls`` from its field values in :func:`record_fields` order; the
    children lists start empty.

    Contract: ``builder(cls)(values)`` equals ``cls(**dict(zip(record_fields(cls), values)))``
    and raises ``ValueError`` for a wrong number of values; nothing is checked or converted,
    and no default replaces a value. Why: building and matching the keyword dictionary was
    most of the cost of a record on the HQ import's hot path (6.4 µs of an accused, measured);
    plain attribute stores take a fifth of that.
    """
    names = record_fields(cls)
    kids = CHILDREN.get(cls.KIND, ())
    if sorted((*names, *kids)) != sorted(f.name for f in dataclasses.fields(cls)):
        raise TypeError(f"{cls.__name__} has fields the builder does not know")  # pragma: no cover
    # Generated as dataclasses generate __init__: the names are the class's own field names
    # (identifiers by construction), prefixed so that none can shadow the function's names.
    source = "\n".join(
        [
            "def build(values):",
            f"    ({''.join(f'_{n}, ' for n in names)}) = values",
            "    record = new(cls)",
            *(f"    record.{n} = _{n}" for n in names),
            *(f"    record.{k} = []" for k in kids),
            "    return record",
        ]
    )
    namespace: dict[str, Any] = {"new": object.__new__, "cls": cls}
    exec(source, namespace)  # noqa: S102 - generated from field names only, no outside input
    build: Callable[[Sequence[Any]], Record] = namespace["build"]
    return build


# ---------------------------------------------------------------------------------------------
# Conversion


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, Meta):
        return to_dict(value)
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def to_dict(record: Meta, *, meta: bool = True, children: bool = True) -> dict[str, Any]:
    """Return a JSON-ready dict of ``record`` (dates as ``YYYY-MM-DD``, enums as values)."""
    out: dict[str, Any] = {}
    kids = CHILDREN.get(getattr(record, "KIND", ""), ())
    for f in dataclasses.fields(record):
        if not meta and f.name in BOOKKEEPING_FIELDS:
            continue
        if not children and f.name in kids:
            continue
        out[f.name] = _jsonable(getattr(record, f.name))
    return out


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


class _Bad:
    """Marker for a value that failed conversion."""


_BAD = _Bad()


def _convert(value: Any, hint: Any, path: str, problems: list[Problem]) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        if value is None or value == "":
            return None if type(None) in args else _convert(value, args[0], path, problems)
        inner = next(a for a in args if a is not type(None))
        return _convert(value, inner, path, problems)
    if origin is list:
        if value is None:
            return []
        if not isinstance(value, list):
            problems.append(Problem(path, "type", "must be a list"))
            return []
        (item,) = args
        converted = [_convert(v, item, f"{path}[{i}]", problems) for i, v in enumerate(value)]
        return [c for c in converted if c is not _BAD]
    if origin is dict:
        if value is None:
            return {}
        if not isinstance(value, dict):
            problems.append(Problem(path, "type", "must be a table of names and numbers"))
            return {}
        return {
            str(k): c
            for k, v in value.items()
            if (c := _convert(v, args[1], f"{path}.{k}", problems)) is not _BAD
        }
    if isinstance(hint, type) and issubclass(hint, Meta):
        if not isinstance(value, dict):
            problems.append(Problem(path, "type", "must be an object"))
            return _BAD
        record_cls: Any = hint
        return _from_dict(record_cls, value, path, problems)
    if hint is dt.date:
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        problems.append(Problem(path, "type", f"{shown(value)} is not a real date (YYYY-MM-DD)"))
        return _BAD
    if hint is bool:
        if isinstance(value, bool):
            return value
        problems.append(Problem(path, "type", "must be true or false"))
        return _BAD
    if hint is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        problems.append(Problem(path, "type", f"{shown(value)} is not a whole number"))
        return _BAD
    if hint is str:
        if isinstance(value, str):
            return value.strip()
        if value is None:
            return ""
        problems.append(Problem(path, "type", "must be text"))
        return _BAD
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        try:
            return hint(str(value).strip().lower())
        except ValueError:
            allowed = ", ".join(m.value for m in hint)
            problems.append(Problem(path, "enum", f"{shown(value)} is not one of: {allowed}"))
            return _BAD
    raise TypeError(f"unsupported field type {hint!r}")  # a bug in the record definitions


def _from_dict(cls: type[R], data: dict[str, Any], prefix: str, problems: list[Problem]) -> R:
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    names = {f.name for f in dataclasses.fields(cls)}
    for key, value in data.items():
        path = f"{prefix}.{key}" if prefix else key
        if key not in names:
            problems.append(Problem(path, "unknown_field", "is not a field of this record"))
            continue
        converted = _convert(value, hints[key], path, problems)
        if converted is not _BAD:
            kwargs[key] = converted
    return cls(**kwargs)


def from_dict(cls: type[R], data: dict[str, Any]) -> tuple[R, list[Problem]]:
    """Build a ``cls`` from JSON-like ``data``; return it with every conversion problem."""
    problems: list[Problem] = []
    return _from_dict(cls, data, "", problems), problems
