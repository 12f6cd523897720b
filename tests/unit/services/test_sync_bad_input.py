"""Bad input to sync: every case gives a clear error naming the problem, and the receiving
store's files stay byte-for-byte the same (sessions are closed before hashing; the sessions
used to try the import are opened without the sign-in audit entry, so opening writes nothing).
"""

from __future__ import annotations

import hashlib
import random
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hq_engines import pg_digest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_support import case_for, export, files_of, link, make_district, make_hq, quiet_session

from tipdesk.core.clock import FixedClock
from tipdesk.core.errors import KnownError
from tipdesk.paths import Paths
from tipdesk.services import records, sync
from tipdesk.services.sync import hq_pg
from tipdesk.services.sync.common import own_identity
from tipdesk.sync import age, container
from tipdesk.sync.canonical import canonical
from tipdesk.sync.container import Limits
from tipdesk.sync.errors import (
    BadSignature,
    DamagedFile,
    FormatTooNew,
    NotASyncFile,
    RevokedSender,
    TooLarge,
    UnknownSender,
    WrongDevice,
    WrongKind,
    WrongRecipient,
)
from tipdesk.sync.identity import Identity

NOTHING_CHANGED = "Nothing was changed"


@pytest.fixture
def world(
    tmp_path: Path,
    svc_clock: FixedClock,
    hq_engine: str,
    hq_pg_urls: Callable[[str | None], str],
) -> Iterator[dict[str, Any]]:
    """A Lahore district linked to HQ with one exported bundle; both sessions closed. HQ
    keeps its records in its own store or (``hq_engine``) in a PostgreSQL database."""
    district = make_district(tmp_path / "lahore", svc_clock)
    hq = make_hq(tmp_path / "hq", svc_clock)
    link(district, hq, tmp_path / "files")
    pg_url = hq_pg_urls(None) if hq_engine == "postgres" else None
    if pg_url:
        hq_pg.configure(hq, pg_url)
    records.save(district, [case_for(district)])
    bundle = export(district, tmp_path / "out")
    me = own_identity(district)
    world = {
        "district": district.paths,
        "hq": hq.paths,
        "bundle": bundle.read_bytes(),
        "identity": me,
        "hq_recipient": sync.keys_info(hq).recipient,
        "tmp": tmp_path,
        "pg": pg_url,
    }
    district.close()
    hq.close()
    yield world


def _refused(
    world: dict[str, Any], clock: FixedClock, attempts: list[bytes], limits: Limits | None = None
) -> list[KnownError]:
    """Try to import each file at HQ; return the errors; check the files (and the database
    HQ keeps its records in, if any) did not change."""
    before = _held(world)
    session = quiet_session(world["hq"], clock)
    errors: list[KnownError] = []
    try:
        for data in attempts:
            with pytest.raises(KnownError) as info:
                if limits is None:
                    sync.import_bundle_bytes(session, data)
                else:
                    sync.import_bundle_bytes(session, data, limits=limits)
            errors.append(info.value)
    finally:
        session.close()
    assert _held(world) == before
    return errors


def _held(world: dict[str, Any]) -> tuple[dict[str, str], dict[str, list[str]]]:
    """What HQ holds: its data folder's files, and every row of its PostgreSQL database."""
    return files_of(world["hq"].home), pg_digest(world["pg"])


def _forge(
    identity: Identity,
    manifest: dict[str, Any],
    compressed: bytes,
    recipients: list[str],
    *,
    fmt: int = container.FORMAT,
    plain_bytes: int,
) -> bytes:
    """A sealed file signed by a real device key but with chosen contents (what a buggy or
    hostile sender could make)."""
    ciphertext = age.encrypt(compressed, recipients)
    full = {**manifest, "payload": {"bytes": len(ciphertext), "compression": "zlib",
            "encryption": "age-v1-x25519", "plain_bytes": plain_bytes,
            "sha256": hashlib.sha256(ciphertext).hexdigest()}}  # fmt: skip
    header = canonical({"format": fmt, "manifest": full, "recipients": recipients,
                        "type": "bundle"})  # fmt: skip
    framed = container.MAGIC + len(header).to_bytes(4, "big") + header
    signature = identity.signer.sign(container.SIGNATURE_DOMAIN + header)
    return framed + hashlib.sha256(framed).digest() + signature + ciphertext


