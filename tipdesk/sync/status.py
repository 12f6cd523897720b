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
    # A missing bundle is covered when a later bundle holds every change of it and that later
    # bundle's changes are all held: the least ``through`` of the bundles after it (a suffix
    # minimum, so the walk below stays linear however many bundles a device sent).
    least_later: dict[int, int] = {}
    least = None
    for seq in sorted(received, reverse=True):
        least_later[seq] = least if least is not None else -1
        through = received[seq][1]
        least = through if least is None else min(least, through)
    gaps: list[int] = []
    contiguous = 0
    settled_so_far = True
    later = least if least is not None else -1  # for numbers below every bundle received
    for k in range(1, highest + 1):
        if k in received:
            later = least_later[k]
            settled = True
        else:
            settled = 0 <= later <= covered_to
        if not settled:
            gaps.append(k)
        if settled and settled_so_far:
            contiguous = k
        else:
            settled_so_far = False
    return Progress(highest, contiguous, covered_to, gaps)
