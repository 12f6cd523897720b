"""Setting up an install, signing in (throttling, recovery, passphrase change) and the rule
that permissions are enforced in the services layer, not only in screens."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from svc_support import (
    SVC_ADMIN,
    SVC_DISTRICT_CODE,
    SVC_KDF,
    SVC_OFFICE,
    SVC_OTHER_PASSPHRASE,
    SVC_PASSPHRASE,
    svc_actions,
    svc_audit_count,
    svc_case,
    svc_init,
    svc_snapshot,
)

from tipdesk.core.clock import FixedClock, iso_timestamp
from tipdesk.core.codes import InstallRole
from tipdesk.core.errors import (
    InvalidInput,
    LoginThrottled,
    PermissionDenied,
    StoreExists,
    StoreNotFound,
    ValidationFailed,
    WrongPassphrase,
)
from tipdesk.core.permissions import UserRole
from tipdesk.paths import Paths
from tipdesk.resources import load_reference
from tipdesk.services import backup as backup_service
from tipdesk.services import records, users
from tipdesk.services import session as session_service
from tipdesk.services.session import Session
from tipdesk.store.keys import UNKNOWN_USER, KeyFile

NEW_PASSPHRASE = "seven lanterns over the ravi"

MakeUser = Callable[[Session, str, UserRole], Session]


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def _sign_in(paths: Paths, clock: FixedClock, passphrase: str = SVC_PASSPHRASE,
             user: str = SVC_ADMIN) -> Session:  # fmt: skip
    return session_service.sign_in(paths, user=user, passphrase=passphrase, clock=clock)


# --- init --------------------------------------------------------------------------------------


def test_init_creates_private_key_file_and_database(
    svc_paths: Paths, district_session: Session
) -> None:
    assert svc_paths.keyfile.is_file()
    assert svc_paths.database.is_file()
    assert _mode(svc_paths.keyfile) == 0o600
    assert _mode(svc_paths.database) == 0o600
    assert _mode(svc_paths.home) == 0o700
    assert district_session.user.name == SVC_ADMIN
    assert district_session.role is UserRole.DISTRICT_ADMIN
    assert district_session.install.role is InstallRole.DISTRICT
    assert district_session.install.district == SVC_DISTRICT_CODE
    assert district_session.install.office == SVC_OFFICE
    assert district_session.install.device_id
    assert "init" in svc_actions(district_session)
    assert district_session.store.verify_audit().ok


def test_init_returns_a_recovery_key_that_is_not_stored(
    svc_paths: Paths, district_install: tuple[Session, str]
) -> None:
    _session, recovery = district_install
    assert len(recovery.replace("-", "")) == 52
    assert recovery not in svc_paths.keyfile.read_text(encoding="utf-8")


def test_init_refuses_an_existing_store_and_changes_nothing(
    svc_paths: Paths, svc_clock: FixedClock, district_session: Session
) -> None:
    district_session.close()
    before = svc_snapshot(svc_paths.home)
    with pytest.raises(StoreExists):
        svc_init(svc_paths, svc_clock, passphrase=NEW_PASSPHRASE)
    with pytest.raises(StoreExists):
        svc_init(svc_paths, svc_clock, role=InstallRole.HQ)
    assert svc_snapshot(svc_paths.home) == before
    # The original passphrase still opens the original store.
    _sign_in(svc_paths, svc_clock).close()


def test_init_refuses_when_only_the_database_exists(
    svc_paths: Paths, svc_clock: FixedClock
) -> None:
    svc_paths.home.mkdir(parents=True)
    svc_paths.database.write_bytes(b"something else")
    with pytest.raises(StoreExists):
        svc_init(svc_paths, svc_clock)
    assert svc_paths.database.read_bytes() == b"something else"
    assert not svc_paths.keyfile.exists()


@pytest.mark.parametrize(
    "weak", ["Password2024!", "short", "aaaaaaaaaaaaaaaa", "abcdefghijklm", "qwertyuiop", ""]
)
def test_init_refuses_a_weak_passphrase_and_creates_nothing(
    svc_paths: Paths, svc_clock: FixedClock, weak: str
) -> None:
    with pytest.raises((InvalidInput, ValidationFailed)) as err:
        svc_init(svc_paths, svc_clock, passphrase=weak)
    assert weak == "" or weak not in str(err.value)  # a secret is never echoed
    assert not svc_paths.home.exists()


def test_init_refuses_an_unknown_district_and_leaves_nothing(
    svc_paths: Paths, svc_clock: FixedClock
) -> None:
    with pytest.raises(InvalidInput, match="Atlantis"):
        svc_init(svc_paths, svc_clock, district="Atlantis")
    assert not svc_paths.home.exists()


def test_init_failing_half_way_removes_what_it_created(
    svc_paths: Paths, svc_clock: FixedClock
) -> None:
    # A 200-character user name passes the service's check but the key file refuses it, after
    # the data folder was made: the folder must be gone again.
    with pytest.raises((InvalidInput, ValidationFailed)):
        svc_init(svc_paths, svc_clock, user="x" * 200)
    assert not svc_paths.home.exists()


def test_init_half_way_failure_keeps_a_folder_that_already_existed(
    svc_paths: Paths, svc_clock: FixedClock
) -> None:
    svc_paths.home.mkdir(parents=True)
    (svc_paths.home / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises((InvalidInput, ValidationFailed)):
        svc_init(svc_paths, svc_clock, user="x" * 200)
    assert svc_snapshot(svc_paths.home).keys() == {"notes.txt"}


def test_district_install_offices_include_the_district_fia_circles(
    district_session: Session,
) -> None:
    ref = load_reference()
    circles = {
        o.code
        for o in ref.offices.values()
        if o.district == SVC_DISTRICT_CODE and o.kind == "fia_circle"
    }
    assert circles  # the shipped list has Lahore's circle
    offices = district_session.office_codes()
    assert circles <= offices
    assert SVC_OFFICE in offices
    # Only this district's offices: no Karachi circle.
    assert all(o.district == SVC_DISTRICT_CODE for o in district_session.store.offices())


def test_district_install_with_its_own_police_station(
    svc_paths: Paths, svc_clock: FixedClock, svc_sessions: list[Session]
) -> None:
    session, _ = svc_init(svc_paths, svc_clock, office="Police Station Gulberg")
    svc_sessions.append(session)
    own = session.install.office
    rows = {o.code: o for o in session.store.offices()}
    assert own in rows
    assert rows[own].name == "Police Station Gulberg"
    assert rows[own].kind == "police_station"
    assert rows[own].district == SVC_DISTRICT_CODE
    assert "FIA-AHTC-LHR" in rows


def test_district_install_needs_an_office(svc_paths: Paths, svc_clock: FixedClock) -> None:
    with pytest.raises(InvalidInput):
        svc_init(svc_paths, svc_clock, office="  ")
    assert not svc_paths.home.exists()


def test_hq_install(hq_session: Session) -> None:
    assert hq_session.install.role is InstallRole.HQ
    assert hq_session.role is UserRole.HQ_ADMIN
    assert hq_session.install.district == ""
    assert hq_session.install.office == ""
    ref = load_reference()
    assert hq_session.office_codes() == frozenset(ref.offices)


# --- sign in -----------------------------------------------------------------------------------


def test_sign_in_without_a_store(svc_paths: Paths, svc_clock: FixedClock) -> None:
    with pytest.raises(StoreNotFound):
        _sign_in(svc_paths, svc_clock)


def test_sign_in_and_out_writes_a_login_entry(
    svc_paths: Paths, svc_clock: FixedClock, district_session: Session
) -> None:
    district_session.close()
    svc_clock.advance(60)
    s = _sign_in(svc_paths, svc_clock)
    try:
        last = s.store.audit_entries(limit=100_000)[-1]
        assert (last.action, last.user, last.at) == ("login", SVC_ADMIN, s.now())
        assert s.role is UserRole.DISTRICT_ADMIN
        assert s.install.office == SVC_OFFICE
    finally:
        s.close()


def test_user_names_are_matched_as_the_key_file_matches_them(
    svc_paths: Paths, svc_clock: FixedClock, district_session: Session
) -> None:
    # The key file compares names ignoring case and surrounding spaces (tipdesk.store.keys);
    # signing in must too, and the session carries the name as first written.
    district_session.close()
    s = _sign_in(svc_paths, svc_clock, user=" Admin1 ")
    try:
        assert s.user.name == SVC_ADMIN
        assert s.store.audit_entries(limit=100_000)[-1].user == SVC_ADMIN
    finally:
        s.close()


def test_wrong_passphrase_opens_nothing_and_writes_no_audit_entry(
    svc_paths: Paths, svc_clock: FixedClock, district_session: Session
) -> None:
    count = svc_audit_count(district_session)
    with pytest.raises(WrongPassphrase, match=r"^Wrong user name or passphrase\.$"):
        _sign_in(svc_paths, svc_clock, passphrase="not the right passphrase")
    with pytest.raises(WrongPassphrase, match=r"^Wrong user name or passphrase\.$"):
        _sign_in(svc_paths, svc_clock, user="nobody")
    assert svc_audit_count(district_session) == count


def test_wrong_passphrase_leaves_the_database_and_key_slots_unchanged(
    svc_paths: Paths, svc_clock: FixedClock, district_session: Session
) -> None:
    district_session.close()
    db_before = svc_paths.database.read_bytes()
    keys_before = json.loads(svc_paths.keyfile.read_text(encoding="utf-8"))
    with pytest.raises(WrongPassphrase):
        _sign_in(svc_paths, svc_clock, passphrase="not the right passphrase")
    assert svc_paths.database.read_bytes() == db_before
    keys_after = json.loads(svc_paths.keyfile.read_text(encoding="utf-8"))
    # By design the key file records the failure (throttle); nothing else in it changes.
    assert keys_after["throttle"]["consecutive_failures"] == 1
    keys_before.pop("throttle")
    keys_after.pop("throttle")
    assert keys_after == keys_before


def test_failed_attempts_are_throttled_with_a_growing_delay_then_audited(
    svc_paths: Paths, svc_clock: FixedClock, district_session: Session
) -> None:
    district_session.close()
    wrong = "not the right passphrase"
    failed_at: list[str] = []
    for _ in range(3):  # the first three are free
        failed_at.append(iso_timestamp(svc_clock.now()))
        with pytest.raises(WrongPassphrase):
            _sign_in(svc_paths, svc_clock, passphrase=wrong)
    delays = []
    for _ in range(3):
        with pytest.raises(LoginThrottled) as err:
            # Even the right passphrase is refused while throttled.
            _sign_in(svc_paths, svc_clock)
        assert err.value.exit_code == 3
        delays.append(err.value.retry_after)
        svc_clock.advance(err.value.retry_after / 2)
        with pytest.raises(LoginThrottled) as err:
            _sign_in(svc_paths, svc_clock, passphrase=wrong)
        assert 0 < err.value.retry_after <= delays[-1] / 2
        svc_clock.advance(err.value.retry_after)
        failed_at.append(iso_timestamp(svc_clock.now()))
        with pytest.raises(WrongPassphrase):
            _sign_in(svc_paths, svc_clock, passphrase=wrong)
    assert delays == [1.0, 2.0, 4.0]
    with pytest.raises(LoginThrottled) as err:
        _sign_in(svc_paths, svc_clock)
    assert err.value.retry_after == 8.0

    svc_clock.advance(8)
    s = _sign_in(svc_paths, svc_clock)
    try:
        entries = s.store.audit_entries(limit=100_000)
        failed = [e for e in entries if e.action == "login.failed"]
        assert [e.at for e in failed] == failed_at
        assert {e.user for e in failed} == {SVC_ADMIN}
        assert entries[-1].action == "login"
        assert entries[-1].at == s.now()
        assert s.store.verify_audit().ok
    finally:
        s.close()
    # The counter was reset by the success, and pending failures are not logged twice.
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            _sign_in(svc_paths, svc_clock, passphrase=wrong)
    svc_clock.advance(1)
    s = _sign_in(svc_paths, svc_clock)
    try:
        actions = svc_actions(s)
        assert actions.count("login.failed") == len(failed_at) + 3
    finally:
        s.close()


def test_failures_for_an_unknown_name_are_logged_without_the_typed_name(
    svc_paths: Paths, svc_clock: FixedClock, district_session: Session
) -> None:
    district_session.close()
    typed = "my secret passphrase typed as a name"
    with pytest.raises(WrongPassphrase):
        _sign_in(svc_paths, svc_clock, user=typed)
    s = _sign_in(svc_paths, svc_clock)
    try:
        failed = [e for e in s.store.audit_entries(limit=1000) if e.action == "login.failed"]
        assert [e.user for e in failed] == [UNKNOWN_USER]
        assert typed not in json.dumps([str(e) for e in s.store.audit_entries(limit=1000)])
    finally:
        s.close()


def test_a_disabled_user_cannot_sign_in(
    svc_paths: Paths, svc_clock: FixedClock, district_session: Session, svc_user: MakeUser
) -> None:
    svc_user(district_session, "officer1", UserRole.DISTRICT_OFFICER).close()
    district_session.store.set_user_active("officer1", False, district_session.actor())
    with pytest.raises(WrongPassphrase):
        _sign_in(svc_paths, svc_clock, passphrase=SVC_OTHER_PASSPHRASE, user="officer1")
    district_session.store.set_user_active("officer1", True, district_session.actor())
    _sign_in(svc_paths, svc_clock, passphrase=SVC_OTHER_PASSPHRASE, user="officer1").close()


def test_a_key_file_user_missing_from_the_store_cannot_sign_in(
    svc_paths: Paths, svc_clock: FixedClock, district_session: Session
) -> None:
    KeyFile.load(svc_paths.keyfile).add_user(
        "ghost", SVC_OTHER_PASSPHRASE, district_session.store.database_key(), kdf=SVC_KDF
    )
    with pytest.raises(WrongPassphrase):
        _sign_in(svc_paths, svc_clock, passphrase=SVC_OTHER_PASSPHRASE, user="ghost")


# --- recovery key and passphrase change --------------------------------------------------------


def test_recovery_key_sets_a_new_passphrase_and_the_old_one_stops_working(
    svc_paths: Paths, svc_clock: FixedClock, district_install: tuple[Session, str]
) -> None:
    session, recovery = district_install
    case = svc_case()
    records.save_one(session, case)
    session.close()

    s = session_service.sign_in_with_recovery(
        svc_paths,
        recovery_key=recovery.lower().replace("-", " "),
        user=SVC_ADMIN,
        new_passphrase=NEW_PASSPHRASE,
        clock=svc_clock,
    )
    try:
        actions = svc_actions(s)
        assert actions[-2:] == ["login.recovery", "passphrase.reset"]
        assert records.get(s, "case", case.id).case_number == case.case_number
    finally:
        s.close()
    with pytest.raises(WrongPassphrase):
        _sign_in(svc_paths, svc_clock)
    _sign_in(svc_paths, svc_clock, passphrase=NEW_PASSPHRASE).close()


def test_a_wrong_recovery_key_is_refused(
    svc_paths: Paths, svc_clock: FixedClock, district_install: tuple[Session, str]
) -> None:
    session, recovery = district_install
    session.close()
    keys_before = svc_paths.keyfile.read_bytes()
    other = ("B" if recovery[0] != "B" else "C") + recovery[1:]
    with pytest.raises(WrongPassphrase):
        session_service.sign_in_with_recovery(
            svc_paths, recovery_key=other, user=SVC_ADMIN, new_passphrase=NEW_PASSPHRASE,
            clock=svc_clock,
        )  # fmt: skip
    with pytest.raises(WrongPassphrase):
        session_service.sign_in_with_recovery(
            svc_paths, recovery_key="not a key", user=SVC_ADMIN,
            new_passphrase=NEW_PASSPHRASE, clock=svc_clock,
        )  # fmt: skip
    assert json.loads(svc_paths.keyfile.read_bytes())["users"] == json.loads(keys_before)["users"]
    _sign_in(svc_paths, svc_clock).close()


def test_recovery_with_a_weak_new_passphrase_changes_nothing(
    svc_paths: Paths, svc_clock: FixedClock, district_install: tuple[Session, str]
) -> None:
    session, recovery = district_install
    session.close()
    before = svc_snapshot(svc_paths.home)
    with pytest.raises((InvalidInput, ValidationFailed)):
        session_service.sign_in_with_recovery(
            svc_paths, recovery_key=recovery, user=SVC_ADMIN, new_passphrase="password",
            clock=svc_clock,
        )  # fmt: skip
    assert svc_snapshot(svc_paths.home) == before


def test_recovery_refuses_a_new_passphrase_containing_the_user_name_before_anything(
    svc_paths: Paths, svc_clock: FixedClock, district_install: tuple[Session, str]
) -> None:
    session, recovery = district_install
    session.close()
    before = svc_snapshot(svc_paths.home)
    with pytest.raises((InvalidInput, ValidationFailed)):
        session_service.sign_in_with_recovery(
            svc_paths, recovery_key=recovery, user=SVC_ADMIN,
            new_passphrase=f"{SVC_ADMIN} likes green tea", clock=svc_clock,
        )  # fmt: skip
    assert svc_snapshot(svc_paths.home) == before
    _sign_in(svc_paths, svc_clock).close()


def test_change_passphrase_keeps_the_data_and_the_old_passphrase_fails(
    svc_paths: Paths, svc_clock: FixedClock, district_session: Session
) -> None:
    case = svc_case()
    records.save_one(district_session, case)
    session_service.change_passphrase(district_session, SVC_PASSPHRASE, NEW_PASSPHRASE)
    assert svc_actions(district_session)[-1] == "passphrase.change"
    district_session.close()
    with pytest.raises(WrongPassphrase):
        _sign_in(svc_paths, svc_clock)
    s = _sign_in(svc_paths, svc_clock, passphrase=NEW_PASSPHRASE)
    try:
        assert records.get(s, "case", case.id).case_number == "FIR 12/2025"
    finally:
        s.close()


def test_change_passphrase_with_a_wrong_old_one_changes_nothing(
    svc_paths: Paths, svc_clock: FixedClock, district_session: Session
) -> None:
    count = svc_audit_count(district_session)
    district_session.store.checkpoint()
    db_before = svc_paths.database.read_bytes()
    users_before = json.loads(svc_paths.keyfile.read_bytes())["users"]
    with pytest.raises(WrongPassphrase):
        session_service.change_passphrase(
            district_session, "not the right passphrase", NEW_PASSPHRASE
        )
    assert svc_paths.database.read_bytes() == db_before
    assert json.loads(svc_paths.keyfile.read_bytes())["users"] == users_before
    assert svc_audit_count(district_session) == count
    district_session.close()
    with pytest.raises(WrongPassphrase):
        _sign_in(svc_paths, svc_clock, passphrase=NEW_PASSPHRASE)
    _sign_in(svc_paths, svc_clock).close()


def test_change_passphrase_to_a_weak_one_is_refused(
    svc_paths: Paths, district_session: Session
) -> None:
    keys_before = svc_paths.keyfile.read_bytes()
    with pytest.raises((InvalidInput, ValidationFailed)):
        session_service.change_passphrase(district_session, SVC_PASSPHRASE, "password")
    assert svc_paths.keyfile.read_bytes() == keys_before


# --- permissions are enforced in the services --------------------------------------------------


def test_district_officer_is_refused_privileged_actions_and_nothing_is_written(
    svc_paths: Paths, district_session: Session, svc_user: MakeUser, tmp_path: Path
) -> None:
    case = svc_case()
    records.save_one(district_session, case)
    officer = svc_user(district_session, "officer1", UserRole.DISTRICT_OFFICER)
    count = svc_audit_count(district_session)
    keys_before = svc_paths.keyfile.read_bytes()
    victim_id = case.victims[0].id

    with pytest.raises(PermissionDenied):
        records.reveal_victim(officer, victim_id, "court order 12 of 2026")
    with pytest.raises(PermissionDenied):
        records.delete(officer, "case", case.id, "entered twice by mistake")
    with pytest.raises(PermissionDenied):
        users.add_user(officer, "officer2", UserRole.DISTRICT_OFFICER, SVC_OTHER_PASSPHRASE)
    reviewed = records.get(officer, "case", case.id)
    reviewed.dual_role_reviewed_by = "officer1"
    with pytest.raises(PermissionDenied):
        records.save_one(officer, reviewed)
    marked = records.get(officer, "case", case.id)
    marked.deleted = True
    with pytest.raises(PermissionDenied):
        records.save_one(officer, marked)
    with pytest.raises(PermissionDenied):
        backup_service.backup(officer, tmp_path / "officer.tipdesk-backup")

    assert svc_audit_count(district_session) == count
    assert svc_paths.keyfile.read_bytes() == keys_before
    assert not (tmp_path / "officer.tipdesk-backup").exists()
    stored = records.get(district_session, "case", case.id)
    assert stored.version == 1
    assert stored.dual_role_reviewed_by == ""
    assert not stored.deleted
    # What an officer may do: view and edit.
    assert records.get(officer, "case", case.id).case_number == "FIR 12/2025"
    edit = records.get(officer, "case", case.id)
    edit.narrative = "Updated by the officer."
    records.save_one(officer, edit)
    assert records.get(district_session, "case", case.id).version == 2


def test_permission_denied_names_the_role_and_exits_4(
    district_session: Session, svc_user: MakeUser
) -> None:
    officer = svc_user(district_session, "officer1", UserRole.DISTRICT_OFFICER)
    with pytest.raises(PermissionDenied, match="district officer") as err:
        records.reveal_victim(officer, "anything", "court order 12 of 2026")
    assert err.value.exit_code == 4


def test_hq_analyst_cannot_edit(hq_session: Session, svc_user: MakeUser) -> None:
    analyst = svc_user(hq_session, "analyst1", UserRole.HQ_ANALYST)
    count = svc_audit_count(hq_session)
    with pytest.raises(PermissionDenied):
        records.save_one(analyst, svc_case())
    with pytest.raises(PermissionDenied):
        records.reveal_victim(analyst, "anything", "court order 12 of 2026")
    assert svc_audit_count(hq_session) == count
    assert hq_session.store.count("case") == 0
    # An analyst may still read.
    assert records.page(analyst, "case") == []


def test_supervisor_may_reveal_and_delete_but_not_manage_users(
    district_session: Session, svc_user: MakeUser
) -> None:
    case = svc_case()
    records.save_one(district_session, case)
    sup = svc_user(district_session, "sup1", UserRole.DISTRICT_SUPERVISOR)
    assert records.reveal_victim(sup, case.victims[0].id, "court order 12").name == "Sana Bibi"
    with pytest.raises(PermissionDenied):
        users.add_user(sup, "officer2", UserRole.DISTRICT_OFFICER, SVC_OTHER_PASSPHRASE)
    records.delete(sup, "case", case.id, "entered twice by mistake")


def test_failures_survive_a_crash_between_the_audit_write_and_the_key_file(
    svc_paths: Paths,
    svc_clock: FixedClock,
    district_session: Session,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The failures are logged before the key file forgets them; if the program stops in
    between, the next sign-in neither loses nor repeats them."""
    from tipdesk.store.keys import KeyFile

    district_session.close()
    wrong = "not the right passphrase at all"
    for _ in range(2):
        with pytest.raises(WrongPassphrase):
            _sign_in(svc_paths, svc_clock, passphrase=wrong)

    class Crash(Exception):
        pass

    def crash(_self: KeyFile, _done: object) -> None:
        raise Crash

    with monkeypatch.context() as m:
        m.setattr(KeyFile, "forget_failures", crash)
        with pytest.raises(Crash):
            _sign_in(svc_paths, svc_clock)
    assert len(KeyFile.load(svc_paths.keyfile).pending_failures()) == 2  # still kept
    s = _sign_in(svc_paths, svc_clock)
    try:
        assert svc_actions(s).count("login.failed") == 2
        assert s.store.verify_audit().ok
    finally:
        s.close()
    assert KeyFile.load(svc_paths.keyfile).pending_failures() == []
