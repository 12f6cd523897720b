"""The key file's JSON document: the state a :class:`~tipdesk.store.keys.KeyFile` holds, written
out and read back.

Contract: :func:`to_document` gives the document :mod:`tipdesk.store.keys` describes;
:func:`parse_key_file` reads it back or raises :class:`~tipdesk.core.errors.CorruptStore` naming
what is wrong (never a secret): anything but that exact shape is refused, including duplicate
fields, NaN, unknown fields, wrong lengths and a newer version. No cryptography happens here.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from tipdesk.core.clock import iso_timestamp, parse_timestamp
from tipdesk.core.errors import CorruptStore
from tipdesk.core.messages import say

FORMAT = "tipdesk-keyfile"
VERSION = 2
"""Version 2 gives each user an X25519 key pair (see :mod:`tipdesk.store.keywrap`); version 1
files are read, and each of their entries is upgraded at its user's next sign-in."""
KEY_BYTES = 32
"""Length of the database key and of the recovery key, in bytes."""

MAX_USER_NAME = 64

SALT_BYTES = 16
NONCE_BYTES = 12
FILE_ID_BYTES = 16
WRAPPED_BYTES = KEY_BYTES + 16  # AES-GCM appends a 16-byte tag
SEALED_BYTES = 32 + KEY_BYTES + 16  # HPKE: encapsulated key, ciphertext, tag
MAX_FILE_BYTES = 4 * 1024 * 1024


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


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


# --- state -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class UserEntry:
    """One user's slot. ``wrapped`` is AES-GCM under the passphrase's Argon2id key: of the
    user's X25519 private key when ``public`` is set (version 2), else of the database key
    itself (a version 1 entry, upgraded at the user's next sign-in). ``sealed_key`` and
    ``sealed_identity`` are the database key and the identity key sealed to ``public``."""

    name: str
    salt: bytes
    kdf: KdfParams
    nonce: bytes
    wrapped: bytes
    public: bytes | None = None
    sealed_key: bytes | None = None
    sealed_identity: bytes | None = None


@dataclass(frozen=True, slots=True)
class Recovery:
    """The recovery key's slot: version 1 wraps the database key under HKDF of the recovery
    key (``nonce``, ``wrapped``); version 2 keeps the public half of a key pair derived from
    the recovery key, with the database key (and the identity key) sealed to it."""

    salt: bytes
    nonce: bytes | None = None
    wrapped: bytes | None = None
    public: bytes | None = None
    sealed_key: bytes | None = None
    sealed_identity: bytes | None = None


@dataclass(frozen=True, slots=True)
class Throttle:
    failures: int = 0
    last_failure: dt.datetime | None = None
    pending: tuple[tuple[str, str], ...] = ()
    refused: tuple[tuple[str, str], ...] = ()
    """Attempts refused during a wait, kept for the audit log (they never reach Argon2id)."""


@dataclass(frozen=True, slots=True)
class KeyFileState:
    file_id: bytes
    created_at: str
    key_check: bytes
    users: tuple[UserEntry, ...]
    recovery: Recovery
    throttle: Throttle = field(default_factory=Throttle)
    previous_key: tuple[bytes, bytes] | None = None
    """During a key rotation only: ``(nonce, wrapped)``, the database key the database may
    still be encrypted with, wrapped under HKDF of the new one (see :mod:`tipdesk.store.keys`)."""


def normalise_name(name: str) -> str:
    return unicodedata.normalize("NFC", name).strip()


def name_problem(name: str) -> str | None:
    if not name:
        return "Enter a user name."
    if len(name) > MAX_USER_NAME:
        return f"Use at most {MAX_USER_NAME} characters."
    if any(unicodedata.category(ch).startswith("C") or ch in "<>" for ch in name):
        return "Do not use control characters, '<' or '>'."
    return None


# --- (de)serialisation -------------------------------------------------------------------------


