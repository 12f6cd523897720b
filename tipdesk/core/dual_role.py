"""The non-criminalisation safeguard: which accused of a case look like one of its victims.

Contract: pure functions, no I/O. Two people match on the same CNIC (the stronger sign), or,
when either has no valid CNIC, on the same name with fathers' names equal or missing on
either side; two different valid CNICs are two people, whatever their names. Names compare
with runs of spaces collapsed and case folded. Messages never repeat the names or CNICs that
matched.

A match never refuses a record (recording is never blocked): it is kept on the accused
(``Accused.dual_role_matches``, entries ``<victim id>:cnic`` or ``<victim id>:name``) and goes
to a supervisor's review queue. A supervisor's review copies the matches it covers to
``Accused.dual_role_reviewed``. A match is **open** until a review covers it: a review of the
same victim on the same sign, or on the CNIC (which covers a later name match of the same
victim; a name review does not cover a CNIC match found later: the stronger sign is looked at
again). An accused with an open match cannot be marked proceeded against or convicted
(:func:`marking_problems`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from tipdesk.core.cnic import normalise_cnic
from tipdesk.core.codes import Outcome
from tipdesk.core.errors import Problem, Severity
from tipdesk.core.folding import fold
from tipdesk.core.messages import Message, say
from tipdesk.core.records import Accused, Case, Victim

Person = tuple[str | None, str, str]
"""What the check compares: CNIC digits, name key, father's name key."""

PersonKey = Callable[[Accused | Victim], Person]
"""How to get a person's :data:`Person`: :func:`person` on plaintext, or keyed hashes of the
same normalised values (the store's, for users who cannot read victims' identities): the
check only compares them for equality, so either gives the same answers."""

CNIC = "cnic"
NAME = "name"
DECISIONS = ("different", "same", "reviewed")
"""A review's decision: two different people; the same person (a victim also accused, and a
supervisor reviewed proceeding against them); reviewed without a stated decision (the case
editor's "Reviewed" box, or a review given before the queue existed)."""


def name_key(text: str) -> str:
    """A name as the check compares it: folded (:func:`tipdesk.core.folding.fold`: case,
    diacritics and Urdu variant letters), runs of spaces made one. The store's keyed hashes
    are made of the same key."""
    return " ".join(fold(text).split())


def person(p: Accused | Victim) -> Person:
    return normalise_cnic(p.cnic), name_key(p.name), name_key(p.father_name)


def same_person(a: Person, v: Person) -> str | None:
    """Why ``a`` and ``v`` look like the same person ("same CNIC", "same name"), or ``None``."""
    a_cnic, a_name, a_father = a
    v_cnic, v_name, v_father = v
    if a_cnic and a_cnic == v_cnic:
        return "same CNIC"
    if a_cnic and v_cnic:
        return None  # two different valid CNICs: two people, whatever their names
    if not a_name or a_name != v_name:
        return None
    if a_father and v_father and a_father != v_father:
        return None
    return "same name and father's name" if a_father and v_father else "same name"


def sign(a: Person, v: Person) -> str | None:
    """:data:`CNIC`, :data:`NAME` or ``None``: the sign on which ``a`` and ``v`` match."""
    why = same_person(a, v)
    if why is None:
        return None
    return CNIC if why == "same CNIC" else NAME


def entry(victim_id: str, found: str) -> str:
    return f"{victim_id}:{found}"


def parse(text: str) -> tuple[str, str]:
    """``(victim id, sign)`` of an entry (a malformed one gives a sign of its own)."""
    victim_id, _, found = text.rpartition(":")
    return victim_id, found


def covered(match: str, reviewed: Iterable[str]) -> bool:
    """Whether a review covers ``match`` (see the module contract)."""
    victim_id, found = parse(match)
    for text in reviewed:
        other, other_sign = parse(text)
        if other == victim_id and other_sign in (found, CNIC):
            return True
    return False


def open_matches(accused: Accused) -> list[str]:
    """The accused's stored matches that no review covers."""
    return [m for m in accused.dual_role_matches if not covered(m, accused.dual_role_reviewed)]


class Pair(NamedTuple):
    """A match of an accused: the victim's position among the case's live victims, the
    victim, the sign (:data:`CNIC` or :data:`NAME`) and why, in words, when it was just
    compared (a stored match says only its sign)."""

    position: int
    victim: Victim
    sign: str
    why: str = ""


def case_pairs(case: Case, key: PersonKey | None = None) -> dict[int, list[Pair]]:
    """For each live accused of ``case`` (its position), the live victims it matches."""
    of = key or person
    people = [(j, v, of(v)) for j, v in enumerate(v for v in case.victims if not v.deleted)]
    found: dict[int, list[Pair]] = {}
    if not people:
        return found
    for i, a in enumerate(case.accused):
        if a.deleted:
            continue
        mine = of(a)
        hits = [
            Pair(j, v, CNIC if why == "same CNIC" else NAME, why)
            for j, v, p in people
            if (why := same_person(mine, p)) is not None
        ]
        if hits:
            found[i] = hits
    return found


