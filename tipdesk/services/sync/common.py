"""Pieces shared by the sync use cases (``enrolment``, ``district``, ``hq``, ``upload``,
``server``): the install's identity, role checks, reading files."""

from __future__ import annotations

from pathlib import Path

from tipdesk.core.codes import InstallRole
from tipdesk.core.errors import InvalidInput
from tipdesk.core.messages import say
from tipdesk.services.session import Session
from tipdesk.services.sync.keys import load_or_create
from tipdesk.store.sync_store import SyncStore
from tipdesk.sync.errors import WrongRole
from tipdesk.sync.identity import Identity

MAX_FILE_BYTES = 512 * 1024 * 1024


def own_identity(session: Session) -> Identity:
    """The install's sync identity, made on first use in a store older than sync."""
    return load_or_create(session.store, session.install.device_id, session.actor())


def sync_store(session: Session) -> SyncStore:
    return SyncStore(session.store)


def require_hq(session: Session, command: str) -> None:
    if session.install.role is not InstallRole.HQ:
        raise WrongRole(say("This is a district install: {command} runs at HQ.", command=command))


def require_district(session: Session, command: str) -> None:
    if session.install.role is not InstallRole.DISTRICT:
        raise WrongRole(
            say("This is the HQ install: {command} runs on a district install.", command=command)
        )


def read_file(path: Path, what: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a file given on the command line or picked in the app."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise InvalidInput(f"{path.name} is too large to be a TIPDesk {what}.")
        return path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(say("There is no file {path}.", path=path)) from None
    except IsADirectoryError:
        raise InvalidInput(f"{path} is a folder, not a {what}.") from None
    except OSError as exc:
        raise InvalidInput(f"Cannot read {path}: {exc.strerror}.") from None