def _user_document(entry: UserEntry) -> dict[str, object]:
    doc: dict[str, object] = {
        "name": entry.name,
        "salt": b64(entry.salt),
        "kdf": {
            "algorithm": "argon2id",
            "memory_kib": entry.kdf.memory_kib,
            "iterations": entry.kdf.iterations,
            "lanes": entry.kdf.lanes,
        },
        "nonce": b64(entry.nonce),
    }
    if entry.public is None or entry.sealed_key is None:
        doc["wrapped_key"] = b64(entry.wrapped)
        return doc
    doc["wrapped_secret"] = b64(entry.wrapped)
    doc["public"] = b64(entry.public)
    doc["sealed_key"] = b64(entry.sealed_key)
    if entry.sealed_identity is not None:
        doc["sealed_identity"] = b64(entry.sealed_identity)
    return doc


def _recovery_document(recovery: Recovery) -> dict[str, object]:
    doc: dict[str, object] = {"kdf": {"algorithm": "hkdf-sha256"}, "salt": b64(recovery.salt)}
    if recovery.public is not None and recovery.sealed_key is not None:
        doc["public"] = b64(recovery.public)
        doc["sealed_key"] = b64(recovery.sealed_key)
        if recovery.sealed_identity is not None:
            doc["sealed_identity"] = b64(recovery.sealed_identity)
    elif recovery.nonce is not None and recovery.wrapped is not None:
        doc["nonce"] = b64(recovery.nonce)
        doc["wrapped_key"] = b64(recovery.wrapped)
    return doc


def to_document(state: KeyFileState) -> dict[str, object]:
    throttle = state.throttle
    doc: dict[str, object] = {
        "format": FORMAT,
        "version": VERSION,
        "file_id": b64(state.file_id),
        "created_at": state.created_at,
        "key_check": b64(state.key_check),
        "users": [_user_document(entry) for entry in state.users],
        "recovery": _recovery_document(state.recovery),
        "throttle": {
            "consecutive_failures": throttle.failures,
            "last_failure": (
                iso_timestamp(throttle.last_failure) if throttle.last_failure else None
            ),
            "pending_failures": [{"at": at, "user": who} for at, who in throttle.pending],
            **(
                {"refused_attempts": [{"at": at, "user": who} for at, who in throttle.refused]}
                if throttle.refused
                else {}
            ),
        },
    }
    if state.previous_key is not None:
        nonce, wrapped = state.previous_key
        doc["previous_key"] = {"nonce": b64(nonce), "wrapped_key": b64(wrapped)}
    return doc


class _Malformed(Exception):
    """Internal: why a key file was refused (never contains secrets)."""


def parse_key_file(path: Path, raw: bytes) -> KeyFileState:
    def corrupt(reason: str) -> CorruptStore:
        return CorruptStore(
            say(
                "The key file {path} is damaged or is not a TIPDesk key file ({reason}).",
                path=path,
                reason=reason,
            )
        )

    if len(raw) > MAX_FILE_BYTES:
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
            say(
                "The key file {path} was written by a newer version of TIPDesk (key file version "
                "{version}; this TIPDesk reads version {reads}). Update TIPDesk to open it.",
                path=path,
                version=version,
                reads=VERSION,
            )
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


def _parse_document(doc: dict[str, Any]) -> KeyFileState:
    top = {"format", "version", "file_id", "created_at", "key_check", "users", "recovery"}
    _exact_keys(doc, top | {"throttle"} | ({"previous_key"} & doc.keys()), "top level")
    _int(doc, "version", "top level", 1, VERSION)
    file_id = _bytes(doc, "file_id", "top level", FILE_ID_BYTES)
    created_at = _timestamp(doc, "created_at", "top level")
    key_check = _bytes(doc, "key_check", "top level", KEY_BYTES)
    users_raw = doc["users"]
    if not isinstance(users_raw, list) or not users_raw:
        raise _Malformed("users must be a non-empty list")
    users = tuple(_parse_user(item, i) for i, item in enumerate(users_raw))
    folded = [entry.name.casefold() for entry in users]
    if len(set(folded)) != len(folded):
        raise _Malformed("two users have the same name")
    return KeyFileState(
        file_id=file_id,
        created_at=iso_timestamp(created_at),
        key_check=key_check,
        users=users,
        recovery=_parse_recovery(doc["recovery"]),
        throttle=_parse_throttle(doc["throttle"]),
        previous_key=_parse_previous(doc["previous_key"]) if "previous_key" in doc else None,
    )


