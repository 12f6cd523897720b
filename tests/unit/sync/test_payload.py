"""The bundle payload: records survive the trip exactly; bad values are named per record
(for the quarantine), a damaged structure refuses the whole payload."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tipdesk.core.ids import new_id
from tipdesk.core.records import Case, Record, to_dict
from tipdesk.resources import load_reference
from tipdesk.services.demo import generate
from tipdesk.sync import payload
from tipdesk.sync.codec import FIELDS, record_digest, row_values
from tipdesk.sync.errors import DamagedFile

DEVICE = new_id()


def _flatten(record: Record) -> list[Record]:
    out = [record]
    if isinstance(record, Case):
        out += record.accused
        for v in record.victims:
            out += [v, *v.referrals]
    return out


def _records(seed: int = 1, cases: int = 6) -> dict[str, list[tuple[Record, dict[str, int]]]]:
    data = generate(load_reference(), seed=seed, cases=cases, district="PB-LHR",
                    offices=["FIA-AHTC-LHR"], today=dt.date(2026, 6, 1))  # fmt: skip
    by_kind: dict[str, list[tuple[Record, dict[str, int]]]] = {}
    for top in data.records():
        for r in _flatten(top):
            r.id = new_id()
            r.created_at = r.updated_at = "2026-06-01T00:00:00.000Z"
            r.created_by = r.updated_by = "officer1"
            r.origin_device = r.updated_device = DEVICE
            r.version = 1
            by_kind.setdefault(r.KIND, []).append((r, {DEVICE: 1}))
    for r, _ in by_kind.get("accused", []):
        r.case_id = by_kind["case"][0][0].id
    for r, _ in by_kind.get("victim", []):
        r.case_id = None
    for r, _ in by_kind.get("referral", []):
        r.victim_id = by_kind["victim"][0][0].id
    return by_kind


def _plain(record: Record) -> dict[str, Any]:
    return to_dict(record, children=False)


@settings(max_examples=10, deadline=None)
@given(st.integers(0, 10_000))
def test_records_survive_the_trip(seed: int) -> None:
    records = _records(seed)
    data, counts = payload.encode(DEVICE, 4, records)
    got = payload.decode(data)
    assert (got.device, got.seq) == (DEVICE, 4)
    assert got.counts() == counts == {k: len(v) for k, v in records.items()}
    for kind, items in records.items():
        rows = got.rows[kind]
        for (want, vv), row in zip(items, rows, strict=True):
            assert row.problems == [] and row.record is not None
            assert _plain(row.record) == _plain(want)
            assert row.vv == vv and row.digest == record_digest(want)
            assert row.db is not None and len(row.db) == len(FIELDS[kind])


def test_repeated_values_are_dictionary_encoded() -> None:
    data, _ = payload.encode(DEVICE, 1, _records(cases=20))
    block = json.loads(data)["records"]["accused"]
    column = block["columns"][block["fields"].index("updated_device")]
    assert column == {"index": [0] * block["count"], "values": [DEVICE]}


def _doc(records: dict[str, list[tuple[Record, dict[str, int]]]]) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(payload.encode(DEVICE, 1, records)[0])
    return doc


def _plain_columns(block: dict[str, Any]) -> None:
    """Undo dictionary encoding so a test can edit single values."""
    n = block["count"]
    for i, col in enumerate(block["columns"]):
        if isinstance(col, dict):
            block["columns"][i] = [col["values"][j] for j in col["index"]]
    assert all(len(c) == n for c in block["columns"])


def test_a_bad_value_is_named_for_that_record_only() -> None:
    records = {"training": [(r, vv) for r, vv in _records(cases=12)["training"]]}
    doc = _doc(records)
    block = doc["records"]["training"]
    _plain_columns(block)
    fields = block["fields"]
    block["columns"][fields.index("participants_total")][1] = "twenty"
    block["columns"][fields.index("start_on")][2] = "2026-02-30"
    got = payload.decode(json.dumps(doc).encode())
    rows = got.rows["training"]
    assert rows[0].record is not None and rows[0].problems == []
    assert rows[1].record is None and [p.field for p in rows[1].problems] == ["participants_total"]
    assert rows[2].record is None and rows[2].problems[0].rule == "type"
    assert "twenty" not in rows[1].problems[0].message  # messages never quote values


def test_inconsistent_version_vectors_are_named() -> None:
    records = _records()
    records = {"campaign": [(r, {"another-device": 3}) for r, _ in records["campaign"]]}
    got = payload.decode(payload.encode(DEVICE, 1, records)[0])
    assert all(r.record is None and r.problems[-1].rule == "sync.version"
               for r in got.rows["campaign"])  # fmt: skip


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.pop("bundle"),
        lambda d: d["records"].update({"spaceship": {}}),
        lambda d: d["records"]["case"].update({"count": -1}),
        lambda d: d["records"]["case"]["fields"].reverse() or d["records"]["case"]["fields"].pop(),
        lambda d: d["records"]["case"]["columns"].pop(),
        lambda d: d["records"]["case"].update({"vv": {"index": [9], "values": []}}),
        lambda d: d["records"]["case"]["columns"].__setitem__(0, [new_id()] * 99),
    ],
)
def test_a_damaged_structure_refuses_the_payload(damage: Any) -> None:
    doc = _doc(_records())
    damage(doc)
    with pytest.raises(DamagedFile, match="not in the expected form"):
        payload.decode(json.dumps(doc).encode())


def test_not_json_at_all() -> None:
    for data in (b"", b"\xff", b"[1.5]", b'{"bundle": NaN}'):
        with pytest.raises(DamagedFile):
            payload.decode(data)


def test_fields_may_come_in_any_order() -> None:
    records = _records()
    doc = _doc(records)
    block = doc["records"]["case"]
    block["fields"].reverse()
    block["columns"].reverse()
    got = payload.decode(json.dumps(doc).encode())
    assert [row_values(r.record) for r in got.rows["case"] if r.record] == [
        row_values(r) for r, _ in records["case"]
    ]


def test_cases_without_an_offence_date_field_are_read_as_not_recorded() -> None:
    """A district still on a TIPDesk older than the offence date sends no ``offence_on``: HQ
    reads those cases with none (the registration date then stands in for it)."""
    records = _records()
    for case, _ in records["case"]:
        case.offence_on = dt.date(2026, 1, 2)
    doc = _doc(records)
    block = doc["records"]["case"]
    at = block["fields"].index("offence_on")
    assert block["columns"][at] == {"index": [0] * block["count"], "values": ["2026-01-02"]}
    with_field = payload.decode(json.dumps(doc).encode())
    assert [r.record.offence_on for r in with_field.rows["case"] if r.record] == [
        dt.date(2026, 1, 2)
    ] * block["count"]
    del block["fields"][at], block["columns"][at]
    without = payload.decode(json.dumps(doc).encode())
    rows = without.rows["case"]
    assert all(r.record is not None and r.problems == [] for r in rows)
    assert [r.record.offence_on for r in rows if r.record] == [None] * block["count"]
    assert [r.values[FIELDS["case"].index("offence_on")] for r in rows] == [None] * len(rows)


@pytest.mark.parametrize("name", ["registered_on", "law", "id"])
def test_only_optional_fields_may_be_left_out(name: str) -> None:
    doc = _doc(_records())
    block = doc["records"]["case"]
    at = block["fields"].index(name)
    del block["fields"][at], block["columns"][at]
    with pytest.raises(DamagedFile, match="not in the expected form"):
        payload.decode(json.dumps(doc).encode())


def test_a_field_named_twice_is_damage() -> None:
    doc = _doc(_records())
    block = doc["records"]["case"]
    at = block["fields"].index("offence_on")
    block["fields"][at] = "registered_on"
    with pytest.raises(DamagedFile, match="not in the expected form"):
        payload.decode(json.dumps(doc).encode())
