"""End-to-end: the diary and the printouts through the real ``tipdesk`` command.

A hearing added with ``diary add`` is overdue two days later; ``diary done`` with a next date
makes the next hearing; deadlines from the rules (the investigation, a shelter placement) are
listed with their keys and marked done; ``print`` writes private PDFs whose text (pdftotext)
shows the case, and a victim's name only when revealed (audited). Dates are relative to the
real today: the command uses the system clock.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

PASS = "lanterns along the ravi at dusk"
VICTIM_NAME = "Fakevictim Diarytest"
TODAY = dt.date.today()


def _day(offset: int) -> str:
    return (TODAY + dt.timedelta(days=offset)).isoformat()


CASE: dict[str, Any] = {
    "case_number": "FIR 401/2026",
    "registered_on": _day(-10),
    "district": "PB-LHR",
    "office": "FIA-AHTC-LHR",
    "sections": ["3"],
    "stage": "investigation",
    "investigating_officer": "Inspector Diary Test",
    "narrative": "Synthetic end-to-end diary narrative.",
    "accused": [{"name": "Fakeaccused Diarytest", "gender": "male", "arrest_status": "arrested"}],
    "victims": [{"victim_code": "V-LHR-2026-401", "name": VICTIM_NAME, "gender": "female",
                 "age": 19, "identified_on": _day(-10),
                 "referrals": [{"service": "shelter", "referred_on": _day(-10)}]}],
}  # fmt: skip


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def tipdesk(home: Path, *args: str, expect: int = 0) -> Run:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TIPDESK_")}
    env |= {"TIPDESK_HOME": str(home), "TIPDESK_PASSPHRASE": PASS}
    proc = subprocess.run(
        [sys.executable, "-m", "tipdesk", *args],
        env=env,
        cwd=home.parent,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=600,
        check=False,
    )
    run = Run(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))
    assert PASS not in run.out + run.err
    assert "Traceback" not in run.err, run.err
    assert run.code == expect, f"{args}: exit {run.code}\n{run.out}\n{run.err}"
    return run


def _keys(listing: dict[str, Any]) -> dict[str, list[str]]:
    return {s["title"].split()[0]: [i["key"] for i in s["items"]] for s in listing["sections"]}


def _pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return " ".join(done.stdout.decode("utf-8").split())


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_the_diary_and_printouts_from_the_command_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    tipdesk(home, "init", "--role", "district", "--district", "Lahore", "--office",
            "FIA-AHTC-LHR", "--user", "admin1")  # fmt: skip
    (tmp_path / "case.json").write_text(json.dumps(CASE), encoding="utf-8")
    (case_id,) = tipdesk(home, "case", "add", "--file", str(tmp_path / "case.json"),
                         "--json").json()["saved"]  # fmt: skip
    shown = tipdesk(home, "case", "show", case_id, "--json").json()
    victim = shown["victims"][0]
    referral_id = victim["referrals"][0]["id"]

    court = "Judicial Magistrate Diarytest"
    added = tipdesk(home, "diary", "add", case_id, "--on", _day(-2), "--court", court,
                    "--purpose", "evidence", "--json").json()  # fmt: skip
    hearing_key = added["key"]
    listing = tipdesk(home, "diary", "list", "--json").json()
    keys = _keys(listing)
    assert keys["Overdue"] == [hearing_key, f"shelter_placement:{referral_id}"]
    assert keys["Due"] == [f"investigation:{case_id}"]  # registered 10 days ago + 14
    assert VICTIM_NAME not in json.dumps(listing)

    # The hearing took place: what happened, and the next date the court gave.
    done = tipdesk(home, "diary", "done", hearing_key, "--what", "Adjourned; witness absent",
                   "--next", _day(3), "--json").json()  # fmt: skip
    next_key = f"hearing:{done['next_hearing']}"
    tipdesk(home, "diary", "done", f"shelter_placement:{referral_id}")
    listing = tipdesk(home, "diary", "list", "--due", "5d", "--officer",
                      "Inspector Diary Test", "--json").json()  # fmt: skip
    assert [s["title"].split()[0] for s in listing["sections"]] == ["Due"]
    assert _keys(listing)["Due"] == [next_key, f"investigation:{case_id}"]
    overdue = tipdesk(home, "diary", "list", "--overdue", "--json").json()
    assert _keys(overdue) == {"Overdue": []}
    refused = tipdesk(home, "diary", "done", next_key, expect=1)
    assert refused.err.startswith("tipdesk: error: Say what happened")

    # Printouts: the case summary withholds the victim; the referral letter reveals on request.
    tipdesk(home, "print", "case", case_id, "--out", str(tmp_path / "case.pdf"))
    text = _pdf_text(tmp_path / "case.pdf")
    for expected in ("FIR 401/2026", "Inspector Diary Test", "Judicial Magistrate Diarytest",
                     "Adjourned; witness absent", "V-LHR-2026-401", "(withheld)"):  # fmt: skip
        assert expected in text, expected
    assert VICTIM_NAME not in text
    assert (tmp_path / "case.pdf").stat().st_mode & 0o777 == 0o600
    tipdesk(home, "print", "referral", victim["id"], "--service", "shelter", "--reveal",
            "The shelter needs her name", "--out", str(tmp_path / "letter.pdf"))  # fmt: skip
    letter = _pdf_text(tmp_path / "letter.pdf")
    assert "REFERRAL FOR SHELTER" in letter and VICTIM_NAME in letter
    reveals = tipdesk(home, "audit", "list", "--action", "reveal", "--json").json()
    assert [(e["record_id"], e["detail"]) for e in reveals] == [
        (victim["id"], {"reason": "The shelter needs her name"})
    ]
    tipdesk(home, "print", "cause-list", "--week", _day(0), "--out", str(tmp_path / "cl.pdf"))
    cause = _pdf_text(tmp_path / "cl.pdf")
    assert "Judicial Magistrate Diarytest (1)" in cause and "FIR 401/2026" in cause
