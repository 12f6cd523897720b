"""Audit anchors at HQ (tipdesk.sync.anchor): what a head and a proof say against a device's
history, bundles arriving in any order, flagged anchors never trusted again."""

from __future__ import annotations

from tipdesk.sync.anchor import BACKWARDS, FORK, Anchor, check, echo

A, B, C = "a" * 64, "b" * 64, "c" * 64


def test_a_head_that_extends_the_history_is_fine() -> None:
    history = [Anchor(1, 10, A), Anchor(2, 14, B)]
    assert check(history, 3, (20, C), (14, B)).problem == ""
    assert check([], 1, (0, ""), (0, "")).problem == ""  # a first bundle, an empty log


def test_bundles_arriving_out_of_order_are_not_flagged() -> None:
    # Bundle 3 (made later, more entries) arrived before bundle 2.
    history = [Anchor(1, 10, A), Anchor(3, 30, C)]
    assert check(history, 2, (20, B), (0, "")).problem == ""
    found = check(history, 2, (35, B), (0, ""))  # more entries than bundle 3, made later
    assert found.problem == BACKWARDS and "bundle 3" in found.message


def test_fewer_entries_than_before_is_backwards() -> None:
    history = [Anchor(1, 70, A)]
    found = check(history, 2, (0, ""), (0, ""))
    assert found.problem == BACKWARDS and "70" in found.message


def test_an_anchored_entry_with_another_hash_is_a_fork() -> None:
    history = [Anchor(1, 10, A)]
    assert check(history, 2, (10, B), (0, "")).problem == FORK
    # The head passed the anchor, but the proof shows entry 10 changed.
    assert check(history, 2, (25, C), (10, B)).problem == FORK
    # The proof shows entry 10 is gone.
    assert check(history, 2, (25, C), (10, "")).problem == BACKWARDS
    # A proof of an entry HQ never anchored proves nothing either way.
    assert check(history, 2, (25, C), (9, B)).problem == ""


def test_a_flagged_anchor_is_kept_but_never_trusted() -> None:
    history = [Anchor(1, 10, A), Anchor(2, 12, B, FORK)]
    assert check(history, 3, (12, C), (10, A)).problem == ""  # not compared with bundle 2
    assert echo(history) == (10, A)
    assert echo([Anchor(1, 0, "")]) is None
    assert echo([Anchor(1, 10, A), Anchor(2, 10, A), Anchor(3, 9, B)]) == (10, A)
