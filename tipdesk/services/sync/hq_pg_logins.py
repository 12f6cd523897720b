"""The PostgreSQL HQ's receiver and importer workers under their own database logins (issue
20, database roles; ``tipdesk hq serve --receiver-login/--importer-login``, ``tipdesk hq
import-worker --importer-login``).

Contract:
- :func:`database_as` opens the HQ install's database (its URL and CA certificate, as
  :func:`tipdesk.services.sync.hq_pg.database_of`) signing in as ``login``
  (:func:`tipdesk.hqstore.logins.as_login`: no password here). ``None`` ``login`` is the
  install's own. An HQ keeping its records in its own store is
  :class:`~tipdesk.core.errors.InvalidInput` (a login is for the PostgreSQL database).
- A login's rights are the database's to enforce (``tipdesk hq database-roles``): with the
  receiver's, the upload path may store bundles in the inbox and tell duplicates, and no
  more; with the importer's, the workers import and receipts are built, and the audit is
  appended to, never read.
"""

from __future__ import annotations

from tipdesk.core.errors import InvalidInput
from tipdesk.core.messages import say
from tipdesk.hqstore.logins import as_login
from tipdesk.hqstore.pool import HqDatabase
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_pg, hq_pg_tls
from tipdesk.services.sync.hq import DATABASE_SETTING


def database_as(session: Session, login: str | None) -> HqDatabase | None:
    """The HQ database signing in as ``login`` (see the module contract)."""
    if login is None:
        return hq_pg.database_of(session)
    url = session.store.setting(DATABASE_SETTING)
    if not url:
        raise InvalidInput(
            say(
                "The database login {login} is for an HQ keeping its records in PostgreSQL; "
                "this HQ keeps them in its own store (see `tipdesk hq database`).",
                login=repr(login),
            )
        )
    return HqDatabase(as_login(hq_pg_tls.connection_url(session, url), login))
