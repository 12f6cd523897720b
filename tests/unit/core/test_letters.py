"""Letter templates: only the named fields exist; nothing else in braces reaches the program."""

from __future__ import annotations

import pytest

from tipdesk.core.letters import FIELDS, LettersError, fill, parse_letters

SERVICES = {"shelter", "medical"}


def _doc(subject: str) -> dict[str, object]:
    letter = {"title": "T", "subject": subject, "to": [], "body": ["b"], "closing": []}
    return {"referral_letters": {"default": letter}}


def test_fields_are_filled_and_double_braces_are_literal() -> None:
    text = "Dear {provider}, {{not a field}} ref {reference}."
    assert fill(text, {"provider": "IOM", "reference": "R/1"}) == (
        "Dear IOM, {not a field} ref R/1."
    )
    assert fill("{victim_name}", {}) == ""


@pytest.mark.parametrize(
    "subject",
    ["{unknown}", "{date.year}", "{date[0]}", "{date!r}", "{date:>40}", "{date", "}"],
)
def test_anything_but_a_plain_known_field_is_refused(subject: str) -> None:
    with pytest.raises(LettersError):
        parse_letters(_doc(subject), services=SERVICES)


def test_every_field_parses_and_a_template_for_an_unknown_service_is_refused() -> None:
    every = " ".join(f"{{{name}}}" for name in FIELDS)
    parsed = parse_letters(_doc(every), services=SERVICES)
    assert parsed["default"].salutation == "Sir/Madam,"
    doc = _doc("x")
    doc["referral_letters"]["spa"] = doc["referral_letters"]["default"]  # type: ignore[index]
    with pytest.raises(LettersError, match="'spa' is not a referral service code"):
        parse_letters(doc, services=SERVICES)
