"""Automatic upload from a district to HQ's receiver (``tipdesk sync upload``).

Contract:
- The HQ address (``https://`` only) and, optionally, HQ's certificate are settings of the
  store (:func:`configure`). The certificate is kept *by content* (PEM), checked to be a
  certificate when it is configured; the file it came from is never read again. A call may
  override the address, and the certificate with a file of its own.
- :func:`upload` first exports what is new into the outbox (as ``sync export`` would; a user
  whose role may not export it gets :attr:`UploadResult.refused`, and what waits is sent
  anyway), sends every unacknowledged outbox bundle (oldest first) to
  ``/v1/bundles/<device>``, then fetches the device's receipt and imports it; while the
  receipt says HQ has more records back, another round follows (its export confirms the page
  HQ sent), up to :data:`MAX_ROUNDS`. Every request is signed with the device's key
  (:mod:`tipdesk.sync.request_auth`), so HQ authenticates it before reading anything else.
- :class:`UploadRun` is the same upload in phases: the store's work (export, outbox,
  receipt) and the network's (:meth:`UploadRun.send`, which needs no session), so the app
  keeps the store's thread free while HQ is slow or away.
- Connection failures (offline, refused, DNS, timeouts), 429 and 5xx answers are retried with
  exponential backoff, ``attempts`` times at most and within ``budget`` seconds in all.
  HQ out of reach is the normal state: the result says so (``reachable`` False), no error.
- TLS verification is always on; a certificate that does not verify raises
  :class:`CertificateProblem` naming the problem. HQ refusing a bundle (4xx) is listed in
  :attr:`UploadResult.errors`; the bundle stays in the outbox.
- Runs on the store's thread, like every service.
"""

from __future__ import annotations

import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tipdesk.core.errors import InvalidInput, KnownError, PermissionDenied
from tipdesk.core.messages import say
from tipdesk.core.permissions import Permission
from tipdesk.services.session import Session
from tipdesk.services.sync import files_out
from tipdesk.services.sync.common import own_identity, require_district, sync_store
from tipdesk.services.sync.district import (
    ReceiptResult,
    export_bundle,
    import_receipt_bytes,
    outbox_files,
)
from tipdesk.sync import request_auth

HQ_URL_SETTING = "sync_hq_url"
HQ_CA_SETTING = "sync_hq_ca"
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


class CertificateProblem(KnownError):
    """HQ's TLS certificate did not verify (wrong CA file, expired, another host)."""


@dataclass(frozen=True, slots=True)
class HqAddress:
    """HQ's address and, when HQ's certificate is self-signed, that certificate (PEM text, as
    kept in the store: never a path to a file that could be swapped later)."""

    url: str
    ca_pem: str | None = None

    @property
    def ca_fingerprint(self) -> str:
        """SHA-256 of the certificate (``AB:CD:…``), to compare with HQ's; "" without one."""
        return certificate_fingerprint(self.ca_pem) if self.ca_pem else ""


@dataclass(frozen=True, slots=True)
class UploadError:
    """What HQ refused (a bundle file's name, or ``receipt``) and its answer."""

    file: str
    message: str


@dataclass(slots=True)
class UploadResult:
    """``sent``: HQ's answer per bundle (file, status, sequence, duplicate). ``waiting``:
    bundles still unacknowledged afterwards. ``receipt``: the last imported receipt, if any.
    ``reachable``: HQ answered the last round."""

    reachable: bool
    waiting: int
    sent: list[dict[str, Any]] = field(default_factory=list)
    receipt: ReceiptResult | None = None
    errors: list[UploadError] = field(default_factory=list)
    receipts: list[ReceiptResult] = field(default_factory=list)
    """Every receipt imported, one per round (``receipt`` is the last)."""
    exported: int = 0
    """Bundles the upload's exports made (what was new before sending)."""
    refused: str | None = None
    """Why this user may not export what is new (the bundles already waiting were sent)."""
    identity_waiting: tuple[str, ...] = ()
    """Victim codes of consenting victims an export left out until a user who holds the
    identity key signs in (:attr:`~tipdesk.services.sync.district.ExportResult.waiting`)."""
    changes_waiting: int = 0
    """Changes HQ has not acknowledged yet, afterwards."""
    last_contact: str | None = None
    """When the latest receipt from HQ was imported (ISO time), None before any."""


