"""What the database roles that may not read names see of victims and histories (issue 20):
signed in as the analyst, the editor or the identity officer, the victims list's "name
recorded" says what it says for the schema's owner (through ``tipdesk_name_recorded``) while
the name itself stays unreadable, and a case's History is the owner's; the receiver and the
importer may not call the function. Synthetic data only."""

from __future__ import annotations

import pytest
import test_hq_pg_roles
from test_hq_pg_roles import login, refused

from tipdesk.core.records import Victim
from tipdesk.hqstore import roles
from tipdesk.services import history, lists, records
from tipdesk.services.lists import ListQuery
from tipdesk.services.session import Session
from tipdesk.services.sync.hq import DATABASE_SETTING

named_hq = test_hq_pg_roles.hq_with_victim
"""The roles module's HQ: one named consenting victim, demo victims, roles applied."""


def _name_column(hq: Session) -> dict[str, object]:
    """Victim id -> its "name recorded" cell, over every page of the victims list."""
    query = ListQuery("victim")
    at = 1 + [c.name for c in lists.columns("victim")].index("name")
    out: dict[str, object] = {}
    after = None
    while True:
        page = lists.page(hq, query, after=after)
        out.update({str(r[0]): r[at] for r in page.rows})
        if page.next_key is None:
            return out
        after = page.next_key


@pytest.mark.parametrize("group", [roles.ANALYST, roles.EDITOR, roles.IDENTITY])
def test_each_reading_role_is_told_truthfully_whether_a_name_is_recorded(
    named_hq: tuple[Session, Session, str], pg_url: str, group: str
) -> None:
    _lahore, hq, named = named_hq
    as_owner = _name_column(hq)
    assert as_owner[named] and not all(as_owner.values())  # both answers occur
    url = login(pg_url, f"t_{group}_names", group)
    hq.store.set_settings({DATABASE_SETTING: url}, hq.actor())
    assert _name_column(hq) == as_owner
    refused(url, "SELECT name FROM victims")


@pytest.mark.parametrize("group", [roles.ANALYST, roles.EDITOR, roles.IDENTITY])
def test_each_reading_role_sees_a_records_history(
    named_hq: tuple[Session, Session, str], pg_url: str, group: str
) -> None:
    _lahore, hq, named = named_hq
    victim = records.get(hq, "victim", named)
    assert isinstance(victim, Victim)
    as_owner = history.history(hq, "case", victim.case_id)
    assert as_owner
    url = login(pg_url, f"t_{group}_history", group)
    hq.store.set_settings({DATABASE_SETTING: url}, hq.actor())
    assert history.history(hq, "case", victim.case_id) == as_owner


@pytest.mark.parametrize("group", [roles.RECEIVER, roles.IMPORTER])
def test_the_receiver_and_importer_may_not_ask(
    named_hq: tuple[Session, Session, str], pg_url: str, group: str
) -> None:
    _lahore, _hq, named = named_hq
    url = login(pg_url, f"t_{group}_names", group)
    refused(url, f"SELECT tipdesk_name_recorded('{named}')")