def _parse_previous(item: object) -> tuple[bytes, bytes]:
    obj = _object(item, "previous_key")
    _exact_keys(obj, {"nonce", "wrapped_key"}, "previous_key")
    return (
        _bytes(obj, "nonce", "previous_key", NONCE_BYTES),
        _bytes(obj, "wrapped_key", "previous_key", WRAPPED_BYTES),
    )


def _parse_user(item: object, index: int) -> UserEntry:
    where = f"users[{index}]"
    obj = _object(item, where)
    common = {"name", "salt", "kdf", "nonce"}
    if "wrapped_key" in obj:
        _exact_keys(obj, common | {"wrapped_key"}, where)
    else:
        pair = {"wrapped_secret", "public", "sealed_key"}
        _exact_keys(obj, common | pair | ({"sealed_identity"} & obj.keys()), where)
    name = _str(obj, "name", where)
    if name != normalise_name(name) or name_problem(name):
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
    salt = _bytes(obj, "salt", where, SALT_BYTES)
    nonce = _bytes(obj, "nonce", where, NONCE_BYTES)
    if "wrapped_key" in obj:
        return UserEntry(name, salt, kdf, nonce, _bytes(obj, "wrapped_key", where, WRAPPED_BYTES))
    return UserEntry(
        name=name,
        salt=salt,
        kdf=kdf,
        nonce=nonce,
        wrapped=_bytes(obj, "wrapped_secret", where, WRAPPED_BYTES),
        public=_bytes(obj, "public", where, KEY_BYTES),
        sealed_key=_bytes(obj, "sealed_key", where, SEALED_BYTES),
        sealed_identity=(
            _bytes(obj, "sealed_identity", where, SEALED_BYTES)
            if "sealed_identity" in obj
            else None
        ),
    )


def _parse_recovery(item: object) -> Recovery:
    obj = _object(item, "recovery")
    if "wrapped_key" in obj:
        _exact_keys(obj, {"kdf", "salt", "nonce", "wrapped_key"}, "recovery")
    else:
        expected = {"kdf", "salt", "public", "sealed_key"}
        _exact_keys(obj, expected | ({"sealed_identity"} & obj.keys()), "recovery")
    if obj["kdf"] != {"algorithm": "hkdf-sha256"}:
        raise _Malformed("recovery.kdf is not hkdf-sha256")
    salt = _bytes(obj, "salt", "recovery", SALT_BYTES)
    if "wrapped_key" in obj:
        return Recovery(
            salt=salt,
            nonce=_bytes(obj, "nonce", "recovery", NONCE_BYTES),
            wrapped=_bytes(obj, "wrapped_key", "recovery", WRAPPED_BYTES),
        )
    return Recovery(
        salt=salt,
        public=_bytes(obj, "public", "recovery", KEY_BYTES),
        sealed_key=_bytes(obj, "sealed_key", "recovery", SEALED_BYTES),
        sealed_identity=(
            _bytes(obj, "sealed_identity", "recovery", SEALED_BYTES)
            if "sealed_identity" in obj
            else None
        ),
    )


def _parse_throttle(item: object) -> Throttle:
    obj = _object(item, "throttle")
    expected = {"consecutive_failures", "last_failure", "pending_failures"}
    _exact_keys(obj, expected | ({"refused_attempts"} & obj.keys()), "throttle")
    failures = _int(obj, "consecutive_failures", "throttle", 0, 2**31)
    last = None if obj["last_failure"] is None else _timestamp(obj, "last_failure", "throttle")
    return Throttle(
        failures=failures,
        last_failure=last,
        pending=_attempts(obj, "pending_failures"),
        refused=_attempts(obj, "refused_attempts") if "refused_attempts" in obj else (),
    )


def _attempts(obj: dict[str, Any], key: str) -> tuple[tuple[str, str], ...]:
    raw = obj[key]
    if not isinstance(raw, list):
        raise _Malformed(f"throttle.{key} must be a list")
    found: list[tuple[str, str]] = []
    for i, entry in enumerate(raw):
        where = f"throttle.{key}[{i}]"
        pobj = _object(entry, where)
        _exact_keys(pobj, {"at", "user"}, where)
        found.append((iso_timestamp(_timestamp(pobj, "at", where)), _str(pobj, "user", where)))
    return tuple(found)


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
