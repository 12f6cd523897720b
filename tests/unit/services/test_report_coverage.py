"""Coverage as readers see it (issue 16): at HQ every district of the reference list is listed,
the one whose registered device never sent anything is flagged and the ones with no device are
shown as such; "stale: none" never hides that most districts sent nothing. A district install
names its own scope, never "the national report". Synthetic data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sync_support import case_for, export, link, make_district, run_cli

from tipdesk.core.clock import FixedClock
from tipdesk.core.errors import InvalidInput
from tipdesk.reports import writers
from tipdesk.reports.model import CoverageStatus, ReportParams
from tipdesk.services import records, reports, sync
from tipdesk.services.session import Session

PERIOD = ReportParams(dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def test_coverage_lists_silent_and_absent_districts(
    svc_linked: tuple[Session, Session], tmp_path: Path, svc_clock: FixedClock
) -> None:
    lahore, hq = svc_linked
    records.save(lahore, [case_for(lahore)])
    sync.import_bundle_bytes(hq, export(lahore, tmp_path / "out").read_bytes())
    multan = make_district(tmp_path / "multan", svc_clock, which=1)
    try:
        link(multan, hq, tmp_path / "files")  # registered at HQ, never sends anything
    finally:
        multan.close()
    report = reports.build_report(hq, PERIOD)
    cov = report.coverage
    by_code = {r.district: r for r in cov.rows}
    assert set(by_code) == set(hq.reference.districts)  # every district, heard from or not
    assert by_code["PB-LHR"].devices == 1 and by_code["PB-LHR"].last_bundle
    assert by_code["PB-MLT"].status is CoverageStatus.NEVER_SENT
    assert by_code["PB-MLT"].devices == 1 and by_code["PB-MLT"].stale
    assert by_code["KP-PSH"].status is CoverageStatus.NO_DEVICE
    assert by_code["KP-PSH"].devices == 0 and not by_code["KP-PSH"].stale
    total = len(hq.reference.districts)
    assert cov.included == ["PB-LHR"]
    assert cov.never_sent == ["PB-MLT"] and len(cov.no_device) == total - 2
    summary = cov.summary()
    assert summary.startswith(
        f"Data from 1 of {total} districts; {total - 2} with no device registered; "
        "1 registered but never sent data; "
    )
    # Every format carries it: the table's statuses, the JSON lists, the PDF's words.
    table = writers.coverage_table(report)
    statuses = {r["district"]: r["status"] for r in table.records()}
    assert statuses["PB-MLT"] == "Registered, never sent"
    assert statuses["KP-PSH"] == "No device registered"
    assert table.note.startswith(summary)
    data = writers.report_dict(report)["coverage"]
    assert data["never_sent_districts"] == ["PB-MLT"] and data["summary"] == summary
    assert len(data["districts"]) == total


def test_a_district_install_names_its_own_scope(
    svc_linked: tuple[Session, Session], tmp_path: Path
) -> None:
    lahore, hq = svc_linked
    records.save(lahore, [case_for(lahore)])
    report = reports.build_report(lahore, PERIOD)
    assert report.title == "TIPDesk district report"
    assert report.scope_label == "Lahore district (Punjab), this install's records"
    assert [r.district for r in report.coverage.rows] == ["PB-LHR"]  # never 170 empty rows
    assert writers.report_dict(report)["report"] == "TIPDesk district report"
    at_hq = reports.build_report(hq, PERIOD)
    assert at_hq.title == "TIPDesk national report"
    assert at_hq.scope_label == "Pakistan (all provinces and districts)"
    punjab = reports.build_report(hq, ReportParams(PERIOD.date_from, PERIOD.date_to, "Punjab"))
    assert punjab.title == "TIPDesk provincial report"
    assert {r.district[:2] for r in punjab.coverage.rows} == {"PB"}


def test_hq_coverage_command_lists_who_sent_nothing(
    svc_linked: tuple[Session, Session],
    tmp_path: Path,
    svc_clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    lahore, hq = svc_linked
    multan = make_district(tmp_path / "multan", svc_clock, which=1)
    try:
        link(multan, hq, tmp_path / "files")
    finally:
        multan.close()
    records.save(lahore, [case_for(lahore)])
    sync.import_bundle_bytes(hq, export(lahore, tmp_path / "out").read_bytes())
    # The command reads the computer's clock: a long stale period keeps Lahore up to date.
    assert run_cli(monkeypatch, hq, "hq", "coverage", "--stale-days", "100000") == 0
    out = capsys.readouterr().out.splitlines()
    total = len(hq.reference.districts)
    assert out[0].startswith(f"Data from 1 of {total} districts")
    listed = {line.split()[0]: line for line in out[1:3]}
    assert "Up to date" in listed["PB-LHR"] and "devices 1" in listed["PB-LHR"]
    assert "Registered, never sent" in listed["PB-MLT"]
    assert out[-1] == f"({total - 2} districts with no device not listed: --all)"
    assert run_cli(monkeypatch, hq, "hq", "coverage", "--all", "--json") == 0
    import json

    data = json.loads(capsys.readouterr().out)
    assert len(data["districts"]) == total
    with pytest.raises(InvalidInput, match="at least 1 day"):
        reports.district_coverage(hq, 0)
    with pytest.raises(InvalidInput, match="HQ's view"):
        reports.district_coverage(lahore)
