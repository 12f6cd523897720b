"""End-to-end tests of the real ``tipdesk`` command (``python -m tipdesk`` in a subprocess).

Every invocation uses the real (slow by design) passphrase KDF, so the number of invocations is
kept small: one initialised store with two cases is shared by the read-mostly tests of a module
(``shared``); tests that change passphrases, tamper with the audit log or fill demo data make
their own store. Tests do not depend on each other's order (``pytest -n 2`` splits them).

Every invocation is checked by :func:`tipdesk` itself: no passphrase ever appears on stdout or
stderr, and a recovery key appears only in the output of ``init``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ADMIN = "admin1"
ADMIN_PASS = "correct horse battery staple"
SECOND_PASS = "seven lanterns over the ravi"
THIRD_PASS = "monsoon clouds over margalla hills"
OFFICER_PASS = "purple elephant dances quietly"
SECRETS = (ADMIN_PASS, SECOND_PASS, THIRD_PASS, OFFICER_PASS)
MASK = "••••••"
RECOVERY_RE = re.compile(r"\b[A-Z2-7]{4}(?:-[A-Z2-7]{4}){12}\b")
INIT_ARGS = ("init", "--role", "district", "--district", "Lahore", "--office", "FIA-AHTC-LHR",
             "--user", ADMIN)  # fmt: skip
MAX_MONTHS_ERROR = (
    "accused[0].imprisonment_months: 96 exceeds the 84-month maximum (TIP Act 2018 s.3(1))"
)

_recovery_keys: set[str] = set()


@dataclass
class Run:
    args: tuple[str, ...]
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)

    def one_error_line(self) -> str:
        lines = self.err.strip().splitlines()
        assert len(lines) == 1, self.err
        assert lines[0].startswith("tipdesk: error: "), lines[0]
        return lines[0]


def tipdesk(
    home: Path,
    *args: str,
    passphrase: str | None = ADMIN_PASS,
    env: dict[str, str] | None = None,
    expect: int | None = 0,
) -> Run:
    """Run ``python -m tipdesk ARGS`` with ``TIPDESK_HOME=home``; check the exit code and that
    no secret leaked into the output."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("TIPDESK_")}
    full_env["TIPDESK_HOME"] = str(home)
    if passphrase is not None:
        full_env["TIPDESK_PASSPHRASE"] = passphrase
    full_env |= env or {}
    proc = subprocess.run(
        [sys.executable, "-m", "tipdesk", *args],
        env=full_env,
        cwd=home.parent,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=600,
        check=False,
    )
    run = Run(args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))
    for secret in SECRETS:
        assert secret not in run.out, f"a passphrase was printed by {args}"
        assert secret not in run.err, f"a passphrase was printed by {args}"
    if args[:1] == ("init",):
        _recovery_keys.update(RECOVERY_RE.findall(run.out))
    else:
        for key in _recovery_keys:
            assert key not in run.out + run.err, f"a recovery key was printed by {args}"
    assert "Traceback" not in run.err, run.err
    if expect is not None:
        assert run.code == expect, f"{args}: exit {run.code}\n{run.out}\n{run.err}"
    return run


def _write_json(path: Path, data: Any) -> str:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


# --- synthetic cases ---------------------------------------------------------------------------

ACCUSED_CNIC = "35202-2222222-3"

CASE_CHALLAN: dict[str, Any] = {
    "case_number": "FIR 101/2025",
    "kind": "fir",
    "registered_on": "2025-03-10",
    "district": "PB-LHR",
    "office": "FIA-AHTC-LHR",
    "law": "tip_act_2018",
    "sections": ["3"],
    "exploitation_forms": ["forced_labour"],
    "means": ["debt_bondage"],
    "transnational": False,
    "stage": "challan",
    "investigating_officer": "Inspector Farah Naz",
    "narrative": "Brick kiln workers held under an advance.",
    "accused": [
        {
            "name": "Tariq Mehmood",
            "father_name": "Sher Ali",
            "cnic": ACCUSED_CNIC,
            "gender": "male",
            "age": 45,
            "role": "recruiter",
            "section": "3",
            "arrest_status": "arrested",
            "proceeded_on": "2025-04-01",
        }
    ],
    "victims": [
        {
            "victim_code": "V-LHR-2025-101",
            "name": "Nasreen Akhtar",
            "father_name": "Allah Ditta",
            "cnic": "35202-3333333-4",
            "gender": "female",
            "age": 17,
            "identified_on": "2025-03-10",
            "exploitation_forms": ["forced_labour"],
        }
    ],
}

