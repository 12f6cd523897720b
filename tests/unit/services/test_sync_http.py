"""Upload over HTTPS: HQ's receiver (``tipdesk hq serve``) in-process on a free loopback port
with a self-signed certificate made here, and the district's uploader (``tipdesk sync
upload``). No network beyond 127.0.0.1; every server stops at the end of its test."""

from __future__ import annotations

import ssl
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import case_files as F
import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hq_https_support import free_port, hq_serving, make_cert
from svc_support import SVC_ADMIN, SVC_PASSPHRASE, SVC_START
from sync_support import case_for, link, make_district, make_hq, reopen
from test_hq_pg_inbox import importer_side, workers

from tipdesk.cli.main import run as cli_run
from tipdesk.core.clock import FixedClock
from tipdesk.core.errors import PermissionDenied
from tipdesk.paths import Paths
from tipdesk.services import attachments, records, sync
from tipdesk.services.sync import files_out, hq_pg, records_back
from tipdesk.services.sync import server as sync_server
from tipdesk.services.sync import upload as sync_upload
from tipdesk.services.sync.common import own_identity
from tipdesk.sync import request_auth


@contextmanager
def serving(
    hq: Paths, clock: FixedClock, tls: tuple[Path, Path], config: sync_server.ServerConfig
) -> Iterator[str]:
    """HQ's receiver on a free loopback port; yields its base URL; stops it afterwards."""
    with hq_serving(lambda: reopen(hq, clock), tls, config) as url:
        yield url


@pytest.fixture
def world(tmp_path: Path) -> Iterator[dict[str, Any]]:
    """A linked Lahore district (session open, one case saved) and HQ (closed), a TLS
    certificate for 127.0.0.1 and another, unrelated one."""
    clock = FixedClock(SVC_START)
    district = make_district(tmp_path / "lahore", clock)
    hq = make_hq(tmp_path / "hq", clock)
    link(district, hq, tmp_path / "files")
    records.save(district, [case_for(district)])
    sync.export_bundle(district, tmp_path / "lahore")
    hq.close()
    yield {
        "district": district,
        "hq": hq.paths,
        "clock": clock,
        "tls": make_cert(tmp_path / "tls", "hq"),
        "other": make_cert(tmp_path / "tls", "other"),
        "tmp": tmp_path,
    }
    district.close()


def _client(tls: tuple[Path, Path]) -> httpx.Client:
    return httpx.Client(verify=ssl.create_default_context(cafile=str(tls[0])), timeout=10)


def _no_wait(_seconds: float) -> None:
    return None


def test_upload_import_and_receipt_end_to_end(world: dict[str, Any]) -> None:
    district = world["district"]
    config = sync_server.ServerConfig(import_directly=True)
    with serving(world["hq"], world["clock"], world["tls"], config) as url:
        sync_upload.configure(district, url, world["tls"][0])
        first = sync_upload.upload(district, sleep=_no_wait)
        assert first.reachable and first.errors == []
        assert [(s["status"], s["sequence"], s["duplicate"]) for s in first.sent] == [
            ("imported", 1, False)
        ]
        assert first.receipt is not None and first.receipt.acknowledged == (1,)
        assert first.waiting == 0 and sync.outbox_files(district) == []
        again = sync_upload.upload(district, sleep=_no_wait)
        assert again.sent == [] and again.receipt is not None and again.waiting == 0
    hq = reopen(world["hq"], world["clock"])
    try:
        (state,) = sync.device_status(hq)
        assert state.highest_seq == 1
    finally:
        hq.close()


def test_inbox_mode_stores_the_bundle_and_reports_duplicates(world: dict[str, Any]) -> None:
    district, inbox = world["district"], world["tmp"] / "inbox"
    config = sync_server.ServerConfig(inbox=inbox)
    (bundle,) = sync.outbox_files(district)
    with serving(world["hq"], world["clock"], world["tls"], config) as url:
        result = sync_upload.upload(district, url, world["tls"][0], sleep=_no_wait)
        assert [(s["status"], s["duplicate"]) for s in result.sent] == [("stored", False)]
        assert result.receipt is None and result.waiting == 1  # not imported yet: no receipt
        again = sync_upload.upload(district, url, world["tls"][0], sleep=_no_wait)
        assert [(s["status"], s["duplicate"]) for s in again.sent] == [("duplicate", True)]
    assert [p.read_bytes() for p in inbox.iterdir()] == [bundle.read_bytes()]


