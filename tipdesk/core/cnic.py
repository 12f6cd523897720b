"""CNIC numbers (Pakistan's Computerised National Identity Card): checking and formatting.

Contract: pure functions, no I/O. A CNIC is stored as its 13 digits; it is shown as
``#####-#######-#``. Input is forgiving: spaces anywhere, typographic dashes (a CNIC pasted from
a word processor often carries an en dash) and Urdu/Arabic-Indic digits are accepted. Only the
shape is checked (13 digits, dashes after the 5th and the 12th if any are used); whether NADRA
issued the number is not something an offline app can know.
"""

from __future__ import annotations

import re
import unicodedata

# Hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash, em dash, minus sign.
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"))
_DASHED = re.compile(r"(\d{5})-(\d{7})-(\d)", re.ASCII)
_PLAIN = re.compile(r"\d{13}", re.ASCII)


def _ascii_digits(text: str) -> str:
    """Replace every Unicode decimal digit (e.g. Urdu ``۳``) by its ASCII digit."""
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


def normalise_cnic(text: str) -> str | None:
    """Return the 13 digits of ``text``, or ``None`` if it is not a CNIC.

    Accepts ``#####-#######-#`` or 13 plain digits; whitespace anywhere is ignored.
    An empty text is not a CNIC (``None``): callers treat an empty field as "not given".
    """
    if len(text) == 13 and text.isascii() and text.isdigit():
        return text  # the stored form: by far the most common input, checked in one pass
    compact = "".join(_ascii_digits(text).translate(_DASHES).split())
    if _PLAIN.fullmatch(compact):
        return compact
    match = _DASHED.fullmatch(compact)
    return "".join(match.groups()) if match else None


def format_cnic(digits: str) -> str:
    """Return ``digits`` (any form :func:`normalise_cnic` accepts) as ``#####-#######-#``.

    Raises ``ValueError`` when ``digits`` is not a CNIC: callers format stored values, which
    validation has already checked.
    """
    plain = normalise_cnic(digits)
    if plain is None:
        raise ValueError("not a CNIC: 13 digits are needed")
    return f"{plain[:5]}-{plain[5:12]}-{plain[12]}"
