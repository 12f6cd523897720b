"""Case files (``.tipf``) at an HQ keeping its records in PostgreSQL (issue 20, branch pgfiles):
what lands in PostgreSQL holds no plaintext of a file, its name or note, every data key is
wrapped, the audit entry is in PostgreSQL's chain, and the database roles give analysts the
cases' files only. The flows themselves run on both engines in ``test_sync_case_files``.
Everything is synthetic."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import cast

import case_files as F
import psycopg
import pytest
from hq_engines import pg_digest, view
from sync_support import case_for, run_cli
from test_hq_pg_roles import login, refused

from tipdesk.core.errors import KnownError, PermissionDenied
from tipdesk.core.permissions import UserRole
from tipdesk.core.records import Case
from tipdesk.hqstore import roles
from tipdesk.hqstore.files import PgFiles
from tipdesk.services import attachments, records, sync
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_pg_copy
from tipdesk.services.sync.hq import DATABASE_SETTING

UserMaker = Callable[[Session, str, UserRole], Session]
NAME_NOTE = ("fir-Kausar-synthetic.pdf", "FIR note QUOKKA-9931", "medical-Parveen.pdf",
             "Medical note WOMBAT-2207")  # fmt: skip


def _sent(
    district: Session, tmp_path: Path, kept: str = ""
) -> tuple[Case, list[Path], dict[str, str]]:
    """A case with a case file and a victim's file, both sent to HQ: the bundle and files;
    ``kept``: the name of a third file, not sent (its description travels)."""
    case = case_for(district)
    case.victims[0].consent_to_share = True
    records.save(district, [case])
    fir, fir_note, medical, medical_note = NAME_NOTE
    (tmp_path / fir).write_bytes(F.pdf())
    (tmp_path / medical).write_bytes(F.pdf("Victim medical page PANGOLIN-5512"))
    a = attachments.attach(district, tmp_path / fir, case_id=case.id, kind="fir", note=fir_note)
    b = attachments.attach(
        district, tmp_path / medical, victim_id=case.victims[0].id, kind="medical",
        note=medical_note,
    )  # fmt: skip
    for item in (a, b):
        attachments.send_to_hq(district, item.id)
    if kept:
        (tmp_path / kept).write_bytes(F.pdf("Court order"))
        attachments.attach(district, tmp_path / kept, case_id=case.id, note="Order")
    (tmp_path / "out").mkdir()
    done = sync.export_bundle(district, tmp_path / "out")
    assert done.path is not None and len(done.case_files) == 2
    return case, [done.path, *(f.path for f in done.case_files)], {"fir": a.id, "medical": b.id}


@pytest.mark.parametrize("hq_engine", ["postgres"])
def test_case_files_in_postgresql_hold_no_plaintext_and_keys_are_wrapped(
    hq_linked: tuple[Session, Session], tmp_path: Path
) -> None:
    district, hq = hq_linked
    case, paths, ids = _sent(district, tmp_path)
    report = sync.import_files(hq, paths)
    assert report.errors == [] and [f.status for f in report.files] == ["imported"] * 2
    url = str(hq.store.setting(DATABASE_SETTING))
    everything = repr(pg_digest(url))
    for secret in (*NAME_NOTE, F.SECRET, "PANGOLIN-5512"):
        assert secret not in everything
    pg = view(hq)
    rows = {
        str(r[0]): (int(str(r[1])), len(cast(bytes, r[2])))
        for r in pg.raw("SELECT id, key_sealed, data_key FROM attachments")
    }
    # Wrapped (nonce, key, tag) and HPKE-sealed (encapsulated key, key, tag): never 32 bytes.
    assert rows == {ids["fir"]: (0, 12 + 32 + 16), ids["medical"]: (1, 32 + 32 + 16)}
    assert pg.details("attachment.receive") and pg.audit_ok()
    # Nothing of them in the install's own store (the records are PostgreSQL's).
    assert hq.store.query("SELECT count(*) FROM attachments")[0][0] == 0
    # Read back through the services, with names and notes.
    shown = {a.kind.value: a for a in attachments.list_for_case(hq, case.id)}
    assert (shown["fir"].file_name, shown["fir"].note) == NAME_NOTE[:2]
    assert (shown["medical"].file_name, shown["medical"].note) == NAME_NOTE[2:]
    assert attachments.content(hq, ids["fir"]).data == F.pdf()
    assert attachments.content(hq, ids["medical"], reason="national report").data == F.pdf(
        "Victim medical page PANGOLIN-5512"
    )
    assert "attachment.view" in pg.actions()
    # Removal destroys the key and chunks; the description stays.
    attachments.remove(hq, ids["fir"], "scanned twice by mistake")
    assert pg.raw("SELECT data_key, chunks > 0 FROM attachments WHERE id = ?", (ids["fir"],)) == [
        (None, True)
    ]
    assert (
        pg.raw("SELECT count(*) FROM attachment_chunks WHERE attachment_id = ?", (ids["fir"],))[0][
            0
        ]
        == 0
    )
    assert [a.kind.value for a in attachments.list_for_case(hq, case.id)] == ["medical"]
    assert pg.audit_ok()


@pytest.mark.parametrize("hq_engine", ["postgres"])
def test_analysts_open_cases_files_only_and_the_receiver_none(
    hq_linked: tuple[Session, Session],
    svc_user: UserMaker,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    district, hq = hq_linked
    case, paths, ids = _sent(district, tmp_path)
    assert sync.import_files(hq, paths).errors == []
    url = str(hq.store.setting(DATABASE_SETTING))
    assert run_cli(monkeypatch, hq, "hq", "database-roles", "--apply") == 0
    analyst = login(url, "files_analyst", roles.ANALYST)
    refused(analyst, "SELECT data_key FROM attachments")
    refused(analyst, "SELECT data FROM attachment_chunks")
    with psycopg.connect(analyst) as conn:
        seen = conn.execute("SELECT DISTINCT attachment_id FROM case_file_chunks").fetchall()
        keys = conn.execute("SELECT id FROM case_file_keys").fetchall()
    assert seen == [(ids["fir"],)] and keys == [(ids["fir"],)]
    receiver = login(url, "files_receiver", roles.RECEIVER)
    refused(receiver, "SELECT id FROM attachments")
    identity = login(url, "files_identity", roles.IDENTITY)
    with psycopg.connect(identity) as conn:
        assert conn.execute("SELECT count(*) FROM attachment_chunks").fetchone() == (2,)
    # The HQ app signed in to the database as the analyst: the case's file opens, the
    # victim's does not (its key is not readable by the role), and lists without its name.
    hq.store.set_settings({DATABASE_SETTING: analyst}, hq.actor())
    assert attachments.content(hq, ids["fir"]).data == F.pdf()
    shown = {a.kind.value: a for a in attachments.list_for_case(hq, case.id)}
    assert shown["medical"].file_name is None and not shown["medical"].readable
    with pytest.raises(PermissionDenied):
        attachments.content(hq, ids["medical"], reason="national report")
    hq.store.set_settings({DATABASE_SETTING: identity}, hq.actor())
    assert attachments.content(hq, ids["medical"], reason="national report").data == F.pdf(
        "Victim medical page PANGOLIN-5512"
    )


def test_migrate_to_postgres_copies_case_files_wraps_their_keys_and_proves_them(
    svc_linked: tuple[Session, Session],
    pg_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    district, hq = svc_linked  # an HQ on SQLCipher, moved to PostgreSQL
    case, paths, ids = _sent(district, tmp_path, kept="court-Okapi.pdf")
    assert sync.import_files(hq, paths).errors == []
    before = {a.id: (a.file_name, a.note) for a in attachments.list_for_case(hq, case.id)}
    # A broken copy (a chunk changed on its way) is found by the proof and rolled back.
    real = PgFiles.copy_stored

    def damaged(self: PgFiles, row: tuple[object, ...], chunks: Iterable[bytes]) -> None:
        real(self, row, [c[:-1] + bytes([c[-1] ^ 1]) for c in chunks])

    monkeypatch.setattr(PgFiles, "copy_stored", damaged)
    with pytest.raises(KnownError, match="attachments"):
        hq_pg_copy.migrate_to_postgres(hq, pg_url)
    assert not hq.store.setting(DATABASE_SETTING)
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT count(*) FROM attachments").fetchone() == (0,)
    monkeypatch.setattr(PgFiles, "copy_stored", real)
    assert run_cli(monkeypatch, hq, "hq", "migrate-to-postgres", pg_url) == 0
    assert hq.store.setting(DATABASE_SETTING) == pg_url
    # Now read from PostgreSQL: the same files, names and notes, the same content.
    after = {a.id: (a.file_name, a.note) for a in attachments.list_for_case(hq, case.id)}
    assert after == before and ("court-Okapi.pdf", "Order") in after.values()
    assert attachments.content(hq, ids["fir"]).data == F.pdf()
    assert attachments.content(hq, ids["medical"], reason="national report").data == F.pdf(
        "Victim medical page PANGOLIN-5512"
    )
    everything = repr(pg_digest(pg_url))
    for secret in (*NAME_NOTE, F.SECRET, "PANGOLIN-5512", "court-Okapi"):
        assert secret not in everything
    # The receipts name them from PostgreSQL: the district marks them sent.
    (tmp_path / "receipts").mkdir()
    back = sync.import_receipt(district, sync.write_receipts(hq, tmp_path / "receipts")[0])
    assert sorted(back.files_confirmed) == sorted(ids.values())
