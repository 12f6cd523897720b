"""End-to-end: a case file travels to HQ through the real ``tipdesk`` command.

The district attaches a PDF to a case and marks it (``attachment send``); ``sync export``
writes the bundle and the sealed file beside it; HQ's ``hq import`` takes both (the file
checked and stored encrypted), ``attachment list`` and ``attachment get`` at HQ show and copy
it; the receipt marks it sent at the district, and the next export no longer writes it. A
tampered copy of the sealed file is refused with a clear message and changes nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

import case_files as F
import pytest
from test_sync_cli import CASE, DISTRICT_PASS, HQ_PASS, tipdesk


@pytest.mark.slow
def test_a_file_marked_for_hq_reaches_hq_and_comes_back_confirmed(tmp_path: Path) -> None:
    district, hq = tmp_path / "lahore", tmp_path / "hq"
    stick = tmp_path / "stick"
    stick.mkdir()
    tipdesk(district, DISTRICT_PASS, "init", "--role", "district", "--district", "Lahore",
            "--office", "FIA-AHTC-LHR", "--user", "ayesha")  # fmt: skip
    tipdesk(hq, HQ_PASS, "init", "--role", "hq", "--user", "hqadmin")
    tipdesk(hq, HQ_PASS, "keys", "export", "--out", str(tmp_path / "hq.json"))
    tipdesk(district, DISTRICT_PASS, "enroll", str(tmp_path / "hq.json"), "--yes")
    tipdesk(district, DISTRICT_PASS, "device", "export", "--out", str(tmp_path / "dev.json"))
    tipdesk(hq, HQ_PASS, "device", "register", str(tmp_path / "dev.json"), "--yes")
    (tmp_path / "case.json").write_text(json.dumps(CASE), encoding="utf-8")
    (case_id,) = tipdesk(district, DISTRICT_PASS, "case", "add", "--file",
                         str(tmp_path / "case.json"), "--json").json()["saved"]  # fmt: skip
    paper = F.write(tmp_path / "scans", "fir scan.pdf", F.pdf(pages=2))
    fir = tipdesk(district, DISTRICT_PASS, "attach", case_id, str(paper), "--kind", "fir",
                  "--json").json()  # fmt: skip
    sent = tipdesk(district, DISTRICT_PASS, "attachment", "send", fir["id"], "--json").json()
    assert sent["send_to_hq"] and not sent["sent_to_hq"]

    exported = tipdesk(district, DISTRICT_PASS, "sync", "export", "--out", str(stick),
                       "--json").json()  # fmt: skip
    (case_file,) = exported["case_files"]
    sealed = Path(case_file["file"])
    assert sealed.suffix == ".tipf" and sealed.parent == stick
    assert F.SECRET.encode() not in sealed.read_bytes()
    assert b"fir scan" not in sealed.read_bytes()

    # A copy changed on the way is refused whole; the good one is imported after it.
    tampered = tmp_path / "tampered" / sealed.name
    tampered.parent.mkdir()
    data = bytearray(sealed.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered.write_bytes(bytes(data))
    refused = tipdesk(hq, HQ_PASS, "hq", "import", exported["file"], str(tampered), expect=1)
    assert "case file is damaged" in refused.err and "Nothing was changed" in refused.err
    at_hq = tipdesk(hq, HQ_PASS, "attachment", "list", case_id, "--json").json()
    (described,) = at_hq
    assert described["id"] == fir["id"] and described["sha256"] == fir["sha256"]
    got = tmp_path / "copy.pdf"
    missing = tipdesk(hq, HQ_PASS, "attachment", "get", fir["id"], "--out", str(got), expect=1)
    assert "stays at its district" in missing.err and not got.exists()

    report = tipdesk(hq, HQ_PASS, "hq", "import", str(sealed), "--json").json()
    (taken,) = report["case_files"]
    assert taken["status"] == "imported" and taken["case_id"] == case_id
    tipdesk(hq, HQ_PASS, "attachment", "get", fir["id"], "--out", str(got))
    assert got.read_bytes() == F.pdf(pages=2)

    receipts = tipdesk(hq, HQ_PASS, "hq", "receipts", "--out", str(stick), "--json").json()
    (receipt,) = receipts["receipts"]
    took = tipdesk(district, DISTRICT_PASS, "sync", "receipt", receipt, "--json").json()
    assert took["case_files_sent"] == [fir["id"]]
    listed = tipdesk(district, DISTRICT_PASS, "attachment", "list", case_id, "--json").json()
    assert listed[0]["sent_to_hq"]
    (tmp_path / "next").mkdir()
    again_ok = tipdesk(district, DISTRICT_PASS, "sync", "export", "--out",
                       str(tmp_path / "next"), "--json").json()  # fmt: skip
    assert again_ok["case_files"] == []
