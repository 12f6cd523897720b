"""Encrypted backup and restore: round trip, refusing to overwrite, moving an old store aside,
and refusing damaged or foreign backups (or a wrong passphrase) without touching the data
folder."""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from svc_support import (
    SVC_ADMIN,
    SVC_OTHER_PASSPHRASE,
    SVC_PASSPHRASE,
    svc_actions,
    svc_case,
    svc_init,
    svc_snapshot,
    svc_training,
)

from tipdesk.core.clock import FixedClock
from tipdesk.core.errors import (
    CorruptStore,
    InvalidInput,
    KnownError,
    PermissionDenied,
    StoreExists,
    WrongPassphrase,
)
from tipdesk.core.permissions import UserRole
from tipdesk.core.records import Case
from tipdesk.paths import Paths
from tipdesk.services import backup as backup_service
from tipdesk.services import records
from tipdesk.services.session import Session, sign_in

MakeUser = Callable[[Session, str, UserRole], Session]


def _restore(paths: Paths, src: Path, clock: FixedClock, *, passphrase: str = SVC_PASSPHRASE,
             replace: bool = False) -> Session:  # fmt: skip
    return backup_service.restore(
        paths, src, user=SVC_ADMIN, passphrase=passphrase, clock=clock, replace=replace
    )


@pytest.fixture
def backed_up(district_session: Session, tmp_path: Path) -> tuple[Path, Case]:
    """A store with one case and one training, and a backup of it."""
    case = svc_case()
    records.save(district_session, [case, svc_training()])
    dest = backup_service.backup(district_session, tmp_path / "out" / "lahore.tipdesk-backup")
    return dest, case


def _still_holds(paths: Paths, clock: FixedClock, case: Case) -> None:
    """The store in ``paths`` still opens with the admin's passphrase and holds ``case``."""
    s = sign_in(paths, user=SVC_ADMIN, passphrase=SVC_PASSPHRASE, clock=clock)
    try:
        assert records.get(s, "case", case.id).id == case.id
    finally:
        s.close()


