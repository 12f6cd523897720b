"""An analyst who may save on the PostgreSQL HQ (issue 20): the ``tipdesk_editor`` database
role saves records through the same services (version-checked, audited, versions kept), and
victims' identifying columns stay out of its reach: never read, never written, a new victim
or a typed identity refused with a clear message. Synthetic data only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sync_support import case_for, export, run_cli
from test_hq_pg_roles import login, refused

from tipdesk.core.codes import Stage
from tipdesk.core.errors import PermissionDenied
from tipdesk.core.records import Case, Victim
from tipdesk.hqstore import roles
from tipdesk.hqstore.batch import verify_audit
from tipdesk.services import lists, records, sync
from tipdesk.services.lists import ListQuery
from tipdesk.services.session import Session
from tipdesk.services.sync import hq_pg
from tipdesk.services.sync.hq import DATABASE_SETTING

NAME = "Rukhsana Editorcheck-Synthetic"


@pytest.fixture
def editor_hq(
    svc_linked: tuple[Session, Session],
    pg_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[tuple[Session, Case]]:
    """An HQ on PostgreSQL (roles applied) holding one case with a named victim, its app
    then connecting as a login holding ``tipdesk_editor``."""
    lahore, hq = svc_linked
    case = case_for(lahore)
    case.victims[0].consent_to_share = True
    case.victims[0].name = NAME
    records.save(lahore, [case])
    hq_pg.configure(hq, pg_url)
    assert sync.import_bundle_bytes(hq, export(lahore, tmp_path / "b1").read_bytes()).accepted
    assert run_cli(monkeypatch, hq, "hq", "database-roles", "--apply") == 0
    url = login(pg_url, "t_editor", roles.EDITOR)
    hq.store.set_settings({DATABASE_SETTING: url}, hq.actor())  # linked already, by the owner
    yield hq, case


def test_an_editor_saves_records_but_never_reaches_victims_identities(
    editor_hq: tuple[Session, Case], pg_url: str
) -> None:
    hq, case = editor_hq
    editor_url = pg_url.replace("user=postgres", "user=t_editor")
    opened = records.get(hq, "case", case.id)
    assert isinstance(opened, Case)
    assert opened.victims[0].name == ""  # not readable by this role: not shown
    opened.stage = Stage("trial")
    opened.accused[0].father_name = "Corrected Father-Synthetic"
    opened.victims[0].notes = "Seen at the shelter (synthetic)"
    records.save_one(hq, opened)
    with psycopg.connect(pg_url) as conn:  # the owner looks
        assert conn.execute("SELECT stage, version FROM cases").fetchall() == [("trial", 2)]
        name, notes = conn.execute("SELECT name, notes FROM victims").fetchone() or ("", "")
        assert str(name).startswith("s1:") and notes == "Seen at the shelter (synthetic)"
        kept = conn.execute("SELECT kind FROM record_versions ORDER BY kind").fetchall()
        assert kept == [("accused",), ("case",), ("victim",)]
        assert verify_audit(conn)[0]
        who = conn.execute("SELECT user_name FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        assert who == (hq.user.name,)
    assert lists.count(hq, ListQuery("victim")) == 1
    listed = lists.page(hq, ListQuery("victim")).rows
    assert listed[0][3] == 1  # a name is recorded (tipdesk_name_recorded; the name unread)
    # Identities stay out of reach, read or written, directly or through the app.
    refused(editor_url, "SELECT name FROM victims")
    refused(editor_url, "UPDATE victims SET cnic = '' ")
    refused(editor_url, "INSERT INTO victims (id) VALUES ('x')")
    refused(editor_url, "SELECT * FROM victim_keys")
    again = records.get(hq, "case", case.id)
    assert isinstance(again, Case)
    again.victims[0].name = "Typed Over-Synthetic"
    with pytest.raises(PermissionDenied, match="identifying details"):
        records.save_one(hq, again)
    again = records.get(hq, "case", case.id)
    assert isinstance(again, Case)
    first = case.victims[0]
    again.victims.append(
        Victim(victim_code="V-EDIT-1", district=case.district, gender=first.gender,
               age=first.age, identified_on=first.identified_on)
    )  # fmt: skip
    with pytest.raises(PermissionDenied, match="identifying details"):
        records.save_one(hq, again)
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT count(*), max(version) FROM victims").fetchone() == (1, 2)
