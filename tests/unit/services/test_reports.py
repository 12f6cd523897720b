"""The reports services: the audit entry of an export names format and filters only; linked
cases and data quality over the known-totals data set."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reports"))  # the shared fixture
from rep_fixture import LINKED_CNIC, fill
from svc_support import SVC_DISTRICT_CODE, svc_case

from tipdesk.reports.model import ReportParams
from tipdesk.services import data_quality, records, reports
from tipdesk.services.session import Session

PARAMS = ReportParams(dt.date(2025, 1, 1), dt.date(2025, 12, 31), province="Punjab")


def test_export_writes_the_file_and_audits_without_figures(
    hq_session: Session, tmp_path: Path
) -> None:
    fill(hq_session.store)
    steps: list[str] = []
    dest = reports.export_report(hq_session, PARAMS, "json", tmp_path / "r.json",
                                 progress=lambda d, t, s: steps.append(s))  # fmt: skip
    data = json.loads(dest.read_text(encoding="utf-8"))
    assert data["cases_registered"] == 2 and data["filters"]["province"] == "Punjab"
    assert steps[0] == "cases" and steps[-1] == "done"
    entry = hq_session.store.audit_entries(action="export")[-1]
    assert entry.kind == "report"
    assert entry.detail["format"] == "json"
    assert entry.detail["filters"] == {"province": "Punjab", "district": None}
    assert "2" not in json.dumps(entry.detail.get("suppress_below"))
    assert "cases_registered" not in json.dumps(entry.detail)


def test_standard_export_is_audited(hq_session: Session, tmp_path: Path) -> None:
    fill(hq_session.store)
    dest = reports.export_standard(hq_session, "ctdc", tmp_path / "ctdc.csv")
    assert dest.read_text(encoding="utf-8-sig").startswith("yearOfRegistration,")
    entry = hq_session.store.audit_entries(action="export")[-1]
    assert (entry.kind, entry.detail["format"], entry.detail["file"]) == (
        "victims", "ctdc", "ctdc.csv",
    )  # fmt: skip


def test_linked_cases(hq_session: Session) -> None:
    fill(hq_session.store)
    found = data_quality.linked_cases(hq_session)
    assert [f.cnic for f in found] == [LINKED_CNIC]
    assert found[0].districts == ["PB-LHR", "SD-KHS"]
    assert [c.case_number for c in found[0].cases] == ["FIR 1/2025", "FIR 9/2025"]


def test_data_quality(hq_session: Session) -> None:
    fill(hq_session.store)
    q = data_quality.data_quality(hq_session)
    assert q.checked["case"] == 4  # the deleted case is not checked
    assert q.quarantined == []  # nothing came through sync
    # The fixture's Karachi case has an official involved and no action, but is still open:
    # allowed. Its accused have no section or sentence rules broken... the victims without a
    # recorded form are allowed too. What fails is named by rule.
    rules = {p.rule for f in q.failing for p in f.problems}
    assert "unknown_field" not in rules
    # Every record changed on 2026-01-20; the test clock is 2026-06-01: all three are quiet.
    assert [d for d, _ in q.quiet_districts] == ["PB-FSD", "PB-LHR", "SD-KHS"]


def test_a_district_install_counts_itself_heard_of_by_its_own_records(
    district_session: Session,
) -> None:
    """A district install sends bundles, never receives them: its report's coverage and its
    quiet districts go by record changes, so its own district is not 'not heard of'."""
    records.save(district_session, [svc_case()])  # changed today (the test clock)
    today = district_session.now()[:10]
    params = ReportParams(dt.date(2025, 6, 1), dt.date.fromisoformat(today))
    coverage = reports.build_report(district_session, params).coverage
    assert coverage.source == "records"
    assert [(r.district, r.stale) for r in coverage.rows] == [(SVC_DISTRICT_CODE, False)]
    assert data_quality.data_quality(district_session).quiet_districts == []


def test_hq_counts_a_district_heard_of_by_its_bundles_only(hq_session: Session) -> None:
    fill(hq_session.store)  # records, but no bundle from any district
    params = ReportParams(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    coverage = reports.build_report(hq_session, params).coverage
    assert coverage.source == "bundles"
    with_records = [r for r in coverage.rows if r.last_update]
    assert with_records and all(r.stale and r.last_bundle is None for r in with_records)
    assert sorted(coverage.stale) == sorted(r.district for r in with_records)
    # Every other district of the reference list is listed too: no device, nothing received.
    others = [r for r in coverage.rows if not r.last_update]
    assert len(others) == len(hq_session.reference.districts) - len(with_records)
    assert all(r.status.value == "no_device" and not r.stale for r in others)
