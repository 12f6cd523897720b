"""Handing a case over with the real ``tipdesk`` command (issue 14, part B): HQ and three
districts. Lahore hands a case over to Multan: it is read-only in Lahore at once, reaches HQ
with the next bundle and Multan with its next receipt (the victim's identity, which HQ never
reads, sealed for Multan's device), Multan edits it and HQ imports that without a conflict,
and Lahore's edits are refused. A conflict on the handed-over case resolved at HQ reaches
Multan and Multan's next edit is clean. HQ also moves a case itself; Peshawar, the third
district, receives nothing of either."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_sync_both_ways_cli import HQ_PASS, LAHORE_PASS, MULTAN_PASS, _add, _case, _receipt_for
from test_sync_cli import tipdesk

PESHAWAR_PASS = "khyber pass at first light"
VICTIM_NAME = "Fakevictim Synctest"


def _export(home: Path, passphrase: str, files: Path) -> str:
    made = tipdesk(home, passphrase, "sync", "export", "--out", str(files), "--json").json()
    assert made["file"], "nothing to export"
    return str(made["file"])


def _show(home: Path, passphrase: str, case_number: str) -> dict[str, Any]:
    listed = tipdesk(home, passphrase, "case", "list", "--json").json()
    (row,) = [c for c in listed if c["case_number"] == case_number]
    found: dict[str, Any] = tipdesk(home, passphrase, "case", "show", row["id"], "--json").json()
    return found


@pytest.mark.slow
def test_a_case_handed_over_between_three_districts(tmp_path: Path) -> None:
    lahore, multan, peshawar = tmp_path / "lahore", tmp_path / "multan", tmp_path / "peshawar"
    hq, files = tmp_path / "hq", tmp_path / "transfer"
    files.mkdir()
    offices = (
        (lahore, LAHORE_PASS, "Lahore", "FIA-AHTC-LHR", "ayesha", "PB-LHR"),
        (multan, MULTAN_PASS, "Multan", "FIA-AHTC-MLT", "bilal", "PB-MLT"),
        (peshawar, PESHAWAR_PASS, "Peshawar", "FIA-AHTC-PSH", "gul", "KP-PSH"),
    )
    tipdesk(hq, HQ_PASS, "init", "--role", "hq", "--user", "hqadmin")
    tipdesk(hq, HQ_PASS, "keys", "export", "--out", str(files / "hq.json"))
    for n, (home, passphrase, name, office, user, code) in enumerate(offices):
        tipdesk(home, passphrase, "init", "--role", "district", "--district", name,
                "--office", office, "--user", user)  # fmt: skip
        tipdesk(home, passphrase, "enroll", str(files / "hq.json"), "--yes")
        tipdesk(home, passphrase, "device", "export", "--out", str(files / f"{code}.json"))
        tipdesk(hq, HQ_PASS, "device", "register", str(files / f"{code}.json"), "--yes")
        number = f"FIR {300 + n}/2025"
        record = _case(number, code, office, f"35202-555555{n}-6", f"V-{code[3:]}-2025-{n}")
        _add(home, passphrase, tmp_path, record)
        tipdesk(hq, HQ_PASS, "hq", "import", _export(home, passphrase, files))
    for home, passphrase, *_rest, code in offices:
        tipdesk(home, passphrase, "sync", "receipt", _receipt_for(hq, files, code))

    # Lahore hands its case over to Multan: read-only in Lahore at once.
    mine = _show(lahore, LAHORE_PASS, "FIR 300/2025")
    asked = tipdesk(lahore, LAHORE_PASS, "case", "handover", mine["id"], "--to", "PB-MLT",
                    "--reason", "The accused was arrested in Multan.")  # fmt: skip
    assert "Lahore -> Multan, asked; waits for HQ" in asked.out
    refused = _add(lahore, LAHORE_PASS, tmp_path, mine | {"narrative": "Late."}, expect=5)
    assert "handed over to Multan" in refused.err
    report = tipdesk(hq, HQ_PASS, "hq", "import", _export(lahore, LAHORE_PASS, files),
                     "--json").json()  # fmt: skip
    assert [(h["case_id"], h["state"]) for h in report["bundles"][0]["handovers"]] == [
        (mine["id"], "moved")
    ]
    got = tipdesk(multan, MULTAN_PASS, "sync", "receipt", _receipt_for(hq, files, "PB-MLT"))
    assert "Cases handed over to this district: 1" in got.out
    listed = tipdesk(multan, MULTAN_PASS, "case", "handovers").out
    assert "FIR 300/2025: Lahore -> Multan, handed over to this district" in listed
    assert "The accused was arrested in Multan." in listed
    theirs = _show(multan, MULTAN_PASS, "FIR 300/2025")
    victim_id = theirs["victims"][0]["id"]
    shown = tipdesk(multan, MULTAN_PASS, "victim", "show", victim_id, "--reveal", "handover",
                    "--json").json()  # fmt: skip
    assert shown["name"] == VICTIM_NAME  # sealed for Multan's device; HQ never read it
    at_hq = tipdesk(hq, HQ_PASS, "victim", "show", victim_id, "--reveal", "check",
                    "--json").json()  # fmt: skip
    assert at_hq["name"] == ""

    # Multan edits it; HQ imports that without a conflict. Lahore learns of the move.
    _add(multan, MULTAN_PASS, tmp_path, theirs | {"investigating_officer": "Inspector Multanfake"})
    report = tipdesk(hq, HQ_PASS, "hq", "import", _export(multan, MULTAN_PASS, files),
                     "--json").json()  # fmt: skip
    assert report["conflicts"] == [] and report["quarantined"] == []
    assert report["accepted"] == {"case": 1}
    told = tipdesk(lahore, LAHORE_PASS, "sync", "receipt", _receipt_for(hq, files, "PB-LHR"))
    assert "handed over by this district, moved by HQ (read-only here): 1" in told.out
    _add(lahore, LAHORE_PASS, tmp_path, mine | {"narrative": "Later."}, expect=5)

    # A conflict on it, resolved at HQ, reaches Multan; Multan's next edit is clean.
    at_hq_case = tipdesk(hq, HQ_PASS, "case", "show", mine["id"], "--json").json()
    _add(hq, HQ_PASS, tmp_path, at_hq_case | {"narrative": "Corrected at HQ."})
    theirs = _show(multan, MULTAN_PASS, "FIR 300/2025")
    _add(multan, MULTAN_PASS, tmp_path, theirs | {"stage": "challan"})
    report = tipdesk(hq, HQ_PASS, "hq", "import", _export(multan, MULTAN_PASS, files),
                     "--json").json()  # fmt: skip
    (conflict,) = report["conflicts"]
    tipdesk(hq, HQ_PASS, "hq", "resolve", conflict["id"], "--keep", "local",
            "--field", "stage=incoming")  # fmt: skip
    tipdesk(multan, MULTAN_PASS, "sync", "receipt", _receipt_for(hq, files, "PB-MLT"))
    merged = _show(multan, MULTAN_PASS, "FIR 300/2025")
    assert (merged["narrative"], merged["stage"]) == ("Corrected at HQ.", "challan")
    _add(multan, MULTAN_PASS, tmp_path, merged | {"narrative": "Multan's next edit."})
    report = tipdesk(hq, HQ_PASS, "hq", "import", _export(multan, MULTAN_PASS, files),
                     "--json").json()  # fmt: skip
    assert report["conflicts"] == [] and report["accepted"] == {"case": 1}

    # HQ moves Peshawar's case to Lahore itself; Peshawar gets nothing of Lahore's case.
    theirs_psh = _show(hq, HQ_PASS, "FIR 302/2025")
    moved = tipdesk(hq, HQ_PASS, "hq", "handover", theirs_psh["id"], "--to", "PB-LHR",
                    "--reason", "Consolidated with a Lahore case.")  # fmt: skip
    assert "Peshawar -> Lahore, moved by HQ" in moved.out
    got = tipdesk(lahore, LAHORE_PASS, "sync", "receipt", _receipt_for(hq, files, "PB-LHR"))
    assert "Cases handed over to this district: 1" in got.out
    assert _show(lahore, LAHORE_PASS, "FIR 302/2025")["owner"] == "PB-LHR"
    tipdesk(peshawar, PESHAWAR_PASS, "sync", "receipt", _receipt_for(hq, files, "KP-PSH"))
    numbers = {c["case_number"] for c in tipdesk(peshawar, PESHAWAR_PASS, "case", "list",
                                                   "--json").json()}  # fmt: skip
    assert numbers == {"FIR 302/2025"}
    # The national report counts each case once.
    cases = tipdesk(hq, HQ_PASS, "case", "list", "--json").json()
    assert sorted(c["case_number"] for c in cases) == [
        "FIR 300/2025",
        "FIR 301/2025",
        "FIR 302/2025",
    ]
