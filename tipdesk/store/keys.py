"""The key file: protects the store's random 256-bit database key with passphrases.

The database is opened with a raw random key that never changes. This file holds that key
wrapped (AES-256-GCM) once per user, under a key derived from the user's passphrase with
Argon2id, and once more under the recovery key (256 random bits shown to the user once, turned
into a wrapping key with HKDF-SHA256 because it is already high-entropy). Changing a passphrase
re-wraps one entry; the database is never re-encrypted.

File format (JSON, UTF-8, written with :func:`tipdesk.fs.atomic_write_text`; read and written
by :mod:`tipdesk.store.keyfile_doc`)::

    {"format": "tipdesk-keyfile", "version": 1, "file_id": b64(16 bytes),
     "created_at": iso, "key_check": b64(HKDF(db_key)),
     "users": [{"name", "salt", "kdf": {"algorithm": "argon2id", "memory_kib", "iterations",
                "lanes"}, "nonce", "wrapped_key"}],
     "recovery": {"kdf": {"algorithm": "hkdf-sha256"}, "salt", "nonce", "wrapped_key"},
     "throttle": {"consecutive_failures", "last_failure", "pending_failures": [{"at", "user"}]}}

Every wrap's associated data is the canonical JSON of the format name, version, file id, slot
("user" or "recovery") and user name, so an entry copied to another user or another file no
longer decrypts. ``key_check`` is HKDF-SHA256 of the database key (salt: file id), used to refuse
a wrong key in :meth:`KeyFile.add_user` and :meth:`KeyFile.reset_passphrase`; it reveals nothing
usable about a 256-bit key. Nothing else about the key is stored.

Login throttling: the first three consecutive failures are free; after that each attempt must
wait ``2 ** (failures - 3)`` seconds (capped at 300 s) from the last failure. This slows guessing
through the app only: someone who copies the file can run Argon2id offline, so the passphrase
policy and the Argon2id cost are the real protection. A clock set backwards never makes the
wait longer than the current delay. Failures are also kept (timestamp, user) until the store
writes them into its audit log; a name that matches no user is recorded as ``<unknown user>``,
never as typed, because people type their passphrase into the name field.

User names are compared after Unicode NFC normalisation and trimming, ignoring case; the name
as first written is kept. Passphrases are NFC-normalised then UTF-8 encoded before Argon2id, so
the same text typed on another keyboard layout or input method still unlocks.

Contract: a ``KeyFile`` is not thread-safe; use it from the store's thread, with the store lock
held (two processes writing the same file would lose each other's changes). Every mutation
rewrites the whole file atomically; when the write fails the file on disk is unchanged. Secrets
(passphrases, keys) never appear in messages, reprs or logs.
"""

from __future__ import annotations

import base64
import json
import math
import os
import secrets
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import NoReturn

from filelock import FileLock
from filelock import Timeout as LockTimeout

from tipdesk.core.clock import Clock, iso_timestamp, parse_timestamp
from tipdesk.core.errors import (
    CorruptStore,
    InvalidInput,
    LoginThrottled,
    NotFound,
    Problem,
    StoreBusy,
    StoreExists,
    StoreNotFound,
    ValidationFailed,
    WrongPassphrase,
)
from tipdesk.core.messages import Message, say
from tipdesk.core.passphrase import passphrase_messages, strength_hint
from tipdesk.fs import atomic_write_text
from tipdesk.store import keywrap
from tipdesk.store.keyfile_doc import (
    DEFAULT_KDF,
    FILE_ID_BYTES,
    FORMAT,
    KEY_BYTES,
    SALT_BYTES,
    VERSION,
    KdfParams,
    KeyFileState,
    Recovery,
    Throttle,
    UserEntry,
    b64,
    name_problem,
    normalise_name,
    parse_key_file,
    to_document,
)

THROTTLE_FREE_FAILURES = 3
THROTTLE_MAX_DELAY = 300.0
MAX_PENDING_FAILURES = 1000
"""Only the newest failures (and refused attempts) are kept for the audit log; older ones are
dropped."""

LOCK_TIMEOUT = 60.0
"""Seconds an attempt waits for another one (each runs Argon2id once, about 0.2 s) to finish."""

