"""``hq serve`` read unauthenticated bodies: it buffered up to 64 MiB of any upload before a
check (20 concurrent junk uploads: 1.5 GB), had no header or body timeout (300 half-sent
requests stayed open) and logged a traceback when a client disconnected.

Now an upload names its device in the path and carries the device's signed request header,
checked before a byte of the body is read; the body's declared length is capped, uploads run a
few at a time and one per device, a request's headers and an upload's body must arrive in
time, every refusal is one log line, and a client that goes away is one line, not a
traceback. The attacks run against a real receiver on 127.0.0.1 (a free port; it stops at the
end of each test) over raw TLS sockets. Before the fix: the unauthenticated upload got no
answer (the server waited for its 60 MB), half-sent requests stayed open, a stalled body was
never timed out, a second upload of one device ran alongside the first, and a disconnect
logged "Exception in ASGI application" with its traceback.
"""

from __future__ import annotations

import dataclasses
import logging
import socket
import ssl
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sec_sync_support import (
    Pair,
    a_campaign,
    export,
    linked_pair,
    no_wait,
    save,
    serving,
    tls_files,
)

from tipdesk.services.sync import server as sync_server
from tipdesk.services.sync import upload as sync_upload
from tipdesk.services.sync.common import own_identity
from tipdesk.sync import request_auth

WAIT = 20.0  # the longest any check here waits for the server (it answers in about 1 s)


def _config(**wanted: Any) -> sync_server.ServerConfig:
    """The receiver's settings: ``wanted`` where this version has them (short timeouts)."""
    names = {f.name for f in dataclasses.fields(sync_server.ServerConfig)}
    return sync_server.ServerConfig(**{k: v for k, v in wanted.items() if k in names})


SHORT = {
    "header_timeout": 1.0,
    "body_timeout": 3.0,
    "idle_timeout": 1.0,
    "max_uploads": 2,
    "max_connections": 64,
}


@pytest.fixture
def world(tmp_path: Path) -> Iterator[dict[str, Any]]:
    pair = linked_pair(tmp_path / "w")
    save(pair.district, a_campaign())
    bundle = export(pair.district, tmp_path / "out")
    hq_paths = pair.hq.paths
    pair.hq.close()
    tls = tls_files(tmp_path / "tls")
    world = {"pair": pair, "bundle": bundle.read_bytes(), "tls": tls, "hq": hq_paths}
    yield world
    pair.district.close()


def _connect(url: str, tls: tuple[Path, Path]) -> ssl.SSLSocket:
    port = int(url.rsplit(":", 1)[1])
    context = ssl.create_default_context(cafile=str(tls[0]))
    raw = socket.create_connection(("127.0.0.1", port), timeout=WAIT)
    return context.wrap_socket(raw, server_hostname="127.0.0.1")


def _answer(sock: ssl.SSLSocket) -> bytes:
    """Whatever the server sends until it closes the connection (or WAIT passes)."""
    sock.settimeout(WAIT)
    got = b""
    try:
        while chunk := sock.recv(65536):
            got += chunk
    except TimeoutError:
        return got + b"<still open>"
    except (ConnectionResetError, ssl.SSLError):
        pass
    return got


def _signed(pair: Pair, path: str) -> str:
    signer = own_identity(pair.district).signer
    return request_auth.sign(signer, "POST", path, int(time.time()))


