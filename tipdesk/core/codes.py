"""Fixed code lists that workflow depends on.

Lists that grow without code changes (districts, offices, agencies, forms of exploitation,
means, services, topics, campaign kinds, accused roles) live in ``resources/reference`` and are
read through :mod:`tipdesk.core.reference`; the enums here are the ones whose values the code
itself branches on.
"""

from __future__ import annotations

from enum import StrEnum


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    TRANSGENDER = "transgender"
    UNKNOWN = "unknown"


class Stage(StrEnum):
    """Stage of a case; the order of declaration is the order of the funnel."""

    REGISTERED = "registered"
    INVESTIGATION = "investigation"
    CHALLAN = "challan"
    TRIAL = "trial"
    DECIDED = "decided"
    CLOSED = "closed"


class CaseKind(StrEnum):
    FIR = "fir"
    ENQUIRY = "enquiry"


class ArrestStatus(StrEnum):
    NOT_ARRESTED = "not_arrested"
    ARRESTED = "arrested"
    BAIL = "bail"
    ABSCONDING = "absconding"
    PROCLAIMED_OFFENDER = "proclaimed_offender"


class Outcome(StrEnum):
    PENDING = "pending"
    CONVICTED = "convicted"
    ACQUITTED = "acquitted"
    DISCHARGED = "discharged"


class Appeal(StrEnum):
    NONE = "none"
    FILED = "filed"
    UPHELD = "upheld"
    OVERTURNED = "overturned"


class ReferralOutcome(StrEnum):
    PENDING = "pending"
    PROVIDED = "provided"
    DECLINED = "declined"
    NOT_AVAILABLE = "not_available"


class OfficeKind(StrEnum):
    FIA_CIRCLE = "fia_circle"
    POLICE_STATION = "police_station"
    OTHER = "other"


class InstallRole(StrEnum):
    """What kind of install this is."""

    DISTRICT = "district"
    HQ = "hq"


class HearingPurpose(StrEnum):
    """Why a case (or one accused) is before the court on a hearing date (the diary).

    ``remand`` is the production of an arrested accused before a magistrate (CrPC s.167): an
    accused's first remand hearing stands for the arrest in the deadline rules
    (``resources/rules/deadlines.json``)."""

    REMAND = "remand"
    BAIL = "bail"
    CHARGE = "charge"
    EVIDENCE = "evidence"
    ARGUMENTS = "arguments"
    JUDGMENT = "judgment"
    OTHER = "other"
