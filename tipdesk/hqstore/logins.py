"""Signing in to the PostgreSQL HQ as another login role than the install's (issue 20,
database roles): the receiver as a member of ``tipdesk_receiver``, importer workers as a
member of ``tipdesk_importer`` (:mod:`tipdesk.hqstore.roles`).

Contract:
- :func:`as_login` is the install's connection string (its address, database, TLS settings
  and CA kept) with only the user changed. A login name is a plain PostgreSQL role name
  (letters, digits, ``_``, ``$``, ``-``; at most 63 bytes): anything else is
  :class:`~tipdesk.core.errors.InvalidInput` naming the problem, nothing connected.
- No password is ever passed here: a login authenticates as libpq lets it (peer on the
  server's Unix socket, a client certificate, or the password file ``~/.pgpass`` /
  ``PGPASSFILE``), so no secret is on a command line or in a setting.
"""

from __future__ import annotations

import re

from psycopg import conninfo

from tipdesk.core.errors import InvalidInput
from tipdesk.core.messages import say

_LOGIN = re.compile(r"[A-Za-z_][A-Za-z0-9_$-]*")


def as_login(url: str, login: str) -> str:
    """``url`` signing in as ``login`` (see the module contract)."""
    if not _LOGIN.fullmatch(login) or len(login.encode()) > 63:
        raise InvalidInput(
            say(
                "{login} is not a database login name (letters, digits, _, $ or -; "
                "at most 63 characters).",
                login=repr(login[:80]),
            )
        )
    return conninfo.make_conninfo(url, user=login)
