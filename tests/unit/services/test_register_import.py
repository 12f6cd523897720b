"""Register import: template round trip, matching and re-import, district and HQ rules,
valid-only imports, office mapping, CSV, progress and cancel."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from register_support import (
    HEADERS,
    accused_row,
    campaign_row,
    case_row,
    rules,
    store_state,
    training_row,
    victim_row,
    write_book,
    write_csv,
)

from tipdesk.core.codes import Outcome
from tipdesk.core.errors import InvalidInput
from tipdesk.core.permissions import UserRole
from tipdesk.core.records import Case, Victim
from tipdesk.resources import load_reference
from tipdesk.services import figures, overlaps
from tipdesk.services.register import (
    ImportCancelled,
    ImportOptions,
    ImportRefused,
    commit_import,
    plan_import,
    write_template,
)
from tipdesk.services.session import Session


def _full_book(path: Path) -> Path:
    return write_book(
        path,
        {
            "Cases": [case_row(), case_row("FIR 2/2025", stage="registered")],
            "Accused": [
                accused_row(),
                accused_row(name="Bashir Ahmed", cnic="", father_name="Nazir"),
                accused_row("FIR 2/2025", cnic="35202-7777777-1", proceeded_on=None),
            ],
            "Victims": [victim_row(), victim_row("FIR 2/2025", "V-LHR-2025-002", gender="M")],
            "Training": [training_row()],
            "Campaigns": [campaign_row()],
        },
    )


def _case(session: Session, number: str) -> Case:
    rows = session.store.page("case", filters={"case_number": number})
    record = session.store.get("case", rows[0].id)
    assert isinstance(record, Case)
    return record


def test_template_round_trip(district_session: Session, tmp_path: Path) -> None:
    out = tmp_path / "register.xlsx"
    write_template(out, load_reference())
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == [
        "Instructions",
        "Lists",
        "Cases",
        "Accused",
        "Victims",
        "Training",
        "Campaigns",
    ]
    assert wb["Lists"].sheet_state == "hidden"
    cases = wb["Cases"]
    assert [c.value for c in cases[1]][:3] == ["case_number", "registered_on", "district"]
    assert cases.freeze_panes == "A2"
    assert cases["A1"].font.bold
    assert cases.data_validations.dataValidation, "coded columns have drop-down lists"
    # Fill a few rows as an officer would, then import.
    cases.append(list(case_row().values()))
    cases.append(list(case_row("FIR 2/2025", stage="registered").values()))
    wb["Accused"].append(list(accused_row().values()))
    wb["Accused"].append(list(accused_row("FIR 2/2025", cnic="", proceeded_on=None).values()))
    wb["Victims"].append(list(victim_row().values()))
    wb["Training"].append(list(training_row().values()))
    wb["Campaigns"].append(list(campaign_row().values()))
    wb.save(out)

    plan = plan_import(district_session, out)
    assert plan.ok, [str(p) for p in plan.problems]
    assert {s.sheet for s in plan.sheets} == {
        "Cases",
        "Accused",
        "Victims",
        "Training",
        "Campaigns",
    }
    result = commit_import(district_session, plan)
    assert result.counts["case"]["create"] == 2
    stats = figures.stats(district_session, dt.date(2025, 1, 1), dt.date(2026, 5, 31))
    assert stats.cases_registered == 2
    assert stats.accused_proceeded_against == 1
    assert stats.victims_identified == 1
    assert stats.victims_by_gender == {"female": 1}
    assert stats.persons_trained == 25
    assert stats.awareness_campaigns == 1
    assert stats.people_reached == 1200
    case = _case(district_session, "FIR 1/2025")
    assert case.office == "FIA-AHTC-LHR", "an empty office is the install's own"
    assert case.exploitation_forms == ["forced_labour", "child_labour"]
    assert case.narrative.startswith("Brick kiln")
    assert case.accused[0].cnic == "3520212345671"
    assert case.accused[0].nationality == "PK"
    victim = case.victims[0]
    assert victim.identified_on == dt.date(2025, 3, 1)
    assert sorted(r.service for r in victim.referrals) == ["legal_aid", "shelter"]
    assert case.origin_device == district_session.install.device_id
    entries = district_session.store.audit_entries(action="import.register")
    assert len(entries) == 1
    assert entries[0].detail["file"] == "register.xlsx"
    assert entries[0].detail["counts"]["case"]["create"] == 2


def test_the_import_entry_commits_with_the_records_or_not_at_all(
    district_session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The audit summary is part of the records' transaction: when writing it fails, no
    record of the register is saved either (and the plan can be imported again)."""
    from tipdesk.store import audit

    book = _full_book(tmp_path / "reg.xlsx")
    plan = plan_import(district_session, book)
    before = store_state(district_session)
    real_append = audit.append

    class Crash(Exception):
        pass

    def failing(conn: object, entries: list[audit.NewEntry]) -> None:
        if any(e.action == "import.register" for e in entries):
            raise Crash
        real_append(conn, entries)  # type: ignore[arg-type]

    with monkeypatch.context() as m:
        m.setattr(audit, "append", failing)
        with pytest.raises(Crash):
            commit_import(district_session, plan)
    assert store_state(district_session) == before
    assert not plan.committed
    commit_import(district_session, plan)
    assert len(district_session.store.audit_entries(action="import.register")) == 1
    assert district_session.store.verify_audit().ok


