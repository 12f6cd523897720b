"""Sync both ways with the real ``tipdesk`` command (issue 14): HQ and two districts. A
district refuses another district's records; a crafted bundle (made on Lahore's laptop from
records written straight into its store, signed by Lahore's own key) that changes Multan's
case, injects a case for Multan and carries a far-future time is quarantined at HQ and
changes nothing else; a conflict resolved at HQ field by field reaches the district and the
district's next edit is clean; HQ's linked-accused notice reaches the district; the inbox
moves what it imported."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from test_sync_cli import CASE, Run, tipdesk

from tipdesk.core.clock import SystemClock
from tipdesk.core.records import RECORD_TYPES, Case, from_dict
from tipdesk.paths import Paths
from tipdesk.store.keys import KeyFile
from tipdesk.store.store import Actor, Store

LAHORE_PASS = "monsoon rain over lahore fort"
MULTAN_PASS = "mango orchards near multan"
HQ_PASS = "seven lanterns over margalla"


def _case(number: str, district: str, office: str, cnic: str, code: str) -> dict[str, Any]:
    case = copy.deepcopy(CASE)
    case |= {"case_number": number, "district": district, "office": office}
    case["accused"][0]["cnic"] = cnic
    case["victims"][0]["victim_code"] = code
    return case


def _add(home: Path, passphrase: str, tmp: Path, record: dict[str, Any], expect: int = 0) -> Run:
    path = tmp / "record.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    return tipdesk(home, passphrase, "case", "add", "--file", str(path), expect=expect)


def _only(home: Path, passphrase: str) -> dict[str, Any]:
    (row,) = tipdesk(home, passphrase, "case", "list", "--json").json()
    found: dict[str, Any] = tipdesk(home, passphrase, "case", "show", row["id"], "--json").json()
    return found


def _export(home: Path, passphrase: str, files: Path) -> Path:
    made = tipdesk(home, passphrase, "sync", "export", "--out", str(files), "--json").json()
    assert made["file"], "nothing to export"
    return Path(made["file"])


def _receipt_for(hq: Path, files: Path, district: str) -> str:
    written = tipdesk(hq, HQ_PASS, "hq", "receipts", "--out", str(files), "--json").json()
    (mine,) = [r for r in written["receipts"] if f"receipt-{district}-" in r]
    return str(mine)


def _tamper(home: Path, passphrase: str, user: str, records: list[Any], at: str) -> None:
    """Write records straight into a district store, as a tampered laptop could."""
    paths = Paths(home)
    key = KeyFile.load(paths.keyfile).unlock(user, passphrase, SystemClock())
    store = Store.open(paths.database, key)
    try:
        device = store.setting("device_id") or ""
        store.save(records, Actor(user, device, at))
    finally:
        store.close()


@pytest.mark.slow
def test_hq_and_two_districts_both_ways(tmp_path: Path) -> None:
    lahore, multan, hq = tmp_path / "lahore", tmp_path / "multan", tmp_path / "hq"
    files = tmp_path / "transfer"
    files.mkdir()
    tipdesk(lahore, LAHORE_PASS, "init", "--role", "district", "--district", "Lahore",
            "--office", "FIA-AHTC-LHR", "--user", "ayesha")  # fmt: skip
    tipdesk(multan, MULTAN_PASS, "init", "--role", "district", "--district", "Multan",
            "--office", "FIA-AHTC-MLT", "--user", "bilal")  # fmt: skip
    tipdesk(hq, HQ_PASS, "init", "--role", "hq", "--user", "hqadmin")
    tipdesk(hq, HQ_PASS, "keys", "export", "--out", str(files / "hq.json"))
    for home, passphrase, name in ((lahore, LAHORE_PASS, "l"), (multan, MULTAN_PASS, "m")):
        tipdesk(home, passphrase, "enroll", str(files / "hq.json"), "--yes")
        tipdesk(home, passphrase, "device", "export", "--out", str(files / f"{name}.json"))
        tipdesk(hq, HQ_PASS, "device", "register", str(files / f"{name}.json"), "--yes")

    # Each district records its own case; the same accused CNIC is in both.
    _add(
        lahore,
        LAHORE_PASS,
        tmp_path,
        _case("FIR 301/2025", "PB-LHR", "FIA-AHTC-LHR", "35202-5555555-6", "V-LHR-2025-301"),
    )
    _add(
        multan,
        MULTAN_PASS,
        tmp_path,
        _case("FIR 77/2025", "PB-MLT", "FIA-AHTC-MLT", "35202-5555555-6", "V-MLT-2025-077"),
    )
    # A district refuses a record of another district, naming it (never its code).
    refused = _add(
        lahore,
        LAHORE_PASS,
        tmp_path,
        _case("FIR 9/2025", "PB-MLT", "FIA-AHTC-MLT", "", "V-MLT-2025-009"),
        expect=5,
    )
    assert "Multan" in refused.err and "PB-MLT" not in refused.err  # fmt: skip
    for home, passphrase in ((lahore, LAHORE_PASS), (multan, MULTAN_PASS)):
        bundle = _export(home, passphrase, files)
        report = tipdesk(hq, HQ_PASS, "hq", "import", str(bundle), "--json").json()
        assert report["quarantined"] == [] and report["accepted"]["case"] == 1

    # A crafted bundle from Lahore's laptop, signed with its own key.
    listed = tipdesk(hq, HQ_PASS, "case", "list", "--json").json()
    theirs_at_hq = next(c for c in listed if c["case_number"] == "FIR 77/2025")
    theirs = tipdesk(hq, HQ_PASS, "case", "show", theirs_at_hq["id"], "--json").json()
    forged, _ = from_dict(RECORD_TYPES["case"], theirs | {"narrative": "Overwritten at Lahore."})
    assert isinstance(forged, Case)
    forged.version = 0
    for child in (*forged.accused, *forged.victims):
        child.version, child.deleted = 0, True
    planted = _case("FIR 78/2025", "PB-MLT", "FIA-AHTC-MLT", "", "V-MLT-2025-078")
    injected, _ = from_dict(RECORD_TYPES["case"], planted)
    _tamper(lahore, LAHORE_PASS, "ayesha", [forged, injected], "2099-01-01T00:00:00.000Z")
    crafted = _export(lahore, LAHORE_PASS, files)
    report = tipdesk(hq, HQ_PASS, "hq", "import", str(crafted), "--json").json()
    assert report["accepted"] == {}
    reasons = {p["message"] for q in report["quarantined"] for p in q["problems"]}
    assert reasons == {
        "not this device's district",
        "dated more than a day after the bundle was made (or after HQ's clock)",
    }
    after = tipdesk(hq, HQ_PASS, "case", "show", theirs_at_hq["id"], "--json").json()
    assert after == theirs
    numbers = sorted(
        c["case_number"] for c in tipdesk(hq, HQ_PASS, "case", "list", "--json").json()
    )
    assert numbers == ["FIR 301/2025", "FIR 77/2025"]
    told = tipdesk(lahore, LAHORE_PASS, "sync", "receipt", _receipt_for(hq, files, "PB-LHR"))
    assert "not this device's district" in told.out
    # HQ's linked-accused notice names Multan and its case number only.
    notices = tipdesk(lahore, LAHORE_PASS, "sync", "notices").out
    assert "FIR 301/2025: an accused is also an accused in Multan's case FIR 77/2025" in notices
    assert "Fakeaccused" not in notices

    # A conflict: HQ corrects the narrative, Multan changes the officer meanwhile.
    at_hq = tipdesk(hq, HQ_PASS, "case", "show", theirs_at_hq["id"], "--json").json()
    _add(hq, HQ_PASS, tmp_path, at_hq | {"narrative": "Corrected at HQ."})
    mine = _only(multan, MULTAN_PASS)
    _add(multan, MULTAN_PASS, tmp_path, mine | {"investigating_officer": "Inspector Multanfake"})
    report = tipdesk(hq, HQ_PASS, "hq", "import", str(_export(multan, MULTAN_PASS, files)),
                     "--json").json()  # fmt: skip
    (conflict,) = report["conflicts"]
    args = ["hq", "resolve", conflict["id"], "--keep", "local",
            "--field", "investigating_officer=incoming"]  # fmt: skip
    preview = tipdesk(hq, HQ_PASS, *args, "--dry-run").out
    assert "narrative: keeps HQ's version 'Corrected at HQ.'; discards" in preview
    assert "Nothing was changed" in preview
    tipdesk(hq, HQ_PASS, *args)
    back = tipdesk(multan, MULTAN_PASS, "sync", "receipt", _receipt_for(hq, files, "PB-MLT"))
    assert "FIR 77/2025: resolved conflict: merged field by field at HQ" in back.out
    merged = _only(multan, MULTAN_PASS)
    assert merged["narrative"] == "Corrected at HQ."
    assert merged["investigating_officer"] == "Inspector Multanfake"
    # The district's next edit is clean at HQ.
    _add(multan, MULTAN_PASS, tmp_path, merged | {"stage": "challan"})
    inbox = hq / "inbox"
    inbox.mkdir(exist_ok=True)
    _export(multan, MULTAN_PASS, inbox)
    report = tipdesk(hq, HQ_PASS, "hq", "import", "--inbox", "--json").json()
    assert report["conflicts"] == [] and report["accepted"] == {"case": 1}
    assert [Path(p).parent.name for p in report["moved"]] == ["imported"]
    assert list(inbox.glob("*.tipb")) == []
    assert tipdesk(hq, HQ_PASS, "hq", "conflicts", "--json").json() == []
    final = tipdesk(hq, HQ_PASS, "case", "show", theirs_at_hq["id"], "--json").json()
    assert (final["stage"], final["narrative"]) == ("challan", "Corrected at HQ.")
