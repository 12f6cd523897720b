"""Problems kept as JSON read back as one line, or as their translatable sentence."""

from __future__ import annotations

import json

from tipdesk.core.errors import Problem, problem_kept, problem_line, problem_said
from tipdesk.core.messages import Message, kept, restored, say


def test_a_problem_reads_field_then_message() -> None:
    assert problem_line({"field": "cnic", "rule": "cnic.format", "message": "is not a CNIC"}) == (
        "cnic: is not a CNIC"
    )


def test_a_missing_field_or_message_leaves_no_stray_colon() -> None:
    assert problem_line({"message": "the version information is not consistent"}) == (
        "the version information is not consistent"
    )
    assert problem_line({"field": "version"}) == "version"


def test_a_kept_problem_gives_back_its_template_and_arguments_through_json() -> None:
    label = say("Accused {n}", n=1)
    problem = Problem.of(
        "accused[0].age", "age.range", say("{what} is {age}: too old", what=label, age=130)
    )
    stored = json.loads(json.dumps(problem_kept(problem)))
    assert stored["message"] == "Accused 1 is 130: too old"  # the English, as before
    field, sentence = problem_said(stored)
    assert field == "accused[0].age" and isinstance(sentence, Message)
    assert sentence.template == "{what} is {age}: too old" and sentence.args["age"] == 130
    assert sentence.args["what"] == label and str(sentence) == stored["message"]


def test_an_entry_kept_before_templates_or_a_bad_one_reads_as_english() -> None:
    old = {"field": "cnic", "rule": "cnic.format", "message": "is not a CNIC"}
    assert problem_said(old) == ("cnic", "is not a CNIC")
    for bad in ("text", {"template": 3, "args": {}}, {"template": "{x}", "args": [1]},
                {"template": "{x}", "args": {"x": [1, 2]}}):  # fmt: skip
        assert restored(bad) is None
        assert problem_said({**old, "said": bad}) == ("cnic", "is not a CNIC")


def test_an_argument_that_is_not_plain_keeps_no_template() -> None:
    assert kept(say("{x}", x=object())) is None
    problem = Problem.of("f", "r", say("{x} is odd", x=object()))
    assert "said" not in problem_kept(problem)
    assert set(problem_kept(Problem("f", "r", "plain English"))) == {"field", "rule", "message"}