UNKNOWN_USER = "<unknown user>"
RECOVERY_USER = "<recovery key>"
"""Names recorded for failed attempts; '<' and '>' are not allowed in real user names."""


_RECOVERY_INFO = b"tipdesk-keyfile v1 recovery wrapping key"
_RECOVERY_PAIR_INFO = b"tipdesk-keyfile v2 recovery key pair"
_PREVIOUS_INFO = b"tipdesk-keyfile v2 previous database key"
_KEY_CHECK_INFO = b"tipdesk-keyfile v1 key check"
_WRONG = say("Wrong user name or passphrase.")
_WRONG_RECOVERY = say("Wrong recovery key.")
_B32_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
_RECOVERY_CHARS = 52  # ceil(256 / 5)
_RECOVERY_GROUP = 4


# --- passphrase policy (tipdesk.core.passphrase) -------------------------------------------


def _require_good_passphrase(passphrase: str, user: str) -> None:
    problems = passphrase_messages(passphrase, user=user)
    if problems:
        raise ValidationFailed(
            [Problem.of("passphrase", "passphrase.policy", message) for message in problems],
            what="passphrase",
        )


# --- recovery key text -------------------------------------------------------------------------


def format_recovery_key(raw: bytes) -> str:
    """Show a 32-byte recovery key as base32 without padding in dash-separated groups of 4
    (13 groups of capital letters and digits 2-7)."""
    if len(raw) != KEY_BYTES:
        raise ValueError("a recovery key is 32 bytes")
    text = base64.b32encode(raw).decode("ascii").rstrip("=")
    return "-".join(text[i : i + _RECOVERY_GROUP] for i in range(0, len(text), _RECOVERY_GROUP))


def parse_recovery_key(text: str) -> bytes:
    """Inverse of :func:`format_recovery_key`, ignoring case, white space and dashes.

    Raises ``ValueError`` (whose message never quotes ``text``) when it is not a recovery key.
    """
    cleaned = "".join(ch for ch in text if not ch.isspace() and ch not in "-\u2010\u2011\u2013")
    cleaned = cleaned.upper()
    if len(cleaned) != _RECOVERY_CHARS or not set(cleaned) <= _B32_ALPHABET:
        raise ValueError(f"a recovery key has {_RECOVERY_CHARS} letters and digits 2-7, in groups")
    raw = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    if len(raw) != KEY_BYTES:  # pragma: no cover - 52 base32 characters always give 32 bytes
        raise ValueError("a recovery key is 32 bytes")
    return raw


# --- crypto helpers ----------------------------------------------------------------------------

_AAD_VERSION = 1
"""The version named in every wrap's associated data (fixed: version 1 entries must still open
once the file is written as version 2)."""


def _recovery_wrapping_key(raw: bytes, salt: bytes) -> bytes:
    return keywrap.hkdf(raw, salt, _RECOVERY_INFO)


def _recovery_pair(raw: bytes, salt: bytes) -> tuple[bytes, bytes]:
    return keywrap.key_pair_from(keywrap.hkdf(raw, salt, _RECOVERY_PAIR_INFO))


def _key_check(db_key: bytes, file_id: bytes) -> bytes:
    return keywrap.hkdf(db_key, file_id, _KEY_CHECK_INFO)


