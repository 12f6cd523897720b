"""Keys it takes to enter a full case from the keyboard alone (2 accused, 2 victims).

Creates an empty district install in a temporary folder, signs in and lets
:mod:`tipdesk.ui.devtools.keystrokes` drive the real case editor with key events, then prints
the navigation keys (everything but the characters of typed values: Tab, Shift+Tab, arrows,
Space, Enter, shortcuts) against the ~110 of the walk-through in issue 17 (goal: under 50),
step by step, and the keys in all. The driver checks the saved case, so the count is of a
case that really went in.

Environment: QT_QPA_PLATFORM (default offscreen).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from tipdesk.core.clock import FixedClock
from tipdesk.core.codes import InstallRole
from tipdesk.paths import Paths
from tipdesk.services import session as session_service
from tipdesk.store.keys import KdfParams

PASSPHRASE = "purple kiln lantern orbit"  # noqa: S105 (a throwaway bench store)
BEFORE = 110  # navigation keys of the walk-through that opened issue 17
GOAL = 50


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        session, _recovery = session_service.init_install(
            Paths(Path(tmp) / "home"),
            role=InstallRole.DISTRICT,
            user="bench",
            passphrase=PASSPHRASE,
            clock=FixedClock(dt.datetime(2026, 6, 1, 9, tzinfo=dt.UTC)),
            district="Lahore",
            office="FIA-AHTC-LHR",
            kdf=KdfParams(memory_kib=1024, iterations=1, lanes=1),
        )
        try:
            # Imported here: the Qt half of the bench lives in the UI package.
            from tipdesk.ui.devtools.keystrokes import enter_full_case

            entry = enter_full_case(session)
        finally:
            session.close()
    keys = entry.keys
    print("a full case from the keyboard (2 accused, 2 victims, a referral), saved")
    for name, n in entry.steps:
        print(f"  {name:28} {n:3} navigation keys")
    print(
        f"navigation keys: {keys.navigation} (before: ~{BEFORE}; goal: under {GOAL}); "
        f"typed characters: {keys.typed}; all keys: {keys.total}"
    )
    print("keys: " + " ".join(keys.log))
