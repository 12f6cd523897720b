"""User administration: listing the install's users, adding one, disabling and enabling.

Signing in, the session and a user's own passphrase stay in :mod:`tipdesk.services.session`.

Contract:
- Listing needs ``view``; every change needs ``manage_users`` (admins), is written to the key
  file and the store together with its audit entry (the store writes it), and refuses bad input
  with nothing changed.
- Disabling a user rotates the keys (:func:`rotate_keys`): the database is re-encrypted with a
  new key, sealed for the remaining users only, and a new recovery key is issued, so the
  disabled user's passphrase with any copy of an older key file no longer opens the store.
- Runs on the store's thread, like every service.
"""

from __future__ import annotations

import os
import secrets
import time
from dataclasses import dataclass

from tipdesk.core.errors import InvalidInput, StoreBusy
from tipdesk.core.messages import say
from tipdesk.core.permissions import INSTALL_ROLES, Permission, UserRole, allowed
from tipdesk.paths import Paths
from tipdesk.services.session import Session, check_passphrase
from tipdesk.store.keyfile_doc import KEY_BYTES
from tipdesk.store.keys import KeyFile, format_recovery_key
from tipdesk.store.store import User


@dataclass(frozen=True, slots=True)
class KeyRotation:
    """What a key rotation did. ``recovery_key`` is the new recovery key: show it once, as at
    set-up, and never store it; the old one no longer opens anything. ``dropped`` names users
    whose entry could not be re-sealed (they have not signed in since the upgrade that gave
    users key pairs): give them a new passphrase (``tipdesk user enable`` after disabling, or
    the recovery key). ``seconds`` is how long the re-encryption took."""

    recovery_key: str
    dropped: tuple[str, ...]
    seconds: float


def list_users(session: Session) -> list[User]:
    """The install's users (active and disabled), by name."""
    session.require(Permission.VIEW)
    return session.store.users()


def add_user(session: Session, name: str, role: UserRole, passphrase: str) -> None:
    """Add a user (admins only). The role must fit the install (district or HQ roles)."""
    session.require(Permission.MANAGE_USERS)
    if role not in INSTALL_ROLES[session.install.role]:
        allowed_roles = ", ".join(r.value for r in INSTALL_ROLES[session.install.role])
        raise InvalidInput(
            say(
                "A {role} install has roles: {allowed_roles}.",
                role=session.install.role.value,
                allowed_roles=allowed_roles,
            )
        )
    name = name.strip()
    with KeyFile.locked(session.paths.keyfile) as keyfile:
        if not name or session.store.user(name) is not None or keyfile.canonical_name(name):
            raise InvalidInput(
                say("The user name {name} is empty or already taken.", name=repr(name))
            )
        check_passphrase(passphrase, name)
        keyfile.add_user(name, passphrase, _db_key(session), identity=_identity_for(session, role))
    session.store.add_user(name, role.value, session.actor())


def disable_user(session: Session, name: str) -> KeyRotation:
    """Disable a user (admins only): their entry leaves the key file and the keys are rotated
    (:func:`rotate_keys`), so neither their passphrase nor an old copy of the key file opens
    the store any more. Returns the rotation (its new recovery key must be shown once).
    :func:`enable_user` gives them a new passphrase."""
    session.require(Permission.MANAGE_USERS)
    user = session.store.user(name.strip())
    if user is None or not user.active:
        raise InvalidInput(say("There is no active user named {name}.", name=repr(name.strip())))
    if user.name == session.user.name:
        raise InvalidInput(say("You cannot disable yourself; ask another admin."))
    rotation = rotate_keys(session, reason=f"user {user.name} disabled", without=user.name)
    session.store.set_user_active(user.name, False, session.actor())
    return rotation


def rotate_keys(session: Session, *, reason: str = "", without: str | None = None) -> KeyRotation:
    """Re-key the store (admins only; after a lost laptop, a leaked passphrase or a disabled
    user): a new random database key re-encrypts the whole database (SQLCipher ``rekey``),
    it is sealed to the key pair of every remaining active user (not ``without``), and a new
    recovery key replaces the old one. An old key file with a passphrase that was right for it
    then opens nothing current. Audited (``keys.rotate``, with the users dropped).

    Crash safety: the key file is written first, holding the new key for the users and the old
    key wrapped under the new one; then the database is re-keyed in one transaction; then the
    old key is forgotten. Killed anywhere, the next sign-in opens the store (finishing the
    re-key when it had not happened). Refused (:class:`StoreBusy`) while another program has
    the store open, which would be left with a key that no longer fits."""
    session.require(Permission.MANAGE_USERS)
    _refuse_if_open_elsewhere(session.paths)
    keep = [u.name for u in session.store.users() if u.active and u.name != without]
    raw = secrets.token_bytes(KEY_BYTES)
    new_key = secrets.token_bytes(KEY_BYTES)
    started = time.perf_counter()
    with KeyFile.locked(session.paths.keyfile) as keyfile:
        identity = session.store.vault.private_key()
        dropped = keyfile.begin_rotation(session.store.database_key(), new_key, keep, raw, identity)
        session.store.rekey(new_key)
        keyfile.finish_rotation()
    seconds = time.perf_counter() - started
    session.audit("keys.rotate", reason=reason, dropped=dropped, users=len(keep) - len(dropped))
    return KeyRotation(format_recovery_key(raw), tuple(dropped), seconds)


def _refuse_if_open_elsewhere(paths: Paths) -> None:
    """The desktop app holds ``tipdesk.lock`` (Qt's lock file: its process id on the first
    line) while it runs; another live process holding it has the store open."""
    try:
        first = paths.lockfile.read_text(encoding="utf-8", errors="replace").split("\n", 1)[0]
        pid = int(first.strip())
    except (OSError, ValueError):
        return
    if pid == os.getpid() or pid <= 0 or os.name == "nt":
        return
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return  # a lock left by a crashed app
    except PermissionError:
        pass  # alive, another account's
    raise StoreBusy(
        say(
            "The TIPDesk app has this store open; close it before rotating the keys (the app "
            "would be left with a key that no longer opens the store)."
        )
    )


def enable_user(session: Session, name: str, passphrase: str) -> None:
    """Enable a disabled user again with a new passphrase (admins only)."""
    session.require(Permission.MANAGE_USERS)
    user = session.store.user(name.strip())
    if user is None or user.active:
        raise InvalidInput(say("There is no disabled user named {name}.", name=repr(name.strip())))
    check_passphrase(passphrase, user.name)
    with KeyFile.locked(session.paths.keyfile) as keyfile:
        identity = _identity_for(session, UserRole(user.role))
        keyfile.add_user(user.name, passphrase, _db_key(session), identity=identity)
    session.store.set_user_active(user.name, True, session.actor())


def _identity_for(session: Session, role: UserRole) -> bytes | None:
    """The identity key for a user of ``role``: only when the role may reveal identities
    (and this session holds the key; otherwise a holder grants it at their next sign-in)."""
    if not allowed(role, Permission.REVEAL_IDENTITY):
        return None
    return session.store.vault.private_key()


def _db_key(session: Session) -> bytes:
    return session.store.database_key()
