"""Messages of core/services made translatable without Qt (issue 19): validation problems
carry their English template and arguments, every template they use is found by the
extraction that feeds the .ts file, and the English text is the template filled."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_validation import REFUSED

from tipdesk.core.errors import Problem
from tipdesk.core.messages import Message, say, template, templates_in
from tipdesk.core.validation import ValidationContext, validate
from tipdesk.ui.devtools.i18n import catalogue_texts

# The rules whose sentences validation.py and sentence_checks.py make translatable (others,
# e.g. the sections in force and hearings, still come in English: docs/translation.md).
TRANSLATABLE_RULES = {
    "required", "date.future", "number.negative", "age.range", "cnic.format",
    "reference.code", "reference.office", "reference.law", "route.transnational",
    "route.domestic", "stage.closed_reason", "official.action", "outcome.judgment_date",
    "outcome.proceeded_date", "outcome.appeal", "sentence.required",
    "sentence.without_conviction", "age.date_of_birth", "referral.outcome_date",
    "participants.gender_sum", "participants.agency_sum", "participants.roster",
    "sentence.max_imprisonment", "sentence.min_imprisonment", "sentence.max_fine",
}  # fmt: skip


def _templates(message: Message) -> list[str]:
    nested = [t for v in message.args.values() if isinstance(v, Message) for t in _templates(v)]
    return [message.template, *nested]


def test_validation_problems_carry_catalogued_templates(build: Any, ctx: ValidationContext) -> None:
    catalogue = set(catalogue_texts())
    checked: set[str] = set()
    for _, make, _ in REFUSED:
        for problem in validate(make(build), ctx):
            if problem.rule not in TRANSLATABLE_RULES:
                continue
            assert problem.template, f"{problem.rule}: {problem.message}"
            message = Message(problem.template, dict(problem.args))
            assert str(message) == problem.message  # the English text is the template filled
            missing = [t for t in _templates(message) if t not in catalogue]
            assert not missing, missing
            checked.add(problem.rule)
    assert checked == TRANSLATABLE_RULES  # each rule was seen at least once


def test_a_problem_compares_by_its_english_text() -> None:
    made = Problem.of("case_number", "required", say("{label} is required", label=say("x")))
    assert made == Problem("case_number", "required", "x is required")
    assert made.template == "{label} is required"


def test_templates_are_read_from_the_source(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text(
        "from tipdesk.core import messages\n"
        'A = template("a label")\n'
        "def f(n):\n"
        '    return messages.say("{n} things " "joined", n=n)\n'
        'B = say(f"not {A}")  # not a literal: not a template\n',
        encoding="utf-8",
    )
    assert sorted(templates_in([source])) == ["a label", "{n} things joined"]
    assert template("x") == "x"


def test_a_bad_template_never_raises() -> None:
    assert str(say("{missing} here")) == "{missing} here"
