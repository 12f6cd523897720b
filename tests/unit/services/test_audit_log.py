"""The audit screen's service: newest-first pages, filters, choices and verification."""

from __future__ import annotations

import pytest

from tipdesk.core.errors import PermissionDenied
from tipdesk.core.permissions import UserRole
from tipdesk.services import audit_log
from tipdesk.services.session import Session


def test_pages_newest_first_keyset_and_filters(district_session: Session) -> None:
    for i in range(7):
        district_session.audit("export", "bundle", f"b{i}")
    everything = audit_log.page(district_session, limit=1000)
    seqs = [e.seq for e in everything]
    assert seqs == sorted(seqs, reverse=True)
    first = audit_log.page(district_session, limit=3)
    second = audit_log.page(district_session, limit=3, before_seq=first[-1].seq)
    assert [e.seq for e in first + second] == seqs[:6]
    exports = audit_log.page(district_session, action="export")
    assert [e.record_id for e in exports] == [f"b{i}" for i in range(6, -1, -1)]
    assert audit_log.page(district_session, user="nobody") == []
    day = district_session.clock.now().date()
    assert len(audit_log.page(district_session, date_from=day, date_to=day, limit=1000)) == len(
        seqs
    )
    assert audit_log.page(district_session, date_to=day.replace(year=day.year - 1)) == []
    actions, users = audit_log.filter_choices(district_session)
    assert "export" in actions and "init" in actions and users == ["admin1"]
    result = audit_log.verify(district_session)
    assert result.ok and result.entries == len(seqs)


def test_the_audit_needs_its_permission(district_session: Session, svc_user: object) -> None:
    officer = svc_user(district_session, "bilal", UserRole.DISTRICT_OFFICER)  # type: ignore[operator]
    for call in (lambda: audit_log.page(officer), lambda: audit_log.verify(officer),
                 lambda: audit_log.filter_choices(officer)):  # fmt: skip
        with pytest.raises(PermissionDenied):
            call()
