"""Sentences against the law in force on the date of the offence: every limit and date edge,
amendments before and after their commencement, sections' conditions (warnings, never
refusals), unknown sections.

The reference is the core tests' one (the 2018 Acts as shipped) with the 2025 amendments in
force from :data:`COMMENCEMENT` (the limits of resources/rules/examples/amendments-2025).
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tipdesk.core.codes import Gender, Outcome
from tipdesk.core.errors import Severity
from tipdesk.core.records import Case
from tipdesk.core.reference import Reference
from tipdesk.core.sentencing import RulesError, parse_rules, section_key
from tipdesk.core.validation import ValidationContext, advise, validate

COMMENCEMENT = dt.date(2025, 3, 1)
BEFORE = COMMENCEMENT - dt.timedelta(days=1)


def _amended(data: dict[str, Any]) -> dict[str, Any]:
    laws = data["sentences"]["laws"]
    tip = laws["tip_act_2018"]["sections"]
    on = COMMENCEMENT.isoformat()
    tip["3(1)"]["versions"].append(
        {"effective_from": on, "max_imprisonment_months": 120, "max_fine_pkr": 1_000_000}
    )
    tip["3(2)"]["versions"].append(
        {
            "effective_from": on,
            "min_imprisonment_months": 24,
            "max_imprisonment_months": 168,
            "max_fine_pkr": 2_000_000,
            "conditions": ["victim_woman_or_child"],
        }
    )
    tip["3(3)"] = {"versions": [{"effective_from": on, "max_imprisonment_months": 84}]}
    laws["psma_2018"]["sections"]["3"]["versions"].append(
        {
            "effective_from": on,
            "min_imprisonment_months": 36,
            "max_imprisonment_months": 120,
            "max_fine_pkr": 10_000_000,
            "penalty": "imprisonment_and_fine",
        }
    )
    return data


@pytest.fixture(scope="module")
def actx(reference_data: dict[str, Any], ctx: ValidationContext) -> ValidationContext:
    """The core tests' context (today 2025-06-30) with the amendments in force."""
    amended = Reference(**_amended(copy.deepcopy(reference_data)))
    return ValidationContext(reference=amended, offices=ctx.offices, today=ctx.today)


# (law, section, offence date, (min, max) months, max fine): every version of every section.
VERSIONS = [
    ("tip_act_2018", "3(1)", BEFORE, (None, 84), 1_000_000),
    ("tip_act_2018", "3(1)", COMMENCEMENT, (None, 120), 1_000_000),
    ("tip_act_2018", "3(2)", BEFORE, (24, 120), 1_000_000),
    ("tip_act_2018", "3(2)", COMMENCEMENT, (24, 168), 2_000_000),
    ("tip_act_2018", "3(3)", COMMENCEMENT, (None, 84), None),
    ("psma_2018", "3", BEFORE, (36, 60), 1_000_000),
    ("psma_2018", "3", COMMENCEMENT, (36, 120), 10_000_000),
]


def _case(
    build: Any,
    law: str,
    section: str,
    offence: dt.date | None,
    months: int | None,
    fine: int | None = 100_000,
    **changes: Any,
) -> Case:
    accused = build.accused(
        section=section,
        imprisonment_months=months,
        fine_pkr=fine,
        proceeded_on=dt.date(2025, 4, 1),
        judgment_on=dt.date(2025, 6, 1),  # judged after the commencement, whatever the offence
    )
    values: dict[str, Any] = {
        "law": law,
        "sections": [section],
        "offence_on": offence,
        "registered_on": dt.date(2025, 3, 20),
        "accused": [accused],
    }
    return build.case(**(values | changes))


def _rules(problems: list[Any]) -> set[str]:
    return {p.rule for p in problems}


