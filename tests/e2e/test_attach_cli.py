"""End-to-end: case files through the real ``tipdesk`` command.

``attach`` stores a PDF on a case and a photo on its victim; ``attachment list`` shows them
(the victim's with its name, for the administrator who holds the identity key);
``attachment get`` writes a decrypted copy to ``--out`` only, audited, and a
victim's file only with ``--reveal``; a program renamed ``.pdf`` and a file over the limit set
with ``attachment limits`` are refused with a clear message and nothing stored.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import case_files as F

PASS = "kites over the old city at dawn"

CASE: dict[str, Any] = {
    "case_number": "FIR 77/2026",
    "registered_on": "2026-01-10",
    "district": "PB-LHR",
    "office": "FIA-AHTC-LHR",
    "sections": ["3"],
    "stage": "investigation",
    "investigating_officer": "Inspector Attach Test",
    "victims": [{"victim_code": "V-LHR-2026-77", "name": "Fakevictim Attachtest",
                 "gender": "female", "age": 19, "identified_on": "2026-01-10"}],
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
    assert F.SECRET not in run.out + run.err
    assert "Traceback" not in run.err, run.err
    assert run.code == expect, f"{args}: exit {run.code}\n{run.out}\n{run.err}"
    return run


def test_attach_list_get_and_refusals_from_the_command_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    tipdesk(home, "init", "--role", "district", "--district", "Lahore", "--office",
            "FIA-AHTC-LHR", "--user", "admin1")  # fmt: skip
    (tmp_path / "case.json").write_text(json.dumps(CASE), encoding="utf-8")
    (case_id,) = tipdesk(home, "case", "add", "--file", str(tmp_path / "case.json"),
                         "--json").json()["saved"]  # fmt: skip
    victim_id = tipdesk(home, "case", "show", case_id, "--json").json()["victims"][0]["id"]
    files = tmp_path / "files"
    pdf = F.pdf(pages=2)
    photo = F.png(200, 120)

    fir = tipdesk(home, "attach", case_id, str(F.write(files, "fir scan.pdf", pdf)), "--kind",
                  "fir", "--note", "First information report", "--json").json()  # fmt: skip
    assert (fir["kind"], fir["media_type"], fir["size"]) == ("fir", "application/pdf", len(pdf))
    shown = tipdesk(home, "attach", case_id, str(F.write(files, "face.png", photo)), "--kind",
                    "photo", "--victim", victim_id)  # fmt: skip
    assert shown.out.startswith("Attached face.png (PNG image, ")

    listed = tipdesk(home, "attachment", "list", case_id, "--json").json()
    assert [(i["file_name"], i["about"], i["victims_file"]) for i in listed] == [
        ("fir scan.pdf", "case", False),
        ("face.png", "victim", True),
    ]
    text = tipdesk(home, "attachment", "list", case_id).out
    assert "fir scan.pdf" in text and "Victim V-LHR-2026-77" in text
    photo_id = listed[1]["id"]

    out = tmp_path / "copies" / "copy.pdf"
    out.parent.mkdir()
    tipdesk(home, "attachment", "get", fir["id"], "--out", str(out))
    assert out.read_bytes() == pdf
    assert out.stat().st_mode & 0o777 == 0o600
    refused = tipdesk(home, "attachment", "get", photo_id, "--out", str(tmp_path / "p.png"),
                      expect=1)  # fmt: skip
    assert "give a reason" in refused.err
    assert not (tmp_path / "p.png").exists()
    tipdesk(home, "attachment", "get", photo_id, "--out", str(tmp_path / "p.png"), "--reveal",
            "court asked for the photo")  # fmt: skip
    assert (tmp_path / "p.png").read_bytes() == photo
    saves = tipdesk(home, "audit", "list", "--action", "attachment.save", "--json").json()
    assert [(e["record_id"], e["detail"]) for e in saves] == [
        (fir["id"], {"revealed": False}),
        (photo_id, {"revealed": True, "reason": "court asked for the photo"}),
    ]

    # Hostile and oversized files: a clear message, nothing stored.
    program = F.write(files, "scan.pdf", F.windows_program())
    bad = tipdesk(home, "attach", case_id, str(program), expect=1)
    assert bad.err.strip() == (
        "tipdesk: error: scan.pdf cannot be attached: it is a Windows program; programs and "
        "scripts are never attached."
    )
    tipdesk(home, "attachment", "limits", "--file-mb", "1")
    big = F.write(files, "big.pdf", F.pdf() + bytes(2 * 1024 * 1024))
    over = tipdesk(home, "attach", case_id, str(big), expect=1)
    assert "files of at most 1 MB can be attached" in over.err
    assert len(tipdesk(home, "attachment", "list", case_id, "--json").json()) == 2
    assert tipdesk(home, "attachment", "limits", "--json").json()["max_file_mb"] == 1
