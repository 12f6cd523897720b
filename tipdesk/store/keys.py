"""The key file: protects the store's random 256-bit database key with passphrases.

The database is opened with a raw random key that never changes. This file holds that key
wrapped (AES-256-GCM) once per user, under a key derived from the user's passphrase with
Argon2id, and once more under the recovery key (256 random bits shown to the user once, turned
into a wrapping key with HKDF-SHA256 because it is already high-entropy). Changing a passphrase
re-wraps one entry; the database is never re-encrypted.

File format (JSON, UTF-8, written with :func:`tipdesk.fs.atomic_write_text`)::

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
import binascii
import datetime as dt
import json
import math
import os
import secrets
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NoReturn

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from tipdesk.core.clock import Clock, iso_timestamp, parse_timestamp
from tipdesk.core.errors import (
    CorruptStore,
    InvalidInput,
    LoginThrottled,
    NotFound,
    Problem,
    StoreExists,
    StoreNotFound,
    ValidationFailed,
    WrongPassphrase,
)
from tipdesk.core.passphrase import passphrase_problems
from tipdesk.core.passphrase import strength_hint as strength_hint  # part of this module's API
from tipdesk.fs import atomic_write_text

FORMAT = "tipdesk-keyfile"
VERSION = 1
KEY_BYTES = 32
"""Length of the database key and of the recovery key, in bytes."""

THROTTLE_FREE_FAILURES = 3
THROTTLE_MAX_DELAY = 300.0
MAX_PENDING_FAILURES = 1000
"""Only the newest failures are kept for the audit log; older ones are dropped."""

UNKNOWN_USER = "<unknown user>"
RECOVERY_USER = "<recovery key>"
"""Names recorded for failed attempts; '<' and '>' are not allowed in real user names."""

MAX_USER_NAME = 64

_SALT_BYTES = 16
_NONCE_BYTES = 12
_FILE_ID_BYTES = 16
_WRAPPED_BYTES = KEY_BYTES + 16  # AES-GCM appends a 16-byte tag
_MAX_FILE_BYTES = 4 * 1024 * 1024
_RECOVERY_INFO = b"tipdesk-keyfile v1 recovery wrapping key"
_KEY_CHECK_INFO = b"tipdesk-keyfile v1 key check"
_WRONG = "Wrong user name or passphrase."
_WRONG_RECOVERY = "Wrong recovery key."
_B32_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
_RECOVERY_CHARS = 52  # ceil(256 / 5)
_RECOVERY_GROUP = 4


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id cost for one passphrase entry. The default (64 MiB, 3 passes, 4 lanes) takes
    about 0.2 s on a two-core laptop; tests pass tiny values for speed.

    Raises ``ValueError`` for values Argon2id refuses or that are absurdly large (a tampered
    file must not be able to make unlocking allocate gigabytes).
    """

    memory_kib: int = 65536
    iterations: int = 3
    lanes: int = 4

    def __post_init__(self) -> None:
        for name in ("memory_kib", "iterations", "lanes"):
            value = getattr(self, name)
            if type(value) is not int:
                raise ValueError(f"KdfParams.{name} must be an integer")
        if not 1 <= self.lanes <= 64:
            raise ValueError("KdfParams.lanes must be between 1 and 64")
        if not 1 <= self.iterations <= 64:
            raise ValueError("KdfParams.iterations must be between 1 and 64")
        if not 8 * self.lanes <= self.memory_kib <= 4 * 1024 * 1024:
            raise ValueError("KdfParams.memory_kib must be between 8 * lanes and 4 GiB")


DEFAULT_KDF = KdfParams()


# --- passphrase policy (tipdesk.core.passphrase) -------------------------------------------


def _require_good_passphrase(passphrase: str, user: str) -> None:
    problems = passphrase_problems(passphrase, user=user)
    if problems:
        raise ValidationFailed(
            [Problem("passphrase", "passphrase.policy", message) for message in problems],
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


def _passphrase_key(passphrase: str, salt: bytes, kdf: KdfParams) -> bytes:
    return Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=kdf.iterations,
        lanes=kdf.lanes,
        memory_cost=kdf.memory_kib,
    ).derive(unicodedata.normalize("NFC", passphrase).encode("utf-8"))