def test_unregistered_device_is_refused_and_nothing_stored(world: dict[str, Any]) -> None:
    clock, tmp = world["clock"], world["tmp"]
    stranger = make_district(tmp / "multan", clock, which=1)
    try:
        sync.enroll(stranger, tmp / "files" / "hq-enrolment.json")  # enrolled, not registered
        records.save(stranger, [case_for(stranger)])
        sync.export_bundle(stranger, tmp / "multan")
        inbox = tmp / "inbox"
        config = sync_server.ServerConfig(inbox=inbox)
        with serving(world["hq"], clock, world["tls"], config) as url:
            result = sync_upload.upload(stranger, url, world["tls"][0], sleep=_no_wait)
            with _client(world["tls"]) as client:
                (bundle,) = sync.outbox_files(stranger)
                unsigned = client.post(f"{url}/v1/bundles", content=bundle.read_bytes())
        # Refused from the request's headers: an unregistered device cannot even sign.
        assert unsigned.status_code == 401 and "signed" in unsigned.json()["error"]
        assert [e.message[:4] for e in result.errors] == ["401:", "401:"]
        assert "not registered" in result.errors[0].message
        assert not inbox.exists() or list(inbox.iterdir()) == []
    finally:
        stranger.close()


def test_size_limit_rate_limit_and_signed_receipt_requests(world: dict[str, Any]) -> None:
    district = world["district"]
    device = district.install.device_id
    config = sync_server.ServerConfig(max_body=1000, rate=0.001, burst=4)
    signer = own_identity(district).signer
    upload = f"/v1/bundles/{device}"

    def signed(method: str, path: str) -> dict[str, str]:
        return {request_auth.HEADER: request_auth.sign(signer, method, path, int(time.time()))}

    with (
        serving(world["hq"], world["clock"], world["tls"], config) as url,
        _client(world["tls"]) as client,
    ):
        big = client.post(url + upload, content=b"x" * 2000, headers=signed("POST", upload))
        assert big.status_code == 413  # from the declared length, before reading the body
        chunked = client.post(
            url + upload, content=iter([b"x" * 600] * 3), headers=signed("POST", upload)
        )
        assert chunked.status_code == 411  # an upload must declare its length
        path = f"/v1/receipts/{device}"
        stranger_key = Ed25519PrivateKey.generate()
        forged = request_auth.sign(stranger_key, "GET", path, int(time.time()))
        bad = client.get(url + path, headers={request_auth.HEADER: forged})
        assert bad.status_code == 401 and "does not verify" in bad.json()["error"]
        assert client.get(url + path).status_code == 401  # no signature at all
        limited = client.post(url + upload, content=b"x", headers=signed("POST", upload))
        assert limited.status_code == 429


def test_stale_request_time_is_refused(world: dict[str, Any]) -> None:
    key = Ed25519PrivateKey.generate()
    public = key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    old = request_auth.sign(key, "GET", "/v1/receipts/x", 1_000_000)
    with pytest.raises(request_auth.BadRequestSignature, match="clock"):
        request_auth.verify(public, "GET", "/v1/receipts/x", old, 1_000_000 + 601)
    request_auth.verify(public, "GET", "/v1/receipts/x", old, 1_000_000 + 599)
    with pytest.raises(request_auth.BadRequestSignature):
        request_auth.verify(public, "GET", "/v1/receipts/y", old, 1_000_000)


def test_wrong_certificate_is_a_clear_error(world: dict[str, Any]) -> None:
    config = sync_server.ServerConfig()
    with (
        serving(world["hq"], world["clock"], world["tls"], config) as url,
        pytest.raises(sync_upload.CertificateProblem, match="certificate"),
    ):
        sync_upload.upload(world["district"], url, world["other"][0], sleep=_no_wait)
    assert len(sync.outbox_files(world["district"])) == 1


