"""End-to-end sync with the real ``tipdesk`` command (``python -m tipdesk`` in subprocesses,
the real passphrase KDF): district and HQ set up, enrolment, device registration, a case,
a bundle, HQ's import with ``--json``, receipts back, and a second export with nothing new.
No passphrase or secret key ever appears in any output. (Each command pays the real
passphrase KDF, so the finer cases are tested at the services level.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
DISTRICT_PASS = "monsoon rain over lahore fort"
HQ_PASS = "seven lanterns over margalla"
SECRETS = (DISTRICT_PASS, HQ_PASS, "AGE-SECRET-KEY")

CASE: dict[str, Any] = {
    "case_number": "FIR 301/2025",
    "registered_on": "2025-03-10",
    "district": "PB-LHR",
    "office": "FIA-AHTC-LHR",
    "sections": ["3"],
    "exploitation_forms": ["forced_labour"],
    "means": ["debt_bondage"],
    "stage": "investigation",
    "narrative": "Synthetic end-to-end sync narrative.",
    "accused": [{"name": "Fakeaccused Synctest", "cnic": "35202-5555555-6", "gender": "male",
                 "section": "3"}],
    "victims": [{"victim_code": "V-LHR-2025-301", "name": "Fakevictim Synctest",
                 "gender": "female", "age": 19, "identified_on": "2025-03-10",
                 "consent_to_share": False}],
}  # fmt: skip


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def tipdesk(home: Path, passphrase: str, *args: str, expect: int = 0) -> Run:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TIPDESK_")}
    env |= {"TIPDESK_HOME": str(home), "TIPDESK_PASSPHRASE": passphrase}
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
    for secret in SECRETS:
        assert secret not in run.out + run.err, f"a secret was printed by {args}"
    assert "Traceback" not in run.err, run.err
    assert run.code == expect, f"{args}: exit {run.code}\n{run.out}\n{run.err}"
    return run


@pytest.mark.slow
def test_district_to_hq_and_back(tmp_path: Path) -> None:
    district, hq = tmp_path / "lahore", tmp_path / "hq"
    files = tmp_path / "transfer"
    files.mkdir()
    tipdesk(district, DISTRICT_PASS, "init", "--role", "district", "--district", "Lahore",
            "--office", "FIA-AHTC-LHR", "--user", "ayesha")  # fmt: skip
    tipdesk(hq, HQ_PASS, "init", "--role", "hq", "--user", "hqadmin")

    shown = tipdesk(hq, HQ_PASS, "keys", "export", "--out", str(files / "hq.json"), "--json").json()
    assert len(shown["fingerprint"]) == 24

    refused = tipdesk(district, DISTRICT_PASS, "enroll", str(files / "hq.json"), expect=1)
    assert shown["fingerprint"] in refused.out and "--yes" in refused.err
    enrolled = tipdesk(district, DISTRICT_PASS, "enroll", str(files / "hq.json"), "--yes")
    assert shown["fingerprint"] in enrolled.out

    tipdesk(district, DISTRICT_PASS, "device", "export", "--out", str(files / "lahore.json"))
    registered = tipdesk(hq, HQ_PASS, "device", "register", str(files / "lahore.json"), "--yes",
                         "--json").json()  # fmt: skip
    assert registered["district"] == "PB-LHR" and registered["revoked_at"] is None

    (tmp_path / "case.json").write_text(json.dumps(CASE), encoding="utf-8")
    tipdesk(district, DISTRICT_PASS, "case", "add", "--file", str(tmp_path / "case.json"))

    exported_bundle = tipdesk(district, DISTRICT_PASS, "sync", "export", "--out", str(files),
                              "--json").json()  # fmt: skip
    bundle = Path(exported_bundle["file"])
    assert bundle.is_file() and exported_bundle["seq"] == 1
    assert exported_bundle["counts"] == {"accused": 1, "case": 1, "victim": 1}
    for needle in ("Fakevictim", "Fakeaccused", "FIR 301/2025", "Synthetic end-to-end"):
        assert needle.encode() not in bundle.read_bytes()

    report = tipdesk(hq, HQ_PASS, "hq", "import", str(bundle), "--json").json()
    (one,) = report["bundles"]
    assert one["status"] == "imported" and one["district"] == "PB-LHR" and one["seq"] == 1
    assert report["accepted"] == {"case": 1, "accused": 1, "victim": 1}
    assert report["errors"] == [] and report["conflicts"] == [] and report["quarantined"] == []
    # HQ installs the 2025 amendments once, with the commencement date it confirms; the
    # receipt carries them to the district.
    amended = ROOT / "resources/rules/examples/amendments-2025"
    undated = tipdesk(hq, HQ_PASS, "reference", "install", str(amended), expect=1)
    assert "--effective-from" in undated.err and "nothing was changed" in undated.err
    installed = tipdesk(
        hq, HQ_PASS, "reference", "install", str(amended), "--effective-from", "2025-09-01",
        "--json",
    ).json()  # fmt: skip
    assert installed == {
        "revision": 1,
        "files": ["rules/sentences.json"],
        "effective_from": "2025-09-01",
    }
    receipts = tipdesk(hq, HQ_PASS, "hq", "receipts", "--out", str(files), "--json").json()
    (receipt,) = receipts["receipts"]
    took = tipdesk(district, DISTRICT_PASS, "sync", "receipt", receipt, "--json").json()
    assert took["status"] == "imported" and took["acknowledged"] == [1]
    assert took["reference"]["installed"] and took["reference"]["revision"] == 1
    shown_ref = tipdesk(district, DISTRICT_PASS, "reference", "show")
    assert "Reference update 1" in shown_ref.out and "rules/sentences.json" in shown_ref.out
    before = sorted(p.name for p in files.iterdir())
    nothing = tipdesk(district, DISTRICT_PASS, "sync", "export", "--out", str(files))
    assert "Nothing new" in nothing.out
    assert sorted(p.name for p in files.iterdir()) == before