def _aad(file_id: bytes, slot: str, user: str) -> bytes:
    bound = {
        "format": FORMAT,
        "version": _AAD_VERSION,
        "file_id": b64(file_id),
        "slot": slot,
        "user": user,
    }
    return json.dumps(bound, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _wrap(wrapping_key: bytes, value: bytes, aad: bytes) -> tuple[bytes, bytes]:
    return keywrap.wrap(wrapping_key, value, aad)


def _unwrap(wrapping_key: bytes, nonce: bytes, wrapped: bytes, aad: bytes) -> bytes | None:
    return keywrap.unwrap(wrapping_key, nonce, wrapped, aad)


def _passphrase_key(passphrase: str, salt: bytes, kdf: KdfParams) -> bytes:
    return keywrap.passphrase_key(passphrase, salt, kdf)


def _check_new_name(name: str) -> None:
    problem = name_problem(name)
    if problem:
        raise ValidationFailed([Problem("user", "user.name", problem)], what="user")


def _sealed_for(
    file_id: bytes, slot: str, name: str, public: bytes, db_key: bytes, identity: bytes | None
) -> tuple[bytes, bytes | None]:
    """The database key and (when given) the identity key sealed to ``public``."""
    sealed_key = keywrap.seal(public, db_key, _aad(file_id, f"{slot}.db_key", name))
    sealed_identity = (
        keywrap.seal(public, identity, _aad(file_id, f"{slot}.identity_key", name))
        if identity is not None
        else None
    )
    return sealed_key, sealed_identity


def _new_user_entry(
    file_id: bytes,
    name: str,
    passphrase: str,
    db_key: bytes,
    kdf: KdfParams,
    identity: bytes | None = None,
) -> UserEntry:
    """A version 2 entry: a fresh key pair, its private half wrapped under the passphrase,
    the database key (and the identity key) sealed to its public half."""
    salt = secrets.token_bytes(SALT_BYTES)
    wrapping_key = _passphrase_key(passphrase, salt, kdf)
    private, public = keywrap.new_key_pair()
    nonce, wrapped = _wrap(wrapping_key, private, _aad(file_id, "user", name))
    sealed_key, sealed_identity = _sealed_for(file_id, "user", name, public, db_key, identity)
    return UserEntry(name, salt, kdf, nonce, wrapped, public, sealed_key, sealed_identity)


def _new_recovery(file_id: bytes, raw: bytes, db_key: bytes, identity: bytes | None) -> Recovery:
    salt = secrets.token_bytes(SALT_BYTES)
    _private, public = _recovery_pair(raw, salt)
    sealed_key, sealed_identity = _sealed_for(file_id, "recovery", "", public, db_key, identity)
    return Recovery(
        salt=salt, public=public, sealed_key=sealed_key, sealed_identity=sealed_identity
    )


def _delay_after(failures: int) -> float:
    if failures < THROTTLE_FREE_FAILURES:
        return 0.0
    # Bound the exponent so a tampered counter cannot build a huge number.
    return min(2.0 ** min(failures - THROTTLE_FREE_FAILURES, 32), THROTTLE_MAX_DELAY)


class KeyFile:
    """One key file on disk and its parsed contents. Build with :meth:`create` or :meth:`load`."""

    def __init__(self, path: Path, state: KeyFileState) -> None:
        self._path = Path(path)
        self._state = state

    def __repr__(self) -> str:
        return f"KeyFile(path={str(self._path)!r}, users={self.users()!r})"

    @property
    def path(self) -> Path:
        return self._path

    # --- creating and loading ----------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path,
        *,
        user: str,
        passphrase: str,
        clock: Clock,
        kdf: KdfParams = DEFAULT_KDF,
    ) -> tuple[KeyFile, bytes, str]:
        """Create a new key file for a new store with one user.

        Returns ``(keyfile, db_key, recovery_key_text)``: a fresh random 32-byte database key
        and the recovery key, which must be shown to the user once and is not kept anywhere.
        Raises :class:`StoreExists` if ``path`` exists (the caller holds the store lock, so no
        one creates it meanwhile), :class:`ValidationFailed` for a bad name or passphrase.
        The folder must exist.
        """
        path = Path(path)
        if os.path.lexists(path):
            raise StoreExists(
                say("A key file already exists at {path}; nothing was changed.", path=path)
            )
        name = normalise_name(user)
        _check_new_name(name)
        _require_good_passphrase(passphrase, name)
        file_id = secrets.token_bytes(FILE_ID_BYTES)
        db_key = secrets.token_bytes(KEY_BYTES)
        recovery_raw = secrets.token_bytes(KEY_BYTES)
        state = KeyFileState(
            file_id=file_id,
            created_at=iso_timestamp(clock.now()),
            key_check=_key_check(db_key, file_id),
            users=(_new_user_entry(file_id, name, passphrase, db_key, kdf),),
            recovery=_new_recovery(file_id, recovery_raw, db_key, None),
        )
        keyfile = cls(path, state)
        keyfile._write(state)
        return keyfile, db_key, format_recovery_key(recovery_raw)

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        """Read and check a key file. Raises :class:`StoreNotFound` when it does not exist and
        :class:`CorruptStore` when it is damaged, not a key file, or from a newer TIPDesk."""
        path = Path(path)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise StoreNotFound(
                say(
                    "There is no key file at {path}. Create a store first (tipdesk init).",
                    path=path,
                )
            ) from None
        return cls(path, parse_key_file(path, raw))

    @classmethod
    @contextmanager
    def locked(cls, path: Path) -> Iterator[KeyFile]:
        """Hold the key file's lock (``keys.json.lock`` beside it, an OS file lock that holds
        across threads and processes) and yield the file as it is on disk now.

        Why: a sign-in reads the failure counter, checks the wait, runs Argon2id and writes the
        counter back; without the lock, parallel attempts (the app and the command line, or
        several threads) all read the same counter, are all tried during a wait, and each
        write drops the others' failures from the audit trail. Every read-check-write of the
        throttle (sign-in, unlock, passphrase change, recovery) runs inside this block.
        :class:`StoreBusy` when another attempt holds the lock for :data:`LOCK_TIMEOUT`."""
        path = Path(path)
        if not path.parent.is_dir():
            # Nothing to lock: let load() say there is no store (no lock file is made).
            yield cls.load(path)
            return
        lock = FileLock(str(path) + ".lock", mode=0o600, thread_local=False, is_singleton=False)
        try:
            lock.acquire(timeout=LOCK_TIMEOUT)
        except LockTimeout:
            raise StoreBusy(
                say("Another sign-in to this store is under way; try again in a moment.")
            ) from None
        try:
            yield cls.load(path)
        finally:
            lock.release()

    # --- reading -----------------------------------------------------------------------------

    def users(self) -> list[str]:
        """User names in the order they were added."""
        return [entry.name for entry in self._state.users]

    def canonical_name(self, user: str) -> str | None:
        """The stored spelling of ``user`` (names match ignoring case and outer spaces), or
        ``None`` when there is no such user. The store keys its users by this spelling."""
        entry = self._find(user)
        return entry.name if entry else None

    def throttle_status(self, clock: Clock) -> float:
        """Seconds until the next unlock attempt is allowed; 0.0 when it is allowed now."""
        throttle = self._state.throttle
        delay = _delay_after(throttle.failures)
        if delay == 0.0 or throttle.last_failure is None:
            return 0.0
        remaining = (throttle.last_failure - clock.now()).total_seconds() + delay
        return max(0.0, min(remaining, delay))

    # --- unlocking ---------------------------------------------------------------------------

    def unlock(self, user: str, passphrase: str, clock: Clock) -> bytes:
        """Return the database key. Raises :class:`LoginThrottled` (nothing recorded) while
        attempts are throttled, :class:`WrongPassphrase` with the same message for an unknown
        user and a wrong passphrase (the failure is recorded in the file first). Success
        resets the failure counter but keeps the failures not yet audited. A refused attempt
        is kept for the audit log too (``login.throttled``) but does not count as a failure."""
        return self.unlock_keys(user, passphrase, clock)[0]

    def unlock_keys(self, user: str, passphrase: str, clock: Clock) -> tuple[bytes, bytes | None]:
        """Like :meth:`unlock` (one Argon2id run), and also the identity key when it was
        sealed to this user (``None`` otherwise): ``(database key, identity key)``."""
        entry = self._find(user)
        self._check_throttle(clock, entry.name if entry else UNKNOWN_USER)
        if entry is None:
            # Spend the same Argon2id time as a real attempt so timing does not reveal names.
            _passphrase_key(passphrase, bytes(SALT_BYTES), self._state.users[0].kdf)
            self._fail(clock, UNKNOWN_USER, _WRONG)
        opened = self._open_user(entry, passphrase)
        if opened is None:
            self._fail(clock, entry.name, _WRONG)
        self._succeed()
        db_key, private = opened
        entry = self._find_existing(user)  # upgraded, perhaps
        if entry.sealed_identity is None:
            return db_key, None
        identity = keywrap.open_sealed(
            private,
            entry.sealed_identity,
            _aad(self._state.file_id, "user.identity_key", entry.name),
        )
        return db_key, identity

    def unlock_with_recovery(self, recovery_key: str, clock: Clock) -> bytes:
        """Return the database key using the recovery key text (case, spaces and dashes do not
        matter). Throttled and recorded like :meth:`unlock`; text that cannot be a recovery
        key at all raises :class:`WrongPassphrase` without counting as an attempt."""
        self._check_throttle(clock, RECOVERY_USER)
        try:
            raw = parse_recovery_key(recovery_key)
        except ValueError:
            raise WrongPassphrase(
                say(
                    "That is not a recovery key: it has {n} letters and digits, in groups like "
                    "ABCD-EFGH-…",
                    n=_RECOVERY_CHARS,
                )
            ) from None
        db_key = self._open_recovery(raw)[0]
        if db_key is None:
            self._fail(clock, RECOVERY_USER, _WRONG_RECOVERY)
        self._verify_db_key(db_key, corrupt=True)
        self._succeed()
        return db_key

    def recovery_identity(self, recovery_key: str) -> bytes | None:
        """The identity key sealed to the recovery key, after :meth:`unlock_with_recovery`
        accepted the same text; ``None`` when none was sealed to it."""
        try:
            return self._open_recovery(parse_recovery_key(recovery_key))[1]
        except ValueError:
            return None

    def _open_recovery(self, raw: bytes) -> tuple[bytes | None, bytes | None]:
        recovery = self._state.recovery
        file_id = self._state.file_id
        if recovery.public is None or recovery.sealed_key is None:  # version 1
            assert recovery.nonce is not None and recovery.wrapped is not None
            db_key = _unwrap(
                _recovery_wrapping_key(raw, recovery.salt),
                recovery.nonce,
                recovery.wrapped,
                _aad(file_id, "recovery", ""),
            )
            return db_key, None
        private, public = _recovery_pair(raw, recovery.salt)
        if not secrets.compare_digest(public, recovery.public):
            return None, None
        db_key = keywrap.open_sealed(
            private, recovery.sealed_key, _aad(file_id, "recovery.db_key", "")
        )
        identity = (
            keywrap.open_sealed(
                private, recovery.sealed_identity, _aad(file_id, "recovery.identity_key", "")
            )
            if recovery.sealed_identity is not None
            else None
        )
        return db_key, identity

    # --- key rotation --------------------------------------------------------------------------

    def begin_rotation(
        self,
        old_key: bytes,
        new_key: bytes,
        keep: Collection[str],
        recovery_raw: bytes,
        identity: bytes | None = None,
    ) -> list[str]:
        """Step 1 of a key rotation (the caller holds the key file's lock and then re-keys the
        database, then calls :meth:`finish_rotation`). The file is rewritten at once with:
        the users of ``keep`` only, each with ``new_key`` (and ``identity``, for those who
        already had an identity key) sealed to their public key; a new recovery slot for
        ``recovery_raw``; the key check of ``new_key``; and ``old_key`` wrapped under
        ``new_key`` (``previous_key``), so that whoever unlocks the new key can still open a
        database the re-key never reached (a crash in between) and finish it.

        Returns the users of ``keep`` dropped because their entry is still version 1 (no key
        pair: they have not signed in since the upgrade); an administrator gives them a new
        passphrase. :class:`InvalidInput` when ``old_key`` is not this file's key or when no
        user would be left."""
        self._verify_db_key(old_key, corrupt=False)
        file_id = self._state.file_id
        wanted = {normalise_name(n).casefold() for n in keep}
        users: list[UserEntry] = []
        dropped: list[str] = []
        for entry in self._state.users:
            if entry.name.casefold() not in wanted:
                continue
            if entry.public is None:
                dropped.append(entry.name)
                continue
            sealed_key, sealed_identity = _sealed_for(
                file_id,
                "user",
                entry.name,
                entry.public,
                new_key,
                identity if entry.sealed_identity is not None else None,
            )
            users.append(replace(entry, sealed_key=sealed_key, sealed_identity=sealed_identity))
        if not users:
            raise InvalidInput(say("No user would be able to open the store after the rotation."))
        nonce, wrapped = _wrap(
            keywrap.hkdf(new_key, file_id, _PREVIOUS_INFO), old_key, _aad(file_id, "previous", "")
        )
        self._commit(
            replace(
                self._state,
                key_check=_key_check(new_key, file_id),
                users=tuple(users),
                recovery=_new_recovery(file_id, recovery_raw, new_key, identity),
                previous_key=(nonce, wrapped),
            )
        )
        return dropped

    def previous_key(self, db_key: bytes) -> bytes | None:
        """During an unfinished rotation: the key the database may still be encrypted with,
        given the new one (from an unlock); ``None`` when no rotation is under way."""
        found = self._state.previous_key
        if found is None:
            return None
        file_id = self._state.file_id
        return _unwrap(
            keywrap.hkdf(db_key, file_id, _PREVIOUS_INFO),
            found[0],
            found[1],
            _aad(file_id, "previous", ""),
        )

    @property
    def rotation_pending(self) -> bool:
        """Whether a rotation began and was not finished (the old key is still kept)."""
        return self._state.previous_key is not None

    def finish_rotation(self) -> None:
        """Step 2: the database is encrypted with the new key; forget the old one."""
        if self._state.previous_key is not None:
            self._commit(replace(self._state, previous_key=None))

    # --- the identity key ------------------------------------------------------------------------

    def grant_identity(self, user: str, identity: bytes) -> bool:
        """Seal ``identity`` to ``user``'s public key; False (nothing written) when the user
        has no key pair yet (a version 1 entry) or already holds it."""
        entry = self._find(user)
        if entry is None or entry.public is None or entry.sealed_identity is not None:
            return False
        sealed = keywrap.seal(
            entry.public, identity, _aad(self._state.file_id, "user.identity_key", entry.name)
        )
        users = tuple(
            replace(e, sealed_identity=sealed) if e is entry else e for e in self._state.users
        )
        self._commit(replace(self._state, users=users))
        return True

    def revoke_identity(self, user: str) -> bool:
        """Drop the identity key sealed to ``user`` (a role that may no longer reveal)."""
        entry = self._find(user)
        if entry is None or entry.sealed_identity is None:
            return False
        users = tuple(
            replace(e, sealed_identity=None) if e is entry else e for e in self._state.users
        )
        self._commit(replace(self._state, users=users))
        return True

    def grant_recovery_identity(self, identity: bytes) -> bool:
        """Seal ``identity`` to the recovery key's public key (version 2 slots only)."""
        recovery = self._state.recovery
        if recovery.public is None or recovery.sealed_identity is not None:
            return False
        sealed = keywrap.seal(
            recovery.public, identity, _aad(self._state.file_id, "recovery.identity_key", "")
        )
        self._commit(replace(self._state, recovery=replace(recovery, sealed_identity=sealed)))
        return True

    def identity_holders(self) -> list[str]:
        """Users holding the identity key."""
        return [e.name for e in self._state.users if e.sealed_identity is not None]

    def has_key_pair(self, user: str) -> bool:
        entry = self._find(user)
        return entry is not None and entry.public is not None

    # --- managing users ----------------------------------------------------------------------

    def add_user(
        self,
        user: str,
        passphrase: str,
        db_key: bytes,
        kdf: KdfParams = DEFAULT_KDF,
        identity: bytes | None = None,
    ) -> None:
        """Give a new user access. ``db_key`` comes from an unlock by someone already allowed;
        :class:`InvalidInput` if it is not this store's key, :class:`ValidationFailed` for a
        bad or duplicate name or a bad passphrase."""
        name = normalise_name(user)
        _check_new_name(name)
        if self._find(name) is not None:
            raise ValidationFailed(
                [Problem("user", "user.exists", "A user with this name already exists.")],
                what="user",
            )
        _require_good_passphrase(passphrase, name)
        self._verify_db_key(db_key, corrupt=False)
        entry = _new_user_entry(self._state.file_id, name, passphrase, db_key, kdf, identity)
        self._commit(replace(self._state, users=(*self._state.users, entry)))

    def remove_user(self, user: str) -> None:
        """Remove a user's entry. :class:`NotFound` for an unknown name; the last user cannot
        be removed (:class:`InvalidInput`), so the store never depends on the recovery key."""
        entry = self._find(user)
        if entry is None:
            raise NotFound(say("There is no user named {name}.", name=repr(normalise_name(user))))
        if len(self._state.users) == 1:
            raise InvalidInput(say("The last user cannot be removed; add another user first."))
        users = tuple(e for e in self._state.users if e is not entry)
        self._commit(replace(self._state, users=users))

    def change_passphrase(
        self,
        user: str,
        old: str,
        new: str,
        clock: Clock,
        *,
        kdf: KdfParams | None = None,
    ) -> None:
        """Change one user's passphrase after checking the old one (throttled and recorded like
        :meth:`unlock`). Only that user's entry is re-wrapped, with a fresh salt and nonce; the
        database key never changes. ``kdf`` defaults to the entry's current cost."""
        entry = self._find(user)
        _require_good_passphrase(new, entry.name if entry else normalise_name(user))
        db_key, identity = self.unlock_keys(user, old, clock)
        # A fresh key pair: an old copy of this file and the old passphrase open nothing that
        # a key rotation seals from now on.
        self._rewrap(self._find_existing(user), new, db_key, kdf, identity)

    def reset_passphrase(
        self,
        user: str,
        new: str,
        db_key: bytes,
        *,
        kdf: KdfParams | None = None,
        identity: bytes | None = None,
    ) -> None:
        """Set a user's passphrase without the old one, given the database key (after a
        recovery-key unlock, or by an administrator who is signed in). The entry gets a new
        key pair, holding ``identity`` when given (else the identity key is granted again
        later by one who holds it). :class:`NotFound` for an unknown user,
        :class:`InvalidInput` for a key that is not this store's."""
        entry = self._find(user)
        if entry is None:
            raise NotFound(say("There is no user named {name}.", name=repr(normalise_name(user))))
        _require_good_passphrase(new, entry.name)
        self._verify_db_key(db_key, corrupt=False)
        self._rewrap(entry, new, db_key, kdf, identity)

    def pending_failures(self) -> list[tuple[str, str]]:
        """The failed attempts not yet audited, oldest first, as ``(iso timestamp, user)``.
        Write them to the audit log, then :meth:`forget_failures` them: a crash in between
        leaves them here, and the next sign-in skips those already logged (no loss, no
        duplicate)."""
        return list(self._state.throttle.pending)

    def pending_refusals(self) -> list[tuple[str, str]]:
        """Attempts refused during a wait (never tried) not yet audited, like
        :meth:`pending_failures`."""
        return list(self._state.throttle.refused)

    def forget_failures(self, done: Sequence[tuple[str, str]]) -> None:
        """Drop ``done`` (audited) from the pending failures and refusals; later ones stay.
        Rewrites the file only when something was dropped."""
        gone = set(done)
        old = self._state.throttle
        pending = tuple(p for p in old.pending if p not in gone)
        refused = tuple(p for p in old.refused if p not in gone)
        if len(pending) != len(old.pending) or len(refused) != len(old.refused):
            throttle = replace(old, pending=pending, refused=refused)
            self._commit(replace(self._state, throttle=throttle))

    # --- internals ---------------------------------------------------------------------------

    def _find(self, user: str) -> UserEntry | None:
        wanted = normalise_name(user).casefold()
        for entry in self._state.users:
            if entry.name.casefold() == wanted:
                return entry
        return None

    def _find_existing(self, user: str) -> UserEntry:
        entry = self._find(user)
        if entry is None:  # pragma: no cover - callers checked
            raise NotFound(say("There is no user named {name}.", name=repr(normalise_name(user))))
        return entry

    def _open_user(self, entry: UserEntry, passphrase: str) -> tuple[bytes, bytes] | None:
        """``(database key, private key)`` for a right passphrase, else ``None``. A version 1
        entry is upgraded on the way (a key pair made, the file rewritten)."""
        wrapping_key = _passphrase_key(passphrase, entry.salt, entry.kdf)
        file_id = self._state.file_id
        aad = _aad(file_id, "user", entry.name)
        inner = _unwrap(wrapping_key, entry.nonce, entry.wrapped, aad)
        if inner is None:
            return None
        if entry.public is None or entry.sealed_key is None:
            self._verify_db_key(inner, corrupt=True)
            private, public = keywrap.new_key_pair()
            nonce, wrapped = _wrap(wrapping_key, private, aad)
            sealed_key, _ = _sealed_for(file_id, "user", entry.name, public, inner, None)
            upgraded = replace(
                entry, nonce=nonce, wrapped=wrapped, public=public, sealed_key=sealed_key
            )
            users = tuple(upgraded if e is entry else e for e in self._state.users)
            self._commit(replace(self._state, users=users))
            return inner, private
        db_key = keywrap.open_sealed(
            inner, entry.sealed_key, _aad(file_id, "user.db_key", entry.name)
        )
        if db_key is None:
            raise CorruptStore(
                say("The key file {path} is inconsistent (a sealed key).", path=self._path)
            )
        self._verify_db_key(db_key, corrupt=True)
        return db_key, inner

    def _verify_db_key(self, db_key: bytes, *, corrupt: bool) -> None:
        good = len(db_key) == KEY_BYTES and secrets.compare_digest(
            _key_check(db_key, self._state.file_id), self._state.key_check
        )
        if good:
            return
        if corrupt:
            raise CorruptStore(
                say("The key file {path} is inconsistent (key check failed).", path=self._path)
            )
        raise InvalidInput(say("That database key does not belong to this store."))

    def _rewrap(
        self,
        entry: UserEntry,
        passphrase: str,
        db_key: bytes,
        kdf: KdfParams | None,
        identity: bytes | None = None,
    ) -> None:
        fresh = _new_user_entry(
            self._state.file_id, entry.name, passphrase, db_key, kdf or entry.kdf, identity
        )
        users = tuple(fresh if e is entry else e for e in self._state.users)
        self._commit(replace(self._state, users=users))

    def _check_throttle(self, clock: Clock, who: str) -> None:
        wait = self.throttle_status(clock)
        if wait > 0:
            old = self._state.throttle
            stamp = iso_timestamp(clock.now())
            refused = (*old.refused, (stamp, who))[-MAX_PENDING_FAILURES:]
            # Kept for the audit log; the counter and the wait do not change.
            self._state = replace(self._state, throttle=replace(old, refused=refused))
            self._write(self._state)
            seconds = math.ceil(wait)
            raise LoginThrottled(
                say("Too many failed attempts. Wait 1 second before trying again.")
                if seconds == 1
                else say(
                    "Too many failed attempts. Wait {n} seconds before trying again.", n=seconds
                ),
                retry_after=wait,
            )

    def _fail(self, clock: Clock, who: str, message: Message) -> NoReturn:
        stamp = iso_timestamp(clock.now())
        old = self._state.throttle
        throttle = Throttle(
            failures=old.failures + 1,
            last_failure=parse_timestamp(stamp),
            pending=(*old.pending, (stamp, who))[-MAX_PENDING_FAILURES:],
            refused=old.refused,
        )
        # Memory first: if the disk refuses the write, this session still throttles.
        self._state = replace(self._state, throttle=throttle)
        self._write(self._state)
        raise WrongPassphrase(message)

    def _succeed(self) -> None:
        old = self._state.throttle
        if old.failures or old.last_failure is not None:
            throttle = Throttle(pending=old.pending, refused=old.refused)
            self._commit(replace(self._state, throttle=throttle))

    def _commit(self, state: KeyFileState) -> None:
        self._write(state)
        self._state = state

    def _write(self, state: KeyFileState) -> None:
        text = json.dumps(to_document(state), indent=2, ensure_ascii=False) + "\n"
        atomic_write_text(self._path, text)


__all__ = [
    "DEFAULT_KDF",
    "FORMAT",
    "KEY_BYTES",
    "MAX_PENDING_FAILURES",
    "RECOVERY_USER",
    "THROTTLE_FREE_FAILURES",
    "THROTTLE_MAX_DELAY",
    "UNKNOWN_USER",
    "VERSION",
    "KdfParams",
    "KeyFile",
    "format_recovery_key",
    "parse_recovery_key",
    "strength_hint",
]
