"""The core of a demo generation run, shared by the case and the activity parts.

:class:`_GeneratorBase` holds the random source, the place and what has been used already
(CNICs, case and victim numbers), with the small helpers every part uses (weighted picks,
dates in the window, amounts) and the people helpers (CNICs, names, fathers' names,
investigating officers). :func:`_cumulative` and :func:`_years_before` are its helpers.
"""

from __future__ import annotations

import datetime as dt
import random
import zlib
from collections.abc import Sequence
from typing import TypeVar

from tipdesk.core.codes import Gender, OfficeKind
from tipdesk.core.reference import District, Reference, SentenceLimit
from tipdesk.services.demo.tables import (
    _PROVINCE_DIGIT,
    ACCUSED_WEIGHTS,
    BLOCKED_NAMES,
    DEFAULT_LAW,
    FAMILY_NAMES,
    FEMALE_NAMES,
    FEMALE_SURNAMES,
    MALE_NAMES,
    REFERRAL_WEIGHTS,
    SCENARIOS,
    TRANSGENDER_NAMES,
    VICTIM_WEIGHTS,
    _Scenario,
)

T = TypeVar("T")


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _cumulative(weights: Sequence[float]) -> list[float]:
    total = 0.0
    out: list[float] = []
    for w in weights:
        total += w
        out.append(total)
    return out


