"""Exporting a filtered record list to XLSX: every row the list selects, in its order and
words, audited without the searched text, never a victim's identity; and "My cases"."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]
from svc_support import svc_case, svc_victim

from tipdesk.core.codes import Stage
from tipdesk.core.errors import InvalidInput
from tipdesk.core.masking import MASK
from tipdesk.services import lists, records
from tipdesk.services.list_export import ExportColumn, export_list
from tipdesk.services.session import Session
from tipdesk.store.list_queries import ListQuery


def _sheet(path: Path) -> list[list[str]]:
    book = load_workbook(path, read_only=True)
    return [[str(v or "") for v in row] for row in book.active.iter_rows(values_only=True)]


def test_the_filtered_list_goes_to_a_workbook_and_is_audited(
    district_session: Session, tmp_path: Path
) -> None:
    for i in range(5):
        records.save_one(
            district_session,
            svc_case(
                case_number=f"FIR {i}/2025",
                stage=Stage.TRIAL if i % 2 else Stage.DECIDED,
                victims=[],
            ),
        )
    query = ListQuery("case", filters=(("stage", "trial"),), sort="case_number",
                      descending=False)  # fmt: skip
    columns = [
        ExportColumn("case_number", "Case number"),
        ExportColumn("stage", "Stage", lambda v: {"trial": "Trial"}.get(v, v)),
    ]
    n = export_list(district_session, query, columns, tmp_path / "cases")
    assert n == 2
    assert _sheet(tmp_path / "cases.xlsx") == [
        ["Case number", "Stage"],
        ["FIR 1/2025", "Trial"],
        ["FIR 3/2025", "Trial"],
    ]
    assert (tmp_path / "cases.xlsx").stat().st_mode & 0o077 == 0
    entry = district_session.store.audit_entries(action="export")[-1]
    assert (entry.kind, entry.detail["rows"], entry.detail["filters"]) == (
        "case",
        2,
        {"stage": "trial"},
    )
    assert entry.detail["file"] == "cases.xlsx" and entry.detail["searched"] is False


def test_a_victims_export_never_holds_an_identity_nor_the_searched_text(
    district_session: Session, tmp_path: Path
) -> None:
    records.save_one(district_session, svc_victim(name="Sana Bibi", referrals=[]))
    query = ListQuery("victim", text="Sana")  # the admin may search identities
    columns = [
        ExportColumn("victim_code", "Victim code"),
        ExportColumn("name", "Name", lambda v: MASK if v else ""),
    ]
    assert export_list(district_session, query, columns, tmp_path / "v.xlsx") == 1
    cells = _sheet(tmp_path / "v.xlsx")
    assert cells[1] == ["V-LHR-2025-001", MASK]
    # Every string of the workbook (unzipped: an XLSX file is a zip archive).
    with zipfile.ZipFile(tmp_path / "v.xlsx") as archive:
        text = " ".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    assert "Sana" not in text and "35202" not in text
    entry = district_session.store.audit_entries(action="export")[-1]
    assert entry.detail["searched"] is True and "Sana" not in str(entry.detail)
    with pytest.raises(InvalidInput, match="is not a folder"):
        export_list(district_session, query, columns, tmp_path / "missing" / "v.xlsx")


def test_my_cases_need_the_users_name_as_investigating_officer(
    district_session: Session,
) -> None:
    assert lists.officer_name(district_session) == lists.OfficerName("", False)
    for i, officer in enumerate(("SI Zubair Sial", "SI Zubair Sial", "ASI Rubina")):
        records.save_one(
            district_session,
            svc_case(case_number=f"FIR {i}/2025", investigating_officer=officer, victims=[]),
        )
    guess = lists.officer_name(district_session)
    assert guess == lists.OfficerName("SI Zubair Sial", False)  # the most often entered
    with pytest.raises(InvalidInput):
        lists.set_officer_name(district_session, "  ")
    assert lists.set_officer_name(district_session, " si  zubair sial ").known
    assert lists.officer_name(district_session) == lists.OfficerName("si zubair sial", True)
    mine = ListQuery("case", filters=(("investigating_officer", "si zubair sial"),))
    assert lists.count(district_session, mine) == 2
    assert "settings" in [e.action for e in district_session.store.audit_entries()]
