"""The register's sheets and columns: one table that the template, the reader and the importer
all follow, so they cannot disagree.

Contract: pure data, no I/O. Each :class:`SheetSpec` names a record kind and its columns in
template order. A :class:`Column` says which record field it fills and how its cells are read
(``kind``, see :mod:`tipdesk.services.register.values`). ``required`` columns must be present
in a sheet (a missing one is an error); other columns may be left out (a warning, and the
field keeps its default or stored value). ``extra`` marks columns TIPDesk accepts beyond the
issue's list: without them some valid records (a transnational or closed case, a court's
sentence) could not be described. Header names are matched by :func:`header_key`: case,
spaces, hyphens and dots do not matter (``Case Number`` is ``case_number``); a column's
``aliases`` are other headers offices write for it (``Date of Offence`` for ``offence_on``).

A :class:`HeaderMap` is how one import reads headers: the user's own mapping first
(``--map-column "HEADER=column"``), then the columns' names and aliases, then the headers of the
reference data (``register_headers`` in ``codes.json``, which HQ can extend with a reference
update), and the headers that name nothing (serial numbers), read silently as nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a register sheet."""

    name: str
    field: str
    kind: str
    required: bool = False
    extra: bool = False
    identifying: bool = False  # its values are never repeated in a report
    help: str = ""
    aliases: tuple[str, ...] = ()  # other headers registers use for it


@dataclass(frozen=True, slots=True)
class SheetSpec:
    """One sheet of the register and the record kind its rows become."""

    name: str
    kind: str
    aliases: tuple[str, ...]
    columns: tuple[Column, ...]
    about: str

    def column(self, key: str) -> Column | None:
        """The column whose header key is ``key`` (see :func:`header_key`), or ``None``."""
        return _BY_KEY[self.name].get(key)

    def column_for_field(self, field: str) -> Column | None:
        """The column that fills record field ``field`` (``None`` for none, or for ``""``)."""
        return next((c for c in self.columns if field and c.field == field), None)


def header_key(text: str) -> str:
    """How headers are compared: ``" Case Number "`` -> ``"case_number"``."""
    out = "".join(ch if ch.isalnum() else "_" for ch in text.strip().casefold())
    return "_".join(part for part in out.split("_") if part)


DATE_HELP = "a date: a spreadsheet date, or text YYYY-MM-DD or DD/MM/YYYY"
YES_NO_HELP = "yes or no (also y/n, true/false, 1/0)"
GENDER_HELP = "female, male, transgender or unknown (also F, M, T, U; empty: unknown)"
AGE_HELP = "whole years; empty or unknown when the register does not know"

_CASE_NUMBER = Column(
    "case_number", "case_number", "text", required=True, help="FIR or enquiry number"
)

CASES = SheetSpec(
    "Cases",
    "case",
    ("cases", "case", "firs"),
    (
        _CASE_NUMBER,
        Column("registered_on", "registered_on", "date", required=True, help=DATE_HELP),
        Column("district", "district", "district", required=True, help="district name or code"),
        Column("office", "office", "office", help="office code or name; empty: your own office"),
        Column("law", "law", "law", help="law code; empty: TIP Act 2018"),
        Column(
            "exploitation_forms",
            "exploitation_forms",
            "codes:exploitation_forms",
            help="forms of exploitation, separated by ;",
        ),
        Column("stage", "stage", "enum:stage", help="registered, investigation, challan, ..."),
        Column("official_involvement", "official_involvement", "bool", help=YES_NO_HELP),
        Column("transnational", "transnational", "bool", help=YES_NO_HELP),
        Column("summary", "narrative", "text", help="what happened, in a few words"),
        Column("kind", "kind", "enum:case_kind", extra=True, help="fir or enquiry"),
        Column(
            "route_countries",
            "route_countries",
            "codes:countries",
            extra=True,
            help="countries on the route (names or ISO codes, separated by ;)",
        ),
        Column("closed_reason", "closed_reason", "text", extra=True, help="why it was closed"),
        Column(
            "official_action", "official_action", "text", extra=True, help="action on the official"
        ),
        Column("investigating_officer", "investigating_officer", "text", extra=True),
        Column(
            "offence_on",
            "offence_on",
            "date",
            extra=True,
            help="date of the offence (the FIR's date of occurrence): sentences are checked "
            "against the law in force on it; empty: the registration date",
            aliases=(
                "Date of Offence",
                "Offence Date",
                "Date of Occurrence",
                "Occurrence Date",
                "Date of Incident",
            ),
        ),
    ),
    "One row per FIR or enquiry. A case is matched by case_number, district and office.",
)

