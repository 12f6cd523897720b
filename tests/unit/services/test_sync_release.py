"""HQ's re-check of the quarantine (issue 16): a new police station's case waits in quarantine
until HQ adds the office, then goes into the register by itself, audited, without the
district saving it again; the manual re-check releases nothing that still fails. And the
report at HQ says what quarantine keeps out of its figures, per district. HQ's side runs on
both engines (``hq_linked``: the install's SQLCipher store, or PostgreSQL). Synthetic data."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hq_engines import view
from sync_support import case_for, export, run_cli

from tipdesk.core.clock import FixedClock
from tipdesk.core.errors import NotFound
from tipdesk.core.records import Case
from tipdesk.paths import resources_dir
from tipdesk.reports import writers
from tipdesk.reports.model import ReportParams
from tipdesk.services import install_settings, records, reports, sync
from tipdesk.services.session import Session

NEW_STATION = "Police Station Model Town"
PERIOD = ReportParams(dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def _new_station_case(district: Session, hq: Session, out: Path) -> Case:
    """The district opens a police station HQ does not know and registers a case there; HQ
    imports it: the case (with its accused, victim and referral) is quarantined."""
    station = install_settings.add_office(district, NEW_STATION, "Lahore", "police_station")
    case = case_for(district, office=station.code)
    records.save(district, [case])
    result = sync.import_bundle_bytes(hq, export(district, out).read_bytes())
    rules = {p["rule"] for q in result.quarantined for p in q["problems"]}
    assert rules == {"reference.office"}
    assert {q["kind"] for q in result.quarantined} == {"case", "accused", "victim", "referral"}
    with pytest.raises(NotFound):
        view(hq).get("case", case.id)
    return case


def test_adding_the_office_at_hq_releases_its_quarantined_cases(
    hq_linked: tuple[Session, Session], tmp_path: Path
) -> None:
    district, hq = hq_linked
    case = _new_station_case(district, hq, tmp_path / "out")
    install_settings.add_office(hq, NEW_STATION, "Lahore", "police_station")
    at_hq = view(hq)
    held = at_hq.get("case", case.id)
    assert isinstance(held, Case)
    assert held.office == case.office and len(held.accused) == 1 and len(held.victims) == 1
    assert at_hq.open_quarantine() == 0
    accepted = at_hq.raw("SELECT kind FROM sync_quarantine WHERE status = 'accepted'")
    assert {str(k[0]) for k in accepted} == {"case", "accused", "victim", "referral"}
    # Audited as an import of the district's unit (in the chain of the engine keeping the
    # records), saying what released it, and one summary (counts only: in the HQ install's
    # audit log on either engine).
    (created,) = at_hq.raw(
        "SELECT detail FROM audit WHERE action = 'sync.create' AND record_id = ?", (case.id,)
    )
    assert json.loads(str(created[0]))["released"] == "office.add"
    (summary,) = hq.store.query(
        "SELECT detail FROM audit WHERE action = 'sync.quarantine.recheck' ORDER BY seq"
    )
    recheck = json.loads(str(summary[0]))
    assert recheck["trigger"] == "office.add" and recheck["still_held"] == 0
    assert recheck["released"] == {"PB-LHR": {"accused": 1, "case": 1, "referral": 1, "victim": 1}}
    # The district never saved the case again: HQ holds the version it sent.
    assert held.version == case.version


def test_the_manual_recheck_releases_only_what_passes(
    hq_linked: tuple[Session, Session],
    tmp_path: Path,
    svc_clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    district, hq = hq_linked
    waiting = _new_station_case(district, hq, tmp_path / "out")
    # A second case HQ must refuse whatever its lists say: a sentence over the maximum.
    bad = case_for(district)
    bad.accused[0].imprisonment_months = 96
    district.store.save([bad], district.actor())
    svc_clock.advance(60)
    sync.import_bundle_bytes(hq, export(district, tmp_path / "out").read_bytes())
    before = view(hq).open_quarantine()
    nothing = sync.recheck_quarantine(hq)
    assert nothing.total == 0 and nothing.still_held == before == 8
    assert "No quarantined record passes" in nothing.summary()
    # HQ adds the office by hand in the store (as an older TIPDesk would have): only the
    # manual re-check takes the waiting case up.
    from tipdesk.store.store import OfficeRow

    code = waiting.office
    hq.store.add_office(OfficeRow(code, NEW_STATION, "PB-LHR", "police_station"), hq.actor())
    assert run_cli(monkeypatch, hq, "hq", "recheck") == 0
    printed = capsys.readouterr().out
    assert "Released from quarantine and added to the register: 4 records" in printed
    assert "Lahore 4 (1 accused, 1 case, 1 referral, 1 victim)" in printed
    assert "4 quarantine entries still held" in printed
    assert view(hq).get("case", waiting.id).id == waiting.id
    with pytest.raises(NotFound):
        view(hq).get("case", bad.id)
    problems = view(hq).raw("SELECT problems FROM sync_quarantine WHERE status = 'open'")
    rules = {p["rule"] for (q,) in problems for p in json.loads(str(q))}
    assert "sentence.max_imprisonment" in rules
    # Needs HQ: a district has nothing to re-check.
    with pytest.raises(Exception, match="HQ"):
        sync.recheck_quarantine(district)


def test_a_reference_update_bringing_a_code_releases_the_case_and_says_so(
    hq_linked: tuple[Session, Session],
    tmp_path: Path,
    svc_clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    district, hq = hq_linked
    # A district with a newer code list than HQ's (written as its store holds it): HQ
    # quarantines the case for the code it does not know.
    case = case_for(district)
    case.exploitation_forms = ["organ_removal_synthetic"]
    district.store.save([case], district.actor())
    svc_clock.advance(60)
    sync.import_bundle_bytes(hq, export(district, tmp_path / "out").read_bytes())
    with pytest.raises(NotFound):
        view(hq).get("case", case.id)
    held = view(hq).open_quarantine()
    assert held >= 1
    # HQ's legal branch installs the code list that has it.
    doc = json.loads((resources_dir() / "reference" / "codes.json").read_text("utf-8"))
    doc["exploitation_forms"].append(
        {"code": "organ_removal_synthetic", "name": "Organ removal (synthetic)"}
    )
    folder = tmp_path / "update"
    folder.mkdir()
    (folder / "codes.json").write_text(json.dumps(doc), encoding="utf-8")
    assert run_cli(monkeypatch, hq, "reference", "install", str(folder), "--json") == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["released"]["total"] == held
    assert printed["released"]["still_held"] == 0
    assert set(printed["released"]["by_district"]) == {"PB-LHR"}
    assert view(hq).get("case", case.id).id == case.id
    # A second update releases nothing more and says nothing of it.
    (folder / "codes.json").write_text(json.dumps(doc | {"_comment": "again"}), "utf-8")
    assert run_cli(monkeypatch, hq, "reference", "install", str(folder)) == 0
    text = capsys.readouterr().out
    assert "Reference update 2 installed" in text and "quarantine" not in text


def test_the_report_says_what_quarantine_keeps_out_of_its_figures(
    hq_linked: tuple[Session, Session], tmp_path: Path
) -> None:
    district, hq = hq_linked
    _new_station_case(district, hq, tmp_path / "out")
    report = reports.build_report(hq, PERIOD)
    (lahore,) = report.coverage.quarantine
    assert (lahore.district, lahore.district_name) == ("PB-LHR", "Lahore")
    assert lahore.by_kind == {"accused": 1, "case": 1, "referral": 1, "victim": 1}
    note = writers.quarantine_note(report)
    assert note.startswith("Not in these figures: 4 records received from the districts")
    assert "(1 case, 1 accused, 1 victim, 1 referral)" in note and "Lahore (4)" in note
    data = writers.report_dict(report)
    assert data["quarantine"]["records"] == 4
    assert data["quarantine"]["districts"][0]["by_kind"]["case"] == 1
    table = writers.quarantine_table(report)
    assert table is not None
    assert table.records(total=False)[0]["district_name"] == "Lahore"
    assert "quarantine" in [t.key for t in writers.published_tables(report)]
    # Once released, the note goes and the case counts.
    install_settings.add_office(hq, NEW_STATION, "Lahore", "police_station")
    after = reports.build_report(hq, PERIOD)
    assert after.coverage.quarantine == [] and writers.quarantine_table(after) is None
    assert writers.report_dict(after)["quarantine"]["records"] == 0
