"""Sealed case files: one case file, signed and encrypted for HQ, that travels beside the bundles.

Layout (``docs/bundle-format.md``, "Case files"); the signed header comes *last*, so that a
district writes the file in one pass, chunk by chunk, and HQ reads it chunk by chunk::

    magic        13 bytes  b"TIPDESK-FILE\\n"
    part 0       an age v1 file (X25519 recipients) of the file's description (canonical JSON)
    part 1..n    an age v1 file of each chunk of the content (CHUNK bytes, the last shorter)
    header       n bytes   canonical JSON {"format", "manifest", "recipients", "type": "file"}
    header_len    4 bytes  big-endian length of the header
    checksum     32 bytes  SHA-256 of header and header_len
    signature    64 bytes  Ed25519 over SIGNATURE_DOMAIN + header (as bundles and receipts)

The manifest names the sending device, its district, the attachment's id, when the file was
made, the TIPDesk that made it and every part's length and SHA-256 (of its age file), so the
signature covers every byte of the parts. Nothing of the file's content, name or note is
readable: they are in the encrypted parts.

Contract:
- :func:`write` streams: it holds one chunk (plain and encrypted) at a time.
- :func:`read` checks the structure only (magic, lengths, checksum, format, the parts adding
  up to the file's length, the limits) and reads nothing but the header; :func:`verify`
  checks the signature with the sender's key: call it before :meth:`Opened.part` decrypts
  anything. Each part is checked against its digest before it is decrypted.
- :class:`PlainReader` is a read-only, seekable view of the decrypted content that decrypts
  one chunk at a time (the content sniffer reads a zip's directory at its end): memory stays
  at a couple of chunks whatever the file's size.
- Every failure is a :class:`~tipdesk.sync.errors.SyncError` naming the problem.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from tipdesk.core.ids import is_id
from tipdesk.core.messages import say
from tipdesk.sync import age
from tipdesk.sync.canonical import Malformed, canonical, strict_loads
from tipdesk.sync.container import SIGNATURE_DOMAIN
from tipdesk.sync.errors import (
    BadSignature,
    DamagedFile,
    FormatTooNew,
    NotASyncFile,
    TooLarge,
    WrongRecipient,
)

MAGIC = b"TIPDESK-FILE\n"
FORMAT = 1
EXTENSION = ".tipf"
CHUNK = 1024 * 1024
"""Plaintext bytes per content part (the store's chunk size; the last part may be shorter)."""
MAX_HEADER_BYTES = 64 * 1024
MAX_DESCRIPTION_BYTES = 16 * 1024
"""The description's JSON at most (ids, a kind, a type, a size, a digest, a name, a note)."""
MAX_RECIPIENTS = 16
_LEN = 4
_SUM = 32
_SIG = 64
_TRAILER = _LEN + _SUM + _SIG
_MANIFEST_KEYS = frozenset({"app_version", "attachment", "created_at", "device", "district",
                            "parts"})  # fmt: skip


def file_name(district: str, device_id: str, attachment_id: str) -> str:
    """``<district>-<last 8 characters of the device id>-<attachment id>.tipf`` (callers pass
    codes and ids they checked: a district's own, or HQ's registry)."""
    return f"{district}-{device_id[-8:]}-{attachment_id}{EXTENSION}"


@dataclass(frozen=True, slots=True)
class FileManifest:
    device: str
    district: str
    attachment: str
    created_at: str
    app_version: str
    parts: tuple[tuple[int, str], ...] = ()
    """Each part's length and SHA-256 (hex) of its age file; part 0 is the description."""

    def to_json(self) -> dict[str, Any]:
        return {
            "app_version": self.app_version,
            "attachment": self.attachment,
            "created_at": self.created_at,
            "device": self.device,
            "district": self.district,
            "parts": [list(p) for p in self.parts],
        }


def write(
    out: BinaryIO,
    manifest: FileManifest,
    description: dict[str, Any],
    chunks: Iterable[bytes],
    signer: Ed25519PrivateKey,
    recipients: Sequence[str],
) -> int:
    """Write the sealed file to ``out``: ``description`` and each of ``chunks`` (at most
    :data:`CHUNK` bytes each, only the last shorter) encrypted to ``recipients``, then the
    header signed by ``signer``. Returns the number of bytes written."""
    desc = canonical(description)
    if len(desc) > MAX_DESCRIPTION_BYTES:
        raise ValueError("a case file's description is too long")
    out.write(MAGIC)
    written = len(MAGIC)
    parts: list[tuple[int, str]] = []
    for piece in _parts(desc, chunks):
        sealed, digest = age.encrypt_with_digest(piece, list(recipients))
        out.write(sealed)
        written += len(sealed)
        parts.append((len(sealed), digest.hex()))
    header = canonical(
        {
            "format": FORMAT,
            "manifest": manifest.to_json() | {"parts": [list(p) for p in parts]},
            "recipients": list(recipients),
            "type": "file",
        }
    )
    if len(header) > MAX_HEADER_BYTES:
        raise ValueError("a sealed file's header is too large")
    size = len(header).to_bytes(_LEN, "big")
    out.write(header + size + hashlib.sha256(header + size).digest())
    out.write(signer.sign(SIGNATURE_DOMAIN + header))
    return written + len(header) + _TRAILER


def _parts(description: bytes, chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The description, then the content chunks one at a time (checked for their sizes)."""
    yield description
    short = False
    for piece in chunks:
        if short or len(piece) > CHUNK:
            raise ValueError("content chunks must be full except the last")
        short = len(piece) < CHUNK
        yield piece


@dataclass(frozen=True, slots=True)
class Opened:
    """A structurally sound sealed file; its signature is not yet checked (:func:`verify`)."""

    manifest: FileManifest
    recipients: tuple[str, ...]
    header: bytes
    signature: bytes
    offsets: tuple[int, ...]
    """Where each part starts in the file."""
    handle: BinaryIO

    def part(self, n: int, identity: str) -> bytes:
        """Part ``n`` decrypted (after :func:`verify`), checked against its digest first."""
        size, digest = self.manifest.parts[n]
        self.handle.seek(self.offsets[n])
        data = self.handle.read(size)
        if len(data) != size or hashlib.sha256(data).hexdigest() != digest:
            raise _damaged()
        try:
            return age.decrypt(data, identity)
        except age.AgeFailure as exc:
            if exc.no_match:
                raise WrongRecipient(
                    say(
                        "This case file cannot be decrypted with this install's key. Nothing was "
                        "changed."
                    )
                ) from None
            raise _damaged() from None

    def description(self, identity: str) -> dict[str, Any]:
        """Part 0: the file's description, as an object (its fields are the caller's to
        check)."""
        try:
            doc = strict_loads(self.part(0, identity))
        except Malformed:
            raise _damaged() from None
        if not isinstance(doc, dict):
            raise _damaged()
        return doc

    @property
    def chunks(self) -> int:
        """The number of content parts."""
        return len(self.manifest.parts) - 1


def _damaged() -> DamagedFile:
    return DamagedFile(
        say(
            "The case file is damaged or incomplete (it was cut short or altered on the way); ask "
            "for it to be sent again. Nothing was changed."
        )
    )


def read(handle: BinaryIO, length: int, *, max_content: int) -> Opened:
    """Check the structure of the sealed file open in ``handle`` (``length`` bytes long):
    see the module contract. ``max_content``: the most bytes of content this install takes
    (a file declaring more parts than that needs is refused before anything is read)."""
    handle.seek(0)
    head = handle.read(len(MAGIC))
    if head != MAGIC:
        if head and MAGIC.startswith(head):
            raise _damaged()
        raise NotASyncFile(
            say(
                "This is not a TIPDesk case file (it does not start like one). Nothing was changed."
            )
        )
    if length < len(MAGIC) + _TRAILER:
        raise _damaged()
    handle.seek(length - _TRAILER)
    trailer = handle.read(_TRAILER)
    size = int.from_bytes(trailer[:_LEN], "big")
    if len(trailer) != _TRAILER or size > MAX_HEADER_BYTES or size > length - _TRAILER - len(MAGIC):
        raise _damaged()
    start = length - _TRAILER - size
    handle.seek(start)
    header = handle.read(size)
    if hashlib.sha256(header + trailer[:_LEN]).digest() != trailer[_LEN : _LEN + _SUM]:
        raise _damaged()
    try:
        doc = strict_loads(header)
    except Malformed:
        raise _damaged() from None
    if not isinstance(doc, dict) or type(doc.get("format")) is not int:
        raise _damaged()
    if doc["format"] > FORMAT:
        raise FormatTooNew(
            say(
                "This case file was written by a newer TIPDesk (format {found}; this TIPDesk "
                "reads format {reads}). Update TIPDesk, then import it again. Nothing was changed.",
                found=doc["format"],
                reads=FORMAT,
            )
        )
    if set(doc) != {"format", "manifest", "recipients", "type"} or doc["type"] != "file":
        raise _damaged()
    recipients, m = doc["recipients"], doc["manifest"]
    if not (
        isinstance(recipients, list)
        and 0 < len(recipients) <= MAX_RECIPIENTS
        and all(isinstance(r, str) and r.startswith("age1") for r in recipients)
    ):
        raise _damaged()
    manifest = _manifest(m)
    chunks = len(manifest.parts) - 1
    # The parts: the description, then as many content chunks as the limit allows at most.
    most_chunks = max(1, -(-max_content // CHUNK))
    if chunks > most_chunks:
        raise TooLarge(
            say(
                "This case file holds more than {max_content:,} bytes, the most this install "
                "takes for one file (an administrator sets the limit in Settings); it was "
                "refused. Nothing was changed.",
                max_content=max_content,
            )
        )
    largest = (
        age.encrypted_size(MAX_DESCRIPTION_BYTES, len(recipients)),
        *(age.encrypted_size(CHUNK, len(recipients)),) * chunks,
    )
    offsets, pos = [], len(MAGIC)
    for (n_bytes, _digest), most in zip(manifest.parts, largest, strict=True):
        if n_bytes > most:
            raise _damaged()
        offsets.append(pos)
        pos += n_bytes
    if pos != start:
        raise _damaged()
    return Opened(
        manifest,
        tuple(recipients),
        header,
        trailer[_LEN + _SUM :],
        tuple(offsets),
        handle,
    )


def _manifest(m: Any) -> FileManifest:
    if not isinstance(m, dict) or set(m) != _MANIFEST_KEYS:
        raise _damaged()
    parts = m["parts"]
    ok = (
        all(isinstance(m[k], str) for k in ("device", "district", "attachment", "created_at"))
        and isinstance(m["app_version"], str)
        and is_id(m["device"])
        and is_id(m["attachment"])
        and isinstance(parts, list)
        and len(parts) >= 2
        and all(
            isinstance(p, list)
            and len(p) == 2
            and type(p[0]) is int
            and p[0] > 0
            and isinstance(p[1], str)
            and len(p[1]) == 64
            for p in parts
        )
    )
    if not ok:
        raise _damaged()
    return FileManifest(
        device=m["device"],
        district=m["district"],
        attachment=m["attachment"],
        created_at=m["created_at"],
        app_version=m["app_version"],
        parts=tuple((int(p[0]), str(p[1])) for p in parts),
    )


def verify(opened: Opened, public_key: bytes) -> None:
    """Check the signature with the sender's Ed25519 key (it covers every part's digest)."""
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(
            opened.signature, SIGNATURE_DOMAIN + opened.header
        )
    except InvalidSignature:
        raise BadSignature(
            say(
                "The signature of this case file does not verify: it was altered or damaged on "
                "the way, or it was not made by the device it names. Nothing was changed."
            )
        ) from None


class PlainReader(io.RawIOBase):
    """The decrypted content of a verified sealed file as a read-only, seekable stream of
    ``size`` bytes, decrypting one chunk at a time (the last one read is kept). A chunk whose
    length is not the one its place requires is damage."""

    def __init__(self, opened: Opened, identity: str, size: int) -> None:
        super().__init__()
        self._opened, self._identity, self._size = opened, identity, size
        if opened.chunks != max(1, -(-size // CHUNK)):
            raise _damaged()
        self._pos = 0
        self._cached: tuple[int, bytes] | None = None

    def chunk(self, n: int) -> bytes:
        """Content chunk ``n`` (from 0), decrypted and checked for its length."""
        if self._cached is not None and self._cached[0] == n:
            return self._cached[1]
        data = self._opened.part(n + 1, self._identity)
        expected = min(CHUNK, self._size - n * CHUNK)
        if len(data) != expected:
            raise _damaged()
        self._cached = (n, data)
        return data

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._size}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self._pos >= self._size or not len(view):
            return 0
        n, within = divmod(self._pos, CHUNK)
        data = self.chunk(n)[within : within + len(view)]
        view[: len(data)] = data
        self._pos += len(data)
        return len(data)