# Charged under s.3(2) (a woman or a child) though its one victim is an adult man: saved, with a
# warning.
CASE_DECIDED: dict[str, Any] = {
    "case_number": "FIR 102/2025",
    "registered_on": "2025-05-05",
    "offence_on": "2025-04-28",
    "district": "Lahore",  # a name: stored as its code
    "office": "FIA-AHTC-LHR",
    "law": "tip_act_2018",
    "sections": ["3(2)"],
    "exploitation_forms": ["domestic_servitude"],
    "transnational": True,
    "route_countries": ["PK", "AE"],
    "stage": "decided",
    "accused": [
        {
            "name": "Javed Iqbal",
            "father_name": "Muhammad Iqbal",
            "cnic": "35202-4444444-5",
            "gender": "male",
            "section": "",
            "proceeded_on": "2025-06-01",
            "outcome": "convicted",
            "judgment_on": "2025-11-20",
            "imprisonment_months": 60,
            "fine_pkr": 200000,
        }
    ],
    "victims": [
        {
            "victim_code": "V-LHR-2025-102",
            "name": "Kamran Shah",
            "gender": "male",
            "age": 25,
            "identified_on": "2025-05-05",
        }
    ],
}


@dataclass
class Shared:
    home: Path
    init: Run
    challan_id: str
    decided_id: str
    challan_shown: dict[str, Any]
    added: Run


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Shared:
    """A district store with the two cases above (admin1, ADMIN_PASS). Tests may read it and
    add audit entries, users and backups, but not change its records or passphrases."""
    base = tmp_path_factory.mktemp("cli-shared")
    home = base / "home"
    init = tipdesk(home, *INIT_ARGS, "--json")
    cases = _write_json(base / "cases.json", [CASE_CHALLAN, CASE_DECIDED])
    added = tipdesk(home, "case", "add", "--file", cases, "--json")
    saved = added.json()
    assert saved["kind"] == "case"
    challan_id, decided_id = saved["saved"]
    shown = tipdesk(home, "case", "show", challan_id, "--json", "--user", ADMIN).json()
    return Shared(home, init, challan_id, decided_id, shown, added)


# --- init --------------------------------------------------------------------------------------


def test_init_json_shows_the_recovery_key_once(shared: Shared) -> None:
    info = shared.init.json()
    assert info["role"] == "district"
    assert (info["district"], info["office"], info["user"]) == ("PB-LHR", "FIA-AHTC-LHR", ADMIN)
    assert RECOVERY_RE.fullmatch(info["recovery_key"])
    assert shared.init.out.count(info["recovery_key"]) == 1
    assert shared.init.err == ""
    home = shared.home
    assert (home / "keys.json").is_file()
    assert (home / "tipdesk.db").is_file()
    assert info["recovery_key"] not in (home / "keys.json").read_text(encoding="utf-8")


def test_init_again_fails_with_one_line_and_changes_nothing(shared: Shared) -> None:
    before = {p: (shared.home / p).read_bytes() for p in ("keys.json", "tipdesk.db")}
    run = tipdesk(shared.home, *INIT_ARGS, expect=None)
    assert run.code != 0
    assert "already exists" in run.one_error_line()
    assert run.out == ""
    assert {p: (shared.home / p).read_bytes() for p in before} == before


# --- records -----------------------------------------------------------------------------------


def test_case_list(shared: Shared) -> None:
    rows = tipdesk(shared.home, "case", "list", "--json", "--user", ADMIN).json()
    # Newest first by registration date.
    assert [r["id"] for r in rows] == [shared.decided_id, shared.challan_id]
    assert [r["case_number"] for r in rows] == ["FIR 102/2025", "FIR 101/2025"]
    assert all(r["version"] == 1 for r in rows)
    assert [r["district"] for r in rows] == ["PB-LHR", "PB-LHR"]
    assert "victims" not in rows[0]