def _rezip(src: Path, dest: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(dest, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return dest


def _members(src: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(src) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def test_backup_file_holds_only_encrypted_data(
    backed_up: tuple[Path, Case], district_session: Session
) -> None:
    dest, _case = backed_up
    assert dest.is_file()
    assert stat_mode(dest) == 0o600
    members = _members(dest)
    assert set(members) == {"manifest.json", "keys.json", "tipdesk.db"}
    manifest = json.loads(members["manifest.json"])
    assert manifest["format"] == "tipdesk-backup"
    assert manifest["device_id"] == district_session.install.device_id
    assert manifest["database_sha256"] == hashlib.sha256(members["tipdesk.db"]).hexdigest()
    raw = dest.read_bytes()
    for plain in (b"Sana Bibi", b"FIR 12/2025", b"SQLite format 3", b"Akram"):
        assert plain not in raw
    assert "backup" in svc_actions(district_session)
    assert not [p for p in dest.parent.iterdir() if p != dest]  # no temporary leftovers


def stat_mode(p: Path) -> int:
    return p.stat().st_mode & 0o777


def test_backup_then_restore_into_an_empty_folder(
    backed_up: tuple[Path, Case], svc_clock: FixedClock, tmp_path: Path
) -> None:
    dest, case = backed_up
    target = Paths(tmp_path / "fresh")
    restored = _restore(target, dest, svc_clock)
    try:
        got = records.get(restored, "case", case.id)
        assert isinstance(got, Case)
        assert got.case_number == "FIR 12/2025"
        assert svc_actions(restored)[-2:] == ["login", "restore"]
        assert records.reveal_victim(restored, case.victims[0].id, "court order 12").name == (
            "Sana Bibi"
        )
        assert restored.store.count("training") == 1
        assert restored.store.verify_audit().ok
    finally:
        restored.close()
    # The restored store opens with the same passphrase on its own.
    again = sign_in(target, user=SVC_ADMIN, passphrase=SVC_PASSPHRASE, clock=svc_clock)
    again.close()
    assert not [p.name for p in target.home.iterdir() if p.name.startswith(".restore-")]


def test_restore_over_an_existing_store_needs_replace(
    backed_up: tuple[Path, Case], svc_clock: FixedClock, tmp_path: Path
) -> None:
    dest, _case = backed_up
    other = Paths(tmp_path / "other")
    session, _ = svc_init(other, svc_clock)
    session.close()
    before = svc_snapshot(other.home)
    with pytest.raises(StoreExists):
        _restore(other, dest, svc_clock)
    assert svc_snapshot(other.home) == before


def test_restore_with_replace_moves_the_old_store_aside(
    backed_up: tuple[Path, Case], svc_clock: FixedClock, tmp_path: Path
) -> None:
    dest, case = backed_up
    other = Paths(tmp_path / "other")
    session, _ = svc_init(other, svc_clock, passphrase="an entirely different secret")
    records.save_one(session, svc_case(case_number="FIR 99/2026"))
    session.close()
    old = {name: (other.home / name).read_bytes() for name in ("keys.json", "tipdesk.db")}

    svc_clock.advance(3600)
    # The backup's admin does not know the other store's passphrase: the other store's own
    # admin authorises the replacing (as the app does, signed in).
    with pytest.raises(WrongPassphrase):
        _restore(other, dest, svc_clock, replace=True)
    owner = sign_in(other, user=SVC_ADMIN, passphrase="an entirely different secret",
                    clock=svc_clock)  # fmt: skip
    owner.close()
    old = {name: (other.home / name).read_bytes() for name in ("keys.json", "tipdesk.db")}
    restored = backup_service.restore(
        other, dest, user=SVC_ADMIN, passphrase=SVC_PASSPHRASE, clock=svc_clock, replace=True,
        authorised_by=owner,
    )  # fmt: skip
    try:
        assert [r.id for r in records.page(restored, "case")] == [case.id]
    finally:
        restored.close()
    aside = [p for p in other.home.iterdir() if p.name.startswith("before-restore-")]
    assert len(aside) == 1
    for name, data in old.items():
        assert (aside[0] / name).read_bytes() == data
    # The old store is intact and still opens with its own passphrase.
    moved = Paths(aside[0])
    s = sign_in(moved, user=SVC_ADMIN, passphrase="an entirely different secret", clock=svc_clock)
    try:
        assert [getattr(r, "case_number", "") for r in records.page(s, "case")] == ["FIR 99/2026"]
    finally:
        s.close()


def _corrupt_variants(good: Path, folder: Path) -> dict[str, Path]:
    folder.mkdir()
    raw = good.read_bytes()
    members = _members(good)
    out: dict[str, Path] = {}

    p = folder / "truncated"
    p.write_bytes(raw[: len(raw) // 2])
    out["truncated"] = p

    p = folder / "random"
    p.write_bytes(os.urandom(len(raw)))
    out["random"] = p

    p = folder / "empty"
    p.write_bytes(b"")
    out["empty"] = p

    out["other members"] = _rezip(good, folder / "other", {"readme.txt": b"hello"})
    out["extra member"] = _rezip(good, folder / "extra", members | {"evil.sh": b"rm -rf /"})
    out["missing member"] = _rezip(
        good, folder / "missing", {k: v for k, v in members.items() if k != "keys.json"}
    )

    db = bytearray(members["tipdesk.db"])
    db[5000] ^= 0xFF
    out["tampered database"] = _rezip(
        good, folder / "tampered", members | {"tipdesk.db": bytes(db)}
    )

    # Tampered database with a manifest that matches it: caught when the database is opened.
    db = bytearray(members["tipdesk.db"])
    for i in range(100, 200):
        db[i] ^= 0x5A
    manifest = json.loads(members["manifest.json"])
    manifest["database_sha256"] = hashlib.sha256(bytes(db)).hexdigest()
    out["tampered database, matching manifest"] = _rezip(
        good,
        folder / "tampered2",
        members | {"tipdesk.db": bytes(db), "manifest.json": json.dumps(manifest).encode()},
    )

    manifest = json.loads(members["manifest.json"])
    manifest["format"] = "something-else"
    out["wrong format"] = _rezip(
        good, folder / "format", members | {"manifest.json": json.dumps(manifest).encode()}
    )
    manifest["format"] = "tipdesk-backup"
    manifest["version"] = 99
    out["newer format"] = _rezip(
        good, folder / "newer", members | {"manifest.json": json.dumps(manifest).encode()}
    )
    out["manifest not json"] = _rezip(
        good, folder / "notjson", members | {"manifest.json": b"{not json"}
    )
    out["key file not json"] = _rezip(
        good, folder / "badkeys", members | {"keys.json": b"\x00\x01garbage"}
    )
    return out


def test_corrupt_backups_are_refused_and_the_data_folder_is_untouched(
    backed_up: tuple[Path, Case], district_session: Session, svc_paths: Paths,
    svc_clock: FixedClock, tmp_path: Path,
) -> None:  # fmt: skip
    dest, case = backed_up
    district_session.close()
    before = svc_snapshot(svc_paths.home)
    assert before
    failures: dict[str, str] = {}
    for label, bad in _corrupt_variants(dest, tmp_path / "bad").items():
        for replace in (False, True):
            try:
                _restore(svc_paths, bad, svc_clock, replace=replace).close()
                failures[f"{label} replace={replace}"] = "restored!"
            except CorruptStore:
                pass
            except StoreExists:
                if replace:
                    failures[f"{label} replace={replace}"] = "StoreExists"
            except Exception as exc:  # any other type is a failure of the contract
                failures[f"{label} replace={replace}"] = repr(exc)
            if svc_snapshot(svc_paths.home) != before:
                failures[f"{label} replace={replace}"] = "data folder changed"
    assert failures == {}
    _still_holds(svc_paths, svc_clock, case)


def test_a_corrupt_backup_restored_into_an_empty_folder_leaves_no_store(
    backed_up: tuple[Path, Case], svc_clock: FixedClock, tmp_path: Path
) -> None:
    dest, _case = backed_up
    bad = tmp_path / "bad.tipdesk-backup"
    bad.write_bytes(dest.read_bytes()[:1000])
    target = Paths(tmp_path / "fresh")
    with pytest.raises(CorruptStore):
        _restore(target, bad, svc_clock)
    assert svc_snapshot(target.home) == {}


def test_restore_with_a_wrong_passphrase_changes_nothing(
    backed_up: tuple[Path, Case], district_session: Session, svc_paths: Paths,
    svc_clock: FixedClock, tmp_path: Path,
) -> None:  # fmt: skip
    dest, _case = backed_up
    district_session.close()
    before = svc_snapshot(svc_paths.home)
    backup_before = dest.read_bytes()
    with pytest.raises(WrongPassphrase):
        _restore(svc_paths, dest, svc_clock, passphrase="not the right passphrase", replace=True)
    with pytest.raises(WrongPassphrase):
        backup_service.restore(
            svc_paths, dest, user="nobody", passphrase=SVC_PASSPHRASE, clock=svc_clock,
            replace=True,
        )  # fmt: skip
    assert svc_snapshot(svc_paths.home) == before
    assert dest.read_bytes() == backup_before
    target = Paths(tmp_path / "fresh")
    with pytest.raises(WrongPassphrase):
        _restore(target, dest, svc_clock, passphrase="not the right passphrase")
    assert svc_snapshot(target.home) == {}


def test_restore_of_a_missing_file(svc_clock: FixedClock, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        _restore(Paths(tmp_path / "fresh"), tmp_path / "nothing-here", svc_clock)


def test_backup_is_atomic_over_an_existing_file(district_session: Session, tmp_path: Path) -> None:
    dest = tmp_path / "b.tipdesk-backup"
    dest.write_bytes(b"old")
    backup_service.backup(district_session, dest)
    with zipfile.ZipFile(io.BytesIO(dest.read_bytes())) as zf:
        assert "tipdesk.db" in zf.namelist()


def test_a_restored_store_is_private(
    backed_up: tuple[Path, Case], svc_clock: FixedClock, tmp_path: Path
) -> None:
    dest, _case = backed_up
    target = Paths(tmp_path / "fresh")
    _restore(target, dest, svc_clock).close()
    assert stat_mode(target.home) == 0o700
    assert stat_mode(target.keyfile) == 0o600
    assert stat_mode(target.database) == 0o600


def test_restore_needs_the_manage_settings_permission(
    district_session: Session, svc_user: MakeUser, svc_paths: Paths, svc_clock: FixedClock,
    tmp_path: Path,
) -> None:  # fmt: skip
    svc_user(district_session, "officer1", UserRole.DISTRICT_OFFICER).close()
    dest = backup_service.backup(district_session, tmp_path / "with-officer.tipdesk-backup")
    district_session.close()
    before = svc_snapshot(svc_paths.home)
    for target, replace in ((svc_paths, True), (Paths(tmp_path / "fresh"), False)):
        with pytest.raises(PermissionDenied):
            backup_service.restore(
                target, dest, user="officer1", passphrase=SVC_OTHER_PASSPHRASE,
                clock=svc_clock, replace=replace,
            )  # fmt: skip
    assert svc_snapshot(svc_paths.home) == before
    assert svc_snapshot(tmp_path / "fresh") == {}


def test_restore_as_a_disabled_user_changes_nothing(
    district_session: Session, svc_user: MakeUser, svc_paths: Paths, svc_clock: FixedClock,
    tmp_path: Path,
) -> None:  # fmt: skip
    svc_user(district_session, "admin2", UserRole.DISTRICT_ADMIN).close()
    district_session.store.set_user_active("admin2", False, district_session.actor())
    dest = backup_service.backup(district_session, tmp_path / "disabled.tipdesk-backup")
    district_session.close()
    before = svc_snapshot(svc_paths.home)
    with pytest.raises(WrongPassphrase):
        backup_service.restore(
            svc_paths, dest, user="admin2", passphrase=SVC_OTHER_PASSPHRASE, clock=svc_clock,
            replace=True,
        )  # fmt: skip
    assert svc_snapshot(svc_paths.home) == before


def test_backup_into_a_folder_is_a_known_error(district_session: Session, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    with pytest.raises(KnownError):
        backup_service.backup(district_session, folder)
    assert list(folder.iterdir()) == []


class _Stop(Exception):
    """Stands in for the GUI's Cancelled: whatever the progress callback raises."""


def _cancel_at(step: int, seen: list[tuple[int, int]]) -> Callable[[int, int], None]:
    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done == step:
            raise _Stop

    return progress


@pytest.mark.parametrize("step", [0, 1, 2, 3])
def test_a_cancelled_backup_writes_nothing(
    district_session: Session, tmp_path: Path, step: int
) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    seen: list[tuple[int, int]] = []
    with pytest.raises(_Stop):
        backup_service.backup(
            district_session, folder / "b.tipbak", progress=_cancel_at(step, seen)
        )
    assert seen[-1] == (step, 4)
    assert list(folder.iterdir()) == []  # no backup, no temporary folder or file
    assert "backup" not in [e.action for e in district_session.store.audit_entries(limit=10_000)]


def test_a_cancel_after_the_backup_is_written_is_too_late(
    district_session: Session, tmp_path: Path
) -> None:
    folder = tmp_path / "usb"
    seen: list[tuple[int, int]] = []
    dest = backup_service.backup(
        district_session, folder / "b.tipbak", progress=_cancel_at(4, seen)
    )
    assert [d for d, _t in seen] == [0, 1, 2, 3, 4]
    assert [p.name for p in folder.iterdir()] == ["b.tipbak"]
    with zipfile.ZipFile(dest) as zf:
        assert set(zf.namelist()) == {"manifest.json", "keys.json", "tipdesk.db"}


@pytest.mark.parametrize("step", [0, 1, 2])
def test_a_cancelled_restore_changes_nothing(
    backed_up: tuple[Path, Case], district_session: Session, svc_paths: Paths,
    svc_clock: FixedClock, step: int,
) -> None:  # fmt: skip
    dest, case = backed_up
    district_session.close()
    before = svc_snapshot(svc_paths.home)
    seen: list[tuple[int, int]] = []
    with pytest.raises(_Stop):
        backup_service.restore(
            svc_paths, dest, user=SVC_ADMIN, passphrase=SVC_PASSPHRASE, clock=svc_clock,
            replace=True, progress=_cancel_at(step, seen),
        )  # fmt: skip
    assert seen[-1] == (step, 3)
    assert svc_snapshot(svc_paths.home) == before  # byte-identical, no staging folder left
    _still_holds(svc_paths, svc_clock, case)


def test_a_cancel_after_the_restore_moved_the_files_is_too_late(
    backed_up: tuple[Path, Case], district_session: Session, svc_paths: Paths,
    svc_clock: FixedClock,
) -> None:  # fmt: skip
    dest, _case = backed_up
    district_session.close()
    seen: list[tuple[int, int]] = []
    session = backup_service.restore(
        svc_paths, dest, user=SVC_ADMIN, passphrase=SVC_PASSPHRASE, clock=svc_clock,
        replace=True, progress=_cancel_at(3, seen),
    )  # fmt: skip
    session.close()
    assert [d for d, _t in seen] == [0, 1, 2, 3]