@pytest.mark.parametrize(("law", "section", "offence", "months", "fine_max"), VERSIONS)
def test_one_month_below_at_and_above_every_limit(
    build: Any,
    actx: ValidationContext,
    law: str,
    section: str,
    offence: dt.date,
    months: tuple[int | None, int],
    fine_max: int | None,
) -> None:
    low, high = months
    for m in (high - 1, high):
        assert validate(_case(build, law, section, offence, m), actx) == [], m
    over = validate(_case(build, law, section, offence, high + 1), actx)
    assert [(p.field, p.rule) for p in over] == [
        ("accused[0].imprisonment_months", "sentence.max_imprisonment")
    ]
    if low is not None:
        assert validate(_case(build, law, section, offence, low), actx) == []
        under = validate(_case(build, law, section, offence, low - 1), actx)
        assert [(p.field, p.rule) for p in under] == [
            ("accused[0].imprisonment_months", "sentence.min_imprisonment")
        ]
    if fine_max is not None:
        for f in (fine_max - 1, fine_max):
            assert validate(_case(build, law, section, offence, high, fine=f), actx) == [], f
        over_fine = validate(_case(build, law, section, offence, high, fine=fine_max + 1), actx)
        assert _rules(over_fine) == {"sentence.max_fine"}


def test_an_offence_before_the_amendment_judged_after_it_keeps_the_old_limits(
    build: Any, actx: ValidationContext
) -> None:
    """Penal law is not retroactive: the judgment date does not matter, the offence date does."""
    old = _case(build, "tip_act_2018", "3(2)", BEFORE, 150)
    (problem,) = validate(old, actx)
    assert problem.rule == "sentence.max_imprisonment"
    assert problem.message == (
        "150 exceeds the 120-month maximum (TIP Act 2018 s.3(2) as in force on 2025-02-28, "
        "the date of the offence)"
    )
    assert validate(_case(build, "tip_act_2018", "3(2)", COMMENCEMENT, 150), actx) == []


def test_without_an_offence_date_the_registration_date_is_used(
    build: Any, actx: ValidationContext
) -> None:
    before = _case(build, "tip_act_2018", "3(1)", None, 100, registered_on=BEFORE)
    after = _case(build, "tip_act_2018", "3(1)", None, 100, registered_on=COMMENCEMENT)
    assert _rules(validate(before, actx)) == {"sentence.max_imprisonment"}
    assert validate(after, actx) == []


def test_a_section_added_by_the_amendment_is_not_in_force_before_it(
    build: Any, actx: ValidationContext
) -> None:
    sentenced = _case(build, "tip_act_2018", "3(3)", BEFORE, 12)
    assert [(p.field, p.rule) for p in validate(sentenced, actx)] == [
        ("accused[0].section", "sentence.not_in_force")
    ]
    # Without a sentence it is a warning: the facts are recorded, the charge is flagged.
    pending = _case(build, "tip_act_2018", "3(3)", BEFORE, None, fine=None)
    pending.accused[0].outcome = Outcome.PENDING
    pending.accused[0].judgment_on = None
    assert validate(pending, actx) == []
    warnings = advise(pending, actx)
    assert [(p.field, p.rule) for p in warnings] == [
        ("sections[0]", "law.not_in_force"),
        ("accused[0].section", "law.not_in_force"),
    ]
    assert all(p.severity is Severity.WARNING for p in warnings)


@given(
    months=st.integers(min_value=0, max_value=200),
    offence=st.dates(min_value=dt.date(2018, 5, 31), max_value=dt.date(2025, 3, 31)),
)
def test_any_sentence_under_3_2_is_judged_by_the_version_of_its_offence_date(
    build: Any, actx: ValidationContext, months: int, offence: dt.date
) -> None:
    case = _case(build, "tip_act_2018", "3(2)", offence, months, registered_on=offence)
    top = 168 if offence >= COMMENCEMENT else 120
    rules = _rules(validate(case, actx))
    assert ("sentence.max_imprisonment" in rules) == (months > top)
    assert ("sentence.min_imprisonment" in rules) == (0 < months < 24)
    assert rules <= {"sentence.max_imprisonment", "sentence.min_imprisonment"}


