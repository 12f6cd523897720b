"""``tipdesk --self-test``: checks that this TIPDesk (above all a packaged one) really works.

Contract:
- :func:`run` works in a fresh temporary folder (removed afterwards; ``root`` names another
  parent folder) and never touches the user's data folder. It runs :data:`STEPS` in order:

  ``store``    a district install (encrypted store, key file) is created, demo records are
               written, the store is closed, opened again with the passphrase and every
               record is read back and found by search;
  ``report``   the national report is built, suppressed (threshold 5) and written as PDF and
               XLSX (reportlab, openpyxl);
  ``bundle``   an HQ install is set up and linked with the district; the district seals a
               bundle, HQ opens and imports it (every record accepted), HQ's receipt is read
               back at the district;
  ``network``  HQ's HTTPS receiver (starlette) answers the same bundle through httpx, and
               uvicorn loads its protocol modules (what ``tipdesk hq serve`` needs);
  ``gui``      the desktop app's real sign-in window opens on the district install, offscreen
               when there is no display, and closes (:mod:`tipdesk.ui.selftest`).

- Each step prints one line: ``ok  <step>: <what was checked>``, or ``FAIL <step>: <error
  type>: <message>`` when it raised, or ``skip <step>: needs <step>`` when a step it depends on
  failed. A last line sums up. The return value is the exit code: 0 when every step passed,
  1 otherwise.
- Key derivation uses tiny Argon2id parameters (the self-test's stores are thrown away), so a
  run takes a few seconds. Nothing here imports Qt: only the ``gui`` step does, lazily.
"""

from __future__ import annotations

import asyncio
import secrets
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from tipdesk import APP_NAME, __version__
from tipdesk.core.clock import Clock, SystemClock
from tipdesk.core.codes import InstallRole
from tipdesk.core.records import Case
from tipdesk.paths import Paths
from tipdesk.services.session import Session

#: The self-test's installs use this cheap key derivation (the stores are thrown away).
KDF_MEMORY_KIB = 1024
USER = "selftest"
DISTRICT = "Lahore"
OFFICE = "FIA-AHTC-LHR"
DEMO_CASES = 8


class SelfTestFailed(Exception):
    """A check inside a step did not hold (the message says which)."""


@dataclass
class Context:
    """What the steps share: the temporary folder, the installs and what earlier steps made."""

    root: Path
    clock: Clock = field(default_factory=SystemClock)
    passphrase: str = field(default_factory=lambda: secrets.token_urlsafe(18))
    counts: dict[str, int] = field(default_factory=dict)
    bundle: bytes = b""

    @property
    def district(self) -> Paths:
        return Paths(self.root / "district")

    @property
    def hq(self) -> Paths:
        return Paths(self.root / "hq")

    @property
    def files(self) -> Path:
        return self.root / "files"

    def init(self, paths: Paths, role: InstallRole) -> Session:
        from tipdesk.services.session import init_install
        from tipdesk.store.keys import KdfParams

        district = role is InstallRole.DISTRICT
        session, _recovery = init_install(
            paths,
            role=role,
            user=USER,
            passphrase=self.passphrase,
            clock=self.clock,
            district=DISTRICT if district else "",
            office=OFFICE if district else "",
            kdf=KdfParams(memory_kib=KDF_MEMORY_KIB, iterations=1, lanes=1),
        )
        return session

    def sign_in(self, paths: Paths) -> Session:
        from tipdesk.services.session import sign_in

        return sign_in(paths, user=USER, passphrase=self.passphrase, clock=self.clock)


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailed(message)


