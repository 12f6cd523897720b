"""HQ never checked the audit anchor a district sends: a district's audit head went from about
70 entries back to none at HQ without a word, and a chain re-hashed with its ``reveal``
entries dropped passed. HQ now keeps every device's anchor history and flags a head that goes
backwards or forks (an anchored entry that changed: the district proves, with each bundle,
the hash its chain now has at HQ's last anchor, which receipts carry back); the flags show in
``tipdesk hq devices`` and in the import report, and ``tipdesk audit verify`` at the district
compares its chain with HQ's anchor.

The attacker here holds the district's database key (and so its signing key): they rewrite the
audit table with the key, or re-sign a bundle. Before the fix HQ flagged nothing, the import
report and ``hq devices`` had no anchor at all, and ``audit verify`` said "chain intact".
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sec_sync_support import (
    SYNC_PASSPHRASE,
    SYNC_USER,
    Pair,
    a_campaign,
    a_case,
    export,
    linked_pair,
    save,
    sync_reopen,
    tampered,
)

from tipdesk.cli.main import run as cli_run
from tipdesk.services import records, sync
from tipdesk.services.session import Session
from tipdesk.store.audit import HEAD_KEY, entry_hash


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    found = linked_pair(tmp_path / "w")
    yield found
    found.close()


def _receipt_back(pair: Pair) -> None:
    """HQ writes the device's receipt and the district imports it (HQ's anchor comes back)."""
    out = pair.tmp / "receipts"
    out.mkdir(exist_ok=True)
    for path in sync.write_receipts(pair.hq, out):
        sync.import_receipt(pair.district, path)
        path.unlink()


def _import(pair: Pair, data: bytes, name: str) -> sync.ImportResult:
    path = pair.tmp / name
    path.write_bytes(data)
    report = sync.import_files(pair.hq, [path])
    assert report.errors == [], report.errors
    (result,) = report.results
    return result


def _rewrite_chain(session: Session, keep: Any) -> None:
    """What the holder of the database key can do: drop the entries ``keep`` refuses, number
    and hash the rest again from the start, and store the new head (the app's own check of
    the chain then finds nothing wrong)."""
    conn = session.store._conn  # the attacker's raw access to the decrypted database
    triggers = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'"
    ).fetchall()
    rows = conn.execute("SELECT * FROM audit ORDER BY seq").fetchall()
    conn.execute("BEGIN")
    for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'"
    ).fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.execute("DELETE FROM audit")
    prev, seq = "0" * 64, 0
    for row in rows:
        if not keep(row):
            continue
        seq += 1
        at, user, device, action, kind, record_id, detail = row[1:8]
        h = entry_hash(seq, at, user, device, action, kind, record_id, detail, prev)
        conn.execute(
            "INSERT INTO audit VALUES (?,?,?,?,?,?,?,?,?,?)",
            (seq, at, user, device, action, kind, record_id, detail, prev, h),
        )
        prev = h
    conn.execute("UPDATE settings SET value = ? WHERE key = ?", (json.dumps([seq, prev]), HEAD_KEY))
    for (sql,) in triggers:
        conn.execute(sql)
    conn.execute("COMMIT")
    assert session.store.verify_audit().ok  # locally, nothing shows


def test_a_clean_history_raises_no_flag(pair: Pair) -> None:
    save(pair.district, a_campaign())
    first = _import(pair, export(pair.district, pair.tmp / "a").read_bytes(), "1.tipb")
    _receipt_back(pair)
    save(pair.district, a_campaign())
    second = _import(pair, export(pair.district, pair.tmp / "b").read_bytes(), "2.tipb")
    assert first.anchor.problem == "" and second.anchor.problem == ""
    assert second.anchor.head[0] > first.anchor.head[0]
    (device,) = sync.device_status(pair.hq)
    assert device.anchor_problems == []


def test_a_head_that_goes_back_to_nothing_is_flagged(pair: Pair) -> None:
    save(pair.district, a_campaign())
    _import(pair, export(pair.district, pair.tmp / "a").read_bytes(), "1.tipb")
    save(pair.district, a_campaign())
    bundle = export(pair.district, pair.tmp / "b").read_bytes()

    def no_log(doc: dict[str, Any]) -> None:
        doc["bundle"]["audit_head"] = [0, ""]

    result = _import(pair, tampered(bundle, pair, payload=no_log), "2.tipb")
    assert result.anchor.problem == "backwards"
    assert "entries" in result.anchor.message
    (device,) = sync.device_status(pair.hq)
    assert [p.bundle for p in device.anchor_problems] == [2]


def test_the_same_entry_with_another_hash_is_a_fork(pair: Pair) -> None:
    save(pair.district, a_campaign())
    bundle = export(pair.district, pair.tmp / "a").read_bytes()
    first = _import(pair, bundle, "1.tipb")
    save(pair.district, a_campaign())
    again = export(pair.district, pair.tmp / "b").read_bytes()

    def same_entry(doc: dict[str, Any]) -> None:
        doc["bundle"]["audit_head"] = [first.anchor.head[0], "f" * 64]

    result = _import(pair, tampered(again, pair, payload=same_entry), "2.tipb")
    assert result.anchor.problem == "fork"


def test_a_rehashed_chain_without_its_reveal_entries_is_caught_at_hq_and_at_the_district(
    pair: Pair, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    case = a_case()
    save(pair.district, case)
    victim = case.victims[0]
    for _ in range(3):
        records.reveal_victim(pair.district, victim.id, "Court summons needs the address")
    _import(pair, export(pair.district, pair.tmp / "a").read_bytes(), "1.tipb")
    _receipt_back(pair)  # HQ's anchor is now at the district
    _rewrite_chain(pair.district, keep=lambda row: row[4] != "reveal")
    for _ in range(8):  # ordinary work afterwards: the head passes HQ's anchor again
        save(pair.district, a_campaign())
    result = _import(pair, export(pair.district, pair.tmp / "b").read_bytes(), "2.tipb")
    assert result.anchor.problem == "fork", result.anchor
    assert "rewritten" in result.anchor.message

    # The flag in `tipdesk hq devices` and in `tipdesk hq import`'s report.
    monkeypatch.setenv("TIPDESK_PASSPHRASE", SYNC_PASSPHRASE)
    hq_home = str(pair.hq.paths.home)
    assert cli_run(["hq", "devices", "--home", hq_home, "--user", SYNC_USER]) == 0
    out = capsys.readouterr().out
    assert "AUDIT LOG" in out and "bundle 2" in out
    assert cli_run(["hq", "devices", "--json", "--home", hq_home, "--user", SYNC_USER]) == 0
    (shown,) = json.loads(capsys.readouterr().out)
    assert [p["problem"] for p in shown["anchor_problems"]] == ["fork"]

    # The district's own check against HQ's anchor (its local chain verifies).
    _receipt_back(pair)
    home = str(pair.district.paths.home)
    code = cli_run(["audit", "verify", "--home", home, "--user", SYNC_USER])
    out = capsys.readouterr().out
    assert code == 6 and "HQ" in out, out


def test_hq_import_prints_the_flag(
    pair: Pair, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    save(pair.district, a_campaign())
    _import(pair, export(pair.district, pair.tmp / "a").read_bytes(), "1.tipb")
    save(pair.district, a_campaign())

    def no_log(doc: dict[str, Any]) -> None:
        doc["bundle"]["audit_head"] = [0, ""]

    crafted = pair.tmp / "2.tipb"
    bundle = export(pair.district, pair.tmp / "b").read_bytes()
    crafted.write_bytes(tampered(bundle, pair, payload=no_log))
    hq_paths = pair.hq.paths
    pair.hq.close()
    monkeypatch.setenv("TIPDESK_PASSPHRASE", SYNC_PASSPHRASE)
    home = str(hq_paths.home)
    assert cli_run(["hq", "import", str(crafted), "--home", home, "--user", SYNC_USER]) == 0
    out = capsys.readouterr().out
    assert "AUDIT LOG" in out and "backwards" in out.lower()
    pair.hq = sync_reopen(hq_paths, pair.clock)
