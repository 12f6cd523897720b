"""Pieces shared by the sync use cases (:mod:`tipdesk.services.sync`,
:mod:`tipdesk.services.sync_hq`): the install's identity, role checks, reading files, and the
titles that name records to people (a receipt or a conflict names records by id)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from tipdesk.core.codes import InstallRole
from tipdesk.core.errors import InvalidInput, NotFound
from tipdesk.services.session import Session
from tipdesk.store.sync_store import SyncStore
from tipdesk.sync import identity
from tipdesk.sync.errors import WrongRole

MAX_FILE_BYTES = 512 * 1024 * 1024


def own_identity(session: Session) -> identity.Identity:
    """The install's sync identity, made on first use in a store older than sync."""
    return identity.load_or_create(session.store, session.install.device_id, session.actor())


def sync_store(session: Session) -> SyncStore:
    return SyncStore(session.store)


def require_hq(session: Session, command: str) -> None:
    if session.install.role is not InstallRole.HQ:
        raise WrongRole(f"This is a district install: {command} runs at HQ.")


def require_district(session: Session, command: str) -> None:
    if session.install.role is not InstallRole.DISTRICT:
        raise WrongRole(f"This is the HQ install: {command} runs on a district install.")


def read_file(path: Path, what: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a file given on the command line or picked in the app."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise InvalidInput(f"{path.name} is too large to be a TIPDesk {what}.")
        return path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"There is no file {path}.") from None
    except IsADirectoryError:
        raise InvalidInput(f"{path} is a folder, not a {what}.") from None
    except OSError as exc:
        raise InvalidInput(f"Cannot read {path}: {exc.strerror}.") from None


TITLE_FIELDS = {
    "case": "case_number",
    "accused": "name",
    "victim": "victim_code",
    "referral": "service",
    "training": "title",
    "campaign": "title",
}
"""The field that names a record of each kind to people: a case's number, a victim's code
(never a victim's name), an accused's name, a referral's service code, a title."""


def record_title(kind: str, values: Mapping[str, Any]) -> str:
    """The title of a record given as a field mapping (``""`` when it has none)."""
    return str(values.get(TITLE_FIELDS.get(kind, ""), "") or "")


def record_titles(session: Session, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Titles of the stored records ``keys`` ((kind, id); deleted ones too); records this
    install does not hold are left out."""
    out: dict[tuple[str, str], str] = {}
    for kind, record_id in keys:
        if kind not in TITLE_FIELDS or (kind, record_id) in out:
            continue
        try:
            record = session.store.get(kind, record_id, deleted=True)
        except NotFound:
            continue
        out[(kind, record_id)] = str(getattr(record, TITLE_FIELDS[kind], "") or "")
    return out
