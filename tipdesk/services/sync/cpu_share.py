"""Importer workers give way to analysts on a shared CPU (issue 20: search and lists while an
import runs).

Contract: :func:`yield_cpu` lowers the CPU priority of the **calling thread** by ``niceness``
(on Linux, where HQ's server runs, each thread has its own; threads it starts afterwards
inherit it; on other Unix systems the whole process's) and returns the niceness it now runs
at; ``0`` changes nothing. It never raises for the platform: one without priorities (Windows)
or one that refuses leaves the priority as it was and returns ``None``, and the worker imports
as before. :class:`tipdesk.services.sync.hq_inbox.ImportWorkers` calls it at the start of
each importer thread, so a receiver sharing the process (``hq serve``) keeps its priority.

Why: an import is background work, an analyst waits for a search or a list page. When the
importer workers run on the database's host, their Python work (validating, merging, building
search rows: about half of an import's CPU) competes with the analysts' server processes for
the same cores (measured by ``python -m bench hq_pg_busy``). At a lower priority the scheduler
serves the analysts first and gives the importers what is left, which on an idle machine is
everything: the import's speed is unchanged unless someone waits. Lowering one's own priority
needs no privilege; raising it back does, so a worker does it once, at its start. The
importer's own server process keeps its priority: PostgreSQL offers no way for a session to
lower it, and the worker may not renice a process of the server's OS user.

Only on a host the importers share with the database (or with analysts' desktops) does this
change anything; it never changes what is imported.
"""

from __future__ import annotations

import os

IMPORTER_NICENESS = 10
"""What ``hq import-worker`` lowers its priority by unless told otherwise (``--nice``): the
middle of the range, the usual value for batch work."""


def yield_cpu(niceness: int) -> int | None:
    """Lower the calling thread's CPU priority by ``niceness`` (0..19); the resulting
    niceness, or ``None`` where priorities cannot be changed (see the module contract)."""
    if not 0 <= niceness <= 19:
        raise ValueError("niceness is 0..19")
    nice = getattr(os, "nice", None)
    if nice is None:
        return None  # Windows
    try:
        return int(nice(niceness))
    except OSError:
        return None
