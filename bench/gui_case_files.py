"""A case with many files: the case's first paint against an empty editor, and the store's
growth per MB attached.

Makes a small demo install (a fresh temporary folder each run), attaches
BENCH_CASE_FILES_COUNT files (default 10) of BENCH_CASE_FILES_MB MB each (default 5) to one
case through the services (real PDFs of four pages of text, each with an unused stream of
random bytes for the size: as incompressible as scans), then prints:

- attaching: MB per second (read, encrypted in chunks, written in one transaction);
- the store's growth (database and write-ahead log) per MB attached;
- on the synchronous runner, taken in turn: a bare tab to its first paint (this machine's
  floor), an empty new-case editor to its first paint (the baseline), a case with as many
  accused and victims and no files to its first paint, the case with its files to its first
  paint (goal: under 200 ms), the Files tab to its list shown, and the first file (5 MB) to
  its preview painted.

Environment: BENCH_CASE_FILES_COUNT, BENCH_CASE_FILES_MB, QT_QPA_PLATFORM (default
offscreen).
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import statistics
import tempfile
import time
from pathlib import Path

from tipdesk.core.clock import FixedClock
from tipdesk.core.codes import InstallRole
from tipdesk.paths import Paths
from tipdesk.services import attachments, demo
from tipdesk.services import session as session_service
from tipdesk.services.session import Session
from tipdesk.store.keys import KdfParams

PASSPHRASE = "purple kiln lantern orbit"  # noqa: S105 (a throwaway bench store)
FAST_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)
NOW = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
MB = 1024 * 1024


def _store_bytes(session: Session) -> int:
    db = session.paths.database
    return sum(p.stat().st_size for p in (db, Path(f"{db}-wal")) if p.exists())


def _real_pdf(pages: int, pad: int) -> bytes:
    """A valid PDF of ``pages`` pages of text (the one the preview draws), made ``pad`` bytes
    larger by an unused stream of random bytes (a scan's image, as far as size goes)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(pages))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode())
    font = 3 + 2 * pages
    for i in range(pages):
        text = f"BT /F1 14 Tf 72 720 Td (Synthetic FIR scan, page {i + 1}) Tj ET".encode()
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font} 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objects.append(b"<< /Length %d >>\nstream\n" % pad + os.urandom(pad) + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _two_alike(session: Session) -> tuple[str, str]:
    """Two cases with as many accused and victims as each other (the most there are): one
    gets the files, the other is opened as it is."""
    rows = session.store.query(
        "SELECT c.id, (SELECT count(*) FROM accused a WHERE a.case_id = c.id), "
        "(SELECT count(*) FROM victims v WHERE v.case_id = c.id) FROM cases c "
        "WHERE c.deleted = 0 ORDER BY 2 + 3 DESC, c.id"
    )
    for (a, na, nv), (b, nb, mv) in itertools.pairwise(rows):
        if (na, nv) == (nb, mv):
            return str(a), str(b)
    return str(rows[0][0]), str(rows[1][0])


def _ms(values: list[float]) -> str:
    return f"median {statistics.median(values):6.1f} ms, worst {max(values):6.1f} ms"


def main() -> None:
    count = int(os.environ.get("BENCH_CASE_FILES_COUNT", "10"))
    size_mb = int(os.environ.get("BENCH_CASE_FILES_MB", "5"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="tipdesk-bench-files-") as tmp:
        home = Path(tmp) / "home"
        session, _recovery = session_service.init_install(
            Paths(home), role=InstallRole.DISTRICT, user="bench", passphrase=PASSPHRASE,
            clock=FixedClock(NOW), district="Lahore", office="FIA-AHTC-LHR", kdf=FAST_KDF,
        )  # fmt: skip
        try:
            demo.fill(session, seed=3, cases=200)
            case_id, plain_id = _two_alike(session)
            folder = Path(tmp) / "scans"
            folder.mkdir()
            paths = []
            for n in range(count):
                path = folder / f"scan-{n:02d}.pdf"
                path.write_bytes(_real_pdf(4, size_mb * MB - 2048))
                paths.append(path)
            attached_bytes = sum(p.stat().st_size for p in paths)
            session.store.checkpoint()
            before = _store_bytes(session)
            t0 = time.perf_counter()
            for path in paths:
                attachments.attach(session, path, case_id=case_id, kind="fir")
            took = time.perf_counter() - t0
            session.store.checkpoint()
            growth = _store_bytes(session) - before
            from tipdesk.ui.devtools.case_files_timing import measure_case_files

            found = measure_case_files(session, case_id, plain_id)
        finally:
            session.close()
    mb = attached_bytes / MB
    print(f"a case with {count} files of {size_mb} MB ({mb:.1f} MB)")
    print(f"attaching:                             {mb / took:6.1f} MB/s")
    print(f"store growth per MB attached:          {growth / attached_bytes:6.3f} MB")
    base = statistics.median(found["baseline"])
    first = statistics.median(found["first_paint"])
    plain = statistics.median(found["plain"])
    print(f"a bare tab (one label):                {_ms(found['bare'])}")
    print(f"baseline, an empty new-case editor:    {_ms(found['baseline'])}")
    print(f"a like case without files, first paint: {_ms(found['plain'])}")
    print(f"the case with files, first paint:      {_ms(found['first_paint'])}  (goal: < 200 ms)")
    print(f"with files / empty editor:             {first / base:.2f}x")
    print(f"with files / like case without files:  {first / plain:.2f}x")
    print(f"Files tab, list shown:                 {_ms(found['listed'])}")
    print(f"first file (PDF), preview painted:     {_ms(found['preview'])}")
