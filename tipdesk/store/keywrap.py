"""The key file's cryptography, from ``cryptography`` only: nothing here is hand-rolled.

- A passphrase becomes a 256-bit wrapping key with Argon2id (:func:`passphrase_key`); a
  high-entropy secret (the recovery key, a database key) with HKDF-SHA256.
- Wrapping (:func:`wrap`, :func:`unwrap`) is AES-256-GCM with a random 96-bit nonce and
  associated data that binds the wrapped value to its place in its file.
- Each user (and the recovery key) has an X25519 key pair; the database key and the identity
  key are sealed to its public key with HPKE (RFC 9180, base mode: DHKEM(X25519, HKDF-SHA256),
  HKDF-SHA256, AES-256-GCM; :func:`seal`, :func:`open_sealed`). So an administrator can give the
  remaining users a new database key (key rotation) without knowing their passphrases, and
  anyone can seal to the identity key's public half while only its holders can open.

Contract: functions return ``None`` (never raise) when a value does not open: a wrong
passphrase, key or context; the caller decides what that means. No secret is ever logged.
"""

from __future__ import annotations

import secrets
import unicodedata

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, hpke
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from tipdesk.store.keyfile_doc import KEY_BYTES, NONCE_BYTES, KdfParams

_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
SEALED_BYTES = 32 + KEY_BYTES + 16
"""An HPKE-sealed 32-byte key: the encapsulated key (32), the ciphertext (32) and its tag."""


def passphrase_key(passphrase: str, salt: bytes, kdf: KdfParams) -> bytes:
    """Argon2id of the NFC-normalised, UTF-8 encoded passphrase."""
    return Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=kdf.iterations,
        lanes=kdf.lanes,
        memory_cost=kdf.memory_kib,
    ).derive(unicodedata.normalize("NFC", passphrase).encode("utf-8"))


def hkdf(secret: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=info).derive(secret)


def wrap(wrapping_key: bytes, value: bytes, aad: bytes) -> tuple[bytes, bytes]:
    """``(nonce, ciphertext)`` of ``value`` under ``wrapping_key`` (AES-256-GCM)."""
    nonce = secrets.token_bytes(NONCE_BYTES)
    return nonce, AESGCM(wrapping_key).encrypt(nonce, value, aad)


def unwrap(wrapping_key: bytes, nonce: bytes, wrapped: bytes, aad: bytes) -> bytes | None:
    try:
        return AESGCM(wrapping_key).decrypt(nonce, wrapped, aad)
    except InvalidTag:
        return None


def new_key_pair() -> tuple[bytes, bytes]:
    """A fresh X25519 key pair as raw ``(private, public)`` bytes."""
    private = X25519PrivateKey.generate()
    return private.private_bytes_raw(), private.public_key().public_bytes_raw()


def key_pair_from(secret: bytes) -> tuple[bytes, bytes]:
    """The X25519 key pair whose private key is ``secret`` (32 bytes)."""
    private = X25519PrivateKey.from_private_bytes(secret)
    return secret, private.public_key().public_bytes_raw()


def seal(public: bytes, value: bytes, info: bytes) -> bytes:
    """HPKE-seal ``value`` to the X25519 ``public`` key, bound to ``info``."""
    return bytes(_SUITE.encrypt(value, X25519PublicKey.from_public_bytes(public), info=info))


def open_sealed(private: bytes, sealed: bytes, info: bytes) -> bytes | None:
    """Open what :func:`seal` made for the key pair of ``private``; ``None`` if it does not."""
    try:
        key = X25519PrivateKey.from_private_bytes(private)
        return bytes(_SUITE.decrypt(sealed, key, info=info))
    except (InvalidTag, ValueError):
        return None
