"""The throwaway cluster the PostgreSQL HQ's tests run on (tests/pg_cluster.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from pg_cluster import Cluster, ClusterError, start


def test_cluster_answers_over_its_unix_socket_with_fsync_off(pg_url: str) -> None:
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SHOW fsync").fetchone() == ("off",)
        assert conn.execute("SHOW listen_addresses").fetchone() == ("",)
        assert (
            conn.execute("SELECT current_setting('server_version_num')::int").fetchone()[0]
            >= 150000
        )
        assert conn.info.host.startswith("/")


def test_each_test_gets_an_empty_database(pg_url: str) -> None:
    with psycopg.connect(pg_url) as conn:
        rows = conn.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchone()
        assert rows == (0,)


def test_stop_removes_the_folder_and_can_be_called_twice() -> None:
    cluster = start()
    root = cluster.root
    with psycopg.connect(cluster.url()) as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)
    cluster.stop()
    cluster.stop()
    assert not root.exists()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(cluster.url(), connect_timeout=2)


def test_missing_binaries_fail_with_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    import pg_cluster

    monkeypatch.setattr(pg_cluster.shutil, "which", lambda _name: None)
    monkeypatch.setattr(pg_cluster, "PG_LIB", Path("/nonexistent/postgresql"))
    with pytest.raises(ClusterError, match="initdb was not found"):
        pg_cluster.start()


def test_a_server_that_cannot_start_fails_and_leaves_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import pg_cluster

    made: list[Path] = []
    real_mkdtemp = pg_cluster.tempfile.mkdtemp

    def mkdtemp(prefix: str) -> str:
        made.append(Path(real_mkdtemp(prefix=prefix)))
        return str(made[-1])

    monkeypatch.setattr(pg_cluster.tempfile, "mkdtemp", mkdtemp)
    bad = Cluster(tmp_path, tmp_path)  # a folder with no binaries in it
    monkeypatch.setattr(pg_cluster, "bin_dir", lambda: bad.bin)
    with pytest.raises(ClusterError, match="initdb"):
        pg_cluster.start()
    assert made and not made[0].exists()


def test_a_killed_test_process_does_not_leave_its_cluster_running(tmp_path: Path) -> None:
    """SIGKILL skips every ``finally``: the watchdog stops the server and deletes its folder."""
    tests_dir = Path(__file__).resolve().parents[2]
    said = tmp_path / "root"
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time, pathlib, pg_cluster\n"
            "c = pg_cluster.start()\n"
            "pathlib.Path(sys.argv[1]).write_text(str(c.root))\n"
            "time.sleep(600)\n",
            str(said),
        ],
        env={**os.environ, "PYTHONPATH": str(tests_dir)},
    )
    try:
        for _ in range(600):  # the child writes its cluster's folder once the server is up
            if said.exists() and said.read_text():
                break
            time.sleep(0.1)
        root = Path(said.read_text())
        url = Cluster(root, root).url()
        with psycopg.connect(url) as conn:
            assert conn.execute("SELECT 1").fetchone() == (1,)
    finally:
        child.kill()
        child.wait()
    for _ in range(600):  # the watchdog polls each second; allow for a loaded machine
        if not root.exists():
            break
        time.sleep(0.1)
    assert not root.exists()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(url, connect_timeout=2)
