"""HQ's HTTPS receiver (``tipdesk hq serve``): districts upload bundles and fetch receipts.

Endpoints (``docs/bundle-format.md``, "Upload over HTTPS"):

- ``POST /v1/bundles``: the body is one bundle. The body is read in chunks and refused with
  413 as soon as it passes :attr:`ServerConfig.max_body`; the sender and signature are
  checked (:func:`~tipdesk.services.sync.hq.check_bundle_bytes`) before anything is stored:
  an unregistered or revoked device gets 403, a damaged or foreign file 400. An accepted
  bundle is written atomically into the HQ inbox folder, or imported at once when
  :attr:`ServerConfig.import_directly`. Answer: JSON ``{status, sequence, duplicate}``.
- ``GET /v1/receipts/{device_id}``: a fresh receipt for the device
  (:func:`~tipdesk.services.sync.hq.receipt_for`), only with a valid device signature
  (:mod:`tipdesk.sync.request_auth`, else 401; revoked 403); 404 while HQ holds no bundle
  of the device.
- Both are rate limited in memory (token buckets per client address and per device): 429.

Contract: the store session belongs to one worker thread (:class:`StoreWorker`); the async
handlers only await it. Error answers are JSON ``{status: "refused", error}`` whose message
never quotes record contents or keys.
"""

from __future__ import annotations

import asyncio
import hashlib
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tipdesk.core.errors import KnownError
from tipdesk.fs import atomic_write_bytes
from tipdesk.services.session import Session
from tipdesk.services.sync.common import sync_store
from tipdesk.services.sync.hq import (
    check_bundle_bytes,
    import_bundle_bytes,
    inbox_file_name,
    receipt_for,
)
from tipdesk.sync import request_auth
from tipdesk.sync.bundle import Manifest
from tipdesk.sync.canonical import unb64
from tipdesk.sync.errors import RevokedSender, SequenceReused, UnknownSender, WrongDistrict

T = TypeVar("T")

MAX_BODY = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ServerConfig:
    """``rate``: requests per second refilled into each bucket of ``burst`` tokens."""

    max_body: int = MAX_BODY
    import_directly: bool = False
    inbox: Path | None = None  # default: the install's inbox folder
    rate: float = 1.0
    burst: int = 20
    max_skew: int = request_auth.MAX_SKEW_SECONDS


class RateLimiter:
    """Token buckets in memory, one per key; thread-safe. ``allow`` takes one token."""

    def __init__(self, rate: float, burst: int, clock: Callable[[], float] = time.monotonic):
        self._rate, self._burst, self._clock = rate, float(burst), clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        with self._lock:
            now = self._clock()
            tokens, last = self._buckets.get(key, (self._burst, now))
            tokens = min(self._burst, tokens + (now - last) * self._rate)
            if len(self._buckets) > 10_000:  # forget idle clients; memory stays bounded
                self._buckets.clear()
            if tokens < 1.0:
                self._buckets[key] = (tokens, now)
                return False
            self._buckets[key] = (tokens - 1.0, now)
            return True


