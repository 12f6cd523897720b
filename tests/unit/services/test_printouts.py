"""Printouts: the case summary, the referral letter and the cause list show the right fields
(text extracted with pdftotext); a victim's name is absent unless revealed for the printout,
and revealing needs the permission and a reason and is audited; files are private; HQ's
templates and the letterhead from Settings are used."""

from __future__ import annotations

import copy
import datetime as dt
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from svc_support import SVC_OTHER_PASSPHRASE, svc_accused, svc_case, svc_victim

from tipdesk.core.codes import HearingPurpose, Outcome, Stage
from tipdesk.core.errors import InvalidInput, PermissionDenied
from tipdesk.core.permissions import UserRole
from tipdesk.core.records import Case, Hearing, Referral
from tipdesk.core.reference import Reference
from tipdesk.paths import Paths
from tipdesk.resources import read_documents
from tipdesk.services import diary, letterhead, printouts, records, users
from tipdesk.services import session as session_service
from tipdesk.services.session import Session

pytestmark = pytest.mark.skipif(
    not shutil.which("pdftotext"), reason="poppler-utils is not installed (make sysdeps)"
)

VICTIM_NAME = "Sana Bibi"
FATHER = "Nazir Ahmed"


def _text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(data)
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return " ".join(done.stdout.decode("utf-8").split())


def _case(session: Session) -> Case:
    accused = svc_accused(proceeded_on=None, outcome=Outcome.PENDING, judgment_on=None,
                          imprisonment_months=None, fine_pkr=None)  # fmt: skip
    victim = svc_victim(
        name=VICTIM_NAME,
        father_name=FATHER,
        identified_on=dt.date(2026, 5, 12),
        referrals=[Referral(service="shelter", provider="Dar-ul-Aman Lahore",
                            referred_on=dt.date(2026, 5, 13))],
    )  # fmt: skip
    case = svc_case(stage=Stage.INVESTIGATION, registered_on=dt.date(2026, 5, 10),
                    investigating_officer="Inspector Ayesha Khan", accused=[accused],
                    victims=[victim])  # fmt: skip
    records.save(session, [case])
    hearing = Hearing(case_id=case.id, accused_id=case.accused[0].id,
                      hearing_on=dt.date(2026, 5, 12), court="Judicial Magistrate Section 30",
                      purpose=HearingPurpose.REMAND)  # fmt: skip
    diary.save_hearing(session, hearing)
    diary.record_outcome(session, hearing.id, version=None, proceedings="Remand of 4 days.",
                         next_on=dt.date(2026, 6, 3))  # fmt: skip
    return case


def _officer(session: Session, home: Paths) -> Session:
    users.add_user(session, "clerk", UserRole.DISTRICT_OFFICER, SVC_OTHER_PASSPHRASE)
    return session_service.sign_in(
        home, user="clerk", passphrase=SVC_OTHER_PASSPHRASE, clock=session.clock
    )


def _audit(session: Session) -> list[tuple[str, str, dict[str, Any]]]:
    return [(e.action, e.record_id, e.detail) for e in session.store.audit_entries(limit=100_000)]


def test_the_case_summary_shows_the_case_and_withholds_victims(
    district_session: Session, tmp_path: Path
) -> None:
    case = _case(district_session)
    letterhead.save(
        district_session,
        letterhead.LetterheadFields(address="Plot 5, G-9/4", phone="042-99201234",
                                    officer_name="Ayesha Khan", officer_designation="Inspector"),
    )  # fmt: skip
    out = printouts.case_summary(district_session, case.id)
    text = _text(out.data, tmp_path)
    for expected in (
        "FIA Anti-Human Trafficking Circle, Lahore",  # the office, from the install
        "Plot 5, G-9/4", "Tel: 042-99201234",  # the letterhead from Settings
        "CASE SUMMARY: FIR 12/2025", "Dated: 1 June 2026", "10 May 2026",
        "Inspector Ayesha Khan", "Akram Khan", "s/o Gul Khan", "Recruiter",
        "Judicial Magistrate Section 30", "Remand of 4 days.", "3 June 2026",
        "V-LHR-2025-001", "Dar-ul-Aman Lahore", "(withheld)", "Page 1 of",
        "Printed by admin1", "CONFIDENTIAL",
    ):  # fmt: skip
        assert expected in text, expected
    assert VICTIM_NAME not in text and FATHER not in text
    assert out.file_name == "case-summary-FIR-12-2025.pdf"
    action, record_id, detail = _audit(district_session)[-1]
    assert (action, record_id, detail) == (
        "print", case.id, {"document": "case_summary", "revealed": False}
    )  # fmt: skip


