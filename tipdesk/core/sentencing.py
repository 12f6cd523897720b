"""Sentencing rules: what each law and section allows, as dated versions.

Penal law is not retroactive: a sentence is checked against the version of its section in force
on the date of the offence. So every section of ``rules/sentences.json`` is a list of versions,
each with the date it took effect, its minimum and maximum imprisonment and fine, how the two
combine, and the conditions the section needs. A law change (an amendment's commencement) is a
new version with a later ``effective_from``; older versions stay, since cases of older offences
are still judged by them.

Contract: no I/O. :func:`parse_rules` turns the parsed JSON into :class:`SentencingRules`, or
raises :class:`RulesError` whose message names the offending path (``laws.x.sections.3(2)
.versions[1].effective_from ...``). Look-ups never raise.

Shape::

    {"laws": {"<law code>": {
        "title": "...", "short": "TIP Act 2018",
        "default_section": "3(1)",            # the section of an accused with none recorded
        "sections": {"<section>": {
            "title": "...",                    # optional
            "aliases": ["3"],                  # optional: other ways officers write it
            "versions": [{
                "effective_from": "YYYY-MM-DD",
                "source": "...",               # optional: where the limits come from
                "min_imprisonment_months": null, "max_imprisonment_months": 84,
                "min_fine_pkr": null, "max_fine_pkr": 1000000,
                "penalty": "imprisonment_or_fine",   # or "imprisonment_and_fine"
                "conditions": ["victim_woman_or_child"]   # optional
            }]}}}}}

- Limits are whole numbers of 0 or more, or ``null`` (no such limit).
- ``penalty``: ``imprisonment_or_fine`` (the Act says "or ... or both": a minimum of
  imprisonment applies when imprisonment is imposed) or ``imprisonment_and_fine`` (both are
  imposed: the minimum imprisonment always applies, and a fine is expected).
- ``conditions``: facts of the case the section needs, from :class:`Condition`.
- Versions of a section are listed oldest first, with strictly increasing dates. A section
  written the old way (``max_imprisonment_months`` and ``max_fine_pkr`` directly on it, as
  before versions existed) is one version in force at every date.
- ``effective_from`` may not be :data:`PENDING` (``"commencement"``): that placeholder marks an
  amendment whose commencement date HQ has not confirmed yet, and is replaced by the date when
  HQ installs the file (:func:`set_commencement`, ``tipdesk reference install FOLDER
  --effective-from DATE``).
- Keys starting with ``_`` are comments, among laws and among sections.

Sections are looked up as officers write them: ``3(2)``, ``3 (2)``, ``s.3(2)`` and
``Section 3(2)`` are the same section (see :func:`section_key`); aliases too. An unknown
section is ``None``, never another section's limits.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

PENDING = "commencement"
"""``effective_from`` of a version whose commencement date HQ must still confirm."""

LIMIT_KEYS = (
    "min_imprisonment_months",
    "max_imprisonment_months",
    "min_fine_pkr",
    "max_fine_pkr",
)


class RulesError(ValueError):
    """The rules document is not of the documented shape; the message names the path."""


class Penalty(StrEnum):
    """How imprisonment and fine combine in a section's punishment."""

    IMPRISONMENT_OR_FINE = "imprisonment_or_fine"
    IMPRISONMENT_AND_FINE = "imprisonment_and_fine"


class Condition(StrEnum):
    """A fact of the case a section needs (checked by :mod:`tipdesk.core.validation`)."""

    VICTIM_WOMAN_OR_CHILD = "victim_woman_or_child"
    """At least one victim of the case is a woman (female) or a child (under 18)."""


@dataclass(frozen=True, slots=True)
class Version:
    """One version of a section's punishment. ``effective_from`` ``None``: in force at every
    date (a section written without versions)."""

    effective_from: dt.date | None
    min_imprisonment_months: int | None
    max_imprisonment_months: int | None
    min_fine_pkr: int | None
    max_fine_pkr: int | None
    penalty: Penalty
    conditions: tuple[Condition, ...]
    source: str


@dataclass(frozen=True, slots=True)
class Section:
    """A section of a law and its versions, oldest first."""

    code: str
    title: str
    aliases: tuple[str, ...]
    versions: tuple[Version, ...]

    def version_on(self, day: dt.date | None) -> Version | None:
        """The version in force on ``day`` (the latest version when ``day`` is ``None``), or
        ``None`` when ``day`` is before the section's first version took effect."""
        if day is None:
            return self.versions[-1]
        found: Version | None = None
        for version in self.versions:
            if version.effective_from is None or version.effective_from <= day:
                found = version
        return found

    @property
    def in_force_from(self) -> dt.date | None:
        """The date the section's first version took effect (``None``: always)."""
        return self.versions[0].effective_from


