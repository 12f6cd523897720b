"""Read-only look-ups that help an officer enter records: the victim codes already used under a
prefix (to suggest the next one).

Contract: SELECT only, through :meth:`Store.query`, on the store's thread. Deleted records
count too: a code once given is never suggested again.
"""

from __future__ import annotations

from tipdesk.store.store import Store


def victim_codes_starting(store: Store, prefix: str) -> list[str]:
    """Every victim code (deleted victims' too) that starts with ``prefix``, through the
    ``victims_code`` index (a range, not a LIKE)."""
    rows = store.query(
        "SELECT victim_code FROM victims WHERE victim_code >= ? AND victim_code < ?",
        (prefix, prefix + "\U0010ffff"),
    )
    return [str(r[0]) for r in rows]
