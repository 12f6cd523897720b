"""``tipdesk`` command line: builds the parser from the command modules and runs a command.

Every command runs headless, prints one clear line on stderr on error (exit code non-zero) and
changes nothing then. ``--json`` gives machine-readable output on stdout. The common options
(``--home``, ``--user``, ``--passphrase-file``, ``--json``) go before or after the command;
after the command wins.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from tipdesk import APP_NAME, __version__
from tipdesk.cli import (
    admin_cmd,
    argparse_language,
    attach_cmd,
    diary_cmd,
    io,
    language,
    records_cmd,
    register_cmd,
    report_cmd,
    review_cmd,
    setup_cmd,
    sync_cmd,
)
from tipdesk.cli.common import Handler, InFile, check_paths
from tipdesk.core.errors import InvalidInput, KnownError
from tipdesk.core.messages import say
from tipdesk.paths import Paths, resolve_home

# Command modules, in the order their commands appear in ``tipdesk --help``.
COMMAND_MODULES = (
    setup_cmd,
    records_cmd,
    attach_cmd,
    diary_cmd,
    register_cmd,
    review_cmd,
    sync_cmd,
    report_cmd,
    admin_cmd,
)


# The options every command takes. They are accepted before the command too (``tipdesk --home
# DIR stats``), as in git and docker: the top-level parser sets their defaults, and each
# command's copy defaults to SUPPRESS, so it only sets a value that is given after the
# command, which then wins.
COMMON_OPTIONS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("--home", {"metavar": "DIR", "help": "data folder (default: TIPDESK_HOME or the user's)"}),
    ("--user", {"metavar": "NAME", "help": "who signs in (default: TIPDESK_USER or the one user)"}),
    (
        "--passphrase-file",
        {"metavar": "FILE", "type": InFile, "help": "read the passphrase from this file"},
    ),
    ("--json", {"action": "store_true", "help": "machine-readable output"}),
)
COMMON_HELP = (
    "accepted before the command (tipdesk --home DIR stats) or after it; "
    "when both are given, the value after the command wins"
)


def _common(p: argparse.ArgumentParser, *, top: bool = False) -> None:
    group = p.add_argument_group("common options", COMMON_HELP if top else None)
    for flag, options in COMMON_OPTIONS:
        if top:
            default: Any = False if options.get("action") == "store_true" else None
        else:
            default = argparse.SUPPRESS  # set only when given after the command
        group.add_argument(flag, default=default, **options)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tipdesk",
        usage="tipdesk [-h] [--version] [common options] COMMAND ...",
        description=f"{APP_NAME} {__version__}: anti-trafficking case, victim, training and "
        "awareness register. With no command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    _common(parser, top=True)
    # prog: the commands' usage lines start "tipdesk COMMAND", not with the custom usage above.
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", prog="tipdesk")

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
    try:
        return _run(argv)
    except KeyboardInterrupt:  # Ctrl+C while parsing or loading, before the command runs
        io.say("tipdesk: " + language.text(say("interrupted; nothing was changed.")))
        return io.EXIT_INTERRUPTED


def _run(argv: Sequence[str] | None) -> int:
    with argparse_language.speaking():  # argparse's own messages in TIPDESK_LANG's language
        parser = build_parser()
        args = parser.parse_args(argv)
        if not getattr(args, "handler", None):
            parser.print_help()
            return 0
    paths: Paths | None = None
    language.follow_user(None)  # a command signs in afresh (tests run several in one process)
    try:
        language.check_environment()
        paths = resolve_home(args.home)
        if paths.home.exists() and not paths.home.is_dir():
            raise InvalidInput(
                say("{home} is not a folder: --home names the data folder.", home=paths.home)
            )
    except KnownError as exc:
        io.say(f"tipdesk: error: {language.error_text(exc)}")
        return 2
    handler: Handler = args.handler
    resolved = paths

    def checked() -> int:
        check_paths(args)
        return handler(args, resolved)

    return io.run_guarded(checked, paths, args.json)


__all__ = ["build_parser", "run"]
