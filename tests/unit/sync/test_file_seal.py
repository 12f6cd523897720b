"""Sealed case files (``tipdesk.sync.file_seal``): round trip, streaming view, and every kind of
damage refused before anything is decrypted or trusted."""

from __future__ import annotations

import io
import os

import pytest
from sealed_support import make_identity

from tipdesk.core.ids import new_id
from tipdesk.sync import file_seal
from tipdesk.sync.errors import BadSignature, DamagedFile, NotASyncFile, TooLarge, WrongRecipient
from tipdesk.sync.file_seal import CHUNK, FileManifest
from tipdesk.sync.identity import Identity

DESCRIPTION = {"id": "x", "note": "a note that must not be readable"}


def _seal(sender: Identity, receiver: Identity, content: bytes) -> bytes:
    out = io.BytesIO()
    chunks = [content[i : i + CHUNK] for i in range(0, len(content), CHUNK)] or [b""]
    manifest = FileManifest(sender.public.device_id, "LHR", new_id(), "2026-01-01T00:00:00Z", "t")
    n = file_seal.write(
        out, manifest, DESCRIPTION, chunks, sender.signer, [receiver.public.recipient]
    )
    assert n == len(out.getvalue())
    return out.getvalue()


def _open(data: bytes, max_content: int = 10 * CHUNK) -> file_seal.Opened:
    return file_seal.read(io.BytesIO(data), len(data), max_content=max_content)


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + 5])
def test_round_trip_chunk_by_chunk(sender: Identity, receiver: Identity, size: int) -> None:
    content = os.urandom(size)
    data = _seal(sender, receiver, content)
    assert DESCRIPTION["note"].encode() not in data
    opened = _open(data)
    file_seal.verify(opened, sender.public.signing_key)
    assert opened.description(receiver.age_identity) == DESCRIPTION
    view = file_seal.PlainReader(opened, receiver.age_identity, size)
    assert view.read() == content
    view.seek(-3, io.SEEK_END)
    assert view.read() == content[-3:]


def test_another_signer_is_refused(sender: Identity, receiver: Identity) -> None:
    data = _seal(sender, receiver, b"abc")
    with pytest.raises(BadSignature):
        file_seal.verify(_open(data), make_identity().public.signing_key)


def test_a_changed_byte_anywhere_is_refused(sender: Identity, receiver: Identity) -> None:
    data = _seal(sender, receiver, os.urandom(CHUNK + 10))
    # In the content's second part: the signature holds, the part's digest does not.
    bad = bytearray(data)
    bad[len(file_seal.MAGIC) + 400 + CHUNK] ^= 1
    opened = _open(bytes(bad))
    file_seal.verify(opened, sender.public.signing_key)
    view = file_seal.PlainReader(opened, receiver.age_identity, CHUNK + 10)
    with pytest.raises(DamagedFile):
        view.read()
    # In the header: the checksum names it.
    bad = bytearray(data)
    bad[-120] ^= 1
    with pytest.raises(DamagedFile):
        _open(bytes(bad))
    with pytest.raises(DamagedFile):
        _open(data[:-1])
    with pytest.raises(NotASyncFile):
        _open(b"PK\x03\x04" + data)


def test_parts_swapped_between_files_are_refused(sender: Identity, receiver: Identity) -> None:
    one = _seal(sender, receiver, b"A" * 100)
    two = _seal(sender, receiver, b"B" * 100)
    # The second file's parts under the first file's signed header.
    mixed = two[: _parts_end(two)] + one[_parts_end(one) :]
    assert len(mixed) == len(one)  # same sizes, same recipients: same lengths
    opened = _open(mixed)
    file_seal.verify(opened, sender.public.signing_key)
    with pytest.raises(DamagedFile):
        opened.description(receiver.age_identity)


def _parts_end(data: bytes) -> int:
    """Where the signed header starts (after the parts): the trailer gives its length."""
    return len(data) - 100 - int.from_bytes(data[-100:-96], "big")


def test_wrong_recipient_and_size_limit(sender: Identity, receiver: Identity) -> None:
    data = _seal(sender, receiver, os.urandom(3 * CHUNK))
    opened = _open(data)
    with pytest.raises(WrongRecipient):
        opened.description(make_identity().age_identity)
    with pytest.raises(TooLarge, match="Settings"):
        _open(data, max_content=2 * CHUNK)


def test_a_view_with_the_wrong_size_is_refused(sender: Identity, receiver: Identity) -> None:
    opened = _open(_seal(sender, receiver, os.urandom(CHUNK + 1)))
    with pytest.raises(DamagedFile):
        file_seal.PlainReader(opened, receiver.age_identity, 5)  # one chunk, not two
    view = file_seal.PlainReader(opened, receiver.age_identity, CHUNK + 2)
    with pytest.raises(DamagedFile):
        view.read()
