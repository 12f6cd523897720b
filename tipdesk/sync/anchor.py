"""Audit anchors: what HQ can tell about a district's audit log from the heads its bundles
carry, and the proof a district gives with each bundle.

Every bundle carries the district's audit chain **head** (last entry number and its hash). HQ
keeps each device's heads (its *anchors*) and echoes the highest one back in every receipt;
the district's next bundle carries the **proof**: the hash its chain has *now* at that entry.
From these alone HQ finds

- a head that went **backwards**: fewer entries than a bundle made before it (or more than
  one made after it), or a proof saying the anchored entry is gone: entries were removed;
- a **fork**: an entry number HQ anchored with another hash, in a head or in a proof: the log
  was rewritten (a chain re-hashed with entries dropped keeps growing, but the entry HQ
  anchored is no longer the same).

A rewrite made *after* HQ's last anchor and before the next bundle, of entries HQ never saw,
cannot be seen from heads; ``tipdesk audit verify`` at the district compares the chain with
HQ's anchor too. A district that lies in its bundles (it holds its own signing key) is caught
the next time its log is checked against HQ's anchor.

Pure functions; anchors already flagged are kept as evidence but never trusted again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

BACKWARDS = "backwards"
FORK = "fork"


@dataclass(frozen=True, slots=True)
class Anchor:
    """A head HQ recorded: the bundle that carried it, the entry number and hash, and the
    problem HQ found with it ("" when none)."""

    bundle: int
    entry: int
    hash: str
    problem: str = ""


@dataclass(frozen=True, slots=True)
class AnchorCheck:
    """What HQ found about one bundle's audit head: ``problem`` is "" (the head extends what
    HQ holds), ``backwards`` or ``fork``; ``message`` says it in one line."""

    head: tuple[int, str]
    problem: str = ""
    message: str = ""


def check(
    history: Sequence[Anchor], bundle: int, head: tuple[int, str], proof: tuple[int, str]
) -> AnchorCheck:
    """Check the ``head`` and ``proof`` (entry and the hash the district's chain has there now;
    entry 0: no proof) that bundle number ``bundle`` carried against the device's ``history``
    (see the module docstring)."""
    trusted = [a for a in history if not a.problem and a.bundle != bundle]
    n, h = head
    for a in trusted:
        if n and a.entry == n and a.hash != h:
            return _fork(head, n, a)
    p_entry, p_hash = proof
    if p_entry:
        anchored = next((a for a in trusted if a.entry == p_entry), None)
        if anchored is not None and p_hash != anchored.hash:
            if not p_hash:
                return AnchorCheck(
                    head,
                    BACKWARDS,
                    f"the audit log no longer has entry #{p_entry:,}, which HQ anchored with "
                    f"bundle {anchored.bundle}: entries were removed",
                )
            return _fork(head, p_entry, anchored)
    before = [a for a in trusted if a.bundle < bundle and a.entry > n]
    if before:
        a = max(before, key=lambda a: a.entry)
        return AnchorCheck(
            head,
            BACKWARDS,
            f"the audit log had {a.entry:,} entries at bundle {a.bundle} and {n:,} at bundle "
            f"{bundle}: entries were removed",
        )
    after = [a for a in trusted if a.bundle > bundle and a.entry < n]
    if after:
        a = min(after, key=lambda a: a.entry)
        return AnchorCheck(
            head,
            BACKWARDS,
            f"the audit log had {n:,} entries at bundle {bundle} and {a.entry:,} at bundle "
            f"{a.bundle}, made later: entries were removed",
        )
    return AnchorCheck(head)


def _fork(head: tuple[int, str], entry: int, anchored: Anchor) -> AnchorCheck:
    return AnchorCheck(
        head,
        FORK,
        f"entry #{entry:,} of the audit log is not the one HQ anchored with bundle "
        f"{anchored.bundle}: the log was rewritten",
    )


def echo(history: Sequence[Anchor]) -> tuple[int, str] | None:
    """The anchor a receipt carries back: HQ's highest trusted anchor (the first recorded of
    that entry), or None while HQ holds none with an entry."""
    trusted = [a for a in history if not a.problem and a.entry > 0]
    if not trusted:
        return None
    best = max(trusted, key=lambda a: (a.entry, -a.bundle))
    return best.entry, best.hash
