"""Per-device progress at HQ: coverage of the change log, contiguous sequence, gaps."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tipdesk.sync.status import Progress, progress


def test_nothing_received() -> None:
    assert progress([]) == Progress()


def test_in_order() -> None:
    p = progress([(1, 0, 5), (2, 5, 9)])
    assert (p.highest_seq, p.contiguous_seq, p.acked_change, p.gaps) == (2, 2, 9, [])


def test_a_lost_bundle_covered_by_a_later_one_is_not_a_gap() -> None:
    # Bundle 2 never arrived, but bundle 3 started where HQ's receipt left off before it.
    p = progress([(1, 0, 5), (3, 0, 12)])
    assert (p.contiguous_seq, p.acked_change, p.gaps) == (3, 12, [])
    p = progress([(1, 0, 5), (3, 5, 12)])
    assert (p.contiguous_seq, p.acked_change, p.gaps) == (3, 12, [])


def test_a_gap_is_reported_until_it_arrives() -> None:
    p = progress([(1, 0, 5), (3, 9, 12)])
    assert (p.highest_seq, p.contiguous_seq, p.acked_change, p.gaps) == (3, 1, 5, [2])
    p = progress([(1, 0, 5), (3, 9, 12), (2, 5, 9)])
    assert (p.contiguous_seq, p.acked_change, p.gaps) == (3, 12, [])


def test_any_order() -> None:
    bundles = [(1, 0, 5), (2, 5, 9), (3, 9, 12)]
    assert progress(bundles) == progress(reversed(bundles))


def _by_definition(bundles: list[tuple[int, int, int]]) -> list[int]:
    """Gaps as the module defines them, computed the slow, obvious way."""
    received = {s: (a, t) for s, a, t in bundles}
    covered_to = 0
    for a, t in sorted(received.values()):
        if a > covered_to:
            break
        covered_to = max(covered_to, t)
    gaps = []
    for k in range(1, max(received, default=0) + 1):
        later = [t for s, (_a, t) in received.items() if s > k]
        if k not in received and not (later and min(later) <= covered_to):
            gaps.append(k)
    return gaps


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(1, 30), st.integers(0, 40), st.integers(0, 20)),
        max_size=12,
        unique_by=lambda b: b[0],
    )
)
def test_gaps_match_their_definition(raw: list[tuple[int, int, int]]) -> None:
    bundles = [(s, a, a + d) for s, a, d in raw]
    assert progress(bundles).gaps == _by_definition(bundles)