def test_reimport_changes_nothing(district_session: Session, tmp_path: Path) -> None:
    book = _full_book(tmp_path / "reg.xlsx")
    commit_import(district_session, plan_import(district_session, book))
    before = store_state(district_session)
    versions = {c.id: c.version for c in district_session.store.page("case")}

    plan = plan_import(district_session, book)
    assert plan.ok
    assert all(c.action == "unchanged" for c in plan.changes), plan.changes
    assert plan.records == []
    commit_import(district_session, plan)
    after = store_state(district_session)
    assert after == before | {"audit": before["audit"] + 1}, "only the import.register entry"
    assert {c.id: c.version for c in district_session.store.page("case")} == versions


def test_edited_register_updates_and_reports_fields(
    district_session: Session, tmp_path: Path
) -> None:
    commit_import(district_session, plan_import(district_session, _full_book(tmp_path / "a.xlsx")))
    edited = write_book(
        tmp_path / "b.xlsx",
        {
            "Cases": [case_row(stage="decided"), case_row("FIR 2/2025", stage="registered")],
            "Accused": [
                accused_row(outcome="convicted", judgment_on="2026-01-15", imprisonment_months=60),
                # Matched by name and father's name (no CNIC), ignoring case and spacing; the
                # new spelling is an update of the name.
                accused_row(name="bashir  AHMED", cnic="", father_name="Nazir"),
                accused_row("FIR 2/2025", cnic="35202-7777777-1", proceeded_on=None),
                accused_row("FIR 2/2025", name="New Person", cnic="", proceeded_on=None),
            ],
            "Victims": [victim_row(age=17, referred_to="shelter; medical")],
        },
    )
    before = store_state(district_session)
    plan = plan_import(district_session, edited)
    assert plan.ok, [str(p) for p in plan.problems]
    updates = {(c.kind, c.row): c.fields for c in plan.changes if c.action == "update"}
    assert updates[("case", 2)] == ["stage"]
    assert updates[("accused", 2)] == ["outcome", "judgment_on", "imprisonment_months"]
    assert updates[("victim", 2)] == ["age", "referrals"]
    assert updates[("accused", 3)] == ["name"]
    assert plan.counts()["accused"] == {"create": 1, "update": 2, "unchanged": 1}
    commit_import(district_session, plan)
    case = _case(district_session, "FIR 1/2025")
    assert case.version == 2 and case.stage == "decided"
    assert len(case.accused) == 2
    assert sorted(a.name for a in case.accused) == ["Akram Khan", "bashir  AHMED"]
    assert sorted(r.service for r in case.victims[0].referrals) == [
        "legal_aid",
        "medical",
        "shelter",
    ]
    after = store_state(district_session)
    assert after["accused"] == before["accused"] + 1
    assert after["case"] == before["case"]
    assert after["training"] == before["training"], "sheets left out are left alone"


def test_empty_cells_keep_stored_values(district_session: Session, tmp_path: Path) -> None:
    commit_import(district_session, plan_import(district_session, _full_book(tmp_path / "a.xlsx")))
    book = write_book(tmp_path / "b.xlsx", {"Cases": [case_row(summary=None, stage=None)]})
    plan = plan_import(district_session, book)
    assert [c.action for c in plan.changes] == ["unchanged"] * 4