@dataclass(frozen=True, slots=True)
class Law:
    """A statute of the rules."""

    code: str
    title: str
    short: str
    default_section: str
    sections: dict[str, Section]
    keys: dict[str, str]
    """:func:`section_key` of every section code and alias -> the section's code."""

    def section(self, text: str) -> Section | None:
        """The section written ``text`` (its code, an alias, or either with ``s.``, spaces or
        another case); the default section when ``text`` is blank; ``None`` when unknown."""
        if not text.strip():
            return self.sections[self.default_section]
        code = self.keys.get(section_key(text))
        return self.sections[code] if code is not None else None

    def known_sections(self) -> str:
        """The sections as a message lists them: ``3(1), 3(2)``."""
        return ", ".join(self.sections)


@dataclass(frozen=True, slots=True)
class SentenceLimit:
    """The limits of one section of one law on one date (one :class:`Version`). A limit of
    ``None`` is not checked."""

    law: str
    law_short: str
    section: str
    max_imprisonment_months: int | None
    max_fine_pkr: int | None
    min_imprisonment_months: int | None = None
    min_fine_pkr: int | None = None
    penalty: Penalty = Penalty.IMPRISONMENT_OR_FINE
    conditions: tuple[Condition, ...] = ()
    effective_from: dt.date | None = None
    amended: bool = False
    """The section has more than one version (messages then say which one applied)."""

    @property
    def citation(self) -> str:
        """E.g. ``TIP Act 2018 s.3(2)``."""
        return f"{self.law_short} s.{self.section}"


class SentencingRules:
    """Read-only view of the rules: laws by code, sections, versions by date."""

    def __init__(self, laws: Mapping[str, Law]) -> None:
        self.laws: dict[str, Law] = dict(laws)

    def law(self, code: str) -> Law | None:
        return self.laws.get(code)

    def limit(self, law: str, section: str = "", on: dt.date | None = None) -> SentenceLimit | None:
        """The limits of ``section`` of ``law`` in force on ``on`` (the latest version when
        ``on`` is ``None``; the default section when ``section`` is blank). ``None`` for an
        unknown law or section, or a date before the section took effect."""
        found = self.laws.get(law)
        sec = found.section(section) if found else None
        version = sec.version_on(on) if sec else None
        if found is None or sec is None or version is None:
            return None
        return limit_of(found, sec, version)


def limit_of(law: Law, section: Section, version: Version) -> SentenceLimit:
    """The :class:`SentenceLimit` of one version of a section."""
    return SentenceLimit(
        law=law.code,
        law_short=law.short,
        section=section.code,
        max_imprisonment_months=version.max_imprisonment_months,
        max_fine_pkr=version.max_fine_pkr,
        min_imprisonment_months=version.min_imprisonment_months,
        min_fine_pkr=version.min_fine_pkr,
        penalty=version.penalty,
        conditions=version.conditions,
        effective_from=version.effective_from,
        amended=len(section.versions) > 1,
    )


_PREFIX = re.compile(r"^(?:section|sec|s)\.?(?=[0-9])")


def section_key(text: str) -> str:
    """How sections are compared: no spaces, any case, no ``s.``/``sec.``/``section`` prefix
    (``"S. 3 (2)"`` -> ``"3(2)"``)."""
    key = "".join(text.split()).casefold()
    return _PREFIX.sub("", key)


# --- parsing ---------------------------------------------------------------------------------


def parse_rules(data: Mapping[str, Any]) -> SentencingRules:
    """The rules in ``data`` (see the module contract); :class:`RulesError` when malformed."""
    laws = _obj(data.get("laws"), "laws")
    out: dict[str, Law] = {}
    for code, raw in laws.items():
        if code.startswith("_"):
            continue
        out[code] = _law(code, _obj(raw, f"laws.{code}"), f"laws.{code}")
    if not out:
        raise RulesError("laws has no law")
    return SentencingRules(out)


def _law(code: str, spec: dict[str, Any], where: str) -> Law:
    title, short = _text(spec, "title", where), _text(spec, "short", where)
    default = _text(spec, "default_section", where)
    sections: dict[str, Section] = {}
    keys: dict[str, str] = {}
    for sec, raw in _obj(spec.get("sections"), f"{where}.sections").items():
        if sec.startswith("_"):
            continue
        swhere = f"{where}.sections.{sec}"
        section = _section(sec, _obj(raw, swhere), swhere)
        for name in (sec, *section.aliases):
            other = keys.setdefault(section_key(name), sec)
            if other != sec:
                raise RulesError(f"{swhere}: {name!r} also names section {other}")
        sections[sec] = section
    if not sections:
        raise RulesError(f"{where}.sections has no section")
    if default not in sections:
        raise RulesError(f"{where}.default_section {default!r} is not in sections")
    return Law(code, title, short, default, sections, keys)


