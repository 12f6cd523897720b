"""Atomic writes: the target holds the old or the new content, never a mix, never a temp file."""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

import pytest

from tipdesk import fs
from tipdesk.core.errors import DiskFull, KnownError

POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def fail_on_file_fsync(error: OSError, monkeypatch: pytest.MonkeyPatch) -> None:
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            real_fsync(fd)
            return
        raise error

    monkeypatch.setattr(os, "fsync", fsync)


def test_writes_a_new_file(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    fs.atomic_write_bytes(target, b"\x00\x01payload")
    assert target.read_bytes() == b"\x00\x01payload"
    assert leftovers(tmp_path) == []


def test_replaces_existing_content(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    target.write_bytes(b"old content that is longer than the new one")
    fs.atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert leftovers(tmp_path) == []


@POSIX_ONLY
def test_default_mode_is_private_and_mode_is_exact(tmp_path: Path) -> None:
    private = tmp_path / "private"
    fs.atomic_write_bytes(private, b"x")
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    shared = tmp_path / "shared"
    old_umask = os.umask(0o077)
    try:
        fs.atomic_write_bytes(shared, b"x", mode=0o644)
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o644


def test_text_is_utf8_without_newline_translation(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    fs.atomic_write_text(target, "line one\nلاہور\r\n")
    assert target.read_bytes() == "line one\nلاہور\r\n".encode()


def test_failed_replace_keeps_old_content_and_removes_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "keys.json"
    target.write_bytes(b"old")

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "refused")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(PermissionError):
        fs.atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_failed_fsync_keeps_old_content_and_removes_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "keys.json"
    target.write_bytes(b"old")
    fail_on_file_fsync(OSError(errno.EIO, "I/O error"), monkeypatch)
    with pytest.raises(OSError) as caught:
        fs.atomic_write_text(target, "new")
    assert caught.value.errno == errno.EIO
    assert not isinstance(caught.value, KnownError)
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_interrupt_during_write_removes_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "keys.json"
    target.write_bytes(b"old")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        fs.atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    "code",
    [errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)],
    ids=["ENOSPC", "EDQUOT"],
)
def test_disk_full_becomes_disk_full_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    target = tmp_path / "keys.json"
    target.write_bytes(b"old")
    fail_on_file_fsync(OSError(code, os.strerror(code)), monkeypatch)
    with pytest.raises(DiskFull) as caught:
        fs.atomic_write_bytes(target, b"new")
    assert str(caught.value) == f"The disk is full: {target} was not written; nothing changed."
    assert isinstance(caught.value.__cause__, OSError)
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_missing_folder_raises_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        fs.atomic_write_bytes(tmp_path / "nowhere" / "out.bin", b"x")
    assert list(tmp_path.iterdir()) == []


@POSIX_ONLY
def test_folder_fsync_unsupported_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not supported")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    target = tmp_path / "out.bin"
    fs.atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"


@POSIX_ONLY
def test_folder_fsync_io_error_is_raised_after_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EIO, "I/O error")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    target = tmp_path / "out.bin"
    with pytest.raises(OSError):
        fs.atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert leftovers(tmp_path) == []
