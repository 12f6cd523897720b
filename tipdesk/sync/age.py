"""The age v1 file format (X25519 recipients): encryption from ``cryptography`` primitives,
decryption and key handling through the maintained ``pyrage`` library.

Contract: files written here are standard age v1 files (https://age-encryption.org/v1), so the
reference ``age`` tool and ``pyrage`` read them with the same keys; identities and recipients are
age's text forms (``AGE-SECRET-KEY-1...`` and ``age1...``). Errors come back as
:class:`AgeFailure` with a message that never contains key material.

Why encryption is not simply ``pyrage.encrypt``: measured here, pyrage's ChaCha20-Poly1305 runs
at about half the speed of the ``age`` tool, while OpenSSL's (through ``cryptography``) matches
it. So :func:`encrypt_with_digest` composes the format exactly as the specification and the
reference implementation define it, using only ``cryptography``'s X25519, HKDF-SHA-256, HMAC
and ChaCha20-Poly1305 (no construction of our own), and checks it three ways in the tests: the
key derivation and header MAC against age's published test vector, and every file decrypted by
``pyrage`` and by the ``age`` tool. Decryption stays with ``pyrage``, an implementation
independent of this one.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import threading
from collections.abc import Sequence

import bech32  # the BIP 173 reference code (Bech32 is how age writes its keys)
import pyrage  # type: ignore[import-untyped]  # ships no type information
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from pyrage import x25519

INTRO = b"age-encryption.org/v1\n"
X25519_LABEL = b"age-encryption.org/v1/X25519"
CHUNK = 64 * 1024
"""Plaintext bytes per STREAM chunk; each chunk gains a 16-byte Poly1305 tag."""
TAG = 16
NONCE = 16
"""The payload nonce that follows the header."""
FILE_KEY = 16
_PARALLEL_FROM = 1024 * 1024
"""From this size the digest is computed on a second thread while encryption goes on."""
_BATCH = 16
"""Chunks encrypted between two hand-overs to the digest thread."""


class AgeFailure(Exception):
    """Encryption or decryption failed; ``no_match`` when no identity fits the file."""

    def __init__(self, message: str, *, no_match: bool = False) -> None:
        super().__init__(message)
        self.no_match = no_match


def new_identity() -> str:
    """A fresh X25519 identity in age's text form. Secret: keep it in the encrypted store."""
    return str(x25519.Identity.generate())


def recipient_of(identity: str) -> str:
    """The public recipient (``age1...``) of an identity."""
    try:
        return str(x25519.Identity.from_str(identity).to_public())
    except Exception:  # pyrage raises its own IdentityError; never show the identity
        raise AgeFailure("the stored age identity is not valid") from None


def is_recipient(text: str) -> bool:
    """True when ``text`` is a valid X25519 age recipient."""
    if not text.startswith("age1"):
        return False
    try:
        x25519.Recipient.from_str(text)
    except Exception:
        return False
    return True


def _bech32_bytes(text: str, hrp: str) -> bytes:
    """The 32 bytes a Bech32 key string carries (``hrp`` its human-readable part)."""
    # age recipients are 62 characters and identities 74: inside BIP 173's 90-character limit,
    # so the reference decoder applies unchanged.
    got_hrp, data = bech32.bech32_decode(text)
    if got_hrp != hrp or data is None:
        raise ValueError("not a Bech32 key of the expected kind")
    raw = bech32.convertbits(data, 5, 8, False)
    if raw is None or len(raw) != 32:
        raise ValueError("a Bech32 key of the wrong length")
    return bytes(raw)


def recipient_key(recipient: str) -> bytes:
    """The raw X25519 public key of an ``age1...`` recipient (:class:`AgeFailure` if invalid)."""
    try:
        return _bech32_bytes(recipient, "age")
    except ValueError:
        raise AgeFailure("a recipient is not a valid age X25519 recipient") from None


def identity_key(identity: str) -> bytes:
    """The raw X25519 secret scalar of an ``AGE-SECRET-KEY-1...`` identity. Secret."""
    try:
        return _bech32_bytes(identity, "age-secret-key-")
    except ValueError:
        raise AgeFailure("the stored age identity is not valid") from None


def _b64(data: bytes) -> bytes:
    """age's base64: the standard alphabet without padding."""
    return base64.b64encode(data).rstrip(b"=")


def _hkdf(ikm: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=SHA256(), length=32, salt=salt, info=info).derive(ikm)


def wrap_key(shared_secret: bytes, ephemeral_share: bytes, recipient: bytes) -> bytes:
    """The key that wraps the file key in an X25519 stanza (age v1, "X25519 recipient type")."""
    return _hkdf(shared_secret, ephemeral_share + recipient, X25519_LABEL)


def header_mac(file_key: bytes, header_without_mac: bytes) -> bytes:
    """HMAC-SHA-256 of the header up to and including ``---``, keyed from the file key."""
    return hmac.digest(_hkdf(file_key, b"", b"header"), header_without_mac, "sha256")


def payload_key(file_key: bytes, nonce: bytes) -> bytes:
    """The STREAM key of the payload, from the file key and the payload nonce."""
    return _hkdf(file_key, nonce, b"payload")


