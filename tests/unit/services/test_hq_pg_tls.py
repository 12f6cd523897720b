"""How HQ reaches its PostgreSQL server (issue 20, security): a Unix socket, or TLS with full
verification against a CA certificate kept by content (``--ca FILE``). A throwaway cluster
with TLS on a local TCP port shows a verified connection works and another CA is refused."""

from __future__ import annotations

import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from hq_https_support import make_cert
from pg_cluster import Cluster
from pg_cluster import start as start_cluster
from sync_support import run_cli

from tipdesk.core.errors import InvalidInput, KnownError
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_pg, hq_pg_tls
from tipdesk.services.sync.hq import DATABASE_SETTING


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def tls_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Cluster, int, Path]]:
    """A cluster listening on 127.0.0.1 with TLS (its certificate is its own CA), the port,
    and the CA certificate file."""
    folder = tmp_path_factory.mktemp("pg-tls")
    cert, key = make_cert(folder, "server")
    port = _free_port()

    def place(data: Path) -> None:
        for source, name in ((cert, "server.crt"), (key, "server.key")):
            target = data / name
            shutil.copyfile(source, target)
            target.chmod(0o600)
            shutil.chown(target, user=data.owner(), group=None)

    cluster = start_cluster(
        f"-c listen_addresses=127.0.0.1 -c port={port} -c ssl=on "
        "-c ssl_cert_file=server.crt -c ssl_key_file=server.key",
        place,
    )
    try:
        yield cluster, port, cert
    finally:
        cluster.stop()


@pytest.mark.parametrize(
    ("url", "ca", "problem"),
    [
        ("postgresql://hq@db.example/tipdesk?sslmode=verify-full", False, "--ca FILE"),
        ("postgresql://hq@db.example/tipdesk?sslmode=require", True, "verify-full"),
        ("postgresql://hq@db.example/tipdesk", True, "verify-full"),
        (
            "postgresql://hq@db.example/tipdesk?sslmode=verify-full&sslrootcert=/tmp/ca.pem",
            True,
            "sslrootcert",
        ),
        ("postgresql:///tipdesk?host=/run/postgresql", True, "needs no CA"),
    ],
)
def test_urls_and_ca_choices_hq_must_not_use_are_refused(url: str, ca: bool, problem: str) -> None:
    pem = "-----BEGIN CERTIFICATE-----\n" if ca else None
    with pytest.raises(InvalidInput, match=problem):
        hq_pg.check_database_url(url, pem)


@pytest.mark.parametrize(
    ("url", "ca"),
    [
        ("postgresql:///tipdesk?host=/run/postgresql", False),
        ("postgresql:///tipdesk", False),
        ("postgresql://hq@db.example/tipdesk?sslmode=verify-full", True),
        ("host=db.example dbname=tipdesk sslmode=verify-full", True),
    ],
)
def test_a_socket_or_verified_tls_with_a_ca_is_accepted(url: str, ca: bool) -> None:
    hq_pg.check_database_url(url, "-----BEGIN CERTIFICATE-----\n" if ca else None)


def test_tls_with_full_verification_against_the_kept_ca_links_and_imports(
    svc_linked: tuple[Session, Session],
    tls_cluster: tuple[Cluster, int, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _lahore, hq = svc_linked
    _cluster, port, cert = tls_cluster
    url = f"postgresql://postgres@127.0.0.1:{port}/postgres?sslmode=verify-full"
    # Over the network without the CA: refused before anything is stored.
    assert run_cli(monkeypatch, hq, "hq", "database", url) != 0
    assert not hq.store.setting(DATABASE_SETTING)
    # Another CA (a certificate that did not sign the server's): the server is not trusted.
    other, _key = make_cert(tmp_path / "other", "other")
    with pytest.raises(KnownError, match="could not be reached"):
        hq_pg.configure(hq, url, other)
    assert not hq.store.setting(DATABASE_SETTING)
    # The right CA: linked over verified TLS; the CA is kept by content, not by path.
    ca_copy = tmp_path / "ca.pem"
    shutil.copyfile(cert, ca_copy)
    assert run_cli(monkeypatch, hq, "hq", "database", url, "--ca", str(ca_copy)) == 0
    assert hq.store.setting(DATABASE_SETTING) == url
    kept = hq.store.setting(hq_pg_tls.CA_SETTING) or ""
    assert kept.startswith("-----BEGIN CERTIFICATE-----")
    ca_copy.write_text("swapped after configuring: never read again\n")
    with hq_pg.database_of(hq) as db, db.connection() as conn:  # type: ignore[union-attr]
        row = conn.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone()
        assert row == (True,)
    written = (hq.paths.home / hq_pg_tls.CA_FILE).read_text()
    assert written == kept


def test_a_file_that_is_not_a_certificate_is_refused_with_its_name(
    svc_linked: tuple[Session, Session], tmp_path: Path
) -> None:
    _lahore, hq = svc_linked
    junk = tmp_path / "not-a-ca.pem"
    junk.write_text("hello")
    url = "postgresql://hq@db.example/tipdesk?sslmode=verify-full"
    with pytest.raises(InvalidInput, match=r"not-a-ca\.pem is not a certificate"):
        hq_pg.configure(hq, url, junk)
    assert not hq.store.setting(DATABASE_SETTING)
