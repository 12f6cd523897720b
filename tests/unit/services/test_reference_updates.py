"""HQ's reference-list and rules updates: installed once at HQ, carried by every receipt,
installed by a district when newer, checked like the shipped files, never blocking a receipt
or a sign-in."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from svc_support import SVC_ADMIN, SVC_PASSPHRASE, svc_accused, svc_case
from sync_support import export

from tipdesk import catalogue
from tipdesk.core.clock import FixedClock
from tipdesk.core.errors import InvalidInput, ValidationFailed
from tipdesk.core.sentencing import pending_versions
from tipdesk.core.validation import validate
from tipdesk.paths import resources_dir
from tipdesk.services import reference_updates, sync
from tipdesk.services.session import Session, sign_in
from tipdesk.store.sync_store import SyncStore

LONGER = 120  # a synthetic amendment: s.3(1) allows ten years
EXAMPLE = resources_dir() / "rules" / "examples" / "amendments-2025"


def _sentences(months: int) -> dict[str, Any]:
    doc = json.loads((resources_dir() / "rules/sentences.json").read_text(encoding="utf-8"))
    doc["laws"]["tip_act_2018"]["sections"]["3(1)"]["versions"][0]["max_imprisonment_months"] = (
        months
    )
    return dict(doc)


def _folder(tmp_path: Path, name: str, files: dict[str, Any]) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for file_name, doc in files.items():
        (folder / file_name).write_text(json.dumps(doc), encoding="utf-8")
    return folder


def _long_sentence_problems(session: Session) -> list[str]:
    case = svc_case(accused=[svc_accused(imprisonment_months=96)])
    return [p.message for p in validate(case, session.validation_context())]


def _receipt_for(hq: Session, district: Session, tmp_path: Path, name: str) -> Path:
    sync.import_bundle_bytes(hq, export(district, tmp_path / f"{name}-out").read_bytes())
    (tmp_path / name).mkdir()
    (receipt,) = sync.write_receipts(hq, tmp_path / name)
    return receipt


def test_hq_installs_files_and_a_district_gets_them_with_the_next_receipt(
    svc_linked: tuple[Session, Session], tmp_path: Path, svc_clock: FixedClock
) -> None:
    district, hq = svc_linked
    assert any("84-month maximum" in m for m in _long_sentence_problems(district))
    before = reference_updates.receipt_updates(hq)["reference_files"]

    update = reference_updates.install_files(
        hq, _folder(tmp_path, "amended", {"sentences.json": _sentences(LONGER)})
    )
    assert update.revision == 1 and sorted(update.files) == ["rules/sentences.json"]
    assert _long_sentence_problems(hq) == []  # HQ's own checks use it at once
    updates = reference_updates.receipt_updates(hq)
    assert updates["reference"]["revision"] == 1
    assert updates["reference_files"]["rules/sentences.json"] != before["rules/sentences.json"]
    assert updates["reference_files"]["reference/codes.json"] == before["reference/codes.json"]

    records_case = svc_case()
    from tipdesk.services import records

    records.save(district, [records_case])
    result = sync.import_receipt(district, _receipt_for(hq, district, tmp_path, "r1"))
    assert result.reference is not None and result.reference.installed
    assert result.reference.files == ("rules/sentences.json",)
    assert _long_sentence_problems(district) == []
    assert "reference.update" in [e.action for e in district.store.audit_entries()]
    assert reference_updates.status(district).revision == 1

    # The update stays after signing in again (it is kept in the encrypted store).
    district.close()
    again = sign_in(district.paths, user=SVC_ADMIN, passphrase=SVC_PASSPHRASE, clock=svc_clock)
    try:
        assert _long_sentence_problems(again) == []
        # The same revision in a later receipt changes nothing.
        later = sync.import_receipt(again, _receipt_for_existing(hq, tmp_path, "r2"))
        assert later.status == "imported" and later.reference is None
    finally:
        again.close()


def _receipt_for_existing(hq: Session, tmp_path: Path, name: str) -> Path:
    (tmp_path / name).mkdir()
    (receipt,) = sync.write_receipts(hq, tmp_path / name)
    return receipt


def test_a_second_install_keeps_the_first_files_and_counts_up(
    svc_linked: tuple[Session, Session], tmp_path: Path
) -> None:
    _district, hq = svc_linked
    reference_updates.install_files(
        hq, _folder(tmp_path, "one", {"sentences.json": _sentences(LONGER)})
    )
    codes = json.loads((resources_dir() / "reference/codes.json").read_text(encoding="utf-8"))
    codes["exploitation_forms"].append({"code": "organ_test", "name": "Organ removal (test)"})
    update = reference_updates.install_files(hq, _folder(tmp_path, "two", {"codes.json": codes}))
    assert update.revision == 2
    assert sorted(update.files) == ["reference/codes.json", "rules/sentences.json"]
    assert "organ_test" in hq.reference.lists["exploitation_forms"]


def test_an_alias_installed_at_hq_reaches_the_district_and_names_its_district(
    svc_linked: tuple[Session, Session], tmp_path: Path
) -> None:
    district, hq = svc_linked
    from tipdesk.services import records

    case = svc_case(district="Data Nagri", victims=[])
    with pytest.raises(ValidationFailed, match="'Data Nagri' is not a district we know"):
        records.save(district, [svc_case(district="Data Nagri", victims=[])])
    geography = json.loads(
        (resources_dir() / "reference/geography.json").read_text(encoding="utf-8")
    )
    lahore = next(
        d for p in geography["provinces"] for d in p["districts"] if d["code"] == "PB-LHR"
    )
    lahore["aliases"] = ["Data Nagri"]
    reference_updates.install_files(hq, _folder(tmp_path, "alias", {"geography.json": geography}))
    records.save(district, [svc_case(case_number="FIR 13/2025")])  # something to send
    result = sync.import_receipt(district, _receipt_for(hq, district, tmp_path, "r1"))
    assert result.reference is not None and result.reference.installed
    records.save(district, [case])
    assert district.store.get("case", case.id).district == "PB-LHR"


def test_a_bad_file_is_refused_naming_it_and_nothing_changes(
    svc_linked: tuple[Session, Session], tmp_path: Path
) -> None:
    district, hq = svc_linked
    bad = {"provinces": [{"code": "PB", "name": "Punjab", "districts": []}]}
    with pytest.raises(InvalidInput, match=r"geography\.json"):
        reference_updates.install_files(hq, _folder(tmp_path, "bad", {"geography.json": bad}))
    assert reference_updates.current(hq.store) is None
    (tmp_path / "notjson").mkdir()
    (tmp_path / "notjson" / "codes.json").write_text("{oops", encoding="utf-8")
    with pytest.raises(InvalidInput, match=r"codes\.json"):
        reference_updates.install_files(hq, tmp_path / "notjson")
    with pytest.raises(InvalidInput, match="No reference file"):
        reference_updates.install_files(hq, _folder(tmp_path, "empty", {}))
    with pytest.raises(InvalidInput, match="Only HQ"):
        reference_updates.install_files(
            district, _folder(tmp_path, "district", {"sentences.json": _sentences(LONGER)})
        )
    assert reference_updates.current(hq.store) is None
    assert reference_updates.current(district.store) is None


def test_a_refused_update_is_said_in_urdu_too(
    svc_linked: tuple[Session, Session], tmp_path: Path
) -> None:
    """The Settings screen shows the refusal in the interface's language: the refusal is a
    translatable message naming the folder or file as typed."""
    district, hq = svc_linked
    with pytest.raises(InvalidInput) as empty:
        reference_updates.install_files(hq, _folder(tmp_path, "empty", {}))
    assert str(empty.value).startswith("No reference file (")
    assert empty.value.said is not None
    urdu = catalogue.message_in("ur", empty.value.said)
    assert "کوئی حوالہ جاتی فائل" in urdu and str(tmp_path / "empty") in urdu
    assert "nothing was changed" not in urdu
    with pytest.raises(InvalidInput) as not_hq:
        reference_updates.install_files(
            district, _folder(tmp_path, "district", {"sentences.json": _sentences(LONGER)})
        )
    assert not_hq.value.said is not None
    assert "ہیڈکوارٹر" in catalogue.message_in("ur", not_hq.value.said)


def test_an_update_that_fails_the_checks_is_reported_and_the_receipt_still_counts(
    svc_linked: tuple[Session, Session], tmp_path: Path
) -> None:
    district, hq = svc_linked
    from tipdesk.services import records

    records.save(district, [svc_case()])
    # An HQ whose stored update went bad (written around the checks, as by a faulty tool).
    broken = {"files": {"rules/sentences.json": {"laws": "none"}}, "installed_at": "x",
              "revision": 3}  # fmt: skip
    hq.store.set_settings({reference_updates.SETTING: json.dumps(broken)}, hq.actor())
    result = sync.import_receipt(district, _receipt_for(hq, district, tmp_path, "r"))
    assert result.status == "imported" and result.acknowledged == (1,)
    assert result.reference is not None and not result.reference.installed
    assert "sentences.json" in result.reference.problem
    assert reference_updates.current(district.store) is None
    assert any("84-month maximum" in m for m in _long_sentence_problems(district))
    assert SyncStore(district.store).last_receipt() is not None


def test_a_stored_update_that_no_longer_fits_never_blocks_sign_in(
    svc_linked: tuple[Session, Session], svc_clock: FixedClock
) -> None:
    district, _hq = svc_linked
    broken = {"files": {"reference/offices.json": {"offices": [
        {"code": "X", "name": "Nowhere office", "district": "NOWHERE", "kind": "fia_circle"}]}},
        "installed_at": "x", "revision": 1}  # fmt: skip
    district.store.set_settings({reference_updates.SETTING: json.dumps(broken)}, district.actor())
    district.close()
    again = sign_in(district.paths, user=SVC_ADMIN, passphrase=SVC_PASSPHRASE, clock=svc_clock)
    try:
        assert "NOWHERE" not in {o.district for o in again.reference.offices.values()}
        status = reference_updates.status(again)
        assert status.revision == 1 and "offices.json" in status.problem
    finally:
        again.close()


def test_the_update_and_the_receipt_are_written_together_or_not_at_all(
    svc_linked: tuple[Session, Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A receipt whose transaction fails (here: the disk fills as the reference update's audit
    entry is written) installs neither itself nor its reference update, and the district's
    checks keep the old rules; importing it again installs both."""
    from tipdesk.core.errors import DiskFull
    from tipdesk.store import sync_store as sync_store_module

    district, hq = svc_linked
    reference_updates.install_files(
        hq, _folder(tmp_path, "amended", {"sentences.json": _sentences(LONGER)})
    )
    from tipdesk.services import records

    records.save(district, [svc_case()])
    receipt = _receipt_for(hq, district, tmp_path, "r1")

    real_append = sync_store_module.audit.append

    def full_at_the_update(conn: object, entries: list[Any]) -> int:
        if any(e.action == "reference.update" for e in entries):
            raise DiskFull("The disk is full: nothing was written.")
        return real_append(conn, entries)

    with monkeypatch.context() as patch:
        patch.setattr(sync_store_module.audit, "append", full_at_the_update)
        with pytest.raises(DiskFull):
            sync.import_receipt(district, receipt)
    assert reference_updates.current(district.store) is None
    assert SyncStore(district.store).last_receipt() is None
    assert any("84-month maximum" in m for m in _long_sentence_problems(district))

    result = sync.import_receipt(district, receipt)
    assert result.status == "imported"
    assert result.reference is not None and result.reference.installed
    assert reference_updates.current(district.store) is not None
    assert _long_sentence_problems(district) == []


