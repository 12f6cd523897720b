"""Case files through the services: attaching to a case, an accused and a victim, listing,
reading, saving a copy, removing, marking for HQ; permissions, the victim's sealing, the type
allow-list against hostile files, and the size limits."""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path
from typing import Any

import case_files as F
import pytest
from svc_support import svc_accused, svc_case, svc_victim

from tipdesk.core import attachments as A
from tipdesk.core.codes import InstallRole
from tipdesk.core.errors import InvalidInput, NotFound, PermissionDenied, ValidationFailed
from tipdesk.core.permissions import UserRole
from tipdesk.core.records import Case
from tipdesk.services import attachments, records
from tipdesk.services.session import Session
from tipdesk.store.attachments import CHUNK, AttachmentStore

_numbers = iter(range(100, 10_000))


def _case(session: Session, *, consent: bool = False) -> Case:
    n = next(_numbers)
    victim = svc_victim(consent_to_share=consent, victim_code=f"V-LHR-2025-{n}")
    case = svc_case(case_number=f"FIR {n}/2025", accused=[svc_accused()], victims=[victim])
    records.save(session, [case])
    return case


def _audit(session: Session) -> list[tuple[str, str, dict[str, Any]]]:
    return [(e.action, e.record_id, e.detail) for e in session.store.audit_entries(limit=100_000)]


def _chunk_rows(session: Session) -> int:
    return int(session.store.query("SELECT count(*) FROM attachment_chunks")[0][0])


def test_a_pdf_attached_to_a_case_lists_and_reads_back_whole(
    district_session: Session, tmp_path: Path
) -> None:
    case = _case(district_session)
    data = F.pdf(pages=3)
    path = F.write(tmp_path, "fir-scan.pdf", data)
    item = attachments.attach(district_session, path, case_id=case.id, kind="fir", note="FIR copy")
    assert (item.about, item.kind, item.media_type) == (
        A.About.CASE,
        A.AttachmentKind.FIR,
        A.PDF.media_type,
    )
    assert (item.file_name, item.note, item.size) == ("fir-scan.pdf", "FIR copy", len(data))
    assert item.sha256 == hashlib.sha256(data).hexdigest()
    assert item.previewable and item.readable and not item.sealed
    assert [a.id for a in attachments.list_for_case(district_session, case.id)] == [item.id]
    assert attachments.content(district_session, item.id).data == data
    action, record_id, detail = _audit(district_session)[-1]
    assert (action, record_id) == ("attachment.add", item.id)
    assert detail == {"about": "case", "record_id": case.id, "kind": "fir", "size": len(data)}


def test_files_of_the_accused_and_victims_list_with_the_case_and_say_whose(
    district_session: Session, tmp_path: Path
) -> None:
    case = _case(district_session)
    acc, vic = case.accused[0], case.victims[0]
    pdf = F.write(tmp_path, "a.pdf", F.pdf())
    photo = F.write(tmp_path, "b.png", F.png())
    attachments.attach(district_session, pdf, case_id=case.id, kind="court_order")
    attachments.attach(district_session, photo, accused_id=acc.id, kind="photo")
    attachments.attach(district_session, pdf, victim_id=vic.id, kind="medical")
    listed = attachments.list_for_case(district_session, case.id)
    assert [a.about_label for a in listed] == [
        "Case", f"Accused: {acc.name}", f"Victim {vic.victim_code}"
    ]  # fmt: skip
    assert [a.sealed for a in listed] == [False, False, True]
    assert [a.id for a in attachments.list_for_record(district_session, vic.id)] == [listed[2].id]
    with pytest.raises(InvalidInput, match="not in case"):
        other = _case(district_session)
        attachments.attach(district_session, pdf, case_id=other.id, victim_id=vic.id)


