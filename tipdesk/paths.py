"""The one place that knows folders.

Data folder: ``--home`` wins, then the ``TIPDESK_HOME`` environment variable, then the platform's
per-user data folder (platformdirs). Resources: ``resources/`` beside the package in a source
checkout, or inside the PyInstaller bundle when frozen.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from tipdesk import APP_ID

ENV_HOME = "TIPDESK_HOME"


def resources_dir() -> Path:
    """Folder holding ``reference/``, ``rules/``, icons and translations."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def help_dir() -> Path:
    """Folder holding the user guide (``user-guide.md``) and its ``screenshots/``: ``docs/``
    of the source tree, ``help/`` in the packaged app (``tipdesk.spec`` puts them there)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "help"
    return Path(__file__).resolve().parent.parent / "docs"


@dataclass(frozen=True, slots=True)
class Paths:
    """Files inside one data folder. Nothing here creates anything."""

    home: Path

    @property
    def database(self) -> Path:
        return self.home / "tipdesk.db"

    @property
    def keyfile(self) -> Path:
        return self.home / "keys.json"

    @property
    def lockfile(self) -> Path:
        return self.home / "tipdesk.lock"

    @property
    def outbox(self) -> Path:
        return self.home / "outbox"

    @property
    def inbox(self) -> Path:
        return self.home / "inbox"

    @property
    def logs(self) -> Path:
        return self.home / "logs"


def default_home() -> Path:
    # Imported here: most starts name the folder (TIPDESK_HOME, --home), and the desktop app's
    # start-up time counts every import.
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False))


def resolve_home(explicit: str | os.PathLike[str] | None = None) -> Paths:
    """The data folder to use, following the precedence in the module docstring."""
    if explicit:
        return Paths(Path(explicit).expanduser().resolve())
    env = os.environ.get(ENV_HOME)
    if env:
        return Paths(Path(env).expanduser().resolve())
    return Paths(default_home())