def _sentenced(offence: dt.date, months: int, section: str = "3(1)") -> Any:
    return svc_case(
        offence_on=offence,
        sections=[section],
        accused=[svc_accused(section=section, imprisonment_months=months)],
    )


def _refusals(session: Session, case: Any) -> list[str]:
    return [p.rule for p in validate(case, session.validation_context())]


def test_the_2025_amendments_installed_at_hq_reach_a_district_by_receipt(
    svc_linked: tuple[Session, Session], tmp_path: Path
) -> None:
    """HQ installs the example amendment with the commencement date it confirms; a district
    gets it with the next receipt and judges each sentence by its offence date."""
    district, hq = svc_linked
    commencement = dt.date(2025, 2, 1)
    before = _sentenced(commencement - dt.timedelta(days=1), 96)
    after = _sentenced(commencement, 96)
    assert (
        _refusals(district, before) == _refusals(district, after) == ["sentence.max_imprisonment"]
    )
    with pytest.raises(InvalidInput, match="commencement date is not confirmed"):
        reference_updates.install_files(hq, EXAMPLE)
    assert reference_updates.waiting_for_commencement(EXAMPLE)
    assert reference_updates.current(hq.store) is None

    update = reference_updates.install_files(hq, EXAMPLE, effective_from=commencement)
    assert sorted(update.files) == ["rules/sentences.json"]
    assert pending_versions(update.files["rules/sentences.json"]) == []
    assert _refusals(hq, before) == ["sentence.max_imprisonment"]
    assert _refusals(hq, after) == []
    (entry,) = [e for e in hq.store.audit_entries() if e.action == "reference.update"]
    assert entry.detail["effective_from"] == "2025-02-01"

    from tipdesk.services import records

    records.save(district, [svc_case(case_number="FIR 1/2025")])
    result = sync.import_receipt(district, _receipt_for(hq, district, tmp_path, "r1"))
    assert result.reference is not None and result.reference.installed
    assert _refusals(district, before) == ["sentence.max_imprisonment"]
    assert _refusals(district, after) == []
    # s.3(2) against a woman or a child: 14 years from the commencement, 10 before.
    assert _refusals(district, _sentenced(commencement, 168, "3(2)")) == []
    assert _refusals(district, _sentenced(commencement, 169, "3(2)")) == [
        "sentence.max_imprisonment"
    ]
    assert _refusals(district, _sentenced(commencement - dt.timedelta(days=1), 121, "3(2)")) == [
        "sentence.max_imprisonment"
    ]


