"""A receipt could make a district drop changes. A bundle signed by the registered device but
claiming "changes through 1,000,000" made HQ acknowledge changes it never got; after HQ's
receipt the district exported "nothing new" with a case unsent; a crafted sequence number of
1,000,000 poisoned what HQ said about the device's later bundles.

Now HQ checks a bundle's claimed range against its payload (every record's change position
lies in the range, and the range ends at the last one) and refuses a bundle number far past
what the device sent; and a district refuses, changing nothing, a receipt that acknowledges
more than it ever wrote (changes past its change log, bundles it never made or made
otherwise, a records-back position it never confirmed). Before the fix HQ accepted both
crafted bundles and the district took every receipt here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sec_sync_support import (
    Pair,
    a_campaign,
    a_case,
    export,
    linked_pair,
    save,
    tampered,
)

from tipdesk.core.errors import KnownError
from tipdesk.services import sync
from tipdesk.services.sync.common import own_identity
from tipdesk.sync import receipt


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    found = linked_pair(tmp_path / "w")
    yield found
    found.close()


def _import(pair: Pair, name: str, data: bytes) -> sync.ImportReport:
    path = pair.tmp / name
    path.write_bytes(data)
    return sync.import_files(pair.hq, [path])


def _coverage(pair: Pair) -> tuple[int, int, int | None]:
    d = sync.device_status(pair.hq)[0]
    return d.acked_change, d.highest_seq, d.last_bundle


def test_hq_refuses_a_range_its_payload_does_not_hold(pair: Pair) -> None:
    save(pair.district, a_case())
    bundle = export(pair.district, pair.tmp / "out").read_bytes()
    real_through = sync.status(pair.district).last_bundle
    assert real_through is not None and real_through.changes[1] < 100

    def through_a_million(m: dict[str, Any]) -> None:
        m["changes"]["through"] = 1_000_000

    report = _import(pair, "wide.tipb", tampered(bundle, pair, manifest=through_a_million))
    assert report.results == [] and len(report.errors) == 1
    assert "1,000,000" in report.errors[0].message
    assert _coverage(pair) == (0, 0, None)
    # The genuine bundle still imports.
    assert _import(pair, "real.tipb", bundle).errors == []
    assert _coverage(pair)[0] == real_through.changes[1]


def test_hq_refuses_a_bundle_number_far_past_the_devices(pair: Pair) -> None:
    save(pair.district, a_campaign())
    bundle = export(pair.district, pair.tmp / "out").read_bytes()

    def renumber(m: dict[str, Any]) -> None:
        m["seq"] = 1_000_000

    def renumber_payload(doc: dict[str, Any]) -> None:
        doc["bundle"]["seq"] = 1_000_000

    crafted = tampered(bundle, pair, manifest=renumber, payload=renumber_payload)
    report = _import(pair, "far.tipb", crafted)
    assert report.results == [] and len(report.errors) == 1
    assert "1,000,000" in report.errors[0].message
    assert _coverage(pair) == (0, 0, None)


def _receipt(pair: Pair, **fields: Any) -> bytes:
    """A receipt signed with HQ's key for the district's device (a compromised or mistaken
    HQ, or one that took a forged bundle): whatever ``fields`` say."""
    hq = own_identity(pair.hq)
    device = own_identity(pair.district).public
    values: dict[str, Any] = {
        "hq": hq.public.device_id,
        "device": device.device_id,
        "serial": 7,
        "issued_at": "2026-06-01T13:00:00Z",
        "highest_seq": 1,
        "acked_change": 0,
        "back": {"from": 0, "through": 0, "more": False},
    }
    return receipt.seal_receipt(hq, receipt.Receipt(**(values | fields)), device.recipient)


def _district_state(pair: Pair) -> tuple[Any, ...]:
    s = sync.status(pair.district)
    receipts = pair.district.store.query("SELECT count(*) FROM sync_receipts")[0][0]
    return tuple(o.seq for o in s.outbox), s.changes_not_acknowledged, receipts


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"acked_change": 1_000_000}, "1,000,000"),
        ({"highest_seq": 1_000_000}, "1,000,000"),
        ({"gaps": [5]}, "5"),
        ({"bundles": [{"seq": 1, "sha256": "0" * 64}]}, "bundle 1"),
        ({"back": {"from": 40, "through": 50, "more": False}}, "40"),
    ],
)
def test_a_district_refuses_a_receipt_acknowledging_more_than_it_wrote(
    pair: Pair, fields: dict[str, Any], named: str
) -> None:
    save(pair.district, a_case())
    export(pair.district, pair.tmp / "out")
    unsent = a_case()
    save(pair.district, unsent)
    path = pair.tmp / "receipt.tipr"
    path.write_bytes(_receipt(pair, **fields))
    before = _district_state(pair)
    with pytest.raises(KnownError) as refused:
        sync.import_receipt(pair.district, path)
    assert named in str(refused.value) and "Nothing was changed" in str(refused.value)
    assert _district_state(pair) == before
    # The unsent case still leaves with the next bundle.
    out = pair.tmp / "next"
    sync.export_bundle(pair.district, out.mkdir() or out)
    report = sync.import_files(pair.hq, sorted(out.glob("*.tipb")))
    assert report.errors == [] and pair.hq.store.get("case", unsent.id) is not None


def test_a_receipt_within_what_the_district_wrote_is_taken(pair: Pair) -> None:
    save(pair.district, a_case())
    bundle = export(pair.district, pair.tmp / "out")
    assert sync.import_files(pair.hq, [bundle]).errors == []
    receipts = pair.tmp / "receipts"
    receipts.mkdir()
    (written,) = sync.write_receipts(pair.hq, receipts)
    result = sync.import_receipt(pair.district, written)
    assert result.status == "imported" and result.acknowledged == (1,)
