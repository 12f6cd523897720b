"""How search compares words: the one folding that the full-text index, the list searches,
the identity hashes (victims found by name) and the dual-role check all apply, to what is
stored and to what is typed alike, so that they always agree.

Contract: :func:`fold` is pure and idempotent (``fold(fold(t)) == fold(t)``); it keeps word
boundaries (spaces stay spaces), so "محمد علی" is found by either word. It removes:
- case (``casefold``) and diacritics: Latin accents and the Arabic-script vowel marks (zer,
  zabar, pesh, tanwin, shadda, jazm, the small alef...), tatweel, and the invisible joiners
  and direction marks;
and makes one letter of the variants Urdu text is typed with:
- Arabic kaf ``ك`` -> Urdu kaf ``ک``; Arabic yeh ``ي`` and alef maksura ``ى`` -> Urdu yeh
  ``ی``; Arabic heh ``ه``, teh marbuta ``ة``, ae ``ە`` -> heh goal ``ہ`` (do-chashmi ``ھ``,
  which marks aspiration, stays apart); a hamza carried on a letter is dropped with the other
  marks (``ۂ`` -> ``ہ``, ``أ`` -> ``ا``);
- Arabic-Indic and Urdu digits -> 0-9 (a case number typed either way).
"""

from __future__ import annotations

import unicodedata

_LETTERS = str.maketrans(
    {
        "\u0643": "\u06a9",  # ك Arabic kaf -> ک keheh
        "\u064a": "\u06cc",  # ي Arabic yeh -> ی Farsi yeh
        "\u0649": "\u06cc",  # ى alef maksura -> ی
        "\u0647": "\u06c1",  # ه Arabic heh -> ہ heh goal
        "\u0629": "\u06c1",  # ة teh marbuta -> ہ
        "\u06d5": "\u06c1",  # ە ae -> ہ
        "\u0640": None,  # tatweel
        "\u200c": None,  # zero-width non-joiner
        "\u200d": None,  # zero-width joiner
        "\u200e": None,  # left-to-right mark
        "\u200f": None,  # right-to-left mark
        **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + d): str(d) for d in range(10)},  # Urdu (extended) digits
    }
)


def fold(text: str) -> str:
    """``text`` as search compares it (see the module docstring)."""
    if text.isascii():
        # ASCII has no diacritic, no letter variant and no other digits, and is its own
        # NFKD and NFC: only case is left (what the general path gives, without its work
        # per character; an import folds every record's text).
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", bare.translate(_LETTERS)).casefold()