@pytest.mark.parametrize("section", ["4", "99", "3(4)", "x"])
def test_unknown_sections_are_errors_never_section_3s_limits(
    build: Any, actx: ValidationContext, section: str
) -> None:
    case = _case(build, "tip_act_2018", section, BEFORE, 12)
    problems = validate(case, actx)
    assert [(p.field, p.rule) for p in problems] == [
        ("sections[0]", "reference.section"),
        ("accused[0].section", "reference.section"),
    ]
    assert "known: 3(1), 3(2), 3(3)" in problems[0].message


def test_a_blank_accused_section_takes_the_case_s_single_section(
    build: Any, actx: ValidationContext
) -> None:
    """An officer records s.3(2) on the case once: an 8-year sentence is lawful under it."""
    case = _case(build, "tip_act_2018", "", BEFORE, 96, sections=["3(2)"])
    assert validate(case, actx) == []
    two = _case(build, "tip_act_2018", "", BEFORE, 96, sections=["3(1)", "3(2)"])
    (problem,) = validate(two, actx)  # ambiguous: the default section, named in the message
    assert "(TIP Act 2018 s.3(1) as in force on 2025-02-28" in problem.message


# --- s.3(2)'s condition: a woman or a child among the victims ----------------------------------


def _victim(build: Any, **changes: Any) -> Any:
    values: dict[str, Any] = {
        "gender": Gender.MALE,
        "age": 30,
        "date_of_birth": None,
        "identified_on": dt.date(2023, 3, 10),
    }
    return build.victim(**(values | changes))


@pytest.mark.parametrize(
    ("victim", "warned"),
    [
        ({"gender": Gender.FEMALE, "age": 30}, False),
        ({"age": 17}, False),
        ({"gender": Gender.TRANSGENDER, "age": 16}, False),
        # 18 when identified a year after the offence, so 17 on the offence date: a child then.
        ({"age": 18, "identified_on": dt.date(2024, 3, 10)}, False),
        # Born 2006: 17 on the offence date, though 18 when identified.
        (
            {
                "age": None,
                "date_of_birth": dt.date(2006, 1, 1),
                "identified_on": dt.date(2024, 3, 10),
            },
            False,
        ),
        ({"age": 30}, True),
        ({"age": None}, True),
        ({"gender": Gender.FEMALE, "deleted": True}, True),
    ],
)
def test_3_2_without_a_woman_or_child_victim_is_a_warning_not_a_refusal(
    build: Any, actx: ValidationContext, victim: dict[str, Any], warned: bool
) -> None:
    case = _case(
        build, "tip_act_2018", "3(2)", dt.date(2023, 3, 5), 96, victims=[_victim(build, **victim)]
    )
    case.registered_on = dt.date(2023, 3, 20)
    assert validate(case, actx) == []
    warnings = advise(case, actx)
    assert [(p.field, p.rule) for p in warnings] == (
        [("sections[0]", "sentence.condition")] if warned else []
    )
    if warned:
        assert warnings[0].severity is Severity.WARNING
        assert "TIP Act 2018 s.3(2) applies where a victim is a woman or a child" in (
            warnings[0].message
        )


def test_the_warning_is_given_once_where_3_2_is_first_charged(
    build: Any, actx: ValidationContext
) -> None:
    case = _case(build, "tip_act_2018", "3(1)", BEFORE, 12, victims=[])
    case.accused += [
        build.accused(name="B", section="3(2)"),
        build.accused(name="C", section="3(2)"),
    ]
    assert [(p.field, p.rule) for p in advise(case, actx)] == [
        ("accused[1].section", "sentence.condition")
    ]


def test_3_1_needs_no_condition(build: Any, actx: ValidationContext) -> None:
    case = _case(build, "tip_act_2018", "3(1)", BEFORE, 12, victims=[])
    assert advise(case, actx) == []