class StoreWorker:
    """One thread that opens, uses and closes the store session; :meth:`run` awaits work."""

    def __init__(self, open_session: Callable[[], Session]) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tipdesk-store")
        try:
            self._session = self._pool.submit(open_session).result()
        except BaseException:
            self._pool.shutdown()
            raise

    async def run(self, fn: Callable[[Session], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._pool, fn, self._session)

    def close(self) -> None:
        try:
            self._pool.submit(self._session.close).result()
        finally:
            self._pool.shutdown()


class _TooLarge(Exception):
    pass


def _refused(status: int, message: str) -> JSONResponse:
    return JSONResponse({"status": "refused", "error": message}, status_code=status)


def _store_bundle(
    session: Session, data: bytes, manifest: Manifest, config: ServerConfig
) -> dict[str, Any]:
    """Import or drop into the inbox one bundle already checked by ``check_bundle_bytes``."""
    if config.import_directly:
        result = import_bundle_bytes(session, data, source="upload")
        duplicate = result.status == "duplicate"
        return {"status": result.status, "sequence": result.seq, "duplicate": duplicate}
    sha = hashlib.sha256(data).hexdigest()
    known = sync_store(session).bundle(manifest.device, manifest.seq)
    if known is not None:
        if known.sha256 != sha:
            raise SequenceReused(
                f"HQ already imported a different bundle {manifest.seq} from this device."
            )
        return {"status": "duplicate", "sequence": manifest.seq, "duplicate": True}
    device = sync_store(session).device(manifest.device)
    if device is None:  # checked just before, on this same thread
        raise UnknownSender("This bundle comes from a device HQ has not registered.")
    inbox = config.inbox or session.paths.inbox
    # Named from HQ's registry (district and device as registered), never from the bundle.
    name = inbox_file_name(session, device, manifest.seq)
    inbox.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = inbox / name
    if path.exists():
        if hashlib.sha256(path.read_bytes()).hexdigest() == sha:
            return {"status": "duplicate", "sequence": manifest.seq, "duplicate": True}
        raise SequenceReused(
            f"The inbox already holds a different bundle {manifest.seq} from this device."
        )
    atomic_write_bytes(path, data)
    return {"status": "stored", "sequence": manifest.seq, "duplicate": False}


def _receipt(session: Session, device_id: str) -> bytes | None:
    if not sync_store(session).bundles(device_id):
        return None
    return receipt_for(session, device_id)


def make_app(
    worker: StoreWorker,
    config: ServerConfig = ServerConfig(),
    wall_clock: Callable[[], float] = time.time,
) -> Starlette:
    """The ASGI application; ``worker`` owns an HQ session (see the module contract)."""
    limiter = RateLimiter(config.rate, config.burst)

    def client_key(request: Request) -> str:
        return f"ip:{request.client.host if request.client else '?'}"

    async def post_bundle(request: Request) -> Response:
        if not limiter.allow(client_key(request)):
            return _refused(429, "Too many requests; try again later.")
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > config.max_body:
            return _refused(413, f"A bundle may be at most {config.max_body:,} bytes.")
        body = bytearray()
        try:
            async for chunk in request.stream():
                body += chunk
                if len(body) > config.max_body:
                    raise _TooLarge
        except _TooLarge:
            return _refused(413, f"A bundle may be at most {config.max_body:,} bytes.")
        data = bytes(body)
        try:
            manifest: Manifest = await worker.run(lambda s: check_bundle_bytes(s, data))
            if not limiter.allow(f"device:{manifest.device}"):
                return _refused(429, "Too many requests from this device; try again later.")
            answer = await worker.run(lambda s: _store_bundle(s, data, manifest, config))
        except (UnknownSender, RevokedSender, WrongDistrict) as exc:
            return _refused(403, str(exc))
        except SequenceReused as exc:
            return _refused(409, str(exc))
        except KnownError as exc:
            return _refused(400, str(exc))
        return JSONResponse(answer)

    async def get_receipt(request: Request) -> Response:
        if not limiter.allow(client_key(request)):
            return _refused(429, "Too many requests; try again later.")
        device_id = str(request.path_params["device_id"])
        device = await worker.run(lambda s: sync_store(s).device(device_id))
        if device is None:
            return _refused(401, "The request's device signature does not verify.")
        try:
            request_auth.verify(
                unb64(device.signing_key, 32),
                request.method,
                request.url.path,
                request.headers.get(request_auth.HEADER),
                wall_clock(),
                config.max_skew,
            )
        except request_auth.BadRequestSignature as exc:
            return _refused(401, str(exc))
        if device.revoked_at:
            return _refused(403, "This device was revoked.")
        if not limiter.allow(f"device:{device_id}"):
            return _refused(429, "Too many requests from this device; try again later.")
        data = await worker.run(lambda s: _receipt(s, device_id))
        if data is None:
            return _refused(404, "HQ holds no bundle from this device yet.")
        return Response(data, media_type="application/octet-stream")

    return Starlette(
        routes=[
            Route("/v1/bundles", post_bundle, methods=["POST"]),
            Route("/v1/receipts/{device_id}", get_receipt, methods=["GET"]),
        ]
    )


def parse_bind(text: str) -> tuple[str, int]:
    """``HOST:PORT`` (``[::1]:PORT`` for IPv6) -> (host, port)."""
    host, sep, port = text.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"{text!r} is not HOST:PORT.")
    return host.strip("[]"), int(port)


def make_server(
    worker: StoreWorker,
    host: str,
    port: int,
    cert: Path,
    key: Path,
    config: ServerConfig = ServerConfig(),
) -> uvicorn.Server:
    """A uvicorn server with TLS; ``run()`` blocks until ``should_exit`` is set (or a signal
    when run on the main thread). The caller closes ``worker`` afterwards."""
    uv = uvicorn.Config(
        make_app(worker, config),
        host=host,
        port=port,
        ssl_certfile=str(cert),
        ssl_keyfile=str(key),
        log_level="warning",
        lifespan="off",
        access_log=False,
        h11_max_incomplete_event_size=64 * 1024,
    )
    return uvicorn.Server(uv)
