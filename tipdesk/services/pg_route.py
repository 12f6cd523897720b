"""Whether a service call finds HQ's records in PostgreSQL (issue 20), without importing the
PostgreSQL driver.

Contract: :func:`routed` is true for a session of an HQ install that keeps its records in a
PostgreSQL database (its ``hq_database`` setting), unless the session is already one routed
there (:mod:`tipdesk.services.sync.hq_pg_records` gives such sessions for one transaction).
The services that read or write records (:mod:`tipdesk.services.records`,
:mod:`tipdesk.services.lists`) ask it first and import the PostgreSQL side only when it says
so: a district install and the SQLCipher HQ never load the driver.
"""

from __future__ import annotations

from tipdesk.core.codes import InstallRole
from tipdesk.services.session import Session
from tipdesk.services.sync.hq import DATABASE_SETTING


def routed(session: Session) -> bool:
    """Whether ``session``'s records are to be read and written in PostgreSQL."""
    if getattr(session.store, "on_postgres", False):
        return False
    if session.install.role is not InstallRole.HQ:
        return False
    return bool(session.store.setting(DATABASE_SETTING))