def test_case_list_by_stage(shared: Shared) -> None:
    rows = tipdesk(
        shared.home, "case", "list", "--stage", "challan", "--district", "lahore", "--json",
        "--user", ADMIN,
    ).json()  # fmt: skip
    assert [(r["id"], r["stage"]) for r in rows] == [(shared.challan_id, "challan")]


def test_case_show_masks_the_victim(shared: Shared) -> None:
    data = shared.challan_shown
    assert data["id"] == shared.challan_id
    assert data["case_number"] == "FIR 101/2025"
    assert data["accused"][0]["cnic"] == "3520222222223"  # normalised on save
    victim = data["victims"][0]
    assert victim["victim_code"] == "V-LHR-2025-101"
    for name in ("name", "father_name", "cnic"):
        assert victim[name] == MASK
    assert "Nasreen" not in json.dumps(data, ensure_ascii=False)


def test_reveal_by_the_admin_is_audited(shared: Shared) -> None:
    victim_id = shared.challan_shown["victims"][0]["id"]
    shown = tipdesk(
        shared.home, "victim", "show", victim_id, "--reveal", "court order 12", "--json",
        "--user", ADMIN,
    ).json()  # fmt: skip
    assert (shown["name"], shown["father_name"]) == ("Nasreen Akhtar", "Allah Ditta")
    assert shown["cnic"] == "3520233333334"
    entries = tipdesk(
        shared.home, "audit", "list", "--action", "reveal", "--json", "--user", ADMIN
    ).json()
    assert [(e["action"], e["kind"], e["record_id"], e["user"]) for e in entries] == [
        ("reveal", "victim", victim_id, ADMIN)
    ]
    assert entries[0]["detail"] == {"reason": "court order 12"}


def test_a_sentence_over_the_maximum_is_refused_with_exit_5(shared: Shared, tmp_path: Path) -> None:
    bad = json.loads(json.dumps(CASE_DECIDED))
    bad["case_number"] = "FIR 103/2025"
    bad["victims"][0]["victim_code"] = "V-LHR-2025-103"
    bad["sections"] = ["3"]  # s.3(1): 8 years are over its 7 (lawful under s.3(2))
    bad["accused"][0]["imprisonment_months"] = 96
    run = tipdesk(
        shared.home, "case", "add", "--file", _write_json(tmp_path / "bad.json", bad),
        "--json", "--user", ADMIN, expect=5,
    )  # fmt: skip
    assert MAX_MONTHS_ERROR in run.one_error_line()
    out = run.json()
    assert out["error"] == "validation"
    assert {(p["field"], p["rule"]) for p in out["problems"]} == {
        ("accused[0].imprisonment_months", "sentence.max_imprisonment")
    }


def test_a_warning_is_shown_and_the_case_saved_all_the_same(shared: Shared) -> None:
    """s.3(2) with no woman or child among the victims: the case is saved (exit 0) and the
    warning is printed on stderr and listed in the JSON."""
    (warning,) = shared.added.json()["warnings"]
    assert (warning["field"], warning["rule"], warning["severity"]) == (
        "[1].sections[0]",
        "sentence.condition",
        "warning",
    )
    assert shared.added.err.startswith("tipdesk: warning: [1].sections[0]: TIP Act 2018 s.3(2)")
    shown = tipdesk(shared.home, "case", "show", shared.decided_id, "--json").json()
    assert shown["offence_on"] == "2025-04-28" and shown["sections"] == ["3(2)"]
    assert shared.challan_shown["offence_on"] is None