def _manifest(world: dict[str, Any]) -> dict[str, Any]:
    m = dict(container.read(world["bundle"]).manifest)
    m.pop("payload")
    return m


def test_truncated_bundles(world: dict[str, Any], svc_clock: FixedClock) -> None:
    data: bytes = world["bundle"]
    header_end = len(container.MAGIC) + 4 + int.from_bytes(data[13:17], "big")
    cuts = {0, 1, 5, 12, 13, 15, 17, 40, header_end - 1, header_end, header_end + 31,
            header_end + 32, header_end + 95, header_end + 96, header_end + 200,
            len(data) // 2, len(data) - 100, len(data) - 1}  # fmt: skip
    cuts |= set(random.Random(7).sample(range(len(data)), 40))
    errors = _refused(world, svc_clock, [data[:cut] for cut in sorted(cuts)])
    for error in errors:
        assert isinstance(error, DamagedFile | NotASyncFile), error
        assert NOTHING_CHANGED in error.message
    damaged = [e for e in errors if isinstance(e, DamagedFile)]
    assert damaged and "damaged or incomplete" in damaged[0].message


def test_any_single_flipped_byte(world: dict[str, Any], svc_clock: FixedClock) -> None:
    data: bytes = world["bundle"]
    paths: Paths = world["hq"]
    before = _held(world)
    session = quiet_session(paths, svc_clock)
    expected = (DamagedFile, NotASyncFile, FormatTooNew, UnknownSender, TooLarge, WrongKind)

    @settings(max_examples=150, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
    @given(position=st.integers(0, len(data) - 1), mask=st.integers(1, 255))
    def flip(position: int, mask: int) -> None:
        changed = bytearray(data)
        changed[position] ^= mask
        with pytest.raises(expected) as info:
            sync.import_bundle_bytes(session, bytes(changed))
        assert NOTHING_CHANGED in info.value.message

    try:
        flip()
        # Every region: magic, length, header, checksum, signature, payload.
        header_end = len(container.MAGIC) + 4 + int.from_bytes(data[13:17], "big")
        for position in (
            0,
            14,
            30,
            header_end + 3,
            header_end + 40,
            header_end + 120,
            len(data) - 1,
        ):
            changed = bytearray(data)
            changed[position] ^= 0x01
            with pytest.raises(expected) as info:
                sync.import_bundle_bytes(session, bytes(changed))
            if header_end + 32 <= position < header_end + 96:
                assert isinstance(info.value, BadSignature)
                assert "signature" in info.value.message
    finally:
        session.close()
    assert _held(world) == before


def test_wrong_recipient(world: dict[str, Any], svc_clock: FixedClock) -> None:
    # A bundle encrypted for another HQ, signed by a device this HQ registered.
    other = age.recipient_of(age.new_identity())
    compressed = zlib.compress(b"{}")
    forged = _forge(world["identity"], _manifest(world), compressed, [other], plain_bytes=2)
    (error,) = _refused(world, svc_clock, [forged])
    assert isinstance(error, WrongRecipient)
    assert "not addressed to this install" in error.message and NOTHING_CHANGED in error.message


def test_unregistered_sender(world: dict[str, Any], svc_clock: FixedClock) -> None:
    stranger = make_district(world["tmp"] / "stranger", svc_clock, which=1)
    try:
        link_only_enrolment = world["tmp"] / "files" / "hq-enrolment.json"
        sync.enroll(stranger, link_only_enrolment)
        records.save(stranger, [case_for(stranger)])
        data = export(stranger, world["tmp"] / "out2").read_bytes()
    finally:
        stranger.close()
    (error,) = _refused(world, svc_clock, [data])
    assert isinstance(error, UnknownSender)
    assert "has not registered" in error.message and "PB-MLT" in error.message


def test_revoked_sender(world: dict[str, Any], svc_clock: FixedClock) -> None:
    hq = quiet_session(world["hq"], svc_clock)
    try:
        sync.revoke_device(hq, world["identity"].public.device_id)
    finally:
        hq.close()
    (error,) = _refused(world, svc_clock, [world["bundle"]])
    assert isinstance(error, RevokedSender) and "revoked device" in error.message


def test_replayed_bundle_is_a_reported_duplicate(
    world: dict[str, Any], svc_clock: FixedClock
) -> None:
    paths: Paths = world["hq"]
    hq = quiet_session(paths, svc_clock)
    try:
        assert sync.import_bundle_bytes(hq, world["bundle"]).status == "imported"
    finally:
        hq.close()
    before = _held(world)
    hq = quiet_session(paths, svc_clock)
    try:
        report = sync.import_files(hq, [_write(world["tmp"] / "again.tipb", world["bundle"])])
    finally:
        hq.close()
    assert _held(world) == before
    assert [r.status for r in report.results] == ["duplicate"] and report.errors == []
    assert report.duplicates == [f"{world['identity'].public.device_id}#1"]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_bundle_from_a_newer_format(world: dict[str, Any], svc_clock: FixedClock) -> None:
    forged = _forge(world["identity"], _manifest(world), zlib.compress(b"{}"),
                    [world["hq_recipient"]], fmt=container.FORMAT + 1, plain_bytes=2)  # fmt: skip
    (error,) = _refused(world, svc_clock, [forged])
    assert isinstance(error, FormatTooNew)
    assert f"format {container.FORMAT + 1}" in error.message and "Update TIPDesk" in error.message


def test_oversized_payload(world: dict[str, Any], svc_clock: FixedClock) -> None:
    small = Limits(max_payload_bytes=256, max_plain_bytes=1024)
    (error,) = _refused(world, svc_clock, [world["bundle"]], limits=small)
    assert isinstance(error, TooLarge) and "too large to import" in error.message


def test_decompression_bomb(world: dict[str, Any], svc_clock: FixedClock) -> None:
    bomb = zlib.compress(b"\x00" * (16 * 1024 * 1024), 9)  # 16 MiB of zeros in ~16 KiB
    forged = _forge(world["identity"], _manifest(world), bomb, [world["hq_recipient"]],
                    plain_bytes=1000)  # fmt: skip
    limits = Limits(max_payload_bytes=1024 * 1024, max_plain_bytes=64 * 1024)
    huge = _forge(world["identity"], _manifest(world), bomb, [world["hq_recipient"]],
                  plain_bytes=16 * 1024 * 1024)  # fmt: skip
    errors = _refused(world, svc_clock, [forged, huge], limits=limits)
    assert all(isinstance(e, TooLarge) for e in errors)
    assert "expands to more than its declared size" in errors[0].message
    assert "too large to import" in errors[1].message


def test_receipt_for_another_device(world: dict[str, Any], svc_clock: FixedClock) -> None:
    tmp: Path = world["tmp"]
    multan = make_district(tmp / "multan", svc_clock, which=1)
    hq = quiet_session(world["hq"], svc_clock)
    try:
        link(multan, hq, tmp / "files")
        records.save(multan, [case_for(multan)])
        sync.import_bundle_bytes(hq, export(multan, tmp / "out-m").read_bytes())
        sync.import_bundle_bytes(hq, world["bundle"])
        for_multan = _write(tmp / "multan.tipr", sync.receipt_for(hq, multan.install.device_id))
    finally:
        hq.close()
        multan.close()
    before = files_of(world["district"].home)
    lahore = quiet_session(world["district"], svc_clock)
    try:
        with pytest.raises(WrongDevice) as info:
            sync.import_receipt(lahore, for_multan)
    finally:
        lahore.close()
    assert files_of(world["district"].home) == before
    assert "for another device" in info.value.message and NOTHING_CHANGED in info.value.message


def test_files_that_are_not_bundles(world: dict[str, Any], svc_clock: FixedClock) -> None:
    hq = quiet_session(world["hq"], svc_clock)
    try:
        sync.import_bundle_bytes(hq, world["bundle"])
        receipt = _write(
            world["tmp"] / "lahore.tipr", sync.receipt_for(hq, world["identity"].public.device_id)
        )
    finally:
        hq.close()
    attempts = [b"", b"hello, this is a note", b"\x89PNG\r\n\x1a\n" + bytes(64),
                b'{"type": "tipdesk-enrolment"}', (world["tmp"] / "files" /
                "hq-enrolment.json").read_bytes(), receipt.read_bytes()]  # fmt: skip
    errors = _refused(world, svc_clock, attempts)
    assert all(isinstance(e, NotASyncFile) for e in errors[:5])
    assert "not a TIPDesk bundle or receipt" in errors[0].message
    assert isinstance(errors[5], WrongKind) and "not a bundle" in errors[5].message
