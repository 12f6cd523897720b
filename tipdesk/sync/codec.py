"""Field values of records in bundles: their JSON form, checks and conversions, per kind.

A record travels as the list of its field values in :data:`FIELDS` order (bookkeeping
included, children lists excluded), JSON-native: dates ``YYYY-MM-DD``, codes as text, lists
and tables as JSON arrays and objects, booleans as ``true``/``false``. The same order is the
store's column order (:mod:`tipdesk.store.rows`), which :func:`db_value` relies on.

Contract: :func:`row_values` never fails on a stored record; the checks never trust input and
raise :class:`Bad` (a message fit for the quarantine list, never quoting the value).
"""

from __future__ import annotations

import datetime as dt
import json
import json.encoder
import operator
import types
import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from tipdesk.core.ids import is_id
from tipdesk.core.records import RECORD_TYPES, Record, builder, record_fields
from tipdesk.sync.merge import digest

KIND_ORDER = ("case", "accused", "victim", "referral", "training", "campaign")
FIELDS: dict[str, tuple[str, ...]] = {
    kind: tuple(record_fields(RECORD_TYPES[kind])) for kind in KIND_ORDER
}
_REFS = frozenset({"id", "case_id", "victim_id"})
_NONE = type(None)
_encode_text: Callable[[str], str] = json.encoder.encode_basestring
_TABLE_JSON = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, sort_keys=True).encode


MAX_NUMBER = 2**53 - 1
"""The largest whole number (in size) a bundle or receipt may hold anywhere: a counter, a
position, a record's number. Beyond it a number is crafted, and past 2**63 the store could
not even keep it (the import crashed on one)."""


class Bad(Exception):
    """A value of the wrong type or shape; the message is for the quarantine list."""


def in_range(value: int) -> bool:
    return -MAX_NUMBER <= value <= MAX_NUMBER


def _base(hint: Any) -> tuple[Any, bool]:
    """The non-None type of a field and whether None is allowed."""
    if typing.get_origin(hint) in (types.UnionType, typing.Union):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return args[0], True
    return hint, False


def check_id(v: Any) -> Any:
    if type(v) is str and is_id(v):
        return v
    raise Bad("is not a record id")


def _check_text(v: Any) -> Any:
    if type(v) is str:
        return v
    raise Bad("must be text")


def _check_bool(v: Any) -> Any:
    if type(v) is bool:
        return v
    raise Bad("must be true or false")


def _check_int(v: Any) -> Any:
    if type(v) is int and in_range(v):
        return v
    raise Bad("must be a whole number" if type(v) is not int else "is too large a number")


def _to_date(v: Any) -> Any:
    # fromisoformat alone would also take "20250102" and week dates; the store keeps exactly
    # YYYY-MM-DD, so only that is accepted.
    if type(v) is str and len(v) == 10 and v[4] == "-" and v[7] == "-":
        try:
            return dt.date.fromisoformat(v)
        except ValueError:
            pass
    raise Bad("is not a date (YYYY-MM-DD)")


def _texts(v: Any) -> Any:
    if type(v) is list and all(type(x) is str for x in v):
        return list(v)  # a copy: dictionary-decoded rows share their values
    raise Bad("must be a list of text")


def _counts(v: Any) -> Any:
    if type(v) is dict and all(type(n) is int and in_range(n) for n in v.values()):
        return dict(v)
    raise Bad("must be a table of names and whole numbers")


def _enum(cls: type[StrEnum]) -> Callable[[Any], Any]:
    members = {m.value: m for m in cls}

    def convert(v: Any) -> Any:
        try:
            return members[v]
        except (KeyError, TypeError):
            raise Bad("is not one of the allowed codes") from None

    return convert


