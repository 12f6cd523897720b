"""``tipdesk --self-test`` (tipdesk.selftest): from source it passes and prints every step; a
failing step is named with its error and the exit code is 1; the data folder is never used."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tipdesk import selftest

STEP_NAMES = [name for name, _needs, _fn in selftest.STEPS]


def _command() -> list[str]:
    """The installed ``tipdesk`` script beside this interpreter, else ``python -m tipdesk``."""
    script = Path(sys.executable).with_name("tipdesk")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tipdesk"]


@pytest.mark.slow
def test_the_self_test_passes_from_source_and_prints_every_step(tmp_path: Path) -> None:
    home = tmp_path / "never-made"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TIPDESK_", "QT_"))}
    env |= {"TIPDESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    done = subprocess.run(
        [*_command(), "--self-test"], env=env, capture_output=True, text=True, timeout=240
    )
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr
    assert lines[0].startswith("TIPDesk ") and "self-test (from source" in lines[0]
    assert [line.split(":")[0] for line in lines[1:-1]] == [f"ok  {n}" for n in STEP_NAMES]
    assert "records" in lines[1] and "PDF" in lines[2] and "bundle" in lines[3]
    assert "sign-in window" in lines[-2]
    assert lines[-1].startswith(f"self-test passed: {len(STEP_NAMES)} steps")
    assert not home.exists()  # the user's data folder is never touched
    assert list(tmp_path.iterdir()) == []  # the temporary folder is removed


def _boom(_ctx: selftest.Context) -> str:
    raise OSError(28, "No space left on device")


def _never(_ctx: selftest.Context) -> str:  # pragma: no cover - must be skipped
    raise AssertionError("a step whose prerequisite failed ran")


def test_a_failing_step_is_named_with_its_error_and_the_exit_code_is_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    steps = [
        ("store", (), selftest.step_store),
        ("report", ("store",), _boom),
        ("gui", ("report",), _never),
    ]
    monkeypatch.setattr(selftest, "STEPS", steps)
    out = io.StringIO()
    assert selftest.run(root=tmp_path, out=out) == 1
    lines = out.getvalue().splitlines()
    assert lines[1].startswith("ok  store: created an encrypted store, wrote and read ")
    assert lines[2] == "FAIL report: OSError: [Errno 28] No space left on device"
    assert lines[3] == "skip gui: needs report"
    assert lines[4].startswith("self-test FAILED: report, gui")
    assert list(tmp_path.iterdir()) == []


def test_a_check_that_does_not_hold_fails_its_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def wrong_count(ctx: selftest.Context) -> str:
        selftest._check(1 + 1 == 3, "HQ accepted 1 of 2 records")
        return "unreachable"

    monkeypatch.setattr(selftest, "STEPS", [("bundle", (), wrong_count)])
    out = io.StringIO()
    assert selftest.run(root=tmp_path, out=out, verbose=True) == 1
    text = out.getvalue()
    assert "FAIL bundle: SelfTestFailed: HQ accepted 1 of 2 records" in text
    assert "Traceback" in text  # --verbose prints where it failed


def test_an_unusable_temporary_folder_fails_at_once(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x", encoding="utf-8")
    out = io.StringIO()
    assert selftest.run(root=not_a_folder, out=out) == 1
    assert "FAIL setup: cannot make a temporary folder: NotADirectoryError" in out.getvalue()


def test_the_entry_point_dispatches_the_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    import tipdesk.__main__ as entry

    seen: list[list[str]] = []
    monkeypatch.setattr(selftest, "main", lambda args: seen.append(args) or 7)
    assert entry.main(["--self-test", "--verbose"]) == 7
    assert seen == [["--verbose"]]


def test_help_mentions_the_self_test(capsys: pytest.CaptureFixture[str]) -> None:
    import tipdesk.__main__ as entry

    with pytest.raises(SystemExit) as done:
        entry.main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "usage: tipdesk" in out and "tipdesk --self-test" in out
