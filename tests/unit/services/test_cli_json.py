"""The ``--json`` output of the commands whose services return dataclasses, written by
``tipdesk.cli.io.to_json``: every key, its order and its value, as the text the command
prints (scripts read these, so they must not change when the services' types do)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from svc_support import SVC_ADMIN, svc_campaign, svc_case
from sync_support import case_for, concurrent_edit, export, run_cli

from tipdesk.cli import common as cli_common
from tipdesk.core.clock import FixedClock
from tipdesk.services import records, reference_updates, sync
from tipdesk.services.session import Session
from tipdesk.services.sync import upload as sync_upload
from tipdesk.store.sync_store import SyncStore

ROOT = Path(__file__).resolve().parents[3]


def _printed(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    session: Session,
    *args: str,
    code: int = 0,
) -> str:
    capsys.readouterr()
    assert run_cli(monkeypatch, session, *args, "--json") == code
    return capsys.readouterr().out


def _text(data: Any) -> str:
    """What ``--json`` prints for ``data``: two-space indents, keys in the order given."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _district_side(district: Session, hq: Session, tmp_path: Path) -> Path:
    """Bundle 1 imported at HQ and acknowledged by its receipt; bundle 2 waiting."""
    records.save(district, [case_for(district)])
    sync.import_bundle_bytes(hq, export(district, tmp_path / "out").read_bytes())
    (receipt,) = sync.write_receipts(hq, tmp_path)
    sync.import_receipt(district, receipt)
    records.save(district, [case_for(district)])
    return export(district, tmp_path / "out")


