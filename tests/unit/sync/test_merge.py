"""Version vectors and the merge: the decision depends only on the set of versions, never on
the order they arrive in."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from tipdesk.sync.merge import (
    VV,
    Order,
    Version,
    compare,
    decide,
    digest,
    join,
    record_ref,
    row_vv,
    winner,
)

DEVICES = ("hq", "d1", "d2")
vectors = st.dictionaries(st.sampled_from(DEVICES), st.integers(1, 4), min_size=1)


def _version(vv: VV, content: str = "", *, at: str = "", here: str = "hq") -> Version:
    device = max(vv, key=lambda d: (vv[d], d))
    text = content or f"content {sorted(vv.items())}"
    return Version(
        vv=dict(vv),
        version=vv[device],
        updated_at=at or f"2026-06-01T00:00:0{vv[device]}.000Z",
        updated_device=device,
        here=device == here,
        ref=text,
        digest_of=lambda: digest([text]),
    )


@given(vectors, vectors)
def test_compare_is_antisymmetric(a: VV, b: VV) -> None:
    flipped = {Order.AFTER: Order.BEFORE, Order.BEFORE: Order.AFTER}
    assert compare(b, a) == flipped.get(compare(a, b), compare(a, b))


@given(vectors, vectors)
def test_join_is_an_upper_bound(a: VV, b: VV) -> None:
    j = join(a, b)
    assert compare(j, a) in (Order.AFTER, Order.EQUAL)
    assert compare(j, b) in (Order.AFTER, Order.EQUAL)


def test_row_vv_from_bookkeeping() -> None:
    assert row_vv(3, "d1", None) == {"d1": 3}
    assert row_vv(3, "d1", (3, '{"d1":3,"hq":2}')) == {"d1": 3, "hq": 2}
    # Local edits at HQ after sync wrote version 3 from d1:
    assert row_vv(5, "hq", (3, '{"d1":3}')) == {"d1": 3, "hq": 5}


def test_a_version_written_here_wins_over_a_later_one_from_elsewhere() -> None:
    mine = _version({"d1": 1, "hq": 2}, "hq edit", at="2026-06-01T00:00:00.000Z")
    theirs = _version({"d1": 2}, "district edit", at="2026-06-02T00:00:00.000Z")
    d = decide([mine], theirs)
    assert d.status == "merged" and d.winner is mine and d.held == (theirs,)
    assert decide([mine], _version({"d1": 1}, "older")).status == "superseded"
    assert decide([mine], _version({"d1": 1, "hq": 2}, "hq edit")).status == "duplicate"


def test_same_vector_other_contents_is_a_conflict() -> None:
    a, b = _version({"d1": 2}, "first"), _version({"d1": 2}, "restored-device copy")
    d = decide([a], b)
    assert d.status == "merged" and len(d.held) == 1


def _heads_after(order: tuple[Version, ...]) -> tuple[str, frozenset[str]]:
    heads = [order[0]]
    for v in order[1:]:
        d = decide(heads, v)
        if d.status == "merged":
            heads = [d.winner, *d.held]
    return heads[0].ref, frozenset(h.ref for h in heads[1:])


@settings(max_examples=200, deadline=None)
@given(st.lists(vectors, min_size=1, max_size=5, unique_by=lambda v: tuple(sorted(v.items()))))
def test_the_result_does_not_depend_on_arrival_order(vvs: list[VV]) -> None:
    versions = [_version(vv) for vv in vvs]
    results = {_heads_after(p) for p in itertools.permutations(versions)}
    assert len(results) == 1
    best, held = results.pop()
    # The heads are exactly the versions no other version supersedes.
    maximal = {
        v.ref
        for v in versions
        if not any(compare(w.vv, v.vv) is Order.AFTER for w in versions if w is not v)
    }
    assert {best, *held} == maximal
    assert best == winner([v for v in versions if v.ref in maximal]).ref


def test_record_refs_are_stable() -> None:
    assert record_ref("C", "case", "x", [["d1", 1]]) == record_ref("C", "case", "x", [["d1", 1]])
    assert record_ref("C", "case", "x", [["d1", 1]]) != record_ref("C", "case", "x", [["d1", 2]])
