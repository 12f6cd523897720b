"""The sealed file that carries bundles and receipts: a signed plaintext header, then an age
v1 file holding the zlib-compressed JSON payload. Layout (``docs/bundle-format.md``)::

    magic        13 bytes  b"TIPDESK-SYNC\\n"
    header_len    4 bytes  big-endian length of the header
    header        n bytes  canonical JSON {"format", "type", "manifest", "recipients"}
    checksum     32 bytes  SHA-256 of magic, header_len and header
    signature    64 bytes  Ed25519 over SIGNATURE_DOMAIN + header
    payload      the rest  age v1 (X25519 recipients) of zlib(JSON)

Contract:
- :func:`read` checks only the structure (magic, lengths, checksum, format version, sizes)
  and never decrypts. :func:`verify` checks the signature, which covers the manifest, the
  recipients and the payload's SHA-256, and then the payload against that digest: call it,
  with the key of a sender you trust, *before* :func:`open_payload` decrypts anything.
- :func:`open_payload` decompresses with a hard cap: at most the declared size, never more
  than :attr:`Limits.max_plain_bytes` (decompression bombs are refused, not expanded).
- Every failure is a :class:`~tipdesk.sync.errors.SyncError` naming the problem.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from tipdesk.core.messages import Message, say, template
from tipdesk.sync import age
from tipdesk.sync.canonical import Malformed, canonical, strict_loads
from tipdesk.sync.errors import (
    BadSignature,
    DamagedFile,
    FormatTooNew,
    NotASyncFile,
    TooLarge,
    WrongKind,
    WrongRecipient,
)

MAGIC = b"TIPDESK-SYNC\n"
FORMAT = 2
"""The format this TIPDesk writes (``docs/bundle-format.md``)."""
READS = frozenset({1, 2})
"""The formats it reads: format 1 bundles and receipts of older installs are still taken."""
SIGNATURE_DOMAIN = b"tipdesk-sync v1 signature\n"
KINDS = ("bundle", "receipt")
MAX_HEADER_BYTES = 64 * 1024
_LEN = 4
_SUM = 32
_SIG = 64
COMPRESSION_LEVEL = 6


@dataclass(frozen=True, slots=True)
class Limits:
    """Size limits for files from elsewhere (tests pass small ones)."""

    max_payload_bytes: int = 256 * 1024 * 1024
    """The encrypted payload (what is on disk)."""
    max_plain_bytes: int = 1024 * 1024 * 1024
    """The JSON after decompression."""


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True, slots=True)
class Envelope:
    """A structurally sound sealed file; its signature is not yet checked."""

    kind: str
    manifest: dict[str, Any]
    recipients: tuple[str, ...]
    header: bytes
    signature: bytes
    ciphertext: bytes
    plain_bytes: int
    format: int = FORMAT
    """The file's format version (the reader of the manifest and payload follows it)."""


def seal(
    kind: str,
    manifest: dict[str, Any],
    payload_json: bytes,
    signer: Ed25519PrivateKey,
    recipients: Sequence[str],
    fmt: int = FORMAT,
) -> bytearray:
    """Compress, encrypt to ``recipients``, sign and frame ``payload_json``. The sealed file
    comes back as a ``bytearray`` (it is built in place; copying a large bundle into a
    ``bytes`` would cost as much as encrypting it). ``fmt``: the format version to write
    (tests write older formats)."""
    compressed = zlib.compress(payload_json, COMPRESSION_LEVEL)
    return seal_compressed(kind, manifest, compressed, len(payload_json), signer, recipients, fmt)


