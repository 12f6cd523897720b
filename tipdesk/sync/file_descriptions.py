"""Descriptions of case files, as bundles (the payload's ``attachments`` section) and sealed
case files (their part 0) carry them to HQ (``docs/bundle-format.md``, "Case files").

A description says what a file is without its content: its id, the record it belongs to, its
kind, type, size and SHA-256, when and by whom it was attached, and its name and note, which
are ``null`` for a victim's file unless the victim consented to sharing with HQ (as victims'
identities travel). Pure data and checks: :func:`check` never trusts its input and raises
:class:`~tipdesk.sync.errors.DamagedFile` for anything out of shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tipdesk.core import attachments as A
from tipdesk.core.ids import is_id
from tipdesk.core.messages import say
from tipdesk.sync.errors import DamagedFile

FIELDS = ("about", "case_id", "created_at", "created_by", "file_name", "id", "kind",
          "media_type", "note", "record_id", "sha256", "size")  # fmt: skip
MAX_SIZE = A.MAX_FILE_MB_CEILING * A.MB
_SHA = re.compile(r"[0-9a-f]{64}")
_MAX_TEXT = 200


@dataclass(frozen=True, slots=True)
class Description:
    id: str
    about: str
    record_id: str
    case_id: str | None
    kind: str
    media_type: str
    size: int
    sha256: str
    created_at: str
    created_by: str
    file_name: str | None
    """``None``: withheld (a victim's file without consent to share)."""
    note: str | None

    def to_json(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in FIELDS}


def _damaged() -> DamagedFile:
    return DamagedFile(
        say(
            "A case file's description in this file is not in the expected form; it was refused. "
            "Nothing was changed."
        )
    )


def _text(value: Any, most: int = _MAX_TEXT) -> bool:
    return isinstance(value, str) and len(value) <= most


def check(raw: Any) -> Description:
    """One description from elsewhere, checked (see the module contract)."""
    if not isinstance(raw, dict) or set(raw) != set(FIELDS):
        raise _damaged()
    case_id, name, note = raw["case_id"], raw["file_name"], raw["note"]
    ok = (
        isinstance(raw["id"], str)
        and is_id(raw["id"])
        and isinstance(raw["record_id"], str)
        and is_id(raw["record_id"])
        and (case_id is None or (isinstance(case_id, str) and is_id(case_id)))
        and raw["about"] in {a.value for a in A.About}
        and raw["kind"] in {k.value for k in A.AttachmentKind}
        and raw["media_type"] in A.BY_MEDIA_TYPE
        and type(raw["size"]) is int
        and 0 <= raw["size"] <= MAX_SIZE
        and isinstance(raw["sha256"], str)
        and _SHA.fullmatch(raw["sha256"]) is not None
        and _text(raw["created_at"], 40)
        and _text(raw["created_by"])
        and (name is None or _text(name, A.MAX_FILE_NAME))
        and (note is None or _text(note, A.MAX_NOTE))
        and (raw["about"] != A.About.CASE or raw["record_id"] == case_id)
    )
    if not ok:
        raise _damaged()
    return Description(**{name: raw[name] for name in FIELDS})


def check_all(raw: Any, most: int) -> list[Description]:
    """A list of at most ``most`` descriptions with distinct ids (a bundle's section)."""
    if not isinstance(raw, list) or len(raw) > most:
        raise _damaged()
    out = [check(r) for r in raw]
    if len({d.id for d in out}) != len(out):
        raise _damaged()
    return out
