"""PostgreSQL's own dump and restore tools for the HQ database (``pg_dump``, ``pg_restore``).

Contract: :func:`dump` returns the database as ``pg_dump``'s custom format (bytes, in memory:
the caller encrypts them before anything reaches a disk); :func:`restore` loads such a dump
into an **empty** database. Both run the client tools of the PostgreSQL installed on this
computer (on the PATH, else the newest ``/usr/lib/postgresql/<version>/bin``), with the
connection URL as their only argument besides fixed options (never a shell); a password comes
from ``~/.pgpass`` as for TIPDesk itself. Their error output is not repeated in messages (it
may quote the URL or values); the exit status is.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tipdesk.core.errors import KnownError
from tipdesk.core.messages import say
from tipdesk.hqstore.pool import check_url

PG_LIB = Path("/usr/lib/postgresql")


def tool(name: str) -> str:
    """The path of PostgreSQL client tool ``name`` (``pg_dump``, ``pg_restore``)."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(
        PG_LIB.glob(f"*/bin/{name}"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if not candidates:
        raise KnownError(
            say(
                "PostgreSQL's {name} was not found: install the distribution's postgresql-client "
                "package. Nothing was written.",
                name=name,
            )
        )
    return str(candidates[-1])


def dump(url: str) -> bytes:
    """The whole HQ database in ``pg_dump``'s custom format."""
    check_url(url)
    done = subprocess.run(  # noqa: S603 (fixed tool and options; the URL is one argument)
        [tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", "--dbname", url],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        raise KnownError(
            say(
                "pg_dump failed (exit status {returncode}): check that this computer may read the "
                "HQ database. Nothing was written.",
                returncode=done.returncode,
            )
        )
    return done.stdout


def restore(url: str, data: bytes) -> None:
    """Load a dump made by :func:`dump` into the empty database at ``url``."""
    check_url(url)
    done = subprocess.run(  # noqa: S603 (fixed tool and options; the URL is one argument)
        [tool("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error", "--dbname", url],
        input=data,
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        raise KnownError(
            say(
                "pg_restore failed (exit status {returncode}): restore into an empty database "
                "that this computer may write to.",
                returncode=done.returncode,
            )
        )
