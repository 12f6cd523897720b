"""A district restored from a backup becomes a new sync device, so bundles the old laptop sent
after the backup never collide with the restored laptop's; HQ ends with every change once."""

from __future__ import annotations

from pathlib import Path

import pytest
from hq_engines import view
from svc_support import SVC_ADMIN, SVC_PASSPHRASE, svc_training
from sync_support import case_for, export

from tipdesk.core.clock import FixedClock
from tipdesk.paths import Paths
from tipdesk.services import backup as backup_service
from tipdesk.services import records, sync
from tipdesk.services.session import Session
from tipdesk.services.sync import hq as sync_hq
from tipdesk.store.sync_store import SyncStore
from tipdesk.sync.errors import UnknownSender


def _restore(src: Path, home: Path, svc_clock: FixedClock) -> Session:
    return backup_service.restore(
        Paths(home), src, user=SVC_ADMIN, passphrase=SVC_PASSPHRASE, clock=svc_clock
    )


def test_a_restored_district_is_a_new_device_and_hq_gets_every_change_once(
    hq_linked: tuple[Session, Session], tmp_path: Path, svc_clock: FixedClock
) -> None:
    district, hq = hq_linked
    old_device = district.install.device_id
    old_fingerprint = sync.keys_info(district).fingerprint
    first = case_for(district)
    records.save(district, [first])
    sync.import_bundle_bytes(hq, export(district, tmp_path / "out1").read_bytes())
    backup = backup_service.backup(district, tmp_path / "lahore.tipdesk-backup")
    # After the backup the old laptop sends bundle 2, then it is lost.
    records.save(district, [svc_training()])
    sync.import_bundle_bytes(hq, export(district, tmp_path / "out2").read_bytes())

    restored = _restore(backup, tmp_path / "new-laptop", svc_clock)
    try:
        assert backup_service.is_new_device(restored)
        assert restored.install.device_id != old_device
        assert sync.keys_info(restored).fingerprint != old_fingerprint
        assert SyncStore(restored.store).outbox() == []
        assert "sync.new_device" in [e.action for e in restored.store.audit_entries()]
        assert restored.store.verify_audit().ok
        # The restored laptop's work goes on; its first bundle is number 1 of a new device.
        second = case_for(restored)
        records.save(restored, [second])
        bundle = export(restored, tmp_path / "out3").read_bytes()
        with pytest.raises(UnknownSender):  # not registered yet: refused, nothing changed
            sync.import_bundle_bytes(hq, bundle)
        device_file = tmp_path / "new-device.json"
        sync.export_device_file(restored, device_file)
        sync.register_device(hq, device_file)
        result = sync.import_bundle_bytes(hq, bundle)
    finally:
        restored.close()
    assert result.status == "imported" and result.seq == 1
    assert result.conflicts == [] and result.quarantined == []
    # The first case came again (HQ had it): a duplicate, not a conflict; the new case is new.
    assert view(hq).get("case", first.id) is not None
    assert view(hq).get("case", second.id) is not None
    assert view(hq).count("training") == 1
    assert {d.device_id for d in sync_hq.device_status(hq)} >= {old_device}


def test_a_restored_hq_keeps_its_identity(
    svc_linked: tuple[Session, Session], tmp_path: Path, svc_clock: FixedClock
) -> None:
    _district, hq = svc_linked
    backup = backup_service.backup(hq, tmp_path / "hq.tipdesk-backup")
    restored = _restore(backup, tmp_path / "hq-again", svc_clock)
    try:
        assert not backup_service.is_new_device(restored)
        assert restored.install.device_id == hq.install.device_id
        assert sync.keys_info(restored).fingerprint == sync.keys_info(hq).fingerprint
    finally:
        restored.close()
