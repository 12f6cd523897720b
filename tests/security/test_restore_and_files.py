"""Restore and the files on disk (threats: "restore --replace checks the backup's users",
"restore reads a whole archive into memory", "a killed backup leaves a readable folder",
"permissions")."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import stat
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from svc_support import SVC_ADMIN, SVC_PASSPHRASE, SVC_START, svc_case, svc_init
from sync_support import run_cli

from tipdesk.core.clock import FixedClock
from tipdesk.core.errors import CorruptStore
from tipdesk.crash import save_crash_report
from tipdesk.paths import Paths
from tipdesk.services import backup as backup_service
from tipdesk.services import records
from tipdesk.services import session as session_service
from tipdesk.services.session import Session
from tipdesk.store.store import Store

STRANGER = "visitor"
STRANGER_PASSPHRASE = "quiet mango orbit 4417"
MIB = 1024 * 1024


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def _stranger_backup(tmp_path: Path, clock: FixedClock) -> Path:
    """A backup of another install, made by someone who knows nothing of ours."""
    session, _ = svc_init(
        Paths(tmp_path / "stranger-home"), clock, user=STRANGER, passphrase=STRANGER_PASSPHRASE
    )
    with session:
        return backup_service.backup(session, tmp_path / "stranger.tipdesk-backup")


def test_restore_replace_authenticates_against_the_current_store(
    district_session: Session,
    svc_paths: Paths,
    svc_clock: FixedClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    case = svc_case()
    records.save_one(district_session, case)
    district_session.close()
    bad = _stranger_backup(tmp_path, svc_clock)

    monkeypatch.setenv("TIPDESK_PASSPHRASE", STRANGER_PASSPHRASE)
    from tipdesk.cli import main as cli_main

    code = cli_main.run(
        ["restore", str(bad), "--replace", "--home", str(svc_paths.home), "--user", STRANGER]
    )
    assert code == 3  # wrong user name or passphrase: for the current store
    assert not list(svc_paths.home.glob("before-restore-*"))
    with session_service.sign_in(
        svc_paths, user=SVC_ADMIN, passphrase=SVC_PASSPHRASE, clock=svc_clock
    ) as ours:
        assert records.get(ours, "case", case.id).id == case.id


def _zip_bomb(path: Path, size: int) -> Path:
    """A small file whose database member inflates to ``size`` bytes of zeros, with a manifest
    that matches it (the kind of file that took 4.3 GB of memory)."""
    digest = hashlib.sha256()
    block = bytes(MIB)
    for _ in range(size // MIB):
        digest.update(block)
    manifest = {"format": "tipdesk-backup", "version": 1, "database_sha256": digest.hexdigest()}
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        zf.writestr("keys.json", b"{}")
        with zf.open("tipdesk.db", "w", force_zip64=True) as member:
            for _ in range(size // MIB):
                member.write(block)
    return path


def _stored_junk(path: Path, size: int) -> Path:
    """A stored (uncompressed) backup whose database is ``size`` bytes of noise with a
    matching manifest: legitimate in shape, refused only when the database is opened."""
    data = os.urandom(size)
    manifest = {
        "format": "tipdesk-backup",
        "version": 1,
        "database_sha256": hashlib.sha256(data).hexdigest(),
    }
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        zf.writestr("keys.json", b"{}")
        zf.writestr("tipdesk.db", data)
    del data
    return path


@pytest.mark.parametrize(
    ("make", "size"), [(_zip_bomb, 256 * MIB), (_stored_junk, 48 * MIB)], ids=["bomb", "stored"]
)
def test_restore_streams_the_archive_instead_of_reading_it_into_memory(
    make: object, size: int, svc_clock: FixedClock, tmp_path: Path
) -> None:
    assert callable(make)
    src = make(tmp_path / "big.tipdesk-backup", size)
    target = Paths(tmp_path / "fresh")
    tracemalloc.start()
    try:
        with pytest.raises(CorruptStore):
            backup_service.restore(
                target, src, user=SVC_ADMIN, passphrase=SVC_PASSPHRASE, clock=svc_clock
            )
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # Generous (chunks of 1 MiB are read), and far below the member's size.
    assert peak < 16 * MIB, f"peak {peak / MIB:.0f} MiB"
    assert not (target.home / "tipdesk.db").exists()


def _killed_backup(home: str, dest: str) -> None:
    """In a child process: a backup killed (os._exit, as kill -9) while its files are half
    done: after the database copy is written, before the container is finished."""
    paths = Paths(Path(home))
    session = session_service.sign_in(
        paths, user=SVC_ADMIN, passphrase=SVC_PASSPHRASE, clock=FixedClock(SVC_START)
    )
    real = Store.export_copy

    def export_then_die(store: Store, target: Path) -> None:
        real(store, target)
        os._exit(9)

    Store.export_copy = export_then_die  # type: ignore[method-assign]
    backup_service.backup(session, Path(dest))


def test_a_killed_backup_leaves_only_private_files_removed_at_the_next_start(
    district_session: Session, svc_paths: Paths, svc_clock: FixedClock, tmp_path: Path
) -> None:
    records.save_one(district_session, svc_case())
    district_session.close()
    dest_folder = tmp_path / "usb"
    dest_folder.mkdir()
    child = multiprocessing.get_context("fork").Process(
        target=_killed_backup, args=(str(svc_paths.home), str(dest_folder / "b.tipdesk-backup"))
    )
    child.start()
    child.join(60)
    assert child.exitcode == 9
    left = [p for folder in (dest_folder, svc_paths.home) for p in folder.rglob("*") if p.is_file()]
    temporary = [p for p in left if p.name.startswith((".tipdesk-backup-", ".backup-db-"))]
    assert temporary, "the kill came after the temporary files were made"
    for p in left:
        assert _mode(p) & 0o077 == 0, f"{p.name} is readable by others"
    for folder in {p.parent for p in left}:
        assert _mode(folder) & 0o077 == 0 or folder == dest_folder, folder

    session_service.sign_in(
        svc_paths, user=SVC_ADMIN, passphrase=SVC_PASSPHRASE, clock=svc_clock
    ).close()
    assert [p for p in temporary if p.exists()] == []
    assert not (dest_folder / "b.tipdesk-backup").exists()


def test_logs_crash_reports_and_before_restore_folders_are_private(
    district_session: Session,
    svc_paths: Paths,
    svc_clock: FixedClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old_umask = os.umask(0o022)
    try:
        report = save_crash_report(svc_paths, RuntimeError("boom"))
        assert report is not None
        assert _mode(report) == 0o600
        assert _mode(svc_paths.logs) == 0o700

        dest = backup_service.backup(district_session, tmp_path / "b.tipdesk-backup")
        assert run_cli(monkeypatch, district_session, "restore", str(dest), "--replace") == 0
        (aside,) = svc_paths.home.glob("before-restore-*")
        assert _mode(aside) == 0o700
        assert all(_mode(p) == 0o600 for p in aside.iterdir())
    finally:
        os.umask(old_umask)


def test_init_tightens_an_existing_data_folder(svc_clock: FixedClock, tmp_path: Path) -> None:
    home = tmp_path / "made-by-hand"
    (home / "logs").mkdir(parents=True)
    home.chmod(0o755)
    (home / "logs").chmod(0o755)
    (home / "logs" / "old.txt").write_text("x")
    (home / "logs" / "old.txt").chmod(0o644)
    session, _ = svc_init(Paths(home), svc_clock)
    session.close()
    assert _mode(home) == 0o700
    assert _mode(home / "logs") == 0o700
    assert _mode(home / "logs" / "old.txt") == 0o600