def test_district_install_imports_own_district_only(
    district_session: Session, tmp_path: Path
) -> None:
    book = write_book(
        tmp_path / "mixed.xlsx",
        {
            "Cases": [
                case_row(),
                case_row("FIR 9/2025", district="Karachi South", office="FIA-AHTC-KHI"),
            ],
            "Accused": [accused_row(), accused_row("FIR 9/2025")],
            "Campaigns": [campaign_row(district="Quetta")],
        },
    )
    before = store_state(district_session)
    plan = plan_import(district_session, book)
    assert "district.other" in rules(plan)
    with pytest.raises(ImportRefused):
        commit_import(district_session, plan)
    assert store_state(district_session) == before
    result = commit_import(district_session, plan, valid_only=True)
    assert result.counts["case"]["create"] == 1
    assert "campaign" not in result.counts
    assert district_session.store.count("case") == 1
    assert result.skipped_rows == 3


def test_hq_imports_any_district(hq_session: Session, tmp_path: Path) -> None:
    book = write_book(
        tmp_path / "hq.xlsx",
        {
            "Cases": [
                case_row(office="FIA-AHTC-LHR"),
                case_row(district="Karachi South", office="FIA-AHTC-KHI"),
            ],
            "Accused": [accused_row(office="FIA-AHTC-KHI")],
            "Campaigns": [campaign_row(district="Quetta", department="punjab_labour")],
        },
        headers={"Accused": [*accused_row().keys(), "office"]},
    )
    plan = plan_import(hq_session, book)
    assert plan.ok, [str(p) for p in plan.problems]
    commit_import(hq_session, plan)
    khi = [c for c in hq_session.store.page("case") if c.district == "SD-KHS"]
    assert len(khi) == 1
    case = hq_session.store.get("case", khi[0].id)
    assert isinstance(case, Case) and len(case.accused) == 1, "the office column picked the case"
    assert case.origin_device == hq_session.install.device_id
    entry = hq_session.store.audit_entries(action="import.register")[0]
    assert entry.detail["sheets"] == ["Cases", "Accused", "Campaigns"]


def test_hq_needs_an_office(hq_session: Session, tmp_path: Path) -> None:
    plan = plan_import(hq_session, write_book(tmp_path / "x.xlsx", {"Cases": [case_row()]}))
    assert "required" in rules(plan), "HQ has no office of its own"


def test_unknown_office_listed_and_mapped(district_session: Session, tmp_path: Path) -> None:
    book = write_book(
        tmp_path / "o.xlsx",
        {"Cases": [case_row(office="PS Gulberg"), case_row("FIR 2/2025", office="ps gulberg")]},
    )
    plan = plan_import(district_session, book)
    assert [(o.name, o.rows, o.districts) for o in plan.unknown_offices] == [
        ("PS Gulberg", 2, {"PB-LHR"})
    ]
    problem = plan.errors[0]
    assert (problem.sheet, problem.row, problem.column, problem.value) == (
        "Cases",
        2,
        "office",
        "PS Gulberg",
    )
    with pytest.raises(InvalidInput, match="not an office"):
        plan_import(district_session, book, ImportOptions(office_map={"PS Gulberg": "NOPE"}))
    mapped = plan_import(
        district_session, book, ImportOptions(office_map={"PS Gulberg": "FIA-AHTC-LHR"})
    )
    assert mapped.ok
    commit_import(district_session, mapped)
    assert {c.office for c in district_session.store.page("case")} == {"FIA-AHTC-LHR"}


def test_valid_only_imports_the_rest(district_session: Session, tmp_path: Path) -> None:
    book = write_book(
        tmp_path / "v.xlsx",
        {
            "Cases": [case_row(), case_row("FIR 2/2025", registered_on="31/02/2024")],
            "Accused": [
                accused_row(),
                accused_row(age="forty"),
                accused_row("FIR 2/2025"),
                # A sentence without a conviction: the core rule, reported at its row.
                accused_row(name="Third", cnic="", imprisonment_months=12),
            ],
            "Victims": [victim_row(), victim_row("FIR 2/2025", "V-2")],
            "Training": [training_row(), training_row(participants_total=99)],
        },
    )
    plan = plan_import(district_session, book)
    assert {
        "value.date",
        "value.number",
        "sentence.without_conviction",
        "participants.gender_sum",
    } <= rules(plan)
    skipped = [p for p in plan.warnings if p.rule == "row.skipped"]
    assert {(p.sheet, p.row) for p in skipped} == {("Accused", 4), ("Victims", 3)}
    assert plan.rows_valid == 4
    result = commit_import(district_session, plan, valid_only=True)
    assert result.skipped_rows == plan.rows_total - 4
    case = _case(district_session, "FIR 1/2025")
    assert [a.name for a in case.accused] == ["Akram Khan"]
    assert district_session.store.count("training") == 1
    assert district_session.store.count("case") == 1


