"""Synthetic files for the case-file tests (unit, GUI, end to end): small valid PDFs, images
and office documents, and hostile ones (a PNG bomb, a zip bomb dressed as a .docx, programs,
a PDF with JavaScript). Everything is made here from nothing; nothing real is used.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

SECRET = "ZEBRA-QUARTZ-4471 Kausar Parveen medical finding"
"""A distinctive string inside an attached PDF: the plaintext scans look for it."""


def pdf(text: str = SECRET, *, pages: int = 1, javascript: bool = False) -> bytes:
    """A valid PDF (uncompressed, so ``text`` is in it as it is) of ``pages`` pages, each
    showing ``text``; with ``javascript``, an ``OpenAction`` running a script (a reader that
    obeys it would show an alert)."""
    objects: list[bytes] = []
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(pages))
    font = 3 + 2 * pages
    catalog = b"<< /Type /Catalog /Pages 2 0 R"
    if javascript:
        catalog += f" /OpenAction {font + 1} 0 R".encode()
    objects.append(catalog + b" >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode())
    for i in range(pages):
        stream = f"BT /F1 18 Tf 72 720 Td ({text} page {i + 1}) Tj ET".encode()
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font} 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    if javascript:
        objects.append(b"<< /S /JavaScript /JS (app.alert\\('pwned'\\);) >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(
    width: int = 64, height: int = 48, *, colour: tuple[int, int, int] = (40, 120, 200)
) -> bytes:
    """A real RGB PNG of one colour."""
    row = b"\x00" + bytes(colour) * width
    raw = zlib.compress(row * height, 9)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", raw)
        + _png_chunk(b"IEND", b"")
    )


def png_bomb(width: int = 100_000, height: int = 100_000) -> bytes:
    """A PNG of a few kilobytes that declares ``width`` x ``height`` pixels (by default
    30 GB to decode)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    row = b"\x00" + b"\x00" * 3 * width
    raw = zlib.compress(row * 20, 9)  # a few rows; a decoder would go on asking for more
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", raw)
        + _png_chunk(b"IEND", b"")
    )


def jpeg(width: int = 80, height: int = 60) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 80, 40)).save(out, "JPEG", quality=80)
    return out.getvalue()


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Override PartName="/word/document.xml" ContentType="'
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    '"/></Types>'
)


def _member(name: str, compress: int = zipfile.ZIP_DEFLATED) -> zipfile.ZipInfo:
    """A zip member of a fixed time, so the same document gives the same bytes."""
    info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
    info.compress_type = compress
    return info


def docx(text: str = "Challan copy, synthetic", *, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal Word document (the parts a sniffer looks at), plus ``extra`` members."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(_member("[Content_Types].xml"), _CONTENT_TYPES)
        zf.writestr(
            _member("word/document.xml"),
            f'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            f'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
            "</w:body></w:document>",
        )
        for name, data in (extra or {}).items():
            zf.writestr(_member(name), data)
    return out.getvalue()


def docx_zip_bomb() -> bytes:
    """A .docx whose one extra part unpacks 64 MB of zeros from a few tens of KB."""
    return docx(extra={"word/media/image1.bin": bytes(64 * 1024 * 1024)})


def docm() -> bytes:
    """A Word document with a VBA project inside (macros)."""
    return docx(extra={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 not really vba"})


def odt() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr(
            _member("mimetype", zipfile.ZIP_STORED), "application/vnd.oasis.opendocument.text"
        )
        zf.writestr(_member("content.xml"), "<office:document-content/>")
    return out.getvalue()


def windows_program() -> bytes:
    return b"MZ\x90\x00" + bytes(60) + b"This program cannot be run in DOS mode."


def write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path
