"""A problem's field path (``accused[2].imprisonment_months`` of a case) in words for people:
each field by its label as the editors word it (:mod:`tipdesk.core.field_labels`), a child
record by its kind and number ("Accused 3"), the parts joined by the language's comma:
"Accused 3, Imprisonment (months)". Qt-free, so the command line (its refusals,
:func:`tipdesk.cli.language.field_path`) and the app's screens (HQ's quarantine reasons,
:func:`tipdesk.ui.errors.field_path_text`) word a path the same way.

Contract: :func:`path_words` never translates by itself: the caller passes how a label
(English, context ``record_fields``) and a message (:mod:`tipdesk.core.messages`, context
``messages``) read in its language; the defaults give English. A part it does not know (no
label, not a child list with an index) stays as it is, so an unexpected path is still shown
whole; an empty path stays empty. Machine output (``--json``, receipts) keeps the path.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tipdesk.core import field_labels
from tipdesk.core.messages import Message, say, template

# The fields of a record that hold its children: the children's kind and how one is named.
_CHILDREN: dict[str, tuple[str, str]] = {
    "accused": ("accused", template("Accused {n}")),
    "victims": ("victim", template("Victim {n}")),
    "referrals": ("referral", template("Referral {n}")),
}
_SEGMENT = re.compile(r"(?P<name>\w+)(?:\[(?P<index>\d+)\])?")

#: How a language separates the parts of a field path (by language code; else ", ").
_COMMAS = {"ur": "، "}


def comma(language: str) -> str:
    """The separator of a path's parts in ``language`` (a code: ``en``, ``ur``)."""
    return _COMMAS.get(language, ", ")


def _same(text: str) -> str:
    return text


def path_words(
    kind: str,
    path: str,
    *,
    label: Callable[[str], str] = _same,
    message: Callable[[Message], str] = str,
    separator: str = ", ",
) -> str:
    """``path`` of a ``kind`` record in words (see the module contract): ``label`` gives an
    English label in the reader's language, ``message`` a message, ``separator`` joins."""
    if not path:
        return path
    shown: list[str] = []
    for part in path.split("."):
        found = _SEGMENT.fullmatch(part)
        if found is None:
            shown.append(part)
            continue
        name, index = found["name"], found["index"]
        child = _CHILDREN.get(name)
        if child is not None and index is not None:
            kind, words = child
            shown.append(message(say(words, n=int(index) + 1)))
            continue
        # A case's accused, victims and referrals are held with their case's reasons, whose
        # paths start at the case: a field only a case has is labelled as the case's.
        english = field_labels.label(kind, name) or field_labels.label("case", name)
        shown.append(label(english) if english else part)
    return separator.join(shown)
