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
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from tipdesk.cli import io, language
from tipdesk.core.clock import SystemClock
from tipdesk.core.errors import InvalidInput
from tipdesk.core.messages import say
from tipdesk.core.permissions import Permission
from tipdesk.paths import Paths
from tipdesk.services import session as session_service
from tipdesk.services.session import Session
from tipdesk.services.user_prefs import user_language
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
    raise InvalidInput(say("Say who you are with --user NAME (or set {env}).", env=io.ENV_USER))


def open_session(args: argparse.Namespace, paths: Paths) -> Session:
    """Sign in with the passphrase from the usual sources (see :mod:`tipdesk.cli.io`)."""
    user = user_name(args, paths)
    if not paths.keyfile.exists():
        # Fail before asking for a passphrase that could not be used.
        session_service.sign_in(paths, user=user, passphrase="", clock=SystemClock())
    secret = io.passphrase(args.passphrase_file)
    session = session_service.sign_in(paths, user=user, passphrase=secret, clock=SystemClock())
    language.follow_user(user_language(session))
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
        raise InvalidInput(say("{value} is not a date (YYYY-MM-DD).", value=repr(text))) from None


def load_json_file(path: str) -> Any:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InvalidInput(
            say("Cannot read {path}: {strerror}.", path=path, strerror=exc.strerror)
        ) from None
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidInput(
            say("{path} is not valid JSON ({reason}).", path=path, reason=exc)
        ) from None
    except (ValueError, RecursionError):
        # A number of thousands of digits (Python's int limit) or arrays nested thousands deep.
        raise InvalidInput(
            say("{path} holds a number or a nesting too large to read.", path=path)
        ) from None


# --- Files and folders named on the command line ---------------------------------------------
# An option's ``type=`` says what its value names; :func:`check_paths` checks every such value
# before the command signs in or touches anything, so a folder given for a file, a file for a
# folder, a missing folder or a place that cannot be written ends in one line naming it. The
# values stay text (``str`` subclasses), so handlers use them as before.


class InFile(str):
    """A file the command reads (a pipe such as ``<(...)`` or ``/dev/stdin`` is fine)."""

    __slots__ = ()


class InFolder(str):
    """A folder the command reads."""

    __slots__ = ()


class OutFile(str):
    """A file the command writes (replaces): its folder must exist and be writable."""

    __slots__ = ()
    makes_folders = False


class OutFileInNewFolder(OutFile):
    """A file the command writes, creating missing folders on its way (a backup)."""

    __slots__ = ()
    makes_folders = True


class OutFolder(str):
    """A folder the command writes files into."""

    __slots__ = ()


def check_paths(args: argparse.Namespace) -> None:
    """Raise :class:`InvalidInput` for the first file or folder in ``args`` that cannot be what
    its option says (see the marker types above)."""
    for value in vars(args).values():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, InFile):
                _check_in_file(Path(item))
            elif isinstance(item, InFolder):
                _check_folder(Path(item), write=False)
            elif isinstance(item, OutFile):
                _check_out_file(Path(item), item.makes_folders)
            elif isinstance(item, OutFolder):
                _check_folder(Path(item), write=True)


def _check_in_file(path: Path) -> None:
    if path.is_dir():
        raise InvalidInput(say("{path} is a folder; give the name of a file.", path=path))
    if not path.exists():
        raise InvalidInput(say("There is no file {path}.", path=path))
    if not os.access(path, os.R_OK):
        raise InvalidInput(say("Cannot read {path}: permission denied.", path=path))


def _check_folder(path: Path, *, write: bool) -> None:
    if not path.exists():
        raise InvalidInput(say("There is no folder {path}.", path=path))
    if not path.is_dir():
        raise InvalidInput(say("{path} is not a folder.", path=path))
    _check_access(path, write=write)


def _check_out_file(path: Path, makes_folders: bool) -> None:
    if path.is_dir():
        raise InvalidInput(
            say("{path} is a folder; give the name of a file to write in it.", path=path)
        )
    if path.exists() and not path.is_file():
        # A device or a pipe: the file would be replaced, not written to.
        raise InvalidInput(
            say("{path} is not a regular file; give the name of a file to write.", path=path)
        )
    folder = path.absolute().parent
    if makes_folders:
        while not folder.exists() and folder != folder.parent:
            folder = folder.parent
    if not folder.exists():
        raise InvalidInput(
            say("The folder {folder} does not exist; nothing was written.", folder=folder)
        )
    if not folder.is_dir():
        raise InvalidInput(say("{folder} is not a folder; nothing was written.", folder=folder))
    _check_access(folder, write=True)


def _check_access(folder: Path, *, write: bool) -> None:
    # os.access answers for the real user and sees read-only disks (EROFS) too.
    wanted = os.W_OK | os.X_OK if write else os.R_OK | os.X_OK
    if not os.access(folder, wanted):
        raise InvalidInput(
            say("Cannot write in {folder}: permission denied or a read-only disk.", folder=folder)
            if write
            else say("Cannot read {folder}: permission denied or a read-only disk.", folder=folder)
        )
