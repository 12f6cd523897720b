"""HQ's HTTPS receiver (``tipdesk hq serve``): districts upload bundles and fetch receipts.

Endpoints (``docs/bundle-format.md``, "Upload over HTTPS"):

- ``POST /v1/bundles/{device_id}``: the body is one bundle of that device. The device is
  authenticated from the request's headers (:mod:`tipdesk.sync.request_auth`: a signature by
  its registered key over the method, path and time) **before a byte of the body is read**
  (401; revoked 403); the body must declare its length (411), at most
  :attr:`ServerConfig.max_body` (413), and arrive in time (408); a device uploads one bundle
  at a time (429) and HQ reads :attr:`ServerConfig.max_uploads` bodies at once (503). Then the
  bundle's structure, sender and signature are checked
  (:func:`~tipdesk.services.sync.hq.check_bundle_bytes`; 400, 403, 409, and 403 for a bundle of
  another device) and it is written atomically into the inbox under the name HQ's registry
  gives it, or imported at once (:attr:`ServerConfig.import_directly`). On an HQ that keeps
  its records in PostgreSQL it is stored in the database's inbox table instead and never
  imported in the request, whatever ``import_directly`` says: importer workers take it
  (:mod:`~tipdesk.services.sync.hq_inbox`). Answer: JSON ``{status, sequence, duplicate}``
  (``stored``: accepted, the receipt acknowledges it once imported). ``POST /v1/bundles``
  (unsigned, as TIPDesk sent before) is refused with 401 and the advice to update.
- ``POST /v1/files/{device_id}``: the body is one sealed case file of that device
  (:mod:`tipdesk.sync.file_seal`), with the same authentication and limits as a bundle;
  its structure, HQ's per-file limit, sender and signature are checked
  (:func:`~tipdesk.services.sync.files_in.check_file_bytes`) and it is written into the
  inbox under the name HQ's registry gives it, or imported at once. Answer: JSON
  ``{status, attachment, duplicate}``. At a PostgreSQL HQ a file whose record is not there
  yet (its bundle waits in the database's inbox) stays in the inbox folder, ``stored``.
- ``GET /v1/receipts/{device_id}``: a fresh receipt for the device
  (:func:`~tipdesk.services.sync.hq.receipt_for`), with the same device signature (401;
  revoked 403); 404 while HQ has imported no bundle of the device. On PostgreSQL the newest
  receipt the importer workers built and stored
  (:func:`~tipdesk.services.sync.hq_pg_outbox.stored`; the receiver builds none), 404 until
  one is stored.
- Both are rate limited in memory (token buckets per client address and per device): 429.
- Transport limits (:mod:`tipdesk.services.sync.server_guard`): a request's headers must
  arrive within :attr:`ServerConfig.header_timeout`, connections are capped
  (:attr:`ServerConfig.max_connections`, 503 beyond), every answer closes its connection.

Contract: the store session belongs to one worker thread (:class:`StoreWorker`); the async
handlers only await it. Error answers are JSON ``{status: "refused", error}`` whose message
never quotes record contents or keys; each refused request is one line in the log
(``tipdesk.serve``), and a client that goes away is one line, never a traceback.
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
from typing import TYPE_CHECKING, Any, TypeVar

import uvicorn
from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tipdesk.core.errors import KnownError
from tipdesk.core.messages import say
from tipdesk.fs import atomic_write_bytes
from tipdesk.services import pg_route
from tipdesk.services.session import Session
from tipdesk.services.sync import files_in, server_guard
from tipdesk.services.sync.common import sync_store
from tipdesk.services.sync.hq import (
    check_bundle_bytes,
    hq_database,
    import_bundle_bytes,
    inbox_file_name,
    receipt_for,
    registered_district,
)
from tipdesk.store.sync_store import DeviceRow
from tipdesk.sync import file_seal, request_auth
from tipdesk.sync.bundle import Manifest, short_device
from tipdesk.sync.canonical import unb64
from tipdesk.sync.errors import RevokedSender, SequenceReused, UnknownSender, WrongDistrict

if TYPE_CHECKING:  # the PostgreSQL driver is imported only by an HQ that uses it
    from tipdesk.hqstore.pool import HqDatabase

T = TypeVar("T")

MAX_BODY = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ServerConfig:
    """``rate``: requests per second refilled into each bucket of ``burst`` tokens. Times are
    seconds."""

    max_body: int = MAX_BODY
    import_directly: bool = False
    inbox: Path | None = None  # default: the install's inbox folder
    rate: float = 1.0
    burst: int = 20
    max_skew: int = request_auth.MAX_SKEW_SECONDS
    header_timeout: float = 10.0
    """A connection's request line and headers must all arrive within this."""
    body_timeout: float = 300.0
    """An upload's body must arrive within this (64 MiB at 2 Mbit/s takes about 270 s)..."""
    idle_timeout: float = 30.0
    """...with no pause longer than this."""
    max_uploads: int = 4
    """Bodies read at once, over every device (each at most ``max_body``): 256 MiB at most."""
    max_connections: int = 64
    """Connections open at once (uvicorn's ``limit_concurrency``; 503 beyond)."""
    keep_alive: float = 5.0


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
    """One thread that opens, uses and closes the store session; :meth:`run` awaits work,
    :meth:`call` waits for it (from any other thread). ``database``: the HQ's PostgreSQL
    database (a pool shared by every thread) when the install keeps its records there,
    signed in as ``importer_login`` when given (the workers, which build the receipts);
    ``inbox_database``: the same database signed in as ``receiver_login`` (the upload path
    and the stored receipts), else ``database``
    (:mod:`tipdesk.services.sync.hq_pg_logins`). A receiver with ``importer`` false opens
    ``receiver_login`` only (``database`` stays ``None``: its workers run elsewhere)."""

    def __init__(
        self,
        open_session: Callable[[], Session],
        *,
        receiver_login: str | None = None,
        importer_login: str | None = None,
        importer: bool = True,
    ) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tipdesk-store")
        self.database: HqDatabase | None = None
        self.inbox_database: HqDatabase | None = None
        try:
            self._session = self._pool.submit(open_session).result()
            if receiver_login is None and importer_login is None:
                self.database = self._pool.submit(hq_database, self._session).result()
            else:
                from tipdesk.services.sync import hq_pg_logins  # the driver, only when used

                if importer or receiver_login is None:
                    self.database = self._pool.submit(
                        hq_pg_logins.database_as, self._session, importer_login
                    ).result()
                if receiver_login is not None:
                    self.inbox_database = self._pool.submit(
                        hq_pg_logins.database_as, self._session, receiver_login
                    ).result()
            self.inbox_database = self.inbox_database or self.database
        except BaseException:
            self.close()
            raise

    async def run(self, fn: Callable[[Session], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._pool, fn, self._session)

    def call(self, fn: Callable[[Session], T]) -> T:
        """``fn(session)`` on the store's thread; never call it from that thread."""
        return self._pool.submit(fn, self._session).result()

    def close(self) -> None:
        try:
            for database in {id(d): d for d in (self.database, self.inbox_database) if d}.values():
                database.close()
            if hasattr(self, "_session"):
                self._pool.submit(self._session.close).result()
        finally:
            self._pool.shutdown()


def _refused(request: Request, status: int, message: str) -> JSONResponse:
    """An error answer (closing the connection), and its one line in the log."""
    client = request.client.host if request.client else "?"
    server_guard.log.warning(
        "refused %s %s from %s: %d %s", request.method, request.url.path, client, status, message
    )
    return JSONResponse(
        {"status": "refused", "error": message},
        status_code=status,
        headers={"Connection": "close"},
    )


def _answer(content: Any) -> JSONResponse:
    return JSONResponse(content, headers={"Connection": "close"})


def _store_bundle(
    session: Session,
    data: bytes,
    manifest: Manifest,
    config: ServerConfig,
    database: HqDatabase | None = None,
) -> dict[str, Any]:
    """Import or drop into the inbox one bundle already checked by ``check_bundle_bytes``;
    on an HQ with a PostgreSQL ``database``, into its inbox table, never imported here."""
    if database is not None:
        from tipdesk.services.sync import hq_inbox  # the PostgreSQL driver, only when used

        return hq_inbox.receive(database, data, manifest, session.now())
    if config.import_directly:
        result = import_bundle_bytes(session, data, source="upload")
        duplicate = result.status == "duplicate"
        return {"status": result.status, "sequence": result.seq, "duplicate": duplicate}
    sha = hashlib.sha256(data).hexdigest()
    known = sync_store(session).bundle(manifest.device, manifest.seq)
    if known is not None:
        if known.sha256 != sha:
            raise SequenceReused(
                say(
                    "HQ already imported a different bundle {seq} from this device.",
                    seq=manifest.seq,
                )
            )
        return {"status": "duplicate", "sequence": manifest.seq, "duplicate": True}
    device = sync_store(session).device(manifest.device)
    if device is None:  # checked just before, on this same thread
        raise UnknownSender(say("This bundle comes from a device HQ has not registered."))
    inbox = config.inbox or session.paths.inbox
    # Named from HQ's registry (district and device as registered), never from the bundle.
    name = inbox_file_name(session, device, manifest.seq)
    inbox.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = inbox / name
    if path.exists():
        if hashlib.sha256(path.read_bytes()).hexdigest() == sha:
            return {"status": "duplicate", "sequence": manifest.seq, "duplicate": True}
        raise SequenceReused(
            say(
                "The inbox already holds a different bundle {seq} from this device.",
                seq=manifest.seq,
            )
        )
    atomic_write_bytes(path, data)
    return {"status": "stored", "sequence": manifest.seq, "duplicate": False}


def _store_file(
    session: Session, data: bytes, device_id: str, config: ServerConfig
) -> dict[str, Any]:
    """Drop into the inbox (or import at once) one sealed case file of ``device_id``."""
    manifest, device = files_in.check_file_bytes(session, data)
    if device.device_id != device_id:
        raise UnknownSender(say("This case file was made by another device."))
    inbox = config.inbox or session.paths.inbox
    inbox.mkdir(mode=0o700, parents=True, exist_ok=True)
    # Named from HQ's registry (district and device as registered), never from the file.
    name = file_seal.file_name(
        registered_district(session, device), device.device_id, manifest.attachment
    )
    path = inbox / name
    if not (path.exists() and hashlib.sha256(path.read_bytes()).hexdigest() ==
            hashlib.sha256(data).hexdigest()):  # fmt: skip
        atomic_write_bytes(path, data)
    if not config.import_directly:
        return {"status": "stored", "attachment": manifest.attachment, "duplicate": False}
    try:
        result = files_in.import_file(session, path)
    except files_in.RecordNotHeld:
        if pg_route.routed(session):
            # Its bundle may wait in the database's inbox for an importer: the file stays in
            # the inbox folder (imported with it), and the district sends it again until a
            # receipt names it.
            return {"status": "stored", "attachment": manifest.attachment, "duplicate": False}
        path.unlink(missing_ok=True)
        raise
    path.unlink(missing_ok=True)
    duplicate = result.status == "duplicate"
    if result.status == "imported" and pg_route.routed(session):
        # A file changes no record, so the workers would not see the device's stored receipt
        # as out of date: it is built again here, naming the file, so the district marks it
        # sent (the file was imported through the install's own login, as the receipt is).
        from tipdesk.services.sync import hq_pg_outbox, hq_pg_records

        hq_pg_outbox.refresh(
            hq_pg_records.shared_database(session), lambda read: read(session), device.device_id
        )
    return {"status": result.status, "attachment": result.attachment_id, "duplicate": duplicate}


def _receipt(session: Session, device_id: str, database: HqDatabase | None = None) -> bytes | None:
    if database is not None:
        from tipdesk.services.sync import hq_pg_outbox  # the PostgreSQL driver, only when used

        # The importers built and signed it; the receiver serves the newest stored one.
        return hq_pg_outbox.stored(database, device_id)
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
    slots = server_guard.Slots(config.max_uploads)

    def client_key(request: Request) -> str:
        return f"ip:{request.client.host if request.client else '?'}"

    async def authenticated(request: Request, device_id: str) -> DeviceRow | JSONResponse:
        """The registered device whose signed header the request carries, or the refusal."""
        device = await worker.run(lambda s: sync_store(s).device(device_id))
        if device is None:
            return _refused(
                request,
                401,
                "This device is not registered at HQ, or its signature does not verify: give "
                "HQ the device file (tipdesk device export).",
            )
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
            return _refused(request, 401, str(exc))
        if device.revoked_at:
            return _refused(request, 403, "This device was revoked.")
        if not limiter.allow(f"device:{device_id}"):
            return _refused(request, 429, "Too many requests from this device; try again later.")
        return device

    async def post_unsigned(request: Request) -> Response:
        return _refused(
            request,
            401,
            "Uploads must be signed by the device (POST /v1/bundles/DEVICE with the "
            f"{request_auth.HEADER} header): update TIPDesk on this laptop.",
        )

    async def post_bundle(request: Request) -> Response:
        return await post_upload(request, "bundle")

    async def post_file(request: Request) -> Response:
        return await post_upload(request, "case file")

    async def post_upload(request: Request, what: str) -> Response:
        if not limiter.allow(client_key(request)):
            return _refused(request, 429, "Too many requests; try again later.")
        device_id = str(request.path_params["device_id"])
        found = await authenticated(request, device_id)
        if isinstance(found, Response):
            return found
        declared = request.headers.get("content-length", "")
        if not declared.isdigit():
            return _refused(request, 411, "An upload must declare its length (Content-Length).")
        if int(declared) > config.max_body:
            return _refused(request, 413, f"A bundle may be at most {config.max_body:,} bytes.")
        busy = slots.take(device_id)
        if busy is not None:
            return _refused(request, *busy)
        try:
            data = await server_guard.read_body(
                request.stream(), config.max_body, config.body_timeout, config.idle_timeout
            )
        except server_guard.TooLarge:
            return _refused(request, 413, f"A bundle may be at most {config.max_body:,} bytes.")
        except server_guard.TooSlow:
            return _refused(request, 408, "The upload did not arrive in time.")
        except ClientDisconnect:
            client = request.client.host if request.client else "?"
            server_guard.log.warning(
                "upload from %s (device …%s) went away before its end",
                client,
                short_device(device_id),
            )
            return Response(status_code=400)  # nobody is left to read it
        finally:
            slots.give_back(device_id)
        try:
            if what == "case file":
                answer = await worker.run(lambda s: _store_file(s, data, device_id, config))
                return _answer(answer)
            manifest: Manifest = await worker.run(lambda s: check_bundle_bytes(s, data))
            if manifest.device != device_id:
                return _refused(request, 403, "This bundle was made by another device.")
            answer = await worker.run(
                lambda s: _store_bundle(s, data, manifest, config, worker.inbox_database)
            )
        except (UnknownSender, RevokedSender, WrongDistrict) as exc:
            return _refused(request, 403, str(exc))
        except SequenceReused as exc:
            return _refused(request, 409, str(exc))
        except KnownError as exc:
            return _refused(request, 400, str(exc))
        return _answer(answer)

    async def get_receipt(request: Request) -> Response:
        if not limiter.allow(client_key(request)):
            return _refused(request, 429, "Too many requests; try again later.")
        device_id = str(request.path_params["device_id"])
        found = await authenticated(request, device_id)
        if isinstance(found, Response):
            return found
        data = await worker.run(lambda s: _receipt(s, device_id, worker.inbox_database))
        if data is None:  # an answer, not a refusal: nothing to log
            return JSONResponse(
                {"status": "refused", "error": "HQ holds no bundle from this device yet."},
                status_code=404,
                headers={"Connection": "close"},
            )
        return Response(
            data, media_type="application/octet-stream", headers={"Connection": "close"}
        )

    return Starlette(
        routes=[
            Route("/v1/bundles", post_unsigned, methods=["POST"]),
            Route("/v1/bundles/{device_id}", post_bundle, methods=["POST"]),
            Route("/v1/files/{device_id}", post_file, methods=["POST"]),
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
        http=server_guard.protocol(config.header_timeout),
        limit_concurrency=config.max_connections,
        timeout_keep_alive=int(config.keep_alive),
        log_level="warning",
        # uvicorn's own lines go to the process's log (hq serve sets it up), like ours.
        log_config=None,
        lifespan="off",
        access_log=False,
        h11_max_incomplete_event_size=64 * 1024,
    )
    return uvicorn.Server(uv)
