"""Registers as district offices keep them: departments named without their province,
victims whose gender or age the register does not know, the office's own headers and layout."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from register_support import (
    HEADERS,
    campaign_row,
    case_row,
    rules,
    training_row,
    victim_row,
    write_book,
)

from tipdesk.core.errors import InvalidInput
from tipdesk.core.records import Campaign, Training, Victim
from tipdesk.resources import load_reference, read_documents, reference_from_documents
from tipdesk.services import figures
from tipdesk.services.data_quality import data_quality
from tipdesk.services.register import ImportOptions, commit_import, plan_import, write_template
from tipdesk.services.register.columns import SHEETS, HeaderMap
from tipdesk.services.session import Session


def _campaigns(session: Session) -> dict[str, str]:
    """district -> department of the stored campaigns."""
    out = {}
    for row in session.store.page("campaign"):
        record = session.store.get("campaign", row.id)
        assert isinstance(record, Campaign)
        out[record.district] = record.department
    return out


# --- departments -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("district", "written", "expected", "province"),
    [
        ("Lahore", "Social Welfare Department", "punjab_social_welfare", "Punjab"),
        ("Karachi South", "social welfare dept.", "sindh_social_welfare", "Sindh"),
        ("Quetta", "Labour Department", "balochistan_labour", "Balochistan"),
        ("Peshawar", "Child Protection Bureau", "kp_child_protection", "Khyber Pakhtunkhwa"),
        ("Islamabad", "Labour Department", "ict_labour", "Islamabad Capital Territory"),
        ("Gilgit", "Social Welfare Department", "gb_social_welfare", "Gilgit-Baltistan"),
        ("Muzaffarabad", "Child Protection Bureau", "ajk_child_protection", "Azad Jammu"),
    ],
)
def test_a_department_without_its_province_is_the_districts_provinces(
    hq_session: Session, tmp_path: Path, district: str, written: str, expected: str, province: str
) -> None:
    book = write_book(
        tmp_path / "c.xlsx",
        {"Campaigns": [campaign_row(district=district, department=written)] * 2},
    )
    plan = plan_import(hq_session, book)
    assert plan.ok, [str(p) for p in plan.errors]
    [resolved] = plan.resolutions
    assert (resolved.written, resolved.code, resolved.rows) == (written, expected, 2)
    assert resolved.province.startswith(province)
    assert plan.to_json()["resolved"][0]["code"] == expected
    commit_import(hq_session, plan)
    assert set(_campaigns(hq_session).values()) == {expected}


def test_a_departments_full_name_or_code_needs_no_resolution(
    hq_session: Session, tmp_path: Path
) -> None:
    """A full name is taken as written, whatever the district (HQ backfills any register)."""
    book = write_book(
        tmp_path / "c.xlsx",
        {
            "Campaigns": [
                campaign_row(district="Quetta", department="Labour Department, Punjab"),
                campaign_row(district="Lahore", department="sindh_labour"),
            ]
        },
    )
    plan = plan_import(hq_session, book)
    assert plan.ok and not plan.resolutions and not plan.warnings


def test_a_department_no_province_of_the_row_has_is_refused_at_its_cell(
    hq_session: Session, tmp_path: Path
) -> None:
    """A name shared by several provinces cannot be resolved without the row's district;
    an unknown name is refused with the list to choose from; the other rows are fine."""
    book = write_book(
        tmp_path / "c.xlsx",
        {
            "Campaigns": [
                campaign_row(district="", department="Social Welfare Department"),
                campaign_row(district="Lahore", department="Welfare Office"),
                campaign_row(district="Lahore", department="Labour Department"),
            ]
        },
    )
    plan = plan_import(hq_session, book)
    by_row = {p.row: p for p in plan.errors if p.column == "department"}
    assert sorted(by_row) == [2, 3]
    assert "several provinces" in by_row[2].expected
    assert "Social Welfare Department, Punjab" in by_row[2].expected
    assert "department" in by_row[3].expected
    assert "value.department" in rules(plan)
    assert plan.rows_valid == 1
    commit_import(hq_session, plan, valid_only=True)
    assert _campaigns(hq_session) == {"PB-LHR": "punjab_labour"}


def test_a_departments_own_alias_elsewhere_is_kept_and_flagged(
    hq_session: Session, tmp_path: Path
) -> None:
    """'CPWB' names Punjab's bureau only: kept in a Karachi row, with a warning to check."""
    book = write_book(
        tmp_path / "c.xlsx",
        {
            "Campaigns": [
                campaign_row(district="Lahore", department="CPWB"),
                campaign_row(district="Karachi South", department="CPWB"),
            ]
        },
    )
    plan = plan_import(hq_session, book)
    assert plan.ok
    assert {r.code for r in plan.resolutions} == {"punjab_child_protection"}
    [warning] = plan.warnings
    assert (warning.row, warning.rule) == (3, "department.province")
    assert "Karachi South is in Sindh" in warning.expected


