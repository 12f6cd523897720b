"""Signed public documents (enrolment and device files) and fingerprints."""

from __future__ import annotations

import json
import re

import pytest

from tipdesk.sync import age
from tipdesk.sync.canonical import b64
from tipdesk.sync.errors import BadDocument
from tipdesk.sync.identity import (
    ENCRYPTION,
    SIGNING,
    Identity,
    device_document,
    enrolment_document,
    fingerprint,
    new_keys,
    read_device_file,
    read_enrolment,
)

OFFICE = {"code": "FIA-AHTC-LHR", "name": "FIA AHTC Lahore", "district": "PB-LHR",
          "kind": "fia_circle"}  # fmt: skip


def test_fingerprint_shape_and_binding(sender: Identity) -> None:
    fp = sender.public.fingerprint
    assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){4}", fp)
    other = age.recipient_of(age.new_identity())
    assert fingerprint(sender.public.signing_key, other) != fp
    assert "secret" not in repr(sender).lower() and sender.age_identity not in repr(sender)


def test_new_keys_hide_their_secrets_and_load_back_as_the_same_identity() -> None:
    signing, encryption = new_keys()
    assert (signing.name, encryption.name) == (SIGNING, ENCRYPTION)
    for key in (signing, encryption):
        assert key.secret not in repr(key) and key.public in repr(key)
    me = Identity.from_secrets("0190aaaa-0000-7000-8000-000000000001", signing.secret,
                               encryption.secret)  # fmt: skip
    assert me.public.recipient == encryption.public == age.recipient_of(encryption.secret)
    assert b64(me.public.signing_key) == signing.public
    assert new_keys()[0].secret != signing.secret


def test_enrolment_round_trip_and_tampering(sender: Identity) -> None:
    backup = age.recipient_of(age.new_identity())
    data = enrolment_document(sender, [backup], "2026-06-01T00:00:00.000Z")
    found = read_enrolment(data)
    assert found.hq == sender.public and found.backup_recipients == (backup,)
    doc = json.loads(data)
    doc["body"]["backup_recipients"] = []
    with pytest.raises(BadDocument, match="signature does not verify"):
        read_enrolment(json.dumps(doc).encode())
    with pytest.raises(BadDocument, match="another kind of file"):
        read_enrolment(device_document(sender, district="PB-LHR", office=OFFICE,
                                       created_at="x", app_version="0"))  # fmt: skip
    for junk in (b"", b"{}", b"[1,2]", b"\xff\xfe", b"x" * 70_000):
        with pytest.raises(BadDocument):
            read_enrolment(junk)


def test_device_file_round_trip(sender: Identity) -> None:
    data = device_document(sender, district="PB-LHR", office=OFFICE,
                           created_at="2026-06-01T00:00:00.000Z", app_version="0.1.0")  # fmt: skip
    found = read_device_file(data)
    assert found.device == sender.public and found.district == "PB-LHR"
    assert (found.office_code, found.office_kind) == ("FIA-AHTC-LHR", "fia_circle")
    assert b"AGE-SECRET-KEY" not in data