ACCUSED = SheetSpec(
    "Accused",
    "accused",
    ("accused", "suspects"),
    (
        _CASE_NUMBER,
        Column("name", "name", "text", required=True, identifying=True),
        Column("cnic", "cnic", "text", identifying=True, help="#####-#######-#"),
        Column("gender", "gender", "gender", help=GENDER_HELP),
        Column("age", "age", "age", help=AGE_HELP),
        Column("nationality", "nationality", "code:countries", help="country name or ISO code"),
        Column("role", "role", "code:accused_roles", help="recruiter, transporter, ..."),
        Column("arrest_status", "arrest_status", "enum:arrest_status"),
        Column("proceeded_on", "proceeded_on", "date", help="challan date; " + DATE_HELP),
        Column("outcome", "outcome", "enum:outcome", help="pending, convicted, ..."),
        Column("judgment_on", "judgment_on", "date", help=DATE_HELP),
        Column("imprisonment_months", "imprisonment_months", "int"),
        Column("fine_pkr", "fine_pkr", "int"),
        Column("father_name", "father_name", "text", extra=True, identifying=True),
        Column("section", "section", "text", extra=True, help="section charged, e.g. 3"),
        Column("court", "court", "text", extra=True),
        Column("appeal", "appeal", "enum:appeal", extra=True),
        Column(
            "district",
            "",
            "district",
            extra=True,
            help="the case's district: only needed when two offices use the same case number",
        ),
        Column(
            "office",
            "",
            "office",
            extra=True,
            help="the case's office: only needed when two offices use the same case number",
        ),
    ),
    "One row per accused person; case_number names the case (in the Cases sheet or already "
    "in TIPDesk).",
)

VICTIMS = SheetSpec(
    "Victims",
    "victim",
    ("victims", "victim"),
    (
        Column("case_number", "case_number", "text", help="empty: a victim without a case"),
        Column("victim_code", "victim_code", "text", required=True),
        Column("name", "name", "text", identifying=True),
        Column("gender", "gender", "gender", help=GENDER_HELP),
        Column("age", "age", "age", help="age when identified: " + AGE_HELP),
        Column("nationality", "nationality", "code:countries", help="country name or ISO code"),
        Column("exploitation_forms", "exploitation_forms", "codes:exploitation_forms"),
        Column("identified_on", "identified_on", "date", required=True, help=DATE_HELP),
        Column(
            "referred_to",
            "referrals",
            "codes:referral_services",
            help="services referred to, separated by ; (dated the identification day)",
        ),
        Column("district", "district", "district", extra=True, help="empty: the case's district"),
        Column(
            "office",
            "",
            "office",
            extra=True,
            help="the case's office: only needed when two offices use the same case number",
        ),
        Column("cnic", "cnic", "text", identifying=True, help="#####-#######-#"),
        Column(
            "consent_to_share",
            "consent_to_share",
            "bool",
            help="the victim consents to sharing their identifying details: " + YES_NO_HELP,
        ),
        Column(
            "protection_measures",
            "protection_measures",
            "codes:protection_measures",
            help="protection measures (witness protection, ...), separated by ;",
        ),
    ),
    "One row per victim, matched by victim_code. Identifying details are encrypted like every "
    "record and masked on screen.",
)

TRAINING = SheetSpec(
    "Training",
    "training",
    ("training", "trainings"),
    (
        Column("title", "title", "text", required=True),
        Column("district", "district", "district", required=True),
        Column("organiser", "organiser", "code:agencies", required=True, help="agency"),
        Column("partners", "partners", "codes:partners", help="partners, separated by ;"),
        Column("topics", "topics", "codes:training_topics", help="topics, separated by ;"),
        Column("start_on", "start_on", "date", required=True, help=DATE_HELP),
        Column("end_on", "end_on", "date", help=DATE_HELP),
        Column("participants_female", "participants_female", "int"),
        Column("participants_male", "participants_male", "int"),
        Column("participants_transgender", "participants_transgender", "int"),
        Column(
            "participants_total",
            "participants_total",
            "int",
            extra=True,
            help="empty: female + male + transgender",
        ),
        Column("venue", "venue", "text", extra=True),
        Column(
            "participants_by_agency",
            "participants_by_agency",
            "agency_counts",
            help="participants by agency, e.g. FIA: 5; Punjab Police: 10 (they must add up "
            "to the total)",
        ),
    ),
    "One row per training session. A row matches a session already in TIPDesk when every "
    "column is the same; an edited row is a new session.",
)

