"""Case files (attachments): what they are about, their kinds, the allowed file types and the
size limits. Plain data and rules only: no I/O (the services sniff files, the store keeps
them encrypted: ``docs/security.md``, "Case files").
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from tipdesk.core.messages import Message, say


class AttachmentKind(StrEnum):
    """What a file is (an officer picks one; the register of papers a case runs on)."""

    FIR = "fir"
    MEDICAL = "medical"
    AGE_DETERMINATION = "age_determination"
    COURT_ORDER = "court_order"
    PHOTO = "photo"
    CHALLAN = "challan"
    OTHER = "other"


KIND_LABELS: dict[AttachmentKind, str] = {
    AttachmentKind.FIR: "FIR",
    AttachmentKind.MEDICAL: "Medical report",
    AttachmentKind.AGE_DETERMINATION: "Age determination",
    AttachmentKind.COURT_ORDER: "Court order",
    AttachmentKind.PHOTO: "Photo",
    AttachmentKind.CHALLAN: "Challan",
    AttachmentKind.OTHER: "Other",
}


class About(StrEnum):
    """The record a file belongs to."""

    CASE = "case"
    ACCUSED = "accused"
    VICTIM = "victim"


@dataclass(frozen=True, slots=True)
class FileType:
    """An allowed file type, as found from the file's content."""

    media_type: str
    extension: str
    """The extension a saved copy gets (``.pdf``), whatever the original name said."""
    label: str
    previewable: bool
    """Shown in the app (images and PDF pages); the others only through "Save a copy"."""


PDF = FileType("application/pdf", ".pdf", "PDF document", True)
JPEG = FileType("image/jpeg", ".jpg", "JPEG image", True)
PNG = FileType("image/png", ".png", "PNG image", True)
DOCX = FileType(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".docx",
    "Word document",
    False,
)
XLSX = FileType(
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".xlsx",
    "Excel workbook",
    False,
)
PPTX = FileType(
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".pptx",
    "PowerPoint presentation",
    False,
)
ODT = FileType("application/vnd.oasis.opendocument.text", ".odt", "OpenDocument text", False)
ODS = FileType(
    "application/vnd.oasis.opendocument.spreadsheet", ".ods", "OpenDocument spreadsheet", False
)
TYPES: tuple[FileType, ...] = (PDF, JPEG, PNG, DOCX, XLSX, PPTX, ODT, ODS)
BY_MEDIA_TYPE: dict[str, FileType] = {t.media_type: t for t in TYPES}
ALLOWED_TEXT = (
    "PDF, JPEG, PNG, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), OpenDocument (.odt, .ods)"
)

MB = 1024 * 1024
DEFAULT_MAX_FILE_MB = 25
"""A scanned document of 20 pages at 300 dpi is 3 to 10 MB; 25 MB leaves room for photos."""
DEFAULT_MAX_STORE_MB = 4096
"""All files of one store together: a laptop's backups and sync stay practical."""
MAX_FILE_MB_CEILING = 200
"""The highest per-file limit an administrator may set: a file is written in one transaction
(its size goes through the write-ahead log) and previewed from memory."""
MAX_STORE_MB_CEILING = 64 * 1024
MAX_NOTE = 500
MAX_FILE_NAME = 200
MAX_IMAGE_PIXELS = 60_000_000
"""An image larger than this (a 60-megapixel photo is already extreme) is refused: a small
PNG can declare 100,000 x 100,000 pixels and take gigabytes to decode."""
MAX_OFFICE_UNPACKED = 512 * MB
"""An office file (a zip) whose members unpack to more than this is refused as a zip bomb."""
MAX_OFFICE_RATIO = 200
"""... and so is one whose members unpack to more than this many times its size."""


@dataclass(frozen=True, slots=True)
class Limits:
    """The size limits an administrator sets (Settings), in MB."""

    max_file_mb: int = DEFAULT_MAX_FILE_MB
    max_store_mb: int = DEFAULT_MAX_STORE_MB

    @property
    def max_file_bytes(self) -> int:
        return self.max_file_mb * MB

    @property
    def max_store_bytes(self) -> int:
        return self.max_store_mb * MB


def size_message(size: int) -> Message:
    """``340 KB``, ``4.2 MB``: a size for people, translatable (the UI shows it in Urdu)."""
    if size < 1024:
        return say("{n} bytes", n=size)
    if size < MB:
        return say("{n:.0f} KB", n=size / 1024)
    if size < 1024 * MB:
        return say("{n:.1f} MB", n=size / MB)
    return say("{n:.2f} GB", n=size / (1024 * MB))


def size_text(size: int) -> str:
    """:func:`size_message` in English (the CLI, logs, messages)."""
    return str(size_message(size))


def limit_problem(size: int, used: int, limits: Limits) -> Message | None:
    """Why a file of ``size`` bytes cannot be added to a store holding ``used`` bytes of
    files (a translatable message), or ``None`` when it fits."""
    if size > limits.max_file_bytes:
        return say(
            "The file is {size}; files of at most {most} MB can be attached (an administrator "
            "sets the limit in Settings). Scan at a lower resolution or split the document.",
            size=size_message(size),
            most=limits.max_file_mb,
        )
    if used + size > limits.max_store_bytes:
        return say(
            "The store's files would take {size}, over the limit of {most} MB set in Settings. "
            "Remove files no longer needed, or ask an administrator to raise the limit.",
            size=size_message(used + size),
            most=limits.max_store_mb,
        )
    return None


_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
"""Control and format characters (terminal escapes, right-to-left overrides that turn
``gpj.exe`` into ``exe.jpg`` on screen), surrogates, unassigned code points, line breaks.
The zero-width (non-)joiners are format characters too, but Urdu spelling needs them."""
_JOINERS = frozenset({"\u200c", "\u200d"})


def clean_name(name: str) -> str:
    """A file's name as TIPDesk keeps and shows it: unsafe characters (see
    :data:`_UNSAFE_CATEGORIES`) and path separators become ``_``, runs of spaces one space,
    no leading dots or spaces, at most :data:`MAX_FILE_NAME` characters; ``file`` when
    nothing is left. Urdu and other scripts stay as they are."""
    kept = "".join(
        "_"
        if c in "/\\:" or (unicodedata.category(c) in _UNSAFE_CATEGORIES and c not in _JOINERS)
        else c
        for c in name
    )
    kept = " ".join(kept.split()).lstrip(". ")[:MAX_FILE_NAME].rstrip()
    return kept or "file"
