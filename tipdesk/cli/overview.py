"""What ``tipdesk`` with no command shows until the desktop app is installed: the command
overview and the figures of a freshly made demo store (in a temporary folder, removed after)."""

from __future__ import annotations

import secrets
import tempfile
from pathlib import Path

from tipdesk import APP_NAME, __version__
from tipdesk.cli.main import build_parser
from tipdesk.cli.records_cmd import stats_text
from tipdesk.core.clock import SystemClock
from tipdesk.core.codes import InstallRole
from tipdesk.paths import Paths
from tipdesk.services import demo, figures
from tipdesk.services.session import init_install

DEMO_CASES = 300


def show_overview() -> int:
    print(build_parser().format_help())
    print(f"\n{APP_NAME} {__version__}: figures of a demo store ({DEMO_CASES} synthetic cases)\n")
    with tempfile.TemporaryDirectory(prefix="tipdesk-demo-") as tmp:
        paths = Paths(Path(tmp) / "home")
        session, _recovery = init_install(
            paths,
            role=InstallRole.DISTRICT,
            user="demo",
            passphrase=secrets.token_urlsafe(24),
            clock=SystemClock(),
            district="Lahore",
            office="Lahore",
        )
        try:
            demo.fill(session, seed=1, cases=DEMO_CASES)
            print(stats_text(figures.stats(session, None, None)))
        finally:
            session.close()
    return 0