def seal_compressed(
    kind: str,
    manifest: dict[str, Any],
    compressed: bytes,
    plain_bytes: int,
    signer: Ed25519PrivateKey,
    recipients: Sequence[str],
    fmt: int = FORMAT,
) -> bytearray:
    """:func:`seal` for a payload already compressed (``plain_bytes`` long before that)."""
    if kind not in KINDS:
        raise ValueError(f"unknown sealed file kind {kind!r}")
    n_bytes = age.encrypted_size(len(compressed), len(recipients))
    payload: dict[str, Any] = {
        "bytes": n_bytes,
        "compression": "zlib",
        "encryption": "age-v1-x25519",
        "plain_bytes": plain_bytes,
        "sha256": "0" * 64,  # a stand-in of the same length until the payload is encrypted
    }

    def header_for(payload: dict[str, Any]) -> bytes:
        full = dict(manifest) | {"payload": payload}
        return canonical(
            {"format": fmt, "manifest": full, "recipients": list(recipients), "type": kind}
        )

    header = header_for(payload)
    if len(header) > MAX_HEADER_BYTES:
        raise ValueError("sealed file header too large")
    prefix = len(MAGIC) + _LEN + len(header) + _SUM + _SIG
    # The payload is encrypted straight into its place in the file, behind room for the framing:
    # a bundle is never copied whole just to be framed.
    sealed, digest = age.encrypt_with_digest(compressed, list(recipients), reserve=prefix)
    header = header_for(payload | {"sha256": digest.hex()})
    framed = MAGIC + len(header).to_bytes(_LEN, "big") + header
    if len(framed) + _SUM + _SIG != prefix or len(sealed) != prefix + n_bytes:
        raise RuntimeError("sealed file layout mismatch")  # a bug, never bad input
    signature = signer.sign(SIGNATURE_DOMAIN + header)
    sealed[:prefix] = framed + hashlib.sha256(framed).digest() + signature
    return sealed


#: The kinds of sealed file as words of a message (translated with it).
_WORDS = {"bundle": template("bundle"), "receipt": template("receipt"), "file": template("file")}


def _word(kind: str) -> Message:
    """``kind`` (a bundle, a receipt, a file) as a word the UI translates."""
    return say(_WORDS.get(kind, kind))


def _damaged(what: str) -> DamagedFile:
    return DamagedFile(
        say(
            "The {what} is damaged or incomplete (it was cut short or altered on the way); "
            "ask for it to be sent again. Nothing was changed.",
            what=_word(what),
        )
    )


def read(data: bytes, limits: Limits = DEFAULT_LIMITS, *, expect: str | None = None) -> Envelope:
    """Check the structure of a sealed file (no signature check, no decryption)."""
    what = expect or "file"
    if not data.startswith(MAGIC):
        if data and MAGIC.startswith(data):
            raise _damaged(what)
        raise NotASyncFile(
            say(
                "This is not a TIPDesk bundle or receipt (it does not start like one). Nothing "
                "was changed."
            )
        )
    start = len(MAGIC) + _LEN
    if len(data) < start:
        raise _damaged(what)
    size = int.from_bytes(data[len(MAGIC) : start], "big")
    if size > MAX_HEADER_BYTES:
        raise _damaged(what)
    end = start + size
    if len(data) < end + _SUM + _SIG:
        raise _damaged(what)
    if hashlib.sha256(data[:end]).digest() != data[end : end + _SUM]:
        raise _damaged(what)
    header = data[start:end]
    try:
        doc = strict_loads(header)
    except Malformed:
        raise _damaged(what) from None
    if not isinstance(doc, dict) or type(doc.get("format")) is not int:
        raise _damaged(what)
    if doc["format"] > FORMAT:
        raise FormatTooNew(
            say(
                "This {what} was written by a newer TIPDesk (format {found}; this TIPDesk "
                "reads format {reads}). Update TIPDesk, then import it again. Nothing was "
                "changed.",
                what=_word(what),
                found=doc["format"],
                reads=FORMAT,
            )
        )
    if doc["format"] not in READS or set(doc) != {"format", "manifest", "recipients", "type"}:
        raise _damaged(what)
    kind, manifest, recipients = doc["type"], doc["manifest"], doc["recipients"]
    if kind not in KINDS or not isinstance(manifest, dict):
        raise _damaged(what)
    if expect is not None and kind != expect:
        raise WrongKind(
            say(
                "This is a TIPDesk {kind}, not a {expected}. Nothing was changed.",
                kind=_word(kind),
                expected=_word(expect),
            )
        )
    if not (
        isinstance(recipients, list)
        and recipients
        and all(isinstance(r, str) and r.startswith("age1") for r in recipients)
    ):
        raise _damaged(what)
    payload = manifest.get("payload")
    if not isinstance(payload, dict):
        raise _damaged(what)
    n_bytes, plain, digest = payload.get("bytes"), payload.get("plain_bytes"), payload.get("sha256")
    if type(n_bytes) is not int or type(plain) is not int or not isinstance(digest, str):
        raise _damaged(what)
    if n_bytes > limits.max_payload_bytes or plain > limits.max_plain_bytes:
        raise TooLarge(
            say(
                "This {kind} is too large to import ({size:,} bytes; the limit is {limit:,}). "
                "Nothing was changed.",
                kind=_word(kind),
                size=max(n_bytes, plain),
                limit=min(limits.max_payload_bytes, limits.max_plain_bytes),
            )
        )
    ciphertext = bytes(data[end + _SUM + _SIG :])  # no copy when ``data`` is bytes already
    if len(ciphertext) != n_bytes:
        raise _damaged(kind)
    return Envelope(
        kind=kind,
        manifest=manifest,
        recipients=tuple(recipients),
        header=bytes(header),
        signature=bytes(data[end + _SUM : end + _SUM + _SIG]),
        ciphertext=ciphertext,
        plain_bytes=plain,
        format=doc["format"],
    )


