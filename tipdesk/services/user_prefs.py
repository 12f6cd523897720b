"""Each user's own preferences, kept in the install's encrypted ``settings`` table under a
key naming the user: today the interface language.

Contract: any signed-in user reads and changes their own preferences (``view`` permission);
nobody changes another user's. Every change is one transaction with its audit entry (the
store writes it, naming the key, never the value). Runs on the store's thread.
"""

from __future__ import annotations

from tipdesk.core.errors import InvalidInput
from tipdesk.core.languages import Language, parse_language
from tipdesk.core.permissions import Permission
from tipdesk.services.session import Session

LANGUAGE_KEY_PREFIX = "ui_language:"


def _language_key(session: Session) -> str:
    return LANGUAGE_KEY_PREFIX + session.user.name


def user_language(session: Session) -> Language | None:
    """The signed-in user's interface language, or ``None`` when they never chose one (the UI
    then keeps the language the sign-in screen used). A stored value this version does not
    know reads as ``None``."""
    session.require(Permission.VIEW)
    raw = session.store.setting(_language_key(session))
    if raw is None:
        return None
    try:
        return parse_language(raw)
    except InvalidInput:
        return None


def set_user_language(session: Session, language: Language | str) -> Language:
    """Store the signed-in user's interface language; returns it. Refuses an unknown one."""
    session.require(Permission.VIEW)
    chosen = language if isinstance(language, Language) else parse_language(language)
    session.store.set_settings({_language_key(session): chosen.value}, session.actor())
    return chosen
