"""The screenshot script (``make screenshots``) draws the screens the README shows: a screen
that can no longer be drawn fails here, not silently at the next documentation update."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.slow
@pytest.mark.parametrize(
    "names",
    [
        ["sync-district", "sync-hq"],
        ["sync-upload", "status-upload-offline", "help"],
        ["case-editor-handed-over", "dashboard-handed-over"],
    ],
)
def test_the_screenshot_script_draws_the_sync_screens(tmp_path: Path, names: list[str]) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tipdesk.ui.devtools.screenshots",
            "--out",
            str(tmp_path),
            "--only",
            *names,
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    for name in names:
        picture = tmp_path / f"{name}.png"
        assert picture.stat().st_size > (1_000 if name.startswith("status-") else 10_000), name
        assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