def test_malformed_json_is_one_line_and_non_zero(shared: Shared, tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"case_number": "FIR 1/2025",', encoding="utf-8")
    run = tipdesk(shared.home, "case", "add", "--file", str(bad), "--user", ADMIN, expect=None)
    assert run.code != 0
    assert "not valid JSON" in run.one_error_line()
    assert run.out == ""


def test_search_finds_the_case_by_accused_cnic(shared: Shared) -> None:
    hits = tipdesk(shared.home, "search", ACCUSED_CNIC, "--json", "--user", ADMIN).json()
    assert [(h["kind"], h["id"]) for h in hits] == [("case", shared.challan_id)]
    assert hits[0]["label"] == "FIR 101/2025"


def test_stats_for_a_period(shared: Shared) -> None:
    data = tipdesk(
        shared.home, "stats", "--from", "2025-01-01", "--to", "2025-12-31", "--json",
        "--user", ADMIN,
    ).json()  # fmt: skip
    assert data == {
        "period": {"from": "2025-01-01", "to": "2025-12-31"},
        "cases_registered": 2,
        "accused_proceeded_against": 2,
        "accused_convicted": 1,
        "victims_identified": 2,
        "victims_by_gender": {"female": 1, "male": 1},
        "victims_by_age_group": {"child": 1, "adult": 1, "unknown": 0},
        "victims_by_gender_and_age_group": {"female": {"child": 1}, "male": {"adult": 1}},
        "training_sessions": 0,
        "persons_trained": 0,
        "awareness_campaigns": 0,
        "people_reached": 0,
    }


# --- users and permissions ---------------------------------------------------------------------


def test_a_district_officer_cannot_reveal(shared: Shared) -> None:
    added = tipdesk(
        shared.home, "user", "add", "officer1", "--role", "district_officer", "--json",
        "--user", ADMIN, env={"TIPDESK_NEW_PASSPHRASE": OFFICER_PASS},
    ).json()  # fmt: skip
    assert added == {"added": "officer1", "role": "district_officer"}
    victim_id = shared.challan_shown["victims"][0]["id"]
    run = tipdesk(
        shared.home, "victim", "show", victim_id, "--reveal", "court order 12",
        "--user", "officer1", passphrase=OFFICER_PASS, expect=4,
    )  # fmt: skip
    assert "district officer" in run.one_error_line()
    assert "Nasreen" not in run.out


# --- passphrases -------------------------------------------------------------------------------


@pytest.mark.slow
def test_passwd_wrong_passphrase_and_recovery(tmp_path: Path) -> None:
    home = tmp_path / "home"
    init = tipdesk(home, *INIT_ARGS)
    keys = RECOVERY_RE.findall(init.out)
    assert len(keys) == 1, "the recovery key is printed exactly once"
    recovery = keys[0]
    assert "RECOVERY KEY" in init.out

    tipdesk(home, "passwd", env={"TIPDESK_NEW_PASSPHRASE": SECOND_PASS})

    run = tipdesk(home, "case", "list", "--json", expect=3)
    assert run.one_error_line() == "tipdesk: error: Wrong user name or passphrase."
    assert json.loads(run.out) == {
        "error": "WrongPassphrase",
        "message": "Wrong user name or passphrase.",
    }

    tipdesk(
        home, "recover", passphrase=None,
        env={"TIPDESK_RECOVERY_KEY": recovery, "TIPDESK_NEW_PASSPHRASE": THIRD_PASS},
    )  # fmt: skip
    assert tipdesk(home, "case", "list", "--json", passphrase=THIRD_PASS).json() == []
    tipdesk(home, "case", "list", passphrase=SECOND_PASS, expect=3)


# --- audit log ---------------------------------------------------------------------------------


def test_audit_verify_detects_a_tampered_entry(tmp_path: Path) -> None:
    from tipdesk.core.clock import SystemClock
    from tipdesk.store import driver
    from tipdesk.store.keys import KeyFile

    home = tmp_path / "home"
    tipdesk(home, *INIT_ARGS)
    ok = tipdesk(home, "audit", "verify", "--json").json()
    assert ok["ok"] is True
    assert ok["entries"] > 0

    # Every subprocess on this store has finished: edit one entry with the key, as someone
    # holding a copy of the files and a passphrase could, bypassing the triggers.
    key = KeyFile.load(home / "keys.json").unlock(ADMIN, ADMIN_PASS, SystemClock())
    conn = driver.connect(home / "tipdesk.db", key)
    try:
        (seq,) = conn.execute("SELECT seq FROM audit WHERE action = 'init'").fetchone()
        conn.execute("DROP TRIGGER audit_no_update")
        conn.execute("UPDATE audit SET user = 'someone else' WHERE seq = ?", (seq,))
    finally:
        conn.close()

    run = tipdesk(home, "audit", "verify", expect=None)
    assert run.code != 0
    assert f"#{seq}" in run.out
    assert "TAMPERED" in run.out


# --- backup, restore, demo ---------------------------------------------------------------------


@pytest.mark.slow
def test_backup_and_restore_into_a_fresh_home(shared: Shared, tmp_path: Path) -> None:
    dest = tmp_path / "lahore.tipdesk-backup"
    out = tipdesk(shared.home, "backup", str(dest), "--json", "--user", ADMIN).json()
    assert Path(out["backup"]) == dest
    assert dest.is_file()
    assert b"Nasreen" not in dest.read_bytes()

    fresh = tmp_path / "fresh"
    restored = tipdesk(fresh, "restore", str(dest), "--user", ADMIN)
    assert "new sync device" in restored.out and "tipdesk device export" in restored.out
    before = tipdesk(shared.home, "keys", "show", "--json", "--user", ADMIN).json()
    after = tipdesk(fresh, "keys", "show", "--json", "--user", ADMIN).json()
    assert after["fingerprint"] != before["fingerprint"]
    rows = tipdesk(fresh, "case", "list", "--json", "--user", ADMIN).json()
    assert {r["id"] for r in rows} == {shared.challan_id, shared.decided_id}

    again = tipdesk(fresh, "restore", str(dest), "--user", ADMIN, expect=None)
    assert again.code != 0
    assert "--replace" in again.one_error_line()


def test_demo_fills_a_store(tmp_path: Path) -> None:
    home = tmp_path / "home"
    tipdesk(home, *INIT_ARGS)
    counts = tipdesk(home, "demo", "--cases", "50", "--seed", "3", "--json").json()
    assert counts["case"] == 50
    data = tipdesk(home, "stats", "--json").json()
    assert data["cases_registered"] == 50
    assert data["victims_identified"] == counts["victim"]
    assert data["training_sessions"] == counts["training"]
    assert data["awareness_campaigns"] == counts["campaign"]


# --- help and overview -------------------------------------------------------------------------

_HELP_SCRIPT = textwrap.dedent(
    """
    import argparse, contextlib, io, json, sys
    from tipdesk.__main__ import main
    from tipdesk.cli.main import build_parser

    def commands(parser, prefix=()):
        yield prefix
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    yield from commands(sub, prefix + (name,))

    results = {}
    for cmd in commands(build_parser()):
        out = io.StringIO()
        try:
            with contextlib.redirect_stdout(out):
                code = main([*cmd, "--help"])
        except SystemExit as exc:
            code = exc.code
        results[" ".join(cmd) or "(top)"] = [code or 0, out.getvalue()]
    print(json.dumps(results))
    """
)


def test_every_command_has_help(tmp_path: Path) -> None:
    # One interpreter walks the real parser and asks every command for --help.
    proc = subprocess.run(
        [sys.executable, "-c", _HELP_SCRIPT],
        env={**os.environ, "TIPDESK_HOME": str(tmp_path / "home")},
        capture_output=True,
        timeout=300,
        check=True,
    )
    results = json.loads(proc.stdout)
    expected = {
        "init", "user add", "user list", "passwd", "recover", "search", "stats", "demo",
        "audit verify", "audit list", "backup", "restore", "diary list", "diary add",
        "diary done", "diary reopen", "print case", "print referral", "print cause-list",
        *(f"{k} {a}" for k in ("case", "victim", "training", "campaign")
          for a in ("add", "list", "show")),
    }  # fmt: skip
    assert expected <= set(results)
    for cmd, (code, text) in results.items():
        assert code == 0, cmd
        assert "usage: tipdesk" in text, cmd
    assert "--reveal" in results["victim show"][1]
    assert not (tmp_path / "home").exists()  # asking for help creates nothing


def test_version(tmp_path: Path) -> None:
    run = tipdesk(tmp_path / "home", "--version", passphrase=None)
    assert run.out.startswith("TIPDesk ")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs a way to hide the display")
def test_no_arguments_without_a_display_prints_the_overview(tmp_path: Path) -> None:
    # With a display, `tipdesk` opens the desktop app (tests/gui/test_app.py); without one it
    # prints the overview and says why on stderr.
    home = tmp_path / "home"
    no_display = {"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""}
    run = tipdesk(home, passphrase=None, env=no_display)
    assert "desktop app cannot start here" in run.err
    for command in ("init", "case", "victim", "search", "stats", "backup", "restore", "audit"):
        assert command in run.out
    assert "Cases registered" in run.out
    assert not home.exists()  # the demo store lives in a temporary folder
