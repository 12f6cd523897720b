"""Case files sent to HQ never reach a disk readable: a distinctive string inside the PDFs (and
the files' names) is found in no file of the district's export folder or outbox, nor of HQ's
data folder and inbox, before and after HQ imported them; HQ's database decrypted with its
database key shows neither a file's content nor a victim's file's name. Everything is
synthetic."""

from __future__ import annotations

from pathlib import Path

import case_files as F
from svc_support import SVC_START
from sync_support import case_for, link, make_district, make_hq

from tipdesk.core.clock import FixedClock
from tipdesk.services import attachments, records, sync
from tipdesk.store.driver import connect

CASE_FILE = "Zubaidaquartz-fir.pdf"
VICTIM_FILE = "Gulshanquartz-medical.pdf"
NEEDLES = [F.SECRET, "ZEBRA-QUARTZ-4471", "Kausar Parveen", "Zubaidaquartz", "Gulshanquartz"]


def _leaks(root: Path) -> list[str]:
    patterns = [
        (f"{form!r}", enc)
        for needle in NEEDLES
        for form in {needle, needle.lower(), needle.upper()}
        for enc in (form.encode(), form.encode("utf-16-le"))
    ]
    found = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        data = path.read_bytes()
        found += [f"{path.relative_to(root)}: {n}" for n, pattern in patterns if pattern in data]
    return found


def test_the_scan_sees_the_string_in_a_plain_copy(tmp_path: Path) -> None:
    """Not vacuous: the PDF holds the string as it is, so a plain copy would be caught."""
    F.write(tmp_path / "plain", "copy.pdf", F.pdf())
    assert _leaks(tmp_path / "plain") != []


def test_files_sent_to_hq_are_nowhere_readable_on_either_side(tmp_path: Path) -> None:
    clock = FixedClock(SVC_START)
    district = make_district(tmp_path / "lahore", clock)
    hq = make_hq(tmp_path / "hq", clock)
    try:
        link(district, hq, tmp_path / "link")
        case = case_for(district)
        case.victims[0].consent_to_share = True
        records.save(district, [case])
        outside = tmp_path / "outside"
        # Several chunks, the string in more than one of them.
        data = F.pdf() + bytes(2 * 1024 * 1024) + F.pdf()
        on_case = attachments.attach(
            district, F.write(outside, CASE_FILE, data), case_id=case.id, kind="fir"
        )
        on_victim = attachments.attach(
            district,
            F.write(outside, VICTIM_FILE, F.pdf()),
            victim_id=case.victims[0].id,
            kind="medical",
        )
        for item in (on_case, on_victim):
            attachments.send_to_hq(district, item.id)
        for p in outside.iterdir():
            p.unlink()
        inbox = hq.paths.inbox
        inbox.mkdir(parents=True, exist_ok=True)
        exported = sync.export_bundle(district, inbox)
        assert len(exported.case_files) == 2
        assert _leaks(tmp_path / "lahore") == [] and _leaks(inbox) == []
        report = sync.import_inbox(hq)
        assert report.errors == [] and len(report.files) == 2
        # Really at HQ (the scans are not vacuous).
        assert attachments.content(hq, on_case.id).data == data
        assert attachments.content(hq, on_victim.id, reason="national report").data == F.pdf()
        assert _leaks(tmp_path / "hq") == []

        hq.store.checkpoint()
        plain = tmp_path / "decrypted" / "plain.db"
        plain.parent.mkdir()
        conn = connect(hq.paths.database, hq.store.database_key())
        try:
            conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain),))
            conn.execute("SELECT sqlcipher_export('plain')").fetchone()
            conn.execute("DETACH DATABASE plain")
        finally:
            conn.close()
        decrypted = plain.read_bytes()
        assert CASE_FILE.encode() in decrypted  # a case file's name: really decrypted
        assert F.SECRET.encode() not in decrypted  # content: under each file's own key
        assert VICTIM_FILE.encode() not in decrypted  # sealed to HQ's identity key
        plain.unlink()
    finally:
        district.close()
        hq.close()
    assert _leaks(tmp_path / "hq") == [] and _leaks(tmp_path / "lahore") == []
