"""Shared pieces of the command line: the command registry, signing in, argument parsing.

Each command module (``setup_cmd``, ``records_cmd``, ``admin_cmd``, ...) has a
``register(sub, add)`` function that adds its commands; :mod:`tipdesk.cli.main` calls them in
order. ``add(name, handler, help, parent)`` makes a sub-command with the common options
(``--home``, ``--user``, ``--passphrase-file``, ``--json``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from tipdesk.cli import io
from tipdesk.core.clock import SystemClock
from tipdesk.core.errors import InvalidInput
from tipdesk.core.permissions import Permission
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
    session = session_service.sign_in(paths, user=user, passphrase=secret, clock=SystemClock())
    warn_if_audit_broken(session)
    return session


def warn_if_audit_broken(session: Session) -> None:
    """One warning line on stderr, for users who may read the audit log, when it does not end
    at its recorded head (the sign-in found entries cut from the end)."""
    if session.audit_broken and session.can(Permission.AUDIT):
        print(
            f"tipdesk: warning: THE AUDIT LOG IS BROKEN: {session.audit_status.problem}. "
            "Nothing can be saved until an administrator records the break "
            "(tipdesk audit verify; tipdesk audit acknowledge --reason TEXT).",
            file=sys.stderr,
        )


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
