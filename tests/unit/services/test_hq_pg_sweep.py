"""Every HQ command on a PostgreSQL HQ (issue 20): each one an HQ analyst or administrator
runs works, and none reads records from the HQ install's own store (empty there: its record
reads are refused for the test, so a silent fallthrough fails). Synthetic data only."""

from __future__ import annotations

from pathlib import Path

import pytest
from install_guard import refuse_record_reads
from sync_support import export, run_cli

from tipdesk.core.records import Case
from tipdesk.services import records, sync
from tipdesk.services.demo.fill import fill
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_pg


@pytest.fixture
def pg_hq(
    svc_linked: tuple[Session, Session], pg_url: str, tmp_path: Path
) -> tuple[Session, Session]:
    lahore, hq = svc_linked
    hq_pg.configure(hq, pg_url)
    fill(lahore, seed=41, cases=10)
    data = export(lahore, tmp_path / "out").read_bytes()
    assert sync.import_bundle_bytes(hq, data).status == "imported"
    return lahore, hq


def test_every_hq_command_reads_postgresql(
    pg_hq: tuple[Session, Session],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _lahore, hq = pg_hq
    case = next(r for r in records.page(hq, "case", limit=20) if isinstance(r, Case))
    full = records.get(hq, "case", case.id)
    assert isinstance(full, Case)
    victim = next(v for v in full.victims)
    referred = next((v for c in records.page(hq, "case", limit=20)
                     for v in getattr(records.get(hq, "case", c.id), "victims", [])
                     if v.referrals), victim)  # fmt: skip
    service = referred.referrals[0].service if referred.referrals else "shelter"
    out = tmp_path / "written"
    (out / "receipts").mkdir(parents=True)
    hits = refuse_record_reads(hq.paths.home, monkeypatch)
    period = ["--from", "2015-01-01", "--to", "2026-12-31"]
    commands: list[list[str]] = [
        ["case", "list"], ["case", "show", case.id], ["victim", "list"],
        ["victim", "show", victim.id], ["training", "list"], ["campaign", "list"],
        ["search", case.case_number], ["stats"], ["diary", "list"], ["diary", "list", "--overdue"],
        ["print", "case", case.id, "--out", str(out / "c.pdf")],
        ["print", "referral", referred.id, "--service", service, "--out", str(out / "r.pdf")],
        ["print", "cause-list", "--out", str(out / "cl.pdf")],
        ["hq", "conflicts"], ["hq", "devices"], ["hq", "coverage"],
        ["hq", "receipts", "--out", str(out / "receipts")], ["hq", "recheck"],
        ["report", *period, "--format", "json", "--out", str(out / "n.json")],
        ["report", *period, "--format", "pdf", "--out", str(out / "n.pdf")],
        ["report", "linked-cases"], ["report", "quality"],
        ["export", "htcds", "--out", str(out / "h.csv")],
        ["export", "ctdc", "--out", str(out / "t.csv")],
        ["audit", "verify"], ["audit", "list"], ["audit", "list", "--log", "install"],
        ["review", "list"], ["case", "handovers"], ["attachment", "list", case.id],
    ]  # fmt: skip
    failed = {}
    for args in commands:
        before = len(hits)
        rc = run_cli(monkeypatch, hq, *args)
        err = capsys.readouterr().err
        if rc != 0 or len(hits) > before or "crash" in err:
            failed[" ".join(args[:2])] = (rc, hits[before:], err[-300:])
    assert not failed, failed
    written = {p.name for p in out.iterdir()}
    assert {"c.pdf", "r.pdf", "cl.pdf", "n.json", "n.pdf", "h.csv", "t.csv"} <= written
    assert list((out / "receipts").iterdir())  # one receipt per device, from PostgreSQL
