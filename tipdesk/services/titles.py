"""What names a record to people where a list, a receipt or the audit log has only its id: a
case's number, a victim's code (never a victim's name), an accused's name, a referral's service
code, a training's or campaign's title (:data:`tipdesk.core.records.TITLE_FIELDS`).

Contract: read-only; callers check their own permissions (a title is no more than the record
lists show to anyone who may view records).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from tipdesk.core.records import TITLE_FIELDS
from tipdesk.services.session import Session


def record_title(kind: str, values: Mapping[str, Any]) -> str:
    """The title (:data:`~tipdesk.core.records.TITLE_FIELDS`) of a record given as a field
    mapping (``""`` when it has none)."""
    return str(values.get(TITLE_FIELDS.get(kind, ""), "") or "")


def record_titles(session: Session, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Titles of the stored records ``keys`` ((kind, id); deleted ones too); records this
    install does not hold, and kinds without titles, are left out."""
    from tipdesk.services import pg_route  # it imports the sync services, which import this

    if pg_route.routed(session):  # an HQ keeping its records in PostgreSQL (issue 20)
        from tipdesk.services.sync import hq_pg_records  # the PostgreSQL driver, only when used

        with hq_pg_records.session_on(session) as routed:
            return record_titles(routed, keys)
    by_kind: dict[str, list[str]] = {}
    for kind, record_id in keys:
        if kind in TITLE_FIELDS:
            by_kind.setdefault(kind, []).append(record_id)
    return {
        (kind, record_id): title
        for kind, ids in by_kind.items()
        for record_id, title in session.store.titles(kind, ids).items()
    }