# --- the steps ---------------------------------------------------------------------------------
def step_store(ctx: Context) -> str:
    from tipdesk.services import demo, records

    session = ctx.init(ctx.district, InstallRole.DISTRICT)
    try:
        saved = demo.fill(session, seed=7, cases=DEMO_CASES)
    finally:
        session.close()
    session = ctx.sign_in(ctx.district)  # opened again from the key file and the passphrase
    try:
        stored = {kind: session.store.count(kind) for kind in saved}
        _check(stored == saved, f"wrote {saved} but the store holds {stored}")
        cases = records.page(session, "case", limit=DEMO_CASES + 1)
        _check(len(cases) == saved["case"], f"listed {len(cases)} of {saved['case']} cases")
        read = sum(1 for c in cases if records.get(session, "case", c.id).id == c.id)
        first = cases[0]
        _check(isinstance(first, Case), f"a case page held a {type(first).__name__}")
        assert isinstance(first, Case)
        hits = records.search(session, first.case_number)
        _check(any(h.id == first.id for h in hits), f"search did not find {first.case_number!r}")
        _check(session.store.verify_audit().ok, "the audit chain does not verify")
    finally:
        session.close()
    ctx.counts = saved
    total = sum(saved.values())
    return (
        f"created an encrypted store, wrote and read {total} records "
        f"({read} cases read in full, found by search)"
    )


def step_report(ctx: Context) -> str:
    import datetime as dt

    from tipdesk.reports.model import ReportParams
    from tipdesk.services import reports

    session = ctx.sign_in(ctx.district)
    try:
        today = ctx.clock.now().date()
        # Suppressed as for publication: the protection search runs in the packaged app too.
        params = ReportParams(
            date_from=dt.date(today.year - 5, 1, 1), date_to=today, suppress_below=5
        )
        report = reports.build_report(session, params)
        _check(report.suppression is not None, "the report was not suppressed")
        sizes = []
        for fmt in ("pdf", "xlsx"):
            path = reports.export_report(
                session, params, fmt, ctx.files / f"report.{fmt}", report=report
            )
            data = path.read_bytes()
            magic = b"%PDF" if fmt == "pdf" else b"PK"
            _check(data.startswith(magic), f"the {fmt.upper()} file is not one")
            sizes.append(f"{fmt.upper()} {len(data) // 1024} KB")
    finally:
        session.close()
    hidden = report.suppression or {}
    return (
        f"built the national report ({hidden.get('small', 0)} small counts and "
        f"{hidden.get('protect', 0)} more hidden) and wrote " + " and ".join(sizes)
    )


def step_bundle(ctx: Context) -> str:
    from tipdesk.services import sync

    hq = ctx.init(ctx.hq, InstallRole.HQ)
    district = ctx.sign_in(ctx.district)
    try:
        enrolment, device_file = ctx.files / "hq-enrolment.json", ctx.files / "device.json"
        sync.export_enrolment(hq, enrolment)
        sync.enroll(district, enrolment)
        sync.export_device_file(district, device_file)
        sync.register_device(hq, device_file)
        out = ctx.files / "usb"
        out.mkdir()
        sealed = sync.export_bundle(district, out)
        _check(sealed.path is not None, "the district had nothing to export")
        assert sealed.path is not None
        ctx.bundle = sealed.path.read_bytes()
        result = sync.import_bundle_bytes(hq, ctx.bundle, source=sealed.path.name)
        _check(result.status == "imported", f"HQ's import said {result.status!r}")
        _check(
            not result.quarantined and not result.conflicts,
            f"HQ quarantined {len(result.quarantined)} and held {len(result.conflicts)} records",
        )
        accepted = sum(result.accepted.values())
        _check(
            accepted == sum(sealed.counts.values()),
            f"HQ accepted {accepted} of {sum(sealed.counts.values())} records",
        )
        answer = sync.import_receipt_bytes(
            district, sync.receipt_for(hq, district.install.device_id)
        )
        _check(sealed.seq in answer.acknowledged, f"the receipt did not acknowledge {sealed.seq}")
    finally:
        district.close()
        hq.close()
    return (
        f"sealed bundle {sealed.seq} ({len(ctx.bundle) // 1024} KB, {accepted} records), "
        "HQ opened and imported it, its receipt was read back"
    )