def test_problem_text_names_sheet_row_column_value(
    district_session: Session, tmp_path: Path
) -> None:
    book = write_book(tmp_path / "p.xlsx", {"Cases": [case_row(registered_on="31/02/2024")]})
    (problem,) = plan_import(district_session, book).errors
    assert str(problem) == (
        "Cases!2 registered_on: 31/02/2024 — expected a real date (YYYY-MM-DD or DD/MM/YYYY); "
        "this day does not exist"
    )
    assert problem.to_json()["severity"] == "error"


def test_identifying_values_are_hidden(district_session: Session, tmp_path: Path) -> None:
    book = write_book(
        tmp_path / "h.xlsx", {"Cases": [case_row()], "Accused": [accused_row(cnic="12-34")]}
    )
    (problem,) = plan_import(district_session, book).errors
    assert problem.rule == "cnic.format" and problem.value == "(hidden)"
    assert "12-34" not in str(problem)


def test_accused_attach_to_stored_case_from_csv(district_session: Session, tmp_path: Path) -> None:
    commit_import(
        district_session,
        plan_import(district_session, write_book(tmp_path / "c.xlsx", {"Cases": [case_row()]})),
    )
    csv_file = write_csv(
        tmp_path / "people.csv",
        "Accused",
        [accused_row(), accused_row(name="Second Man", cnic="35202-2222222-2")],
    )
    with pytest.raises(InvalidInput, match="--sheet"):
        plan_import(district_session, csv_file)
    plan = plan_import(district_session, csv_file, ImportOptions(sheet="accused"))
    assert plan.ok, [str(p) for p in plan.problems]
    commit_import(district_session, plan)
    assert len(_case(district_session, "FIR 1/2025").accused) == 2
    # A CSV named after its sheet needs no --sheet; UTF-8 without a BOM is fine too.
    cases_csv = write_csv(tmp_path / "Cases.csv", "Cases", [case_row("FIR 3/2025")], bom=False)
    assert plan_import(district_session, cases_csv).ok


def test_victim_without_case_and_victim_of_other_case(
    district_session: Session, tmp_path: Path
) -> None:
    book = write_book(
        tmp_path / "v.xlsx",
        {"Cases": [case_row()], "Victims": [victim_row(), victim_row("", "V-LOOSE")]},
    )
    commit_import(district_session, plan_import(district_session, book))
    loose = [v for v in district_session.store.page("victim") if v.victim_code == "V-LOOSE"]
    assert len(loose) == 1 and loose[0].case_id is None
    assert loose[0].district == "PB-LHR"
    other = write_book(
        tmp_path / "w.xlsx",
        {"Cases": [case_row("FIR 5/2025")], "Victims": [victim_row("FIR 5/2025")]},
    )
    assert "victim.case" in rules(plan_import(district_session, other))
    # Re-importing a victim row without its case number finds the victim in its case.
    again = write_book(tmp_path / "x.xlsx", {"Victims": [victim_row("", age=17)]})
    plan = plan_import(district_session, again)
    assert [(c.kind, c.action, c.fields) for c in plan.changes if c.action != "unchanged"] == [
        ("victim", "update", ["age"])
    ]
    commit_import(district_session, plan)
    victim = district_session.store.get(
        "victim", _case(district_session, "FIR 1/2025").victims[0].id
    )
    assert isinstance(victim, Victim) and victim.age == 17


def test_training_and_campaign_match_by_all_columns(
    district_session: Session, tmp_path: Path
) -> None:
    book = write_book(
        tmp_path / "t.xlsx",
        {"Training": [training_row(), training_row()], "Campaigns": [campaign_row()]},
    )
    plan = plan_import(district_session, book)
    assert [p.rule for p in plan.warnings] == ["row.identical"]
    commit_import(district_session, plan)
    assert district_session.store.count("training") == 2
    assert all(c.action == "unchanged" for c in plan_import(district_session, book).changes)
    edited = write_book(tmp_path / "u.xlsx", {"Campaigns": [campaign_row(people_reached=1300)]})
    assert [c.action for c in plan_import(district_session, edited).changes] == ["create"]


