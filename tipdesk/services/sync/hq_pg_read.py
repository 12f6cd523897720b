"""What HQ's analysts read from the PostgreSQL HQ database: search (issue 20, the analysts).

Contract: :func:`search` finds what :func:`tipdesk.services.records.search` finds on the
SQLCipher HQ for the same records (:mod:`tipdesk.hqstore.search`): the same permission
(``VIEW``), and victims' identities searched (through their keyed word hashes) only for users
who may reveal them. Read only; each call borrows a pooled connection and ends its
transaction.
"""

from __future__ import annotations

from tipdesk.core.permissions import Permission
from tipdesk.hqstore import search as pg_search
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.services.session import Session
from tipdesk.store.search import SearchHit


def search(session: Session, db: HqDatabase, text: str, limit: int = 50) -> list[SearchHit]:
    """Full-text search of the PostgreSQL HQ database (see the module contract)."""
    session.require(Permission.VIEW)
    terms = None
    if session.can(Permission.REVEAL_IDENTITY):
        # The keyed hashes are made with the HQ install's index key (the one PostgreSQL's
        # victim_terms were written with: hq_pg.link copies it).
        terms = session.store.vault.search_terms(text)
    with db.connection() as conn:
        try:
            return pg_search.search(conn, text, identity_terms=terms, limit=limit)
        finally:
            conn.rollback()