def step_network(ctx: Context) -> str:
    import httpx
    import uvicorn

    from tipdesk.services.sync import server as sync_server
    from tipdesk.services.sync.common import own_identity
    from tipdesk.sync import request_auth

    district = ctx.sign_in(ctx.district)
    try:
        me = own_identity(district)
    finally:
        district.close()
    path = f"/v1/bundles/{me.public.device_id}"
    # Uploads are signed by the device (HQ checks it before reading the body).
    signed = {request_auth.HEADER: request_auth.sign(me.signer, "POST", path, int(time.time()))}
    worker = sync_server.StoreWorker(lambda: ctx.sign_in(ctx.hq))
    try:
        app = sync_server.make_app(worker)

        async def upload() -> httpx.Response:
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="https://hq.test") as c:
                return await c.post(path, content=ctx.bundle, headers=signed)

        response = asyncio.run(upload())
        _check(response.status_code == 200, f"the receiver answered {response.status_code}")
        answer: dict[str, Any] = response.json()
        _check(answer.get("duplicate") is True, f"the receiver answered {answer}")
        config = uvicorn.Config(app, lifespan="off", log_level="warning")
        config.load()  # imports the HTTP protocol and event loop modules by name
    finally:
        worker.close()
    return (
        f"HQ's receiver answered the bundle through httpx ({answer['status']}); "
        f"uvicorn loaded {config.http_protocol_class.__name__}"
    )


def step_gui(ctx: Context) -> str:
    from tipdesk.ui.selftest import show_sign_in

    return show_sign_in(ctx.district)


Step = Callable[[Context], str]

#: (name, the steps it needs, function), in the order they run.
STEPS: list[tuple[str, tuple[str, ...], Step]] = [
    ("store", (), step_store),
    ("report", ("store",), step_report),
    ("bundle", ("store",), step_bundle),
    ("network", ("bundle",), step_network),
    ("gui", ("store",), step_gui),
]


def _error_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else '(no message)'}"


def run(root: Path | None = None, out: IO[str] | None = None, verbose: bool = False) -> int:
    """Run every step (see the module contract); return 0 when all passed, else 1.

    ``root``: the folder to make the temporary folder in (default: the system's temporary
    folder). ``verbose``: print a failing step's traceback after its line."""
    stream = out or sys.stdout
    started = time.perf_counter()
    frozen = "packaged app" if getattr(sys, "frozen", False) else "from source"
    print(f"{APP_NAME} {__version__} self-test ({frozen}, Python {sys.version.split()[0]})",
          file=stream, flush=True)  # fmt: skip
    failed: list[str] = []
    passed: set[str] = set()
    try:
        tmp = tempfile.TemporaryDirectory(prefix="tipdesk-selftest-", dir=root)
    except OSError as exc:
        print(f"FAIL setup: cannot make a temporary folder: {_error_line(exc)}", file=stream)
        return 1
    with tmp:
        ctx = Context(Path(tmp.name))
        ctx.files.mkdir()
        for name, needs, step in STEPS:
            missing = [n for n in needs if n not in passed]
            if missing:
                print(f"skip {name}: needs {', '.join(missing)}", file=stream, flush=True)
                failed.append(name)
                continue
            try:
                what = step(ctx)
            except Exception as exc:
                print(f"FAIL {name}: {_error_line(exc)}", file=stream, flush=True)
                if verbose:
                    traceback.print_exc(file=stream)
                failed.append(name)
            else:
                print(f"ok  {name}: {what}", file=stream, flush=True)
                passed.add(name)
    seconds = time.perf_counter() - started
    if failed:
        print(f"self-test FAILED: {', '.join(failed)} ({seconds:.1f} s)", file=stream)
        return 1
    print(f"self-test passed: {len(STEPS)} steps in {seconds:.1f} s", file=stream)
    return 0


def main(argv: list[str] | None = None) -> int:
    """``tipdesk --self-test [--verbose]``."""
    args = sys.argv[1:] if argv is None else argv
    return run(verbose="--verbose" in args or "-v" in args)