class _GeneratorBase:
    """One generation run: the random source, the place, and what has been used already."""

    def __init__(
        self,
        ref: Reference,
        rng: random.Random,
        district: District,
        offices: list[str],
        today: dt.date,
        years: int,
    ) -> None:
        self.ref = ref
        self.rng = rng
        self.district = district
        self.district_name = district.name
        self.offices = offices
        self.today = today
        self.start = _years_before(today, years)
        self.span = (today - self.start).days
        self.province = district.province
        self.law = DEFAULT_LAW if DEFAULT_LAW in ref.laws() else ref.laws()[0]
        limit = ref.sentence_limit(self.law)
        if limit is None:  # pragma: no cover - laws() only lists known laws
            raise ValueError(f"no sentencing rules for {self.law}")
        self.limit: SentenceLimit = limit
        self.families = FAMILY_NAMES.get(self.province, FAMILY_NAMES["PB"])
        self.all_families = tuple(n for names in FAMILY_NAMES.values() for n in names)
        self.used_cnics: set[str] = set()
        self.case_numbers: dict[tuple[str, str, int], int] = {}
        self.victim_numbers: dict[int, int] = {}
        self.scenarios = [s for s in SCENARIOS if self._usable(s)] or list(SCENARIOS[:1])
        self.scenario_cum = _cumulative([s.weight for s in self.scenarios])
        self.accused_cum = _cumulative(ACCUSED_WEIGHTS)
        self.victim_cum = _cumulative(VICTIM_WEIGHTS)
        self.referral_cum = _cumulative(REFERRAL_WEIGHTS)
        self.roles = [r for r in ref.items("accused_roles") if r != "official"]
        self.services = list(ref.items("referral_services"))
        self.measures = list(ref.items("protection_measures"))
        self.cnic_prefixes = self._cnic_prefixes()
        self.office_kinds = {
            code: (ref.offices[code].kind if code in ref.offices else OfficeKind.OTHER.value)
            for code in offices
        }

    # --- small helpers ---------------------------------------------------------------------
    def _usable(self, s: _Scenario) -> bool:
        return all(self.ref.has("exploitation_forms", f) for f in s.forms)

    def pick(self, items: Sequence[T], cum: Sequence[float]) -> T:
        return self.rng.choices(items, cum_weights=cum)[0]

    def some(self, items: Sequence[T], low: int, high: int) -> list[T]:
        """Between ``low`` and ``high`` distinct items, in the order of ``items``."""
        k = min(len(items), self.rng.randint(low, high))
        chosen = set(self.rng.sample(range(len(items)), k))
        return [item for i, item in enumerate(items) if i in chosen]

    def codes(self, list_name: str, wanted: Sequence[str]) -> list[str]:
        """``wanted`` codes that exist in the reference list."""
        return [c for c in wanted if self.ref.has(list_name, c)]

    def date_in_window(self) -> dt.date:
        # Slightly more recent cases than old ones: reporting grows over time.
        u = self.rng.random()
        if self.rng.random() < 0.35:
            u = max(u, self.rng.random())
        return self.start + dt.timedelta(days=int(u * self.span))

    def after(self, day: dt.date, low: int, high: int) -> dt.date:
        """A date ``low``..``high`` days after ``day``, never after today."""
        room = (self.today - day).days
        if room <= low:
            return min(day + dt.timedelta(days=max(room, 0)), self.today)
        return day + dt.timedelta(days=self.rng.randint(low, min(high, room)))

    def amount(self, low: int, high: int) -> str:
        value = self.rng.randint(low, high)
        step = 10_000 if value < 200_000 else 50_000
        return f"{max(step, round(value / step) * step):,}"

    # --- people ----------------------------------------------------------------------------
    def _cnic_prefixes(self) -> list[str]:
        """Four-digit CNIC prefixes of the districts of this province, this district first."""
        digit = _PROVINCE_DIGIT.get(self.province, "3")
        out: list[str] = []
        for i, d in enumerate(self.ref.districts_of(self.province), start=1):
            division = zlib.crc32(d.code.encode()) % 9 + 1
            prefix = f"{digit}{division}{i % 100:02d}"
            if d.code == self.district.code:
                out.insert(0, prefix)
            else:
                out.append(prefix)
        return out or [f"{digit}520"]

    def cnic(self, gender: Gender) -> str:
        prefixes = self.cnic_prefixes
        while True:
            home = prefixes[0] if self.rng.random() < 0.8 else self.rng.choice(prefixes)
            last = self.rng.randrange(0, 10, 2) if gender == Gender.FEMALE else None
            if gender == Gender.MALE:
                last = self.rng.randrange(1, 10, 2)
            if last is None:
                last = self.rng.randint(0, 9)
            number = f"{home}{self.rng.randint(1, 4)}{self.rng.randint(0, 9_999_999):07d}{last}"
            if number not in self.used_cnics:
                self.used_cnics.add(number)
                return number

    def family(self) -> str:
        return self.rng.choice(self.families if self.rng.random() < 0.85 else self.all_families)

    def name(self, gender: Gender, family: str, taken: set[str]) -> str:
        """A new full name for ``gender``, not in ``taken`` (lower case) and not blocked."""
        for _ in range(50):
            if gender == Gender.MALE:
                name = f"{self.rng.choice(MALE_NAMES)} {family}"
            elif gender == Gender.TRANSGENDER:
                name = self.rng.choice(TRANSGENDER_NAMES)
                if self.rng.random() < 0.5:
                    name = f"{name} {self.rng.choice(FEMALE_SURNAMES)}"
            else:
                surname = family if self.rng.random() < 0.45 else self.rng.choice(FEMALE_SURNAMES)
                name = f"{self.rng.choice(FEMALE_NAMES)} {surname}"
            key = name.casefold()
            if key not in taken and key not in BLOCKED_NAMES:
                taken.add(key)
                return name
            family = self.family()
        raise RuntimeError("could not compose a new name")  # pragma: no cover

    def father(self, family: str, child: str) -> str:
        """A father's name in ``family``, different from the ``child``'s own name."""
        for _ in range(50):
            name = f"{self.rng.choice(MALE_NAMES)} {family}"
            if name.casefold() not in BLOCKED_NAMES and name != child:
                return name
        return f"Ghulam Rasool {family}"  # pragma: no cover

    def officer(self, office: str) -> str:
        fia = self.office_kinds.get(office) == OfficeKind.FIA_CIRCLE.value
        ranks = (
            ("Inspector", "Sub-Inspector", "Assistant Director", "Deputy Director")
            if fia
            else ("Sub-Inspector", "Inspector", "Assistant Sub-Inspector", "DSP")
        )
        gender = Gender.FEMALE if self.rng.random() < 0.12 else Gender.MALE
        return f"{self.rng.choice(ranks)} {self.name(gender, self.family(), set())}"
