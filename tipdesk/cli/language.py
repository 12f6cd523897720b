"""The language of the command line's own lines: its one-line errors and some confirmations.

Contract: the language is ``TIPDESK_LANG`` when set (``en``, ``ur``, or a language's own name:
:func:`tipdesk.core.languages.parse_language`), else the signed-in user's interface language
(the one chosen in the app's Settings, :func:`tipdesk.services.user_prefs.user_language`) once
a command has signed in, else English. :func:`check_environment` refuses a ``TIPDESK_LANG``
TIPDesk does not speak before a command runs. :func:`text` renders a message of
``core``/``services`` (:mod:`tipdesk.core.messages`) in that language, from the same ``.ts``
the app uses (:func:`tipdesk.catalogue.message_in`); a plain string stays as it is. JSON
output is for machines and stays English. ``tipdesk report --language`` chooses the language
of an export on its own, independently of this.
"""

from __future__ import annotations

import os
from types import MappingProxyType

from tipdesk import catalogue
from tipdesk.core import field_paths
from tipdesk.core.errors import InvalidInput, KnownError, ValidationFailed
from tipdesk.core.languages import DEFAULT_LANGUAGE, Language, parse_language
from tipdesk.core.messages import Message, joined, say

ENV = "TIPDESK_LANG"

# The signed-in user's language, set by :func:`follow_user` (one command per process).
_user: Language | None = None


def from_environment() -> Language | None:
    """``TIPDESK_LANG`` as a language, ``None`` when unset or empty."""
    raw = os.environ.get(ENV, "").strip()
    if not raw:
        return None
    try:
        return parse_language(raw)
    except InvalidInput as exc:
        raise InvalidInput(
            say("{env}: {problem}", env=ENV, problem=exc.said or exc.message)
        ) from None


def check_environment() -> None:
    """Refuse a ``TIPDESK_LANG`` TIPDesk does not speak (:class:`InvalidInput` naming it)."""
    from_environment()


def follow_user(language: Language | None) -> None:
    """The signed-in user's language (``None``: they never chose one)."""
    global _user
    _user = language


def current() -> Language:
    """The language of the command line's lines now (see the module contract)."""
    try:
        chosen = from_environment()
    except InvalidInput:
        chosen = None  # reported by check_environment before the command ran
    return chosen or _user or DEFAULT_LANGUAGE


def text(message: Message | str) -> str:
    """``message`` in the current language; a plain string as it is."""
    if isinstance(message, str):
        return message
    language = current()
    if language is Language.ENGLISH:
        return str(message)
    return catalogue.message_in(language.value, message)


def error_text(exc: KnownError) -> str:
    """A refusal's sentence in the current language when it was raised translatable; a
    refused record's problems name their fields by their labels (:func:`field_path`)."""
    if exc.said is None:
        return exc.message
    if isinstance(exc, ValidationFailed) and exc.problems and current() is not Language.ENGLISH:
        parts = [
            say("{field}: {problem}", field=field_path(exc.what, p.field), problem=p.said())
            for p in exc.problems
        ]
        return text(Message(exc.said.template, MappingProxyType({"problems": joined(parts)})))
    return text(exc.said)


def field_path(kind: str, path: str) -> str:
    """A problem's field path (``accused[2].imprisonment_months`` of a ``kind`` record) for
    people in the current language: in English the path as it is (it names the JSON field a
    script sent); otherwise worded by :func:`tipdesk.core.field_paths.path_words`, each field
    by its label as the app's editors word it (context ``record_fields``), a child by its kind
    and number ("ملزم 3"), joined by the language's comma."""
    language = current()
    if language is Language.ENGLISH or not path:
        return path
    labels = catalogue.translations(language.value, ("record_fields",))
    return field_paths.path_words(
        kind,
        path,
        label=lambda english: labels.get(english, english),
        message=text,
        separator=field_paths.comma(language.value),
    )
