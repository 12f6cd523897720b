"""Signed HTTPS requests from a district device to HQ's receiver (``docs/bundle-format.md``,
"Upload over HTTPS").

A request that asks for something addressed to a device (its receipt) carries the header
``X-TIPDesk-Auth: v1 <unix-seconds> <base64 Ed25519 signature>``. The signature, by the
device's signing key, covers ``tipdesk-request-v1\\n<METHOD>\\n<path>\\n<unix-seconds>``
(UTF-8, the path without query string). HQ checks it against the registered key and refuses a
timestamp more than :data:`MAX_SKEW_SECONDS` away from its own clock.

Contract: pure functions, no I/O; :func:`verify` raises :class:`BadRequestSignature` (a
:class:`~tipdesk.core.errors.KnownError`) for every malformed, stale or wrong header.
"""

from __future__ import annotations

import base64
import binascii

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from tipdesk.sync.errors import SyncError

HEADER = "X-TIPDesk-Auth"
SCHEME = "v1"
MAX_SKEW_SECONDS = 600
_DOMAIN = "tipdesk-request-v1"


class BadRequestSignature(SyncError):
    """The request's device signature is missing, malformed, stale or does not verify."""


def message(method: str, path: str, timestamp: int) -> bytes:
    """The exact bytes a device signs for one request."""
    return f"{_DOMAIN}\n{method.upper()}\n{path}\n{timestamp}".encode()


def sign(signer: Ed25519PrivateKey, method: str, path: str, timestamp: int) -> str:
    """The value of the :data:`HEADER` header for one request made at ``timestamp``."""
    sig = signer.sign(message(method, path, timestamp))
    return f"{SCHEME} {timestamp} {base64.b64encode(sig).decode('ascii')}"


def verify(
    signing_key: bytes,
    method: str,
    path: str,
    header: str | None,
    now: float,
    max_skew: int = MAX_SKEW_SECONDS,
) -> None:
    """Check a :data:`HEADER` value against a device's 32-byte Ed25519 public key."""
    if not header:
        raise BadRequestSignature(f"The request carries no {HEADER} header.")
    parts = header.split(" ")
    if len(parts) != 3 or parts[0] != SCHEME or not parts[1].isdigit():
        raise BadRequestSignature(f"The {HEADER} header is malformed.")
    timestamp = int(parts[1])
    if abs(now - timestamp) > max_skew:
        raise BadRequestSignature(
            "The request's time differs from HQ's clock by more than "
            f"{max_skew // 60} minutes; check the device's clock."
        )
    try:
        sig = base64.b64decode(parts[2], validate=True)
        Ed25519PublicKey.from_public_bytes(signing_key).verify(
            sig, message(method, path, timestamp)
        )
    except (binascii.Error, ValueError, InvalidSignature):
        raise BadRequestSignature("The request's device signature does not verify.") from None
