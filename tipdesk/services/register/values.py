"""Reading one cell: spreadsheet values (text, numbers, dates, booleans) into record values.

Contract: no I/O. :meth:`Cells.convert` takes a column's ``kind`` (see
:mod:`tipdesk.services.register.columns`) and a raw cell value as openpyxl or the CSV reader
gives it, and returns ``(value, None)`` or ``(None, expected)`` where ``expected`` tells the
officer what the cell should hold. An empty cell is :data:`BLANK`: the caller leaves the field
alone. Names and codes resolve through :class:`~tipdesk.core.reference.Reference` (any case);
offices through the install's own offices, then the user's office map. Results of look-ups are
cached per text, so a 100,000-row register costs one look-up per distinct value.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any

from tipdesk.core.codes import Appeal, ArrestStatus, CaseKind, Gender, Outcome, Stage
from tipdesk.core.messages import Message, say, template
from tipdesk.core.reference import DepartmentMatch, Reference
from tipdesk.store.store import OfficeRow


class _Blank:
    def __repr__(self) -> str:
        return "BLANK"


BLANK: Any = _Blank()

ENUMS: dict[str, type[StrEnum]] = {
    "stage": Stage,
    "case_kind": CaseKind,
    "arrest_status": ArrestStatus,
    "outcome": Outcome,
    "appeal": Appeal,
}

# What a cell should hold is a translatable message (:mod:`tipdesk.core.messages`): the
# register wizard shows it in the officer's language; ``str()`` is the English.
Expected = Message | str

LIST_WORDS: dict[str, str] = {
    "exploitation_forms": template("form of exploitation"),
    "countries": template("country (name or ISO code such as PK)"),
    "accused_roles": template("accused role"),
    "referral_services": template("referral service"),
    "training_topics": template("training topic"),
    "agencies": template("agency"),
    "partners": template("partner"),
    "departments": template("department"),
    "campaign_kinds": template("kind of campaign"),
    "protection_measures": template("protection measure"),
}
AGENCY_COUNTS_EXPECTED = say(
    "expected each agency with its number of participants, separated by ; "
    "(FIA: 5; Punjab Police: 10)"
)
_PAIR = re.compile(r"^(.+?)\s*[:=]\s*([0-9][0-9,]*)$")

_YES = frozenset({"yes", "y", "true", "t", "1", "ہاں"})
_NO = frozenset({"no", "n", "false", "f", "0", "نہیں"})
# What registers write when they do not know: the value is unknown, never an error (the
# victim is real and counts, as "unknown" in every figure split by gender or age).
UNKNOWN_WORDS = frozenset(
    {
        "unknown",
        "u",
        "unk",
        "not known",
        "n/k",
        "nk",
        "n.k.",
        "n/a",
        "na",
        "n.a.",
        "not recorded",
        "not mentioned",
        "not given",
        "unspecified",
        "?",
        "-",
        "--",
        "نامعلوم",
    }
)
_GENDERS = {
    "f": Gender.FEMALE,
    "female": Gender.FEMALE,
    "woman": Gender.FEMALE,
    "girl": Gender.FEMALE,
    "m": Gender.MALE,
    "male": Gender.MALE,
    "man": Gender.MALE,
    "boy": Gender.MALE,
    "t": Gender.TRANSGENDER,
    "tg": Gender.TRANSGENDER,
    "transgender": Gender.TRANSGENDER,
    "transgender person": Gender.TRANSGENDER,
    "khawaja sira": Gender.TRANSGENDER,
    "khwaja sira": Gender.TRANSGENDER,
} | dict.fromkeys(UNKNOWN_WORDS, Gender.UNKNOWN)
# "25 years", "25 yrs", "25 Y": an age with its unit.
_AGE = re.compile(r"^(\d{1,3})\s*(?:years?|yrs?\.?|y)(?:\s*old)?$")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_INT = re.compile(r"^[+-]?\d+(?:\.0+)?$")
DATE_EXPECTED = say("expected a real date (YYYY-MM-DD or DD/MM/YYYY)")
NO_SUCH_DAY = say("expected a real date (YYYY-MM-DD or DD/MM/YYYY); this day does not exist")
WHOLE_NUMBER = say("expected a whole number")
# Spreadsheet serial day numbers that are believable dates (1954 to 2119) in a column whose
# cells were not formatted as dates; the serial epoch is 1899-12-30.
_SERIAL_MIN, _SERIAL_MAX = 20_000, 80_000
_EPOCH = dt.date(1899, 12, 30)


def _text(raw: object) -> str:
    if isinstance(raw, str):
        return raw.strip()
    if isinstance(raw, bool):
        return "yes" if raw else "no"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat() if raw.time() == dt.time() else raw.isoformat(" ")
    if isinstance(raw, dt.date):
        return raw.isoformat()
    return str(raw).strip()


def is_blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def _key(text: str) -> str:
    return "_".join(text.strip().casefold().replace("-", " ").split())


def parse_date(raw: object) -> tuple[dt.date | None, Expected | None]:
    """A date from a spreadsheet date, an ISO or day-first text, or a date serial number."""
    if isinstance(raw, dt.datetime):
        return raw.date(), None
    if isinstance(raw, dt.date):
        return raw, None
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        if float(raw).is_integer() and _SERIAL_MIN <= raw <= _SERIAL_MAX:
            return _EPOCH + dt.timedelta(days=int(raw)), None
        return None, DATE_EXPECTED
    text = _text(raw)
    if " " in text:  # "2024-05-01 00:00:00": a date-time written as text
        text = text.split(" ", 1)[0]
    m = _YMD.match(text)
    parts = (int(m[1]), int(m[2]), int(m[3])) if m else None
    if parts is None and (m := _DMY.match(text)):
        parts = (int(m[3]), int(m[2]), int(m[1]))
    if parts is None:
        return None, DATE_EXPECTED
    try:
        return dt.date(*parts), None
    except ValueError:
        return None, NO_SUCH_DAY


def parse_int(raw: object) -> tuple[int | None, Expected | None]:
    if isinstance(raw, bool):
        return None, WHOLE_NUMBER
    if isinstance(raw, int):
        return raw, None
    if isinstance(raw, float):
        return (int(raw), None) if raw.is_integer() else (None, WHOLE_NUMBER)
    text = _text(raw).replace(",", "").replace(" ", "")
    if _INT.match(text):
        return int(text.split(".", 1)[0]), None
    return None, WHOLE_NUMBER


def parse_age(raw: object) -> tuple[int | None, Expected | None]:
    """An age in whole years: a number, "25 years"/"25 yrs", or a word for not known
    (:data:`UNKNOWN_WORDS`), which is :data:`BLANK` (the age stays unknown)."""
    if isinstance(raw, str):
        text = " ".join(raw.split()).casefold()
        if text in UNKNOWN_WORDS:
            return BLANK, None
        if m := _AGE.match(text):
            return int(m[1]), None
    value, expected = parse_int(raw)
    if expected is not None:
        return None, say("expected an age in whole years (or unknown)")
    return value, None


class Cells:
    """Converts the cells of one import. Holds the reference data, the install's offices,
    its own office (for empty office cells) and the user's office map (name -> code)."""

    def __init__(
        self,
        reference: Reference,
        offices: Iterable[OfficeRow],
        own_office: str,
        office_map: Mapping[str, str] | None = None,
    ) -> None:
        self.reference = reference
        self.own_office = own_office
        self.offices = {o.code: o for o in offices}
        self._office_keys: dict[str, str] = {}
        for o in self.offices.values():
            self._office_keys[" ".join(o.name.split()).casefold()] = o.code
            self._office_keys[o.code.casefold()] = o.code
        # The map's targets are checked by the importer (unknown targets are reported once).
        self.office_map = {" ".join(k.split()).casefold(): v for k, v in (office_map or {}).items()}
        laws: dict[str, str] = {}
        for law in reference.laws():
            found = reference.law(law)
            names = (law, found.short, found.title) if found else (law,)
            for name in names:
                laws.setdefault(" ".join(name.split()).casefold(), law)
        self._laws = laws
        self._cache: dict[tuple[str, str], tuple[Any, Expected | None]] = {}
        self._departments: dict[tuple[str, str], DepartmentMatch] = {}

    def department(self, raw: object, district: object) -> DepartmentMatch:
        """The department a cell names for a row of ``district`` (a code, or anything else
        when the row's district is missing or wrong): see :meth:`Reference.department`."""
        text = " ".join(_text(raw).split())
        key = (text.casefold(), district if isinstance(district, str) else "")
        found = self._departments.get(key)
        if found is None:
            found = self.reference.department(text, key[1] or None)
            if found.code is None and not found.problem:
                found = DepartmentMatch(None, problem=str(self._expected_code("departments")))
            self._departments[key] = found
        return found

    def convert(self, kind: str, raw: object) -> tuple[Any, Expected | None]:
        """``(value, None)``, ``(BLANK, None)`` for an empty cell, or ``(None, expected)``."""
        if is_blank(raw):
            if kind == "office" and self.own_office:
                return self.own_office, None
            return BLANK, None
        if kind == "text":
            return _text(raw), None
        if kind == "date":
            return parse_date(raw)
        if kind == "int":
            return parse_int(raw)
        if kind == "age":
            return parse_age(raw)
        # Everything below depends only on the text: cache it.
        text = _text(raw)
        key = (kind, text)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._lookup(kind, text)
        return found

    def _lookup(self, kind: str, text: str) -> tuple[Any, Expected | None]:
        if kind == "bool":
            k = text.casefold()
            if k in _YES:
                return True, None
            if k in _NO:
                return False, None
            return None, say("expected yes or no (also y/n, true/false, 1/0)")
        if kind == "gender":
            gender = _GENDERS.get(" ".join(text.split()).casefold())
            if gender is None:
                return None, say("expected female, male, transgender or unknown (or F, M, T, U)")
            return gender, None
        if kind.startswith("enum:"):
            enum = ENUMS[kind[5:]]
            try:
                return enum(_key(text)), None
            except ValueError:
                return None, say("expected one of: {items}", items=", ".join(m.value for m in enum))
        if kind == "district":
            district = self.reference.district(text)
            if district is None:
                return None, say("expected a district's name (or a short form such as D.G. Khan)")
            return district.code, None
        if kind == "office":
            return self.office(text)
        if kind == "law":
            law = self._laws.get(" ".join(text.split()).casefold())
            if law is None:
                known = ", ".join(self.reference.laws())
                return None, say("expected a law of the sentencing rules ({known})", known=known)
            return law, None
        if kind == "department":  # without a row's district: its name or code only
            return self._code("departments", text)
        if kind.startswith("code:"):
            return self._code(kind[5:], text)
        if kind.startswith("codes:"):
            return self._codes(kind[6:], text)
        if kind == "agency_counts":
            return self._agency_counts(text)
        raise ValueError(f"unknown column kind {kind!r}")  # a bug in columns.py

    def office(self, text: str) -> tuple[str | None, Expected | None]:
        folded = " ".join(text.split()).casefold()
        code = self._office_keys.get(folded) or self.office_map.get(folded)
        if code is not None and code in self.offices:
            return code, None
        return None, say(
            "expected an office of this install (code or name); add the office, or map this "
            "name to an office code"
        )

    def _expected_code(self, list_name: str, bad: str = "") -> Message:
        """What a cell of ``list_name`` should hold (the list itself when short); with
        ``bad``, the unknown items of a cell holding several separated by ``;``."""
        items = self.reference.items(list_name)
        word = say(LIST_WORDS[list_name])
        short = ", ".join(items) if len(items) <= 16 else ""
        if bad and short:
            return say(
                "{bad} unknown; expected each to be a {word}: {items} (separate several by ;)",
                bad=bad,
                word=word,
                items=short,
            )
        if bad:
            return say(
                "{bad} unknown; expected each to be a {word} of the reference list (see the "
                "Lists sheet of the template) (separate several by ;)",
                bad=bad,
                word=word,
            )
        if short:
            return say("expected a {word}: {items}", word=word, items=short)
        return say(
            "expected a {word} of the reference list (see the Lists sheet of the template)",
            word=word,
        )

    def _code(self, list_name: str, text: str) -> tuple[str | None, Expected | None]:
        code = self.reference.lookup(list_name, text)
        if code is None:
            return None, self._expected_code(list_name)
        return code, None

    def _agency_counts(self, text: str) -> tuple[dict[str, int] | None, Expected | None]:
        """``FIA: 5; Punjab Police: 10`` (names or codes, ``:`` or ``=``) -> counts by agency
        code; an agency named twice is counted once with both numbers."""
        out: dict[str, int] = {}
        bad: list[str] = []
        for part in text.split(";"):
            part = part.strip()
            if not part:
                continue
            m = _PAIR.match(part)
            if m is None:
                return None, AGENCY_COUNTS_EXPECTED
            code = self.reference.lookup("agencies", m[1])
            if code is None:
                bad.append(m[1])
                continue
            out[code] = out.get(code, 0) + int(m[2].replace(",", ""))
        if bad:
            return None, say(
                "{bad} unknown; expected each to be an agency of the reference list (see the "
                "Lists sheet of the template)",
                bad=", ".join(repr(b) for b in bad),
            )
        return out, None

    def _codes(self, list_name: str, text: str) -> tuple[list[str] | None, Expected | None]:
        out: list[str] = []
        bad: list[str] = []
        for part in text.split(";"):
            part = part.strip()
            if not part:
                continue
            code = self.reference.lookup(list_name, part)
            if code is None:
                bad.append(part)
            elif code not in out:
                out.append(code)
        if bad:
            return None, self._expected_code(list_name, ", ".join(repr(b) for b in bad))
        return out, None
