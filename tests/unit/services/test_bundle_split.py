"""Cutting an export into bundles (services/sync/bundle_split.py): consecutive ranges, every
record once, in the bundle whose range holds its latest change, at most the limit each, and
cases kept whole when their changes lie together."""

from __future__ import annotations

import itertools
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from tipdesk.core.records import Campaign
from tipdesk.services.sync.bundle_split import Entry, Slice, cut


def _entries(units: list[int], positions: list[int]) -> list[Entry]:
    return [
        Entry(p, i, Campaign(title=f"c{i}"), {}, ("case", str(u)))
        for i, (u, p) in enumerate(zip(units, positions, strict=True))
    ]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(0, 8), min_size=1, max_size=40),
    st.integers(1, 12),
    st.randoms(use_true_random=False),
    st.lists(st.integers(1, 200), max_size=5, unique=True),
)
def test_slices_cover_the_export_exactly(
    units: list[int], limit: int, rnd: random.Random, extra: list[int]
) -> None:
    positions = list(range(1, len(units) + 1))
    rnd.shuffle(positions)
    positions = [p * 3 for p in positions]  # gaps between changes, for not_sent ones
    not_sent = sorted({p * 3 - 1 for p in positions[: len(extra)]})
    through = max([*positions, *not_sent])
    whole = Slice(0, through, _entries(units, positions), not_sent)
    slices = cut(whole, limit)
    assert slices[0].after == 0 and slices[-1].through == through
    for a, b in itertools.pairwise(slices):
        assert a.through == b.after
    assert sorted(e.order for s in slices for e in s.entries) == list(range(len(units)))
    assert sorted(p for s in slices for p in s.not_sent) == not_sent
    for s in slices:
        assert len(s.entries) <= max(limit, 1) or len(slices) == 1
        got = [e.position for e in s.entries] + s.not_sent
        assert all(s.after < p <= s.through for p in got)
        assert max(got) == s.through
        assert [e.order for e in s.entries] == sorted(e.order for e in s.entries)


def test_a_case_whose_changes_lie_together_is_never_cut() -> None:
    # Five cases of four records each, changed one after another.
    units = [u for u in range(5) for _ in range(4)]
    whole = Slice(0, 20, _entries(units, list(range(1, 21))))
    slices = cut(whole, 6)
    for s in slices:
        cases = {e.unit for e in s.entries}
        assert all(sum(e.unit == c for e in whole.entries) == sum(e.unit == c for e in s.entries)
                   for c in cases)  # fmt: skip
