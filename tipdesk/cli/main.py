"""``tipdesk`` command line: builds the parser from the command modules and runs a command.

Every command runs headless, prints one clear line on stderr on error (exit code non-zero) and
changes nothing then. ``--json`` gives machine-readable output on stdout.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from tipdesk import APP_NAME, __version__
from tipdesk.cli import admin_cmd, io, records_cmd, register_cmd, report_cmd, setup_cmd, sync_cmd
from tipdesk.cli.common import Handler
from tipdesk.core.errors import KnownError
from tipdesk.paths import Paths, resolve_home

# Command modules, in the order their commands appear in ``tipdesk --help``.
COMMAND_MODULES = (setup_cmd, records_cmd, register_cmd, sync_cmd, report_cmd, admin_cmd)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--home", help="data folder (default: TIPDESK_HOME or the user data folder)")
    p.add_argument("--user", help="who signs in (default: TIPDESK_USER or the only user)")
    p.add_argument("--passphrase-file", help="read the passphrase from this file")
    p.add_argument("--json", action="store_true", help="machine-readable output")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tipdesk",
        description=f"{APP_NAME} {__version__}: anti-trafficking case, victim, training and "
        "awareness register. With no command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, handler: Handler, help_text: str, parent: Any = sub) -> Any:
        p = parent.add_parser(name, help=help_text, description=help_text)
        _common(p)
        p.set_defaults(handler=handler)
        return p

    for module in COMMAND_MODULES:
        module.register(sub, add)
    return parser


def run(argv: Sequence[str] | None = None) -> int:
    """Run a command; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 0
    paths: Paths | None = None
    try:
        paths = resolve_home(args.home)
    except KnownError as exc:
        print(f"tipdesk: error: {exc}", file=sys.stderr)
        return 2
    handler: Handler = args.handler
    resolved = paths
    return io.run_guarded(lambda: handler(args, resolved), paths, args.json)


__all__ = ["build_parser", "run"]
