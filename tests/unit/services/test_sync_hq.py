"""HQ side of sync (tipdesk.services.sync.hq): records arrive as they are, duplicates and any
order, gaps, conflicts kept in full and resolved, quarantine, receipts and device status."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hq_engines import clone_hq, receipt_file, view
from svc_support import svc_training
from sync_support import (
    case_for,
    concurrent_edit,
    export,
    reopen,
    run_cli,
)

from tipdesk.core.clock import FixedClock
from tipdesk.core.errors import NotFound
from tipdesk.core.records import Case, Referral, Training, to_dict
from tipdesk.services import data_quality, records, sync
from tipdesk.services.session import Session


def _actions(session: Session) -> list[str]:
    return [e.action for e in session.store.audit_entries(limit=100_000)]


def test_records_arrive_with_their_own_bookkeeping(
    hq_linked: tuple[Session, Session], tmp_path: Path
) -> None:
    district, hq = hq_linked
    case = case_for(district)
    case.victims[0].consent_to_share = True
    records.save(district, [case, svc_training()])
    result = sync.import_bundle_bytes(hq, export(district, tmp_path / "out").read_bytes())
    assert result.status == "imported"
    assert result.accepted == {"case": 1, "accused": 1, "victim": 1, "referral": 1, "training": 1}
    assert result.duplicates == 0 and result.conflicts == [] and result.quarantined == []
    here = district.store.get("case", case.id)
    there = view(hq).get("case", case.id)
    assert to_dict(there) == to_dict(here)
    assert there.updated_device == district.install.device_id != hq.install.device_id
    assert records.search(hq, case.case_number)[0].id == case.id
    assert "sync.create" in view(hq).actions() and "sync.import" in view(hq).actions()
    assert view(hq).audit_ok()


def test_a_repeated_bundle_is_a_duplicate_that_changes_nothing(
    hq_linked: tuple[Session, Session], tmp_path: Path
) -> None:
    district, hq = hq_linked
    records.save(district, [case_for(district)])
    data = export(district, tmp_path / "out").read_bytes()
    sync.import_bundle_bytes(hq, data)
    before = (view(hq).state(), len(view(hq).actions()))
    again = sync.import_bundle_bytes(hq, data)
    assert again.status == "duplicate" and again.accepted == {}
    assert (view(hq).state(), len(view(hq).actions())) == before


def test_bundles_in_any_order_end_in_the_same_state(
    hq_linked: tuple[Session, Session],
    tmp_path: Path,
    svc_clock: FixedClock,
    hq_pg_urls: Callable[[str | None], str],
) -> None:
    district, hq = hq_linked
    first = case_for(district)
    records.save(district, [first])
    b1 = export(district, tmp_path / "out")
    svc_clock.advance(60)
    stored = district.store.get("case", first.id)
    assert isinstance(stored, Case)
    stored.narrative = "Narrative as corrected at the district."
    records.save(district, [stored, case_for(district)])
    records.delete(district, "case", first.id, "entered twice by mistake")
    b2 = export(district, tmp_path / "out")
    hq.close()
    other = clone_hq(hq, tmp_path / "hq-copy", hq_pg_urls, svc_clock)
    hq = reopen(hq.paths, svc_clock)
    try:
        for path in (b1, b2):
            sync.import_bundle_bytes(hq, path.read_bytes())
        late = [sync.import_bundle_bytes(other, p.read_bytes()) for p in (b2, b1)]
        assert late[1].accepted == {} and late[1].superseded + late[1].duplicates > 0
        assert view(hq).state() == view(other).state()
        with pytest.raises(NotFound):
            view(hq).get("case", first.id)
    finally:
        other.close()
        hq.close()


def test_gaps_are_reported_until_they_arrive(
    hq_linked: tuple[Session, Session],
    tmp_path: Path,
    svc_clock: FixedClock,
    hq_pg_urls: Callable[[str | None], str],
) -> None:
    district, hq = hq_linked
    hq.close()
    other = clone_hq(hq, tmp_path / "hq-blank", hq_pg_urls, svc_clock)  # HQ before any bundle came
    other.close()
    hq = reopen(hq.paths, svc_clock)
    bundles = []
    for _ in range(3):
        records.save(district, [case_for(district)])
        bundles.append(export(district, tmp_path / "out"))
        sync.import_bundle_bytes(hq, bundles[-1].read_bytes())
        sync.import_receipt(district, receipt_file(hq, district, tmp_path / "r"))
        svc_clock.advance(60)
    hq.close()
    # Another copy of HQ that has not seen bundle 2 (say, restored from a backup).
    other = reopen(other.paths, svc_clock)
    try:
        sync.import_bundle_bytes(other, bundles[0].read_bytes())
        result = sync.import_bundle_bytes(other, bundles[2].read_bytes())
        assert result.gaps == [2]
        (status,) = sync.device_status(other)
        assert (status.gaps, status.contiguous_seq, status.highest_seq) == ([2], 1, 3)
        told = sync.import_receipt(district, receipt_file(other, district, tmp_path / "r"))
        assert told.gaps == [2] and told.highest_seq == 1
        # The district sends what this HQ lacks again (the acknowledged bundle is gone).
        again = sync.export_bundle(district, tmp_path / "out")
        assert again.path is not None
        sync.import_bundle_bytes(other, again.path.read_bytes())
        (status,) = sync.device_status(other)
        assert status.gaps == [] and status.contiguous_seq == 4
        assert view(other).count("case") == 3
    finally:
        other.close()


def test_a_concurrent_edit_is_held_in_full_for_review(
    hq_linked: tuple[Session, Session],
    tmp_path: Path,
    svc_clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    district, hq = hq_linked
    case, result = concurrent_edit(district, hq, tmp_path / "out", svc_clock)
    assert [c["held"] for c in result.conflicts] == ["incoming"]
    (conflict,) = sync.conflicts(hq)
    assert conflict.local.where == "HQ" and conflict.incoming.where == "PB-LHR"
    assert conflict.incoming.updated_by == "admin1"
    assert conflict.fields == ("investigating_officer", "narrative")
    assert conflict.title == case.case_number  # what names the case to a reviewer
    assert run_cli(monkeypatch, hq, "hq", "conflicts") == 0
    listed = capsys.readouterr().out
    assert f"{conflict.id}  case {case.case_number} ({case.id}) [open]" in listed
    assert "differs in: investigating_officer, narrative" in listed
    # Never a silent overwrite: the register keeps HQ's version, the district's is held.
    current = view(hq).get("case", case.id)
    assert isinstance(current, Case) and current.narrative == "HQ's correction of the narrative."
    held = {d.field: d.incoming for d in conflict.differences}
    assert held["investigating_officer"] == "Inspector Changedfake"
    kept = sync.resolve(hq, conflict.id, "incoming")
    current = view(hq).get("case", case.id)
    assert isinstance(current, Case)
    assert current.investigating_officer == "Inspector Changedfake"
    assert current.version == kept.version == 3 and current.updated_device == hq.install.device_id
    assert sync.conflicts(hq) == []
    (closed,) = sync.conflicts(hq, include_closed=True)
    assert closed.status == "resolved" and closed.outcome == "kept incoming"
    assert view(hq).details("sync.resolve") == [
        {"conflict": conflict.id, "kept": "incoming", "outcome": "kept incoming"}
    ]
    assert view(hq).audit_ok()


def test_resolving_keeps_local_and_refuses_twice(
    hq_linked: tuple[Session, Session],
    tmp_path: Path,
    svc_clock: FixedClock,
) -> None:
    district, hq = hq_linked
    training = svc_training()
    records.save(district, [training])
    sync.import_bundle_bytes(hq, export(district, tmp_path / "out").read_bytes())
    local = view(hq).get("training", training.id)
    assert isinstance(local, Training)
    local.title = "Title as HQ corrected it"
    records.save(hq, [local])
    svc_clock.advance(5)
    records.delete(district, "training", training.id, "cancelled")
    sync.import_bundle_bytes(hq, export(district, tmp_path / "out").read_bytes())
    (conflict,) = sync.conflicts(hq)
    assert conflict.incoming.deleted is True
    sync.resolve(hq, conflict.id, "local")
    current = view(hq).get("training", training.id)
    assert isinstance(current, Training) and current.title == "Title as HQ corrected it"
    with pytest.raises(Exception, match="already closed"):
        sync.resolve(hq, conflict.id, "incoming")
    with pytest.raises(NotFound):
        sync.resolve(hq, "C-no-such-conflict", "local")


def _saved_over_the_limit(district: Session) -> Case:
    """A case whose accused's sentence is over the 84-month maximum (TIP Act 2018 s.3), saved
    as a district on older rules would have: HQ quarantines it."""
    bad = case_for(district)
    bad.accused[0].imprisonment_months = 96
    district.store.save([bad], district.actor())
    return bad


def test_an_invalid_record_is_quarantined_and_the_rest_goes_in(
    hq_linked: tuple[Session, Session], tmp_path: Path, svc_clock: FixedClock
) -> None:
    district, hq = hq_linked
    bad = _saved_over_the_limit(district)
    good = case_for(district)
    records.save(district, [good])
    result = sync.import_bundle_bytes(hq, export(district, tmp_path / "out").read_bytes())
    assert result.accepted == {"case": 1, "accused": 1, "victim": 1, "referral": 1}
    assert {q["kind"] for q in result.quarantined} == {"case", "accused", "victim", "referral"}
    rules = {p["rule"] for q in result.quarantined for p in q["problems"]}
    assert "sentence.max_imprisonment" in rules
    assert view(hq).get("case", good.id).id == good.id
    with pytest.raises(NotFound):
        view(hq).get("case", bad.id)
    told = sync.import_receipt(district, receipt_file(hq, district, tmp_path / "r"))
    assert {q["record_id"] for q in told.quarantined} >= {bad.id, bad.accused[0].id}
    # The district fixes it; the fixed version is accepted and the entry settles.
    svc_clock.advance(60)
    fixed = district.store.get("case", bad.id)
    assert isinstance(fixed, Case)
    fixed.accused[0].imprisonment_months = 60
    records.save(district, [fixed])
    result = sync.import_bundle_bytes(hq, export(district, tmp_path / "out").read_bytes())
    assert result.quarantined == [] and result.accepted.get("accused") == 1
    assert view(hq).get("case", bad.id).id == bad.id
    assert view(hq).open_quarantine() == 0
    (status,) = sync.device_status(hq)
    assert status.open_quarantine == 0


def test_the_receipt_command_names_quarantined_records_by_their_titles(
    hq_linked: tuple[Session, Session],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    district, hq = hq_linked
    bad = _saved_over_the_limit(district)
    sync.import_bundle_bytes(hq, export(district, tmp_path / "out").read_bytes())
    receipt = receipt_file(hq, district, tmp_path / "r")
    assert run_cli(monkeypatch, district, "sync", "receipt", str(receipt)) == 0
    out = capsys.readouterr().out
    assert f"Quarantined at HQ: case {bad.case_number} ({bad.id}): " in out
    assert f"accused {bad.accused[0].name} ({bad.accused[0].id}): " in out


def test_an_import_report_names_its_quarantined_records(
    hq_linked: tuple[Session, Session],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    district, hq = hq_linked
    bad = _saved_over_the_limit(district)
    report = sync.import_files(hq, [export(district, tmp_path / "out")])
    titles = sync.report_titles(hq, report)
    # HQ holds none of them: the titles come from the versions held in quarantine.
    assert titles[("case", bad.id)] == bad.case_number
    assert titles[("accused", bad.accused[0].id)] == bad.accused[0].name
    assert titles[("victim", bad.victims[0].id)] == bad.victims[0].victim_code
    assert bad.victims[0].name not in titles.values()  # a victim is named by code only
    # The data-quality review lists the same entries, newest first, with their reasons.
    held = data_quality.data_quality(hq).quarantined
    by_kind = {q.kind: q for q in held}
    assert set(by_kind) == {"case", "accused", "victim", "referral"}
    case = by_kind["case"]
    assert (case.label, case.district, case.bundle) == (bad.case_number, "PB-LHR", 1)
    assert any("exceeds the 84-month maximum" in p for p in by_kind["accused"].problems)
    assert by_kind["victim"].label == bad.victims[0].victim_code
    # ...and so does the command line.
    assert run_cli(monkeypatch, hq, "report", "quality", "--json") == 0
    listed = json.loads(capsys.readouterr().out)["quarantined"]
    assert {(q["kind"], q["label"]) for q in listed} >= {("case", bad.case_number)}
    assert run_cli(monkeypatch, hq, "report", "quality") == 0
    assert f"case {bad.case_number} (PB-LHR, bundle 1): " in capsys.readouterr().out


def test_device_status_and_revocation(
    hq_linked: tuple[Session, Session],
    tmp_path: Path,
    svc_clock: FixedClock,
) -> None:
    district, hq = hq_linked
    (status,) = sync.device_status(hq)
    assert (status.district, status.last_bundle, status.last_seen) == ("PB-LHR", None, None)
    records.save(district, [case_for(district)])
    head = district.store.settings_json("audit_head")  # the district's audit chain head
    sync.import_bundle_bytes(hq, export(district, tmp_path / "out").read_bytes())
    (status,) = sync.device_status(hq)
    assert (status.last_bundle, status.highest_seq, status.gaps) == (1, 1, [])
    assert status.audit_head == head and len(head[1]) == 64  # anchored at HQ
    assert status.last_seen == hq.now()
    device = sync.revoke_device(hq, district.install.device_id[-8:])
    assert device.revoked_at is not None
    assert sync.list_devices(hq)[0].revoked_at == device.revoked_at
    assert sync.write_receipts(hq, tmp_path) == []


def test_a_bundle_with_only_a_child_is_checked_with_its_case_at_hq(
    hq_linked: tuple[Session, Session], tmp_path: Path, svc_clock: FixedClock
) -> None:
    """Found by the convergence property: a new referral alone (its victim and case unchanged
    and acknowledged) must be validated with the case HQ holds, not quarantined."""
    district, hq = hq_linked
    case = case_for(district)
    records.save(district, [case])
    sync.import_bundle_bytes(hq, export(district, tmp_path / "out").read_bytes())
    sync.import_receipt(district, receipt_file(hq, district, tmp_path / "r"))
    svc_clock.advance(60)
    stored = district.store.get("case", case.id)
    assert isinstance(stored, Case)
    stored.victims[0].referrals.append(
        Referral(service="legal_aid", referred_on=stored.victims[0].referrals[0].referred_on)
    )
    records.save(district, [stored])
    result = sync.import_bundle_bytes(hq, export(district, tmp_path / "out").read_bytes())
    assert result.counts == {"referral": 1}
    assert result.accepted == {"referral": 1} and result.quarantined == []
    at_hq = view(hq).get("victim", case.victims[0].id)
    assert len(getattr(at_hq, "referrals", [])) == 2
