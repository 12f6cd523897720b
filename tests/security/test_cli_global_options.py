"""The common options (``--home``, ``--user``, ``--passphrase-file``, ``--json``) work before the
command as well as after it, as in git and docker; after the command wins when both are given.

Before the fix, ``tipdesk --home DIR stats`` failed with "invalid choice" (the option was only
known to each sub-command), so a script written the git way could not reach its data folder.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sec_cli_support import SEC_PASSPHRASE, SEC_USER, run_tipdesk, sec_demo_store

from tipdesk.cli.main import build_parser


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("sec-global") / "home"
    sec_demo_store(home, cases=12)
    return home


def test_home_and_json_before_the_command_reach_the_store(demo_home: Path) -> None:
    # No TIPDESK_HOME: only the option before the command names the data folder.
    run = run_tipdesk("--home", str(demo_home), "--json", "stats")
    assert run.code == 0, run.err
    assert json.loads(run.out)["cases_registered"] == 12


def test_json_and_home_before_a_nested_command(demo_home: Path) -> None:
    run = run_tipdesk("--json", "--home", str(demo_home), "case", "list")
    assert run.code == 0, run.err
    assert len(json.loads(run.out)) == 12


def test_user_and_passphrase_file_before_the_command(demo_home: Path, tmp_path: Path) -> None:
    secret = tmp_path / "pass.txt"
    secret.write_text(SEC_PASSPHRASE + "\n", encoding="utf-8")
    run = run_tipdesk(
        "--home", str(demo_home), "--user", SEC_USER, "--passphrase-file", str(secret),
        "search", "FIR", "--json",
        passphrase=None,
    )  # fmt: skip
    assert run.code == 0, run.err
    assert isinstance(json.loads(run.out), list)


def test_the_value_after_the_command_wins(demo_home: Path, tmp_path: Path) -> None:
    empty = tmp_path / "no-store-here"
    run = run_tipdesk("--home", str(empty), "stats", "--home", str(demo_home), "--json")
    assert run.code == 0, run.err
    assert json.loads(run.out)["cases_registered"] == 12
    # And the other way round: the empty folder after the command is used, so it fails.
    run = run_tipdesk("--home", str(demo_home), "stats", "--home", str(empty))
    assert run.code != 0
    assert len(run.err_lines()) == 1 and run.err.startswith("tipdesk: error: ")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["stats"], {"home": None, "user": None, "passphrase_file": None, "json": False}),
        (["--home", "A", "--user", "u", "--json", "stats"],
         {"home": "A", "user": "u", "passphrase_file": None, "json": True}),
        (["--home", "A", "stats", "--home", "B"], {"home": "B"}),
        (["--passphrase-file", "p1", "case", "list", "--passphrase-file", "p2"],
         {"passphrase_file": "p2"}),
        # A view of a command that takes the options itself: the innermost value wins.
        (["--home", "A", "report", "--home", "B", "quality"], {"home": "B"}),
        (["report", "--home", "B", "quality", "--home", "C"], {"home": "C"}),
        (["--json", "export", "ctdc", "--out", "x.csv"], {"json": True}),
    ],
)  # fmt: skip
def test_parsing_before_after_and_both(argv: list[str], expected: dict[str, object]) -> None:
    args = build_parser().parse_args(argv)
    for name, value in expected.items():
        assert getattr(args, name) == value, (argv, name)


def test_the_top_level_help_names_the_common_options_and_the_rule() -> None:
    text = build_parser().format_help()
    for option in ("--home", "--user", "--passphrase-file", "--json"):
        assert option in text
    assert "after the command wins" in text
    # Still a short screen: the commands and the common options, no more.
    assert len(text.splitlines()) < 60
