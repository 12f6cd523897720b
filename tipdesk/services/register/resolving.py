"""Values a register writes as offices say them, resolved from their row, and what a
supervisor should know about the rows imported.

Contract: no I/O, no store. :class:`Departments` reads a department cell with the row's
district: the department's name or code, or a name offices use without the province ("Social
Welfare Department"), which is the department of the district's province
(:meth:`tipdesk.core.reference.Reference.department`); every such reading is kept as a
:class:`~.model.Resolution` for the plan to list. :func:`unknown_victims_note` is the plan's
one note about victims imported without a known gender or age.
"""

from __future__ import annotations

from collections.abc import Iterable

from tipdesk.core.codes import Gender
from tipdesk.core.messages import Message, say
from tipdesk.core.records import Record, Victim
from tipdesk.core.reference import Reference
from tipdesk.services.register.matching import tree
from tipdesk.services.register.model import WARNING, Resolution, RowProblem
from tipdesk.services.register.values import Cells


class Departments:
    """The department cells of one import, and the resolutions they needed."""

    def __init__(self, cells: Cells, reference: Reference) -> None:
        self.cells = cells
        self.reference = reference
        self.resolutions: dict[tuple[str, str, str], Resolution] = {}

    def read(self, raw: object, district: object) -> tuple[str | None, str, Message | str]:
        """``(code, error, warning)`` for a department cell of a row of ``district``: the
        code (``None`` with the error when it cannot be resolved), and a warning when the
        department read lies in another province than the district's."""
        ref = self.reference
        found = self.cells.department(raw, district)
        if found.code is None:
            return None, found.problem, ""
        if not found.by_alias:
            return found.code, "", ""
        province = ref.provinces.get(found.province)
        written = " ".join(str(raw).split())
        key = (written.casefold(), found.province, found.code)
        entry = self.resolutions.get(key)
        if entry is None:
            entry = self.resolutions[key] = Resolution(
                "department",
                written,
                province.name if province else found.province,
                found.code,
                ref.label("departments", found.code),
            )
        entry.rows += 1
        if not found.other_province:
            return found.code, "", ""
        where = ref.districts[str(district)]
        return (
            found.code,
            "",
            say(
                "taken as {department}, a department of {province}, though {district} is in "
                "{district_province}; a supervisor should check it",
                department=entry.name,
                province=entry.province,
                district=where.name,
                district_province=ref.provinces[where.province].name,
            ),
        )


def unknown_victims_note(
    records: Iterable[Record], codes: set[str], sheet: str
) -> RowProblem | None:
    """The note for the victims of ``records`` whose codes are in ``codes`` (the file's) and
    whose gender or age is not known: they are real and count (as unknown in every figure
    split by them), so they are never an error; the note says so, and where a supervisor
    finds them (Data quality). ``None`` when there are none."""
    gender = age = 0
    for record in records:
        for r in tree(record):
            if isinstance(r, Victim) and not r.deleted and r.victim_code in codes:
                gender += r.gender is Gender.UNKNOWN
                age += r.age is None and r.date_of_birth is None
    if not gender and not age:
        return None
    parts: list[Message] = []
    if gender:
        parts.append(
            say("{n:,} victims' gender", n=gender) if gender != 1 else say("1 victim's gender")
        )
    if age:
        parts.append(say("{n:,} victims' age", n=age) if age != 1 else say("1 victim's age"))
    what = parts[0] if len(parts) == 1 else say("{first} and {then}", first=parts[0], then=parts[1])
    return RowProblem.of(
        sheet,
        None,
        "",
        "",
        say(
            "{what} not known: imported all the same, counted as unknown in every figure split "
            "by gender or age, and listed in Data quality",
            what=what,
        ),
        "victim.unknown",
        WARNING,
    )
