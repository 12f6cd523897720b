"""Canonical JSON for everything that is signed or hashed, and a strict parser for untrusted
JSON.

Contract:
- :func:`canonical` gives one byte string per value: keys sorted, no spaces, UTF-8 (not
  ``\\u`` escapes), no floats, no NaN. Two installs that build the same value sign the same
  bytes.
- :func:`strict_loads` refuses duplicate keys, ``NaN``/``Infinity`` and floats, and raises
  :class:`Malformed` (never a ``JSONDecodeError``), so a damaged or hostile document cannot be
  read two ways.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any, NoReturn

_ENCODER = json.JSONEncoder(
    separators=(",", ":"), sort_keys=True, ensure_ascii=False, allow_nan=False
)


class Malformed(ValueError):
    """Untrusted JSON that is not acceptable; the message names why (never quotes values)."""


def canonical(value: Any, *, checked: bool = True) -> bytes:
    """The canonical JSON bytes of ``value`` (dicts, lists, str, int, bool, None only).
    ``checked=False`` skips the walk that refuses floats, for large values built only from
    stored records (which hold no floats)."""
    return _ENCODER.encode(_check(value) if checked else value).encode("utf-8")


def _check(value: Any) -> Any:
    # Floats have no single canonical spelling; nothing TIPDesk signs needs them.
    if isinstance(value, float):
        raise TypeError("floats are not allowed in canonical JSON")
    if isinstance(value, dict):
        for k, v in value.items():
            if not isinstance(k, str):
                raise TypeError("canonical JSON keys must be text")
            _check(v)
    elif isinstance(value, list | tuple):
        for v in value:
            _check(v)
    return value


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise Malformed("a field appears twice")
        out[key] = value
    return out


def _no_constant(_name: str) -> NoReturn:
    raise Malformed("NaN and Infinity are not allowed")


def _no_float(_text: str) -> NoReturn:
    raise Malformed("fractional numbers are not allowed")


def strict_loads(data: bytes) -> Any:
    """Parse untrusted UTF-8 JSON strictly (see the module contract)."""
    try:
        return json.loads(
            data.decode("utf-8"),
            object_pairs_hook=_no_duplicates,
            parse_constant=_no_constant,
            parse_float=_no_float,
        )
    except Malformed:
        raise
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise Malformed("not valid JSON") from None


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object, length: int | None = None) -> bytes:
    """Decode standard base64 text; :class:`Malformed` when it is not, or not ``length``."""
    if not isinstance(text, str):
        raise Malformed("a key or signature is not text")
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise Malformed("a key or signature is not base64") from None
    if length is not None and len(raw) != length:
        raise Malformed(f"a key or signature is not {length} bytes long")
    return raw