# --- the Smuggling of Migrants Act --------------------------------------------------------------


def test_smuggling_cases_are_accepted_and_a_missing_fine_is_only_a_warning(
    build: Any, actx: ValidationContext
) -> None:
    case = _case(build, "psma_2018", "3", BEFORE, 48, fine=None)
    assert validate(case, actx) == []
    (warning,) = advise(case, actx)
    assert (warning.field, warning.rule) == ("accused[0].fine_pkr", "sentence.penalty")
    assert validate(_case(build, "psma_2018", "3", BEFORE, 48, fine=500_000), actx) == []
    assert advise(_case(build, "psma_2018", "3", BEFORE, 48, fine=500_000), actx) == []


def test_a_law_not_in_force_on_the_offence_date_is_a_warning(
    build: Any, actx: ValidationContext
) -> None:
    case = build.case(offence_on=dt.date(2017, 12, 31), accused=[], sections=["3"])
    assert validate(case, actx) == []
    (warning,) = advise(case, actx)
    assert (warning.field, warning.rule) == ("law", "law.not_in_force")
    assert "it took effect on 2018-05-31" in warning.message


# --- the rules file ---------------------------------------------------------------------------


def test_a_minimum_fine_binds_a_fine_imposed(
    build: Any, reference_data: dict[str, Any], actx: ValidationContext
) -> None:
    data = copy.deepcopy(reference_data)
    data["sentences"]["laws"]["old_act"]["sections"]["9"] = {
        "versions": [{"effective_from": "2000-01-01", "min_fine_pkr": 50_000}]
    }
    ctx = ValidationContext(reference=Reference(**data), offices=actx.offices, today=actx.today)
    case = _case(build, "old_act", "9", BEFORE, 12, fine=49_999)
    (problem,) = validate(case, ctx)
    assert (problem.rule, problem.message) == (
        "sentence.min_fine",
        "49,999 is below the PKR 50,000 minimum (Old Act s.9)",
    )
    assert validate(_case(build, "old_act", "9", BEFORE, 12, fine=50_000), ctx) == []
    assert validate(_case(build, "old_act", "9", BEFORE, 12, fine=None), ctx) == []


@pytest.mark.parametrize(
    ("written", "key"),
    [("3(2)", "3(2)"), (" S. 3 (2) ", "3(2)"), ("Section 3", "3"), ("sec.4", "4"), ("3A", "3a")],
)
def test_section_key(written: str, key: str) -> None:
    assert section_key(written) == key


def test_rules_without_any_law_are_refused() -> None:
    with pytest.raises(RulesError, match="no law"):
        parse_rules({"laws": {"_comment": "only"}})


def test_the_law_checks_are_said_in_urdu(build: Any, actx: ValidationContext) -> None:
    """Each law check is a translatable message (issue 19): the English unchanged, the Urdu
    from the .ts with the section, the dates and the known sections in place."""
    from tipdesk.catalogue import message_in
    from tipdesk.core.messages import Message

    sentenced = _case(build, "tip_act_2018", "3(3)", BEFORE, 12)
    (late,) = validate(sentenced, actx)
    unknown = validate(_case(build, "tip_act_2018", "99", BEFORE, 12), actx)[0]
    said = [problem.said() for problem in (late, unknown)]
    assert [str(m) for m in said] == [late.message, unknown.message]
    late_said, unknown_said = said
    assert isinstance(late_said, Message)
    assert isinstance(unknown_said, Message)
    urdu = message_in("ur", late_said)
    assert "دفعہ 3(3)" in urdu
    assert "نافذ نہیں تھی" in urdu
    assert COMMENCEMENT.isoformat() in urdu
    assert "was not in force" not in urdu
    urdu = message_in("ur", unknown_said)
    assert "سزا کے قواعد میں" in urdu
    assert "3(1), 3(2), 3(3)" in urdu
