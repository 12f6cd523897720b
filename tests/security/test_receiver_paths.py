"""Path traversal: HQ's receiver named the inbox file after the bundle's *claimed* district, so
a bundle signed by a registered device with a district of ``../..`` was written outside the
inbox. Files are named from the registered device now (its district as HQ registered it and
its id), and a bundle claiming another district than its device's is refused, here over HTTPS
and in ``hq import`` alike. Receipts and the inbox's ``imported`` folder are named from HQ's
own registry too.

Before the fix the traversal test wrote ``escaped-…tipb`` two folders above the inbox and the
receiver answered "stored"; HQ imported a bundle claiming Multan from a Lahore device.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sec_sync_support import (
    LAHORE,
    Pair,
    a_campaign,
    export,
    linked_pair,
    no_wait,
    save,
    serving,
    tampered,
    tls_files,
)

from tipdesk.services import sync
from tipdesk.services.sync import server as sync_server
from tipdesk.services.sync import upload as sync_upload


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    found = linked_pair(tmp_path / "w")
    yield found
    found.close()


def _every_file(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


def _claiming(pair: Pair, district: str) -> Path:
    """A new bundle in the district's outbox whose manifest claims ``district``, re-signed
    with the device's own key (what the uploader then sends)."""
    save(pair.district, a_campaign())
    path = export(pair.district, pair.tmp / "usb")
    outbox_copy = pair.district.paths.outbox / path.name
    data = tampered(path.read_bytes(), pair, manifest=lambda m: m.update(district=district))
    outbox_copy.write_bytes(data)
    return outbox_copy


def test_a_bundle_claiming_a_path_as_district_stays_out_of_everything_but_its_inbox(
    pair: Pair,
) -> None:
    tls = tls_files(pair.tmp / "tls")
    inbox = pair.tmp / "deep" / "a" / "b" / "inbox"
    _claiming(pair, "../../escaped")
    hq_paths = pair.hq.paths
    pair.hq.close()
    before = _every_file(pair.tmp)
    config = sync_server.ServerConfig(inbox=inbox)
    with serving(hq_paths, pair.clock, tls, config) as url:
        # No export first: it would put the outbox's genuine bundle back in place of the
        # crafted file (the store keeps the sealed bytes); a tampered uploader sends it as is.
        result = sync_upload.upload(pair.district, url, tls[0], sleep=no_wait, export=False)
    new = _every_file(pair.tmp) - before
    homes = (inbox, hq_paths.home, pair.district.paths.home)
    outside = [p for p in new if not any(h in p.parents for h in homes)]
    assert outside == [], f"written outside the inbox: {outside}"
    assert not any("escaped" in p.name for p in new)
    # Refused, naming the problem; nothing of it stored.
    assert result.sent == []
    assert [e.file for e in result.errors] == [sorted(pair.district.paths.outbox.iterdir())[0].name]
    assert "district" in result.errors[0].message
    assert not inbox.exists() or list(inbox.iterdir()) == []


def test_a_bundle_claiming_another_district_is_refused_over_https_and_by_hq_import(
    pair: Pair,
) -> None:
    tls = tls_files(pair.tmp / "tls")
    crafted = _claiming(pair, "PB-MLT").read_bytes()
    report = sync.import_files(pair.hq, [_write(pair.tmp / "crafted.tipb", crafted)])
    assert report.results == [] and len(report.errors) == 1
    assert "PB-MLT" in report.errors[0].message and "Lahore" in report.errors[0].message
    assert sync.device_status(pair.hq)[0].last_bundle is None

    hq_paths = pair.hq.paths
    pair.hq.close()
    inbox = pair.tmp / "inbox"
    with serving(hq_paths, pair.clock, tls, sync_server.ServerConfig(inbox=inbox)) as url:
        result = sync_upload.upload(pair.district, url, tls[0], sleep=no_wait, export=False)
    assert result.sent == [] and len(result.errors) == 1
    assert not inbox.exists() or list(inbox.iterdir()) == []


def test_inbox_receipt_and_imported_names_come_from_hqs_registry(pair: Pair) -> None:
    tls = tls_files(pair.tmp / "tls")
    save(pair.district, a_campaign())
    export(pair.district, pair.tmp / "usb")
    hq_paths = pair.hq.paths
    pair.hq.close()
    inbox = pair.tmp / "inbox"
    with serving(hq_paths, pair.clock, tls, sync_server.ServerConfig(inbox=inbox)) as url:
        result = sync_upload.upload(pair.district, url, tls[0], sleep=no_wait, export=False)
    assert result.errors == [] and [s["status"] for s in result.sent] == ["stored"]
    device = pair.district.install.device_id
    stored = sorted(inbox.iterdir())
    assert [p.name for p in stored] == [f"{LAHORE}-{device[-8:]}-000001.tipb"]

    from sec_sync_support import sync_reopen

    hq = sync_reopen(hq_paths, pair.clock)
    try:
        report = sync.import_inbox(hq, inbox)
        assert [Path(m).parent for m in report.moved] == [inbox / "imported"]
        receipts = pair.tmp / "receipts"
        receipts.mkdir()
        written = sync.write_receipts(hq, receipts)
        assert [p.parent for p in written] == [receipts]
        assert written[0].name.startswith(f"receipt-{LAHORE}-{device[-8:]}-")
    finally:
        hq.close()


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
