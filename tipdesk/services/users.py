"""User administration: listing the install's users, adding one, disabling and enabling.

Signing in, the session and a user's own passphrase stay in :mod:`tipdesk.services.session`.

Contract:
- Listing needs ``view``; every change needs ``manage_users`` (admins), is written to the key
  file and the store together with its audit entry (the store writes it), and refuses bad input
  with nothing changed.
- A disabled user's wrapped copy of the database key is removed from the key file, so their
  passphrase no longer opens the store even offline.
- Runs on the store's thread, like every service.
"""

from __future__ import annotations

from tipdesk.core.errors import InvalidInput
from tipdesk.core.permissions import INSTALL_ROLES, Permission, UserRole
from tipdesk.services.session import Session, check_passphrase
from tipdesk.store.keys import KeyFile
from tipdesk.store.store import User


def list_users(session: Session) -> list[User]:
    """The install's users (active and disabled), by name."""
    session.require(Permission.VIEW)
    return session.store.users()


def add_user(session: Session, name: str, role: UserRole, passphrase: str) -> None:
    """Add a user (admins only). The role must fit the install (district or HQ roles)."""
    session.require(Permission.MANAGE_USERS)
    if role not in INSTALL_ROLES[session.install.role]:
        allowed_roles = ", ".join(r.value for r in INSTALL_ROLES[session.install.role])
        raise InvalidInput(f"A {session.install.role.value} install has roles: {allowed_roles}.")
    name = name.strip()
    with KeyFile.locked(session.paths.keyfile) as keyfile:
        if not name or session.store.user(name) is not None or keyfile.canonical_name(name):
            raise InvalidInput(f"The user name {name!r} is empty or already taken.")
        check_passphrase(passphrase, name)
        keyfile.add_user(name, passphrase, _db_key(session))
    session.store.add_user(name, role.value, session.actor())


def disable_user(session: Session, name: str) -> None:
    """Disable a user (admins only): the store refuses them and their wrapped copy of the
    database key is removed from the key file, so their passphrase no longer opens it even
    offline. :func:`enable_user` gives them a new passphrase."""
    session.require(Permission.MANAGE_USERS)
    user = session.store.user(name.strip())
    if user is None or not user.active:
        raise InvalidInput(f"There is no active user named {name.strip()!r}.")
    if user.name == session.user.name:
        raise InvalidInput("You cannot disable yourself; ask another admin.")
    with KeyFile.locked(session.paths.keyfile) as keyfile:
        if keyfile.canonical_name(user.name):
            keyfile.remove_user(user.name)
    session.store.set_user_active(user.name, False, session.actor())


def enable_user(session: Session, name: str, passphrase: str) -> None:
    """Enable a disabled user again with a new passphrase (admins only)."""
    session.require(Permission.MANAGE_USERS)
    user = session.store.user(name.strip())
    if user is None or user.active:
        raise InvalidInput(f"There is no disabled user named {name.strip()!r}.")
    check_passphrase(passphrase, user.name)
    with KeyFile.locked(session.paths.keyfile) as keyfile:
        keyfile.add_user(user.name, passphrase, _db_key(session))
    session.store.set_user_active(user.name, True, session.actor())


def _db_key(session: Session) -> bytes:
    return session.store.database_key()
