"""The connection pool of the PostgreSQL HQ database.

Contract:
- :class:`HqDatabase` holds one ``psycopg_pool.ConnectionPool`` for a libpq URL (TLS with full
  verification, or a Unix socket on the same host: see docs/install.md, "HQ server"). It is
  thread-safe: each caller borrows a connection for one unit of work and gives it back.
- :meth:`HqDatabase.transaction` runs its block in one transaction (committed at the end,
  rolled back on any exception); :meth:`HqDatabase.run` runs a whole unit of work again, a
  bounded number of times, when PostgreSQL aborted it for a deadlock or a serialisation
  failure (the unit must be safe to repeat: it starts from a clean transaction each time).
- Every psycopg error leaving here is translated (:mod:`tipdesk.hqstore.errors`). The URL is
  never logged nor put in a message: it may hold a password.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import psycopg
import psycopg.conninfo
import psycopg_pool

from tipdesk.core.errors import InvalidInput
from tipdesk.core.messages import say
from tipdesk.hqstore.errors import RETRY_STATES, classify, sqlstate, translated

T = TypeVar("T")
Conn = psycopg.Connection[tuple[object, ...]]

DEFAULT_ATTEMPTS = 4
"""Runs of a unit of work PostgreSQL aborted for a deadlock or serialisation failure."""


class HqDatabase:
    """A pool of connections to one HQ database (see the module contract)."""

    def __init__(self, url: str, *, min_size: int = 1, max_size: int = 4, timeout: float = 15.0):
        # One direct connection first: a wrong database, role or address is told at once and
        # by name, where the pool would retry in the background until its timeout.
        try:
            psycopg.connect(url, connect_timeout=max(1, int(timeout))).close()
        except psycopg.Error as exc:
            raise classify(exc) from None
        self._pool = psycopg_pool.ConnectionPool(
            url,
            min_size=min_size,
            max_size=max_size,
            timeout=timeout,
            open=False,
            kwargs={"application_name": "tipdesk-hq"},
            name="tipdesk-hq",
        )
        try:
            self._pool.open(wait=True, timeout=timeout)
        except psycopg.Error as exc:  # PoolTimeout included
            self._pool.close()
            raise classify(exc) from None

    def close(self) -> None:
        """Close every connection (idempotent)."""
        self._pool.close()

    def __enter__(self) -> HqDatabase:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def connection(self) -> Iterator[Conn]:
        """A borrowed connection (autocommit off; the caller commits), errors translated."""
        with translated(), self._pool.connection() as conn:
            yield conn

    @contextmanager
    def transaction(self) -> Iterator[Conn]:
        """One transaction on a borrowed connection: committed at the end of the block,
        rolled back on an exception."""
        with translated(), self._pool.connection() as conn, conn.transaction():
            yield conn

    def run(self, work: Callable[[Conn], T], attempts: int = DEFAULT_ATTEMPTS) -> T:
        """``work(conn)`` in one transaction, run again (at most ``attempts`` times in all)
        when PostgreSQL aborts it for a deadlock or a serialisation failure."""
        for attempt in range(1, attempts + 1):
            try:
                with self._pool.connection() as conn, conn.transaction():
                    return work(conn)
            except psycopg.Error as exc:
                if sqlstate(exc) in RETRY_STATES and attempt < attempts:
                    continue
                raise classify(exc) from None
        raise AssertionError("unreachable")  # pragma: no cover


def check_url(url: str) -> None:
    """Refuse a connection URL this HQ must not use, with a message naming the problem:
    unparseable; holding a password (it would be stored in the HQ install's settings: keep it
    in ``~/.pgpass`` or a service file instead); or reaching a server over TCP without TLS
    with full verification (``sslmode=verify-full``). A Unix socket (a host that is a folder,
    or none) is on the same computer and needs no TLS."""
    try:
        parts = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        raise InvalidInput(
            say(
                "The database URL could not be read; write it as "
                "postgresql://ROLE@HOST/DATABASE?sslmode=verify-full (docs/install.md, HQ server)."
            )
        ) from None
    if parts.get("password"):
        raise InvalidInput(
            say(
                "The database URL holds a password; TIPDesk stores the URL in its settings, so "
                "keep the password in ~/.pgpass (or a libpq service file) and give the URL "
                "without it. Nothing was changed."
            )
        )
    hosts = [h for h in str(parts.get("host") or "").split(",") if h]
    over_network = any(not h.startswith("/") for h in hosts) or bool(parts.get("hostaddr"))
    if over_network and parts.get("sslmode") != "verify-full":
        raise InvalidInput(
            say(
                "The database is reached over the network without sslmode=verify-full: TIPDesk "
                "talks to a remote HQ database only over TLS that checks the server's certificate "
                "and name (add ?sslmode=verify-full&sslrootcert=CA-FILE), or through a Unix "
                "socket on this computer. Nothing was changed."
            )
        )
