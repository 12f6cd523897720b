"""Helpers for the command-line security tests (errors, common options, exports, text limits):
a district store made in-process with a tiny Argon2id cost (so each ``tipdesk`` subprocess
signs in within milliseconds), and a runner of the real ``python -m tipdesk`` that checks no
passphrase or traceback ever reaches its output. Everything is synthetic.

Not a conftest.py: other branches add their own files to tests/security/, and helpers imported
by name keep each branch's fixtures apart.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tipdesk.core.clock import FixedClock
from tipdesk.core.codes import InstallRole
from tipdesk.paths import Paths
from tipdesk.services import session as session_service
from tipdesk.services.session import Session
from tipdesk.store.keys import KdfParams

SEC_USER = "admin1"
SEC_PASSPHRASE = "correct horse battery staple"
SEC_START = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
SEC_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)


def sec_install(
    home: Path, *, role: InstallRole = InstallRole.DISTRICT, clock: FixedClock | None = None
) -> Session:
    """A new install in ``home`` (Lahore district unless ``role`` is HQ), its admin signed in."""
    where = {"district": "Lahore", "office": "FIA-AHTC-LHR"} if role is InstallRole.DISTRICT else {}
    session, _recovery = session_service.init_install(
        Paths(home),
        role=role,
        user=SEC_USER,
        passphrase=SEC_PASSPHRASE,
        clock=clock or FixedClock(SEC_START),
        kdf=SEC_KDF,
        **where,
    )
    return session


def sec_demo_store(home: Path, cases: int = 30) -> None:
    """A district store in ``home`` holding ``cases`` synthetic demo cases."""
    from tipdesk.services import demo

    session = sec_install(home)
    try:
        demo.fill(session, seed=3, cases=cases)
    finally:
        session.close()


@dataclass
class CliRun:
    code: int
    out: str
    err: str

    def err_lines(self) -> list[str]:
        return self.err.strip().splitlines()


def run_tipdesk(
    *args: str,
    home: Path | None = None,
    passphrase: str | None = SEC_PASSPHRASE,
    stdout: int | None = subprocess.PIPE,
    shell_pipe_to: str | None = None,
    close_stdout: bool = False,
) -> CliRun:
    """Run ``python -m tipdesk ARGS`` (``TIPDESK_HOME=home`` when given, the passphrase in
    ``TIPDESK_PASSPHRASE``). ``shell_pipe_to`` runs ``tipdesk ARGS | COMMAND`` in a shell and
    reports tipdesk's own exit code and stderr; ``close_stdout`` starts tipdesk with its
    standard output closed (``>&-``). No passphrase and no traceback may appear."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TIPDESK_")}
    if home is not None:
        env["TIPDESK_HOME"] = str(home)
    if passphrase is not None:
        env["TIPDESK_PASSPHRASE"] = passphrase
    command: list[str] = [sys.executable, "-m", "tipdesk", *args]
    if shell_pipe_to is not None:
        quoted = " ".join(_quote(a) for a in command)
        # tipdesk's stderr goes to our pipe; its stdout to the reader; PIPESTATUS[0] is its code.
        script = f'{quoted} | {shell_pipe_to} >/dev/null; exit "${{PIPESTATUS[0]}}"'
        command = ["bash", "-c", script]
    elif close_stdout:
        quoted = " ".join(_quote(a) for a in command)
        command = ["bash", "-c", f"{quoted} >&-"]
    proc = subprocess.run(
        command,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=300,
        check=False,
    )
    out = proc.stdout.decode("utf-8") if proc.stdout is not None else ""
    run = CliRun(proc.returncode, out, proc.stderr.decode("utf-8"))
    assert SEC_PASSPHRASE not in run.out + run.err
    assert "Traceback" not in run.err, run.err
    return run


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\"'\"'") + "'"
