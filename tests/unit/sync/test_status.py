"""Per-device progress at HQ: coverage of the change log, contiguous sequence, gaps."""

from __future__ import annotations

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
