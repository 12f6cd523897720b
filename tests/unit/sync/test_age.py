"""The age v1 writer in :mod:`tipdesk.sync.age`: checked against age's published test vector,
and every file it writes read back by two independent implementations (pyrage, and the
reference ``age`` tool where installed)."""

from __future__ import annotations

import base64
import hashlib
import shutil
import subprocess
from pathlib import Path

import bech32
import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from pyrage import x25519

from tipdesk.sync import age

# age's testkit file ``testdata/testkit/x25519`` (github.com/FiloSottile/age, the C2SP age test
# vectors): the identity, the header of a file encrypted to it and the file key it carries.
VECTOR_IDENTITY = "AGE-SECRET-KEY-1XMWWC06LY3EE5RYTXM9MFLAZ2U56JJJ36S0MYPDRWSVLUL66MV4QX3S7F6"
VECTOR_SHARE = "TEiF0ypqr+bpvcqXNyCVJpL7OuwPdVwPL7KQEbFDOCc"
VECTOR_BODY = "EmECAEcKN+n/Vs9SbWiV+Hu0r+E8R77DdWYyd83nw7U"
VECTOR_MAC = "Vn+54jqiiUCE+WZcEVY3f1sqHjlu/z1LCQ/T7Xm7qI0"
VECTOR_FILE_KEY = bytes.fromhex("59454c4c4f57205355424d4152494e45")  # "YELLOW SUBMARINE"


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4))


def test_key_wrapping_and_header_mac_match_the_published_vector() -> None:
    secret = age.identity_key(VECTOR_IDENTITY)
    ours = X25519PrivateKey.from_private_bytes(secret)
    share = _unb64(VECTOR_SHARE)
    shared = ours.exchange(X25519PublicKey.from_public_bytes(share))
    own_public = ours.public_key().public_bytes_raw()
    key = age.wrap_key(shared, share, own_public)
    file_key = ChaCha20Poly1305(key).decrypt(bytes(12), _unb64(VECTOR_BODY), None)
    assert file_key == VECTOR_FILE_KEY
    header = f"age-encryption.org/v1\n-> X25519 {VECTOR_SHARE}\n{VECTOR_BODY}\n---".encode("ascii")
    assert age.header_mac(file_key, header) == _unb64(VECTOR_MAC)
    # and the recipient we derive from the identity is the one pyrage derives
    assert age.recipient_of(VECTOR_IDENTITY) == bech32.bech32_encode(
        "age", bech32.convertbits(own_public, 8, 5)
    )


SIZES = [0, 1, 1000, age.CHUNK - 1, age.CHUNK, age.CHUNK + 1, 2 * age.CHUNK, 3 * 2**20 + 17]


@pytest.mark.parametrize("size", SIZES)
def test_pyrage_decrypts_every_size_and_the_digest_is_of_the_whole_file(size: int) -> None:
    """Chunk boundaries (empty, exactly one chunk, one byte over) and the threaded digest path
    (over 1 MiB) all give files another implementation opens."""
    identity = x25519.Identity.generate()
    data = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    buffer, digest = age.encrypt_with_digest(data, [str(identity.to_public())], reserve=3)
    assert buffer[:3] == b"\0\0\0"  # room the caller fills with its framing
    sealed = bytes(buffer[3:])
    assert bytes(pyrage.decrypt(sealed, [identity])) == data
    assert digest == hashlib.sha256(sealed).digest()
    header_end = sealed.index(b"\n---") + 1
    header_end = sealed.index(b"\n", header_end) + 1
    assert len(sealed) == age.encrypted_size(size, 1)
    assert header_end < len(sealed)


def test_every_recipient_can_decrypt_and_files_differ_each_time() -> None:
    people = [x25519.Identity.generate() for _ in range(3)]
    recipients = [str(p.to_public()) for p in people]
    one = age.encrypt(b"synthetic payload", recipients)
    two = age.encrypt(b"synthetic payload", recipients)
    assert one != two  # a fresh file key, nonce and ephemeral share per file
    for person in people:
        assert bytes(pyrage.decrypt(one, [person])) == b"synthetic payload"
    with pytest.raises(pyrage.DecryptError):
        pyrage.decrypt(one, [x25519.Identity.generate()])


def test_a_damaged_file_is_refused_by_the_reader() -> None:
    identity = x25519.Identity.generate()
    sealed = bytearray(age.encrypt(b"a" * 200_000, [str(identity.to_public())]))
    sealed[-100] ^= 1
    with pytest.raises(age.AgeFailure):
        age.decrypt(bytes(sealed), str(identity))


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "age1notarecipient",
        VECTOR_IDENTITY,  # an identity is not a recipient
        bech32.bech32_encode("age", bech32.convertbits(bytes(32), 8, 5)),  # a low-order point
    ],
)
def test_invalid_recipients_are_refused_without_echoing_them(bad: str) -> None:
    with pytest.raises(age.AgeFailure) as err:
        age.encrypt(b"payload", [bad])
    assert "recipient" in str(err.value)
    if bad:
        assert bad not in str(err.value)


def test_no_recipients_is_refused() -> None:
    with pytest.raises(age.AgeFailure, match="no recipients"):
        age.encrypt(b"payload", [])


@pytest.mark.skipif(shutil.which("age") is None, reason="the reference age tool is not installed")
@pytest.mark.parametrize("size", [0, age.CHUNK, 2 * 2**20 + 5])
def test_the_reference_age_tool_decrypts_what_we_write(tmp_path: Path, size: int) -> None:
    identity = x25519.Identity.generate()
    data = (b"synthetic record line\n" * (size // 22 + 1))[:size]
    (tmp_path / "f.age").write_bytes(age.encrypt(data, [str(identity.to_public())]))
    (tmp_path / "key.txt").write_text(str(identity) + "\n", encoding="ascii")
    tool = shutil.which("age")
    assert tool is not None
    done = subprocess.run(
        [tool, "--decrypt", "-i", str(tmp_path / "key.txt"), str(tmp_path / "f.age")],
        capture_output=True,
        check=True,
    )
    assert done.stdout == data
