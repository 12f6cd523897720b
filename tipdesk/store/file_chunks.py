"""The case files' encryption, shared by both HQ engines (driver-free, ``cryptography`` only).

What :mod:`tipdesk.store.attachments` (SQLCipher) and :mod:`tipdesk.hqstore.files`
(PostgreSQL) store is the same: a file's content cut into chunks of :data:`CHUNK` bytes, each
AES-256-GCM under the file's own data key with a random 96-bit nonce and the associated data
:func:`aad` (the file's id, the chunk's number, whether it is the last: a chunk cannot be
moved, reordered or dropped unnoticed); a sealed name or note is an ``e1:`` token under the
same key (:func:`encrypt_text`). A victim's file's data key is HPKE-sealed to the identity key
with the label :data:`KEY_INFO` plus the file's id (:func:`seal_key`). Nothing here logs or
raises a file's content, name, note or key.
"""

from __future__ import annotations

import base64
import binascii
import secrets
from collections.abc import Iterable, Iterator

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from tipdesk.core.errors import CorruptStore
from tipdesk.core.messages import say
from tipdesk.store import keywrap

CHUNK = 1024 * 1024
"""Plaintext bytes per stored chunk (the last one may be shorter)."""
KEY_INFO = b"tipdesk attachment key v1|"
"""The label a victim's file key is sealed under (followed by the file's id)."""
_AAD = "tipdesk attachment v1|{id}|{n}|{last}"
_TEXT_PREFIX = "e1:"
NONCE = 12


def aad(attachment_id: str, n: int, last: bool) -> bytes:
    """The associated data of chunk ``n`` of a file."""
    return _AAD.format(id=attachment_id, n=n, last=int(last)).encode()


def encrypt_chunk(aead: AESGCM, attachment_id: str, n: int, last: bool, piece: bytes) -> bytes:
    """One stored chunk: nonce and ciphertext."""
    nonce = secrets.token_bytes(NONCE)
    return nonce + aead.encrypt(nonce, piece, aad(attachment_id, n, last))


def decrypt_chunk(aead: AESGCM, attachment_id: str, n: int, count: int, data: bytes) -> bytes:
    """The plaintext of stored chunk ``n`` of ``count``; :class:`CorruptStore` when it does
    not decrypt (damaged, moved, or another file's)."""
    try:
        return aead.decrypt(data[:NONCE], data[NONCE:], aad(attachment_id, n, n == count - 1))
    except (InvalidTag, ValueError):
        raise CorruptStore(say("A case file is damaged: part of it does not decrypt.")) from None


def encrypt_text(aead: AESGCM, attachment_id: str, field: str, text: str) -> str:
    """A file's name or note sealed under its data key (empty stays empty)."""
    if not text:
        return ""
    nonce = secrets.token_bytes(NONCE)
    ct = aead.encrypt(nonce, text.encode("utf-8"), f"{attachment_id}|{field}".encode())
    return _TEXT_PREFIX + base64.b64encode(nonce + ct).decode()


def decrypt_text(aead: AESGCM, attachment_id: str, field: str, token: str) -> str:
    """What :func:`encrypt_text` sealed; :class:`CorruptStore` when it does not open."""
    if not token:
        return ""
    if not token.startswith(_TEXT_PREFIX):
        raise CorruptStore(say("A case file's description is damaged."))
    try:
        raw = base64.b64decode(token[len(_TEXT_PREFIX) :], validate=True)
        plain = aead.decrypt(raw[:NONCE], raw[NONCE:], f"{attachment_id}|{field}".encode())
    except (binascii.Error, ValueError, InvalidTag):
        raise CorruptStore(say("A case file's description is damaged.")) from None
    return plain.decode("utf-8")


def seal_key(public: bytes, attachment_id: str, key: bytes) -> bytes:
    """A victim's file key sealed (HPKE) to the identity ``public`` key."""
    return keywrap.seal(public, key, KEY_INFO + attachment_id.encode())


def open_key(private: bytes, attachment_id: str, sealed: bytes) -> bytes:
    """What :func:`seal_key` sealed; :class:`CorruptStore` when it does not open."""
    key = keywrap.open_sealed(private, sealed, KEY_INFO + attachment_id.encode())
    if key is None:
        raise CorruptStore(say("A victim's file key does not open with this store's identity key."))
    return key


def rechunk(pieces: Iterable[bytes]) -> Iterator[tuple[bytes, bool]]:
    """``pieces`` regrouped into chunks of exactly :data:`CHUNK` bytes (the last one shorter
    or empty), each with whether it is the last: one chunk is held back until the next shows
    there is more. Empty content is one empty chunk."""
    buffer = bytearray()
    held: bytes | None = None
    for piece in pieces:
        buffer += piece
        while len(buffer) > CHUNK:
            if held is not None:
                yield held, False
            held = bytes(buffer[:CHUNK])
            del buffer[:CHUNK]
    if held is not None:
        if buffer:
            yield held, False
            yield bytes(buffer), True
        else:
            yield held, True
    else:
        yield bytes(buffer), True
