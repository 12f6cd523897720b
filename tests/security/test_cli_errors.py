"""Ordinary errors are not crashes: a folder given for a file, a missing or read-only folder, a
closed pipe, a full disk, Ctrl+C end with one line on stderr and the right exit code, and no
crash report (a crash report says "this is a bug", and these are not).

Before the fix, ``device export --out FOLDER``, ``export ctdc --out /sys/x.csv``,
``tipdesk case list --json | head -1`` and ``tipdesk case list > /dev/full`` all ended in
"internal error ... this is a bug" with exit code 70 and a crash report, and ``--out`` naming
a pipe replaced the pipe with a regular file holding the export.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sec_cli_support import SEC_PASSPHRASE, CliRun, run_tipdesk, sec_demo_store

from tipdesk.cli import io
from tipdesk.crash import ordinary_error
from tipdesk.paths import Paths

EXIT_ERROR = 1
EXIT_PIPE_CLOSED = 141  # 128 + SIGPIPE: what the shell reports for other tools cut off so


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A district store with 300 demo cases (enough output to overflow a pipe's buffer)."""
    home = tmp_path_factory.mktemp("sec-errors") / "home"
    sec_demo_store(home, cases=300)
    return home


def _crash_reports(home: Path) -> list[Path]:
    return sorted((home / "logs").glob("crash-*"))


def _one_line(run: CliRun, code: int, *names: str) -> str:
    """The run ended with ``code`` and one line on stderr naming ``names``."""
    lines = run.err_lines()
    assert len(lines) == 1, run.err
    assert "internal error" not in lines[0] and "bug" not in lines[0], lines[0]
    assert run.code == code, (run.code, run.err)
    for name in names:
        assert name in lines[0], lines[0]
    return lines[0]


# --- a folder where a file is expected, and the other way round ----------------------------


def _file_options(folder: str, file: str) -> list[tuple[str, ...]]:
    """Every command option naming a file, given ``folder``; and the folder options, given
    ``file``. HQ-only commands are included: the path is checked before anything else.
    (``hq import`` is not: it reports each of its files on a line of its own.)"""
    return [
        ("device", "export", "--out", folder),
        ("keys", "export", "--out", folder),
        ("export", "htcds", "--out", folder),
        ("export", "ctdc", "--out", folder),
        ("report", "--from", "2025-01-01", "--to", "2025-12-31", "--format", "csv",
         "--out", folder),
        ("template", "register", "--out", folder),
        ("backup", folder),
        ("case", "add", "--file", folder),
        ("import", "register", folder),
        ("enroll", folder, "--yes"),
        ("device", "register", folder, "--yes"),
        ("sync", "receipt", folder),
        ("sync", "configure", "--hq-url", "https://hq.invalid:8443", "--ca", folder),
        ("hq", "serve", "--bind", "127.0.0.1:1", "--cert", folder, "--key", folder),
        ("restore", folder, "--user", "admin1"),
        ("stats", "--passphrase-file", folder),
        ("user", "add", "bilal", "--role", "district_officer", "--new-passphrase-file", folder),
        ("recover", "--recovery-key-file", folder),
        ("sync", "export", "--out", file),
        ("hq", "receipts", "--out", file),
        ("reference", "install", file),
    ]  # fmt: skip


@pytest.mark.parametrize("index", range(len(_file_options("F", "f"))))
def test_a_folder_for_a_file_and_a_file_for_a_folder(
    home: Path, tmp_path: Path, index: int
) -> None:
    folder = tmp_path / "a-folder.xlsx"  # even with a file's extension
    folder.mkdir()
    file = tmp_path / "a-file.txt"
    file.write_text("not a folder", encoding="utf-8")
    args = _file_options(str(folder), str(file))[index]
    named = str(folder) if str(folder) in args else str(file)
    before = _crash_reports(home)
    _one_line(run_tipdesk(*args, home=home), EXIT_ERROR, named)
    assert _crash_reports(home) == before
    assert sorted(p.name for p in folder.iterdir()) == []  # nothing written into it