def _recovery_wrapping_key(raw: bytes, salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=_RECOVERY_INFO).derive(
        raw
    )


def _key_check(db_key: bytes, file_id: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=KEY_BYTES, salt=file_id, info=_KEY_CHECK_INFO
    ).derive(db_key)


def _aad(file_id: bytes, slot: str, user: str) -> bytes:
    bound = {
        "format": FORMAT,
        "version": VERSION,
        "file_id": _b64(file_id),
        "slot": slot,
        "user": user,
    }
    return json.dumps(bound, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _wrap(wrapping_key: bytes, db_key: bytes, aad: bytes) -> tuple[bytes, bytes]:
    nonce = secrets.token_bytes(_NONCE_BYTES)
    return nonce, AESGCM(wrapping_key).encrypt(nonce, db_key, aad)


def _unwrap(wrapping_key: bytes, nonce: bytes, wrapped: bytes, aad: bytes) -> bytes | None:
    try:
        return AESGCM(wrapping_key).decrypt(nonce, wrapped, aad)
    except InvalidTag:
        return None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


# --- state -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _UserEntry:
    name: str
    salt: bytes
    kdf: KdfParams
    nonce: bytes
    wrapped: bytes


@dataclass(frozen=True, slots=True)
class _Recovery:
    salt: bytes
    nonce: bytes
    wrapped: bytes


@dataclass(frozen=True, slots=True)
class _Throttle:
    failures: int = 0
    last_failure: dt.datetime | None = None
    pending: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class _State:
    file_id: bytes
    created_at: str
    key_check: bytes
    users: tuple[_UserEntry, ...]
    recovery: _Recovery
    throttle: _Throttle = field(default_factory=_Throttle)


def _normalise_name(name: str) -> str:
    return unicodedata.normalize("NFC", name).strip()


def _name_problem(name: str) -> str | None:
    if not name:
        return "Enter a user name."
    if len(name) > MAX_USER_NAME:
        return f"Use at most {MAX_USER_NAME} characters."
    if any(unicodedata.category(ch).startswith("C") or ch in "<>" for ch in name):
        return "Do not use control characters, '<' or '>'."
    return None


def _check_new_name(name: str) -> None:
    problem = _name_problem(name)
    if problem:
        raise ValidationFailed([Problem("user", "user.name", problem)], what="user")


def _new_user_entry(
    file_id: bytes, name: str, passphrase: str, db_key: bytes, kdf: KdfParams
) -> _UserEntry:
    salt = secrets.token_bytes(_SALT_BYTES)
    wrapping_key = _passphrase_key(passphrase, salt, kdf)
    nonce, wrapped = _wrap(wrapping_key, db_key, _aad(file_id, "user", name))
    return _UserEntry(name=name, salt=salt, kdf=kdf, nonce=nonce, wrapped=wrapped)


def _delay_after(failures: int) -> float:
    if failures < THROTTLE_FREE_FAILURES:
        return 0.0
    # Bound the exponent so a tampered counter cannot build a huge number.
    return min(2.0 ** min(failures - THROTTLE_FREE_FAILURES, 32), THROTTLE_MAX_DELAY)


class KeyFile:
    """One key file on disk and its parsed contents. Build with :meth:`create` or :meth:`load`."""

    def __init__(self, path: Path, state: _State) -> None:
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
            raise StoreExists(f"A key file already exists at {path}; nothing was changed.")
        name = _normalise_name(user)
        _check_new_name(name)
        _require_good_passphrase(passphrase, name)
        file_id = secrets.token_bytes(_FILE_ID_BYTES)
        db_key = secrets.token_bytes(KEY_BYTES)
        recovery_raw = secrets.token_bytes(KEY_BYTES)
        recovery_salt = secrets.token_bytes(_SALT_BYTES)
        nonce, wrapped = _wrap(
            _recovery_wrapping_key(recovery_raw, recovery_salt),
            db_key,
            _aad(file_id, "recovery", ""),
        )
        state = _State(
            file_id=file_id,
            created_at=iso_timestamp(clock.now()),
            key_check=_key_check(db_key, file_id),
            users=(_new_user_entry(file_id, name, passphrase, db_key, kdf),),
            recovery=_Recovery(salt=recovery_salt, nonce=nonce, wrapped=wrapped),
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
                f"There is no key file at {path}. Create a store first (tipdesk init)."
            ) from None
        return cls(path, _parse(path, raw))

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
        resets the failure counter but keeps the failures not yet audited."""
        self._check_throttle(clock)
        entry = self._find(user)
        if entry is None:
            # Spend the same Argon2id time as a real attempt so timing does not reveal names.
            _passphrase_key(passphrase, bytes(_SALT_BYTES), self._state.users[0].kdf)
            self._fail(clock, UNKNOWN_USER, _WRONG)
        db_key = self._unwrap_user(entry, passphrase)
        if db_key is None:
            self._fail(clock, entry.name, _WRONG)
        self._succeed()
        return db_key

    def unlock_with_recovery(self, recovery_key: str, clock: Clock) -> bytes:
        """Return the database key using the recovery key text (case, spaces and dashes do not
        matter). Throttled and recorded like :meth:`unlock`; text that cannot be a recovery
        key at all raises :class:`WrongPassphrase` without counting as an attempt."""
        self._check_throttle(clock)
        try:
            raw = parse_recovery_key(recovery_key)
        except ValueError:
            raise WrongPassphrase(
                f"That is not a recovery key: it has {_RECOVERY_CHARS} letters and digits, "
                "in groups like ABCD-EFGH-…"
            ) from None
        recovery = self._state.recovery
        db_key = _unwrap(
            _recovery_wrapping_key(raw, recovery.salt),
            recovery.nonce,
            recovery.wrapped,
            _aad(self._state.file_id, "recovery", ""),
        )
        if db_key is None:
            self._fail(clock, RECOVERY_USER, _WRONG_RECOVERY)
        self._verify_db_key(db_key, corrupt=True)
        self._succeed()
        return db_key

    # --- managing users ----------------------------------------------------------------------

    def add_user(
        self, user: str, passphrase: str, db_key: bytes, kdf: KdfParams = DEFAULT_KDF
    ) -> None:
        """Give a new user access. ``db_key`` comes from an unlock by someone already allowed;
        :class:`InvalidInput` if it is not this store's key, :class:`ValidationFailed` for a
        bad or duplicate name or a bad passphrase."""
        name = _normalise_name(user)
        _check_new_name(name)
        if self._find(name) is not None:
            raise ValidationFailed(
                [Problem("user", "user.exists", "A user with this name already exists.")],
                what="user",
            )
        _require_good_passphrase(passphrase, name)
        self._verify_db_key(db_key, corrupt=False)
        entry = _new_user_entry(self._state.file_id, name, passphrase, db_key, kdf)
        self._commit(replace(self._state, users=(*self._state.users, entry)))

    def remove_user(self, user: str) -> None:
        """Remove a user's entry. :class:`NotFound` for an unknown name; the last user cannot
        be removed (:class:`InvalidInput`), so the store never depends on the recovery key."""
        entry = self._find(user)
        if entry is None:
            raise NotFound(f"There is no user named {_normalise_name(user)!r}.")
        if len(self._state.users) == 1:
            raise InvalidInput("The last user cannot be removed; add another user first.")
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
        _require_good_passphrase(new, entry.name if entry else _normalise_name(user))
        db_key = self.unlock(user, old, clock)
        self._rewrap(self._find_existing(user), new, db_key, kdf)

    def reset_passphrase(
        self, user: str, new: str, db_key: bytes, *, kdf: KdfParams | None = None
    ) -> None:
        """Set a user's passphrase without the old one, given the database key (after a
        recovery-key unlock, or by an administrator who is signed in). :class:`NotFound` for an
        unknown user, :class:`InvalidInput` for a key that is not this store's."""
        entry = self._find(user)
        if entry is None:
            raise NotFound(f"There is no user named {_normalise_name(user)!r}.")
        _require_good_passphrase(new, entry.name)
        self._verify_db_key(db_key, corrupt=False)
        self._rewrap(entry, new, db_key, kdf)

    def pending_failures(self) -> list[tuple[str, str]]:
        """The failed attempts not yet audited, oldest first, as ``(iso timestamp, user)``.
        Write them to the audit log, then :meth:`forget_failures` them: a crash in between
        leaves them here, and the next sign-in skips those already logged (no loss, no
        duplicate)."""
        return list(self._state.throttle.pending)

    def forget_failures(self, done: Sequence[tuple[str, str]]) -> None:
        """Drop ``done`` (audited) from the pending failures; later ones stay. Rewrites the
        file only when something was dropped."""
        gone = set(done)
        pending = self._state.throttle.pending
        remaining = tuple(p for p in pending if p not in gone)
        if len(remaining) != len(pending):
            throttle = replace(self._state.throttle, pending=remaining)
            self._commit(replace(self._state, throttle=throttle))

    # --- internals ---------------------------------------------------------------------------

    def _find(self, user: str) -> _UserEntry | None:
        wanted = _normalise_name(user).casefold()
        for entry in self._state.users:
            if entry.name.casefold() == wanted:
                return entry
        return None

    def _find_existing(self, user: str) -> _UserEntry:
        entry = self._find(user)
        if entry is None:  # pragma: no cover - callers checked
            raise NotFound(f"There is no user named {_normalise_name(user)!r}.")
        return entry

    def _unwrap_user(self, entry: _UserEntry, passphrase: str) -> bytes | None:
        wrapping_key = _passphrase_key(passphrase, entry.salt, entry.kdf)
        aad = _aad(self._state.file_id, "user", entry.name)
        db_key = _unwrap(wrapping_key, entry.nonce, entry.wrapped, aad)
        if db_key is not None:
            self._verify_db_key(db_key, corrupt=True)
        return db_key

    def _verify_db_key(self, db_key: bytes, *, corrupt: bool) -> None:
        good = len(db_key) == KEY_BYTES and secrets.compare_digest(
            _key_check(db_key, self._state.file_id), self._state.key_check
        )
        if good:
            return
        if corrupt:
            raise CorruptStore(f"The key file {self._path} is inconsistent (key check failed).")
        raise InvalidInput("That database key does not belong to this store.")

    def _rewrap(
        self, entry: _UserEntry, passphrase: str, db_key: bytes, kdf: KdfParams | None
    ) -> None:
        fresh = _new_user_entry(
            self._state.file_id, entry.name, passphrase, db_key, kdf or entry.kdf
        )
        users = tuple(fresh if e is entry else e for e in self._state.users)
        self._commit(replace(self._state, users=users))

    def _check_throttle(self, clock: Clock) -> None:
        wait = self.throttle_status(clock)
        if wait > 0:
            seconds = math.ceil(wait)
            unit = "second" if seconds == 1 else "seconds"
            raise LoginThrottled(
                f"Too many failed attempts. Wait {seconds} {unit} before trying again.",
                retry_after=wait,
            )

    def _fail(self, clock: Clock, who: str, message: str) -> NoReturn:
        stamp = iso_timestamp(clock.now())
        old = self._state.throttle
        throttle = _Throttle(
            failures=old.failures + 1,
            last_failure=parse_timestamp(stamp),
            pending=(*old.pending, (stamp, who))[-MAX_PENDING_FAILURES:],
        )
        # Memory first: if the disk refuses the write, this session still throttles.
        self._state = replace(self._state, throttle=throttle)
        self._write(self._state)
        raise WrongPassphrase(message)

    def _succeed(self) -> None:
        old = self._state.throttle
        if old.failures or old.last_failure is not None:
            self._commit(replace(self._state, throttle=_Throttle(pending=old.pending)))

    def _commit(self, state: _State) -> None:
        self._write(state)
        self._state = state

    def _write(self, state: _State) -> None:
        text = json.dumps(_to_document(state), indent=2, ensure_ascii=False) + "\n"
        atomic_write_text(self._path, text)


