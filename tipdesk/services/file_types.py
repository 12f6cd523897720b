"""What a file really is, from its content: the allow-list of case files.

A file's name proves nothing (``invoice.pdf.exe``, a program renamed ``.docx``), so the type
comes from the bytes:

- **PDF**: starts with ``%PDF-``. A PDF may hold JavaScript or forms; it is stored as it is,
  and TIPDesk only ever renders its pages (QtPdf runs no script).
- **JPEG, PNG**: their signatures, then Pillow reads the header (never the pixels): an image
  of more than :data:`~tipdesk.core.attachments.MAX_IMAGE_PIXELS` pixels is refused, since a
  small file can declare a picture that takes gigabytes to decode (a "PNG bomb").
- **Office files** (docx, xlsx, pptx, odt, ods): zip archives, read through their directory
  only (nothing is unpacked). The type is named by the archive's own parts (``mimetype`` of
  OpenDocument, the main part of Office Open XML). Refused: macro-enabled documents (a VBA
  project inside), encrypted members, and archives that would unpack to more than
  :data:`~tipdesk.core.attachments.MAX_OFFICE_UNPACKED` or to more than
  :data:`~tipdesk.core.attachments.MAX_OFFICE_RATIO` times their size (a "zip bomb").
- Everything else is refused with a message naming what it looks like: a program (Windows,
  Linux or macOS executables, scripts), an old Office file (``.doc``/``.xls``, which can hide
  macros and cannot be told apart from an installer cheaply: save it as ``.docx``/``.xlsx``
  or PDF), or an unknown type.

Contract: :func:`sniff` reads from a seekable binary stream (an officer's file on disk, or
the bytes HQ received in memory) and never writes anything; it raises :class:`InvalidInput`
with a one-line message that names the file (``name``) and never quotes its content. Used at
the district when a file is attached and at HQ when one arrives (hostile input).
"""

from __future__ import annotations

import warnings
import zipfile
from typing import BinaryIO

from tipdesk.core import attachments as A
from tipdesk.core.errors import InvalidInput
from tipdesk.core.messages import Message, say, template

_EXECUTABLE_MAGIC = (
    (b"MZ", template("a Windows program")),
    (b"\x7fELF", template("a Linux program")),
    (b"\xfe\xed\xfa\xce", template("a macOS program")),
    (b"\xfe\xed\xfa\xcf", template("a macOS program")),
    (b"\xce\xfa\xed\xfe", template("a macOS program")),
    (b"\xcf\xfa\xed\xfe", template("a macOS program")),
    (b"\xca\xfe\xba\xbe", template("a macOS program")),
    (b"#!", template("a script")),
)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_MAX_MEMBERS = 20_000
_MAX_PART = 4 * 1024 * 1024  # [Content_Types].xml and mimetype are small
_OOXML_MAIN = {
    "word/document.xml": A.DOCX,
    "xl/workbook.xml": A.XLSX,
    "ppt/presentation.xml": A.PPTX,
}
_ODF = {A.ODT.media_type: A.ODT, A.ODS.media_type: A.ODS}


def _refuse(name: str, why: Message) -> InvalidInput:
    """The refusal of the file ``name``, translatable (the Files tab shows it in Urdu)."""
    return InvalidInput(say("{file} cannot be attached: {why}", file=name, why=why))


def sniff(stream: BinaryIO, name: str) -> A.FileType:
    """The allowed type of the file in ``stream`` (read from its start), or
    :class:`InvalidInput` saying why it is refused (see the module contract)."""
    stream.seek(0)
    head = stream.read(16)
    stream.seek(0)
    if not head:
        raise _refuse(name, say("it is empty."))
    if head.startswith(b"%PDF-"):
        return A.PDF
    if head.startswith(b"\xff\xd8\xff"):
        return _image(stream, name, A.JPEG, "JPEG")
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return _image(stream, name, A.PNG, "PNG")
    if head.startswith(_ZIP):
        return _office(stream, name)
    for magic, what in _EXECUTABLE_MAGIC:
        if head.startswith(magic):
            raise _refuse(
                name, say("it is {what}; programs and scripts are never attached.", what=say(what))
            )
    if head.startswith(_OLE):
        raise _refuse(
            name,
            say(
                "it is an old-style Office file (.doc, .xls, .ppt) or an installer. Save it as "
                ".docx, .xlsx or PDF and attach that."
            ),
        )
    raise _refuse(
        name,
        say(
            "its content is not one of the allowed types ({allowed}), whatever its name.",
            allowed=A.ALLOWED_TEXT,
        ),
    )


