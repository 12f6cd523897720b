"""Disabling and enabling users, and deleting children by leaving them out of a case."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from svc_support import (
    SVC_OTHER_PASSPHRASE,
    svc_accused,
    svc_actions,
    svc_case,
    svc_victim,
)

from tipdesk.core.errors import InvalidInput, PermissionDenied, WrongPassphrase
from tipdesk.core.permissions import UserRole
from tipdesk.services import records
from tipdesk.services import session as session_service
from tipdesk.services.session import Session
from tipdesk.store.keys import KeyFile

NEW_PASSPHRASE = "seven amber lanterns glow"


def test_a_disabled_user_is_removed_from_the_key_file_and_cannot_sign_in(
    district_session: Session, svc_user: Callable[[Session, str, UserRole], Session]
) -> None:
    officer = svc_user(district_session, "bilal", UserRole.DISTRICT_OFFICER)
    officer.close()
    session_service.disable_user(district_session, "bilal")
    assert KeyFile.load(district_session.paths.keyfile).canonical_name("bilal") is None
    with pytest.raises(WrongPassphrase):
        session_service.sign_in(
            district_session.paths,
            user="bilal",
            passphrase=SVC_OTHER_PASSPHRASE,
            clock=district_session.clock,
        )
    assert "user.disable" in svc_actions(district_session)


def test_enable_gives_a_disabled_user_a_new_passphrase(
    district_session: Session, svc_user: Callable[[Session, str, UserRole], Session]
) -> None:
    svc_user(district_session, "bilal", UserRole.DISTRICT_OFFICER).close()
    session_service.disable_user(district_session, "bilal")
    session_service.enable_user(district_session, "bilal", NEW_PASSPHRASE)
    back = session_service.sign_in(
        district_session.paths,
        user="bilal",
        passphrase=NEW_PASSPHRASE,
        clock=district_session.clock,
    )
    try:
        assert back.role is UserRole.DISTRICT_OFFICER
    finally:
        back.close()


def test_only_admins_disable_and_nobody_disables_themselves(
    district_session: Session, svc_user: Callable[[Session, str, UserRole], Session]
) -> None:
    officer = svc_user(district_session, "bilal", UserRole.DISTRICT_OFFICER)
    with pytest.raises(PermissionDenied):
        session_service.disable_user(officer, "admin1")
    with pytest.raises(InvalidInput):
        session_service.disable_user(district_session, "admin1")


def test_sign_in_accepts_the_name_as_the_key_file_matches_it(district_session: Session) -> None:
    session_service.add_user(district_session, "Saima", UserRole.DISTRICT_OFFICER, NEW_PASSPHRASE)
    s = session_service.sign_in(
        district_session.paths,
        user="  saima ",
        passphrase=NEW_PASSPHRASE,
        clock=district_session.clock,
    )
    try:
        assert s.user.name == "Saima"
    finally:
        s.close()


def test_an_officer_cannot_delete_an_accused_by_leaving_it_out(
    district_session: Session, svc_user: Callable[[Session, str, UserRole], Session]
) -> None:
    case = svc_case(accused=[svc_accused(), svc_accused(name="Second Accused", cnic="")])
    records.save(district_session, [case])
    officer = svc_user(district_session, "bilal", UserRole.DISTRICT_OFFICER)
    edited = records.get(officer, "case", case.id)
    assert isinstance(edited, type(case))
    edited.accused = edited.accused[:1]
    with pytest.raises(PermissionDenied):
        records.save(officer, [edited])
    assert district_session.store.count("accused") == 2
    # A supervisor (or admin) may.
    edited = records.get(district_session, "case", case.id)
    assert isinstance(edited, type(case))
    edited.accused = edited.accused[:1]
    records.save(district_session, [edited])
    assert district_session.store.count("accused") == 1


def test_an_officer_cannot_drop_a_victims_referral(
    district_session: Session, svc_user: Callable[[Session, str, UserRole], Session]
) -> None:
    victim = svc_victim(case_id=None)
    records.save(district_session, [victim])
    assert victim.referrals
    officer = svc_user(district_session, "bilal", UserRole.DISTRICT_OFFICER)
    edited = records.get(officer, "victim", victim.id)
    assert hasattr(edited, "referrals")
    edited.referrals = []  # type: ignore[union-attr]
    with pytest.raises(PermissionDenied):
        records.save(officer, [edited])
    assert district_session.store.count("referral") == len(victim.referrals)