# --- (de)serialisation -------------------------------------------------------------------------


def _to_document(state: _State) -> dict[str, object]:
    throttle = state.throttle
    return {
        "format": FORMAT,
        "version": VERSION,
        "file_id": _b64(state.file_id),
        "created_at": state.created_at,
        "key_check": _b64(state.key_check),
        "users": [
            {
                "name": entry.name,
                "salt": _b64(entry.salt),
                "kdf": {
                    "algorithm": "argon2id",
                    "memory_kib": entry.kdf.memory_kib,
                    "iterations": entry.kdf.iterations,
                    "lanes": entry.kdf.lanes,
                },
                "nonce": _b64(entry.nonce),
                "wrapped_key": _b64(entry.wrapped),
            }
            for entry in state.users
        ],
        "recovery": {
            "kdf": {"algorithm": "hkdf-sha256"},
            "salt": _b64(state.recovery.salt),
            "nonce": _b64(state.recovery.nonce),
            "wrapped_key": _b64(state.recovery.wrapped),
        },
        "throttle": {
            "consecutive_failures": throttle.failures,
            "last_failure": (
                iso_timestamp(throttle.last_failure) if throttle.last_failure else None
            ),
            "pending_failures": [{"at": at, "user": who} for at, who in throttle.pending],
        },
    }


