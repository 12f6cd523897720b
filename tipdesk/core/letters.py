"""Letter templates HQ can amend (``resources/templates/letters.json``), and filling them in.

A template is plain text with named fields in braces, ``{victim_code}``; ``{{`` and ``}}``
are literal braces. Only the names in :data:`FIELDS` exist: anything else (an unknown name, an
attribute or index such as ``{a.b}``, a format spec ``{a:>10}`` or a conversion ``{a!r}``) is
refused when the file is checked, so a template can never reach into the program. No I/O here.

Document shape::

    {"referral_letters": {"<service code> | default": {
        "title": "...", "subject": "...", "to": ["line", ...], "salutation": "Sir/Madam,",
        "body": ["paragraph", ...], "particulars": [["label", "value"], ...],
        "closing": ["line", ...]}}}

The particulars print as a two-column table between the first paragraph and the others;
``salutation`` and ``particulars`` may be left out (``Sir/Madam,`` and none).

``default`` is required and serves the services without a template of their own. Keys starting
with ``_`` are comments. Contract: :func:`parse_letters` returns the templates or raises
:class:`LettersError` naming the first problem; :func:`fill` never fails on a checked template.
"""

from __future__ import annotations

import string
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

#: The fields a template may use, with what each holds (docs/printouts.md lists the same).
FIELDS: dict[str, str] = {
    "date": "the date of the letter",
    "reference": "the letter's reference number",
    "office_name": "the office (letterhead)",
    "office_address": "the office's address (letterhead)",
    "office_phone": "the office's telephone (letterhead)",
    "office_email": "the office's e-mail (letterhead)",
    "officer_name": "the signing officer (letterhead)",
    "officer_designation": "the signing officer's designation (letterhead)",
    "district": "the district's name",
    "case_number": "the case's FIR or enquiry number (blank without a case)",
    "victim_code": "the victim's identification code",
    "victim_name": "the victim's name when revealed for this letter, else a line to fill in",
    "father_name": "the father's name when revealed, else a line to fill in",
    "gender": "the victim's gender",
    "age": "the victim's age (or 'not known')",
    "nationality": "the victim's nationality",
    "service": "the service referred to (its name)",
    "provider": "the organisation providing it (blank line when not recorded)",
    "referred_on": "the date of the referral (or the letter's date)",
}
PARTS = ("title", "subject", "to", "salutation", "body", "particulars", "closing")
SALUTATION = "Sir/Madam,"
MAX_TEXT = 4_000


class LettersError(ValueError):
    """A template document not of the documented shape; the message says where."""


@dataclass(frozen=True, slots=True)
class LetterTemplate:
    """One letter: its heading, subject, addressee lines, paragraphs and closing lines."""

    title: str
    subject: str
    to: tuple[str, ...]
    body: tuple[str, ...]
    particulars: tuple[tuple[str, str], ...]
    closing: tuple[str, ...]
    salutation: str = SALUTATION


def _check_text(text: str, where: str) -> None:
    if len(text) > MAX_TEXT:
        raise LettersError(f"{where} is longer than {MAX_TEXT:,} characters")
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise LettersError(f"{where}: {exc} (write {{{{ and }}}} for a brace)") from None
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in FIELDS or spec or conversion:
            shown = name if len(name) <= 40 else name[:40] + "…"
            raise LettersError(
                f"{where}: {{{shown}}} is not a field a letter may use "
                f"(known: {', '.join(sorted(FIELDS))})"
            )


def _lines(item: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = item.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LettersError(f"{where}.{key} must be a list of text")
    for i, line in enumerate(value):
        _check_text(line, f"{where}.{key}[{i}]")
    return tuple(value)


def _pairs(item: Mapping[str, Any], where: str) -> tuple[tuple[str, str], ...]:
    value = item.get("particulars", [])
    ok = isinstance(value, list) and all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in value
    )
    if not ok:
        raise LettersError(f"{where}.particulars must be a list of [label, value] pairs of text")
    for i, (label, text) in enumerate(value):
        _check_text(label, f"{where}.particulars[{i}][0]")
        _check_text(text, f"{where}.particulars[{i}][1]")
    return tuple((label, text) for label, text in value)


def _one(item: Mapping[str, Any], key: str, where: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise LettersError(f"{where}.{key} must be a non-empty string")
    _check_text(value, f"{where}.{key}")
    return value


def parse_letters(
    doc: Mapping[str, Any], *, services: Collection[str]
) -> dict[str, LetterTemplate]:
    """The referral letters of a template document, by service code (and ``default``)."""
    raw = doc.get("referral_letters")
    if not isinstance(raw, dict):
        raise LettersError("referral_letters must be an object")
    out: dict[str, LetterTemplate] = {}
    for key, item in raw.items():
        if str(key).startswith("_"):
            continue
        where = f"referral_letters.{key}"
        if key != "default" and key not in services:
            raise LettersError(f"{where}: {key!r} is not a referral service code")
        if not isinstance(item, dict):
            raise LettersError(f"{where} must be an object")
        extra = sorted(k for k in item if not str(k).startswith("_") and k not in PARTS)
        if extra:
            raise LettersError(f"{where} has unknown keys: {', '.join(extra)}")
        out[key] = LetterTemplate(
            title=_one(item, "title", where),
            subject=_one(item, "subject", where),
            to=_lines(item, "to", where),
            body=_lines(item, "body", where),
            particulars=_pairs(item, where),
            closing=_lines(item, "closing", where),
            salutation=_one(item, "salutation", where) if "salutation" in item else SALUTATION,
        )
    if "default" not in out:
        raise LettersError("referral_letters needs a 'default' letter")
    return out


def fill(text: str, values: Mapping[str, str]) -> str:
    """``text`` with its fields replaced by ``values`` (a missing value is left blank)."""
    out: list[str] = []
    for literal, name, _spec, _conversion in string.Formatter().parse(text):
        out.append(literal)
        if name is not None:
            out.append(values.get(name, ""))
    return "".join(out)


def filled(template: LetterTemplate, values: Mapping[str, str]) -> LetterTemplate:
    """Every part of ``template`` filled in with ``values``."""
    return LetterTemplate(
        title=fill(template.title, values),
        subject=fill(template.subject, values),
        to=tuple(fill(t, values) for t in template.to),
        body=tuple(fill(t, values) for t in template.body),
        particulars=tuple((fill(a, values), fill(b, values)) for a, b in template.particulars),
        closing=tuple(fill(t, values) for t in template.closing),
        salutation=fill(template.salutation, values),
    )