def _stanza(file_key: bytes, recipient: bytes) -> bytes:
    """The X25519 stanza wrapping ``file_key`` for ``recipient``, with a fresh ephemeral key."""
    ephemeral = X25519PrivateKey.generate()
    share = ephemeral.public_key().public_bytes_raw()
    try:
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient))
    except ValueError:  # a low-order point: the shared secret would be all zeros
        raise AgeFailure("a recipient is not a valid age X25519 recipient") from None
    body = ChaCha20Poly1305(wrap_key(shared, share, recipient)).encrypt(bytes(12), file_key, None)
    # A 32-byte body is one base64 line of 43 characters, shorter than the 64-column limit,
    # so it needs no wrapping and ends the stanza as the format requires.
    return b"-> X25519 " + _b64(share) + b"\n" + _b64(body) + b"\n"


_STANZA_BYTES = len(b"-> X25519 \n\n") + 2 * 43
"""An X25519 stanza: the ephemeral share and the wrapped file key, 32 bytes each in base64."""
_FOOTER_BYTES = len(b"--- \n") + 43


def encrypted_size(plain_bytes: int, recipients: int) -> int:
    """The exact size of the file :func:`encrypt_with_digest` writes for that much plaintext."""
    chunks = max(1, -(-plain_bytes // CHUNK))
    header = len(INTRO) + recipients * _STANZA_BYTES + _FOOTER_BYTES
    return header + NONCE + plain_bytes + chunks * TAG


def encrypt_with_digest(
    data: bytes, recipients: Sequence[str], *, reserve: int = 0
) -> tuple[bytearray, bytes]:
    """``data`` as an age v1 file (binary, not armored) for every recipient, and the SHA-256 of
    that file. The file starts ``reserve`` bytes into the returned buffer, after zeros the caller
    fills with its own framing (so a large payload is never copied to be framed); the digest
    covers the file only. From 1 MiB on, the digest runs on a second thread that follows the
    encryption chunk by chunk (both release the GIL), so it costs next to no time on two cores."""
    if not recipients:
        raise AgeFailure("no recipients")
    keys = [recipient_key(r) for r in recipients]
    file_key, nonce = os.urandom(FILE_KEY), os.urandom(NONCE)
    header = INTRO + b"".join(_stanza(file_key, key) for key in keys) + b"---"
    header += b" " + _b64(header_mac(file_key, header)) + b"\n"

    size = encrypted_size(len(data), len(keys))
    out = bytearray(reserve + size)
    view = memoryview(out)[reserve:]
    view[: len(header)] = header
    start = len(header) + NONCE
    view[len(header) : start] = nonce
    follower = _DigestFollower(view, start) if size >= _PARALLEL_FROM else None

    aead = ChaCha20Poly1305(payload_key(file_key, nonce))
    src = memoryview(data)
    chunks = max(1, -(-len(data) // CHUNK))
    pos = start
    followed = b""
    try:
        for i in range(chunks):
            last = i == chunks - 1
            # STREAM nonce: an 11-byte big-endian chunk counter, then 1 on the final chunk.
            nonce = i.to_bytes(11, "big") + (b"\x01" if last else b"\x00")
            piece = src[i * CHUNK : (i + 1) * CHUNK]
            end = pos + len(piece) + TAG
            aead.encrypt_into(nonce, piece, None, view[pos:end])
            pos = end
            if follower is not None and (last or i % _BATCH == _BATCH - 1):
                follower.advance(pos)
    finally:
        if follower is not None:
            followed = follower.finish()
    digest = followed if follower is not None else hashlib.sha256(view).digest()
    view.release()
    return out, digest


class _DigestFollower:
    """Hashes ``view`` from the start on a second thread, up to where the writer has got to."""

    def __init__(self, view: memoryview, ready: int) -> None:
        self._digest = hashlib.sha256()
        self._view = view
        self._ready = ready
        self._done = False
        self._cond = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="age-digest", daemon=True)
        self._thread.start()

    def advance(self, ready: int) -> None:
        with self._cond:
            self._ready = ready
            self._cond.notify()

    def finish(self) -> bytes:
        """Wait for the thread; the SHA-256 of everything up to the last :meth:`advance`."""
        with self._cond:
            self._done = True
            self._cond.notify()
        self._thread.join()
        return self._digest.digest()

    def _run(self) -> None:
        hashed = 0
        while True:
            with self._cond:
                while self._ready == hashed and not self._done:
                    self._cond.wait()
                ready, done = self._ready, self._done
            self._digest.update(self._view[hashed:ready])
            hashed = ready
            if done:  # nothing advances after finish(): ``ready`` was the end
                return


def encrypt(data: bytes, recipients: Sequence[str]) -> bytes:
    """``data`` as an age v1 file (binary, not armored) for every recipient."""
    return bytes(encrypt_with_digest(data, recipients)[0])


def decrypt(data: bytes, identity: str) -> bytes:
    """Decrypt an age v1 file with ``identity``; :class:`AgeFailure` when it is damaged or not
    encrypted to it (``no_match``)."""
    try:
        ident = x25519.Identity.from_str(identity)
    except Exception:
        raise AgeFailure("the stored age identity is not valid") from None
    try:
        return bytes(pyrage.decrypt(data, [ident]))
    except pyrage.DecryptError as exc:
        no_match = "no matching keys" in str(exc).lower()
        raise AgeFailure("age decryption failed", no_match=no_match) from None
