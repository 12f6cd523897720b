"""Reference lists (geography, offices, agencies, code lists) and sentencing rules.

Contract: this module does no I/O. :func:`tipdesk.resources.load_reference` reads the JSON
files under ``resources/reference`` and ``resources/rules`` and hands their parsed contents to
:class:`Reference`. Look-ups by name are case-insensitive and accept the code too.

Data shapes (parsed JSON):

``geography``: ``{"provinces": [{"code", "name", "districts": [{"code", "name", "aliases"}]}]}``
    where ``aliases`` (optional) lists the short forms people write for a district ("D.G. Khan",
    "Pindi"): a district is found by its code, its name or any of its aliases
``offices``: ``{"offices": [{"code", "name", "district", "kind"}]}`` (FIA circles and other
    offices shipped with the app; an install may add its own at run time)
``organisations``: ``{"agencies": [...], "departments": [...], "partners": [...]}``, each item
    ``{"code", "name"}`` (agencies: who organises training or employs trainees; departments: who
    runs awareness campaigns; partners: UNODC, IOM, NGOs...). A department may also give its
    ``province`` (a province code) and ``aliases``: the names offices write for it without the
    province ("Social Welfare Department"). An alias may be shared by the departments of
    several provinces; :meth:`Reference.department` resolves it by the province of a district.
``codes``: ``{"<list name>": [{"code", "name"}]}`` for ``exploitation_forms``, ``means``,
    ``referral_services``, ``training_topics``, ``campaign_kinds``, ``accused_roles``,
    ``victim_indicators``, ``protection_measures``, ``countries`` (ISO 3166-1 alpha-2)
    and, optionally, ``register_headers``: the headers district registers write for the register
    import's columns, ``{"<sheet>" or "*": {"<column>": ["<header>", ...]}, "-": ["<header>"]}``
    (``"*"``: every sheet with that column; ``"-"``: headers that name no column, such as a
    serial number), so that HQ can extend them with a reference update
``sentences``: the sentencing rules, dated versions per law and section (shape and meaning:
    :mod:`tipdesk.core.sentencing`)
``deadlines``: the diary's deadline rules (:mod:`tipdesk.core.deadlines`); optional here (no
    rules when absent), always shipped as ``rules/deadlines.json``
``letters``: letter templates (:mod:`tipdesk.core.letters`); optional here (none when
    absent), always shipped as ``templates/letters.json``

In every file, a key starting with ``_`` (e.g. ``"_comment"``) is a comment: it is never read as
a list, law or section.

Districts are looked up loosely (:func:`district_key`): case, spaces, dots and hyphens do not
count, so "D.G. Khan", "DG Khan" and "dg-khan" are one alias. The loader checks that no two
districts share a key.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tipdesk.core.deadlines import DiaryRules
from tipdesk.core.deadlines import parse_rules as parse_diary_rules
from tipdesk.core.letters import LetterTemplate, parse_letters
from tipdesk.core.sentencing import Law, SentenceLimit, SentencingRules, parse_rules

__all__ = [
    "CODE_LISTS",
    "DepartmentMatch",
    "District",
    "Item",
    "Law",
    "Office",
    "Province",
    "Reference",
    "SentenceLimit",
]


@dataclass(frozen=True, slots=True)
class Item:
    """One entry of a reference list."""

    code: str
    name: str


@dataclass(frozen=True, slots=True)
class District:
    code: str
    name: str
    province: str  # province code


@dataclass(frozen=True, slots=True)
class Province:
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class Office:
    code: str
    name: str
    district: str  # district code
    kind: str  # an OfficeKind value


@dataclass(frozen=True, slots=True)
class DepartmentMatch:
    """What :meth:`Reference.department` made of a department as written.

    ``code`` is the department (``None`` when it could not be resolved; ``problem`` then says
    why, in a sentence that reads after the value, or is empty when the text is no department
    nor any name of one). ``by_alias`` is true when the text was one
    of the names offices use without the province, so the department was chosen by the
    province (``province``, a code) of the district given: the import lists such choices.
    ``other_province`` is true when the only department with that name is of another province
    than the district's (kept, and flagged for a supervisor)."""

    code: str | None
    by_alias: bool = False
    province: str = ""
    problem: str = ""
    other_province: bool = False


CODE_LISTS = (
    "exploitation_forms",
    "means",
    "referral_services",
    "training_topics",
    "campaign_kinds",
    "accused_roles",
    "victim_indicators",
    "protection_measures",
    "countries",
)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