def _section(code: str, spec: dict[str, Any], where: str) -> Section:
    title = spec.get("title", "")
    if not isinstance(title, str):
        raise RulesError(f"{where}.title must be text")
    aliases = spec.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise RulesError(f"{where}.aliases must be a list of non-empty texts")
    if "versions" not in spec:
        # Written before versions existed: one version in force at every date.
        version = _version({**spec, "effective_from": None}, where, legacy=True)
        return Section(code, title, tuple(aliases), (version,))
    raw_versions = spec["versions"]
    if not isinstance(raw_versions, list) or not raw_versions:
        raise RulesError(f"{where}.versions must be a non-empty list")
    versions: list[Version] = []
    for i, raw in enumerate(raw_versions):
        vwhere = f"{where}.versions[{i}]"
        version = _version(_obj(raw, vwhere), vwhere, legacy=False)
        if versions and (
            versions[-1].effective_from is None
            or version.effective_from is None
            or version.effective_from <= versions[-1].effective_from
        ):
            raise RulesError(
                f"{vwhere}.effective_from must come after the version before it "
                "(versions are listed oldest first)"
            )
        versions.append(version)
    return Section(code, title, tuple(aliases), tuple(versions))


def _version(spec: dict[str, Any], where: str, *, legacy: bool) -> Version:
    limits = {key: _limit(spec, key, where) for key in LIMIT_KEYS}
    for kind in ("imprisonment_months", "fine_pkr"):
        low, high = limits[f"min_{kind}"], limits[f"max_{kind}"]
        if low is not None and high is not None and low > high:
            raise RulesError(f"{where}.min_{kind} ({low}) is above max_{kind} ({high})")
    try:
        penalty = Penalty(spec.get("penalty", Penalty.IMPRISONMENT_OR_FINE.value))
    except ValueError:
        known = ", ".join(p.value for p in Penalty)
        raise RulesError(f"{where}.penalty must be one of {known}") from None
    raw_conditions = spec.get("conditions", [])
    if not isinstance(raw_conditions, list):
        raise RulesError(f"{where}.conditions must be a list")
    conditions: list[Condition] = []
    for c in raw_conditions:
        try:
            conditions.append(Condition(c))
        except ValueError:
            known = ", ".join(x.value for x in Condition)
            raise RulesError(f"{where}.conditions: {c!r} is not one of {known}") from None
    source = spec.get("source", "")
    if not isinstance(source, str):
        raise RulesError(f"{where}.source must be text")
    return Version(
        None if legacy else _date(spec.get("effective_from"), f"{where}.effective_from"),
        limits["min_imprisonment_months"],
        limits["max_imprisonment_months"],
        limits["min_fine_pkr"],
        limits["max_fine_pkr"],
        penalty,
        tuple(conditions),
        source,
    )


def _date(value: Any, where: str) -> dt.date:
    if value == PENDING:
        raise RulesError(
            f"{where} is {PENDING!r}: the amendment's commencement date is not confirmed; "
            "HQ sets it when installing the file (tipdesk reference install FOLDER "
            "--effective-from YYYY-MM-DD), or writes the date in its place"
        )
    if not isinstance(value, str):
        raise RulesError(f"{where} must be a date written YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise RulesError(f"{where} must be a date written YYYY-MM-DD, not {value!r}") from None


def _limit(spec: dict[str, Any], key: str, where: str) -> int | None:
    value = spec.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RulesError(f"{where}.{key} must be a whole number of 0 or more, or null")
    return value


def _obj(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise RulesError(f"{where} must be an object")
    return value


def _text(obj: dict[str, Any], key: str, where: str) -> str:
    value = obj.get(key)
    if not isinstance(value, str) or not value.strip():
        raise RulesError(f"{where}.{key} must be a non-empty string")
    return value


# --- amendments waiting for their commencement date ------------------------------------------


def pending_versions(data: Mapping[str, Any]) -> list[str]:
    """Paths of the versions in a rules document whose ``effective_from`` is :data:`PENDING`
    (``laws.tip_act_2018.sections.3(1).versions[1]``). Tolerates any shape (a malformed
    document is reported by :func:`parse_rules`)."""
    found: list[str] = []
    laws = data.get("laws")
    if not isinstance(laws, dict):
        return found
    for code, law in laws.items():
        sections = law.get("sections") if isinstance(law, dict) else None
        if not isinstance(sections, dict):
            continue
        for sec, spec in sections.items():
            versions = spec.get("versions") if isinstance(spec, dict) else None
            if not isinstance(versions, list):
                continue
            for i, version in enumerate(versions):
                if isinstance(version, dict) and version.get("effective_from") == PENDING:
                    found.append(f"laws.{code}.sections.{sec}.versions[{i}]")
    return found


def set_commencement(data: Mapping[str, Any], day: dt.date) -> dict[str, Any]:
    """A copy of ``data`` with every :data:`PENDING` ``effective_from`` set to ``day``."""
    out: dict[str, Any] = copy.deepcopy(dict(data))
    for law in out.get("laws", {}).values():
        if not isinstance(law, dict) or not isinstance(law.get("sections"), dict):
            continue
        for spec in law["sections"].values():
            for version in spec.get("versions", []) if isinstance(spec, dict) else []:
                if isinstance(version, dict) and version.get("effective_from") == PENDING:
                    version["effective_from"] = day.isoformat()
    return out
