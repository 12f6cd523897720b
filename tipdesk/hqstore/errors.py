"""PostgreSQL errors translated into the store's own exceptions, by SQLSTATE.

Contract: :func:`translated` re-raises any ``psycopg.Error`` raised inside it as one of
:mod:`tipdesk.core.errors`' :class:`~tipdesk.core.errors.KnownError` types (or
:class:`~tipdesk.store.driver.StoreBug` for what signals a bug), exactly as
:func:`tipdesk.store.driver.translated` does for SQLCipher. Messages name the class of problem
and the SQLSTATE, never the server's detail text: PostgreSQL puts the offending values there
(``Key (id)=(...) already exists``), and those may be a victim's data. The connection URL (it
may hold a password) is never part of a message either.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import psycopg

from tipdesk.core.errors import (
    CorruptStore,
    DiskFull,
    KnownError,
    PermissionDenied,
    StoreBusy,
    StoreNotFound,
    TransactionAborted,
)
from tipdesk.core.messages import say
from tipdesk.store.driver import StoreBug

RETRY_STATES = frozenset({"40001", "40P01"})
"""Serialisation failure and deadlock: the transaction is safe to run again (bounded)."""


def sqlstate(exc: BaseException) -> str:
    """The SQLSTATE of a psycopg error ("" when it has none, e.g. a client-side failure)."""
    return getattr(exc, "sqlstate", None) or ""


def classify(exc: psycopg.Error) -> Exception:
    """The project's exception for ``exc`` (see the module contract)."""
    state = sqlstate(exc)
    if not state and isinstance(exc, psycopg.OperationalError):
        # A failed connection carries the server's words only (no SQLSTATE): recognise the
        # two a user can fix, without repeating them (they name the database and role).
        text = str(exc)
        if "does not exist" in text and 'database "' in text:
            state = "3D000"
        elif "authentication failed" in text or "no pg_hba.conf entry" in text:
            state = "28000"
    klass = state[:2]
    if state == "53100":
        return DiskFull(say("The HQ database server's disk is full: nothing was saved."))
    if state in RETRY_STATES or state in ("55P03", "57014"):
        busy = TransactionAborted if state in RETRY_STATES else StoreBusy
        return busy(
            say(
                "The HQ database is busy (another import or analyst holds the same records); "
                "nothing was saved. Try again in a moment. (SQLSTATE {state})",
                state=state,
            )
        )
    if state == "3D000":
        return StoreNotFound(
            say(
                "The HQ database named in the connection does not exist: create it first "
                "(docs/install.md, HQ server)."
            )
        )
    if klass == "28":
        return KnownError(
            say(
                "The HQ database refused the sign-in (role or password): check the connection "
                "settings. (SQLSTATE {state})",
                state=state,
            )
        )
    if state == "42501":
        return PermissionDenied(
            say(
                "The HQ database role used here may not do this; nothing was changed. (SQLSTATE "
                "{state})",
                state=state,
            )
        )
    if klass in ("XX", "58") and state in ("XX001", "XX002", "58P01"):
        return CorruptStore(
            say(
                "The HQ database reports damaged data (SQLSTATE {state}): ask its administrator "
                "to check the server.",
                state=state,
            )
        )
    if klass == "08" or (isinstance(exc, psycopg.OperationalError) and not state):
        return KnownError(
            say(
                "The HQ database server could not be reached: check that it runs and that this "
                "computer may connect to it. (SQLSTATE {state})",
                state=state or "none",
            )
        )
    if klass == "53":
        return StoreBusy(
            say(
                "The HQ database server is out of resources (SQLSTATE {state}); nothing was "
                "saved. Try again later.",
                state=state,
            )
        )
    return StoreBug(f"{type(exc).__name__} (SQLSTATE {state or 'none'})")


@contextmanager
def translated() -> Iterator[None]:
    """Re-raise psycopg errors inside the block as the project's own types."""
    try:
        yield
    except psycopg.Error as exc:
        raise classify(exc) from None
