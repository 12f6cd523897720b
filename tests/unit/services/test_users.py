"""User administration (tipdesk.services.users): listing, adding, disabling and enabling users;
and deleting children by leaving them out of a case."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from svc_support import (
    SVC_ADMIN,
    SVC_OTHER_PASSPHRASE,
    svc_accused,
    svc_actions,
    svc_audit_count,
    svc_case,
    svc_victim,
)

from tipdesk.core.clock import FixedClock
from tipdesk.core.errors import InvalidInput, PermissionDenied, ValidationFailed, WrongPassphrase
from tipdesk.core.permissions import UserRole
from tipdesk.paths import Paths
from tipdesk.services import records, users
from tipdesk.services import session as session_service
from tipdesk.services.session import Session
from tipdesk.store.keys import KeyFile

NEW_PASSPHRASE = "seven amber lanterns glow"


def test_admin_adds_a_user_who_can_sign_in(
    svc_paths: Paths, svc_clock: FixedClock, district_session: Session
) -> None:
    users.add_user(district_session, "officer1", UserRole.DISTRICT_OFFICER, SVC_OTHER_PASSPHRASE)
    assert "user.add" in svc_actions(district_session)
    s = session_service.sign_in(
        svc_paths, user="officer1", passphrase=SVC_OTHER_PASSPHRASE, clock=svc_clock
    )
    try:
        assert s.role is UserRole.DISTRICT_OFFICER
    finally:
        s.close()


def test_add_user_refuses_roles_of_the_other_install_kind_and_duplicates(
    svc_paths: Paths, district_session: Session, hq_session: Session
) -> None:
    keys_before = svc_paths.keyfile.read_bytes()
    count = svc_audit_count(district_session)
    with pytest.raises(InvalidInput):
        users.add_user(district_session, "analyst1", UserRole.HQ_ANALYST, SVC_OTHER_PASSPHRASE)
    with pytest.raises(InvalidInput):
        users.add_user(district_session, SVC_ADMIN, UserRole.DISTRICT_OFFICER, SVC_OTHER_PASSPHRASE)
    with pytest.raises((InvalidInput, ValidationFailed)):
        users.add_user(district_session, "officer1", UserRole.DISTRICT_OFFICER, "short")
    assert svc_paths.keyfile.read_bytes() == keys_before
    assert svc_audit_count(district_session) == count
    with pytest.raises(InvalidInput):
        users.add_user(hq_session, "officer1", UserRole.DISTRICT_OFFICER, SVC_OTHER_PASSPHRASE)


def test_anyone_who_may_view_lists_the_users(
    district_session: Session, svc_user: Callable[[Session, str, UserRole], Session]
) -> None:
    svc_user(district_session, "bilal", UserRole.DISTRICT_OFFICER).close()
    svc_user(district_session, "sana", UserRole.DISTRICT_OFFICER).close()
    # Disabling re-keys the store: sessions of other users sign in again afterwards.
    users.disable_user(district_session, "bilal")
    officer = session_service.sign_in(
        district_session.paths, user="sana", passphrase=SVC_OTHER_PASSPHRASE,
        clock=district_session.clock,
    )  # fmt: skip
    try:
        listed = users.list_users(officer)
    finally:
        officer.close()
    assert [(u.name, u.active) for u in listed] == [
        ("admin1", True), ("bilal", False), ("sana", True),
    ]  # fmt: skip


def test_a_disabled_user_is_removed_from_the_key_file_and_cannot_sign_in(
    district_session: Session, svc_user: Callable[[Session, str, UserRole], Session]
) -> None:
    officer = svc_user(district_session, "bilal", UserRole.DISTRICT_OFFICER)
    officer.close()
    users.disable_user(district_session, "bilal")
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
    users.disable_user(district_session, "bilal")
    users.enable_user(district_session, "bilal", NEW_PASSPHRASE)
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
        users.disable_user(officer, "admin1")
    with pytest.raises(InvalidInput):
        users.disable_user(district_session, "admin1")


def test_sign_in_accepts_the_name_as_the_key_file_matches_it(district_session: Session) -> None:
    users.add_user(district_session, "Saima", UserRole.DISTRICT_OFFICER, NEW_PASSPHRASE)
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