def test_progress_and_cancel(district_session: Session, tmp_path: Path) -> None:
    rows = [case_row(f"FIR {n}/2025") for n in range(1200)]
    book = write_book(tmp_path / "big.xlsx", {"Cases": rows})
    seen: list[tuple[str, int, int]] = []
    plan = plan_import(district_session, book, progress=lambda *a: seen.append(a))
    assert {p for p, _, _ in seen} == {"reading", "checking"}
    assert seen[-1][1] <= seen[-1][2]
    before = store_state(district_session)
    with pytest.raises(ImportCancelled):
        plan_import(district_session, book, cancelled=lambda: True)
    with pytest.raises(ImportCancelled):
        commit_import(district_session, plan, cancelled=lambda: True)
    assert store_state(district_session) == before
    result = commit_import(district_session, plan, progress=lambda *a: seen.append(a))
    assert seen[-1] == ("saving", 1200, 1200)
    assert result.counts["case"]["create"] == 1200
    with pytest.raises(InvalidInput, match="already imported"):
        commit_import(district_session, plan)


def test_header_below_a_title_and_unknown_column(district_session: Session, tmp_path: Path) -> None:
    path = tmp_path / "titled.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "cases"
    ws["A1"] = "Register of FIRs, Lahore, 2025"
    ws.merge_cells("A1:D1")
    ws.append([])
    ws.append(["Case Number", "Registered On", "District", "Remarks"])
    ws.append(["FIR 1/2025", dt.date(2025, 3, 1), "Lahore", "ok"])
    wb.save(path)
    plan = plan_import(district_session, path)
    assert plan.ok
    assert plan.sheets[0].header_row == 3
    assert plan.sheets[0].ignored == ["Remarks"]
    assert "column.unknown" in {p.rule for p in plan.warnings}


def test_needs_edit_permission(hq_session: Session, svc_user, tmp_path: Path) -> None:
    from tipdesk.core.errors import PermissionDenied
    from tipdesk.core.permissions import UserRole

    analyst = svc_user(hq_session, "analyst1", UserRole.HQ_ANALYST)
    with pytest.raises(PermissionDenied):
        plan_import(analyst, write_book(tmp_path / "x.xlsx", {"Cases": [case_row()]}))


def test_a_name_shared_by_an_accused_and_a_victim_never_refuses_the_register(
    district_session: Session, svc_user: Any, tmp_path: Path
) -> None:
    """Common names are common: an accused with a victim's name is imported; the overlap goes
    to the review queue; the accused's challan date and outcome wait for the review (the
    row's other values are imported), and importing the register again after the review
    brings them in. An import is nobody's review."""
    officer = svc_user(district_session, "officer1", UserRole.DISTRICT_OFFICER)
    supervisor = svc_user(district_session, "sup1", UserRole.DISTRICT_SUPERVISOR)
    rows = {
        "Cases": [case_row()],
        "Accused": [
            accused_row(),  # matches nobody
            accused_row(
                name="Sana  Bibi", cnic="", gender="F", proceeded_on="2025-04-01",
                outcome="convicted", judgment_on="2025-09-01", imprisonment_months=30,
            ),
        ],
        "Victims": [victim_row()],
    }  # fmt: skip
    book = write_book(tmp_path / "r.xlsx", rows)
    plan = plan_import(officer, book)
    assert plan.ok, plan.errors  # nothing refused
    (held,) = [p for p in plan.warnings if p.rule == "dual_role.held"]
    assert (held.sheet, held.row, held.column) == ("Accused", 3, "proceeded_on")
    assert "victim V-LHR-2025-001" in held.expected and "review queue" in held.expected
    commit_import(officer, plan)
    case = _case(district_session, "FIR 1/2025")
    sana = next(a for a in case.accused if a.name.split() == ["Sana", "Bibi"])
    assert (sana.proceeded_on, sana.outcome, sana.imprisonment_months) == (
        None, Outcome.PENDING, None,
    )  # fmt: skip
    assert sana.dual_role_matches == [f"{case.victims[0].id}:name"]
    akram = next(a for a in case.accused if a.name == "Akram Khan")
    assert akram.proceeded_on == dt.date(2025, 4, 1) and akram.dual_role_matches == []
    (item,) = overlaps.queue(district_session)
    assert item.accused_id == sana.id

    # The same register again: the marks still wait, nothing else changes.
    again = plan_import(officer, book)
    assert [p.rule for p in again.warnings if p.rule.startswith("dual_role")] == ["dual_role.held"]
    # After a supervisor's review, the register brings them in.
    overlaps.resolve(supervisor, sana.id, "different", "another Sana Bibi, other village")
    after = plan_import(officer, book)
    assert not [p for p in after.problems if p.rule.startswith("dual_role")]
    commit_import(officer, after)
    sana = next(a for a in _case(district_session, "FIR 1/2025").accused if a.id == sana.id)
    assert (sana.proceeded_on, sana.outcome, sana.imprisonment_months) == (
        dt.date(2025, 4, 1), Outcome.CONVICTED, 30,
    )  # fmt: skip


