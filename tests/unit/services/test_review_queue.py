"""The non-criminalisation review queue: ``tipdesk review list|resolve`` (in process), what
users without the reveal permission see, the dashboard's count, and reviews travelling to HQ
(where data quality lists the open ones)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from svc_support import svc_accused, svc_case
from sync_support import export, run_cli

from tipdesk.core.codes import Outcome, Stage
from tipdesk.core.permissions import UserRole
from tipdesk.core.records import Case
from tipdesk.services import data_quality, overlaps, records, sync
from tipdesk.services.dashboard import dashboard
from tipdesk.services.session import Session


def _overlap_case(**changes: Any) -> Case:
    """An accused with the victim's name and father's name (pending), and one matching
    nobody."""
    accused = svc_accused(
        name="Sana Bibi", father_name="Nazir Ahmed", cnic="", proceeded_on=None,
        outcome=Outcome.PENDING, judgment_on=None, imprisonment_months=None, fine_pkr=None,
    )  # fmt: skip
    return svc_case(stage=Stage.INVESTIGATION, accused=[accused, svc_accused()], **changes)


def test_review_list_and_resolve_on_the_command_line(
    district_session: Session,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    case = _overlap_case()
    records.save_one(district_session, case)
    capsys.readouterr()
    assert run_cli(monkeypatch, district_session, "review", "list") == 0
    text = capsys.readouterr().out
    assert "OPEN  case FIR 12/2025" in text
    assert "may be victim V-LHR-2025-001 (same name)" in text
    assert "1 open of 1 listed." in text
    short = case.accused[0].id[:8]
    assert text.startswith(short)

    code = run_cli(
        monkeypatch, district_session, "review", "resolve", short,
        "--decision", "different", "--note", "another Sana Bibi, other village", "--json",
    )  # fmt: skip
    assert code == 0
    assert json.loads(capsys.readouterr().out) == {
        "resolved": case.accused[0].id, "decision": "different", "case": "FIR 12/2025",
    }  # fmt: skip
    assert run_cli(monkeypatch, district_session, "review", "list", "--all", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["open"] == 0
    (item,) = listed["items"]
    assert (item["status"], item["decision"], item["reviewed_by"]) == (
        "reviewed", "different", "admin1",
    )  # fmt: skip
    # Nothing left to resolve: a clear message, and an exit code that says so.
    assert run_cli(
        monkeypatch, district_session, "review", "resolve", short,
        "--decision", "same", "--note", "a second look",
    ) != 0  # fmt: skip
    assert "no open overlap" in capsys.readouterr().err


def test_users_who_may_not_reveal_see_the_victim_by_code_only(
    district_session: Session, svc_user: Any
) -> None:
    officer = svc_user(district_session, "officer1", UserRole.DISTRICT_OFFICER)
    case = _overlap_case()
    second = case.accused[1]
    second.cnic = case.victims[0].cnic  # a CNIC match: the stronger sign
    second.proceeded_on, second.outcome, second.judgment_on = None, Outcome.PENDING, None
    second.imprisonment_months = second.fine_pkr = None
    records.save_one(officer, case)
    seen = overlaps.queue(officer)
    assert [[(v.code, v.sign) for v in i.open] for i in seen] == [
        [("V-LHR-2025-001", "")],
        [("V-LHR-2025-001", "")],
    ]
    assert {i.strong for i in seen} == {None}
    supervisor = overlaps.queue(district_session)
    assert supervisor[0].strong is True  # CNIC matches first for those who may see it
    assert [v.sign for v in supervisor[0].open] == ["cnic"]
    assert dashboard(officer).overlaps_open == 2


def test_reviews_travel_to_hq_and_its_data_quality_lists_the_open_ones(
    svc_linked: tuple[Session, Session], tmp_path: Path
) -> None:
    district, hq = svc_linked
    first = _overlap_case()
    second = _overlap_case(case_number="FIR 13/2025")
    second.victims[0].victim_code = "V-LHR-2025-002"
    records.save(district, [first, second])
    overlaps.resolve(district, first.accused[0].id, "same", "she recruited her cousins later")
    sync.import_bundle_bytes(hq, export(district, tmp_path / "out").read_bytes())

    at_hq = hq.store.get("case", first.id)
    assert isinstance(at_hq, Case)
    assert at_hq.accused[0].dual_role_decision == "same"
    assert at_hq.accused[0].dual_role_reviewed == at_hq.accused[0].dual_role_matches != []
    quality = data_quality.data_quality(hq)
    assert [(i.case_number, [v.code for v in i.open]) for i in quality.overlaps] == [
        ("FIR 13/2025", ["V-LHR-2025-002"])
    ]
