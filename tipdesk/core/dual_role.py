"""The non-criminalisation safeguard: which accused of a case look like one of its victims.

Contract: pure functions, no I/O. Two people match on the same CNIC, or, when either has no
valid CNIC, on the same name with fathers' names equal or missing on either side; two
different valid CNICs are two people, whatever their names. Names compare with runs of spaces
collapsed and case folded. Messages never repeat the names or CNICs that matched.

A supervisor's review (``Case.dual_role_reviewed_by``) covers the overlaps the case held when
it was given: :func:`added` tells an overlap added later (a new accused, a CNIC corrected to
match) from one the review already covered, by the records' ids.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tipdesk.core.cnic import normalise_cnic
from tipdesk.core.errors import Problem
from tipdesk.core.folding import fold
from tipdesk.core.records import Accused, Case, Victim

Person = tuple[str | None, str, str]
"""What the check compares: CNIC digits, name key, father's name key."""

Pair = tuple[str, str]
"""An overlap: (accused id, victim id)."""

PersonKey = Callable[[Accused | Victim], Person]
"""How to get a person's :data:`Person`: :func:`person` on plaintext, or keyed hashes of the
same normalised values (the store's, for users who cannot read victims' identities): the
check only compares them for equality, so either gives the same answers."""


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


def problems(
    accused: Sequence[tuple[int, Accused]],
    victims: Sequence[tuple[int, Victim]],
    *,
    detail: bool = True,
    key: PersonKey | None = None,
) -> list[Problem]:
    """A ``dual_role`` problem on each accused (``(index, accused)``, live ones) that matches a
    live victim of the same case, naming the victims and why they match.

    With ``detail=False`` (for users who may not see victims' identities) the message names
    each victim by its code only and never says which field matched: the notice must not tell
    someone guessing a CNIC or a name which guess was right."""
    found: list[Problem] = []
    if not accused or not victims:
        return found
    # Each person's keys once, not once per accused-victim pair.
    of = key or person
    people = [(j, v, of(v)) for j, v in victims]
    for i, a in accused:
        mine = of(a)
        matches = [
            (f"victim {j + 1} ({why})" if detail else f"victim {v.victim_code or j + 1}")
            for j, v, p in people
            if (why := same_person(mine, p)) is not None
        ]
        if matches:
            verb = "appears to be" if detail else "may be"
            found.append(
                Problem(
                    f"accused[{i}]",
                    "dual_role",
                    f"this accused {verb} the same person as {' and '.join(matches)} of "
                    "this case; a victim must not also be an accused (non-criminalisation) "
                    "unless a supervisor has reviewed it",
                )
            )
    return found


def _matches(case: Case, of: PersonKey) -> list[tuple[int, Accused, list[str]]]:
    """Each live accused of ``case`` (position, accused) with the ids of the live victims it
    matches."""
    people = [(v.id, of(v)) for v in case.victims if not v.deleted]
    found: list[tuple[int, Accused, list[str]]] = []
    for i, a in enumerate(case.accused):
        if not a.deleted:
            mine = of(a)
            found.append((i, a, [vid for vid, v in people if same_person(mine, v) is not None]))
    return found


def added(case: Case, old: Case | None, key: PersonKey | None = None) -> list[int]:
    """Positions in ``case.accused`` of the live accused matching a victim of ``case`` in a way
    ``old`` (the stored case) did not: new records, or names or CNICs changed to match."""
    of = key or person
    before: set[Pair] = set()
    if old is not None:
        # Stored records only: a record without an id was never reviewed.
        before = {(a.id, vid) for _, a, vids in _matches(old, of) for vid in vids if a.id and vid}
    return [
        i for i, a, vids in _matches(case, of) if any((a.id, vid) not in before for vid in vids)
    ]
