"""What HQ has received from one device, from the bundles it imported: the highest sequence
number received without gaps, the change-log position everything is known up to, and gaps.

Bundles are at-least-once: each one covers the change-log range ``(after, through]`` where
``after`` is what HQ had acknowledged when it was made, so ranges overlap and a lost bundle is
*covered* once a later bundle starting at or before its start has arrived. A missing sequence
number is a gap only while its changes are not covered. Pure functions, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Progress:
    """``contiguous_seq``: every bundle up to it was received or is covered.
    ``acked_change``: every change up to it was received. ``gaps``: bundles still missing."""

    highest_seq: int = 0
    contiguous_seq: int = 0
    acked_change: int = 0
    gaps: list[int] = field(default_factory=list)


def progress(bundles: Iterable[tuple[int, int, int]]) -> Progress:
    """``bundles``: (seq, after, through) of every bundle received from one device."""
    received = {seq: (after, through) for seq, after, through in bundles}
    if not received:
        return Progress()
    covered_to = 0
    for after, through in sorted(received.values()):
        if after > covered_to:
            break
        covered_to = max(covered_to, through)
    highest = max(received)
    gaps: list[int] = []
    contiguous = 0
    settled_so_far = True
    for k in range(1, highest + 1):
        settled = k in received or _covered(k, received, covered_to)
        if not settled:
            gaps.append(k)
        if settled and settled_so_far:
            contiguous = k
        else:
            settled_so_far = False
    return Progress(highest, contiguous, covered_to, gaps)


def _covered(seq: int, received: dict[int, tuple[int, int]], covered_to: int) -> bool:
    # A later bundle holds every change of this one; if that later bundle's changes are all
    # held, so are this one's.
    later = [through for s, (_after, through) in received.items() if s > seq]
    return bool(later) and min(later) <= covered_to
