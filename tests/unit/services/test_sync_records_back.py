"""Records back (issue 14): HQ's corrections and conflict resolutions reach the district in
the next receipt, applied in the receipt's transaction with the version-vector rules, listed
in words; a resolved conflict's next edit is clean at HQ; a concurrent local edit is never
overwritten; identities HQ does not hold stay; long absences come back page by page; HQ's
linked-accused notices name the other district and its case number only."""

from __future__ import annotations

from pathlib import Path

import pytest
from hq_engines import view
from sync_support import case_for, concurrent_edit, export, link, make_district

from tipdesk.core.clock import FixedClock
from tipdesk.core.records import Case, Victim, to_dict
from tipdesk.services import records, sync
from tipdesk.services.session import Session
from tipdesk.services.sync import records_back
from tipdesk.store.sync_store import SyncStore


def _receipt(hq: Session, district: Session, folder: Path) -> sync.ReceiptResult:
    """HQ's next receipt for ``district``, imported there."""
    folder.mkdir(parents=True, exist_ok=True)
    data = sync.receipt_for(hq, district.install.device_id)
    path = folder / f"receipt-{len(list(folder.iterdir()))}.tipr"
    path.write_bytes(data)
    return sync.import_receipt(district, path)


def _same(district: Session, hq: Session, kind: str, record_id: str) -> bool:
    here = to_dict(district.store.get(kind, record_id, deleted=True))
    there = to_dict(view(hq).get(kind, record_id, deleted=True))
    for side in (here, there):  # identities without consent never reach HQ
        for v in side.get("victims", []):
            for name in Victim.IDENTIFYING:
                v.pop(name, None)
    return here == there


def test_an_hq_correction_comes_back_and_the_next_edit_is_clean(
    hq_linked: tuple[Session, Session],
    tmp_path: Path,
    svc_clock: FixedClock,
) -> None:
    district, hq = hq_linked
    case = case_for(district)
    records.save(district, [case])
    sync.import_bundle_bytes(hq, export(district, tmp_path / "out").read_bytes())
    at_hq = view(hq).get("case", case.id)
    assert isinstance(at_hq, Case)
    at_hq.narrative = "Corrected at HQ."
    at_hq.stage = at_hq.stage
    records.save(hq, [at_hq])
    svc_clock.advance(60)
    result = _receipt(hq, district, tmp_path / "r")
    assert [c.line for c in result.records_back] == [
        f"{case.case_number}: corrected at HQ: narrative"
    ]
    last = sync.status(district).last_receipt
    assert last is not None and last.records_back == result.records_back
    (entry,) = district.store.audit_entries(action="sync.records_back")
    assert entry.detail == {"corrected": {"case": [case.id]}}
    assert _same(district, hq, "case", case.id)
    again = _receipt(hq, district, tmp_path / "r")  # nothing new: nothing happens twice
    assert again.records_back == ()
    mine = district.store.get("case", case.id)
    assert isinstance(mine, Case) and mine.narrative == "Corrected at HQ."
    mine.investigating_officer = "Inspector Afterfake"
    records.save(district, [mine])
    imported = sync.import_bundle_bytes(hq, export(district, tmp_path / "out").read_bytes())
    assert imported.conflicts == [] and imported.accepted == {"case": 1}
    now = view(hq).get("case", case.id)
    assert isinstance(now, Case)
    assert (now.narrative, now.investigating_officer) == ("Corrected at HQ.", "Inspector Afterfake")


def test_a_resolved_conflict_comes_back_and_the_next_edit_is_not_a_conflict(
    hq_linked: tuple[Session, Session],
    tmp_path: Path,
    svc_clock: FixedClock,
) -> None:
    district, hq = hq_linked
    case, result = concurrent_edit(district, hq, tmp_path / "out", svc_clock)
    (conflict,) = result.conflicts
    # HQ's correction reaches the district while the conflict is open: the district's own
    # version stays (it is what HQ holds for review) and is listed as a conflict.
    first = _receipt(hq, district, tmp_path / "r")
    assert [c.what for c in first.records_back] == ["conflict"]
    mine = district.store.get("case", case.id)
    assert isinstance(mine, Case) and mine.investigating_officer == "Inspector Changedfake"
    resent = sync.import_bundle_bytes(hq, export(district, tmp_path / "out").read_bytes())
    assert resent.conflicts == [] and resent.accepted == {}
    sync.resolve(hq, conflict["id"], "local")
    svc_clock.advance(60)
    back = _receipt(hq, district, tmp_path / "r")
    assert [c.line for c in back.records_back] == [
        f"{case.case_number}: resolved conflict: kept HQ's version"
    ]
    assert _same(district, hq, "case", case.id)
    kept = district.store.get("case", case.id)
    assert isinstance(kept, Case) and kept.narrative == "HQ's correction of the narrative."
    kept.stage = kept.stage
    kept.narrative += " And the district's next edit."
    records.save(district, [kept])
    after = sync.import_bundle_bytes(hq, export(district, tmp_path / "out").read_bytes())
    assert after.conflicts == [] and after.accepted == {"case": 1}
    assert view(hq).open_conflicts() == 0