CAMPAIGNS = SheetSpec(
    "Campaigns",
    "campaign",
    ("campaigns", "campaign", "awareness"),
    (
        Column("district", "district", "district", required=True),
        Column(
            "department",
            "department",
            "department",
            required=True,
            help="department's name or code; as offices say it (Social Welfare Department) "
            "it is the department of the district's province",
        ),
        Column("kind", "kind", "code:campaign_kinds", required=True, help="seminar, walk, ..."),
        Column("start_on", "start_on", "date", required=True, help=DATE_HELP),
        Column("end_on", "end_on", "date", help=DATE_HELP),
        Column("people_reached", "people_reached", "int"),
        Column("partners", "partners", "codes:partners", help="partners, separated by ;"),
        Column("title", "title", "text", extra=True),
        Column("venue", "venue", "text", extra=True),
        Column("national_campaign", "national_campaign", "text", extra=True),
    ),
    "One row per awareness campaign. A row matches a campaign already in TIPDesk when every "
    "column is the same; an edited row is a new campaign.",
)

SHEETS: tuple[SheetSpec, ...] = (CASES, ACCUSED, VICTIMS, TRAINING, CAMPAIGNS)

#: Sheets of the template that hold no records; the reader skips them silently.
IGNORED_SHEETS = frozenset({"instructions", "lists", "read_me", "readme"})

_BY_KEY: dict[str, dict[str, Column]] = {
    s.name: {header_key(name): c for c in s.columns for name in (c.name, *c.aliases)}
    for s in SHEETS
}
_SHEET_BY_KEY: dict[str, SheetSpec] = {
    header_key(alias): s for s in SHEETS for alias in (s.name, *s.aliases)
}


def sheet_spec(name: str) -> SheetSpec | None:
    """The sheet spec for a sheet name as written in a file (any case, singular or plural)."""
    return _SHEET_BY_KEY.get(header_key(name))


IGNORE = "-"
"""The column a header is mapped to when it names nothing (``--map-column "Remarks=-"``)."""


class HeaderMap:
    """How one import reads its sheets' headers (see the module doc). Pure data."""

    def __init__(
        self,
        extra: Mapping[str, Mapping[str, Sequence[str]]] | None = None,
        ignored: Sequence[str] = (),
        user: Mapping[str, str] | None = None,
    ) -> None:
        extra = extra or {}
        self._user = {
            header_key(h): IGNORE if c.strip() in ("", IGNORE) else header_key(c)
            for h, c in (user or {}).items()
        }
        self._by_sheet: dict[str, dict[str, Column]] = {}
        for spec in SHEETS:
            table = dict(_BY_KEY[spec.name])  # a column's own name and aliases come first
            for scope in (spec.name, "*"):
                for name, headers in extra.get(scope, {}).items():
                    column = spec.column(header_key(name))
                    if column is None:
                        continue  # a column this sheet lacks: the header names nothing here
                    for header in headers:
                        key = header_key(header)
                        if key:
                            table.setdefault(key, column)
            self._by_sheet[spec.name] = table
        self._ignored = {header_key(h) for h in ignored}

    def unknown_targets(self) -> list[str]:
        """The columns of the user's mapping that no sheet has (each a mistake to report)."""
        known = {key for by_key in _BY_KEY.values() for key in by_key}
        return sorted({t for t in self._user.values() if t != IGNORE and t not in known})

    def column(self, spec: SheetSpec, header: str) -> Column | None:
        """The column of ``spec`` that ``header`` names, or ``None``."""
        key = header_key(header)
        target = self._user.get(key)
        if target == IGNORE:
            return None
        if target is not None and (column := spec.column(target)) is not None:
            return column
        return self._by_sheet[spec.name].get(key)

    def names_nothing(self, spec: SheetSpec, header: str) -> bool:
        """True for a header read silently as nothing: a serial number's ("S. No."), one the
        user mapped to ``-``, or one without a letter or digit ("#")."""
        key = header_key(header)
        if not key or self._user.get(key) == IGNORE:
            return True
        return key in self._ignored and self.column(spec, header) is None


PLAIN_HEADERS = HeaderMap()
"""The columns' own names and aliases only (the template's headers)."""