class _Malformed(Exception):
    """Internal: why a key file was refused (never contains secrets)."""


def _parse(path: Path, raw: bytes) -> _State:
    def corrupt(reason: str) -> CorruptStore:
        return CorruptStore(
            f"The key file {path} is damaged or is not a TIPDesk key file ({reason})."
        )

    if len(raw) > _MAX_FILE_BYTES:
        raise corrupt("too large")
    try:
        doc = json.loads(
            raw.decode("utf-8"), object_pairs_hook=_no_duplicates, parse_constant=_no_constants
        )
    except (ValueError, _Malformed):  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise corrupt("not valid JSON") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise corrupt("not a TIPDesk key file")
    version = doc.get("version")
    if type(version) is int and version > VERSION:
        raise CorruptStore(
            f"The key file {path} was written by a newer version of TIPDesk (key file version "
            f"{version}; this TIPDesk reads version {VERSION}). Update TIPDesk to open it."
        )
    try:
        return _parse_document(doc)
    except _Malformed as exc:
        raise corrupt(str(exc)) from None


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _Malformed(f"duplicate field {key!r}")
        result[key] = value
    return result


def _no_constants(name: str) -> NoReturn:
    raise _Malformed(f"{name} is not allowed")


def _parse_document(doc: dict[str, Any]) -> _State:
    top = {"format", "version", "file_id", "created_at", "key_check", "users", "recovery"}
    _exact_keys(doc, top | {"throttle"}, "top level")
    _int(doc, "version", "top level", VERSION, VERSION)
    file_id = _bytes(doc, "file_id", "top level", _FILE_ID_BYTES)
    created_at = _timestamp(doc, "created_at", "top level")
    key_check = _bytes(doc, "key_check", "top level", KEY_BYTES)
    users_raw = doc["users"]
    if not isinstance(users_raw, list) or not users_raw:
        raise _Malformed("users must be a non-empty list")
    users = tuple(_parse_user(item, i) for i, item in enumerate(users_raw))
    folded = [entry.name.casefold() for entry in users]
    if len(set(folded)) != len(folded):
        raise _Malformed("two users have the same name")
    return _State(
        file_id=file_id,
        created_at=iso_timestamp(created_at),
        key_check=key_check,
        users=users,
        recovery=_parse_recovery(doc["recovery"]),
        throttle=_parse_throttle(doc["throttle"]),
    )