def verify(envelope: Envelope, public_key: bytes) -> None:
    """Check the signature with the sender's Ed25519 key, then the payload's digest."""
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(
            envelope.signature, SIGNATURE_DOMAIN + envelope.header
        )
    except InvalidSignature:
        raise BadSignature(
            say(
                "The signature of this {kind} does not verify: it was altered or damaged on the "
                "way, or it was not made by the device it names. Nothing was changed.",
                kind=_word(envelope.kind),
            )
        ) from None
    digest = hashlib.sha256(envelope.ciphertext).hexdigest()
    if digest != envelope.manifest["payload"]["sha256"]:
        raise _damaged(envelope.kind)


def open_payload(
    envelope: Envelope, identity: str, recipient: str, limits: Limits = DEFAULT_LIMITS
) -> bytes:
    """Decrypt (after :func:`verify`) and decompress the payload, within the limits."""
    if recipient not in envelope.recipients:
        raise WrongRecipient(
            say(
                "This {kind} is not addressed to this install (it was encrypted for other keys). "
                "Nothing was changed.",
                kind=_word(envelope.kind),
            )
        )
    try:
        compressed = age.decrypt(envelope.ciphertext, identity)
    except age.AgeFailure as exc:
        if exc.no_match:
            raise WrongRecipient(
                say(
                    "This {kind} cannot be decrypted with this install's key. Nothing was changed.",
                    kind=_word(envelope.kind),
                )
            ) from None
        raise _damaged(envelope.kind) from None
    declared = envelope.plain_bytes
    cap = min(declared, limits.max_plain_bytes)
    inflater = zlib.decompressobj()
    try:
        plain = inflater.decompress(compressed, cap + 1)
    except zlib.error:
        raise _damaged(envelope.kind) from None
    if len(plain) > cap or inflater.unconsumed_tail:
        raise TooLarge(
            say(
                "This {kind} expands to more than its declared size of {declared:,} bytes (a "
                "decompression bomb, or a damaged file); it was refused. Nothing was changed.",
                kind=_word(envelope.kind),
                declared=declared,
            )
        )
    if not inflater.eof or inflater.unused_data or len(plain) != declared:
        raise _damaged(envelope.kind)
    return plain
