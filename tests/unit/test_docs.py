"""The documentation keeps up with the code: every record field is in the data dictionary and
every validation rule is in docs/validation.md."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from tipdesk.core import validation
from tipdesk.core.records import RECORD_TYPES

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.mark.parametrize("kind", sorted(RECORD_TYPES))
def test_every_field_is_in_the_data_dictionary(kind: str) -> None:
    text = (DOCS / "data-dictionary.md").read_text(encoding="utf-8")
    section = text.split(f"(`{kind}`)", 1)[1].split("\n## ", 1)[0]
    meta = text.split("## ", 1)[0]
    missing = [
        f.name
        for f in dataclasses.fields(RECORD_TYPES[kind])
        if f"`{f.name}`" not in section and f"`{f.name}`" not in meta
    ]
    assert missing == []


def test_every_validation_rule_is_documented() -> None:
    doc = validation.__doc__ or ""
    rules = set(re.findall(r"^([a-z_]+(?:\.[a-z_]+)?)\s{2,}", doc, flags=re.M)) - {"rule"}
    assert len(rules) > 20
    text = (DOCS / "validation.md").read_text(encoding="utf-8")
    assert sorted(r for r in rules if r not in text) == []
