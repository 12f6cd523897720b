"""Masking of victims' identifying details.

Lists and editors show a victim's identifying fields masked; revealing needs a permission and a
reason and is audited (see :mod:`tipdesk.services.records`). A masked value saved back is
recognised by :func:`is_masked` and the stored value is kept, so masking never destroys data.
"""

from __future__ import annotations

import dataclasses

from tipdesk.core.records import Victim

MASK = "••••••"


def is_masked(value: str) -> bool:
    return value == MASK


def masked(victim: Victim) -> Victim:
    """A copy of ``victim`` with every non-empty identifying field replaced by :data:`MASK`."""
    copy = dataclasses.replace(victim, referrals=list(victim.referrals))
    for name in Victim.IDENTIFYING:
        if getattr(copy, name):
            setattr(copy, name, MASK)
    return copy


def unmask_from(victim: Victim, stored: Victim) -> None:
    """Put the stored value back into every identifying field that is still masked."""
    for name in Victim.IDENTIFYING:
        if is_masked(getattr(victim, name)):
            setattr(victim, name, getattr(stored, name))
