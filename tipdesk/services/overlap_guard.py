"""Repeated victim/accused overlap hits by users who may not see identities: audited and
slowed down.

Why: the non-criminalisation check tells whoever records an accused that the accused may be
one of the case's victims. For a user without the ``reveal_identity`` permission that notice
is an oracle: typing guessed CNICs or names as accused (one by one, or 5,000 rows of an Accused
sheet) would tell which guess is a victim's. The notice names the victim by code only and never
the field that matched (:func:`tipdesk.core.dual_role.problems`); this module makes guessing
visible and slow.

Contract: :func:`note_hits` is called by every service that reports overlap problems (saving
and checking records, the register dry run and import) with the number of overlaps found. For
users who may reveal identities it does nothing. Otherwise it writes one ``dual_role.hit``
audit entry (counts only, never values) and, once the user had more than
:data:`FREE_HITS` hits in the last :data:`WINDOW_SECONDS` (counted from the audit log, so
signing in again does not reset it), waits ``2 ** (hits - FREE_HITS)`` seconds, at most
:data:`MAX_DELAY`, before returning. Runs on the store's thread.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable

from tipdesk.core.clock import iso_timestamp
from tipdesk.core.errors import Problem
from tipdesk.core.permissions import Permission
from tipdesk.services.session import Session

ACTION = "dual_role.hit"
FREE_HITS = 3
WINDOW_SECONDS = 3600
MAX_DELAY = 30.0

sleep: Callable[[float], None] = time.sleep
"""How the delay is spent (tests replace it to see the delays without waiting)."""


def count(problems: Iterable[Problem]) -> int:
    """The overlap notices among ``problems`` (rules ``dual_role`` and ``dual_role.*``)."""
    return sum(1 for p in problems if p.rule == "dual_role" or p.rule.startswith("dual_role."))


def delay_for(hits: int) -> float:
    """Seconds to wait after ``hits`` overlaps in the window."""
    if hits <= FREE_HITS:
        return 0.0
    return min(2.0 ** min(hits - FREE_HITS, 16), MAX_DELAY)


def note_hits(session: Session, hits: int, where: str) -> float:
    """Audit and slow down ``hits`` overlap notices shown to ``session``'s user (see the module
    contract); returns the seconds waited."""
    if hits <= 0 or session.can(Permission.REVEAL_IDENTITY):
        return 0.0
    since = iso_timestamp(session.clock.now() - dt.timedelta(seconds=WINDOW_SECONDS))
    rows = session.store.query(
        "SELECT coalesce(sum(json_extract(detail, '$.hits')), 0) FROM audit "
        "WHERE action = ? AND user = ? AND at >= ?",
        (ACTION, session.user.name, since),
    )
    total = int(rows[0][0]) + hits
    session.audit(ACTION, hits=hits, where=where, in_last_hour=total)
    wait = delay_for(total)
    if wait > 0:
        sleep(wait)
    return wait
