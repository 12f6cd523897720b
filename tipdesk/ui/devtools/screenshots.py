"""Render the app's main screens to PNG: ``python -m tipdesk.ui.devtools.screenshots --out DIR``.

Builds a demo install in a temporary folder (synthetic data only, a fixed date so the pictures
are the same from run to run), opens each screen at 1280x800 with the synchronous runner and
saves ``QWidget.grab()`` images: the setup wizard, the sign-in screen, the dashboard, the audit
log, the settings and the users. Runs offscreen unless ``QT_QPA_PLATFORM`` says otherwise.

Other screens can be added with :func:`register` (``name -> Callable[[Shots], QWidget]``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import secrets
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

SIZE = (1280, 800)
PASSPHRASE = "tipdesk-shots-" + secrets.token_urlsafe(12)  # a store that lives for one run
USER = "ayesha.khan"
TODAY = dt.datetime(2026, 6, 1, 9, 30, tzinfo=dt.UTC)
DEMO_CASES = 400

if TYPE_CHECKING:  # the Qt platform is chosen in main(), before Qt is imported
    from PySide6.QtWidgets import QWidget

    from tipdesk.ui.devtools.shots import Shots


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tipdesk.ui.devtools.screenshots")
    parser.add_argument("--out", default="docs/screenshots", help="folder for the PNG files")
    parser.add_argument("--only", nargs="*", help="names of the screens to render")
    parser.add_argument(
        "--rtl", action="store_true", help="right-to-left layouts (files named *-rtl.png)"
    )
    parser.add_argument(
        "--lang",
        default="en",
        help="interface language (en, ur): e.g. --lang ur --out docs/screenshots/ur",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from tipdesk.ui.devtools import (
        shots_diary,  # noqa: F401 (registers the Diary screens)
        shots_files,  # noqa: F401 (registers the case files screen)
        shots_files_hq,  # noqa: F401 (registers HQ's case files screen)
        shots_handover,  # noqa: F401 (registers the handover screens)
        shots_help,  # noqa: F401 (registers the upload's states and the user guide)
        shots_keys,  # noqa: F401 (registers the key and audit screens)
        shots_messages,  # noqa: F401 (registers screens showing services' messages)
        shots_records,  # noqa: F401 (registers the record screens)
        shots_registers,  # noqa: F401 (registers the register import wizard)
        shots_reports,  # noqa: F401 (registers the Reports screens)
        shots_review,  # noqa: F401 (registers the Review page)
        shots_setup_hq,  # noqa: F401 (registers the HQ set-up's database choice)
        shots_sync,  # noqa: F401 (registers the Sync screens)
        shots_sync_refused,  # noqa: F401 (registers the Sync screens with a refusal)
    )
    from tipdesk.ui.devtools.shots import Shots

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="tipdesk-shots-") as tmp:
        from tipdesk.core.languages import parse_language

        shots = Shots(Path(tmp), SIZE, TODAY, USER, PASSPHRASE, DEMO_CASES, rtl=args.rtl,
                      language=parse_language(args.lang))  # fmt: skip
        try:
            for name in shots.names():
                if args.only and name not in args.only:
                    continue
                path = shots.save(name, out)
                print(f"{path}")
        finally:
            shots.close()
    return 0


def register(name: str, build: Callable[[Shots], QWidget]) -> None:
    """Add a screen (PART 2's lists and editors): ``build(shots)`` returns the widget."""
    from tipdesk.ui.devtools.shots import EXTRA

    EXTRA[name] = build


if __name__ == "__main__":
    sys.exit(main())
