"""Mapping between record dataclasses and table rows.

Contract: columns are named after record fields; lists and dicts are stored as compact JSON
text, dates as ``YYYY-MM-DD``, booleans as 0/1, enums by value. Children lists (a case's accused
and victims, a victim's referrals) are rows of their own tables, not columns.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import operator
import types
import typing
from collections.abc import Callable
from enum import StrEnum
from typing import Any

from tipdesk.core.records import CHILDREN, RECORD_TYPES, Record

TABLES: dict[str, str] = {
    "case": "cases",
    "accused": "accused",
    "victim": "victims",
    "referral": "referrals",
    "training": "trainings",
    "campaign": "campaigns",
    "hearing": "hearings",
}

# Per kind: (column names, converters to DB, converters from DB).
_Conv = typing.Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


def _date_to_db(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _date_from_db(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


# One encoder, built once: json.dumps with options builds a new encoder on every call.
_ENCODE = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, sort_keys=True).encode


def _json_to_db(value: Any) -> str:
    return _ENCODE(value) if value else ("[]" if isinstance(value, list) else "{}")


def _bool_to_db(value: bool) -> int:
    return 1 if value else 0


def _converters(hint: Any) -> tuple[_Conv, _Conv]:
    base = hint
    if typing.get_origin(hint) in (types.UnionType, typing.Union):
        base = next(a for a in typing.get_args(hint) if a is not type(None))
    origin = typing.get_origin(base)
    if origin in (list, dict):
        return _json_to_db, json.loads
    if base is dt.date:
        return _date_to_db, _date_from_db
    if base is bool:
        return _bool_to_db, bool
    if isinstance(base, type) and issubclass(base, StrEnum):
        enum_cls = base
        return (lambda v: v.value), (lambda v: enum_cls(v))
    return _identity, _identity


@dataclasses.dataclass(frozen=True, slots=True)
class Mapping:
    kind: str
    table: str
    columns: tuple[str, ...]
    to_db: tuple[_Conv, ...]
    from_db: tuple[_Conv, ...]
    getter: Callable[[Any], tuple[Any, ...]]
    # Columns whose value needs converting on the way in (the rest pass through).
    converted: tuple[tuple[int, _Conv], ...]


def _build(kind: str) -> Mapping:
    cls = RECORD_TYPES[kind]
    hints = typing.get_type_hints(cls)
    kids = CHILDREN.get(kind, ())
    cols = [f.name for f in dataclasses.fields(cls) if f.name not in kids]
    convs = [_converters(hints[c]) for c in cols]
    return Mapping(
        kind,
        TABLES[kind],
        tuple(cols),
        tuple(c[0] for c in convs),
        tuple(c[1] for c in convs),
        operator.attrgetter(*cols),
        tuple((i, c[0]) for i, c in enumerate(convs) if c[0] is not _identity),
    )


MAPPINGS: dict[str, Mapping] = {kind: _build(kind) for kind in TABLES}


def to_row(record: Record) -> tuple[Any, ...]:
    """The column values of ``record`` in :attr:`Mapping.columns` order."""
    m = MAPPINGS[record.KIND]
    values = list(m.getter(record))
    for i, conv in m.converted:
        value = values[i]
        if value is not None:
            values[i] = conv(value)
    return tuple(values)


def from_row(kind: str, row: typing.Sequence[Any]) -> Record:
    """Build a record of ``kind`` from a row selected with :func:`select_columns`."""
    m = MAPPINGS[kind]
    values = {
        col: conv(v) if v is not None else None
        for col, conv, v in zip(m.columns, m.from_db, row, strict=True)
    }
    cls = RECORD_TYPES[kind]
    return cls(**{k: v for k, v in values.items() if v is not None})


def select_columns(kind: str, alias: str = "") -> str:
    prefix = f"{alias}." if alias else ""
    return ", ".join(prefix + c for c in MAPPINGS[kind].columns)


def insert_head(kind: str) -> str:
    """``INSERT INTO table (columns)`` without its VALUES (for :func:`driver.insert_rows`)."""
    m = MAPPINGS[kind]
    return f"INSERT INTO {m.table} ({', '.join(m.columns)})"


def insert_sql(kind: str) -> str:
    marks = ", ".join("?" for _ in MAPPINGS[kind].columns)
    return f"{insert_head(kind)} VALUES ({marks})"


def update_sql(kind: str) -> str:
    m = MAPPINGS[kind]
    sets = ", ".join(f"{c} = ?" for c in m.columns if c != "id")
    return f"UPDATE {m.table} SET {sets} WHERE id = ?"  # noqa: S608


def update_params(record: Record) -> tuple[Any, ...]:
    row = to_row(record)
    cols = MAPPINGS[record.KIND].columns
    return (*tuple(v for c, v in zip(cols, row, strict=True) if c != "id"), record.id)
