"""Record identifiers: UUIDv7, time-ordered so that new records sort last and index well."""

from __future__ import annotations

import re
from collections.abc import Iterable

import uuid_utils

# fullmatch, not match with "$": "$" also matches before a final newline.
_UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")


def new_id() -> str:
    """Return a fresh UUIDv7 as a lower-case canonical string."""
    return str(uuid_utils.uuid7())


def is_id(value: str) -> bool:
    """True when ``value`` is a canonical lower-case UUIDv7 string."""
    return _UUID_RE.fullmatch(value) is not None


def all_ids(values: Iterable[str]) -> bool:
    """True when every one of ``values`` (all text) is an id: :func:`is_id` for a whole column,
    without a Python call per value."""
    return all(map(_UUID_RE.fullmatch, values))