def test_sync_status_keys_show_and_reference_show(
    svc_linked: tuple[Session, Session],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    district, hq = svc_linked
    waiting = _district_side(district, hq, tmp_path)
    store = SyncStore(district.store)
    row = store.outbox()[-1]
    rec = store.last_receipt()
    assert rec is not None and row.file_name == waiting.name
    bundle = {
        "seq": 2,
        "file": waiting.name,
        "created_at": row.created_at,
        "changes": [row.from_change, row.to_change],
        "counts": row.counts,
        "acknowledged_at": None,
    }
    hq_keys = sync.keys_info(hq)
    assert _printed(monkeypatch, capsys, district, "sync", "status") == _text(
        {
            "device_id": district.install.device_id,
            "enrolled": True,
            "hq_fingerprint": hq_keys.fingerprint,
            "last_bundle": bundle,
            "outbox": [bundle],
            "changes_not_exported": 0,
            "changes_not_acknowledged": row.to_change - row.from_change,
            "last_receipt": {
                "serial": 1,
                "issued_at": rec.issued_at,
                "imported_at": rec.imported_at,
                "highest_seq": 1,
                "acked_change": row.from_change,
                "gaps": [],
                "quarantined": [],
                "conflicts": [],
                "updates": rec.summary["updates"],
                "records_back": [],
            },
            "notices": 0,
        }
    )
    mine = sync.keys_info(district)
    assert _printed(monkeypatch, capsys, district, "keys", "show") == _text(
        {
            "device_id": district.install.device_id,
            "role": "district",
            "fingerprint": mine.fingerprint,
            "recipient": mine.recipient,
            "hq_fingerprint": hq_keys.fingerprint,
            "backup_recipients": [],
        }
    )
    assert _printed(monkeypatch, capsys, district, "reference", "show") == _text(
        {"revision": 0, "files": [], "installed_at": None, "problem": ""}
    )
    amended = tmp_path / "amended"
    amended.mkdir()
    offices = (ROOT / "resources/reference/offices.json").read_bytes()
    (amended / "offices.json").write_bytes(offices)
    installed = reference_updates.install_files(hq, amended)
    assert _printed(monkeypatch, capsys, hq, "reference", "show") == _text(
        {
            "revision": 1,
            "files": ["reference/offices.json"],
            "installed_at": installed.installed_at,
            "problem": "",
        }
    )


def test_hq_import_conflicts_and_devices(
    svc_linked: tuple[Session, Session],
    tmp_path: Path,
    svc_clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    district, hq = svc_linked
    case, _result = concurrent_edit(district, hq, tmp_path / "out", svc_clock)
    records.save(district, [case_for(district)])
    bundle = export(district, tmp_path / "out")
    missing = tmp_path / "missing.tipb"
    printed = _printed(monkeypatch, capsys, hq, "hq", "import", str(bundle), str(missing), code=1)
    device = district.install.device_id
    head = sync.device_status(hq)[0].audit_head  # the audit head bundle 3 carried
    assert printed == _text(
        {
            "bundles": [
                {
                    "file": str(bundle),
                    "device": device,
                    "district": "PB-LHR",
                    "seq": 3,
                    "status": "imported",
                    # No receipt yet: the bundle holds the conflicted case's records again.
                    "counts": {"accused": 2, "case": 2, "referral": 2, "victim": 2},
                    "accepted": {"case": 1, "accused": 1, "victim": 1, "referral": 1},
                    "duplicates": 4,
                    "superseded": 0,
                    "conflicts": [],
                    "quarantined": [],
                    "gaps": [],
                    "up_to_date": 4,
                    "district_name": "Lahore",
                    "anchor": {"head": head, "problem": "", "message": ""},
                    "handovers": [],
                    "files_left_out": 0,
                }
            ],
            "accepted": {"case": 1, "accused": 1, "victim": 1, "referral": 1},
            "received": 8,
            "up_to_date": 4,
            "duplicates": [],
            "conflicts": [],
            "quarantined": [],
            "errors": [
                {
                    "file": str(missing),
                    "error": "InvalidInput",
                    "message": f"There is no file {missing}.",
                }
            ],
            "gaps": {device: []},
            "moved": [],
            "case_files": [],
        }
    )

    (row,) = SyncStore(hq.store).conflicts(status="open")
    at_hq = hq.store.get("case", case.id)
    assert at_hq is not None
    assert _printed(monkeypatch, capsys, hq, "hq", "conflicts") == _text(
        [
            {
                "id": row.id,
                "kind": "case",
                "record_id": case.id,
                "title": case.case_number,
                "status": "open",
                "detected_at": row.detected_at,
                "device": device,
                "bundle": 2,
                "local": {
                    "version": at_hq.version,
                    "deleted": False,
                    "updated_by": SVC_ADMIN,
                    "updated_at": at_hq.updated_at,
                    "updated_device": hq.install.device_id,
                    "where": "HQ",
                },
                "incoming": {
                    "version": row.version,
                    "deleted": False,
                    "updated_by": SVC_ADMIN,
                    "updated_at": row.record["updated_at"],
                    "updated_device": device,
                    "where": "PB-LHR",
                },
                "fields": ["investigating_officer", "narrative"],
                "outcome": None,
                "closed_by": None,
                "closed_at": None,
                "differences": [
                    {
                        "field": "investigating_officer",
                        "local": at_hq.investigating_officer,
                        "incoming": row.record["investigating_officer"],
                    },
                    {
                        "field": "narrative",
                        "local": at_hq.narrative,
                        "incoming": row.record["narrative"],
                    },
                ],
            }
        ]
    )

    (status,) = sync.device_status(hq)
    assert _printed(monkeypatch, capsys, hq, "hq", "devices") == _text(
        [
            {
                "device_id": device,
                "district": "PB-LHR",
                "office": "FIA-AHTC-LHR",
                "fingerprint": sync.keys_info(district).fingerprint,
                "revoked_at": None,
                "last_bundle": 3,
                "last_bundle_created_at": status.last_bundle_at,
                "last_seen": status.last_seen,
                "highest_seq": 3,
                "contiguous_seq": 3,
                "acked_change": status.acked_change,
                "gaps": [],
                "open_conflicts": 1,
                "open_quarantine": 0,
                "audit_head": status.audit_head,
                "anchor_problems": [],
            }
        ]
    )


def test_stats_and_user_list(
    district_session: Session,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    records.save(district_session, [svc_case(), svc_campaign()])
    printed = _printed(
        monkeypatch, capsys, district_session, "stats", "--from", "2020-01-01", "--to", "2026-06-01"
    )
    assert printed == _text(
        {
            "period": {"from": "2020-01-01", "to": "2026-06-01"},
            "cases_registered": 1,
            "accused_proceeded_against": 1,
            "accused_convicted": 1,
            "victims_identified": 1,
            "victims_by_gender": {"female": 1},
            "victims_by_age_group": {"child": 1, "adult": 0, "unknown": 0},
            "victims_by_gender_and_age_group": {"female": {"child": 1}},
            "training_sessions": 0,
            "persons_trained": 0,
            "awareness_campaigns": 1,
            "people_reached": 1200,
        }
    )
    # Without a period: everything up to today (the command's clock, here the tests').
    monkeypatch.setattr(cli_common, "SystemClock", lambda: district_session.clock)
    assert json.loads(_printed(monkeypatch, capsys, district_session, "stats"))["period"] == {
        "from": None,
        "to": "2026-06-01",
    }
    assert _printed(monkeypatch, capsys, district_session, "user", "list") == _text(
        [{"name": SVC_ADMIN, "role": "district_admin", "active": True}]
    )


def test_sync_upload(
    district_session: Session,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    answer = {"file": "PB-LHR-1.tipb", "status": "imported", "sequence": 1, "duplicate": False}
    result = sync_upload.UploadResult(
        reachable=True,
        waiting=1,
        sent=[answer],
        errors=[sync_upload.UploadError("receipt", "401: the request's signature is old")],
    )
    monkeypatch.setattr(sync_upload, "upload", lambda *_args, **_kw: result)
    capsys.readouterr()
    argv = ("sync", "upload", "--hq-url", "https://hq", "--json")
    assert run_cli(monkeypatch, district_session, *argv) == 1
    printed = capsys.readouterr()
    assert printed.out == _text(
        {
            "reachable": True,
            "exported": 0,
            "sent": [answer],
            "waiting": 1,
            "changes_waiting": 0,
            "receipt": None,
            "receipts": 0,
            "last_contact": None,
            "refused": None,
            "identity_waiting": [],
            "errors": [{"file": "receipt", "message": "401: the request's signature is old"}],
        }
    )
    assert printed.err == "tipdesk: error: receipt: 401: the request's signature is old\n"
