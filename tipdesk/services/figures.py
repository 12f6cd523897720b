"""The office's headline figures (``tipdesk stats`` and the dashboard)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tipdesk.core.permissions import Permission
from tipdesk.services.session import Session
from tipdesk.store import queries


def stats(session: Session, date_from: dt.date | None, date_to: dt.date | None) -> dict[str, Any]:
    """Headline figures for an inclusive period (default: everything up to today).

    ``period.from`` is ``None`` when no start was given."""
    session.require(Permission.VIEW)
    start = date_from.isoformat() if date_from else None
    end = (date_to or session.clock.now().date()).isoformat()
    # ISO dates sort as text, so "0000-01-01" is before every real date.
    figures = queries.headline(session.store, start or "0000-01-01", end)
    return {"period": {"from": start, "to": end}, **figures}
