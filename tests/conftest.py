"""Fixtures shared by every test. Tests never touch the real home folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


def pytest_sessionstart(session: pytest.Session) -> None:
    """Compile the interface's translations (``.ts`` -> ``.qm``) when missing or older, as
    ``make translations`` does: the app loads the ``.qm`` files, which are not in the repo."""
    from tipdesk.ui.devtools.i18n import release

    release()


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "tipdesk-home"
    monkeypatch.setenv("TIPDESK_HOME", str(home))
    monkeypatch.delenv("TIPDESK_PASSPHRASE", raising=False)
    yield home
