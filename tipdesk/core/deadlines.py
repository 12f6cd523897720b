"""The diary's deadline rules: when an investigation, a challan or a referral's follow-up is due.

The rules are data HQ sets (``resources/rules/deadlines.json``, installable with ``tipdesk
reference install`` like the other reference files); this module reads their shape and does
no I/O. Due dates are derived from the records and these rules every time they are shown,
never stored (``docs/diary.md``).

Document shape::

    {"case_deadlines": [{"code", "title", "from", "days", "stages"}],
     "referral_follow_ups": [{"code", "title", "service", "after", "days"}]}

- A *case deadline* is due ``days`` after its anchor while the case's stage is one of
  ``stages``. ``from`` is ``registration`` (the case's ``registered_on``: one deadline per
  case) or ``arrest`` (one per accused not yet proceeded against, from the accused's arrest:
  the date of the accused's first remand hearing in the diary, as an arrested person is
  produced before a magistrate within 24 hours, CrPC s.167).
- A *referral follow-up* applies to referrals to ``service``: ``after: referral`` is due
  ``days`` after the referral while its outcome is pending; ``after: outcome`` is due ``days``
  after the outcome date once the service was provided (a shelter review).
- ``code`` names the rule (unique across both lists; ``hearing`` is taken): an officer's
  "done" mark is kept per rule and record, so a code must never be reused for another rule.
- Keys starting with ``_`` are comments, at the top level and inside a rule.

Contract: :func:`parse_rules` returns :class:`DiaryRules` or raises :class:`RulesError` naming
the first problem (its place in the document and what is wrong); it never trusts its input.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from tipdesk.core.codes import Stage

ANCHORS = ("registration", "arrest")
AFTER = ("referral", "outcome")
MAX_DAYS = 3650
MAX_TITLE = 200
RESERVED_CODES = frozenset({"hearing"})


class RulesError(ValueError):
    """The deadline document is not of the documented shape; the message says where."""


@dataclass(frozen=True, slots=True)
class CaseDeadline:
    """A case's deadline: ``days`` after the anchor, while the stage is one of ``stages``."""

    code: str
    title: str
    anchor: str
    """``registration`` or ``arrest`` (see the module docstring)."""
    days: int
    stages: frozenset[str]


@dataclass(frozen=True, slots=True)
class FollowUp:
    """A referral's follow-up: ``days`` after the referral (outcome pending) or after the
    outcome (service provided)."""

    code: str
    title: str
    service: str
    after: str
    """``referral`` or ``outcome``."""
    days: int


@dataclass(frozen=True, slots=True)
class DiaryRules:
    """Every deadline rule in force (empty when the reference set has none)."""

    case_deadlines: tuple[CaseDeadline, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()
    titles: dict[str, str] = field(default_factory=dict)
    """Rule code -> title, for every rule."""

    @property
    def rules(self) -> tuple[CaseDeadline | FollowUp, ...]:
        """Every rule: the case deadlines, then the follow-ups."""
        both: tuple[CaseDeadline | FollowUp, ...] = (*self.case_deadlines, *self.follow_ups)
        return both

    def rule(self, code: str) -> CaseDeadline | FollowUp | None:
        return next((r for r in self.rules if r.code == code), None)


def _text(item: Mapping[str, Any], key: str, where: str, most: int = 64) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise RulesError(f"{where}.{key} must be a non-empty string")
    if len(value) > most:
        raise RulesError(f"{where}.{key} is longer than {most} characters")
    return value.strip()


def _days(item: Mapping[str, Any], where: str) -> int:
    value = item.get("days")
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_DAYS:
        raise RulesError(f"{where}.days must be a whole number from 0 to {MAX_DAYS}")
    return value


def _choice(item: Mapping[str, Any], key: str, allowed: tuple[str, ...], where: str) -> str:
    value = item.get(key)
    if value not in allowed:
        raise RulesError(f"{where}.{key} must be one of: {', '.join(allowed)}")
    return str(value)


def _items(doc: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
    raw = doc.get(key, [])
    if not isinstance(raw, list):
        raise RulesError(f"{key} must be a list")
    out: list[dict[str, Any]] = []
    for i, item in enumerate(raw):
        if not isinstance(item, dict):
            raise RulesError(f"{key}[{i}] must be an object")
        out.append({k: v for k, v in item.items() if not str(k).startswith("_")})
    return out


def _unknown(item: Mapping[str, Any], known: set[str], where: str) -> None:
    extra = sorted(set(item) - known)
    if extra:
        raise RulesError(f"{where} has unknown keys: {', '.join(extra)}")


def parse_rules(doc: Mapping[str, Any], *, services: Collection[str]) -> DiaryRules:
    """The rules of a deadline document; ``services`` are the referral service codes of the
    reference set (a follow-up for an unknown service is refused)."""
    top = {k for k in doc if not str(k).startswith("_")}
    _unknown(dict.fromkeys(top), {"case_deadlines", "referral_follow_ups"}, "the document")
    seen: set[str] = set(RESERVED_CODES)
    stages = {s.value for s in Stage}
    deadlines: list[CaseDeadline] = []
    for i, item in enumerate(_items(doc, "case_deadlines")):
        where = f"case_deadlines[{i}]"
        _unknown(item, {"code", "title", "from", "days", "stages"}, where)
        code = _code(item, where, seen)
        raw_stages = item.get("stages")
        if (
            not isinstance(raw_stages, list)
            or not raw_stages
            or not all(isinstance(s, str) and s in stages for s in raw_stages)
        ):
            raise RulesError(
                f"{where}.stages must be a non-empty list of stages ({', '.join(sorted(stages))})"
            )
        deadlines.append(
            CaseDeadline(
                code=code,
                title=_text(item, "title", where, MAX_TITLE),
                anchor=_choice(item, "from", ANCHORS, where),
                days=_days(item, where),
                stages=frozenset(raw_stages),
            )
        )
    follow_ups: list[FollowUp] = []
    for i, item in enumerate(_items(doc, "referral_follow_ups")):
        where = f"referral_follow_ups[{i}]"
        _unknown(item, {"code", "title", "service", "after", "days"}, where)
        code = _code(item, where, seen)
        service = _text(item, "service", where)
        if service not in services:
            raise RulesError(f"{where}.service {service!r} is not a referral service code")
        follow_ups.append(
            FollowUp(
                code=code,
                title=_text(item, "title", where, MAX_TITLE),
                service=service,
                after=_choice(item, "after", AFTER, where),
                days=_days(item, where),
            )
        )
    titles = {r.code: r.title for r in deadlines} | {r.code: r.title for r in follow_ups}
    return DiaryRules(tuple(deadlines), tuple(follow_ups), titles)


def _code(item: Mapping[str, Any], where: str, seen: set[str]) -> str:
    code = _text(item, "code", where)
    if not code.replace("_", "").isalnum() or not code.isascii():
        raise RulesError(f"{where}.code must be letters, digits and underscores")
    if code in seen:
        raise RulesError(f"{where}.code {code!r} is used twice (or is reserved)")
    seen.add(code)
    return code