def test_records_back_never_overwrite_a_local_edit_hq_has_not_seen(
    hq_linked: tuple[Session, Session],
    tmp_path: Path,
    svc_clock: FixedClock,
) -> None:
    district, hq = hq_linked
    case = case_for(district)
    records.save(district, [case])
    sync.import_bundle_bytes(hq, export(district, tmp_path / "out").read_bytes())
    at_hq = view(hq).get("case", case.id)
    assert isinstance(at_hq, Case)
    at_hq.narrative = "HQ's version."
    records.save(hq, [at_hq])
    svc_clock.advance(60)
    mine = district.store.get("case", case.id)
    assert isinstance(mine, Case)
    mine.narrative = "The district's unsent work."
    records.save(district, [mine])
    result = _receipt(hq, district, tmp_path / "r")
    (change,) = result.records_back
    assert change.what == "conflict" and change.fields == ("narrative",)
    kept = district.store.get("case", case.id)
    assert isinstance(kept, Case) and kept.narrative == "The district's unsent work."
    # It goes to HQ, which holds both for a reviewer.
    imported = sync.import_bundle_bytes(hq, export(district, tmp_path / "out").read_bytes())
    assert len(imported.conflicts) == 1


def test_a_victims_identity_hq_never_had_stays_at_the_district(
    hq_linked: tuple[Session, Session],
    tmp_path: Path,
    svc_clock: FixedClock,
) -> None:
    district, hq = hq_linked
    case = case_for(district)
    case.victims[0].name = "Hidden Namefake"
    case.victims[0].consent_to_share = False
    records.save(district, [case])
    sync.import_bundle_bytes(hq, export(district, tmp_path / "out").read_bytes())
    victim_id = case.victims[0].id
    at_hq = view(hq).get("victim", victim_id)
    assert isinstance(at_hq, Victim) and at_hq.name == ""
    at_hq.notes = "Checked at HQ."
    records.save(hq, [at_hq])
    svc_clock.advance(60)
    result = _receipt(hq, district, tmp_path / "r")
    assert [c.what for c in result.records_back] == ["corrected"]
    here = district.store.get("victim", victim_id)
    assert isinstance(here, Victim)
    assert (here.name, here.notes) == ("Hidden Namefake", "Checked at HQ.")


def test_a_long_absence_comes_back_page_by_page(
    hq_linked: tuple[Session, Session],
    tmp_path: Path,
    svc_clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    district, hq = hq_linked
    records.save(district, [case_for(district)])
    sync.import_bundle_bytes(hq, export(district, tmp_path / "out").read_bytes())
    made = [case_for(district) for _ in range(4)]
    records.save(hq, made)  # cases HQ recorded for the district, 4 rows each
    monkeypatch.setattr(records_back, "PAGE_ROWS", 6)
    pages = []
    for _round in range(6):
        svc_clock.advance(60)
        result = _receipt(hq, district, tmp_path / "r")
        pages.append(len(result.records_back))
        if not result.more_back:
            break
        confirm = export(district, tmp_path / "out")  # confirms the page
        sync.import_bundle_bytes(hq, confirm.read_bytes())
    assert len(pages) >= 3 and max(pages) <= 6
    for case in made:
        assert _same(district, hq, "case", case.id)
    assert view(hq).back_confirmed(district.install.device_id) > 0


def test_linked_accused_notices_name_the_other_district_and_case_number_only(
    hq_linked: tuple[Session, Session], tmp_path: Path, svc_clock: FixedClock
) -> None:
    lahore, hq = hq_linked
    multan = make_district(tmp_path / "multan", svc_clock, which=1)
    try:
        link(multan, hq, tmp_path / "files")
        ours = case_for(lahore)
        theirs = case_for(multan)
        theirs.accused[0].cnic = ours.accused[0].cnic
        theirs.accused[0].name = "Secret Accusedfake"
        records.save(lahore, [ours])
        records.save(multan, [theirs])
        sync.import_bundle_bytes(hq, export(lahore, tmp_path / "l").read_bytes())
        sync.import_bundle_bytes(hq, export(multan, tmp_path / "m").read_bytes())
        result = _receipt(hq, lahore, tmp_path / "r")
        (notice,) = result.notices
        assert notice.line == (
            f"{ours.case_number}: an accused is also an accused in Multan's case "
            f"{theirs.case_number}"
        )
        assert sync.notices(lahore) == [notice]
        assert sync.status(lahore).notices == 1
        raw = SyncStore(lahore.store).notices()
        assert "Secret Accusedfake" not in repr(raw) and theirs.id not in repr(raw)
        (back,) = _receipt(hq, multan, tmp_path / "r2").notices
        assert (back.case_number, back.other_district_name) == (theirs.case_number, "Lahore")
    finally:
        multan.close()
