"""District side of sync (tipdesk.services.sync): keys, enrolment, bundles, outbox, receipts,
status, and what never leaves the district (identities without consent, plaintext)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hq_engines import view
from sync_support import case_for, export, make_district, make_hq

from tipdesk.core.clock import FixedClock
from tipdesk.core.errors import PermissionDenied
from tipdesk.core.permissions import UserRole
from tipdesk.core.records import Victim
from tipdesk.services import records, sync, users
from tipdesk.services import session as session_service
from tipdesk.services.session import Session
from tipdesk.services.sync.common import own_identity
from tipdesk.store.sync_store import SyncStore
from tipdesk.sync import container, identity, payload
from tipdesk.sync.errors import BadDocument, NotEnrolled, WrongRole

SECRET_NAME = "Zarmeena Qalandarbibi"  # distinctive synthetic name for plaintext scans
SECRET_CNIC = "4210198765432"


def _payload(hq: Session, bundle: Path) -> payload.Payload:
    env = container.read(bundle.read_bytes())
    me = own_identity(hq)
    return payload.decode(container.open_payload(env, me.age_identity, me.public.recipient))


def test_keys_are_made_at_init_and_stay(tmp_path: Path, svc_clock: FixedClock) -> None:
    district = make_district(tmp_path / "d", svc_clock)
    try:
        first = sync.keys_info(district)
        assert first.fingerprint == sync.keys_info(district).fingerprint
        assert len(first.fingerprint) == 24 and first.fingerprint.count("-") == 4
        assert first.recipient.startswith("age1")
        assert "sync.keys" in [e.action for e in district.store.audit_entries(limit=100)]
        assert sorted(SyncStore(district.store).keys()) == ["encryption", "signing"]
    finally:
        district.close()


def test_a_store_without_keys_gets_them_on_first_use(tmp_path: Path, svc_clock: FixedClock) -> None:
    district = make_district(tmp_path / "d", svc_clock)
    try:
        district.store._conn.execute("DELETE FROM sync_keys")  # as in a store made before sync
        assert SyncStore(district.store).keys() == {}
        info = sync.keys_info(district)
        assert sorted(SyncStore(district.store).keys()) == ["encryption", "signing"]
        assert info.fingerprint == sync.keys_info(district).fingerprint
    finally:
        district.close()


def test_enrolment_file_shows_hq_fingerprint_and_refuses_alteration(
    tmp_path: Path, svc_clock: FixedClock
) -> None:
    hq = make_hq(tmp_path / "hq", svc_clock)
    district = make_district(tmp_path / "d", svc_clock)
    try:
        backup = identity.age.recipient_of(identity.age.new_identity())
        path = tmp_path / "enrol.json"
        sync.export_enrolment(hq, path, [backup])
        found = sync.read_enrolment(path)
        assert found.hq.fingerprint == sync.keys_info(hq).fingerprint
        assert found.backup_recipients == (backup,)
        # An added backup recipient (someone wanting copies of every bundle) breaks it.
        text = path.read_text(encoding="utf-8")
        other = identity.age.recipient_of(identity.age.new_identity())
        path.write_text(text.replace(backup, other), encoding="utf-8")
        with pytest.raises(BadDocument, match="signature does not verify"):
            sync.enroll(district, path)
        assert SyncStore(district.store).hq() is None
        path.write_text(text, encoding="utf-8")
        sync.enroll(district, path)
        assert SyncStore(district.store).hq() is not None
        assert sync.keys_info(district).hq_fingerprint == found.hq.fingerprint
    finally:
        hq.close()
        district.close()


def test_export_needs_enrolment(tmp_path: Path, svc_clock: FixedClock) -> None:
    district = make_district(tmp_path / "d", svc_clock)
    try:
        records.save(district, [case_for(district)])
        with pytest.raises(NotEnrolled, match="tipdesk enroll"):
            sync.export_bundle(district, tmp_path)
    finally:
        district.close()


def test_exporting_twice_with_nothing_new_writes_nothing(
    svc_linked: tuple[Session, Session], tmp_path: Path
) -> None:
    district, _hq = svc_linked
    out = tmp_path / "out"
    out.mkdir()
    assert sync.export_bundle(district, out).path is None  # a new install has nothing to send
    records.save(district, [case_for(district)])
    first = sync.export_bundle(district, out)
    assert first.path is not None and first.seq is not None
    listing = sorted(out.iterdir())
    again = sync.export_bundle(district, out)
    assert again.path is None and again.pending == (first.seq,)
    assert sorted(out.iterdir()) == listing
    assert [p.name for p in sync.outbox_files(district)] == [first.path.name]


def test_unacknowledged_changes_go_again_and_receipts_move_the_start(
    svc_linked: tuple[Session, Session], tmp_path: Path, svc_clock: FixedClock
) -> None:
    district, hq = svc_linked
    records.save(district, [case_for(district)])
    b1 = export(district, tmp_path / "out")
    svc_clock.advance(60)
    records.save(district, [case_for(district)])
    b2 = export(district, tmp_path / "out")
    p1, p2 = _payload(hq, b1), _payload(hq, b2)
    ids1 = {r.record_id for r in payload.iter_rows(p1)}
    ids2 = {r.record_id for r in payload.iter_rows(p2)}
    assert ids1 < ids2  # at-least-once: bundle 2 repeats what HQ has not acknowledged
    sync.import_bundle_bytes(hq, b1.read_bytes())
    sync.import_bundle_bytes(hq, b2.read_bytes())
    (receipt,) = sync.write_receipts(hq, tmp_path)
    result = sync.import_receipt(district, receipt)
    assert result.acknowledged == (1, 2) and result.highest_seq == 2
    assert sync.outbox_files(district) == []
    assert sync.export_bundle(district, tmp_path / "out").path is None
    svc_clock.advance(60)
    records.save(district, [case_for(district)])
    b3 = export(district, tmp_path / "out")
    ids3 = {r.record_id for r in payload.iter_rows(_payload(hq, b3))}
    assert not ids3 & ids2
    status = sync.status(district)
    assert status.last_receipt is not None and status.last_receipt.serial == 1
    assert status.outbox[0].seq == 3 and status.changes_not_exported == 0


def test_identity_leaves_the_district_only_with_consent(
    hq_linked: tuple[Session, Session], tmp_path: Path
) -> None:
    district, hq = hq_linked
    without = case_for(district)
    without.victims[0].name, without.victims[0].cnic = SECRET_NAME, SECRET_CNIC
    with_consent = case_for(district)
    with_consent.victims[0].name = "Consenting Personfake"
    with_consent.victims[0].consent_to_share = True
    records.save(district, [without, with_consent])
    bundle = export(district, tmp_path / "out")
    sync.import_bundle_bytes(hq, bundle.read_bytes())
    kept = view(hq).get("victim", without.victims[0].id)
    shared = view(hq).get("victim", with_consent.victims[0].id)
    assert isinstance(kept, Victim) and isinstance(shared, Victim)
    assert (kept.name, kept.cnic, kept.phone, kept.address, kept.father_name) == ("",) * 5
    assert kept.victim_code == without.victims[0].victim_code and kept.age == 16
    assert shared.name == "Consenting Personfake"
    local = district.store.get("victim", without.victims[0].id)
    assert isinstance(local, Victim) and local.name == SECRET_NAME  # the district keeps it


def test_no_plaintext_in_bundles_outbox_or_receipts(
    svc_linked: tuple[Session, Session], tmp_path: Path
) -> None:
    district, hq = svc_linked
    case = case_for(district, narrative="Narrative mentioning Qalandarbibi brick kiln.")
    case.victims[0].name, case.victims[0].consent_to_share = SECRET_NAME, True
    records.save(district, [case])
    bundle = export(district, tmp_path / "out")
    sync.import_bundle_bytes(hq, bundle.read_bytes())
    sync.write_receipts(hq, tmp_path / "out")
    files = [*(tmp_path / "out").iterdir(), *district.paths.outbox.iterdir()]
    assert len(files) >= 3
    needles = [SECRET_NAME, "Qalandarbibi", case.case_number, case.victims[0].victim_code]
    for path in files:
        data = path.read_bytes()
        for needle in needles:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                assert needle.encode(encoding) not in data, (path.name, needle)


def test_outbox_files_are_rewritten_from_the_store(
    svc_linked: tuple[Session, Session], tmp_path: Path
) -> None:
    district, _hq = svc_linked
    records.save(district, [case_for(district)])
    bundle = export(district, tmp_path / "out")
    kept = district.paths.outbox / bundle.name
    original = kept.read_bytes()
    kept.unlink()
    (again,) = sync.outbox_files(district)
    assert again.read_bytes() == original == bundle.read_bytes()


def test_district_and_hq_commands_stay_on_their_side(svc_linked: tuple[Session, Session]) -> None:
    district, hq = svc_linked
    with pytest.raises(WrongRole, match="runs at HQ"):
        sync.import_bundle_bytes(district, b"x")
    with pytest.raises(WrongRole, match="runs on a district install"):
        sync.export_bundle(hq, Path())
    with pytest.raises(WrongRole):
        sync.device_status(district)


def test_an_hq_analyst_cannot_import(
    svc_linked: tuple[Session, Session], tmp_path: Path, svc_clock: FixedClock
) -> None:
    district, hq = svc_linked
    users.add_user(hq, "analyst1", UserRole.HQ_ANALYST, "purple elephant dances quietly")
    analyst = session_service.sign_in(
        hq.paths, user="analyst1", passphrase="purple elephant dances quietly", clock=svc_clock
    )
    try:
        records.save(district, [case_for(district)])
        bundle = export(district, tmp_path / "out")
        with pytest.raises(PermissionDenied):
            sync.import_bundle_bytes(analyst, bundle.read_bytes())
    finally:
        analyst.close()
