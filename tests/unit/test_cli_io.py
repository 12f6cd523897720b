"""tipdesk.cli.io.to_json and emit: the one place ``--json`` output is made."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from enum import Enum, StrEnum
from pathlib import Path

import pytest

from tipdesk.cli import io


class Colour(Enum):
    RED = 1


class Kind(StrEnum):
    CASE = "case"


@dataclass(frozen=True, slots=True)
class Inner:
    when: dt.date
    at: dt.datetime
    kind: Kind


@dataclass(frozen=True, slots=True)
class Outer:
    first: str = field(metadata={io.JSON_KEY: "from"})
    inner: Inner
    items: tuple[Inner, ...]
    folder: Path
    colour: Colour
    counts: dict[str, int]
    nothing: None = None


def test_dataclasses_become_objects_of_their_fields_in_order() -> None:
    moment = dt.datetime(2026, 6, 1, 10, 30, tzinfo=dt.UTC)
    inner = Inner(dt.date(2026, 6, 1), moment, Kind.CASE)
    value = Outer("a", inner, (inner,), Path("/data/out"), Colour.RED, {"b": 2, "a": 1})
    shown = {"when": "2026-06-01", "at": "2026-06-01T10:30:00+00:00", "kind": "case"}
    assert io.to_json(value) == {
        "from": "a",
        "inner": shown,
        "items": [shown],
        "folder": "/data/out",
        "colour": 1,
        "counts": {"b": 2, "a": 1},
        "nothing": None,
    }
    assert list(io.to_json(value)) == ["from", "inner", "items", "folder", "colour", "counts",
                                       "nothing"]  # fmt: skip
    assert io.to_json([value.inner, {"k": (1, 2)}]) == [shown, {"k": [1, 2]}]
    assert io.to_json(Outer) is Outer  # a class is not an instance


def test_emit_prints_json_or_the_text(capsys: pytest.CaptureFixture[str]) -> None:
    inner = Inner(dt.date(2026, 6, 1), dt.datetime(2026, 6, 1, tzinfo=dt.UTC), Kind.CASE)
    io.emit({"name": "Ayesha ٹیسٹ", "inner": inner}, True, "not this")
    out = capsys.readouterr().out
    assert json.loads(out) == {"name": "Ayesha ٹیسٹ", "inner": io.to_json(inner)}
    assert "ٹیسٹ" in out and out.startswith('{\n  "name"')
    io.emit(inner, False, lambda: "the text")
    assert capsys.readouterr().out == "the text\n"
