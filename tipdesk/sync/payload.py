"""The JSON inside a bundle: the changed records, column by column, with version vectors.

Format 2 (``docs/bundle-format.md``)::

    {"bundle": {"audit_head": [812, "<sha256>"], "device": "<id>", "seq": 3},
     "records": {"case": {"count": 2, "fields": ["id", ...],
                          "columns": [COLUMN, ...], "vv": COLUMN}, ...}}

Each kind holds ``count`` records. ``fields`` are exactly the kind's fields
(:data:`~tipdesk.sync.codec.FIELDS`) in any order (those of :data:`OPTIONAL_FIELDS` may be
left out: a TIPDesk older than the field does not send it), and ``columns`` the values of each field
for every record, in the same order. A COLUMN is either a JSON array of ``count`` values, or,
when few values repeat many times (the device, the user, a district, a stage...), a dictionary
``{"values": [distinct values], "index": [count positions into values]}``. ``vv`` holds each
record's version vector as ``[[device, counter], ...]``. Format 2 added the owner district
(``owner``) to cases, victims, trainings and campaigns; a format 1 payload lacks it and its
records are read with a blank owner (HQ puts in the owner it knows).

Contract:
- :func:`encode` never fails on stored records and gives the same bytes for the same records.
- :func:`decode` never trusts its input: a payload whose structure is wrong raises
  :class:`~tipdesk.sync.errors.DamagedFile`; a record whose values have the wrong type, or
  whose version vector is inconsistent, comes back with ``problems`` (rules ``type`` or
  ``sync.version``) for the quarantine, never as a record.
- Decoding is the hot path of an HQ import: checks and conversions run per column (per
  distinct value for dictionary columns); only a kind with a bad value is decoded record by
  record, to name every problem.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tipdesk.core.errors import Problem
from tipdesk.core.ids import all_ids
from tipdesk.core.messages import say
from tipdesk.core.records import Record
from tipdesk.sync import file_descriptions
from tipdesk.sync.canonical import Malformed, canonical, strict_loads
from tipdesk.sync.codec import (
    CODECS,
    FIELDS,
    KIND_ORDER,
    MAX_NUMBER,
    Bad,
    Codec,
    check_id,
    db_value,
    in_range,
    record_digest,
    row_values,
)
from tipdesk.sync.container import FORMAT
from tipdesk.sync.errors import DamagedFile
from tipdesk.sync.merge import VV, digest, vv_key

_NONE = type(None)


# --- encoding ---------------------------------------------------------------------------------


def _hashable(value: Any) -> Any:
    if isinstance(value, list):
        return ("list", *map(_hashable, value))
    if isinstance(value, dict):
        return ("dict", *sorted((k, _hashable(v)) for k, v in value.items()))
    return (type(value).__name__, value)  # True and 1 must not share an entry


_SCALAR_KINDS = (frozenset({str, _NONE}), frozenset({int, _NONE}), frozenset({bool, _NONE}))


def _column(values: Sequence[Any]) -> Any:
    """A column as a plain array, or dictionary-encoded when that at least halves it."""
    n = len(values)
    if n < 4:
        return list(values)
    kinds = set(map(type, values))
    # Values of one scalar type are their own keys; others (lists, tables, mixed types, where
    # True and 1 must not share an entry) get a hashable key.
    keys: Sequence[Any] = (
        values if any(kinds <= k for k in _SCALAR_KINDS) else list(map(_hashable, values))
    )
    first: dict[Any, Any] = {}
    for key, value in zip(keys, values, strict=True):
        if key not in first:
            first[key] = value
            if len(first) * 2 > n:
                return list(values)
    positions = {key: i for i, key in enumerate(first)}
    return {"index": list(map(positions.__getitem__, keys)), "values": list(first.values())}


def encode_records(
    records: Mapping[str, Sequence[tuple[Record, VV]]],
) -> tuple[dict[str, Any], dict[str, int]]:
    """The ``records`` object of a payload (by kind, column by column) and the number of
    records per kind. Bundles and receipts (records back) carry records in this form."""
    out: dict[str, Any] = {}
    counts: dict[str, int] = {}
    for kind in KIND_ORDER:
        items = records.get(kind) or ()
        if not items:
            continue
        rows = [row_values(r) for r, _ in items]
        out[kind] = {
            "columns": [_column(col) for col in zip(*rows, strict=True)],
            "count": len(items),
            "fields": list(FIELDS[kind]),
            "vv": _column([vv_key(vv) for _, vv in items]),
        }
        counts[kind] = len(items)
    return out, counts


@dataclass(frozen=True, slots=True)
class ChangeRange:
    """What a bundle says about its place in the sender's change log (format 2): it holds
    every change after ``after`` up to ``through``. ``positions`` gives, per kind and in the
    order of the kind's records, each record's latest change position; ``not_sent`` the
    latest positions of records in the range the bundle leaves out (HQ's own version, still
    unchanged at the district; a row no longer in the store). HQ checks the claim against
    them (:func:`tipdesk.sync.bundle.check_payload`)."""

    after: int
    through: int
    positions: dict[str, list[int]] = field(default_factory=dict)
    not_sent: list[int] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "after": self.after,
            "not_sent": list(self.not_sent),
            "records": {k: list(v) for k, v in self.positions.items() if v},
            "through": self.through,
        }


def encode(
    device: str,
    seq: int,
    records: Mapping[str, Sequence[tuple[Record, VV]]],
    audit_head: tuple[int, str] = (0, ""),
    changes: ChangeRange | None = None,
    audit_at: tuple[int, str] = (0, ""),
    identity_keys: Mapping[str, Mapping[str, str]] | None = None,
    handovers: Sequence[Mapping[str, Any]] = (),
    attachments: Sequence[Mapping[str, Any]] = (),
) -> tuple[bytes, dict[str, int]]:
    """The payload JSON for ``records`` (by kind) and the number of records per kind.
    ``audit_head`` is the sender's audit chain head (last entry and its hash), which HQ keeps
    as an anchor outside the district's laptop; ``changes`` the bundle's range in the
    sender's change log with each record's position (every bundle a district makes carries
    it; HQ refuses a format 2 bundle without it); ``audit_at`` the proof of HQ's last anchor
    (:mod:`tipdesk.sync.anchor`): that entry and the hash the sender's chain has there now
    (left out while HQ has sent no anchor); ``identity_keys`` the data keys of the consenting
    victims' sealed identities, sealed for HQ's recipients (data key id -> recipient -> sealed
    key, base64; left out when no victim needs one); ``handovers`` the cases the district
    hands over that HQ has not moved yet (left out when none); ``attachments`` the
    descriptions of the case files of the records in the bundle
    (:mod:`tipdesk.sync.file_descriptions`; left out when none)."""
    out, counts = encode_records(records)
    head: dict[str, Any] = {"audit_head": list(audit_head), "device": device, "seq": seq}
    if audit_at[0]:
        head["audit_at"] = list(audit_at)
    if changes is not None:
        head["changes"] = changes.to_json()
    if identity_keys:
        head["identity_keys"] = {k: dict(v) for k, v in identity_keys.items()}
    if handovers:
        head["handovers"] = [dict(h) for h in handovers]
    doc: dict[str, Any] = {"bundle": head, "records": out}
    if attachments:
        doc["attachments"] = [dict(a) for a in attachments]
    return canonical(doc, checked=False), counts


# --- decoding ---------------------------------------------------------------------------------


@dataclass(slots=True)
class IncomingRow:
    """One decoded record: the record (None when its values are unusable), its vector, the
    raw values (for the digest and the quarantine), the store's column values, and any
    problems found."""

    kind: str
    record_id: str
    record: Record | None
    vv: VV
    values: list[Any]
    db: tuple[Any, ...] | None
    problems: list[Problem] = field(default_factory=list)
    _digest: str | None = None

    @property
    def digest(self) -> str:
        if self._digest is None:
            self._digest = digest(self.values)
        return self._digest

    def raw(self) -> dict[str, Any]:
        """The record as a field -> value mapping (for the quarantine)."""
        return dict(zip(FIELDS[self.kind], self.values, strict=True))

    def set_texts(self, values: Mapping[str, str]) -> None:
        """:meth:`set_text` for several fields at once (the store's columns rebuilt once)."""
        fields = FIELDS[self.kind]
        db = list(self.db) if self.db is not None else None
        for name, value in values.items():
            i = fields.index(name)
            self.values[i] = value
            if db is not None:
                db[i] = value
            if self.record is not None:
                setattr(self.record, name, value)
        if db is not None:
            self.db = tuple(db)
        self._digest = None

    def set_text(self, name: str, value: str) -> None:
        """Replace a text field's value everywhere this row keeps it (the values, the store's
        columns, the record) and forget the digest: the owner a format 1 bundle lacks, or an
        identity HQ never had."""
        i = FIELDS[self.kind].index(name)
        self.values[i] = value
        if self.db is not None:
            self.db = (*self.db[:i], value, *self.db[i + 1 :])
        if self.record is not None:
            setattr(self.record, name, value)
        self._digest = None


@dataclass(frozen=True, slots=True)
class Payload:
    device: str
    seq: int
    rows: dict[str, list[IncomingRow]]
    audit_head: tuple[int, str] = (0, "")
    changes: ChangeRange | None = None
    """The bundle's change range and positions (format 2; None when the payload has none)."""
    audit_at: tuple[int, str] = (0, "")
    """The sender's proof of HQ's last audit anchor (format 2): entry and its hash now."""
    identity_keys: dict[str, dict[str, str]] = field(default_factory=dict)
    """Data keys of consenting victims' sealed identities, sealed for HQ's recipients."""
    handovers: list[dict[str, Any]] = field(default_factory=list)
    """Cases the district hands over (:func:`check_handovers`)."""
    attachments: list[file_descriptions.Description] = field(default_factory=list)
    """Descriptions of the case files of the bundle's records (format 2, optional)."""

    def counts(self) -> dict[str, int]:
        return {k: len(v) for k, v in self.rows.items() if v}


def _damaged(why: str) -> DamagedFile:
    # ``why`` names the part of the payload for a developer (it stays English).
    return DamagedFile(
        say(
            "The bundle's contents are not in the expected form ({why}); it was refused. Ask "
            "the district to update TIPDesk and export again. Nothing was changed.",
            why=why,
        )
    )


class _Dictionary:
    """A dictionary-encoded column: distinct values and each row's position among them."""

    __slots__ = ("index", "values")

    def __init__(self, values: list[Any], index: list[int]) -> None:
        self.values = values
        self.index = index

    def expand(self, convert: Callable[[Any], Any] | None = None) -> list[Any]:
        values = self.values if convert is None else list(map(convert, self.values))
        return list(map(values.__getitem__, self.index))


def _read_column(raw: Any, count: int, what: str) -> list[Any] | _Dictionary:
    if type(raw) is list:
        if len(raw) != count:
            raise _damaged(f"a {what} column has the wrong length")
        return raw
    if type(raw) is dict and set(raw) == {"index", "values"}:
        values, index = raw["values"], raw["index"]
        if (
            type(values) is list
            and type(index) is list
            and len(index) == count
            and set(map(type, index)) <= {int}
            and (not index or (min(index) >= 0 and max(index) < len(values)))
        ):
            return _Dictionary(values, index)
    raise _damaged(f"a {what} column is not readable")


def _plain(column: list[Any] | _Dictionary) -> list[Any]:
    return column.expand() if isinstance(column, _Dictionary) else column


def _convert(c: Codec, columns: list[list[Any] | _Dictionary]) -> list[list[Any]] | None:
    """Every column converted to record values, or None when any value is unacceptable."""
    out: list[list[Any]] = []
    try:
        for column, accepted, convert in zip(columns, c.accepted, c.converters, strict=True):
            sample = column.values if isinstance(column, _Dictionary) else column
            kinds = set(map(type, sample))
            if not kinds <= accepted:
                return None
            if int in kinds and not _ints_in_range(sample):
                return None  # named record by record, as a number too large
            if convert is check_id:
                # Ids stay as they are: check the whole column at once (a regex per value
                # called from Python was the decode's largest single cost).
                if not all_ids(v for v in sample if v is not None):
                    return None
                convert = None
            if convert is not None and _NONE in kinds:
                inner = convert

                def convert(v: Any, inner: Callable[[Any], Any] = inner) -> Any:
                    return None if v is None else inner(v)

            if isinstance(column, _Dictionary):
                out.append(column.expand(convert))
            else:
                out.append(list(map(convert, column)) if convert is not None else column)
    except Bad:
        return None
    return out


def _ints_in_range(values: list[Any]) -> bool:
    ints = [v for v in values if type(v) is int]
    return not ints or (in_range(min(ints)) and in_range(max(ints)))


def _problems(c: Codec, values: list[Any]) -> list[Problem]:
    problems: list[Problem] = []
    for name, check, value in zip(c.fields, c.checks, values, strict=True):
        try:
            check(value)
        except Bad as exc:
            problems.append(Problem(name, "type", str(exc)))
    return problems


def _vv(raw: Any) -> VV | None:
    if type(raw) is not list:
        return None
    out: VV = {}
    for pair in raw:
        if (
            type(pair) is not list
            or len(pair) != 2
            or type(pair[0]) is not str
            or type(pair[1]) is not int
            or not 1 <= pair[1] <= MAX_NUMBER
            or pair[0] in out
        ):
            return None
        out[pair[0]] = pair[1]
    return out or None


_INCONSISTENT = Problem("version", "sync.version", "the version information is not consistent")


# Fields a format did not have yet, by kind: format 1 records carry no owner district (the
# reader gives them a blank one, which HQ replaces with the owner it knows).
_NOT_IN_FORMAT_1 = frozenset({"owner"})
# Fields a payload of any format may leave out, by kind, and the value a missing one takes:
# fields added later that a TIPDesk written before them does not send (``offence_on``: not
# recorded, the registration date stands in for it; an accused's overlap review fields: none
# found, none reviewed, as that TIPDesk saved nothing unreviewed).
OPTIONAL_FIELDS: dict[str, dict[str, Any]] = {
    "case": {"offence_on": None},
    "accused": {
        "dual_role_matches": [],
        "dual_role_reviewed": [],
        "dual_role_reviewed_by": "",
        "dual_role_reviewed_on": None,
        "dual_role_decision": "",
    },
}


def _decode_kind(kind: str, block: Any, fmt: int = FORMAT) -> list[IncomingRow]:
    c = CODECS[kind]
    if type(block) is not dict or set(block) != {"columns", "count", "fields", "vv"}:
        raise _damaged(f"the {kind} block")
    count, names, raw_columns = block["count"], block["fields"], block["columns"]
    if type(count) is not int or count < 0:
        raise _damaged(f"the {kind} count")
    optional = OPTIONAL_FIELDS.get(kind, {})
    allowed = set(c.fields) if fmt >= 2 else set(c.fields) - _NOT_IN_FORMAT_1
    if (
        type(names) is not list
        or not all(type(n) is str for n in names)
        or len(set(names)) != len(names)
        or not set(names) <= allowed
        or not allowed - set(names) <= set(optional)
    ):
        raise _damaged(f"the {kind} fields")
    if type(raw_columns) is not list or len(raw_columns) != len(names):
        raise _damaged(f"the {kind} columns")
    by_name = {n: _read_column(col, count, kind) for n, col in zip(names, raw_columns, strict=True)}
    for name in c.fields:
        if name not in by_name:
            default = optional.get(name, "")
            # A list default is copied per record: records never share a list.
            by_name[name] = (
                [list(default) for _ in range(count)]
                if isinstance(default, list)
                else [default] * count
            )
    columns = [by_name[name] for name in c.fields]
    vv_column = _read_column(block["vv"], count, kind)
    vvs = vv_column.expand(_vv) if isinstance(vv_column, _Dictionary) else list(map(_vv, vv_column))
    raw = [_plain(col) for col in columns]
    ids = raw[c.fields.index("id")]
    if len(set(ids)) != count or not all(type(i) is str for i in ids):
        raise _damaged(f"the {kind} ids")
    converted = _convert(c, columns)
    db_columns: list[Any] = list(raw)
    if converted is not None:
        for i, is_table in c.json_columns:
            db_columns[i] = list(map(db_value(is_table), raw[i]))
    id_at = c.fields.index("id")
    version_at = c.fields.index("version")
    device_at = c.fields.index("updated_device")
    build = c.build
    out: list[IncomingRow] = []
    rows = zip(*raw, strict=True) if raw else iter([()] * count)
    if converted is not None:
        # Every value is acceptable (the usual case): only the version information is
        # checked row by row.
        for values_tuple, record_values, db, vv in zip(
            rows, zip(*converted, strict=True), zip(*db_columns, strict=True), vvs, strict=True
        ):
            version = values_tuple[version_at]
            if (
                vv is not None
                and type(version) is int
                and version >= 1
                and vv.get(values_tuple[device_at]) == version
            ):
                record: Record | None = build(record_values)
                out.append(
                    IncomingRow(kind, values_tuple[id_at], record, vv, list(values_tuple), db)
                )
            else:
                out.append(
                    IncomingRow(
                        kind,
                        values_tuple[id_at],
                        None,
                        vv or {},
                        list(values_tuple),
                        None,
                        [_INCONSISTENT],
                    )
                )
        return out
    for values_tuple, vv in zip(rows, vvs, strict=True):
        # Some value of this kind is not acceptable: each row is checked to name its problems.
        values = list(values_tuple)
        problems = _problems(c, values)
        version, device = values[version_at], values[device_at]
        if vv is None or type(version) is not int or version < 1 or vv.get(device) != version:
            problems.append(_INCONSISTENT)
        record = None
        db_row: tuple[Any, ...] | None = None
        if not problems:
            record = build(tuple(check(v) for check, v in zip(c.checks, values, strict=True)))
            db_row = tuple(_db_row(c, values))
        out.append(
            IncomingRow(kind, str(values[id_at]), record, vv or {}, values, db_row, problems)
        )
    return out


def row_from_raw(kind: str, raw: Mapping[str, Any], vv: VV) -> IncomingRow:
    """An incoming row rebuilt from a quarantined record (field -> JSON value), checked again
    exactly as :func:`decode` checks a payload's rows."""
    c = CODECS[kind]
    values = [raw.get(name) for name in c.fields]
    problems = _problems(c, values)
    record: Record | None = None
    db: tuple[Any, ...] | None = None
    if not problems:
        converted = [check(v) for check, v in zip(c.checks, values, strict=True)]
        record = c.build(converted)
        db = tuple(_db_row(c, values))
    return IncomingRow(kind, str(raw.get("id", "")), record, dict(vv), values, db, problems)


def _db_row(c: Codec, values: list[Any]) -> list[Any]:
    row = list(values)
    for i, is_table in c.json_columns:
        row[i] = db_value(is_table)(row[i])
    return row


def decode(data: bytes, fmt: int = FORMAT) -> Payload:
    """Parse and check a payload of format ``fmt`` (see the module contract)."""
    try:
        doc = json.loads(data.decode("utf-8"), parse_constant=_refuse, parse_float=_refuse)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _damaged("not JSON") from None
    if type(doc) is not dict or not {"bundle", "records"} <= set(doc) <= _TOP_KEYS:
        raise _damaged("top level")
    if fmt < 2 and "attachments" in doc:
        raise _damaged("top level")
    head, blocks = doc["bundle"], doc["records"]
    keys = _HEAD_KEYS if fmt >= 2 else _HEAD_KEYS_1
    if (
        type(head) is not dict
        or not _HEAD_REQUIRED <= set(head) <= keys
        or type(head["device"]) is not str
        or not _counter(head["seq"])
    ):
        raise _damaged("bundle header")
    audit = _audit_pair(head["audit_head"])
    proof = _audit_pair(head.get("audit_at", [0, ""]))
    changes = _change_range(head["changes"]) if "changes" in head else None
    rows = decode_records(blocks, fmt)
    return Payload(
        device=head["device"],
        seq=head["seq"],
        rows=rows,
        audit_head=audit,
        changes=changes,
        audit_at=proof,
        identity_keys=_identity_keys(head.get("identity_keys", {})),
        handovers=check_handovers(head.get("handovers", [])),
        attachments=file_descriptions.check_all(doc.get("attachments", []), MAX_DESCRIPTIONS),
    )


HANDOVER_TEXT = ("id", "case_id", "from", "to", "reason", "asked_by", "asked_at", "state",
                 "moved_at")  # fmt: skip


def check_handovers(raw: Any) -> list[dict[str, Any]]:
    """Handovers as bundles and receipts carry them: a list of objects with the text fields
    :data:`HANDOVER_TEXT` (ids valid) and ``sealed`` (an object of objects); else damaged."""
    if type(raw) is not list:
        raise _damaged("handovers")
    for h in raw:
        if (
            type(h) is not dict
            or set(h) != {*HANDOVER_TEXT, "sealed"}
            or not all(type(h[k]) is str and len(h[k]) <= 2000 for k in HANDOVER_TEXT)
            or not all_ids([h["id"], h["case_id"]])
            or type(h["sealed"]) is not dict
            or not all(type(v) is dict for v in h["sealed"].values())
        ):
            raise _damaged("handovers")
    return raw


def _identity_keys(raw: Any) -> dict[str, dict[str, str]]:
    """``{"<data key id>": {"<recipient>": "<sealed key>"}}``, every part text."""
    if type(raw) is not dict or not all(
        type(k) is str
        and k.isdigit()
        and type(v) is dict
        and all(type(r) is str and type(x) is str and len(x) < 1024 for r, x in v.items())
        for k, v in raw.items()
    ):
        raise _damaged("identity keys")
    return raw


_TOP_KEYS = frozenset({"bundle", "records", "attachments"})
MAX_DESCRIPTIONS = 100_000
"""Case file descriptions in one bundle at most (the bundle's item budget bounds them too)."""
_HEAD_REQUIRED = frozenset({"audit_head", "device", "seq"})
_HEAD_KEYS_1 = _HEAD_REQUIRED
_HEAD_KEYS = _HEAD_REQUIRED | {"audit_at", "changes", "identity_keys", "handovers"}


def _audit_pair(raw: Any) -> tuple[int, str]:
    """An audit head or proof: ``[entry, sha256 hex]`` (``[0, ""]``: none)."""
    if (
        type(raw) is not list
        or len(raw) != 2
        or not _counter(raw[0])
        or type(raw[1]) is not str
        or len(raw[1]) not in (0, 64)
    ):
        raise _damaged("audit head")
    return raw[0], raw[1]


def _counter(value: Any) -> bool:
    return type(value) is int and 0 <= value <= MAX_NUMBER


def _positions(value: Any) -> bool:
    return type(value) is list and all(_counter(p) for p in value)


def _change_range(raw: Any) -> ChangeRange:
    if (
        type(raw) is not dict
        or set(raw) != {"after", "not_sent", "records", "through"}
        or not _counter(raw["after"])
        or not _counter(raw["through"])
        or not _positions(raw["not_sent"])
        or type(raw["records"]) is not dict
        or not set(raw["records"]) <= set(KIND_ORDER)
        or not all(_positions(v) for v in raw["records"].values())
    ):
        raise _damaged("change range")
    return ChangeRange(raw["after"], raw["through"], dict(raw["records"]), raw["not_sent"])


def decode_records(blocks: Any, fmt: int = FORMAT) -> dict[str, list[IncomingRow]]:
    """The rows of a payload's ``records`` object (see the module contract): a bundle's, or
    the records HQ sends back in a receipt."""
    if type(blocks) is not dict or not set(blocks) <= set(KIND_ORDER):
        raise _damaged("record kinds")
    return {kind: _decode_kind(kind, blocks[kind], fmt) for kind in KIND_ORDER if kind in blocks}


def _refuse(_text: str) -> Any:
    raise ValueError("not allowed")


def loads_strict(data: bytes) -> Any:
    """Strict JSON for small documents (receipts): see :func:`canonical.strict_loads`."""
    try:
        return strict_loads(data)
    except Malformed:
        raise DamagedFile(
            say("The receipt's contents are not valid; ask HQ for a new one. Nothing was changed.")
        ) from None


def iter_rows(payload: Payload) -> Iterable[IncomingRow]:
    for kind in KIND_ORDER:
        yield from payload.rows.get(kind, ())


__all__ = [
    "FIELDS",
    "KIND_ORDER",
    "MAX_NUMBER",
    "ChangeRange",
    "IncomingRow",
    "Payload",
    "decode",
    "decode_records",
    "encode",
    "encode_records",
    "record_digest",
    "row_values",
]
