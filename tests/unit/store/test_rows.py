"""Mapping records to rows and back, for every record kind, with generated values."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import types
import typing
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tipdesk.core.codes import Gender, Stage
from tipdesk.core.ids import new_id
from tipdesk.core.records import (
    CHILDREN,
    META_FIELDS,
    RECORD_TYPES,
    Campaign,
    Case,
    Record,
    Training,
    Victim,
)
from tipdesk.store import rows
from tipdesk.store.rows import MAPPINGS, TABLES, from_row, insert_sql, select_columns, to_row
from tipdesk.store.store import Store

KINDS = sorted(TABLES)
INT64 = st.integers(min_value=-(2**63), max_value=2**63 - 1)


def _strategy(hint: Any) -> st.SearchStrategy[Any]:
    """Values of any type a record field can have (driven by the type hints, so new fields
    are covered without touching this test)."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        inner = next(a for a in args if a is not type(None))
        return st.none() | _strategy(inner)
    if origin is list:
        return st.lists(_strategy(args[0]), max_size=4)
    if origin is dict:
        return st.dictionaries(st.text(max_size=8), _strategy(args[1]), max_size=4)
    if hint is dt.date:
        return st.dates()
    if hint is bool:
        return st.booleans()
    if hint is int:
        return INT64
    if hint is str:
        return st.text(max_size=30)
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        return st.sampled_from(list(hint))
    raise TypeError(f"no strategy for {hint!r}")


def records(kind: str) -> st.SearchStrategy[Record]:
    cls = RECORD_TYPES[kind]
    hints = typing.get_type_hints(cls)
    fields = {name: _strategy(hints[name]) for name in MAPPINGS[kind].columns}
    return st.fixed_dictionaries(fields).map(lambda kw: cls(**kw))


def test_columns_are_the_record_fields_without_children() -> None:
    for kind, cls in RECORD_TYPES.items():
        names = [f.name for f in dataclasses.fields(cls)]
        kids = CHILDREN.get(kind, ())
        assert list(MAPPINGS[kind].columns) == [n for n in names if n not in kids]
        assert set(META_FIELDS) <= set(MAPPINGS[kind].columns)
    assert "accused" not in MAPPINGS["case"].columns
    assert "victims" not in MAPPINGS["case"].columns
    assert "referrals" not in MAPPINGS["victim"].columns


def test_every_column_exists_in_the_schema(store: Store) -> None:
    """A field added to a record without a migration step is caught here."""
    for kind, m in MAPPINGS.items():
        table_cols = [r[1] for r in store.query(f"PRAGMA table_info({m.table})")]
        assert sorted(table_cols) == sorted(m.columns), kind


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_round_trip_in_memory(kind: str, data: st.DataObject) -> None:
    record = data.draw(records(kind))
    row = to_row(record)
    assert len(row) == len(MAPPINGS[kind].columns)
    back = from_row(kind, row)
    assert type(back) is type(record)
    assert back == record


def test_storage_forms() -> None:
    """Dates as YYYY-MM-DD, booleans 0/1, enums by value, lists and dicts as compact JSON."""
    case = Case(
        case_number="FIR 9/2025",
        registered_on=dt.date(2025, 1, 2),
        transnational=True,
        stage=Stage.CHALLAN,
        sections=["3", "Ü"],
        route_countries=[],
    )
    values = dict(zip(MAPPINGS["case"].columns, to_row(case), strict=True))
    assert values["registered_on"] == "2025-01-02"
    assert values["transnational"] == 1
    assert values["official_involvement"] == 0
    assert values["stage"] == "challan"
    assert values["sections"] == '["3","Ü"]'
    assert values["route_countries"] == "[]"
    assert values["deleted"] == 0

    training = Training(participants_by_agency={"police": 8, "fia": 12})
    values = dict(zip(MAPPINGS["training"].columns, to_row(training), strict=True))
    assert values["participants_by_agency"] == '{"fia":12,"police":8}'
    assert values["start_on"] is None

    victim = Victim(gender=Gender.TRANSGENDER, age=None, date_of_birth=None, case_id=None)
    values = dict(zip(MAPPINGS["victim"].columns, to_row(victim), strict=True))
    assert values["gender"] == "transgender"
    assert values["age"] is None
    assert values["case_id"] is None
    assert json.loads(values["exploitation_forms"]) == []


def test_update_sql_and_params_put_the_id_last() -> None:
    c = Campaign(id="some-id", title="A title", people_reached=5)
    sql = rows.update_sql("campaign")
    params = rows.update_params(c)
    assert sql.endswith("WHERE id = ?")
    assert sql.count("?") == len(params)
    assert params[-1] == "some-id"
    assert "id = ?," not in sql.split("WHERE")[0]


# --- through a real encrypted database -----------------------------------------------------------


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path: Path = tmp_path_factory.mktemp("rows") / "t.db"
    s = Store.create(path, os.urandom(32))
    # Rows are written one table at a time here, without their parents.
    s.query("PRAGMA foreign_keys = OFF")
    yield s
    s.close()


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_round_trip_through_the_database(db: Store, kind: str, data: st.DataObject) -> None:
    record = data.draw(records(kind))
    record.id = new_id()
    db.query(insert_sql(kind), to_row(record))
    table = TABLES[kind]
    found = db.query(
        f"SELECT {select_columns(kind)} FROM {table} WHERE id = ?",  # noqa: S608
        (record.id,),
    )
    assert len(found) == 1
    assert from_row(kind, found[0]) == record


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_builder_makes_the_record_the_constructor_makes(kind: str, data: st.DataObject) -> None:
    """``records.builder`` (the HQ import's fast constructor) gives exactly ``cls(**values)``:
    same fields, children lists empty and not shared between records."""
    from tipdesk.core.records import builder, record_fields

    cls = RECORD_TYPES[kind]
    record = data.draw(records(kind))
    names = record_fields(cls)
    values = [getattr(record, n) for n in names]
    build = builder(cls)
    made = build(values)
    assert type(made) is cls
    assert made == cls(**dict(zip(names, values, strict=True)))
    for kid in CHILDREN.get(kind, ()):
        assert getattr(made, kid) == []
        assert getattr(made, kid) is not getattr(build(values), kid)
    with pytest.raises(ValueError):
        build(values[:-1])
