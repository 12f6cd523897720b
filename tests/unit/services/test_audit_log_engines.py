"""The audit screen on both of HQ's engines (issue 20): an HQ keeping its records in
PostgreSQL shows the database's chain first (imports, record edits: what every analyst's
install writes there) and this install's own chain second (sign-ins, settings); pages,
filters and the chain check read the chain asked for, and a tampered PostgreSQL entry is
named. Synthetic data only."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sync_support import case_for, export, run_cli

from tipdesk.core.errors import InvalidInput
from tipdesk.services import audit_log, records, sync
from tipdesk.services.audit_log import Chain
from tipdesk.services.session import Session
from tipdesk.services.sync.hq import DATABASE_SETTING


def _imported(district: Session, hq: Session, tmp_path: Path, n: int = 1) -> None:
    for _ in range(n):
        records.save(district, [case_for(district)])
    data = export(district, tmp_path / "out").read_bytes()
    assert sync.import_bundle_bytes(hq, data).status == "imported"


def _all(hq: Session, chain: Chain | None = None, **filters: object) -> list[int]:
    """Every entry's number, newest first, walked two at a time by keyset."""
    seqs: list[int] = []
    before = None
    while True:
        page = audit_log.page(hq, before_seq=before, limit=2, chain=chain, **filters)  # type: ignore[arg-type]
        if not page:
            return seqs
        seqs += [e.seq for e in page]
        before = page[-1].seq


def test_the_records_chain_shows_first_on_either_engine(
    hq_linked: tuple[Session, Session], tmp_path: Path, hq_engine: str
) -> None:
    district, hq = hq_linked
    _imported(district, hq, tmp_path, n=2)
    on_pg = hq_engine == "postgres"
    assert audit_log.chains(hq) == ([Chain.DATABASE, Chain.INSTALL] if on_pg else [Chain.INSTALL])

    first = audit_log.page(hq, limit=1000)
    actions = [e.action for e in first]
    assert "sync.import" in actions and actions.count("sync.create") >= 2
    assert [e.seq for e in first] == sorted((e.seq for e in first), reverse=True)
    assert _all(hq) == [e.seq for e in first]  # keyset pages walk every entry once
    imports = audit_log.page(hq, action="sync.import")
    assert imports and {e.action for e in imports} == {"sync.import"}
    acts, users = audit_log.filter_choices(hq)
    assert acts == sorted(set(actions)) and users == sorted({e.user for e in first})
    assert audit_log.verify(hq).ok and audit_log.verify(hq).entries == len(first)
    titles = audit_log.titles(hq, first)
    case_numbers = {t for (kind, _id), t in titles.items() if kind == "case"}
    assert len(case_numbers) == 2

    # This install's own chain: its devices, users and settings, never the records.
    own = audit_log.page(hq, chain=Chain.INSTALL, limit=1000)
    if on_pg:
        assert "sync.import" not in {e.action for e in own}
        assert {"sync.device.register", "user.add", "settings"} <= {e.action for e in own}
        assert audit_log.verify(hq, Chain.INSTALL).ok
    else:
        assert own == first
        with pytest.raises(InvalidInput):
            audit_log.page(hq, chain=Chain.DATABASE)


def _tamper(url: str, seq: int) -> None:
    """Edit an entry as someone with the database's owner rights would: the append-only
    trigger switched off, one detail changed, switched on again."""
    with psycopg.connect(url) as conn:
        conn.execute("ALTER TABLE audit DISABLE TRIGGER audit_no_change")
        conn.execute(
            "UPDATE audit SET detail = replace(detail, '}', ',\"x\":1}') WHERE seq = %s", (seq,)
        )
        conn.execute("ALTER TABLE audit ENABLE TRIGGER audit_no_change")


@pytest.mark.parametrize("hq_engine", ["postgres"], indirect=True)
def test_a_tampered_database_entry_is_named(
    hq_linked: tuple[Session, Session], tmp_path: Path
) -> None:
    district, hq = hq_linked
    _imported(district, hq, tmp_path)
    entries = audit_log.page(hq, limit=1000)
    middle = entries[len(entries) // 2].seq
    _tamper(str(hq.store.setting(DATABASE_SETTING)), middle)
    found = audit_log.verify(hq)
    assert not found.ok
    assert found.bad_seq == middle and f"#{middle} was edited" in found.problem
    assert audit_log.verify(hq, Chain.INSTALL).ok  # the install's own chain is another


def test_the_command_line_lists_and_verifies_the_log_asked_for(
    hq_linked: tuple[Session, Session],
    tmp_path: Path,
    hq_engine: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    district, hq = hq_linked
    _imported(district, hq, tmp_path)

    def cli(*args: str) -> Any:
        capsys.readouterr()
        assert run_cli(monkeypatch, hq, "audit", *args, "--json") == 0
        return json.loads(capsys.readouterr().out)

    listed = cli("list", "--limit", "1000")
    assert "sync.import" in {e["action"] for e in listed}
    assert [e["seq"] for e in listed] == sorted(e["seq"] for e in listed)  # oldest first
    verified = cli("verify")
    # Each command signs in: on SQLCipher its sign-in joins the log it reads.
    signed_in = 1 if hq_engine == "sqlcipher" else 0
    assert verified["ok"] and verified["entries"] == len(listed) + signed_in
    own = cli("list", "--log", "install", "--limit", "1000")
    if hq_engine == "postgres":
        assert "sync.import" not in {e["action"] for e in own}
        assert cli("verify", "--log", "install")["ok"]
    else:
        assert own[: len(listed)] == listed and len(own) == len(listed) + 2