def _check_url(url: str) -> str:
    parsed = httpx.URL(url.strip())
    if parsed.scheme != "https" or not parsed.host:
        raise InvalidInput(say("{url} is not an https:// address of HQ.", url=repr(url)))
    return str(parsed).rstrip("/")


MAX_CA_BYTES = 256 * 1024


def read_certificate(path: Path) -> str:
    """HQ's certificate from ``path`` (PEM, or DER), checked to be X.509 certificates, as PEM
    text. :class:`InvalidInput` names the problem otherwise."""
    try:
        if path.stat().st_size > MAX_CA_BYTES:
            raise InvalidInput(
                say("{name} is not a certificate (it is far too large).", name=path.name)
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(say("There is no certificate file {path}.", path=path)) from None
    except IsADirectoryError:
        raise InvalidInput(say("{path} is a folder, not a certificate.", path=path)) from None
    except OSError as exc:
        raise InvalidInput(
            say("Cannot read {path}: {strerror}.", path=path, strerror=exc.strerror)
        ) from None
    try:
        certs = (
            x509.load_pem_x509_certificates(data)
            if b"-----BEGIN" in data
            else [x509.load_der_x509_certificate(data)]
        )
    except ValueError:
        raise InvalidInput(
            say(
                "{name} is not a certificate (PEM or DER X.509); give HQ's certificate file.",
                name=path.name,
            )
        ) from None
    return "".join(c.public_bytes(serialization.Encoding.PEM).decode("ascii") for c in certs)


def certificate_fingerprint(pem: str) -> str:
    """SHA-256 of the first certificate in ``pem``, as ``AB:CD:…`` (what browsers show)."""
    cert = x509.load_pem_x509_certificates(pem.encode("ascii"))[0]
    return cert.fingerprint(hashes.SHA256()).hex(":").upper()


def configure(session: Session, url: str, ca: Path | None = None) -> HqAddress:
    """Save HQ's address and, from the file ``ca``, HQ's certificate *by content* (or none:
    the system's trusted authorities then verify HQ)."""
    session.require(Permission.MANAGE_SETTINGS)
    require_district(session, "sync configure")
    clean = _check_url(url)
    pem = read_certificate(ca) if ca is not None else None
    session.store.set_settings({HQ_URL_SETTING: clean, HQ_CA_SETTING: pem or ""}, session.actor())
    return HqAddress(clean, pem)


def configured(session: Session) -> HqAddress | None:
    """The saved HQ address, or None."""
    url = session.store.setting(HQ_URL_SETTING)
    if not url:
        return None
    return HqAddress(url, session.store.setting(HQ_CA_SETTING) or None)


def _tls_context(address: HqAddress | None, ca: Path | None) -> ssl.SSLContext:
    """TLS verification for HQ: the certificate file given for this upload, else the one kept
    in the store, else the system's authorities."""
    if ca is not None:
        return ssl.create_default_context(cadata=read_certificate(ca))
    pem = address.ca_pem if address is not None else None
    if pem and not pem.startswith("-----BEGIN"):
        # An older TIPDesk kept a path here; its file is not trusted any more.
        raise InvalidInput(
            say(
                "HQ's certificate is configured as a file path by an older TIPDesk; run `tipdesk "
                "sync configure --hq-url URL --ca FILE` again (the certificate is then kept in "
                "the store)."
            )
        )
    return ssl.create_default_context(cadata=pem) if pem else ssl.create_default_context()


def _tls_problem(exc: BaseException) -> ssl.SSLError | None:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLError):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


class _Retrying:
    def __init__(
        self,
        client: httpx.Client,
        attempts: int,
        budget: float,
        sleep: Callable[[float], None],
        clock: Callable[[], float],
    ) -> None:
        self.client, self.attempts, self.sleep, self.clock = client, attempts, sleep, clock
        self.deadline = clock() + budget

    def request(
        self,
        method: str,
        url: str,
        content: bytes | None = None,
        headers: Callable[[], dict[str, str]] | None = None,
    ) -> httpx.Response | None:
        """HQ's answer, or None when HQ could not be reached in the attempts and time."""
        delay = 0.5
        for attempt in range(1, self.attempts + 1):
            last = attempt == self.attempts
            try:
                response = self.client.request(
                    method, url, content=content, headers=headers() if headers else None
                )
                if response.status_code not in _RETRY_STATUS or last:
                    return response
            except httpx.TransportError as exc:
                problem = _tls_problem(exc)
                if problem is not None:
                    reason = getattr(problem, "verify_message", None) or problem.reason
                    raise CertificateProblem(
                        say(
                            "HQ's certificate could not be verified ({reason}). Give HQ's "
                            "certificate with --ca FILE, or check the HQ address.",
                            reason=reason or problem,
                        )
                    ) from None
                if last:
                    return None
            wait = min(delay, self.deadline - self.clock())
            if wait <= 0:
                return None
            self.sleep(wait)
            delay *= 2
        return None