def _nullable(check: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def inner(v: Any) -> Any:
        return None if v is None else check(v)

    return inner


@dataclass(frozen=True, slots=True)
class Codec:
    """How one record kind's fields travel."""

    kind: str
    cls: type[Record]
    fields: tuple[str, ...]
    getter: Callable[[Any], tuple[Any, ...]]
    encoders: tuple[tuple[int, Callable[[Any], Any]], ...]
    checks: tuple[Callable[[Any], Any], ...]
    """Per field: check a JSON value (None included) and return the record's value."""
    accepted: tuple[frozenset[type], ...]
    """Per field: the JSON types allowed (a cheap first check for a whole column)."""
    converters: tuple[Callable[[Any], Any] | None, ...]
    """Per field: what a non-null value of an accepted type still needs (None: nothing)."""
    json_columns: tuple[tuple[int, bool], ...]
    """(index, is a table) of the list and table fields, which the store keeps as JSON text."""
    build: Callable[[Sequence[Any]], Record]
    """The record from checked values in ``fields`` order (:func:`records.builder`)."""


def _codec(kind: str) -> Codec:
    cls = RECORD_TYPES[kind]
    hints = typing.get_type_hints(cls)
    names = FIELDS[kind]
    encoders: list[tuple[int, Callable[[Any], Any]]] = []
    checks: list[Callable[[Any], Any]] = []
    accepted: list[frozenset[type]] = []
    converters: list[Callable[[Any], Any] | None] = []
    json_columns: list[tuple[int, bool]] = []
    for i, name in enumerate(names):
        base, optional = _base(hints[name])
        origin = typing.get_origin(base)
        convert: Callable[[Any], Any] | None
        json_type: type
        if name in _REFS:
            json_type, convert = str, check_id
        elif base is dt.date:
            json_type, convert = str, _to_date
            encoders.append((i, operator.methodcaller("isoformat")))
        elif isinstance(base, type) and issubclass(base, StrEnum):
            json_type, convert = str, _enum(base)
            encoders.append((i, operator.attrgetter("value")))
        elif origin is list:
            json_type, convert = list, _texts
            json_columns.append((i, False))
        elif origin is dict:
            json_type, convert = dict, _counts
            json_columns.append((i, True))
        elif base in (str, int, bool):
            json_type, convert = base, None
        else:  # pragma: no cover - a field type the format does not know is a bug
            raise TypeError(f"no bundle codec for {kind}.{name}: {hints[name]!r}")
        plain = {str: _check_text, int: _check_int, bool: _check_bool}.get(json_type)
        check = convert or plain
        if check is None:  # pragma: no cover
            raise TypeError(f"no check for {kind}.{name}")
        checks.append(_nullable(check) if optional else check)
        accepted.append(frozenset({json_type, _NONE} if optional else {json_type}))
        converters.append(convert)
    return Codec(
        kind=kind,
        cls=cls,
        fields=names,
        getter=operator.attrgetter(*names),
        encoders=tuple(encoders),
        checks=tuple(checks),
        accepted=tuple(accepted),
        converters=tuple(converters),
        json_columns=tuple(json_columns),
        build=builder(cls),
    )


CODECS: dict[str, Codec] = {kind: _codec(kind) for kind in KIND_ORDER}


def row_values(record: Record) -> list[Any]:
    """A record's field values in :data:`FIELDS` order, JSON-native."""
    c = CODECS[record.KIND]
    values = list(c.getter(record))
    for i, enc in c.encoders:
        if values[i] is not None:
            values[i] = enc(values[i])
    return values


def record_digest(record: Record) -> str:
    """Content digest of a record (bookkeeping included), as the merge compares versions."""
    return digest(row_values(record))


def list_json(values: list[str]) -> str:
    """The store's JSON text for a list of text (compact, UTF-8), without an encoder call."""
    return "[" + ",".join(map(_encode_text, values)) + "]" if values else "[]"


def table_json(value: dict[str, int]) -> str:
    return _TABLE_JSON(value) if value else "{}"


def db_value(is_table: bool) -> Callable[[Any], str]:
    """The converter of a list (or table) field to the store's JSON text."""
    return table_json if is_table else list_json
