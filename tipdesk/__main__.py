"""``python -m tipdesk`` and the ``tipdesk`` command: no arguments opens the desktop app, a
command runs headless, ``--self-test`` checks this TIPDesk works (:mod:`tipdesk.selftest`:
exit 0 when every step passed, else 1; runs in a temporary folder, never the data folder).

Without Qt (PySide6 not installed or its libraries missing) or without a display, no arguments
prints the command overview instead, with a note on stderr saying why.
"""

from __future__ import annotations

import sys


def _qt_missing(exc: ImportError) -> bool:
    """Whether ``exc`` says that Qt itself cannot be imported (not a bug in TIPDesk's code)."""
    name = exc.name or ""
    return name.split(".")[0] in ("PySide6", "shiboken6") or "PySide6" in str(exc)


def _overview(reason: str) -> int:
    from tipdesk.cli.overview import show_overview

    print(
        f"tipdesk: the desktop app cannot start here ({reason}); showing the commands.",
        file=sys.stderr,
    )
    return show_overview()


SELF_TEST_HELP = (
    "\nself-test:\n"
    "  tipdesk --self-test [--verbose]\n"
    "      check that this TIPDesk works: an encrypted store, a report, a sync bundle, the\n"
    "      HQ receiver and the sign-in window, all in a temporary folder; exit 0 or 1\n"
)


def _help(args: list[str]) -> int:
    """``tipdesk --help``: the command line's help, then the ``--self-test`` flag."""
    from tipdesk.cli.main import run

    try:
        return run(args)
    except SystemExit as done:  # argparse exits after printing the help
        if done.code in (0, None):
            print(SELF_TEST_HELP, end="")
        raise


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--self-test"]:
        from tipdesk import selftest

        return selftest.main(args[1:])
    if args in (["--help"], ["-h"]):
        return _help(args)
    if not args:
        try:
            from tipdesk.ui import app
        except ImportError as exc:
            if not _qt_missing(exc):
                raise
            return _overview("Qt (PySide6) is not available")
        reason = app.cannot_start_reason()
        if reason:
            return _overview(reason)
        return app.main([sys.argv[0]] if sys.argv else [])
    try:
        from tipdesk.cli.main import run
    except KeyboardInterrupt:  # Ctrl+C while the command line loads: nothing has started
        print("tipdesk: interrupted; nothing was changed.", file=sys.stderr)
        return 130
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
