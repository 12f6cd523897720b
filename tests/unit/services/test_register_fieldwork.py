"""Registers as district offices keep them: departments named without their province,
victims whose gender or age the register does not know, the office's own headers and layout."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from register_support import HEADERS, campaign_row, case_row, rules, victim_row, write_book

from tipdesk.core.records import Campaign
from tipdesk.services import figures
from tipdesk.services.data_quality import data_quality
from tipdesk.services.register import commit_import, plan_import
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