def _parse_user(item: object, index: int) -> _UserEntry:
    where = f"users[{index}]"
    obj = _object(item, where)
    _exact_keys(obj, {"name", "salt", "kdf", "nonce", "wrapped_key"}, where)
    name = _str(obj, "name", where)
    if name != _normalise_name(name) or _name_problem(name):
        raise _Malformed(f"{where}.name is not a valid user name")
    kdf_obj = _object(obj["kdf"], f"{where}.kdf")
    _exact_keys(kdf_obj, {"algorithm", "memory_kib", "iterations", "lanes"}, f"{where}.kdf")
    if kdf_obj["algorithm"] != "argon2id":
        raise _Malformed(f"{where}.kdf.algorithm is not argon2id")
    try:
        kdf = KdfParams(
            memory_kib=kdf_obj["memory_kib"],
            iterations=kdf_obj["iterations"],
            lanes=kdf_obj["lanes"],
        )
    except ValueError as exc:
        raise _Malformed(f"{where}.kdf: {exc}") from None
    return _UserEntry(
        name=name,
        salt=_bytes(obj, "salt", where, _SALT_BYTES),
        kdf=kdf,
        nonce=_bytes(obj, "nonce", where, _NONCE_BYTES),
        wrapped=_bytes(obj, "wrapped_key", where, _WRAPPED_BYTES),
    )


