"""A throwaway PostgreSQL cluster for the tests of the PostgreSQL HQ (``tipdesk.hqstore``).

Contract:
- :func:`start` runs ``initdb`` in a new temporary folder (trust authentication, UTF-8, the C
  locale), then starts the server listening only on a Unix socket in that folder, with fsync,
  synchronous commit and full-page writes off (a test cluster is thrown away: durability costs
  time and buys nothing). It returns a :class:`Cluster`; :meth:`Cluster.stop` stops the server
  (immediate mode) and deletes the folder, and is safe to call twice.
- Run as root (CI, the developers' machines), ``initdb`` refuses to run, so the commands run as
  the ``postgres`` user (``runuser``) in a folder that user owns.
- Nothing here skips: when the binaries are missing or the server does not start,
  :class:`ClusterError` says why, with the end of the server's log, and the tests that need the
  cluster fail (``make test`` installs the distribution's ``postgresql`` package first).
- A watchdog outlives a killed test process: :func:`start` also starts a small shell loop, in
  its own session, that waits for the process that started the cluster to end, then stops the
  server and deletes the folder. A normal :meth:`Cluster.stop` ends the watchdog first.
  Without it, a test run killed with SIGKILL (which no ``finally`` survives) left a server
  running for hours.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

PG_LIB = Path("/usr/lib/postgresql")
"""Where Debian and Ubuntu install each PostgreSQL version's binaries."""


class ClusterError(RuntimeError):
    """PostgreSQL could not be found or started."""


def bin_dir() -> Path:
    """The folder of ``initdb`` and ``pg_ctl``: on the PATH, else the newest
    ``/usr/lib/postgresql/<version>/bin`` (where Debian and Ubuntu put them)."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    candidates = sorted(
        PG_LIB.glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if not candidates:
        raise ClusterError(
            "PostgreSQL's initdb was not found (on the PATH or in /usr/lib/postgresql/*/bin): "
            "install the distribution's postgresql package (`make test` does so as root)."
        )
    return Path(candidates[-1]).parent


@dataclass
class Cluster:
    """A running throwaway cluster: its folder, socket folder and connection URL."""

    root: Path
    bin: Path
    as_user: list[str] = field(default_factory=list)
    stopped: bool = False
    watchdog: subprocess.Popen[bytes] | None = None

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root

    def url(self, dbname: str = "postgres") -> str:
        """A libpq URL for ``dbname`` over the Unix socket, as the superuser ``postgres``."""
        return f"postgresql:///{dbname}?host={self.socket_dir}&user=postgres"

    def stop(self) -> None:
        """Stop the server (immediate) and delete the folder; safe to call twice."""
        if self.stopped:
            return
        self.stopped = True
        if self.watchdog is not None:
            self.watchdog.kill()  # its loop only waits; this process stops the server itself
            self.watchdog.wait(timeout=30)
        if (self.data / "postmaster.pid").exists():
            subprocess.run(
                [
                    *self.as_user,
                    str(self.bin / "pg_ctl"),
                    "-D",
                    str(self.data),
                    "-m",
                    "immediate",
                    "-w",
                    "stop",
                ],
                capture_output=True,
                check=False,
                timeout=60,
            )
        shutil.rmtree(self.root, ignore_errors=True)


def _run(cmd: list[str], what: str, log: Path | None = None) -> None:
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=120)
    except (OSError, subprocess.SubprocessError) as exc:
        raise ClusterError(f"{what} failed: {exc}") from exc
    if done.returncode != 0:
        tail = ""
        if log is not None and log.exists():
            tail = "\n".join(log.read_text(errors="replace").splitlines()[-20:])
        raise ClusterError(
            f"{what} failed ({done.returncode}): {done.stderr.strip()[-2000:]}\n{tail}".strip()
        )


def _watch(cluster: Cluster, owner: int) -> subprocess.Popen[bytes]:
    """The watchdog of the module contract: stops ``cluster`` once process ``owner`` ends."""
    stop = shlex.join(
        [
            *cluster.as_user,
            str(cluster.bin / "pg_ctl"),
            "-D",
            str(cluster.data),
            "-m",
            "immediate",
            "-w",
            "stop",
        ]
    )
    script = (
        f"while kill -0 {owner} 2>/dev/null; do sleep 1; done; "
        f"{stop} >/dev/null 2>&1; rm -rf {shlex.quote(str(cluster.root))}"
    )
    # Its own session: a kill of the test run's process group must not take the watchdog too.
    return subprocess.Popen(
        ["/bin/sh", "-c", script],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def start(extra_options: str = "", prepare: Callable[[Path], None] | None = None) -> Cluster:
    """Create and start a throwaway cluster (see the module contract). ``extra_options``:
    more ``-c name=value`` server options (e.g. TLS on a TCP port); ``prepare(data folder)``
    runs after ``initdb``, before the server starts (to place a certificate, say)."""
    pg_bin = bin_dir()
    root = Path(tempfile.mkdtemp(prefix="tipdesk-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            raise ClusterError("running as root needs runuser to start PostgreSQL as postgres")
        shutil.chown(root, user="postgres", group=None)
        as_user = ["runuser", "-u", "postgres", "--"]
    cluster = Cluster(root, pg_bin, as_user)
    try:
        cluster.watchdog = _watch(cluster, os.getpid())
        _run(
            [
                *as_user,
                str(pg_bin / "initdb"),
                "-D",
                str(cluster.data),
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
                "--no-instructions",
            ],
            "initdb",
        )
        log = root / "server.log"
        if prepare is not None:
            prepare(cluster.data)
        options = (
            f"-k {root} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c max_connections=60 -c shared_buffers=32MB " + extra_options
        ).strip()
        _run(
            [
                *as_user,
                str(pg_bin / "pg_ctl"),
                "-D",
                str(cluster.data),
                "-l",
                str(log),
                "-o",
                options,
                "-w",
                "-t",
                "60",
                "start",
            ],
            "starting PostgreSQL",
            log,
        )
    except BaseException:
        cluster.stop()
        raise
    return cluster
