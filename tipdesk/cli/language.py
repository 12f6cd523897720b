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

from tipdesk import catalogue
from tipdesk.core.errors import InvalidInput, KnownError
from tipdesk.core.languages import DEFAULT_LANGUAGE, Language, parse_language
from tipdesk.core.messages import Message

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
        raise InvalidInput(f"{ENV}: {exc.message}") from None


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
    """A refusal's sentence in the current language when it was raised translatable."""
    return text(exc.said) if exc.said is not None else exc.message
