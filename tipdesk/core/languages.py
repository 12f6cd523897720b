"""The languages the app's interface speaks, as plain data (no Qt: the UI turns a language
into translators, a layout direction and fonts).

Contract: :class:`Language` values are the two-letter codes of the ``.ts``/``.qm`` files
(``resources/translations/tipdesk_<code>.qm``); English is the source text and needs no file.
:func:`parse_language` accepts a code or a language's own name and refuses anything else with
an :class:`~tipdesk.core.errors.InvalidInput` naming the value.
"""

from __future__ import annotations

from enum import StrEnum

from tipdesk.core.errors import InvalidInput


class Language(StrEnum):
    ENGLISH = "en"
    URDU = "ur"

    @property
    def native_name(self) -> str:
        """The language's name in itself (what a language chooser shows, untranslated)."""
        return _NATIVE_NAMES[self]

    @property
    def right_to_left(self) -> bool:
        return self is Language.URDU


_NATIVE_NAMES = {Language.ENGLISH: "English", Language.URDU: "اردو"}

DEFAULT_LANGUAGE = Language.ENGLISH


def parse_language(text: str) -> Language:
    """``en``, ``ur``, ``en_GB``, ``ur_PK``, ``English`` or ``اردو`` -> the language."""
    cleaned = text.strip()
    for language in Language:
        if cleaned.casefold() == language.native_name.casefold():
            return language
    code = cleaned.replace("-", "_").split("_", 1)[0].casefold()
    try:
        return Language(code)
    except ValueError:
        known = ", ".join(f"{lang.value} ({lang.native_name})" for lang in Language)
        raise InvalidInput(
            f"{text!r} is not a language TIPDesk speaks; choose one of: {known}."
        ) from None
