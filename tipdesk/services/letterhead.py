"""The office's letterhead for printouts (Settings): office name, address, telephone, e-mail,
and the signing officer's name and designation.

Contract: reading needs ``view``; changing needs ``manage_settings`` and is one settings write
with its audit entry (key names only, never the values). Blank fields fall back to what the
install knows: the office's name from its offices, the district from the reference lists.
Each field has a maximum length; a longer one is refused naming the field, and nothing changes.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from tipdesk.core.errors import InvalidInput
from tipdesk.core.permissions import Permission
from tipdesk.reports.printouts.model import Letterhead
from tipdesk.services.session import Session

SETTING = "letterhead"

LIMITS: dict[str, int] = {
    "office_name": 200,
    "address": 300,
    "phone": 60,
    "email": 200,
    "officer_name": 100,
    "officer_designation": 100,
}
LABELS: dict[str, str] = {
    "office_name": "the office's name",
    "address": "the address",
    "phone": "the telephone",
    "email": "the e-mail",
    "officer_name": "the officer's name",
    "officer_designation": "the designation",
}


@dataclass(frozen=True, slots=True)
class LetterheadFields:
    """What Settings stores (blank: use the install's default)."""

    office_name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    officer_name: str = ""
    officer_designation: str = ""


def stored(session: Session) -> LetterheadFields:
    """The fields as saved in Settings (blank where nothing was saved)."""
    session.require(Permission.VIEW)
    raw = session.store.settings_json(SETTING)
    if not isinstance(raw, dict):
        return LetterheadFields()
    return LetterheadFields(**{k: str(raw.get(k, "") or "") for k in LIMITS})


def default_office_name(session: Session) -> str:
    install = session.install
    offices = {o.code: o.name for o in session.store.offices()}
    return offices.get(install.office, install.office) or "Headquarters"


def letterhead(session: Session) -> Letterhead:
    """The letterhead printouts use: the saved fields, the install's defaults where blank."""
    fields = stored(session)
    district = session.reference.districts.get(session.install.district)
    return Letterhead(
        office_name=fields.office_name or default_office_name(session),
        address=fields.address,
        phone=fields.phone,
        email=fields.email,
        officer_name=fields.officer_name,
        officer_designation=fields.officer_designation,
        district=district.name if district else "",
    )


def save(session: Session, fields: LetterheadFields) -> LetterheadFields:
    """Store the letterhead fields (trimmed; line breaks kept in the address)."""
    session.require(Permission.MANAGE_SETTINGS)
    values = {k: str(v).strip() for k, v in asdict(fields).items()}
    for key, most in LIMITS.items():
        if len(values[key]) > most:
            raise InvalidInput(
                f"{LABELS[key].capitalize()} is {len(values[key]):,} characters long; at most "
                f"{most:,} are allowed. Nothing was changed."
            )
        if key != "address" and "\n" in values[key]:
            values[key] = " ".join(values[key].split())
    session.store.set_settings(
        {SETTING: json.dumps(values, ensure_ascii=False, sort_keys=True)}, session.actor()
    )
    return LetterheadFields(**values)
