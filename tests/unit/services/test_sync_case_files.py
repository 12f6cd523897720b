"""Case files travelling to HQ: bundles carry descriptions only, a file marked "Send to HQ"
travels sealed beside them, HQ checks it (sender, signature, district, description, type,
SHA-256) and stores it encrypted, and HQ's receipt marks it sent at the district. Every
refusal changes nothing. Everything is synthetic."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import case_files as F
import psycopg
import pytest
from hq_engines import pg_digest
from sync_support import case_for, link, make_district

from tipdesk.core.clock import FixedClock
from tipdesk.core.errors import InvalidInput, KnownError, NotFound, PermissionDenied
from tipdesk.core.permissions import UserRole
from tipdesk.core.records import Case
from tipdesk.services import attachments, records, sync
from tipdesk.services.session import Session
from tipdesk.services.sync import exporter, files_in, files_out
from tipdesk.services.sync.common import own_identity, sync_store
from tipdesk.services.sync.hq import DATABASE_SETTING
from tipdesk.store.attachments import AttachmentStore
from tipdesk.sync import file_seal

UserMaker = Callable[[Session, str, UserRole], Session]


def _folder(tmp_path: Path, name: str) -> Path:
    (tmp_path / name).mkdir(exist_ok=True)
    return tmp_path / name


def _case_with_files(district: Session, tmp_path: Path, *, consent: bool = True) -> Case:
    case = case_for(district)
    case.victims[0].consent_to_share = consent
    records.save(district, [case])
    (tmp_path / "fir.pdf").write_bytes(F.pdf())
    (tmp_path / "medical.pdf").write_bytes(F.pdf("Victim medical page"))
    attachments.attach(district, tmp_path / "fir.pdf", case_id=case.id, kind="fir", note="FIR")
    attachments.attach(
        district,
        tmp_path / "medical.pdf",
        victim_id=case.victims[0].id,
        kind="medical",
        note="Medical note",
    )
    return case


def _files(session: Session, case: Case) -> dict[str, attachments.Attachment]:
    return {a.kind.value: a for a in attachments.list_for_case(session, case.id)}


def _url(hq: Session) -> str | None:
    url = hq.store.setting(DATABASE_SETTING)
    return str(url) if url else None


def _hq_rows(hq: Session) -> object:
    """Everything HQ holds of case files (on PostgreSQL: every row of every table, the audit
    included), compared around a refusal."""
    url = _url(hq)
    if url:
        return pg_digest(url)
    files = hq.store.query("SELECT id, data_key IS NOT NULL, size, sha256 FROM attachments")
    chunks = hq.store.query("SELECT attachment_id, n FROM attachment_chunks ORDER BY 1, 2")
    return files, chunks


def _set_sha256(hq: Session, attachment_id: str, sha: str) -> None:
    """Change HQ's description of a file behind the app's back."""
    url = _url(hq)
    if url is None:
        hq.store._conn.execute(
            "UPDATE attachments SET sha256 = ? WHERE id = ?", (sha, attachment_id)
        )
        return
    with psycopg.connect(url) as conn:
        conn.execute("UPDATE attachments SET sha256 = %s WHERE id = %s", (sha, attachment_id))


def _receipt_back(hq: Session, district: Session, tmp_path: Path) -> sync.ReceiptResult:
    paths = sync.write_receipts(hq, _folder(tmp_path, "receipts"))
    return sync.import_receipt(district, paths[0])


def test_bundles_carry_descriptions_only_and_a_marked_file_reaches_hq_intact(
    hq_linked: tuple[Session, Session], tmp_path: Path
) -> None:
    district, hq = hq_linked
    case = _case_with_files(district, tmp_path)
    fir = _files(district, case)["fir"]
    out = _folder(tmp_path, "out")
    first = sync.export_bundle(district, out)
    assert first.case_files == ()  # nothing marked yet: no file travels
    assert first.path is not None and F.SECRET.encode() not in first.path.read_bytes()
    sync.import_bundle_bytes(hq, first.path.read_bytes())
    # HQ holds both descriptions, no content.
    at_hq = _files(hq, case)
    assert {k: (a.size, a.sha256) for k, a in at_hq.items()} == {
        k: (a.size, a.sha256) for k, a in _files(district, case).items()
    }
    assert at_hq["fir"].file_name == "fir.pdf" and at_hq["medical"].file_name is None
    with pytest.raises(NotFound, match="stays at its district"):
        attachments.content(hq, fir.id)

    attachments.send_to_hq(district, fir.id)
    second = sync.export_bundle(district, out)
    assert [f.attachment_id for f in second.case_files] == [fir.id]
    sealed = second.case_files[0].path
    assert sealed.suffix == ".tipf" and F.SECRET.encode() not in sealed.read_bytes()
    assert b"fir.pdf" not in sealed.read_bytes()

    report = sync.import_files(hq, [sealed])
    assert report.errors == [] and [f.status for f in report.files] == ["imported"]
    assert attachments.content(hq, fir.id).data == F.pdf()
    assert hashlib.sha256(attachments.content(hq, fir.id).data).hexdigest() == fir.sha256
    again = sync.import_files(hq, [sealed])
    assert [f.status for f in again.files] == ["duplicate"]

    assert not _files(district, case)["fir"].hq_sent
    result = _receipt_back(hq, district, tmp_path)
    assert result.files_confirmed == (fir.id,)
    assert _files(district, case)["fir"].hq_sent
    assert not (district.paths.outbox / sealed.name).exists()
    third = sync.export_bundle(district, out)
    assert third.case_files == ()  # confirmed: no longer sent


def test_a_victims_file_travels_sealed_and_needs_the_reveal_permission_at_hq(
    hq_linked: tuple[Session, Session], svc_user: UserMaker, tmp_path: Path
) -> None:
    district, hq = hq_linked
    case = _case_with_files(district, tmp_path)
    medical = _files(district, case)["medical"]
    attachments.send_to_hq(district, medical.id)
    out = _folder(tmp_path, "out")
    # An officer cannot open a victim's file: it waits for a user who may.
    officer = svc_user(district, "officer1", UserRole.DISTRICT_OFFICER)
    waiting = sync.export_bundle(officer, out)
    assert waiting.case_files == () and [w[0] for w in waiting.files_waiting] == [medical.id]
    done = sync.export_bundle(district, out)  # the officer's bundle again, and the file now
    # Consent withdrawn: the file no longer leaves, its sealed copy is dropped.
    victim = district.store.get("victim", case.victims[0].id)
    victim.consent_to_share = False  # type: ignore[attr-defined]
    records.save(district, [victim])
    withdrawn = sync.export_bundle(district, _folder(tmp_path, "out2"))
    assert withdrawn.case_files == () and "consents" in withdrawn.files_waiting[0][1]
    assert not (district.paths.outbox / done.case_files[0].path.name).exists()
    report = sync.import_files(hq, [done.files[0].path, *(f.path for f in done.case_files)])
    assert report.errors == [] and len(report.files) == 1
    seen = _files(hq, case)["medical"]
    assert seen.sealed and seen.file_name == "medical.pdf" and seen.note == "Medical note"
    hq_officer = svc_user(hq, "hqofficer", UserRole.HQ_ANALYST)
    with pytest.raises(PermissionDenied):
        attachments.content(hq_officer, medical.id, reason="checking the report")
    assert attachments.content(hq, medical.id, reason="national report").data == F.pdf(
        "Victim medical page"
    )


def test_tampered_and_mismatching_files_are_refused_and_change_nothing(
    hq_linked: tuple[Session, Session], tmp_path: Path
) -> None:
    district, hq = hq_linked
    case = _case_with_files(district, tmp_path)
    fir = _files(district, case)["fir"]
    attachments.send_to_hq(district, fir.id)
    done = sync.export_bundle(district, _folder(tmp_path, "out"))
    assert done.path is not None
    sync.import_bundle_bytes(hq, done.path.read_bytes())
    sealed = done.case_files[0].path
    before = _hq_rows(hq)
    data = sealed.read_bytes()
    bad = tmp_path / "bad" / sealed.name
    bad.parent.mkdir()
    for where in (100, len(data) // 2, len(data) - 10):
        changed = bytearray(data)
        changed[where] ^= 0x20
        bad.write_bytes(bytes(changed))
        with pytest.raises(KnownError) as caught:
            files_in.import_file(hq, bad)
        assert "Nothing was changed" in caught.value.message
        assert _hq_rows(hq) == before
    # Signed by the district's own key, but the content is not the one described: its
    # SHA-256 is found out while it is stored, and the store's transaction rolls back.
    me, hq_row = own_identity(district), sync_store(district).hq()
    assert hq_row is not None
    row = AttachmentStore(district.store).get(fir.id)
    manifest = file_seal.FileManifest(
        me.public.device_id, district.install.district, fir.id, "2026-01-01T00:00:00Z", "t"
    )
    other = F.pdf("Another paper entirely")[: row.size].ljust(row.size, b" ")
    with bad.open("wb") as out:
        description = files_out.describe(row, identity_ok=True).to_json()
        file_seal.write(out, manifest, description, [other], me.signer, exporter.recipients(hq_row))
    with pytest.raises(files_in.FileMismatch, match="SHA-256"):
        files_in.import_file(hq, bad)
    assert _hq_rows(hq) == before
    # HQ's description says another digest: the content does not match it.
    _set_sha256(hq, fir.id, "0" * 64)
    with pytest.raises(files_in.FileMismatch, match="description"):
        files_in.import_file(hq, sealed)
    assert not attachments.get(hq, fir.id).held


def test_a_device_is_trusted_for_its_own_districts_files_only(
    hq_linked: tuple[Session, Session], svc_clock: FixedClock, tmp_path: Path
) -> None:
    district, hq = hq_linked
    case = _case_with_files(district, tmp_path)
    fir = AttachmentStore(district.store).get(_files(district, case)["fir"].id)
    done = sync.export_bundle(district, _folder(tmp_path, "out"))
    assert done.path is not None
    sync.import_bundle_bytes(hq, done.path.read_bytes())
    # Multan's registered device signs a file that claims to be Lahore's case file.
    multan = make_district(tmp_path / "multan", svc_clock, 1)
    try:
        link(multan, hq, tmp_path / "link")
        me = own_identity(multan)
        hq_row = sync_store(multan).hq()
        assert hq_row is not None
        forged = tmp_path / "forged.tipf"
        manifest = file_seal.FileManifest(
            me.public.device_id, multan.install.district, fir.id, "2026-01-01T00:00:00Z", "t"
        )
        with forged.open("wb") as out:
            description = files_out.describe(fir, identity_ok=True).to_json()
            file_seal.write(
                out, manifest, description, [F.pdf()], me.signer, exporter.recipients(hq_row)
            )
        before = _hq_rows(hq)
        with pytest.raises(files_in.FileMismatch, match="own district"):
            files_in.import_file(hq, forged)
        assert _hq_rows(hq) == before
    finally:
        multan.close()


def test_hq_refuses_a_file_over_its_own_limit(
    hq_linked: tuple[Session, Session], tmp_path: Path
) -> None:
    district, hq = hq_linked
    case = case_for(district)
    records.save(district, [case])
    big = tmp_path / "big.pdf"
    big.write_bytes(F.pdf(pages=1) + b"%" + b"x" * (3 * 1024 * 1024))
    item = attachments.attach(district, big, case_id=case.id)
    attachments.send_to_hq(district, item.id)
    done = sync.export_bundle(district, _folder(tmp_path, "out"))
    assert done.path is not None
    sync.import_bundle_bytes(hq, done.path.read_bytes())
    attachments.set_limits(hq, 2, 100)
    with pytest.raises(KnownError, match="Settings"):
        files_in.import_file(hq, done.case_files[0].path)
    attachments.set_limits(hq, 25, 100)
    assert files_in.import_file(hq, done.case_files[0].path).status == "imported"
    assert attachments.content(hq, item.id).data == big.read_bytes()


def test_only_a_district_marks_files_and_hq_names_what_it_refuses(
    hq_linked: tuple[Session, Session], tmp_path: Path
) -> None:
    _district, hq = hq_linked
    not_sealed = tmp_path / "x.tipf"
    not_sealed.write_bytes(b"%PDF-1.4 not a sealed file")
    report = sync.import_files(hq, [not_sealed])
    assert report.files == [] and "not a TIPDesk case file" in report.errors[0].message
    with pytest.raises(InvalidInput):
        files_in.import_file(hq, tmp_path / "missing.tipf")
    assert file_seal.EXTENSION == ".tipf"