def _image(stream: BinaryIO, name: str, kind: A.FileType, pil_format: str) -> A.FileType:
    """Check an image's header with Pillow (lazy: the pixels are not decoded)."""
    from PIL import Image, UnidentifiedImageError  # only when an image is attached

    try:
        with warnings.catch_warnings():
            # Pillow warns past 89 megapixels; the limit below is ours, and stricter.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(stream, formats=[pil_format]) as image:
                width, height = image.size
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise _refuse(
            name, say("it is not a readable {format} image (damaged?).", format=pil_format)
        ) from None
    except Image.DecompressionBombError:
        # Past Pillow's own limit (far past ours): it does not say the size.
        raise _refuse(name, _too_big(say("far more pixels"))) from None
    finally:
        stream.seek(0)
    if width * height > A.MAX_IMAGE_PIXELS:
        raise _refuse(
            name,
            _too_big(say("{width:,} x {height:,} pixels", width=width, height=height)),
        )
    return kind


def _too_big(what: Message) -> Message:
    return say(
        "the image declares {what}, more than TIPDesk opens ({most} megapixels). Scan or save "
        "it at a lower resolution.",
        what=what,
        most=A.MAX_IMAGE_PIXELS // 1_000_000,
    )


def _size(stream: BinaryIO) -> int:
    stream.seek(0, 2)
    size = stream.tell()
    stream.seek(0)
    return size


def _office(stream: BinaryIO, name: str) -> A.FileType:
    """An Office Open XML or OpenDocument file, checked through the zip's directory."""
    size = _size(stream)
    try:
        with zipfile.ZipFile(stream) as zf:
            infos = zf.infolist()
            if len(infos) > _MAX_MEMBERS:
                raise _refuse(name, say("it is an archive of too many parts for an office file."))
            unpacked = sum(i.file_size for i in infos)
            if unpacked > A.MAX_OFFICE_UNPACKED or unpacked > A.MAX_OFFICE_RATIO * max(size, 1):
                raise _refuse(
                    name,
                    say(
                        "it would unpack to {unpacked} from {size}: that is a zip bomb, not a "
                        "document.",
                        unpacked=A.size_message(unpacked),
                        size=A.size_message(size),
                    ),
                )
            names = {i.filename for i in infos}
            if any(i.flag_bits & 0x1 for i in infos):
                raise _refuse(name, say("parts of it are encrypted. Remove the password first."))
            if any(n.lower().endswith("vbaproject.bin") for n in names):
                raise _refuse(
                    name,
                    say(
                        "it holds macros (a program inside the document). Save it as a "
                        "document without macros (.docx, .xlsx) or as PDF."
                    ),
                )
            if "mimetype" in names:
                found = _odf(zf, zf.getinfo("mimetype"))
                if found is not None:
                    return found
            if "[Content_Types].xml" in names:
                types = _small(zf, zf.getinfo("[Content_Types].xml"))
                if b"macroenabled" in types.lower():
                    raise _refuse(
                        name, say("it is a macro-enabled document; save it without macros.")
                    )
                for part, kind in _OOXML_MAIN.items():
                    if part in names:
                        return kind
    except zipfile.BadZipFile:
        raise _refuse(name, say("it looks like a zip archive but is damaged.")) from None
    except (RuntimeError, NotImplementedError, ValueError, OSError):
        raise _refuse(name, say("its parts cannot be read (damaged or encrypted).")) from None
    finally:
        stream.seek(0)
    raise _refuse(
        name,
        say(
            "it is a zip archive, not an office document ({allowed} are allowed).",
            allowed=A.ALLOWED_TEXT,
        ),
    )


def _small(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A small member, read no further than :data:`_MAX_PART` whatever it declares."""
    if info.file_size > _MAX_PART:
        return b""
    with zf.open(info) as member:
        return member.read(_MAX_PART)


def _odf(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> A.FileType | None:
    return _ODF.get(_small(zf, info).decode("ascii", "replace").strip())
