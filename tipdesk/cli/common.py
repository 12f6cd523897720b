"""Shared pieces of the command line: the command registry, signing in, argument parsing.

Each command module (``setup_cmd``, ``records_cmd``, ``admin_cmd``, ...) has a
``register(sub, add)`` function that adds its commands; :mod:`tipdesk.cli.main` calls them in
order. ``add(name, handler, help, parent)`` makes a sub-command with the common options
(``--home``, ``--user``, ``--passphrase-file``, ``--json``; also accepted before the command,
see :mod:`tipdesk.cli.main`), so ``args.home`` and the others are always set.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from tipdesk.cli import io
from tipdesk.core.clock import SystemClock
from tipdesk.core.errors import InvalidInput
from tipdesk.paths import Paths
from tipdesk.services import session as session_service
from tipdesk.services.session import Session
from tipdesk.store.keys import KeyFile

Handler = Callable[[argparse.Namespace, Paths], int]


class Add(Protocol):
    """The ``add`` callable a command module's ``register`` receives."""

    def __call__(
        self, name: str, handler: Handler, help_text: str, parent: Any = ...
    ) -> argparse.ArgumentParser: ...


def user_name(args: argparse.Namespace, paths: Paths) -> str:
    """``--user``, else ``TIPDESK_USER``, else the key file's only user."""
    if args.user:
        return str(args.user)
    env = os.environ.get(io.ENV_USER)
    if env:
        return env
    if paths.keyfile.exists():
        names = KeyFile.load(paths.keyfile).users()
        if len(names) == 1:
            return names[0]
    raise InvalidInput(f"Say who you are with --user NAME (or set {io.ENV_USER}).")


def open_session(args: argparse.Namespace, paths: Paths) -> Session:
    """Sign in with the passphrase from the usual sources (see :mod:`tipdesk.cli.io`)."""
    user = user_name(args, paths)
    if not paths.keyfile.exists():
        # Fail before asking for a passphrase that could not be used.
        session_service.sign_in(paths, user=user, passphrase="", clock=SystemClock())
    secret = io.passphrase(args.passphrase_file)
    return session_service.sign_in(paths, user=user, passphrase=secret, clock=SystemClock())


def parse_date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"{text!r} is not a date (YYYY-MM-DD).") from None


def load_json_file(path: str) -> Any:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InvalidInput(f"Cannot read {path}: {exc.strerror}.") from None
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidInput(f"{path} is not valid JSON ({exc}).") from None
