"""Record ids: canonical lower-case UUIDv7 text, checked one at a time or a column at once."""

from __future__ import annotations

import pytest

from tipdesk.core.ids import all_ids, is_id, new_id

GOOD = "0190a000-0000-7000-8000-000000000001"


def test_new_ids_are_ids_and_sort_by_time() -> None:
    ids = [new_id() for _ in range(50)]
    assert all(is_id(i) for i in ids)
    assert all_ids(ids)
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize(
    "value",
    [
        "",
        GOOD + "\n",  # "$" would have let a final newline through
        "\n" + GOOD,
        GOOD.upper(),
        GOOD.replace("-7", "-4"),  # a UUIDv4
        GOOD[:-1],
        GOOD + "0",
        f"{GOOD}\n{GOOD}",
    ],
)
def test_near_misses_are_not_ids(value: str) -> None:
    assert not is_id(value)
    assert not all_ids([GOOD, value])


def test_all_ids_of_an_empty_column() -> None:
    assert all_ids([])
