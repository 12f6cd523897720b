"""Every text field has a maximum length, checked wherever a record is validated: saving (app
and command line), the register import and HQ's import, which quarantines the record naming
the field and the rule, never the value. Lengths are characters, not bytes.

Before the fix a 5,000-character name (or a 30,000-character narrative) was saved, imported
and accepted at HQ without a word: nothing bounded a text field, so one paste or one crafted
bundle could put megabytes into every screen, search index, report and bundle after it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import typing
import unicodedata
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sec_cli_support import SEC_START, run_tipdesk, sec_install

from tipdesk.cli.io import to_json
from tipdesk.core.clock import FixedClock
from tipdesk.core.codes import (
    Gender,
    HearingPurpose,
    InstallRole,
    Outcome,
    ReferralOutcome,
    Stage,
)
from tipdesk.core.errors import Problem, ValidationFailed
from tipdesk.core.limits import LIST_LIMITS, TEXT_LIMITS
from tipdesk.core.records import (
    CHILDREN,
    RECORD_TYPES,
    Accused,
    Campaign,
    Case,
    Hearing,
    Record,
    Referral,
    Training,
    Victim,
)
from tipdesk.core.validation import ValidationContext, validate
from tipdesk.resources import load_reference
from tipdesk.services import records, sync
from tipdesk.services.register.columns import CASES, VICTIMS
from tipdesk.services.register.importer import plan_import
from tipdesk.services.session import Session

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 6, 1)
CTX = ValidationContext(
    reference=load_reference(), offices=frozenset({"FIA-AHTC-LHR"}), today=TODAY
)
LONG_NAME = "Sana " * 1_000  # 5,000 characters


def _referral() -> Referral:
    return Referral(service="shelter", referred_on=dt.date(2025, 3, 2),
                    outcome=ReferralOutcome.PENDING)  # fmt: skip


def _victim(**changes: Any) -> Victim:
    victim = Victim(victim_code="V-LHR-2025-001", district="PB-LHR", name="Sana Bibi",
                    gender=Gender.FEMALE, age=16, identified_on=dt.date(2025, 3, 1),
                    referrals=[_referral()])  # fmt: skip
    return dataclasses.replace(victim, **changes)


def _accused(**changes: Any) -> Accused:
    accused = Accused(name="Akram Khan", gender=Gender.MALE, age=40, role="recruiter",
                      section="3", outcome=Outcome.PENDING)  # fmt: skip
    return dataclasses.replace(accused, **changes)


def _case(**changes: Any) -> Case:
    case = Case(case_number="FIR 1/2025", registered_on=dt.date(2025, 3, 1), district="PB-LHR",
                office="FIA-AHTC-LHR", law="tip_act_2018", sections=["3"],
                exploitation_forms=["forced_labour"], stage=Stage.INVESTIGATION,
                narrative="Brick kiln workers held under an advance.",
                accused=[_accused()], victims=[_victim()])  # fmt: skip
    return dataclasses.replace(case, **changes)


def _training(**changes: Any) -> Training:
    training = Training(title="Victim identification", organiser="fia", district="PB-LHR",
                        start_on=dt.date(2026, 3, 3), participants_total=2,
                        roster=["Participant One", "Participant Two"])  # fmt: skip
    return dataclasses.replace(training, **changes)


def _campaign(**changes: Any) -> Campaign:
    campaign = Campaign(title="Awareness walk", department="punjab_labour", kind="walk",
                        district="PB-LHR", start_on=dt.date(2026, 1, 11),
                        people_reached=1200)  # fmt: skip
    return dataclasses.replace(campaign, **changes)


MAKERS: dict[str, Any] = {
    "case": lambda **c: _case(accused=[], victims=[], **c),
    "accused": _accused,
    "victim": lambda **c: _victim(referrals=[], **c),
    "referral": lambda **c: dataclasses.replace(_referral(), **c),
    "training": _training,
    "campaign": _campaign,
    "hearing": lambda **c: dataclasses.replace(
        Hearing(
            case_id="0190a000-0000-7000-8000-000000000001",
            hearing_on=dt.date(2026, 6, 3),
            court="Judicial Magistrate, Lahore",
            purpose=HearingPurpose.REMAND,
        ),
        **c,
    ),
}


def _length_problems(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.rule in ("text.max_length", "list.max_items")]


def _no_value_in(problems: list[Problem], value: str) -> None:
    for p in problems:
        assert value not in p.message and value[:41] not in p.message, p


@pytest.mark.parametrize("kind", list(MAKERS))
def test_the_synthetic_records_are_valid(kind: str) -> None:
    assert validate(MAKERS[kind](), CTX) == []
    assert validate(_case(), CTX) == []


# --- every field of every record kind ------------------------------------------------------


TEXT_FIELDS = [(kind, name, limit) for kind, fields in TEXT_LIMITS.items()
               for name, limit in fields.items()]  # fmt: skip


@pytest.mark.parametrize(("kind", "name", "limit"), TEXT_FIELDS)
def test_each_text_field_is_refused_over_its_maximum(kind: str, name: str, limit: int) -> None:
    at_limit = MAKERS[kind]()
    setattr(at_limit, name, "x" * limit)
    assert _length_problems(validate(at_limit, CTX)) == []
    over = MAKERS[kind]()
    value = "x" * (limit + 1)
    setattr(over, name, value)
    problems = validate(over, CTX)
    assert [(p.field, p.rule) for p in _length_problems(problems)] == [(name, "text.max_length")]
    assert f"{limit + 1:,}" in problems[0].message and f"{limit:,}" in problems[0].message
    _no_value_in(problems, value)


LIST_FIELDS = [(kind, name, most, limit) for kind, fields in LIST_LIMITS.items()
               for name, (most, limit) in fields.items()]  # fmt: skip


@pytest.mark.parametrize(("kind", "name", "most", "limit"), LIST_FIELDS)
def test_each_list_is_refused_over_its_entries_and_entry_length(
    kind: str, name: str, most: int, limit: int
) -> None:
    def with_entries(entries: list[str]) -> Record:
        record: Record = MAKERS[kind]()
        table = isinstance(getattr(record, name), dict)
        setattr(record, name, dict.fromkeys(entries, 1) if table else entries)
        return record

    many = [f"e{i}" for i in range(most + 1)]
    problems = _length_problems(validate(with_entries(many), CTX))
    assert [(p.field, p.rule) for p in problems] == [(name, "list.max_items")]
    entry = "y" * (limit + 1)
    problems = validate(with_entries(["ok", entry]), CTX)
    found = _length_problems(problems)
    assert [(p.field, p.rule) for p in found] == [(f"{name}[1]", "text.max_length")]
    _no_value_in(problems, entry)


def test_every_text_and_list_field_has_a_maximum() -> None:
    """A field added to a record without a maximum fails here."""
    for kind, cls in RECORD_TYPES.items():
        hints = typing.get_type_hints(cls)
        for f in dataclasses.fields(cls):
            hint = hints[f.name]
            if f.name in CHILDREN.get(kind, ()):
                continue
            origin = typing.get_origin(hint)
            if origin in (list, dict):
                assert f.name in LIST_LIMITS[kind], (kind, f.name)
            elif str in typing.get_args(hint) or hint is str:
                assert f.name in TEXT_LIMITS[kind], (kind, f.name)
            elif isinstance(hint, type) and issubclass(hint, StrEnum):
                continue  # one of a few fixed values, checked on input
    assert set(TEXT_LIMITS) == set(LIST_LIMITS) == set(RECORD_TYPES)


def test_the_data_dictionary_lists_every_maximum() -> None:
    text = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    section = text.split("## Maximum lengths", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| ([a-z ]+) \| `(\w+)` \| ([\d,]+)( each)? \| *([\d,]*) *\|$", section,
                      re.MULTILINE)  # fmt: skip
    listed = {(kind, name): (int(chars.replace(",", "")), int(most.replace(",", "") or 0))
              for kind, name, chars, _each, most in rows}  # fmt: skip
    expected: dict[tuple[str, str], tuple[int, int]] = {}
    for kind, fields in TEXT_LIMITS.items():
        for name, limit in fields.items():
            # The bookkeeping fields are those every kind has: one row "every record".
            meta = name in TEXT_LIMITS["campaign"] and name in TEXT_LIMITS["accused"]
            expected["every record" if meta else kind, name] = (limit, 0)
    for kind, lists in LIST_LIMITS.items():
        for name, (most, limit) in lists.items():
            expected[kind, name] = (limit, most)
    assert listed == expected
    assert "text.max_length" in (ROOT / "docs" / "validation.md").read_text(encoding="utf-8")


def test_children_are_checked_with_their_paths_and_deleted_ones_skipped() -> None:
    case = _case(
        accused=[_accused(), _accused(name=LONG_NAME)],
        victims=[_victim(referrals=[_referral(), dataclasses.replace(_referral(),
                                                                    provider="p" * 201)])],
    )  # fmt: skip
    problems = validate(case, CTX)
    assert [(p.field, p.rule) for p in _length_problems(problems)] == [
        ("accused[1].name", "text.max_length"),
        ("victims[0].referrals[1].provider", "text.max_length"),
    ]
    _no_value_in(problems, LONG_NAME)
    case.accused[1].deleted = True
    assert [p.field for p in _length_problems(validate(case, CTX))] == [
        "victims[0].referrals[1].provider"
    ]


# --- characters, not bytes ---------------------------------------------------------------


def test_urdu_text_counts_characters_not_bytes() -> None:
    urdu = "ثناء بی بی "  # "Sana Bibi", in Urdu letters: 2 bytes each in UTF-8
    name = (urdu * 10)[:100]
    assert len(name) == 100 and len(name.encode("utf-8")) > 150
    assert _length_problems(validate(_victim(name=name), CTX)) == []
    problems = validate(_victim(name=name + "ا"), CTX)
    assert [p.field for p in _length_problems(problems)] == ["name"]
    assert "101 characters" in problems[0].message


def test_letters_typed_with_combining_marks_count_once() -> None:
    # "آ" (alef with madda) typed as alef + combining madda: 2 code points, 1 letter.
    decomposed = unicodedata.normalize("NFD", "آ") * 100
    assert len(decomposed) == 200
    assert _length_problems(validate(_victim(name=decomposed), CTX)) == []


def test_long_codes_are_not_repeated_in_messages() -> None:
    district = "D" * 5_000
    problems = validate(_victim(district=district, nationality="N" * 5_000), CTX)
    rules = sorted(p.rule for p in problems if p.field in ("district", "nationality"))
    assert rules == ["reference.code", "reference.district", "text.max_length",
                     "text.max_length"]  # fmt: skip
    assert all("DDDD" not in p.message and "NNNN" not in p.message for p in problems)


# --- where records come from ---------------------------------------------------------------


@pytest.fixture
def district(tmp_path: Path) -> Iterator[Session]:
    session = sec_install(tmp_path / "district")
    try:
        yield session
    finally:
        session.close()


def _counts(session: Session) -> dict[str, int]:
    return {k: session.store.count(k) for k in ("case", "accused", "victim", "referral")}


def test_save_refuses_a_5000_character_name(district: Session) -> None:
    before = _counts(district)
    with pytest.raises(ValidationFailed) as refused:
        records.save(district, [_case(victims=[_victim(name=LONG_NAME)])])
    assert [(p.field, p.rule) for p in refused.value.problems] == [
        ("victims[0].name", "text.max_length")
    ]
    assert "Sana Sana" not in refused.value.message
    assert _counts(district) == before


def test_the_command_line_refuses_it_in_one_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    sec_install(home).close()
    case = {"case_number": "FIR 2/2025", "registered_on": "2025-03-01", "district": "PB-LHR",
            "office": "FIA-AHTC-LHR", "narrative": "n" * 20_001,
            "accused": [{"name": LONG_NAME, "gender": "male", "section": "3"}]}  # fmt: skip
    file = tmp_path / "case.json"
    file.write_text(json.dumps(case), encoding="utf-8")
    run = run_tipdesk("case", "add", "--file", str(file), "--json", home=home)
    assert run.code == 5
    assert len(run.err_lines()) == 1 and "Sana Sana" not in run.err and "nnnn" not in run.err
    problems = json.loads(run.out)["problems"]
    assert {(p["field"], p["rule"]) for p in problems} == {
        ("narrative", "text.max_length"),
        ("accused[0].name", "text.max_length"),
    }
    assert "Sana Sana" not in run.out


def test_the_register_import_refuses_it(district: Session, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.remove(book.active)
    rows = {
        CASES: {"case_number": "FIR 1/2025", "registered_on": dt.date(2025, 3, 1),
                "district": "Lahore", "exploitation_forms": "forced_labour",
                "stage": "investigation", "official_involvement": "no",
                "transnational": "no"},
        VICTIMS: {"case_number": "FIR 1/2025", "victim_code": "V-LHR-2025-001",
                  "name": LONG_NAME, "gender": "f", "age": 16, "nationality": "PK",
                  "identified_on": "2025-03-01"},
    }  # fmt: skip
    for spec, row in rows.items():
        sheet = book.create_sheet(spec.name)
        names = [c.name for c in spec.columns]
        sheet.append(names)
        sheet.append([row.get(n) for n in names])
    path = tmp_path / "register.xlsx"
    book.save(path)
    plan = plan_import(district, path)
    found = [p for p in plan.errors if p.rule == "text.max_length"]
    assert len(found) == 1 and found[0].sheet == VICTIMS.name
    assert "Sana Sana" not in json.dumps(to_json(plan.problems), default=str)
    assert all("Sana Sana" not in str(p) for p in plan.problems)


def test_hq_quarantines_it_without_echoing_the_value(tmp_path: Path) -> None:
    clock = FixedClock(SEC_START)
    district = sec_install(tmp_path / "district", clock=clock)
    hq = sec_install(tmp_path / "hq", role=InstallRole.HQ, clock=clock)
    try:
        files = tmp_path / "files"
        files.mkdir()
        sync.export_enrolment(hq, files / "hq.json")
        sync.enroll(district, files / "hq.json")
        sync.export_device_file(district, files / "device.json")
        sync.register_device(hq, files / "device.json")
        # Saved as a district on older rules (or a crafted one) would have: no validation.
        bad = _case(narrative="n" * 30_000, accused=[_accused(name=LONG_NAME)], victims=[])
        district.store.save([bad], district.actor())
        good = _case(case_number="FIR 3/2025", victims=[])
        records.save(district, [good])
        bundle = sync.export_bundle(district, files).path
        assert bundle is not None
        result = sync.import_bundle_bytes(hq, bundle.read_bytes())
        assert result.accepted.get("case") == 1
        shown = json.dumps(to_json(result), default=str)
        quarantined = {(q["kind"], p["field"], p["rule"])
                       for q in result.quarantined for p in q["problems"]}  # fmt: skip
        assert ("case", "narrative", "text.max_length") in quarantined
        assert ("case", "accused[0].name", "text.max_length") in quarantined
        assert "Sana Sana" not in shown and "nnnnnnnn" not in shown
        assert re.search(r"30,000 characters", shown)
        assert {c.id for c in records.page(hq, "case", limit=10)} == {good.id}
    finally:
        district.close()
        hq.close()
