"""``python -m tipdesk`` and the ``tipdesk`` command: no arguments opens the app, a command runs
headless."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        from tipdesk.cli.overview import show_overview

        return show_overview()
    from tipdesk.cli.main import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