def _upload_head(path: str, length: int, auth: str | None = None) -> bytes:
    lines = [
        f"POST {path} HTTP/1.1",
        "Host: 127.0.0.1",
        "Content-Type: application/octet-stream",
        f"Content-Length: {length}",
    ]
    if auth:
        lines.append(f"{request_auth.HEADER}: {auth}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def test_an_unauthenticated_upload_is_refused_before_its_body(
    world: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    pair = world["pair"]
    device = pair.district.install.device_id
    with serving(world["hq"], pair.clock, world["tls"], _config(**SHORT)) as url:
        answers = []
        for path in ("/v1/bundles", f"/v1/bundles/{device}"):
            with _connect(url, world["tls"]) as sock:
                sock.sendall(_upload_head(path, 60 * 1024 * 1024))  # and not a byte more
                answers.append(_answer(sock))
        with _connect(url, world["tls"]) as sock:  # a wrong signature: as unauthenticated
            path = f"/v1/bundles/{device}"
            sock.sendall(_upload_head(path, 10, _signed(pair, "/v1/receipts/x")))
            answers.append(_answer(sock))
        for answer in answers:
            assert answer.startswith(b"HTTP/1.1 401"), answer[:200]
            assert not answer.endswith(b"<still open>")
        # A genuine, signed upload still goes through.
        result = sync_upload.upload(pair.district, url, world["tls"][0], sleep=no_wait)
    assert result.errors == [] and [s["status"] for s in result.sent] == ["stored"]
    refusals = [r for r in caplog.records if r.name == "tipdesk.serve"]
    assert len(refusals) == 3 and all(" 401 " in r.getMessage() for r in refusals)
    assert all("\n" not in r.getMessage() and r.exc_info is None for r in refusals)


def test_half_sent_requests_are_closed(
    world: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    pair = world["pair"]
    device = pair.district.install.device_id
    with serving(world["hq"], pair.clock, world["tls"], _config(**SHORT)) as url:
        socks = [_connect(url, world["tls"]) for _ in range(12)]
        try:
            for i, sock in enumerate(socks):
                # Half a request line, or headers that never end.
                sock.sendall(b"POST /v1/bund" if i % 2 else _upload_head("/x", 5)[:-4])
            answers = [_answer(sock) for sock in socks]
        finally:
            for sock in socks:
                sock.close()
        assert all(not a.endswith(b"<still open>") for a in answers), answers
        # A signed upload whose body stalls after 1 KB is answered and closed too.
        with _connect(url, world["tls"]) as sock:
            path = f"/v1/bundles/{device}"
            sock.sendall(_upload_head(path, len(world["bundle"]), _signed(pair, path)))
            sock.sendall(world["bundle"][:1024])
            stalled = _answer(sock)
    assert stalled.startswith(b"HTTP/1.1 408"), stalled[:200]
    assert not stalled.endswith(b"<still open>")
    lines = [r.getMessage() for r in caplog.records if r.name == "tipdesk.serve"]
    assert len(lines) == 13, lines


def test_a_device_uploads_one_bundle_at_a_time_and_a_disconnect_is_one_line(
    world: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    pair = world["pair"]
    device = pair.district.install.device_id
    path = f"/v1/bundles/{device}"
    data = world["bundle"]
    config = _config(**(SHORT | {"idle_timeout": 10.0, "body_timeout": 15.0}))
    with serving(world["hq"], pair.clock, world["tls"], config) as url:
        first = _connect(url, world["tls"])
        first.sendall(_upload_head(path, len(data), _signed(pair, path)) + data[:512])
        time.sleep(0.5)  # the first upload is being read
        with _connect(url, world["tls"]) as second:
            second.sendall(_upload_head(path, len(data), _signed(pair, path)))
            busy = _answer(second)
        first.close()  # the client goes away in the middle of its upload
        time.sleep(1.0)
        result = sync_upload.upload(pair.district, url, world["tls"][0], sleep=no_wait)
    assert busy.startswith(b"HTTP/1.1 429"), busy[:200]
    assert result.errors == [] and [s["status"] for s in result.sent] == ["stored"]
    assert not any(r.exc_info for r in caplog.records), "a traceback was logged"
    assert not any("Exception in ASGI application" in r.getMessage() for r in caplog.records)
    lines = [r.getMessage() for r in caplog.records if r.name == "tipdesk.serve"]
    assert len(lines) == 2 and any("went away" in line for line in lines), lines


def test_a_body_longer_than_allowed_is_refused_from_its_declared_length(
    world: dict[str, Any],
) -> None:
    pair = world["pair"]
    device = pair.district.install.device_id
    path = f"/v1/bundles/{device}"
    config = _config(**(SHORT | {"max_body": 4096}))
    with (
        serving(world["hq"], pair.clock, world["tls"], config) as url,
        _connect(url, world["tls"]) as sock,
    ):
        sock.sendall(_upload_head(path, 10 * 1024 * 1024, _signed(pair, path)))
        answer = _answer(sock)
    assert answer.startswith(b"HTTP/1.1 413") and not answer.endswith(b"<still open>")