def case_matches(case: Case, key: PersonKey | None = None) -> dict[int, list[str]]:
    """:func:`case_pairs` as entries (a victim not saved yet has an empty id)."""
    return {
        i: [entry(p.victim.id, p.sign) for p in pairs] for i, pairs in case_pairs(case, key).items()
    }


def victim_words(pairs: Sequence[Pair], detail: bool) -> Message:
    """The victims of ``pairs`` as a message names them: by position and sign for users who
    may see identities, by code only for the others (never the field that matched: the notice
    must not tell someone guessing a CNIC or a name which guess was right). A translatable
    message (:mod:`tipdesk.core.messages`); ``str()`` is the English."""
    words: list[Message] = []
    for j, victim, found, why in pairs:
        if not detail:
            words.append(say("victim {code}", code=victim.victim_code or j + 1))
        elif found == CNIC:
            words.append(say("victim {n} (same CNIC, a strong sign)", n=j + 1))
        elif why == "same name and father's name":
            words.append(say("victim {n} (same name and father's name)", n=j + 1))
        else:
            words.append(say("victim {n} (same name)", n=j + 1))
    if not words:
        return say("a victim")
    joined = words[0]
    for word in words[1:]:
        joined = say("{first} and {then}", first=joined, then=word)
    return joined


def warnings(case: Case, *, detail: bool = True, key: PersonKey | None = None) -> list[Problem]:
    """A ``dual_role`` warning on each live accused matching a live victim of ``case`` in a
    way no review covers: recorded all the same, and listed for a supervisor's review."""
    found: list[Problem] = []
    for i, pairs in case_pairs(case, key).items():
        reviewed = case.accused[i].dual_role_reviewed
        still_open = [
            p for p in pairs if not (p.victim.id and covered(entry(p.victim.id, p.sign), reviewed))
        ]
        if not still_open:
            continue
        victims = victim_words(still_open, detail)
        if detail:
            message = say(
                "this accused appears to be the same person as {victims} of this case; a "
                "victim must not be treated as an offender (non-criminalisation): a supervisor "
                "reviews it in the review queue, and until then the accused cannot be marked "
                "proceeded against or convicted",
                victims=victims,
            )
        else:
            message = say(
                "this accused may be the same person as {victims} of this case; a victim must "
                "not be treated as an offender (non-criminalisation): a supervisor reviews it "
                "in the review queue, and until then the accused cannot be marked proceeded "
                "against or convicted",
                victims=victims,
            )
        found.append(Problem.of(f"accused[{i}]", "dual_role", message, Severity.WARNING))
    return found


def marks(accused: Accused, old: Accused | None) -> list[str]:
    """The fields of ``accused`` that mark it proceeded against or convicted in this save
    (against its stored version ``old``; a new accused marks whatever it holds)."""
    out = []
    if accused.proceeded_on is not None and (old is None or old.proceeded_on is None):
        out.append("proceeded_on")
    if accused.outcome is Outcome.CONVICTED and (
        old is None or old.outcome is not Outcome.CONVICTED
    ):
        out.append("outcome")
    return out


def open_pairs(case: Case, accused: Accused) -> list[Pair]:
    """The accused's open stored matches (:func:`open_matches`) as pairs with the case's live
    victims (matches of victims no longer in the case are left out)."""
    still_open = set(open_matches(accused))
    if not still_open:
        return []
    live = [v for v in case.victims if not v.deleted]
    return [
        Pair(j, v, found)
        for j, v in enumerate(live)
        for found in (CNIC, NAME)
        if entry(v.id, found) in still_open
    ]


def marking_problems(case: Case, old: Case | None, *, detail: bool = True) -> list[Problem]:
    """An error on each live accused of ``case`` whose stored matches (``dual_role_matches``,
    set before this is called) are open and that this save marks proceeded against or
    convicted: a supervisor must review the overlap first."""
    before = {a.id: a for a in (old.accused if old is not None else []) if a.id}
    found: list[Problem] = []
    for i, a in enumerate(case.accused):
        if a.deleted:
            continue
        pairs = open_pairs(case, a)
        if not pairs:
            continue
        for name in marks(a, before.get(a.id)):
            what = (
                say("proceeded against (challan)") if name == "proceeded_on" else say("convicted")
            )
            victims = victim_words(pairs, detail)
            if detail:
                message = say(
                    "this accused appears to be the same person as {victims} of this case, and "
                    "no supervisor has reviewed it yet: the accused cannot be marked {what} "
                    "until a supervisor reviews the overlap (review queue). Save without it "
                    "for now",
                    victims=victims,
                    what=what,
                )
            else:
                message = say(
                    "this accused may be the same person as {victims} of this case, and no "
                    "supervisor has reviewed it yet: the accused cannot be marked {what} until "
                    "a supervisor reviews the overlap (review queue). Save without it for now",
                    victims=victims,
                    what=what,
                )
            found.append(Problem.of(f"accused[{i}].{name}", "dual_role", message))
    return found


__all__ = [
    "CNIC",
    "DECISIONS",
    "NAME",
    "Pair",
    "Person",
    "PersonKey",
    "case_matches",
    "case_pairs",
    "covered",
    "entry",
    "marking_problems",
    "marks",
    "open_matches",
    "open_pairs",
    "parse",
    "person",
    "same_person",
    "sign",
    "victim_words",
    "warnings",
]
