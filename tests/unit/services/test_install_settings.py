"""The settings screen's service: idle-lock time, offices, facts about the install."""

from __future__ import annotations

import pytest
from svc_support import svc_actions

from tipdesk.core.errors import InvalidInput, PermissionDenied
from tipdesk.core.permissions import UserRole
from tipdesk.services import install_settings as settings
from tipdesk.services.session import Session


def test_idle_lock_minutes(district_session: Session) -> None:
    assert settings.idle_lock_minutes(district_session) == 10
    assert settings.set_idle_lock_minutes(district_session, 3) == 3
    assert settings.idle_lock_minutes(district_session) == 3
    assert svc_actions(district_session)[-1] == "settings"
    for bad in (0, 241):
        with pytest.raises(InvalidInput):
            settings.set_idle_lock_minutes(district_session, bad)
    district_session.store.set_settings({settings.IDLE_LOCK_KEY: "junk"}, district_session.actor())
    assert settings.idle_lock_minutes(district_session) == 10


def test_offices(district_session: Session) -> None:
    before = settings.offices(district_session)
    row = settings.add_office(
        district_session, "  Police Station  Saddar ", "Lahore", "police_station"
    )
    assert row.name == "Police Station Saddar" and row.district == "PB-LHR"
    assert row.code == "OFF-POLICESTATIONSADDAR"
    assert len(settings.offices(district_session)) == len(before) + 1
    with pytest.raises(InvalidInput, match="already in the list"):
        settings.add_office(district_session, "police station saddar", "PB-LHR", "police_station")
    with pytest.raises(InvalidInput, match="not a district"):
        settings.add_office(district_session, "X", "Atlantis", "other")
    with pytest.raises(InvalidInput, match="kind of office"):
        settings.add_office(district_session, "Y", "Lahore", "castle")
    with pytest.raises(InvalidInput, match="needs a name"):
        settings.add_office(district_session, "  ", "Lahore", "other")
    # An office of the reference list keeps its code.
    known = settings.add_office(district_session, "FIA Anti-Human Trafficking Circle, Gujranwala",
                                "Gujranwala", "fia_circle")  # fmt: skip
    assert known.code == "FIA-AHTC-GRW"


def test_changes_need_manage_settings(district_session: Session, svc_user: object) -> None:
    officer = svc_user(district_session, "bilal", UserRole.DISTRICT_OFFICER)  # type: ignore[operator]
    assert settings.idle_lock_minutes(officer) == 10
    with pytest.raises(PermissionDenied):
        settings.set_idle_lock_minutes(officer, 5)
    with pytest.raises(PermissionDenied):
        settings.add_office(officer, "Police Station Saddar", "Lahore", "police_station")


def test_about(district_session: Session) -> None:
    about = settings.about(district_session)
    assert about.install_role == "district"
    assert about.data_folder == str(district_session.paths.home)
    assert (about.district, about.office) == ("PB-LHR", "FIA-AHTC-LHR")
    assert about.device_id == district_session.install.device_id
    assert about.schema_version >= 1
    assert about.created_at.startswith("2026-06-01")


def test_upload_minutes(district_session: Session) -> None:
    assert settings.upload_minutes(district_session) == settings.DEFAULT_UPLOAD_MINUTES == 15
    assert settings.set_upload_minutes(district_session, 30) == 30
    assert settings.upload_minutes(district_session) == 30
    for bad in (0, 4, 241):
        with pytest.raises(InvalidInput, match="between 5 and 240 minutes"):
            settings.set_upload_minutes(district_session, bad)
    assert settings.upload_minutes(district_session) == 30
    assert svc_actions(district_session)[-1] == "settings"
