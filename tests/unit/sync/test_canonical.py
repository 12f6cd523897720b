"""Canonical JSON and the strict parser for untrusted JSON."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tipdesk.sync.canonical import Malformed, b64, canonical, strict_loads, unb64

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
    max_leaves=20,
)


def test_keys_sorted_no_spaces_utf8() -> None:
    assert canonical({"b": 1, "a": ["ü", None, True]}) == '{"a":["ü",null,true],"b":1}'.encode()


def test_floats_are_refused() -> None:
    with pytest.raises(TypeError):
        canonical({"x": 1.5})


@given(json_values)
def test_canonical_round_trips_and_is_stable(value: object) -> None:
    data = canonical(value)
    assert strict_loads(data) == value
    assert canonical(strict_loads(data)) == data


@pytest.mark.parametrize(
    "text",
    [b'{"a":1,"a":2}', b"[NaN]", b"[Infinity]", b"[1.5]", b"\xff", b"{", b""],
)
def test_strict_loads_refuses(text: bytes) -> None:
    with pytest.raises(Malformed):
        strict_loads(text)


def test_base64_lengths_are_checked() -> None:
    assert unb64(b64(b"\x01" * 32), 32) == b"\x01" * 32
    for bad in ("not base64!", b64(b"\x01" * 31), 5):
        with pytest.raises(Malformed):
            unb64(bad, 32)
