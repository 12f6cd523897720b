"""Each user's own interface language, kept in the encrypted store."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from svc_support import svc_actions

from tipdesk.core.errors import InvalidInput
from tipdesk.core.languages import Language
from tipdesk.core.permissions import UserRole
from tipdesk.services import user_prefs
from tipdesk.services.session import Session


def test_a_user_chooses_their_language(district_session: Session) -> None:
    assert user_prefs.user_language(district_session) is None  # never chosen
    assert user_prefs.set_user_language(district_session, "ur") is Language.URDU
    assert user_prefs.user_language(district_session) is Language.URDU
    assert svc_actions(district_session)[-1] == "settings"
    assert user_prefs.set_user_language(district_session, Language.ENGLISH) is Language.ENGLISH
    assert user_prefs.user_language(district_session) is Language.ENGLISH


def test_each_user_has_their_own_language(
    district_session: Session, svc_user: Callable[[Session, str, UserRole], Session]
) -> None:
    officer = svc_user(district_session, "officer1", UserRole.DISTRICT_OFFICER)
    user_prefs.set_user_language(officer, Language.URDU)  # an officer may set their own
    assert user_prefs.user_language(officer) is Language.URDU
    assert user_prefs.user_language(district_session) is None


def test_an_unknown_language_is_refused_and_nothing_changes(district_session: Session) -> None:
    user_prefs.set_user_language(district_session, Language.URDU)
    with pytest.raises(InvalidInput, match="'fr' is not a language TIPDesk speaks"):
        user_prefs.set_user_language(district_session, "fr")
    assert user_prefs.user_language(district_session) is Language.URDU


def test_a_stored_value_this_version_does_not_know_reads_as_none(
    district_session: Session,
) -> None:
    key = user_prefs.LANGUAGE_KEY_PREFIX + district_session.user.name
    district_session.store.set_settings({key: "klingon"}, district_session.actor())
    assert user_prefs.user_language(district_session) is None
