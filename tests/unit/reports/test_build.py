"""The report's figures on the known-totals data set, figure by figure."""

from __future__ import annotations

import datetime as dt

from conftest import make_report
from rep_fixture import (
    BY_DISTRICT,
    BY_LAW_2025,
    BY_PROVINCE_CASES,
    HEADLINE_2025,
    PREVIOUS_2024,
    VICTIMS_BY_AGE,
    VICTIMS_BY_GENDER,
)

from tipdesk.core.reference import Reference
from tipdesk.reports.build import year_earlier
from tipdesk.reports.model import Cell, Report
from tipdesk.store import queries
from tipdesk.store.store import Store


def _values(cells: dict[str, Cell]) -> dict[str, object]:
    return {k: c.value for k, c in cells.items()}


def _table(report: Report, key: str, label: str) -> dict[str, dict[str, object]]:
    return {str(r[label]): r for r in report.tables[key].records()}


def test_headline_and_previous_year(rep_report: Report) -> None:
    assert _values(rep_report.headline) == HEADLINE_2025
    assert _values(rep_report.previous) == PREVIOUS_2024
    assert rep_report.period == ("2025-01-01", "2025-12-31")
    assert rep_report.previous_period == ("2024-01-01", "2024-12-31")


def test_the_headline_agrees_with_the_stats_figures(rep_store: Store, rep_report: Report) -> None:
    stats = queries.headline(rep_store, "2025-01-01", "2025-12-31")
    for key in ("cases_registered", "accused_proceeded_against", "accused_convicted",
                "victims_identified", "persons_trained", "training_sessions",
                "awareness_campaigns", "people_reached"):  # fmt: skip
        assert rep_report.headline[key].value == stats[key], key
    assert {k: v for k, v in VICTIMS_BY_GENDER.items() if v} == stats["victims_by_gender"]
    assert stats["victims_by_age_group"] == VICTIMS_BY_AGE


def test_victims_by_gender_and_age(rep_report: Report) -> None:
    """Readers' labels in the first column (Female, Child (under 18)), in code order."""
    gender = _table(rep_report, "victims_by_gender", "gender")
    labels = {"female": "Female", "male": "Male", "transgender": "Transgender",
              "unknown": "Not recorded"}  # fmt: skip
    assert {g: gender[labels[g]]["victims"] for g in VICTIMS_BY_GENDER} == VICTIMS_BY_GENDER
    assert gender["Total"]["victims"] == 4
    age = _table(rep_report, "victims_by_age_group", "age_group")
    ages = {"child": "Child (under 18)", "adult": "Adult", "unknown": "Age unknown"}
    assert {a: age[ages[a]]["victims"] for a in VICTIMS_BY_AGE} == VICTIMS_BY_AGE
    both = _table(rep_report, "victims_by_gender_and_age_group", "gender")
    assert both["Female"] == {"gender": "Female", "child": 1, "adult": 0, "unknown": 1, "total": 2}
    assert both["Transgender"]["child"] == 1
    assert both["Total"] == {"gender": "Total", "child": 2, "adult": 1, "unknown": 1, "total": 4}


def test_sdg_forms_count_every_form_of_a_victim(rep_report: Report) -> None:
    forms = _table(rep_report, "victims_by_form_gender_age", "form")
    labour = forms["Forced labour"]
    assert (labour["female_child"], labour["male_adult"], labour["total"]) == (1, 1, 2)
    assert forms["Domestic servitude"]["male_adult"] == 1
    assert forms["Forced begging"]["transgender_child"] == 1
    assert forms["Not recorded"]["female_unknown"] == 1
    # Four victims, five form entries: multi-valued forms add up to more than the victims.
    assert sum(int(r["total"]) for r in forms.values()) == 5  # type: ignore[call-overload]


def test_nationality_accused_referrals_officials(rep_report: Report) -> None:
    nat = _table(rep_report, "victims_by_nationality", "nationality")
    assert (nat["PK"]["victims"], nat["AF"]["victims"], nat["Total"]["victims"]) == (3, 1, 4)
    acc = _table(rep_report, "accused_by_gender_and_outcome", "gender")
    assert acc["Male"] == {"gender": "Male", "proceeded_against": 3, "convicted": 2,
                           "acquitted": 0, "discharged": 0}  # fmt: skip
    assert acc["Female"]["acquitted"] == 1
    assert acc["Total"]["proceeded_against"] == 4
    ref = _table(rep_report, "referrals_by_service", "service")
    assert (ref["Shelter"]["referrals"], ref["Shelter"]["provided"]) == (1, 1)
    assert (ref["Medical care"]["referrals"], ref["Medical care"]["pending"]) == (1, 1)
    assert ref["Total"]["referrals"] == 2
    off = _table(rep_report, "official_involvement", "stage")
    assert off["Trial"]["action_recorded"] == 1
    assert off["Investigation"]["no_action_recorded"] == 1
    assert off["Total"] == {"stage": "Total", "cases": 3, "official_involvement": 2,
                            "action_recorded": 1, "no_action_recorded": 1}  # fmt: skip


