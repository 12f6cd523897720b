"""HQ's certificate is stored by content: ``tipdesk sync configure --ca FILE`` kept only the
file's *path* (often on a USB stick), so whoever could later swap that file chose whom the
district's uploads trust, and an upload failed once the stick was gone. The certificate is
now checked (an X.509 certificate, PEM or DER) and its PEM kept in the store's settings; the
file is never read again. Before the fix: the setting held the path, a text file was accepted
as a certificate, and uploads failed or trusted the swapped file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sec_cli_support import run_tipdesk
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

from tipdesk.core.errors import InvalidInput
from tipdesk.services.sync import server as sync_server
from tipdesk.services.sync import upload as sync_upload


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    found = linked_pair(tmp_path / "w")
    yield found
    found.close()


def test_the_certificate_is_kept_in_the_store_and_the_file_never_read_again(pair: Pair) -> None:
    tls = tls_files(pair.tmp / "usb", "hq")
    rogue = tls_files(pair.tmp / "rogue", "rogue")
    found = sync_upload.configure(pair.district, "https://127.0.0.1:9", tls[0])
    stored = pair.district.store.setting(sync_upload.HQ_CA_SETTING) or ""
    assert stored.startswith("-----BEGIN CERTIFICATE-----")
    assert str(tls[0]) not in stored and "usb" not in stored
    assert found.ca_pem == stored and len(found.ca_fingerprint) == 95  # SHA-256, AB:CD:...
    # The stick is swapped for the attacker's certificate, then taken away altogether.
    tls[0].write_bytes(rogue[0].read_bytes())
    assert sync_upload.configured(pair.district) == found
    tls[0].unlink()

    save(pair.district, a_campaign())
    export(pair.district, pair.tmp / "out")
    hq_paths = pair.hq.paths
    pair.hq.close()
    # HQ's receiver serves the certificate configured (with its key, still on the stick): the
    # upload verifies it from the copy in the store; the address given overrides only the URL.
    served = pair.tmp / "server.pem"
    served.write_text(stored)
    config = sync_server.ServerConfig(import_directly=True)
    with serving(hq_paths, pair.clock, (served, tls[1]), config) as url:
        result = sync_upload.upload(pair.district, url, sleep=no_wait)
    assert result.reachable and result.errors == []
    assert [s["status"] for s in result.sent] == ["imported"]


def test_a_file_that_is_not_a_certificate_is_refused(pair: Pair, tmp_path: Path) -> None:
    tls = tls_files(tmp_path / "tls")
    for bad in (tls[1], _text(tmp_path / "notes.pem", "-----BEGIN CERTIFICATE-----\nAAAA\n")):
        with pytest.raises(InvalidInput, match="not a certificate"):
            sync_upload.configure(pair.district, "https://hq.example:8443", bad)
        assert pair.district.store.setting(sync_upload.HQ_CA_SETTING) in (None, "")
    home = pair.district.paths.home
    pair.close()
    run = run_tipdesk(
        "sync", "configure", "--hq-url", "https://hq.example:8443", "--ca", str(tls[1]),
        "--user", "admin1", home=home,
    )  # fmt: skip
    assert run.code == 1 and len(run.err_lines()) == 1
    assert "not a certificate" in run.err


def _text(path: Path, text: str) -> Path:
    path.write_text(text)
    return path