def test_revealing_victims_for_a_summary_needs_the_permission_and_a_reason(
    district_session: Session, svc_paths: Paths, tmp_path: Path
) -> None:
    case = _case(district_session)
    victim_id = case.victims[0].id
    clerk = _officer(district_session, svc_paths)
    try:
        with pytest.raises(PermissionDenied):
            printouts.case_summary(clerk, case.id, reveal_reason="The court asked for it")
    finally:
        clerk.close()
    with pytest.raises(InvalidInput, match="reason"):
        printouts.case_summary(district_session, case.id, reveal_reason="  ")
    assert not [a for a in _audit(district_session) if a[0] == "reveal"]

    out = printouts.case_summary(district_session, case.id, reveal_reason="Court asked for it")
    text = _text(out.data, tmp_path)
    assert VICTIM_NAME in text and FATHER in text and "(withheld)" not in text
    reveals = [a for a in _audit(district_session) if a[0] == "reveal"]
    assert reveals == [("reveal", victim_id, {"reason": "Court asked for it"})]
    assert _audit(district_session)[-1][2] == {"document": "case_summary", "revealed": True}


def test_the_referral_letter_follows_the_service_template(
    district_session: Session, tmp_path: Path
) -> None:
    case = _case(district_session)
    victim_id = case.victims[0].id
    shelter = _text(printouts.referral_letter(district_session, victim_id, "shelter").data,
                    tmp_path)  # fmt: skip
    for expected in ("REFERRAL FOR SHELTER", "The Manager", "Dar-ul-Aman Lahore",
                     "Subject: Referral of a victim of human trafficking for safe shelter",
                     "V-LHR-2025-001", "FIR 12/2025", "Female", "No. FIA-AHTC-LHR/"):  # fmt: skip
        assert expected in shelter, expected
    assert VICTIM_NAME not in shelter and "____" in shelter
    # By the service's name too; a service without its own template gets the default letter.
    other = _text(
        printouts.referral_letter(district_session, victim_id, "Psychosocial support").data,
        tmp_path,
    )
    assert "REFERRAL LETTER" in other and "for psychosocial support" in other
    revealed = printouts.referral_letter(
        district_session, victim_id, "return_repatriation", reveal_reason="IOM needs the name"
    )
    text = _text(revealed.data, tmp_path)
    assert "International Organization for Migration (IOM)" in text and VICTIM_NAME in text
    assert _audit(district_session)[-1] == (
        "print", victim_id,
        {"document": "referral_letter", "service": "return_repatriation", "revealed": True},
    )  # fmt: skip
    with pytest.raises(InvalidInput, match="not a referral service"):
        printouts.referral_letter(district_session, victim_id, "spa treatment")


def test_hq_amends_the_letters(district_session: Session, tmp_path: Path) -> None:
    case = _case(district_session)
    docs = copy.deepcopy(read_documents())
    shelter = docs["letters"]["referral_letters"]["shelter"]
    shelter["subject"] = "Shelter for {victim_code} by order of HQ"
    district_session.reference = Reference(**docs)
    out = printouts.referral_letter(district_session, case.victims[0].id, "shelter")
    assert "Shelter for V-LHR-2025-001 by order of HQ" in _text(out.data, tmp_path)


def test_the_cause_list_prints_the_week_by_court(district_session: Session, tmp_path: Path) -> None:
    _case(district_session)
    out = printouts.cause_list(district_session, dt.date(2026, 6, 1))
    text = _text(out.data, tmp_path)
    for expected in ("CAUSE LIST", "Hearings from 1 June 2026 to 7 June 2026",
                     "Judicial Magistrate Section 30 (1)", "Wed 3 Jun", "FIR 12/2025",
                     "Akram Khan", "Remand / production of accused"):  # fmt: skip
        assert expected in text, expected
    empty = _text(printouts.cause_list(district_session, dt.date(2026, 7, 6)).data, tmp_path)
    assert "No hearings are recorded for this week." in empty


def test_a_printout_is_written_atomically_and_privately(tmp_path: Path) -> None:
    target = tmp_path / "summary.pdf"
    target.write_bytes(b"old")
    target.chmod(0o644)
    printouts.save_pdf(target, b"%PDF-1.4 new")
    assert target.read_bytes() == b"%PDF-1.4 new"
    assert target.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summary.pdf"]


def test_the_letterhead_refuses_a_field_too_long(district_session: Session) -> None:
    before = letterhead.stored(district_session)
    with pytest.raises(InvalidInput, match="at most 60"):
        letterhead.save(district_session, letterhead.LetterheadFields(phone="1" * 61))
    assert letterhead.stored(district_session) == before
    saved = letterhead.save(
        district_session, letterhead.LetterheadFields(officer_name=" Ayesha\nKhan ")
    )
    assert saved.officer_name == "Ayesha Khan"
    entry = district_session.store.audit_entries(limit=100_000)[-1]
    assert (entry.action, entry.detail) == ("settings", {"keys": ["letterhead"]})
