"""Pausing Python's cyclic garbage collector during one bulk sync step.

Decoding and applying a bundle allocates millions of small objects (JSON values, records,
rows) that live until the step ends and form no reference cycles. The cyclic collector would
walk the growing heap again and again meanwhile: on a 100,000-record bundle that is more than
half of the CPU time. :func:`gc_paused` turns it off for the block and back on afterwards
(only if it was on), then lets it run once. Reference counting still frees everything as
usual; only cycle detection waits.

Contract: process-wide (the collector has no per-thread switch), so keep the block bounded to
one bulk step; nesting is harmless.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