def _parse_recovery(item: object) -> _Recovery:
    obj = _object(item, "recovery")
    _exact_keys(obj, {"kdf", "salt", "nonce", "wrapped_key"}, "recovery")
    if obj["kdf"] != {"algorithm": "hkdf-sha256"}:
        raise _Malformed("recovery.kdf is not hkdf-sha256")
    return _Recovery(
        salt=_bytes(obj, "salt", "recovery", _SALT_BYTES),
        nonce=_bytes(obj, "nonce", "recovery", _NONCE_BYTES),
        wrapped=_bytes(obj, "wrapped_key", "recovery", _WRAPPED_BYTES),
    )


def _parse_throttle(item: object) -> _Throttle:
    obj = _object(item, "throttle")
    _exact_keys(obj, {"consecutive_failures", "last_failure", "pending_failures"}, "throttle")
    failures = _int(obj, "consecutive_failures", "throttle", 0, 2**31)
    last = None if obj["last_failure"] is None else _timestamp(obj, "last_failure", "throttle")
    pending_raw = obj["pending_failures"]
    if not isinstance(pending_raw, list):
        raise _Malformed("throttle.pending_failures must be a list")
    pending: list[tuple[str, str]] = []
    for i, entry in enumerate(pending_raw):
        where = f"throttle.pending_failures[{i}]"
        pobj = _object(entry, where)
        _exact_keys(pobj, {"at", "user"}, where)
        pending.append((iso_timestamp(_timestamp(pobj, "at", where)), _str(pobj, "user", where)))
    return _Throttle(failures=failures, last_failure=last, pending=tuple(pending))


def _object(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Malformed(f"{where} must be an object")
    return value


def _exact_keys(obj: dict[str, Any], expected: set[str], where: str) -> None:
    missing = sorted(expected - obj.keys())
    extra = sorted(obj.keys() - expected)
    if missing:
        raise _Malformed(f"{where} lacks {', '.join(missing)}")
    if extra:
        raise _Malformed(f"{where} has unknown field {', '.join(extra)}")


def _str(obj: dict[str, Any], key: str, where: str) -> str:
    value = obj[key]
    if not isinstance(value, str):
        raise _Malformed(f"{where}.{key} must be text")
    return value


def _int(obj: dict[str, Any], key: str, where: str, low: int, high: int) -> int:
    value = obj[key]
    if type(value) is not int or not low <= value <= high:
        raise _Malformed(f"{where}.{key} must be a whole number from {low} to {high}")
    return value


def _bytes(obj: dict[str, Any], key: str, where: str, length: int) -> bytes:
    text = _str(obj, key, where)
    try:
        value = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise _Malformed(f"{where}.{key} is not base64") from None
    if len(value) != length:
        raise _Malformed(f"{where}.{key} must be {length} bytes")
    return value


def _timestamp(obj: dict[str, Any], key: str, where: str) -> dt.datetime:
    text = _str(obj, key, where)
    try:
        moment = parse_timestamp(text)
    except ValueError:
        raise _Malformed(f"{where}.{key} is not a timestamp") from None
    if moment.tzinfo is None:
        raise _Malformed(f"{where}.{key} has no time zone")
    return moment
