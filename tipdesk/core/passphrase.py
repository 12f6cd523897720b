"""The passphrase policy: which passphrases are refused, and a strength hint for the GUI.

Pure logic (no I/O), shared by the key file, the services and the setup screens.
"""

from __future__ import annotations

import itertools
import unicodedata

from tipdesk.core.messages import Message, joined, say

MIN_PASSPHRASE = 10
MAX_PASSPHRASE = 1024

_COMMON_WORDS = frozenset(
    {"password", "passphrase", "passwort", "qwerty", "letmein", "welcome", "admin", "tipdesk"}
)
_KEYBOARD_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")


def passphrase_problems(passphrase: str, *, user: str | None = None) -> list[str]:
    """Every reason ``passphrase`` is refused, as English sentences (the key file, logs):
    :func:`passphrase_messages` as text."""
    return [str(message) for message in passphrase_messages(passphrase, user=user)]


def passphrase_messages(passphrase: str, *, user: str | None = None) -> list[Message]:
    """Every reason ``passphrase`` is refused, as translatable messages for the officer
    (:mod:`tipdesk.core.messages`); empty when it is acceptable. The rules are deliberately
    few and explainable:

    - between 10 and 1024 characters (after NFC normalisation);
    - no control characters, and no space at the start or end (easy to lose when retyping);
    - not one character repeated, and at least 5 different characters;
    - not a run of consecutive characters (``0123456789``, ``abcdefghij``) or a keyboard row;
    - not just a common word such as "password" with digits or symbols around it;
    - not containing the user name (when ``user`` is given).

    The messages never quote the passphrase.
    """
    text = unicodedata.normalize("NFC", passphrase)
    problems: list[Message] = []
    if len(text) < MIN_PASSPHRASE:
        problems.append(say("Use at least {n} characters.", n=MIN_PASSPHRASE))
    if len(text) > MAX_PASSPHRASE:
        problems.append(say("Use at most {n} characters.", n=MAX_PASSPHRASE))
    if any(unicodedata.category(ch).startswith("C") for ch in text):
        problems.append(say("Do not use control characters."))
    if text != text.strip():
        problems.append(say("Do not start or end the passphrase with a space."))
    distinct = len(set(text))
    if text and distinct == 1:
        problems.append(say("Do not repeat a single character."))
    elif 1 < distinct < 5:
        problems.append(say("Use at least 5 different characters."))
    if len(text) >= 3 and _is_sequence(text.casefold()):
        problems.append(say("Do not use a simple sequence such as 1234567890 or abcdefghij."))
    letters = "".join(ch for ch in text.casefold() if ch.isalpha())
    if letters in _COMMON_WORDS:
        problems.append(say('Do not base the passphrase on a common word such as "password".'))
    if user is not None:
        name = unicodedata.normalize("NFC", user).strip().casefold()
        if len(name) >= 3 and name in text.casefold():
            problems.append(say("Do not include your user name."))
    return problems


def too_weak(problems: list[Message]) -> Message:
    """The refusal of a weak passphrase naming every problem (``problems`` not empty):
    "The passphrase is too weak: <problem>; <problem>." (the separator is translated too)."""
    return say("The passphrase is too weak: {reasons}.", reasons=joined(problems))


def strength_hint(passphrase: str) -> str:
    """A rough hint for the GUI's strength meter: ``"weak"``, ``"fair"`` or ``"strong"``.

    ``weak``: :func:`passphrase_problems` finds a problem. ``strong``: at least 20 characters
    (for example four or more words), or at least 14 characters mixing three of: lower case,
    upper case, digits, other symbols (including letters outside ASCII). ``fair``: otherwise.
    This is a hint, not a measurement of entropy.
    """
    text = unicodedata.normalize("NFC", passphrase)
    if passphrase_messages(text):
        return "weak"
    classes = sum(
        (
            any(ch.isascii() and ch.islower() for ch in text),
            any(ch.isascii() and ch.isupper() for ch in text),
            any(ch.isdigit() for ch in text),
            any(not (ch.isascii() and ch.isalnum()) for ch in text),
        )
    )
    if len(text) >= 20 or (len(text) >= 14 and classes >= 3):
        return "strong"
    return "fair"


def _is_sequence(text: str) -> bool:
    steps = {ord(b) - ord(a) for a, b in itertools.pairwise(text)}
    if steps in ({1}, {-1}):
        return True
    return any(text in row or text in row[::-1] for row in _KEYBOARD_ROWS)