_NOT_ALNUM = re.compile(r"[\W_]+", re.UNICODE)


def district_key(text: str) -> str:
    """How a district's code, name or alias is compared: letters and digits only, any case
    ("D.G. Khan", "dg khan" and "DG-Khan" give the same key)."""
    return _NOT_ALNUM.sub("", text).casefold()


class Reference:
    """Read-only view over the reference lists and rules. Cheap to query, built once."""

    def __init__(
        self,
        *,
        geography: Mapping[str, Any],
        offices: Mapping[str, Any],
        organisations: Mapping[str, Any],
        codes: Mapping[str, Any],
        sentences: Mapping[str, Any],
        deadlines: Mapping[str, Any] | None = None,
        letters: Mapping[str, Any] | None = None,
    ) -> None:
        self.provinces: dict[str, Province] = {}
        self.districts: dict[str, District] = {}
        self.district_aliases: dict[str, tuple[str, ...]] = {}
        for prov in geography["provinces"]:
            self.provinces[prov["code"]] = Province(prov["code"], prov["name"])
            for d in prov["districts"]:
                self.districts[d["code"]] = District(d["code"], d["name"], prov["code"])
                self.district_aliases[d["code"]] = tuple(d.get("aliases", ()))
        self.offices: dict[str, Office] = {
            o["code"]: Office(o["code"], o["name"], o["district"], o["kind"])
            for o in offices["offices"]
        }
        self.lists: dict[str, dict[str, Item]] = {}
        for group in ("agencies", "departments", "partners"):
            self.lists[group] = {
                i["code"]: Item(i["code"], i["name"]) for i in organisations[group]
            }
        for name in CODE_LISTS:
            self.lists[name] = {i["code"]: Item(i["code"], i["name"]) for i in codes[name]}
        self.department_province: dict[str, str] = {}
        self._department_aliases: dict[str, list[str]] = {}
        for raw in organisations["departments"]:
            if raw.get("province"):
                self.department_province[raw["code"]] = raw["province"]
            for alias in raw.get("aliases", ()):
                found = self._department_aliases.setdefault(_key(alias), [])
                if raw["code"] not in found:
                    found.append(raw["code"])
        headers = codes.get("register_headers") or {}
        self.register_headers: dict[str, dict[str, tuple[str, ...]]] = {
            sheet: {c: tuple(h) for c, h in columns.items() if not c.startswith("_")}
            for sheet, columns in headers.items()
            if not sheet.startswith("_") and isinstance(columns, dict)
        }
        """Headers registers write, by sheet (or ``*``) and column (see the module doc)."""
        self.register_ignored_headers: tuple[str, ...] = tuple(headers.get("-", ()))
        """Headers that name no register column (serial numbers)."""
        self._by_name: dict[str, dict[str, str]] = {
            name: {_key(i.name): c for c, i in items.items()} | {_key(c): c for c in items}
            for name, items in self.lists.items()
        }
        # Codes first, then aliases, then names: a name wins over another district's alias.
        self._district_by_key: dict[str, str] = {district_key(c): c for c in self.districts}
        for code, aliases in self.district_aliases.items():
            self._district_by_key.update({district_key(a): code for a in aliases})
        self._district_by_key.update({district_key(d.name): c for c, d in self.districts.items()})
        self.sentencing: SentencingRules = parse_rules(sentences)
        services = set(self.lists["referral_services"])
        self.diary: DiaryRules = (
            parse_diary_rules(deadlines, services=services) if deadlines else DiaryRules()
        )
        self.letters: dict[str, LetterTemplate] = (
            parse_letters(letters, services=services) if letters else {}
        )

    # --- geography -------------------------------------------------------------------------
    def district(self, name_or_code: str) -> District | None:
        """The district with this code, name or alias (see :func:`district_key`), or ``None``."""
        key = district_key(name_or_code)
        code = self._district_by_key.get(key) if key else None
        return self.districts[code] if code else None

    def district_words(self) -> list[tuple[str, str]]:
        """``(name or alias, district code)`` for every district's name and aliases, names
        first: what a person may type for a district."""
        names = [(d.name, c) for c, d in self.districts.items()]
        aliases = [(a, c) for c, found in self.district_aliases.items() for a in found]
        return names + aliases

    def districts_starting(self, text: str) -> list[District]:
        """The districts whose name, or an alias, starts with ``text`` (see
        :func:`district_key`), by name; an exact match alone when there is one."""
        exact = self.district(text)
        if exact is not None:
            return [exact]
        key = district_key(text)
        if not key:
            return []
        codes = {c for word, c in self.district_words() if district_key(word).startswith(key)}
        return sorted((self.districts[c] for c in codes), key=lambda d: d.name)

    def district_suggestion(self, text: str) -> District | None:
        """The district whose name or alias is closest to ``text`` (a typo: "Lahor"), or
        ``None`` when none is close."""
        words = {district_key(w): c for w, c in self.district_words()}
        close = difflib.get_close_matches(district_key(text), list(words), n=1, cutoff=0.75)
        return self.districts[words[close[0]]] if close else None

    def districts_of(self, province_code: str) -> list[District]:
        return [d for d in self.districts.values() if d.province == province_code]

    # --- code lists ------------------------------------------------------------------------
    def items(self, list_name: str) -> dict[str, Item]:
        """All items of a list: ``agencies``, ``departments``, ``partners`` or a CODE_LISTS name."""
        return self.lists[list_name]

    def has(self, list_name: str, code: str) -> bool:
        return code in self.lists[list_name]

    def lookup(self, list_name: str, name_or_code: str) -> str | None:
        """The code for a name or code in ``list_name`` (any case), or ``None``."""
        return self._by_name[list_name].get(_key(name_or_code))

    def label(self, list_name: str, code: str) -> str:
        """Display name of a code; the code itself when unknown."""
        item = self.lists[list_name].get(code)
        return item.name if item else code

    def suggestion(self, list_name: str, text: str) -> str | None:
        """The name in ``list_name`` closest to ``text`` (a typo), or ``None``."""
        names = {_key(i.name): i.name for i in self.lists[list_name].values()}
        close = difflib.get_close_matches(_key(text), list(names), n=1, cutoff=0.75)
        return names[close[0]] if close else None

    def department(self, text: str, district: str | None = None) -> DepartmentMatch:
        """The department ``text`` names, for a row of district ``district`` (a code).

        Its code or full name (any case) names it whatever the district. Otherwise ``text`` may
        be a name offices use without the province ("Social Welfare Department"): among the
        departments with that alias, the one of the district's province is chosen. An alias of
        one department only names it anywhere (``other_province`` says when the district lies
        in another province)."""
        exact = self.lookup("departments", text)
        if exact is not None:
            return DepartmentMatch(exact)
        codes = self._department_aliases.get(_key(text), [])
        if not codes:
            return DepartmentMatch(None)  # not a department at all: problem left to the caller
        found = self.districts.get(district or "")
        province = found.province if found is not None else ""
        if len(codes) == 1:
            own = self.department_province.get(codes[0], "")
            return DepartmentMatch(
                codes[0], True, own, other_province=bool(own and province and own != province)
            )
        mine = [c for c in codes if self.department_province.get(c) == province]
        if len(mine) == 1:
            return DepartmentMatch(mine[0], True, province)
        choices = " or ".join(repr(self.label("departments", c)) for c in codes[:3])
        if not province:
            problem = (
                "names a department of several provinces and the row has no district to say "
                f"which; write its full name ({choices}, ...)"
            )
        else:
            where = self.provinces[province].name if province in self.provinces else province
            problem = (
                f"{where} has no department of that name in the reference list; write the "
                f"department's full name (such as {choices})"
            )
        return DepartmentMatch(None, problem=problem)

    # --- rules -----------------------------------------------------------------------------
    def laws(self) -> list[str]:
        return list(self.sentencing.laws)

    def law_code(self, name_or_code: str) -> str | None:
        """The law with this code, short name or title (any case), or ``None``."""
        key = _key(name_or_code)
        for code in self.laws():
            law = self.sentencing.law(code)
            names = (code, law.short, law.title) if law is not None else (code,)
            if key in (_key(n) for n in names):
                return code
        return None

    def law(self, code: str) -> Law | None:
        """The law with this code, or ``None``."""
        return self.sentencing.law(code)

    def law_short(self, code: str) -> str:
        """A law as lists show it (``TIP Act 2018``); its code when the rules lack it."""
        law = self.sentencing.law(code)
        return law.short if law is not None else code

    def sentence_limit(
        self, law: str, section: str = "", on: dt.date | None = None
    ) -> SentenceLimit | None:
        """Limits for ``law`` and ``section`` in force on ``on`` (the date of the offence; the
        latest version when ``None``); the law's default section when ``section`` is blank.

        Returns ``None`` for an unknown law, an unknown section or a date before the section
        took effect: callers report each as its own problem, never another section's limits.
        """
        return self.sentencing.limit(law, section, on)