def test_big_files_go_in_chunks_and_come_back_whole(
    district_session: Session, tmp_path: Path
) -> None:
    case = _case(district_session)
    data = F.pdf() + bytes(range(256)) * (CHUNK * 3 // 256) + b"tail"
    path = F.write(tmp_path, "big.pdf", data)
    item = attachments.attach(district_session, path, case_id=case.id)
    assert _chunk_rows(district_session) == 4  # three full chunks and the rest
    pieces = list(AttachmentStore(district_session.store).content(item.id))
    assert [len(p) for p in pieces[:3]] == [CHUNK] * 3
    assert b"".join(pieces) == data


def test_an_attach_that_fails_half_way_stores_nothing(
    district_session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One transaction: a failure after some chunks were written leaves no chunk, no row and
    no audit entry (a crash at that point is the same to SQLite: the transaction never
    committed)."""
    case = _case(district_session)
    path = F.write(tmp_path, "big.pdf", F.pdf() + bytes(CHUNK * 3))
    before = _audit(district_session)

    def failing(handle: Any) -> Any:
        yield handle.read(CHUNK)
        yield handle.read(CHUNK)
        raise OSError("the USB stick was pulled out")

    monkeypatch.setattr(attachments, "_pieces", failing)
    with pytest.raises(OSError, match="USB"):
        attachments.attach(district_session, path, case_id=case.id)
    assert _chunk_rows(district_session) == 0
    assert attachments.list_for_case(district_session, case.id) == []
    assert _audit(district_session) == before


def test_a_victims_file_is_sealed_from_users_who_may_not_reveal(
    district_session: Session, svc_user: Any, tmp_path: Path
) -> None:
    """An officer can attach a victim's medical report (sealing needs only the public key),
    but cannot read its name, note or content; a supervisor can, with a reason, audited."""
    officer = svc_user(district_session, "clerk", UserRole.DISTRICT_OFFICER)
    case = _case(district_session)
    vic = case.victims[0]
    data = F.pdf()
    path = F.write(tmp_path, "Medical report of the girl.pdf", data)
    item = attachments.attach(
        officer, path, victim_id=vic.id, kind="medical", note="Jinnah Hospital"
    )
    assert item.sealed and not item.readable
    assert (item.file_name, item.note) == (None, None)
    assert item.shown_name == "(withheld) Medical report"
    with pytest.raises(PermissionDenied, match="reveal"):
        attachments.content(officer, item.id, reason="I want to see it")
    with pytest.raises(PermissionDenied, match="reveal"):
        attachments.save_copy(officer, item.id, tmp_path / "copy.pdf", reason="I want to see it")
    assert not (tmp_path / "copy.pdf").exists()

    admin = district_session
    seen = attachments.get(admin, item.id)
    assert (seen.file_name, seen.note, seen.readable) == (path.name, "Jinnah Hospital", True)
    with pytest.raises(InvalidInput, match="reason"):
        attachments.content(admin, item.id)
    assert attachments.content(admin, item.id, reason="court asked for it").data == data
    assert _audit(admin)[-1] == ("attachment.view", item.id, {"reason": "court asked for it"})


def test_save_a_copy_writes_a_private_file_and_is_audited(
    district_session: Session, tmp_path: Path
) -> None:
    case = _case(district_session)
    data = F.jpeg()
    item = attachments.attach(district_session, F.write(tmp_path, "in.jpg", data), case_id=case.id)
    out = tmp_path / "out" / attachments.suggested_name(item)
    out.parent.mkdir()
    attachments.save_copy(district_session, item.id, out)
    assert out.read_bytes() == data
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in out.parent.iterdir()] == ["in.jpg"]  # no temporary file left
    assert _audit(district_session)[-1] == ("attachment.save", item.id, {"revealed": False})

    vic_item = attachments.attach(
        district_session, F.write(tmp_path, "v.pdf", F.pdf()), victim_id=case.victims[0].id
    )
    with pytest.raises(InvalidInput, match="reason"):
        attachments.save_copy(district_session, vic_item.id, tmp_path / "v-copy.pdf")
    attachments.save_copy(
        district_session, vic_item.id, tmp_path / "v-copy.pdf", reason="for the court"
    )
    assert _audit(district_session)[-1] == (
        "attachment.save", vic_item.id, {"revealed": True, "reason": "for the court"}
    )  # fmt: skip


def test_removing_destroys_the_content_and_keeps_the_description(
    district_session: Session, svc_user: Any, tmp_path: Path
) -> None:
    case = _case(district_session)
    item = attachments.attach(
        district_session, F.write(tmp_path, "a.pdf", F.pdf()), case_id=case.id
    )
    officer = svc_user(district_session, "clerk", UserRole.DISTRICT_OFFICER)
    with pytest.raises(PermissionDenied):
        attachments.remove(officer, item.id, "scanned the wrong page")
    with pytest.raises(InvalidInput, match="reason"):
        attachments.remove(district_session, item.id, "")
    attachments.remove(district_session, item.id, "scanned the wrong page")
    assert _chunk_rows(district_session) == 0
    assert attachments.list_for_case(district_session, case.id) == []
    with pytest.raises(NotFound):
        attachments.content(district_session, item.id)
    kept = AttachmentStore(district_session.store).get(item.id)
    assert kept.removed_by == "admin1" and kept.size == item.size
    key = district_session.store.query("SELECT data_key FROM attachments WHERE id = ?", (item.id,))
    assert key == [(None,)]
    assert _audit(district_session)[-1] == (
        "attachment.remove", item.id, {"reason": "scanned the wrong page"}
    )  # fmt: skip


def test_marking_for_hq(district_session: Session, hq_session: Session, tmp_path: Path) -> None:
    case = _case(district_session)
    pdf = F.write(tmp_path, "a.pdf", F.pdf())
    item = attachments.attach(district_session, pdf, case_id=case.id, kind="court_order")
    marked = attachments.send_to_hq(district_session, item.id)
    assert marked.hq_requested and not marked.hq_sent
    assert _audit(district_session)[-1][:2] == ("attachment.send", item.id)
    attachments.send_to_hq(district_session, item.id)  # again: nothing new
    assert [a for a, _r, _d in _audit(district_session)].count("attachment.send") == 1
    vic = attachments.attach(district_session, pdf, victim_id=case.victims[0].id)
    with pytest.raises(InvalidInput, match="consented"):
        attachments.send_to_hq(district_session, vic.id)
    consenting = _case(district_session, consent=True)
    ok = attachments.attach(district_session, pdf, victim_id=consenting.victims[0].id)
    assert attachments.send_to_hq(district_session, ok.id).hq_requested
    assert hq_session.install.role is InstallRole.HQ
    hq_case = _case(hq_session)
    hq_item = attachments.attach(hq_session, pdf, case_id=hq_case.id)
    with pytest.raises(InvalidInput, match="district"):
        attachments.send_to_hq(hq_session, hq_item.id)


def test_another_districts_case_takes_no_file(district_session: Session, tmp_path: Path) -> None:
    """A district install may only change its own district's records."""
    case = _case(district_session)
    district_session.store.query("SELECT 1")  # the case is Lahore's
    district_session.store._conn.execute(
        "UPDATE cases SET owner = 'PB-MUL' WHERE id = ?", (case.id,)
    )
    with pytest.raises(ValidationFailed):
        attachments.attach(district_session, F.write(tmp_path, "a.pdf", F.pdf()), case_id=case.id)


# --- the type allow-list -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "media_type"),
    [
        ("scan.pdf", F.pdf(), A.PDF.media_type),
        ("photo.jpg", F.jpeg(), A.JPEG.media_type),
        ("photo.png", F.png(), A.PNG.media_type),
        ("challan.docx", F.docx(), A.DOCX.media_type),
        ("statement.odt", F.odt(), A.ODT.media_type),
        # The content decides, not the name: a PNG called .pdf is a PNG.
        ("renamed.pdf", F.png(), A.PNG.media_type),
        # A PDF with JavaScript is stored: TIPDesk only ever renders pages, never runs scripts.
        ("scripted.pdf", F.pdf(javascript=True), A.PDF.media_type),
    ],
)
def test_allowed_types_are_found_by_content(
    district_session: Session, tmp_path: Path, name: str, data: bytes, media_type: str
) -> None:
    case = _case(district_session)
    item = attachments.attach(district_session, F.write(tmp_path, name, data), case_id=case.id)
    assert item.media_type == media_type
    assert attachments.content(district_session, item.id).data == data


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("setup.exe", F.windows_program(), "Windows program"),
        ("report.pdf", F.windows_program(), "Windows program"),
        ("run.docx", b"#!/bin/sh\nrm -rf ~\n", "script"),
        ("tool", b"\x7fELF\x02\x01\x01" + bytes(40), "Linux program"),
        ("bomb.docx", F.docx_zip_bomb(), "zip bomb"),
        ("macro.docx", F.docm(), "macros"),
        ("bomb.png", F.png_bomb(), "far more pixels"),
        ("wide.png", F.png_bomb(width=20_000, height=5_000), "20,000 x 5,000 pixels"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "old-style Office"),
        ("notes.txt", b"just some text", "not one of the allowed types"),
        (
            "archive.zip",
            F.docx().replace(b"word/document.xml", b"word/documenX.xml"),
            "not an office",
        ),
        ("empty.pdf", b"", "empty"),
        ("broken.png", b"\x89PNG\r\n\x1a\n" + b"garbage" * 4, "not a readable PNG"),
    ],
)
def test_hostile_and_unknown_files_are_refused_with_a_clear_message(
    district_session: Session, tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    case = _case(district_session)
    before = _audit(district_session)
    with pytest.raises(InvalidInput, match=message) as info:
        attachments.attach(district_session, F.write(tmp_path, name, data), case_id=case.id)
    assert str(info.value).startswith(f"{name} cannot be attached")
    assert attachments.list_for_case(district_session, case.id) == []
    assert _chunk_rows(district_session) == 0
    assert _audit(district_session) == before


# --- limits --------------------------------------------------------------------------------------


def test_limits_default_and_are_set_by_administrators_only(
    district_session: Session, svc_user: Any
) -> None:
    assert attachments.limits(district_session) == A.Limits(25, 4096)
    officer = svc_user(district_session, "clerk", UserRole.DISTRICT_OFFICER)
    with pytest.raises(PermissionDenied):
        attachments.set_limits(officer, 5, 100)
    with pytest.raises(InvalidInput, match="between 1 and 200"):
        attachments.set_limits(district_session, 500, 1000)
    with pytest.raises(InvalidInput, match="above the limit for all"):
        attachments.set_limits(district_session, 50, 10)
    assert attachments.set_limits(district_session, 2, 3) == A.Limits(2, 3)
    assert attachments.limits(officer) == A.Limits(2, 3)
    assert _audit(district_session)[-1][2] == {
        "keys": ["attachments_max_file_mb", "attachments_max_store_mb"]
    }


def test_files_over_the_limits_are_refused_naming_the_limit(
    district_session: Session, tmp_path: Path
) -> None:
    case = _case(district_session)
    attachments.set_limits(district_session, 2, 3)
    big = F.write(tmp_path, "big.pdf", F.pdf() + bytes(2 * A.MB))
    with pytest.raises(InvalidInput, match="at most 2 MB") as info:
        attachments.attach(district_session, big, case_id=case.id)
    assert "Settings" in str(info.value)
    one = F.write(tmp_path, "one.pdf", F.pdf() + bytes(A.MB + A.MB // 4))
    attachments.attach(district_session, one, case_id=case.id)
    attachments.attach(district_session, one, case_id=case.id)
    with pytest.raises(InvalidInput, match="over the limit of 3 MB"):
        attachments.attach(district_session, one, case_id=case.id)
    assert len(attachments.list_for_case(district_session, case.id)) == 2
    usage = attachments.usage(district_session)
    assert usage.used == 2 * one.stat().st_size
    # Removing a file makes room again.
    first = attachments.list_for_case(district_session, case.id)[0]
    attachments.remove(district_session, first.id, "duplicate scan")
    attachments.attach(district_session, one, case_id=case.id)


def test_bad_kinds_notes_and_targets_are_refused(district_session: Session, tmp_path: Path) -> None:
    case = _case(district_session)
    pdf = F.write(tmp_path, "a.pdf", F.pdf())
    with pytest.raises(InvalidInput, match="not a kind of file"):
        attachments.attach(district_session, pdf, case_id=case.id, kind="passport")
    with pytest.raises(InvalidInput, match="at most 500"):
        attachments.attach(district_session, pdf, case_id=case.id, note="x" * 501)
    with pytest.raises(InvalidInput, match="not both"):
        attachments.attach(
            district_session, pdf, accused_id=case.accused[0].id, victim_id=case.victims[0].id
        )
    with pytest.raises(NotFound):
        attachments.attach(district_session, pdf, case_id="0190a000-0000-7000-8000-000000000999")
    with pytest.raises(InvalidInput, match="not a file"):
        attachments.attach(district_session, tmp_path, case_id=case.id)