def test_split_by_act_with_the_officials_among_the_accused(
    rep_store: Store, rep_reference: Reference, rep_report: Report
) -> None:
    """Trafficking and smuggling never mixed: a row per Act, whose figures add up to the
    headline (the total row is the headline's own cells); officials counted among them."""
    table = rep_report.tables["by_law"]
    rows = _table(rep_report, "by_law", "law")
    assert {law: {k: v for k, v in r.items() if k not in ("law", "law_name")}
            for law, r in rows.items()} == BY_LAW_2025  # fmt: skip
    assert rows["psma_2018"]["law_name"] == "PSMA 2018"
    assert "PSMA 2018: Prevention of Smuggling of Migrants Act, 2018" in table.note
    assert table.total is not None
    assert table.total[2] is rep_report.headline["cases_registered"]
    assert table.total[5] is rep_report.headline["accused_convicted"]
    # A later Act in the rules is listed with zeros; the Karachi filter leaves its one case.
    karachi = make_report(rep_store, rep_reference, district="SD-KHS")
    only = _table(karachi, "by_law", "law")
    assert only["tip_act_2018"]["cases_registered"] == 1
    assert only["tip_act_2018"]["officials_proceeded_against"] == 1
    assert only["psma_2018"]["cases_registered"] == 0


def test_training_campaigns_and_trend(rep_report: Report) -> None:
    gender = _table(rep_report, "persons_trained_by_gender", "gender")
    assert {g: r["persons"] for g, r in gender.items()} == {
        "Female": 8, "Male": 16, "Transgender": 1, "Not recorded": 10, "Total": 35,
    }  # fmt: skip
    agency = _table(rep_report, "persons_trained_by_agency", "agency")
    assert [r["persons"] for r in agency.values()] == [15, 10, 10, 35]
    camp = _table(rep_report, "campaigns_by_department", "department")
    assert camp["Total"] == {"department": "Total", "campaigns": 2, "people_reached": 1500}
    trend = _table(rep_report, "trend", "month")
    assert len(trend) == 13  # twelve months and the total
    assert trend["2025-02"]["cases_registered"] == 1
    assert trend["2025-10"]["accused_convicted"] == 1
    assert trend["Total"]["accused_convicted"] == 2


def test_geography(rep_report: Report) -> None:
    prov = _table(rep_report, "by_province", "province")
    assert {p: prov[p]["cases_registered"] for p in BY_PROVINCE_CASES} == BY_PROVINCE_CASES
    dist = _table(rep_report, "by_district", "district")
    for code, expected in BY_DISTRICT.items():
        assert {k: dist[code][k] for k in expected} == expected, code
    assert dist["PB-LHR"]["conviction_rate"] == 0.5
    assert dist["Total"]["cases_registered"] == 3
    assert [r.district for r in rep_report.coverage.rows] == ["PB-FSD", "PB-LHR", "SD-KHS"]


def test_a_province_or_district_filter(rep_store: Store, rep_reference: Reference) -> None:
    sindh = make_report(rep_store, rep_reference, province="Sindh")
    assert sindh.headline["cases_registered"].value == 1
    assert sindh.headline["accused_proceeded_against"].value == 1
    assert sindh.headline["persons_trained"].value == 10
    assert sindh.scope_label == "Sindh province"
    lahore = make_report(rep_store, rep_reference, district="Lahore")
    assert lahore.headline["accused_convicted"].value == 1
    assert lahore.previous["cases_registered"].value == 1
    assert lahore.headline["people_reached"].value == 1200


def test_coverage_marks_stale_districts(rep_store: Store, rep_reference: Reference) -> None:
    # Every record changed on 2026-01-20: nothing is stale for a period ending then...
    report = make_report(rep_store, rep_reference, date_to=dt.date(2026, 1, 31))
    assert report.coverage.stale == []
    assert report.coverage.source == "records"
    # ...but everything is for a period ending three months later.
    late = make_report(rep_store, rep_reference, date_to=dt.date(2026, 4, 30))
    assert late.coverage.stale == ["PB-FSD", "PB-LHR", "SD-KHS"]


def test_year_earlier() -> None:
    assert year_earlier(dt.date(2024, 2, 29)) == dt.date(2023, 2, 28)
    assert year_earlier(dt.date(2025, 12, 31)) == dt.date(2024, 12, 31)