def _error(response: httpx.Response) -> str:
    try:
        body = response.json()
        if isinstance(body, dict) and isinstance(body.get("error"), str):
            return f"{response.status_code}: {body['error']}"
    except ValueError:
        pass
    return f"HTTP {response.status_code}"


MAX_ROUNDS = 50
"""Rounds of one upload at most: each round after the first confirms a page of records HQ
sent back (a bound, so a confused HQ cannot keep a district uploading for ever)."""


@dataclass(frozen=True, slots=True)
class Outgoing:
    """What one round sends: made on the store's thread, sent from any thread (it holds no
    session; the device's signing key stays in memory only)."""

    base: str
    device_id: str
    signer: Ed25519PrivateKey
    context: ssl.SSLContext
    bundles: tuple[tuple[str, bytes], ...]
    files: tuple[Path, ...] = ()
    """Sealed case files waiting for HQ's confirmation (``/v1/files``)."""


@dataclass(slots=True)
class Answers:
    """HQ's answers to one round (made by :meth:`UploadRun.send`, no session)."""

    reachable: bool = True
    sent: list[dict[str, Any]] = field(default_factory=list)
    errors: list[UploadError] = field(default_factory=list)
    receipt: bytes | None = None


class UploadRun:
    """One upload, round by round, so that the app can run the network part off the store's
    thread. :func:`upload` runs it in one go::

        run = UploadRun(url, ca)
        while True:
            out = run.prepare(session)       # the store's thread
            answers = run.send(out)          # any thread: the network only
            if not run.take(session, answers):  # the store's thread
                break
        run.result

    A round exports what is new into the outbox (when ``export`` allows; an export refused to
    this user is kept in :attr:`UploadResult.refused` and what waits is sent anyway), sends
    every unacknowledged bundle, fetches the device's receipt and imports it. Another round
    follows while the receipt says HQ has more records back (the round's export confirms the
    page), or when the first round did not export and changes wait, at most
    :data:`MAX_ROUNDS`. The phases hand the run from thread to thread, never at once."""

    def __init__(
        self,
        url: str | None = None,
        ca: Path | None = None,
        *,
        export: bool = True,
        attempts: int = 3,
        budget: float = 30.0,
        timeout: float = 10.0,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.url, self.ca, self.export = url, ca, export
        self.attempts, self.budget, self.timeout = attempts, budget, timeout
        self.sleep, self.clock, self.wall_clock = sleep, clock, wall_clock
        self.rounds = 0
        self.result = UploadResult(reachable=True, waiting=0)
        self._exported_now = 0

    # --- the store's thread ---------------------------------------------------------------
    def prepare(self, session: Session) -> Outgoing:
        """Check the user and the address, export what is new, read the outbox."""
        session.require(Permission.SYNC)
        require_district(session, "sync upload")
        saved = configured(session)
        url = self.url
        if url is None:
            if saved is None:
                raise InvalidInput(
                    say(
                        "No HQ address is configured: run `tipdesk sync configure --hq-url URL` "
                        "or give --hq-url."
                    )
                )
            url = saved.url
        base = _check_url(url)
        context = _tls_context(saved, self.ca)
        self.rounds += 1
        self._exported_now = 0
        if self.export:
            session.paths.outbox.mkdir(mode=0o700, parents=True, exist_ok=True)
            try:
                made = export_bundle(session, session.paths.outbox)
            except PermissionDenied as exc:
                self.result.refused = str(exc)
            else:
                self._exported_now = len([f for f in made.files if f.new])
                self.result.exported += self._exported_now
                self.result.identity_waiting = tuple(v.victim_code for v in made.waiting)
        me = own_identity(session)
        bundles = tuple((p.name, p.read_bytes()) for p in outbox_files(session))
        # Case files marked for HQ: sent after the bundles (their records come in those), read
        # one at a time when sent.
        files = tuple(files_out.outbox_files(session))
        return Outgoing(base, me.public.device_id, me.signer, context, bundles, files)

    def take(self, session: Session, answers: Answers) -> bool:
        """Import the receipt the round brought; True when another round should follow."""
        result = self.result
        result.sent += answers.sent
        result.errors += answers.errors
        result.reachable = answers.reachable
        again = False
        if answers.receipt is not None:
            receipt = import_receipt_bytes(session, answers.receipt)
            result.receipt = receipt
            result.receipts.append(receipt)
            fresh = receipt.status == "imported"
            again = fresh and receipt.more_back and (self.rounds == 1 or self._exported_now > 0)
        if answers.reachable and not self.export and not answers.errors:
            # HQ answered: what changed since the last bundle goes now, in the next round.
            self.export = True
            again = again or sync_store(session).max_change() > self._last_exported(session)
        state = sync_store(session)
        result.waiting = len(state.outbox(pending_only=True))
        result.changes_waiting = state.max_change() - state.acked_change()
        last = state.last_receipt()
        result.last_contact = last.imported_at if last else None
        return again and answers.reachable and self.rounds < MAX_ROUNDS

    @staticmethod
    def _last_exported(session: Session) -> int:
        outbox = sync_store(session).outbox()
        return outbox[-1].to_change if outbox else 0

    # --- any thread -----------------------------------------------------------------------
    def send(self, out: Outgoing) -> Answers:
        """Send the round's bundles and fetch the receipt (see the module contract)."""
        answers = Answers()
        with httpx.Client(verify=out.context, timeout=self.timeout, follow_redirects=False) as c:
            http = _Retrying(c, self.attempts, self.budget, self.sleep, self.clock)
            upload_url = f"{out.base}/v1/bundles/{out.device_id}"
            receipt_url = f"{out.base}/v1/receipts/{out.device_id}"
            for name, data in out.bundles:
                answer = http.request(
                    "POST", upload_url, data, self._signed(out, "POST", upload_url)
                )
                if answer is None:
                    answers.reachable = False
                    return answers
                if answer.status_code != 200:
                    answers.errors.append(UploadError(name, _error(answer)))
                    continue
                answers.sent.append({"file": name, **answer.json()})
            files_url = f"{out.base}/v1/files/{out.device_id}"
            for path in out.files:
                try:
                    data = path.read_bytes()
                except OSError:
                    continue  # confirmed meanwhile (the receipt dropped it): nothing to send
                answer = http.request("POST", files_url, data, self._signed(out, "POST", files_url))
                if answer is None:
                    answers.reachable = False
                    return answers
                if answer.status_code != 200:
                    answers.errors.append(UploadError(path.name, _error(answer)))
                    continue
                answers.sent.append({"file": path.name, **answer.json()})
            answer = http.request("GET", receipt_url, headers=self._signed(out, "GET", receipt_url))
            if answer is None:
                answers.reachable = False
            elif answer.status_code == 200:
                answers.receipt = answer.content
            elif answer.status_code != 404:
                answers.errors.append(UploadError("receipt", _error(answer)))
        return answers

    def _signed(self, out: Outgoing, method: str, url: str) -> Callable[[], dict[str, str]]:
        path = httpx.URL(url).path

        def headers() -> dict[str, str]:
            stamp = int(self.wall_clock())
            return {request_auth.HEADER: request_auth.sign(out.signer, method, path, stamp)}

        return headers


def upload(
    session: Session,
    url: str | None = None,
    ca: Path | None = None,
    *,
    export: bool = True,
    attempts: int = 3,
    budget: float = 30.0,
    timeout: float = 10.0,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    wall_clock: Callable[[], float] = time.time,
) -> UploadResult:
    """Export what is new, upload the outbox and import HQ's receipts, page after page (see
    the module contract and :class:`UploadRun`), all on the calling thread."""
    run = UploadRun(
        url,
        ca,
        export=export,
        attempts=attempts,
        budget=budget,
        timeout=timeout,
        sleep=sleep,
        clock=clock,
        wall_clock=wall_clock,
    )
    while True:
        out = run.prepare(session)
        if not run.take(session, run.send(out)):
            return run.result
