"""HQ's quarantine reasons as a district shows them from a receipt (issue 19): in the user's
language when the reason's template is one of this app's messages, else HQ's English; a
template from elsewhere is never filled in. Synthetic data only."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from tipdesk.core.errors import Problem, problem_kept
from tipdesk.core.languages import Language
from tipdesk.core.messages import say
from tipdesk.ui.errors import received_problem_text
from tipdesk.ui.language import apply_language


@pytest.fixture
def in_urdu(qapp: QApplication) -> Iterator[None]:
    apply_language(qapp, Language.URDU)
    yield
    apply_language(qapp, Language.ENGLISH)


def _kept(template: str, **args: Any) -> dict[str, Any]:
    return problem_kept(Problem.of("registered_on", "date.future", say(template, **args)))


def test_a_known_reason_is_shown_in_urdu(in_urdu: None) -> None:
    # A sentence this app says, with its Urdu in the .ts.
    problem = _kept("There is no conflict {id}.", id="'c1'")
    shown = received_problem_text(problem)
    assert shown != problem["message"] and "'c1'" in shown
    assert any("\u0600" <= ch <= "\u06ff" for ch in shown)


def test_an_unknown_template_shows_hqs_english(in_urdu: None) -> None:
    problem = _kept("{x.__class__} from elsewhere", x="s")
    problem["message"] = "HQ's own words"
    assert received_problem_text(problem) == "HQ's own words"
    assert received_problem_text({"rule": "sync.owner"}) == "sync.owner"
    # A known sentence with an argument that is an unknown template: HQ's English as well.
    nested = _kept("There is no conflict {id}.", id=say("{x.__class__}", x="s"))
    nested["message"] = "HQ's own words"
    assert received_problem_text(nested) == "HQ's own words"


def test_in_english_the_message_is_shown_as_sent(qapp: QApplication) -> None:
    problem = _kept("There is no conflict {id}.", id="'c1'")
    assert received_problem_text(problem) == "There is no conflict 'c1'."
