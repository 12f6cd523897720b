"""The sealed file: round trip, checks in order (structure, signature, recipient, size), and
interoperability with the reference ``age`` tool."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest
from sealed_support import make_identity

from tipdesk.sync import age, container
from tipdesk.sync.container import Limits
from tipdesk.sync.errors import (
    BadSignature,
    DamagedFile,
    FormatTooNew,
    NotASyncFile,
    TooLarge,
    WrongKind,
    WrongRecipient,
)
from tipdesk.sync.identity import Identity

PAYLOAD = b'{"hello":"synthetic payload","n":[1,2,3]}'


def _seal(
    sender: Identity, receiver: Identity, payload: bytes = PAYLOAD, fmt: int = container.FORMAT
) -> bytes:
    return container.seal(
        "bundle", {"seq": 1}, payload, sender.signer, [receiver.public.recipient], fmt
    )


def test_round_trip(sender: Identity, receiver: Identity) -> None:
    data = _seal(sender, receiver)
    env = container.read(data, expect="bundle")
    assert env.kind == "bundle" and env.manifest["seq"] == 1
    assert env.recipients == (receiver.public.recipient,)
    container.verify(env, sender.public.signing_key)
    plain = container.open_payload(env, receiver.age_identity, receiver.public.recipient)
    assert plain == PAYLOAD
    assert PAYLOAD not in data and b"synthetic" not in data


def test_signature_from_another_key_is_refused(sender: Identity, receiver: Identity) -> None:
    env = container.read(_seal(sender, receiver))
    with pytest.raises(BadSignature, match="signature"):
        container.verify(env, make_identity().public.signing_key)


def test_payload_swapped_under_a_valid_header_is_refused(
    sender: Identity, receiver: Identity
) -> None:
    a, b = _seal(sender, receiver), _seal(sender, receiver, PAYLOAD.replace(b"1", b"2"))
    env_a, env_b = container.read(a), container.read(b)
    swapped = a[: len(a) - len(env_a.ciphertext)] + env_b.ciphertext
    if len(env_b.ciphertext) == len(env_a.ciphertext):
        with pytest.raises(DamagedFile):
            container.verify(container.read(swapped), sender.public.signing_key)
    else:
        with pytest.raises(DamagedFile):
            container.read(swapped)


def test_wrong_recipient_is_named(sender: Identity, receiver: Identity) -> None:
    env = container.read(_seal(sender, receiver))
    other = make_identity()
    with pytest.raises(WrongRecipient, match="not addressed to this install"):
        container.open_payload(env, other.age_identity, other.public.recipient)
    # Listed, but the key does not open it (a header that lies about its recipients).
    with pytest.raises(WrongRecipient, match="cannot be decrypted"):
        container.open_payload(env, other.age_identity, receiver.public.recipient)


def test_kinds_formats_and_limits(sender: Identity, receiver: Identity) -> None:
    data = _seal(sender, receiver)
    with pytest.raises(WrongKind, match="not a receipt"):
        container.read(data, expect="receipt")
    with pytest.raises(TooLarge, match="too large"):
        container.read(data, Limits(max_payload_bytes=10))
    with pytest.raises(NotASyncFile):
        container.read(b"PK\x03\x04 a zip file")
    with pytest.raises(DamagedFile):
        container.read(container.MAGIC[:5])
    header = container.read(data).header
    assert b'"format":2' in header
    newer = header.replace(b'"format":2', b'"format":3')
    framed = container.MAGIC + len(newer).to_bytes(4, "big") + newer
    forged = framed + hashlib.sha256(framed).digest() + bytes(64)
    with pytest.raises(FormatTooNew, match="format 3"):
        container.read(forged)
    # Format 1 (older installs) is still read; format 0 never existed.
    older = container.read(_seal(sender, receiver, fmt=1))
    assert older.format == 1
    never = header.replace(b'"format":2', b'"format":0')
    framed = container.MAGIC + len(never).to_bytes(4, "big") + never
    with pytest.raises(DamagedFile):
        container.read(framed + hashlib.sha256(framed).digest() + bytes(64))


def test_decompression_is_capped(sender: Identity, receiver: Identity) -> None:
    big = _seal(sender, receiver, b"x" * 100_000)
    with pytest.raises(TooLarge, match="too large"):
        container.read(big, Limits(max_plain_bytes=1000))
    env = container.read(big)
    # A payload that expands beyond what its (signed) manifest declares is refused while
    # decompressing, after at most the declared size plus one byte.
    bomb = age.encrypt(zlib.compress(b"\x00" * 5_000_000), [receiver.public.recipient])
    lying = container.Envelope("bundle", env.manifest, env.recipients, env.header,
                               env.signature, bomb, plain_bytes=1000)  # fmt: skip
    with pytest.raises(TooLarge, match="declared size"):
        container.open_payload(lying, receiver.age_identity, receiver.public.recipient)


@pytest.mark.skipif(shutil.which("age") is None, reason="the reference age tool is not installed")
def test_the_age_tool_decrypts_the_payload(
    sender: Identity, receiver: Identity, tmp_path: Path
) -> None:
    """Interoperability: the payload of a TIPDesk bundle is a standard age v1 file that the
    reference tool opens with the receiver's identity (then zlib gives the JSON back)."""
    env = container.read(_seal(sender, receiver))
    (tmp_path / "payload.age").write_bytes(env.ciphertext)
    identity_file = tmp_path / "identity.txt"
    identity_file.write_text(receiver.age_identity + "\n", encoding="ascii")
    identity_file.chmod(0o600)
    age_tool = shutil.which("age")
    assert age_tool is not None
    proc = subprocess.run(
        [age_tool, "--decrypt", "-i", str(identity_file), str(tmp_path / "payload.age")],
        capture_output=True,
        check=True,
        timeout=60,
    )
    assert zlib.decompress(proc.stdout) == PAYLOAD
