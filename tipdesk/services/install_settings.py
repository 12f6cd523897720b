"""The install's own settings as the app's settings screen shows them: the idle-lock time, the
time between automatic uploads to HQ, the offices, and facts about the install (the users are
:mod:`tipdesk.services.users`).

Contract: reading needs ``view``; changing needs ``manage_settings``. Every change is one
transaction with its audit entry (the store writes it). Runs on the store's thread. At HQ,
adding an office re-checks the quarantine right after (:mod:`tipdesk.services.sync.release`):
records held for want of that office are applied, in their own transactions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tipdesk import __version__
from tipdesk.core.codes import OfficeKind
from tipdesk.core.errors import InvalidInput
from tipdesk.core.messages import say
from tipdesk.core.permissions import Permission
from tipdesk.services.session import Session
from tipdesk.store.store import OfficeRow

if TYPE_CHECKING:
    from tipdesk.services.sync.release import Recheck

IDLE_LOCK_KEY = "idle_lock_minutes"
DEFAULT_IDLE_LOCK_MINUTES = 10
MIN_IDLE_LOCK_MINUTES = 1
MAX_IDLE_LOCK_MINUTES = 240


def idle_lock_minutes(session: Session) -> int:
    """Minutes of inactivity after which the app locks itself (default 10)."""
    session.require(Permission.VIEW)
    raw = session.store.setting(IDLE_LOCK_KEY)
    try:
        value = int(raw) if raw is not None else DEFAULT_IDLE_LOCK_MINUTES
    except ValueError:
        return DEFAULT_IDLE_LOCK_MINUTES
    return min(max(value, MIN_IDLE_LOCK_MINUTES), MAX_IDLE_LOCK_MINUTES)


def set_idle_lock_minutes(session: Session, minutes: int) -> int:
    """Store the idle-lock time; returns it. Refuses values outside 1 to 240 minutes."""
    session.require(Permission.MANAGE_SETTINGS)
    if not MIN_IDLE_LOCK_MINUTES <= minutes <= MAX_IDLE_LOCK_MINUTES:
        raise InvalidInput(
            say(
                "The lock time must be between {least} and {most} minutes.",
                least=MIN_IDLE_LOCK_MINUTES,
                most=MAX_IDLE_LOCK_MINUTES,
            )
        )
    session.store.set_settings({IDLE_LOCK_KEY: str(minutes)}, session.actor())
    return minutes


UPLOAD_MINUTES_KEY = "sync_upload_minutes"
DEFAULT_UPLOAD_MINUTES = 15
MIN_UPLOAD_MINUTES = 5
MAX_UPLOAD_MINUTES = 240


def upload_minutes(session: Session) -> int:
    """Minutes between the app's automatic uploads to HQ while someone is signed in (default
    15; the app also uploads at sign-in and after a save)."""
    session.require(Permission.VIEW)
    raw = session.store.setting(UPLOAD_MINUTES_KEY)
    try:
        value = int(raw) if raw is not None else DEFAULT_UPLOAD_MINUTES
    except ValueError:
        return DEFAULT_UPLOAD_MINUTES
    return min(max(value, MIN_UPLOAD_MINUTES), MAX_UPLOAD_MINUTES)


def set_upload_minutes(session: Session, minutes: int) -> int:
    """Store the time between automatic uploads; returns it. Refuses values outside 5 to 240
    minutes."""
    session.require(Permission.MANAGE_SETTINGS)
    if not MIN_UPLOAD_MINUTES <= minutes <= MAX_UPLOAD_MINUTES:
        raise InvalidInput(
            say(
                "The time between uploads must be between {least} and {most} minutes.",
                least=MIN_UPLOAD_MINUTES,
                most=MAX_UPLOAD_MINUTES,
            )
        )
    session.store.set_settings({UPLOAD_MINUTES_KEY: str(minutes)}, session.actor())
    return minutes


def offices(session: Session) -> list[OfficeRow]:
    """The install's offices, by name."""
    session.require(Permission.VIEW)
    return session.store.offices()


def _office_code(name: str, taken: set[str]) -> str:
    base = "OFF-" + "".join(ch for ch in name.upper() if ch.isalnum())[:24]
    code, n = base, 2
    while code in taken:
        code, n = f"{base}-{n}", n + 1
    return code


@dataclass(frozen=True, slots=True)
class OfficeAdded:
    """An office added (:func:`add_office_releasing`) and, at HQ, what the quarantine's
    re-check then released (``None``: nothing was held, or a district install)."""

    office: OfficeRow
    released: Recheck | None


def add_office(session: Session, name: str, district: str, kind: str) -> OfficeRow:
    """Add an office of the install (see :func:`add_office_releasing`)."""
    return add_office_releasing(session, name, district, kind).office


def add_office_releasing(session: Session, name: str, district: str, kind: str) -> OfficeAdded:
    """Add an office of the install. ``district`` is a district code or name from the
    reference list; an office of the reference list (by code or name) keeps its code. At HQ
    the quarantine is re-checked after (the new office can make held cases valid)."""
    session.require(Permission.MANAGE_SETTINGS)
    name = " ".join(name.split())
    if not name:
        raise InvalidInput(say("The office needs a name."))
    found = session.reference.district(district)
    if found is None:
        raise InvalidInput(
            say("{district} is not a district in the reference list.", district=repr(district))
        )
    try:
        office_kind = OfficeKind(kind)
    except ValueError:
        raise InvalidInput(say("{kind} is not a kind of office.", kind=repr(kind))) from None
    existing = session.store.offices()
    folded = name.casefold()
    if any(o.name.casefold() == folded and o.district == found.code for o in existing):
        raise InvalidInput(say("The office {name} is already in the list.", name=repr(name)))
    known = next(
        (
            o
            for o in session.reference.offices.values()
            if folded in (o.code.casefold(), o.name.casefold())
        ),
        None,
    )
    if known is not None:
        row = OfficeRow(known.code, known.name, known.district, known.kind)
    else:
        row = OfficeRow(
            _office_code(name, {o.code for o in existing}), name, found.code, office_kind.value
        )
    session.store.add_office(row, session.actor())
    # At HQ a new office can make held cases valid (a new police station's cases wait in
    # quarantine until HQ adds it): take them up now. Imported here: services.sync imports
    # this package's session module.
    from tipdesk.services.sync.release import after_reference_change

    return OfficeAdded(row, after_reference_change(session, "office.add"))


@dataclass(frozen=True, slots=True)
class About:
    """Facts about the install for the settings screen (nothing secret)."""

    version: str
    """The TIPDesk version running."""
    data_folder: str
    install_role: str
    """``district`` or ``hq``."""
    district: str
    """The district's code; empty at HQ."""
    office: str
    """The office's code; empty at HQ."""
    device_id: str
    schema_version: int
    """The store's database version (its migrations)."""
    created_at: str
    """When the install was set up (ISO timestamp), or empty when unknown."""


def about(session: Session) -> About:
    """Facts about the install for the settings screen (nothing secret)."""
    session.require(Permission.VIEW)
    install = session.install
    return About(
        version=__version__,
        data_folder=str(session.paths.home),
        install_role=install.role.value,
        district=install.district,
        office=install.office,
        device_id=install.device_id,
        schema_version=session.store.schema_version,
        created_at=session.store.setting("created_at", "") or "",
    )
