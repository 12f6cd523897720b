"""Locking and unlocking a signed-in session (the app's lock screen), and the hint the sign-in
screen shows before anyone signs in.

Contract:
- Locking is the GUI's business (it hides every record); the session and its store stay open so
  work in progress (a backup, unsaved input) survives. Unlocking proves the passphrase again:
  :func:`unlock` runs the same Argon2id unwrap as signing in, throttled and recorded the same way
  (:class:`~tipdesk.core.errors.LoginThrottled`, :class:`~tipdesk.core.errors.WrongPassphrase`),
  and checks that the key it unwraps is the open store's.
- Only the signed-in user may unlock their session; another user signs in after a restart.
- Failed attempts are written to the audit log at the next successful unlock, as at sign-in.
- Every function here runs on the store's thread (it reads and rewrites the key file).
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from tipdesk.core.clock import Clock
from tipdesk.core.errors import InvalidInput, WrongPassphrase
from tipdesk.core.messages import say
from tipdesk.core.passphrase import passphrase_messages, too_weak
from tipdesk.paths import Paths
from tipdesk.services.session import Session, log_with_failures, store_exists
from tipdesk.store.keys import KeyFile


@dataclass(frozen=True, slots=True)
class LoginHint:
    """What the sign-in screen may show before anyone signs in. No user names: showing one
    would hand half of the credentials to whoever sits at the laptop."""

    store_exists: bool
    wait_seconds: float
    """Seconds until the next attempt is allowed (0.0: now)."""


def login_hint(paths: Paths, clock: Clock) -> LoginHint:
    if not store_exists(paths) or not paths.keyfile.exists():
        return LoginHint(store_exists(paths), 0.0)
    return LoginHint(True, KeyFile.load(paths.keyfile).throttle_status(clock))


def _check_key(session: Session, db_key: bytes) -> None:
    if not hmac.compare_digest(db_key, session.store.database_key()):
        # A key file swapped under a running session: refuse rather than mix stores.
        raise WrongPassphrase(say("Wrong user name or passphrase."))


def unlock(session: Session, passphrase: str) -> None:
    """Unlock ``session`` with its user's passphrase; raises as signing in does."""
    with KeyFile.locked(session.paths.keyfile) as keyfile:
        db_key = keyfile.unlock(session.user.name, passphrase, session.clock)
        _check_key(session, db_key)
        log_with_failures(session, keyfile, "unlock")


def unlock_with_recovery(session: Session, recovery_key: str, new_passphrase: str) -> None:
    """Unlock ``session`` with the recovery key and give its user ``new_passphrase``."""
    problems = passphrase_messages(new_passphrase, user=session.user.name)
    if problems:
        raise InvalidInput(too_weak(problems))
    with KeyFile.locked(session.paths.keyfile) as keyfile:
        db_key = keyfile.unlock_with_recovery(recovery_key, session.clock)
        _check_key(session, db_key)
        keyfile.reset_passphrase(
            session.user.name, new_passphrase, db_key, identity=session.store.vault.private_key()
        )
        log_with_failures(session, keyfile, "unlock.recovery")
    if not session.audit_broken:  # else nothing can be logged until the break is recorded
        session.audit("passphrase.reset", "user", session.user.name)