def test_unreachable_hq_is_not_an_error(
    world: dict[str, Any], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    district = world["district"]
    closed = f"https://127.0.0.1:{free_port()}"
    result = sync_upload.upload(district, closed, world["tls"][0], sleep=_no_wait)
    assert not result.reachable and result.waiting == 1 and result.errors == []
    home = district.paths.home
    district.close()
    monkeypatch.setenv("TIPDESK_PASSPHRASE", SVC_PASSPHRASE)
    monkeypatch.setattr(time, "sleep", _no_wait)
    argv = ["sync", "upload", "--home", str(home), "--user", SVC_ADMIN, "--hq-url", closed]
    assert cli_run([*argv, "--ca", str(world["tls"][0])]) == 0
    assert "HQ is not reachable; 1 bundles wait in the outbox" in capsys.readouterr().out
    world["district"] = reopen(district.paths, world["clock"])


def test_configure_accepts_only_https(world: dict[str, Any]) -> None:
    with pytest.raises(Exception, match="https://"):
        sync_upload.configure(world["district"], "http://127.0.0.1:8443")
    found = sync_upload.configure(world["district"], "https://hq.example:8443/")
    assert found.url == "https://hq.example:8443" and found.ca_pem is None
    assert sync_upload.configured(world["district"]) == found


def test_upload_exports_what_is_new_before_sending(world: dict[str, Any]) -> None:
    district = world["district"]
    records.save(district, [case_for(district)])  # a change after the last export
    config = sync_server.ServerConfig(import_directly=True)
    with serving(world["hq"], world["clock"], world["tls"], config) as url:
        result = sync_upload.upload(district, url, world["tls"][0], sleep=_no_wait)
    assert result.exported == 1 and result.refused is None
    assert [s["sequence"] for s in result.sent] == [1, 2]
    assert result.receipt is not None and result.receipt.acknowledged == (1, 2)
    assert result.waiting == 0 and result.changes_waiting == 0
    assert result.last_contact is not None


def test_upload_takes_every_page_of_records_back(
    world: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    district, clock = world["district"], world["clock"]
    config = sync_server.ServerConfig(import_directly=True)
    with serving(world["hq"], clock, world["tls"], config) as url:
        sync_upload.upload(district, url, world["tls"][0], sleep=_no_wait)  # HQ has bundle 1
    hq = reopen(world["hq"], clock)
    try:
        made = [case_for(district) for _ in range(4)]
        records.save(hq, made)  # cases HQ recorded for the district, 4 change rows each
    finally:
        hq.close()
    monkeypatch.setattr(records_back, "PAGE_ROWS", 6)
    with serving(world["hq"], clock, world["tls"], config) as url:
        result = sync_upload.upload(district, url, world["tls"][0], sleep=_no_wait)
    pages = [len(r.records_back) for r in result.receipts]
    assert len(pages) >= 3 and max(pages) <= 6  # one page per round
    assert result.receipts[-1].more_back is False
    for case in made:
        assert district.store.get("case", case.id) is not None
    assert result.waiting == 0


def test_an_export_refused_to_the_user_is_reported_and_waiting_bundles_still_go(
    world: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    district = world["district"]

    def refuse(_session: Any, _out: Path) -> Any:
        raise PermissionDenied("a supervisor or an admin must export it. Nothing was written.")

    monkeypatch.setattr(sync_upload, "export_bundle", refuse)
    config = sync_server.ServerConfig(import_directly=True)
    with serving(world["hq"], world["clock"], world["tls"], config) as url:
        result = sync_upload.upload(district, url, world["tls"][0], sleep=_no_wait)
    assert result.refused is not None and "supervisor" in result.refused
    assert [s["sequence"] for s in result.sent] == [1] and result.waiting == 0


def test_upload_in_phases_needs_no_session_to_send(world: dict[str, Any]) -> None:
    """The network phase holds bytes, the address and the key: never the session."""
    district = world["district"]
    config = sync_server.ServerConfig(import_directly=True)
    with serving(world["hq"], world["clock"], world["tls"], config) as url:
        run = sync_upload.UploadRun(url, world["tls"][0], sleep=_no_wait)
        out = run.prepare(district)
        assert not any(isinstance(v, type(district)) for v in vars(run).values())
        answers = run.send(out)
        assert answers.reachable and answers.receipt is not None
        assert run.take(district, answers) is False
    assert run.result.receipt is not None and run.result.receipt.acknowledged == (1,)


@pytest.mark.parametrize("engine", ["sqlcipher", "postgres"])
def test_a_case_file_marked_for_hq_is_uploaded_imported_and_confirmed(
    world: dict[str, Any], engine: str, request: pytest.FixtureRequest
) -> None:
    district = world["district"]
    if engine == "postgres":  # HQ keeps its records, and now the files, in PostgreSQL
        hq = reopen(world["hq"], world["clock"])
        try:
            hq_pg.configure(hq, request.getfixturevalue("pg_url"))
        finally:
            hq.close()
    case = district.store.query("SELECT id FROM cases")[0][0]
    paper = world["tmp"] / "fir.pdf"
    paper.write_bytes(F.pdf())
    item = attachments.attach(district, paper, case_id=case, kind="fir")
    attachments.send_to_hq(district, item.id)
    config = sync_server.ServerConfig(import_directly=True)
    with serving(world["hq"], world["clock"], world["tls"], config) as url:
        sync_upload.configure(district, url, world["tls"][0])
        first = sync_upload.upload(district, sleep=_no_wait)
        assert first.errors == []
        if engine == "postgres":
            # The bundle waits in the database's inbox, so the file's record is not there
            # yet: the file is kept in the inbox folder and sent again until a receipt names
            # it. An importer takes the bundle; the next upload brings the file in.
            assert [(s["status"], s.get("attachment")) for s in first.sent] == [
                ("stored", None),
                ("stored", item.id),
            ]
            assert not attachments.get(district, item.id).hq_sent
            with importer_side(world["hq"], world["clock"]) as side:
                assert len(workers(side, 1).run_once().done) == 1
            first = sync_upload.upload(district, sleep=_no_wait)
            assert first.errors == []
        assert [(s["status"], s.get("attachment")) for s in first.sent][-1] == (
            "imported",
            item.id,
        )
        assert first.receipt is not None and first.receipt.files_confirmed == (item.id,)
        assert attachments.get(district, item.id).hq_sent
        assert files_out.outbox_files(district) == []
    hq = reopen(world["hq"], world["clock"])
    try:
        assert attachments.content(hq, item.id).data == F.pdf()
        # On PostgreSQL the install's own store holds none of it.
        held = hq.store.query("SELECT count(*) FROM attachments")[0][0]
        assert held == (0 if engine == "postgres" else 1)
    finally:
        hq.close()