def test_a_commencement_date_needs_an_amendment_waiting_for_it(
    svc_linked: tuple[Session, Session], tmp_path: Path
) -> None:
    _district, hq = svc_linked
    folder = _folder(tmp_path, "plain", {"sentences.json": _sentences(LONGER)})
    assert reference_updates.waiting_for_commencement(folder) == []
    with pytest.raises(InvalidInput, match=r"no version of rules/sentences\.json"):
        reference_updates.install_files(hq, folder, effective_from=dt.date(2025, 2, 1))
    codes_only = _folder(
        tmp_path,
        "codes",
        {"codes.json": json.loads((resources_dir() / "reference/codes.json").read_text("utf-8"))},
    )
    with pytest.raises(InvalidInput, match="A commencement date was given"):
        reference_updates.install_files(hq, codes_only, effective_from=dt.date(2025, 2, 1))
    assert reference_updates.current(hq.store) is None


def test_hq_may_write_the_date_in_the_file_instead(
    svc_linked: tuple[Session, Session], tmp_path: Path
) -> None:
    _district, hq = svc_linked
    text = (EXAMPLE / "sentences.json").read_text(encoding="utf-8")
    edited = json.loads(text.replace('"commencement"', '"2025-03-15"'))
    reference_updates.install_files(hq, _folder(tmp_path, "edited", {"sentences.json": edited}))
    limit = hq.reference.sentence_limit("psma_2018", "3", dt.date(2025, 3, 15))
    assert limit is not None and limit.max_fine_pkr == 10_000_000