@pytest.mark.parametrize(
    "args",
    [
        ("device", "export", "--out"),
        ("export", "ctdc", "--out"),
        ("template", "register", "--out"),
        ("keys", "export", "--out"),
    ],
)
def test_an_output_file_in_a_missing_folder(
    home: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    missing = tmp_path / "no-such-folder"
    before = _crash_reports(home)
    _one_line(run_tipdesk(*args, str(missing / "out.xlsx"), home=home), EXIT_ERROR, str(missing))
    assert not missing.exists()
    assert _crash_reports(home) == before


def test_a_backup_still_makes_missing_folders(home: Path, tmp_path: Path) -> None:
    dest = tmp_path / "new" / "folder" / "lahore.tipbak"
    run = run_tipdesk("backup", str(dest), home=home)
    assert run.code == 0, run.err
    assert dest.is_file()


def test_an_output_that_is_a_pipe_is_refused_not_replaced(home: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    _one_line(run_tipdesk("export", "ctdc", "--out", str(fifo), home=home), EXIT_ERROR, str(fifo))
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still the pipe, not a file holding the export


@pytest.mark.skipif(not Path("/sys").is_dir(), reason="needs Linux's /sys (a read-only place)")
def test_an_output_in_a_read_only_place(home: Path) -> None:
    before = _crash_reports(home)
    run = run_tipdesk("export", "ctdc", "--out", "/sys/tipdesk-test.csv", home=home)
    _one_line(run, EXIT_ERROR, "/sys")
    assert _crash_reports(home) == before


def test_home_naming_a_file_or_an_impossible_place(tmp_path: Path) -> None:
    file = tmp_path / "a-file"
    file.write_text("x", encoding="utf-8")
    _one_line(run_tipdesk("stats", "--home", str(file)), 2, str(file))
    impossible = file / "home"  # under a file: cannot be made
    run = run_tipdesk(
        "init", "--home", str(impossible), "--role", "district", "--district", "Lahore",
        "--office", "FIA-AHTC-LHR", "--user", "admin1",
    )  # fmt: skip
    _one_line(run, EXIT_ERROR, str(impossible))


@pytest.mark.parametrize(
    "content",
    ['{"age": ' + "9" * 5_000 + "}", "[" * 100_000 + "]" * 100_000],
    ids=["a-5000-digit-number", "arrays-nested-100000-deep"],
)
def test_an_input_file_too_large_to_read(home: Path, tmp_path: Path, content: str) -> None:
    file = tmp_path / "victim.json"
    file.write_text(content, encoding="utf-8")
    before = _crash_reports(home)
    _one_line(run_tipdesk("victim", "add", "--file", str(file), home=home), EXIT_ERROR, str(file))
    assert _crash_reports(home) == before


# --- output that cannot be written -------------------------------------------------------


def test_a_closed_pipe_case_list_json_to_head(home: Path) -> None:
    """``tipdesk case list --json | head -1``: head reads one line and exits while tipdesk has
    more than a pipe's buffer still to write (300 cases), so the write fails for certain."""
    before = _crash_reports(home)
    run = run_tipdesk("case", "list", "--json", "--limit", "1000", home=home,
                      shell_pipe_to="head -1")  # fmt: skip
    _one_line(run, EXIT_PIPE_CLOSED, "closed pipe")
    assert _crash_reports(home) == before


@pytest.mark.parametrize(
    "args", [("search", "FIR", "--limit", "5"), ("case", "list", "--limit", "1"), ("stats",)]
)
def test_a_pipe_closed_before_any_output(home: Path, args: tuple[str, ...]) -> None:
    """The reader is gone before tipdesk writes (``| head -1`` that already exited): even a
    single short line cannot be written."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        run = run_tipdesk(*args, home=home, stdout=write_end)
    finally:
        os.close(write_end)
    _one_line(run, EXIT_PIPE_CLOSED, "closed pipe")
    assert _crash_reports(home) == []


def test_standard_output_closed_is_not_a_crash(home: Path) -> None:
    """``tipdesk stats >&-``: Python has no stdout at all; nothing can be shown, nothing fails."""
    run = run_tipdesk("stats", home=home, stdout=None, close_stdout=True)
    assert run.code == 0 and run.err == ""
    assert _crash_reports(home) == []


@pytest.mark.skipif(
    not (Path("/dev/full").exists() and stat.S_ISCHR(Path("/dev/full").stat().st_mode)),
    reason="needs /dev/full (Linux), a device that is always full",
)
@pytest.mark.parametrize("args", [("case", "list"), ("case", "list", "--json")])
def test_output_to_a_full_disk(home: Path, args: tuple[str, ...]) -> None:
    before = _crash_reports(home)
    with open("/dev/full", "wb") as full:  # noqa: PTH123 - a device, opened for its fd
        run = run_tipdesk(*args, home=home, stdout=full.fileno())
    _one_line(run, EXIT_ERROR, "disk is full")
    assert _crash_reports(home) == before


# --- the same rules in-process: every OSError kind, no report ------------------------------


@pytest.mark.parametrize(
    ("exc", "words"),
    [
        (IsADirectoryError(errno.EISDIR, "Is a directory", "/data/out"), "/data/out is a folder"),
        (FileNotFoundError(errno.ENOENT, "No such file", "/gone/x.csv"), "/gone/x.csv does not"),
        (PermissionError(errno.EACCES, "Permission denied", "/ro/x.csv"), "/ro/x.csv"),
        (OSError(errno.EROFS, "Read-only file system", "/ro/x.csv"), "read-only"),
        (OSError(errno.ENOSPC, "No space left on device", "/usb/x.tipb"), "disk is full"),
        (OSError(errno.ENOSPC, "No space left on device"), "disk is full"),
        (OSError(errno.EIO, "Input/output error", "/usb/x.tipb"), "check the drive"),
    ],
)
def test_run_guarded_turns_os_errors_into_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], exc: OSError, words: str
) -> None:
    paths = Paths(tmp_path / "home")

    def fails() -> int:
        raise exc

    assert io.run_guarded(fails, paths, as_json=False) == EXIT_ERROR
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("tipdesk: error: ") and words in err[0], err
    assert not paths.logs.exists()  # no crash report


def test_run_guarded_json_error_for_an_os_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def fails() -> int:
        raise IsADirectoryError(errno.EISDIR, "Is a directory", "/data/out")

    assert io.run_guarded(fails, Paths(tmp_path / "home"), as_json=True) == EXIT_ERROR
    captured = capsys.readouterr()
    assert len(captured.err.strip().splitlines()) == 1


def test_ordinary_error_never_quotes_an_exception_message() -> None:
    # Some libraries' OSError subclasses carry their own text; only the path and errno count.
    line = ordinary_error(OSError("could not save Sana Bibi 35202-7654321-2"))
    assert line is not None and "Sana" not in line and "35202" not in line
    assert ordinary_error(ValueError("x")) is None
    assert ordinary_error(KeyboardInterrupt()) is None


def test_a_bug_is_still_a_bug(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = Paths(tmp_path / "home")

    def fails() -> int:
        raise KeyError("Sana Bibi")

    assert io.run_guarded(fails, paths, as_json=False) == io.EXIT_BUG
    err = capsys.readouterr().err
    assert "internal error" in err and "Sana" not in err
    assert len(list(paths.logs.glob("crash-*"))) == 1


# --- Ctrl+C ------------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes and SIGINT are POSIX")
def test_ctrl_c_while_waiting_for_the_passphrase(home: Path, tmp_path: Path) -> None:
    """Interrupted while blocked reading ``--passphrase-file`` (a named pipe nobody writes):
    one line, exit 130, no crash report, and the store still opens afterwards."""
    fifo = tmp_path / "passphrase"
    os.mkfifo(fifo)
    env = {k: v for k, v in os.environ.items() if not k.startswith("TIPDESK_")}
    env["TIPDESK_HOME"] = str(home)
    proc = subprocess.Popen(
        [sys.executable, "-m", "tipdesk", "stats", "--passphrase-file", str(fifo)],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    writer = _open_when_read(fifo, proc)  # tipdesk has opened the pipe: it waits on it now
    try:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=120)
    finally:
        os.close(writer)
    run = CliRun(proc.returncode, out.decode(), err.decode())
    assert "Traceback" not in run.err
    _one_line(run, 130, "interrupted")
    assert _crash_reports(home) == []
    again = run_tipdesk("stats", "--json", home=home)
    assert again.code == 0 and json.loads(again.out)["cases_registered"] == 300
    assert SEC_PASSPHRASE not in run.err


def _open_when_read(fifo: Path, proc: subprocess.Popen[bytes]) -> int:
    """Open ``fifo`` for writing once ``proc`` has opened it for reading (a non-blocking open
    fails with ENXIO until a reader is there); the caller closes the descriptor."""
    while True:
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as exc:
            if exc.errno != errno.ENXIO or proc.poll() is not None:
                raise
            time.sleep(0.05)
