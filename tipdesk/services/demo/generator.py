"""Demo data generation: :func:`generate` and the records it returns (:class:`DemoData`).

A run is one :class:`_Generator`, which puts together the shared core
(:mod:`~tipdesk.services.demo.base`), the case/victim part
(:mod:`~tipdesk.services.demo.cases`) and the training/campaign part
(:mod:`~tipdesk.services.demo.activities`), all drawing on one ``random.Random(seed)``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from tipdesk.core.records import Campaign, Case, Record, Training
from tipdesk.core.reference import Reference
from tipdesk.services.demo.activities import _ActivityGenerator
from tipdesk.services.demo.cases import _CaseGenerator


@dataclass(slots=True)
class DemoData:
    """Generated records, not yet saved."""

    cases: list[Case] = field(default_factory=list)
    trainings: list[Training] = field(default_factory=list)
    campaigns: list[Campaign] = field(default_factory=list)

    def records(self) -> list[Record]:
        """Every top-level record, in saving order (cases oldest first)."""
        return [*self.cases, *self.trainings, *self.campaigns]

    def counts(self) -> dict[str, int]:
        """Number of records of each kind, children included."""
        victims = [v for c in self.cases for v in c.victims]
        return {
            "case": len(self.cases),
            "accused": sum(len(c.accused) for c in self.cases),
            "victim": len(victims),
            "referral": sum(len(v.referrals) for v in victims),
            "training": len(self.trainings),
            "campaign": len(self.campaigns),
        }


class _Generator(_CaseGenerator, _ActivityGenerator):
    """One generation run: the random source, the place, and what has been used already."""


def generate(
    reference: Reference,
    *,
    seed: int,
    cases: int,
    district: str,
    offices: Sequence[str],
    today: dt.date,
    years: int = 3,
) -> DemoData:
    """Generate ``cases`` cases (with accused, victims and referrals), ``cases // 4`` trainings
    and ``cases // 2`` campaigns (at least 3 and 5) in ``district`` (code or name), spread over
    the ``years`` years up to ``today``. Cases belong to ``offices`` (office codes).

    Raises ``ValueError`` for an unknown district, no offices, or negative counts.
    """
    found = reference.district(district)
    if found is None:
        raise ValueError(f"{district!r} is not a district of the reference data")
    if not offices:
        raise ValueError("at least one office is needed")
    if cases < 0 or years < 1:
        raise ValueError("cases must be 0 or more and years at least 1")
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not a secret
    gen = _Generator(reference, rng, found, list(offices), today, years)
    return DemoData(
        cases=gen.cases(cases),
        trainings=gen.trainings(max(3, cases // 4)),
        campaigns=gen.campaigns(max(5, cases // 2)),
    )