def test_a_registers_district_may_be_a_short_form(district_session: Session) -> None:
    from tipdesk.services.register.values import Cells

    cells = Cells(district_session.reference, district_session.store.offices(), "")
    assert cells.convert("district", "D.G. Khan") == ("PB-DGK", None)
    assert cells.convert("district", "pindi") == ("PB-RWP", None)
    value, expected = cells.convert("district", "Lahroe")
    assert value is None
    assert str(expected) == "expected a district's name (or a short form such as D.G. Khan)"


def test_the_offence_date_is_read_under_the_headers_offices_use(
    district_session: Session, tmp_path: Path
) -> None:
    """ "Date of Occurrence" (the FIR's own heading) fills the offence date; a case without
    one keeps none (the registration date stands in for it)."""
    headers = [*[c for c in HEADERS["Cases"] if c != "offence_on"], "Date of Occurrence"]
    rows = [
        case_row() | {"Date of Occurrence": dt.date(2025, 2, 20)},
        case_row("FIR 2/2025"),
    ]
    path = write_book(tmp_path / "r.xlsx", {"Cases": rows}, headers={"Cases": headers})
    plan = plan_import(district_session, path)
    assert plan.ok, [str(p) for p in plan.errors]
    assert "column.unknown" not in {p.rule for p in plan.warnings}
    commit_import(district_session, plan)
    assert _case(district_session, "FIR 1/2025").offence_on == dt.date(2025, 2, 20)
    assert _case(district_session, "FIR 2/2025").offence_on is None


def test_an_offence_after_its_registration_is_refused_at_its_cell(
    district_session: Session, tmp_path: Path
) -> None:
    headers = [h if h != "offence_on" else "Date of Offence" for h in HEADERS["Cases"]]
    row = case_row() | {"Date of Offence": "2025-03-02"}
    path = write_book(tmp_path / "r.xlsx", {"Cases": [row]}, headers={"Cases": headers})
    plan = plan_import(district_session, path)
    (problem,) = plan.errors
    assert (problem.row, problem.column, problem.rule) == (2, "Date of Offence", "date.order")
    assert "after the case was registered" in str(problem)


def test_a_warning_is_listed_at_its_row_and_the_row_is_imported(
    district_session: Session, tmp_path: Path
) -> None:
    """s.3(2) (a woman or child victim) charged with only an adult man as victim: a warning,
    never a refusal; s.3(2)'s lawful 8 years is accepted."""
    path = write_book(
        tmp_path / "r.xlsx",
        {
            "Cases": [case_row()],
            "Accused": [
                accused_row(
                    section="3(2)",
                    outcome="convicted",
                    judgment_on="2025-06-01",
                    imprisonment_months=96,
                )
            ],
            "Victims": [victim_row(gender="M", age=30)],
        },
    )
    plan = plan_import(district_session, path)
    assert plan.ok and plan.errors == []
    (warning,) = [p for p in plan.warnings if p.rule == "sentence.condition"]
    assert (warning.sheet, warning.row, warning.column) == ("Accused", 2, "section")
    assert warning.severity == "warning" and "woman or a child" in warning.expected
    commit_import(district_session, plan)
    case = _case(district_session, "FIR 1/2025")
    assert case.accused[0].section == "3(2)" and case.accused[0].imprisonment_months == 96
