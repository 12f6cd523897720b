"""How the HQ reaches its PostgreSQL server: a Unix socket on the same computer, or TLS that
checks the server's certificate and name against a CA certificate TIPDesk keeps.

Contract:
- :func:`check` accepts a URL that :func:`tipdesk.hqstore.pool.check_url` accepts and, when it
  reaches the server over the network, comes with the CA certificate's content (``--ca FILE``,
  kept in the HQ install's store like the sync CA) and names no ``sslrootcert`` file of its own
  (a path read again at every connection would let whoever can swap that file decide whom HQ
  trusts). A Unix socket URL needs, and takes, no CA certificate. Messages name the problem
  and never repeat the URL.
- :func:`with_root_cert` is the URL libpq is given: the checked URL plus ``sslrootcert`` naming
  a file the caller wrote from the kept content just before.
"""

from __future__ import annotations

from pathlib import Path

import psycopg.conninfo

from tipdesk.core.errors import InvalidInput
from tipdesk.core.messages import say
from tipdesk.hqstore.pool import check_url


def over_network(url: str) -> bool:
    """Whether ``url`` reaches its server over TCP (a host that is not a socket folder)."""
    parts = psycopg.conninfo.conninfo_to_dict(url)
    hosts = [h for h in str(parts.get("host") or "").split(",") if h]
    return any(not h.startswith("/") for h in hosts) or bool(parts.get("hostaddr"))


def check(url: str, *, ca_given: bool) -> None:
    """Refuse a URL (and CA choice) HQ must not use (see the module contract)."""
    check_url(url)
    remote = over_network(url)
    if not remote:
        if ca_given:
            raise InvalidInput(
                say(
                    "The database is reached through a Unix socket on this computer, which needs "
                    "no CA certificate: leave out --ca. Nothing was changed."
                )
            )
        return
    if psycopg.conninfo.conninfo_to_dict(url).get("sslrootcert"):
        raise InvalidInput(
            say(
                "The database URL names a CA certificate file (sslrootcert); give the file with "
                "--ca FILE instead: TIPDesk keeps its content, so that swapping the file later "
                "cannot change whom HQ trusts. Nothing was changed."
            )
        )
    if not ca_given:
        raise InvalidInput(
            say(
                "The database is reached over the network: give the CA certificate that signed "
                "the server's certificate with --ca FILE (TLS with sslmode=verify-full checks the "
                "server against it). Nothing was changed."
            )
        )


def with_root_cert(url: str, ca_file: Path) -> str:
    """``url`` with ``sslrootcert`` set to ``ca_file`` (a conninfo string libpq reads)."""
    return psycopg.conninfo.make_conninfo(url, sslrootcert=str(ca_file))
