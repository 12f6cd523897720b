"""Case files never reach the disk readable: a distinctive string inside an attached PDF (and
the file's name) is found in no file of the data folder while the store is open, after it is
closed, nor in a backup; the database decrypted with the database key still does not show a
file's content, nor a victim's file's name. A backup restored gives the files back whole.
Saved copies take the name the user chose, never the stored one."""

from __future__ import annotations

import hashlib
from pathlib import Path

import case_files as F
from svc_support import SVC_ADMIN, SVC_PASSPHRASE, svc_accused, svc_case, svc_victim

from tipdesk.core.clock import FixedClock
from tipdesk.core.records import Case
from tipdesk.paths import Paths
from tipdesk.services import attachments, records
from tipdesk.services import backup as backup_service
from tipdesk.services.session import Session
from tipdesk.store.driver import connect

FILE_NAME = "Zubaidaquartz-medical-finding.pdf"
NEEDLES = [F.SECRET, "ZEBRA-QUARTZ-4471", "Kausar Parveen", "Zubaidaquartz"]


def _patterns() -> list[tuple[str, bytes]]:
    out = []
    for needle in NEEDLES:
        for form in {needle, needle.lower(), needle.upper()}:
            out += [
                (f"{form!r} utf-8", form.encode()),
                (f"{form!r} utf-16", form.encode("utf-16-le")),
            ]
    return out


def _leaks(root: Path) -> list[str]:
    found = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        data = path.read_bytes()
        found += [f"{path.relative_to(root)}: {n}" for n, pattern in _patterns() if pattern in data]
    return found


def _case(session: Session) -> Case:
    case = svc_case(accused=[svc_accused()], victims=[svc_victim()])
    records.save(session, [case])
    return case


def test_the_scan_sees_the_string_in_a_plain_copy(tmp_path: Path) -> None:
    """Not vacuous: the PDF holds the string as it is, so a plain copy would be caught."""
    F.write(tmp_path / "plain", "copy.pdf", F.pdf(pages=2))
    assert any("ZEBRA-QUARTZ-4471" in leak for leak in _leaks(tmp_path / "plain"))


def test_an_attached_pdf_is_nowhere_on_disk_in_plaintext(
    district_session: Session, tmp_path: Path
) -> None:
    session = district_session
    case = _case(session)
    outside = tmp_path / "outside"
    data = F.pdf(pages=2)
    src = F.write(outside, FILE_NAME, data)
    # Big enough to take several chunks, with the string in the middle of one.
    big = F.write(outside, "big-" + FILE_NAME, data + bytes(3 * 1024 * 1024) + data)
    on_case = attachments.attach(session, src, case_id=case.id, kind="medical")
    on_victim = attachments.attach(
        session, big, case_id=case.id, victim_id=case.victims[0].id, kind="medical"
    )
    src.unlink()
    big.unlink()
    # The files are really stored and read back (the scans below are not vacuous).
    assert attachments.content(session, on_case.id).data == data
    assert (
        attachments.content(session, on_victim.id, reason="court asked for it").data[: len(data)]
        == data
    )

    home = session.paths.home
    assert _leaks(home) == []
    dest = backup_service.backup(session, tmp_path / "backups" / "b.tipdesk-backup")
    assert _leaks(dest.parent) == []

    # Past the disk encryption: the database decrypted with the database key.
    session.store.checkpoint()
    plain = tmp_path / "decrypted" / "plain.db"
    plain.parent.mkdir()
    conn = connect(session.paths.database, session.store.database_key())
    try:
        conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain),))
        conn.execute("SELECT sqlcipher_export('plain')").fetchone()
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()
    decrypted = plain.read_bytes()
    assert FILE_NAME.encode() in decrypted  # the case's file name: really decrypted
    assert F.SECRET.encode() not in decrypted  # content: encrypted under the file's key
    assert decrypted.count(FILE_NAME.encode()) == 1  # not the victim's file's name
    plain.unlink()

    session.close()
    assert _leaks(home) == []


def test_a_backup_restored_gives_the_files_back(
    district_session: Session, svc_clock: FixedClock, tmp_path: Path
) -> None:
    case = _case(district_session)
    data = F.pdf(pages=4)
    photo = F.png(320, 200)
    pdf_item = attachments.attach(
        district_session, F.write(tmp_path / "in", "fir.pdf", data), case_id=case.id, kind="fir"
    )
    photo_item = attachments.attach(
        district_session,
        F.write(tmp_path / "in", "victim.png", photo),
        case_id=case.id,
        victim_id=case.victims[0].id,
        kind="photo",
    )
    dest = backup_service.backup(district_session, tmp_path / "out" / "b.tipdesk-backup")
    restored = backup_service.restore(
        Paths(tmp_path / "fresh"), dest, user=SVC_ADMIN, passphrase=SVC_PASSPHRASE, clock=svc_clock
    )
    try:
        listed = attachments.list_for_case(restored, case.id)
        assert [(a.id, a.file_name) for a in listed] == [
            (pdf_item.id, "fir.pdf"),
            (photo_item.id, "victim.png"),
        ]
        assert attachments.content(restored, pdf_item.id).data == data
        got = attachments.content(restored, photo_item.id, reason="check after restore").data
        assert hashlib.sha256(got).hexdigest() == hashlib.sha256(photo).hexdigest()
    finally:
        restored.close()


def test_a_saved_copy_takes_the_users_name_not_the_stored_one(
    district_session: Session, tmp_path: Path
) -> None:
    case = _case(district_session)
    hostile = "..\u202egpj.exe\x1b[2J.pdf"
    item = attachments.attach(
        district_session, F.write(tmp_path / "in", hostile, F.pdf()), case_id=case.id
    )
    assert item.file_name == "_gpj.exe_[2J.pdf"  # shown sanitised
    out = tmp_path / "chosen" / "copy.pdf"
    out.parent.mkdir()
    attachments.save_copy(district_session, item.id, out)
    assert [p.name for p in out.parent.iterdir()] == ["copy.pdf"]
    assert attachments.suggested_name(item) == "_gpj.exe_[2J.pdf"