def test_the_dry_run_lists_the_resolutions(district_session: Session, tmp_path: Path) -> None:
    from tipdesk.cli.register_cmd import plan_text

    book = write_book(
        tmp_path / "c.xlsx",
        {"Campaigns": [campaign_row(department="Social Welfare Department")]},
    )
    text = plan_text(plan_import(district_session, book))
    assert "without their province" in text
    assert "'Social Welfare Department' in Punjab -> Social Welfare Department, Punjab" in text


# --- victims whose gender or age the register does not know ------------------------------------
def test_victims_of_unknown_gender_or_age_are_imported_and_counted(
    district_session: Session, tmp_path: Path
) -> None:
    victims = [
        victim_row(code="V-1", gender="unknown", age="unknown"),
        victim_row(code="V-2", gender="", age=None),
        victim_row(code="V-3", gender="Not known", age="25 years"),
        victim_row(code="V-4", gender="Girl", age="N/A"),
        victim_row(code="V-5", gender="Khawaja Sira", age=30),
    ]
    book = write_book(tmp_path / "v.xlsx", {"Cases": [case_row()], "Victims": victims})
    plan = plan_import(district_session, book)
    assert plan.ok, [str(p) for p in plan.errors]
    [note] = plan.warnings
    assert (note.sheet, note.row, note.rule) == ("Victims", None, "victim.unknown")
    assert note.expected.startswith("3 victims' gender and 3 victims' age not known")
    commit_import(district_session, plan)
    stats = figures.stats(district_session, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert stats.victims_identified == 5, "no victim left out of the count"
    assert stats.victims_by_gender == {"unknown": 3, "female": 1, "transgender": 1}
    assert stats.victims_by_age_group["unknown"] == 3
    assert stats.victims_by_age_group["adult"] == 2
    quality = data_quality(district_session)
    listed = {v.code: (v.gender_unknown, v.age_unknown) for v in quality.unknown_victims}
    assert listed == {
        "V-1": (True, True),
        "V-2": (True, True),
        "V-3": (True, False),
        "V-4": (False, True),
    }


def test_a_register_that_does_not_know_a_gender_never_erases_a_known_one(
    district_session: Session, tmp_path: Path
) -> None:
    first = write_book(tmp_path / "1.xlsx", {"Cases": [case_row()], "Victims": [victim_row()]})
    commit_import(district_session, plan_import(district_session, first))
    again = write_book(
        tmp_path / "2.xlsx",
        {"Victims": [victim_row(gender="unknown", age="unknown")]},
    )
    plan = plan_import(district_session, again)
    assert plan.ok and plan.counts()["victim"]["unchanged"] == 1


def test_a_victims_sheet_without_a_gender_column_is_imported(
    district_session: Session, tmp_path: Path
) -> None:
    columns = [c for c in HEADERS["Victims"] if c not in ("gender", "age")]
    book = write_book(
        tmp_path / "v.xlsx",
        {"Cases": [case_row()], "Victims": [victim_row()]},
        headers={"Victims": columns},
    )
    plan = plan_import(district_session, book)
    assert plan.ok
    assert {p.rule for p in plan.warnings} == {"column.absent", "victim.unknown"}


def test_an_age_that_is_not_an_age_is_refused_at_its_cell(
    district_session: Session, tmp_path: Path
) -> None:
    book = write_book(
        tmp_path / "v.xlsx",
        {"Cases": [case_row()], "Victims": [victim_row(age="teen"), victim_row("x", "V-2")]},
    )
    plan = plan_import(district_session, book)
    [age] = [p for p in plan.errors if p.column == "age"]
    assert (age.row, age.value) == (2, "teen")
    assert "age in whole years" in age.expected


# --- the office's own headers and layout -------------------------------------------------------
def _office_book(path: Path) -> Path:
    """A Lahore register as an office keeps it: a title over two rows and a blank row, a
    serial number column, the office's own headers, a case number merged down its accused'
    rows, a header over two rows with merged group cells, a totals row."""
    wb = openpyxl.Workbook()
    cases = wb.active
    cases.title = "FIRs"
    cases.append(["Anti Human Trafficking Circle, Lahore"])
    cases.append(["Register of FIRs, 2025"])
    cases.merge_cells("A1:F1")
    cases.append([])
    cases.append(["S. No.", "FIR No.", "Date of Registration", "District", "Status", "Remarks"])
    cases.append([1, "FIR 1/2025", dt.date(2025, 3, 1), "Lahore", "challan", "kiln"])
    cases.append([])
    cases.append([2, "FIR 2/2025", "02/03/2025", "Lahore", "registered", ""])
    accused = wb.create_sheet("Accused")
    accused.append(["Sr #", "FIR No.", "Name of Accused", "Father Name", "Sex", "CNIC No."])
    accused.append([1, "FIR 1/2025", "Akram Khan", "Bashir", "M", "35202-1234567-1"])
    accused.append([2, None, "Nadeem Iqbal", "Iqbal", "Male", "35202-7654321-1"])
    accused.append([3, "FIR 2/2025", "Shahid Ali", "Ali", "m", ""])
    accused.merge_cells("B2:B3")
    training = wb.create_sheet("Training")
    training.append(["S.No", "Title of Training", "District", "Organised By", "Dates", None,
                     "Participants", None, None, None])  # fmt: skip
    training.append([None, None, None, None, "From", "To", "Female", "Male", "Transgender",
                     "Total"])  # fmt: skip
    training.merge_cells("E1:F1")
    training.merge_cells("G1:J1")
    for col in "ABCD":
        training.merge_cells(f"{col}1:{col}2")
    training.append([1, "Victim identification", "Lahore", "FIA", dt.date(2025, 4, 2),
                     dt.date(2025, 4, 3), 5, 10, 1, 16])  # fmt: skip
    training.append([2, "Investigation of TIP cases", "Lahore", "Punjab Police",
                     dt.date(2025, 5, 6), dt.date(2025, 5, 6), 3, 12, 0, 15])  # fmt: skip
    training.append(["Total", None, None, None, None, None, 8, 22, 1, 31])
    training.merge_cells("A5:F5")
    wb.save(path)
    return path


def test_a_register_in_the_offices_own_layout_is_read(
    district_session: Session, tmp_path: Path
) -> None:
    plan = plan_import(district_session, _office_book(tmp_path / "office.xlsx"))
    assert plan.ok, [str(p) for p in plan.errors]
    sheets = {s.target: s for s in plan.sheets}
    assert sheets["Cases"].header_row == 4 and sheets["Training"].header_row == 2
    assert ("FIR No.", "case_number") in sheets["Cases"].columns
    assert ("Date of Registration", "registered_on") in sheets["Cases"].columns
    assert ("Sex", "gender") in sheets["Accused"].columns
    assert ("CNIC No.", "cnic") in sheets["Accused"].columns
    assert ("Participants Female", "participants_female") in sheets["Training"].columns
    assert ("From", "start_on") in sheets["Training"].columns
    warned = {p.rule for p in plan.warnings}
    assert {"row.totals", "cell.merged.filled"} <= warned
    # The serial numbers are read as nothing, without a warning; Remarks is not a column.
    assert [p.column for p in plan.warnings if p.rule == "column.unknown"] == ["Remarks"]
    assert (sheets["Cases"].ignored, sheets["Cases"].silent) == (["Remarks"], ["S. No."])
    commit_import(district_session, plan)
    assert district_session.store.count("case") == 2
    stats = figures.stats(district_session, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert stats.training_sessions == 2 and stats.persons_trained == 31, "totals row left out"
    cases = {
        r.case_number: district_session.store.get("case", r.id)
        for r in district_session.store.page("case")
    }
    names = {a.name for a in cases["FIR 1/2025"].accused}  # type: ignore[union-attr]
    assert names == {"Akram Khan", "Nadeem Iqbal"}, "the merged case number holds for both"


def test_a_header_nobody_knows_is_mapped_by_the_user(
    district_session: Session, tmp_path: Path
) -> None:
    """Today's FIR register of an office with a header of its own: 'Reg. No.' is mapped
    to case_number, 'Complainant' to nothing; without the map the sheet lacks case_number."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Cases"
    ws.append(["Reg. No.", "Date of Registration", "District", "Complainant"])
    ws.append(["FIR 9/2025", dt.date(2025, 3, 1), "Lahore", "(a name)"])
    path = tmp_path / "own.xlsx"
    wb.save(path)
    unmapped = plan_import(district_session, path)
    assert "column.missing" in rules(unmapped)
    options = ImportOptions(column_map={"Reg. No.": "case_number", "complainant": "-"})
    plan = plan_import(district_session, path, options)
    assert plan.ok and "column.unknown" not in {p.rule for p in plan.warnings}
    assert (plan.sheets[0].ignored, plan.sheets[0].silent) == ([], ["Complainant"])
    assert plan.sheets[0].columns[0] == ("Reg. No.", "case_number")
    with pytest.raises(InvalidInput, match="'fir_number', which is no column"):
        plan_import(district_session, path, ImportOptions(column_map={"Reg": "FIR Number"}))


def test_hq_extends_the_headers_with_a_reference_update(
    district_session: Session, tmp_path: Path
) -> None:
    """A header the shipped lists lack is known once the reference data names it."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Cases"
    ws.append(["Parcha No.", "Date of Registration", "District"])
    ws.append(["FIR 9/2025", dt.date(2025, 3, 1), "Lahore"])
    path = tmp_path / "parcha.xlsx"
    wb.save(path)
    assert "column.missing" in rules(plan_import(district_session, path))
    documents = read_documents()
    documents["codes"]["register_headers"]["Cases"]["case_number"] = ["Parcha No."]
    district_session.reference = reference_from_documents(documents, origin="test")
    assert plan_import(district_session, path).ok


def test_the_column_map_of_the_command_line() -> None:
    from tipdesk.cli.register_cmd import _column_map

    assert _column_map(["FIR No. (Year)=case_number", "A=B=-"]) == {
        "FIR No. (Year)": "case_number",
        "A=B": "-",
    }
    with pytest.raises(InvalidInput, match="HEADER=column"):
        _column_map(["case_number"])


def test_every_shipped_header_names_the_column_it_is_listed_for() -> None:
    """No header of the reference lists is shadowed by another column's name or header, and
    every column they name exists (a typo there would silently name nothing)."""
    ref = load_reference()
    headers = HeaderMap(ref.register_headers, ref.register_ignored_headers)
    for scope, columns in ref.register_headers.items():
        specs = [s for s in SHEETS if scope in ("*", s.name)]
        assert specs, scope
        for name, written in columns.items():
            having = [s for s in specs if s.column_for_field(name) or s.column(name)]
            assert having, (scope, name)
            for spec in having:
                for header in written:
                    found = headers.column(spec, header)
                    assert found is not None and found.name == name, (spec.name, header)
    for header in ref.register_ignored_headers:
        assert all(headers.names_nothing(s, header) for s in SHEETS), header


# --- the template's new columns ------------------------------------------------------------------
def test_the_template_has_the_victims_and_trainings_new_columns(tmp_path: Path) -> None:
    out = write_template(tmp_path / "t.xlsx", load_reference()) or tmp_path / "t.xlsx"
    wb = openpyxl.load_workbook(out)
    victims = [c.value for c in wb["Victims"][1]]
    assert {"cnic", "consent_to_share", "protection_measures"} <= set(victims)
    assert "participants_by_agency" in [c.value for c in wb["Training"][1]]


def test_victims_consent_cnic_and_protection_and_trainees_by_agency_are_imported(
    district_session: Session, tmp_path: Path
) -> None:
    book = write_book(
        tmp_path / "new.xlsx",
        {
            "Cases": [case_row()],
            "Victims": [
                victim_row(
                    cnic="35202-1111111-2",
                    consent_to_share="yes",
                    protection_measures="Witness protection; shelter",
                )
            ],
            "Training": [
                training_row(participants_by_agency="FIA: 5; Punjab Police: 15; ngo=5"),
                training_row(title="Wrong sum", participants_by_agency="FIA: 5"),
                training_row(title="Unknown", participants_by_agency="Rangers: 25"),
                training_row(title="Not pairs", participants_by_agency="FIA and police"),
            ],
        },
    )
    plan = plan_import(district_session, book)
    by_title = {p.row: p for p in plan.errors if p.sheet == "Training"}
    assert sorted(by_title) == [3, 4, 5]
    assert "add up to 5, but the total is 25" in by_title[3].expected
    assert "'Rangers' unknown" in by_title[4].expected
    assert "FIA: 5; Punjab Police: 10" in by_title[5].expected
    commit_import(district_session, plan, valid_only=True)
    [row] = district_session.store.page("victim")
    victim = district_session.store.get("victim", row.id)
    assert isinstance(victim, Victim)
    assert victim.cnic == "3520211111112" and victim.consent_to_share  # stored normalised
    assert sorted(victim.protection_measures) == ["shelter", "witness_protection"]
    [row] = district_session.store.page("training")
    training = district_session.store.get("training", row.id)
    assert isinstance(training, Training)
    assert training.participants_by_agency == {"fia": 5, "punjab_police": 15, "ngo": 5}
    again = plan_import(district_session, book)
    assert again.counts()["training"]["unchanged"] == 1, "matched with its agencies"
