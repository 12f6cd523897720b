"""The PostgreSQL HQ's security commands: ``hq database-roles`` (print, or ``--apply``, the
database roles per duty; docs/install.md, "HQ server")."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from tipdesk.cli import io
from tipdesk.cli.common import Add, InFile, open_session
from tipdesk.paths import Paths


def cmd_hq_database_roles(args: argparse.Namespace, paths: Paths) -> int:
    from tipdesk.services.sync import hq_pg_roles  # the PostgreSQL driver, only when used

    if not args.apply:
        print(hq_pg_roles.roles_script(), end="")  # SQL for psql: no sign-in needed
        return 0
    with open_session(args, paths) as session:
        inbox = hq_pg_roles.apply_roles(session)
    io.emit(
        {"roles": ["tipdesk_receiver", "tipdesk_importer", "tipdesk_analyst",
                   "tipdesk_identity"], "receiver_inbox_granted": inbox},
        args.json,
        "Database roles created or updated: tipdesk_receiver, tipdesk_importer, "
        "tipdesk_analyst, tipdesk_identity; UPDATE, DELETE and TRUNCATE revoked on the audit "
        "table. "
        + ("" if inbox else "The receiver's inbox table does not exist yet: the receiver "
           "role may do nothing until it does (run this again then). ")
        + "Grant them to login roles: GRANT tipdesk_analyst TO alice;",
    )  # fmt: skip
    return 0


def add_ca(p: argparse.ArgumentParser) -> None:
    """The ``--ca FILE`` option of a command taking a database URL."""
    p.add_argument(
        "--ca",
        metavar="FILE",
        type=InFile,
        help="the CA certificate that signed the database server's (needed over the network; "
        "TIPDesk keeps its content)",
    )


def ca_path(args: argparse.Namespace) -> Path | None:
    """The ``--ca FILE`` given, as a path (``None`` without one)."""
    return Path(args.ca) if getattr(args, "ca", None) else None


def register(hq: Any, add: Add) -> None:
    """Add this module's commands under ``hq``."""
    p = add(
        "database-roles",
        cmd_hq_database_roles,
        "print the SQL of the HQ database's roles per duty (or --apply it)",
        hq,
    )
    p.add_argument(
        "--apply",
        action="store_true",
        help="run it on this HQ's database (its role must own the tables and create roles)",
    )
