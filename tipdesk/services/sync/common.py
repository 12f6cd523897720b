"""Pieces shared by the sync use cases (``enrolment``, ``district``, ``hq``, ``upload``,
``server``): the install's identity, role checks, reading files."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from tipdesk.core.codes import InstallRole
from tipdesk.core.errors import InvalidInput
from tipdesk.core.messages import Message, say, template
from tipdesk.services.session import Session
from tipdesk.services.sync.keys import load_or_create
from tipdesk.store.store import Store
from tipdesk.store.sync_store import SyncStore
from tipdesk.sync.errors import WrongRole
from tipdesk.sync.identity import Identity

MAX_FILE_BYTES = 512 * 1024 * 1024


def _install_store(session: Session) -> Store:
    """The install's own store, also for a session routed to HQ's PostgreSQL database (its
    keys and device registry are the install's: ``PgView.install_store``)."""
    return cast(Store, getattr(session.store, "install_store", session.store))


def own_identity(session: Session) -> Identity:
    """The install's sync identity, made on first use in a store older than sync."""
    return load_or_create(_install_store(session), session.install.device_id, session.actor())


def sync_store(session: Session) -> SyncStore:
    """The install's sync tables: its keys and device registry on either engine (at an HQ
    keeping its records in PostgreSQL, bundles, quarantine and conflicts are read there,
    through :mod:`tipdesk.hqstore`, not here)."""
    return SyncStore(_install_store(session))


def require_hq(session: Session, command: str) -> None:
    if session.install.role is not InstallRole.HQ:
        raise WrongRole(say("This is a district install: {command} runs at HQ.", command=command))


def require_district(session: Session, command: str) -> None:
    if session.install.role is not InstallRole.DISTRICT:
        raise WrongRole(
            say("This is the HQ install: {command} runs on a district install.", command=command)
        )


#: The kinds of file :func:`read_file` reads, as words of a message (translated with it).
_WORDS = {
    "bundle": template("bundle"),
    "receipt": template("receipt"),
    "enrolment file": template("enrolment file"),
    "device file": template("device file"),
}


def _word(what: str) -> Message | str:
    return say(_WORDS[what]) if what in _WORDS else what


def read_file(path: Path, what: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a file given on the command line or picked in the app."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise InvalidInput(
                say("{name} is too large to be a TIPDesk {what}.", name=path.name, what=_word(what))
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(say("There is no file {path}.", path=path)) from None
    except IsADirectoryError:
        raise InvalidInput(
            say("{path} is a folder, not a {what}.", path=path, what=_word(what))
        ) from None
    except OSError as exc:
        raise InvalidInput(
            say("Cannot read {path}: {strerror}.", path=path, strerror=exc.strerror)
        ) from None
