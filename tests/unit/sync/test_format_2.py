"""Format 2 (issue 14) in the sync layer, with no store: payloads carry the owner district and
format 1 payloads are still read (with a blank owner); manifests carry ``back`` and may confirm
records back alone; receipts carry records back, resolutions and notices, and a format 1
receipt is still read."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tipdesk.core.ids import new_id
from tipdesk.core.records import Training
from tipdesk.sync import bundle, container, payload, receipt
from tipdesk.sync.canonical import canonical
from tipdesk.sync.errors import DamagedFile
from tipdesk.sync.identity import Identity

DEVICE = new_id()


def _training(owner: str = "PB-LHR") -> Training:
    return Training(
        id=new_id(), created_at="2026-06-01T00:00:00.000Z", updated_at="2026-06-01T00:00:00.000Z",
        created_by="officer1", updated_by="officer1", origin_device=DEVICE, updated_device=DEVICE,
        version=1, owner=owner, title="Identification", district="PB-LHR",
    )  # fmt: skip


def _without_owner(data: bytes) -> bytes:
    doc = json.loads(data)
    for block in doc["records"].values():
        at = block["fields"].index("owner")
        del block["fields"][at], block["columns"][at]
    return canonical(doc)


def test_format_2_payloads_carry_the_owner_and_format_1_payloads_are_still_read() -> None:
    data, _counts = payload.encode(DEVICE, 1, {"training": [(_training(), {DEVICE: 1})]})
    (row,) = payload.decode(data).rows["training"]
    assert row.record is not None and getattr(row.record, "owner", None) == "PB-LHR"
    older = _without_owner(data)
    (row,) = payload.decode(older, fmt=1).rows["training"]
    assert row.record is not None and getattr(row.record, "owner", None) == ""
    assert row.problems == []
    row.set_text("owner", "PB-MLT")  # what HQ puts in: the owner it knows
    assert row.raw()["owner"] == "PB-MLT" and row.record.owner == "PB-MLT"  # type: ignore[union-attr]
    with pytest.raises(DamagedFile):  # a format 2 payload must have it
        payload.decode(older, fmt=2)
    with pytest.raises(DamagedFile):  # and a format 1 payload must not
        payload.decode(data, fmt=1)


def _manifest(after: int, through: int, back: int, fmt: int) -> bundle.Manifest:
    return bundle.Manifest(
        device=DEVICE, district="PB-LHR", office="FIA-AHTC-LHR", seq=2, after_change=after,
        through_change=through, counts={}, created_at="2026-06-01T00:00:00.000Z",
        app_version="test", back=back, format=fmt,
    )  # fmt: skip


def test_a_format_2_manifest_may_only_confirm_records_back(
    sender: Identity, receiver: Identity
) -> None:
    body, _ = payload.encode(DEVICE, 2, {})
    sealed = bundle.seal_bundle(sender, _manifest(7, 7, 40, 2), body, [receiver.public.recipient])
    read = bundle.read_manifest(container.read(bytes(sealed)))
    assert (read.after_change, read.through_change, read.back, read.format) == (7, 7, 40, 2)
    older = bundle.seal_bundle(sender, _manifest(7, 7, 0, 1), body, [receiver.public.recipient])
    with pytest.raises(DamagedFile):  # format 1 bundles always carried changes
        bundle.read_manifest(container.read(bytes(older)))
    fine = bundle.seal_bundle(sender, _manifest(0, 7, 0, 1), body, [receiver.public.recipient])
    assert "back" not in bundle.read_manifest(container.read(bytes(fine))).to_json()


def _receipt(fmt: int, **extra: Any) -> receipt.Receipt:
    return receipt.Receipt(
        hq=new_id(), device=DEVICE, serial=3, issued_at="2026-06-01T00:00:00.000Z",
        highest_seq=2, acked_change=7, format=fmt, **extra,
    )  # fmt: skip


def _round_trip(rec: receipt.Receipt, sender: Identity, receiver: Identity) -> receipt.Receipt:
    sealed = receipt.seal_receipt(sender, rec, receiver.public.recipient)
    env = container.read(sealed)
    plain = container.open_payload(env, receiver.age_identity, receiver.public.recipient)
    return receipt.read_receipt(receipt.read_manifest(env), plain, env.format)


def test_receipts_carry_records_back_and_format_1_receipts_are_still_read(
    sender: Identity, receiver: Identity
) -> None:
    blocks, counts = payload.encode_records({"training": [(_training(), {DEVICE: 1, "hq": 2})]})
    notice = {"id": "N1", "kind": "linked_accused", "case_id": new_id(), "case_number": "FIR 1",
              "other_district": "PB-MLT", "other_case_number": "FIR 2"}  # fmt: skip
    rec = _receipt(2, back={"from": 3, "through": 9, "more": True}, records=blocks,
                   resolved=[{"kind": "training", "record_id": "x", "outcome": "kept local"}],
                   notices=[notice])  # fmt: skip
    back = _round_trip(rec, sender, receiver)
    assert back.back == {"from": 3, "through": 9, "more": True} and back.notices == [notice]
    (row,) = payload.decode_records(back.records)["training"]
    assert row.vv == {DEVICE: 1, "hq": 2} and counts == {"training": 1}
    older = _round_trip(_receipt(1), sender, receiver)
    assert older.format == 1 and older.records == {} and older.back == {}


@pytest.mark.parametrize(
    "back",
    [
        {"from": 9, "through": 3, "more": False},
        {"from": 0, "through": 3},
        {"from": 0, "through": "3", "more": False},
        {"from": -1, "through": 3, "more": False},
    ],
)
def test_a_receipt_whose_page_is_malformed_is_refused(
    sender: Identity, receiver: Identity, back: dict[str, Any]
) -> None:
    sealed = receipt.seal_receipt(sender, _receipt(2, back=back), receiver.public.recipient)
    env = container.read(sealed)
    plain = container.open_payload(env, receiver.age_identity, receiver.public.recipient)
    with pytest.raises(DamagedFile):
        receipt.read_receipt(receipt.read_manifest(env), plain, env.format)
