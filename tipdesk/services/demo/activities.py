"""Trainings and awareness campaigns for the demo data generator.

:class:`_ActivityGenerator` is the training/campaign part of a generation run: trainings with
their organiser, participants by gender and agency and an occasional roster, and campaigns
of the reference's kinds, some of them part of the national awareness week.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from tipdesk.core.codes import Gender
from tipdesk.core.records import Campaign, Training
from tipdesk.services.demo.base import _cumulative, _GeneratorBase
from tipdesk.services.demo.tables import (
    _AGENCY_PREFIX,
    _CAMPAIGN_VENUES,
    _CAMPAIGNS,
    _DEPARTMENTS,
    _NATIONAL_BODIES,
    _TRAINING_VENUES,
    _TRAININGS,
    NATIONAL_CAMPAIGN,
    P_NATIONAL,
    _CampaignKind,
)


class _ActivityGenerator(_GeneratorBase):
    """Trainings and campaigns."""

    # --- trainings -------------------------------------------------------------------------
    def agency_code(self, kind: str, national: frozenset[str] = frozenset({"fia", "ngo"})) -> str:
        """``labour`` -> ``punjab_labour`` (in Punjab); ``national`` kinds keep their code."""
        if kind in national:
            return kind
        return f"{_AGENCY_PREFIX.get(self.province, '')}_{kind}"

    def agencies(self, kinds: Sequence[str]) -> list[str]:
        return self.codes("agencies", [self.agency_code(k) for k in kinds])

    def trainings(self, count: int) -> list[Training]:
        out = [self.training() for _ in range(count)]
        out.sort(key=lambda t: t.start_on or self.today)
        return out

    def training(self) -> Training:
        rng = self.rng
        title, topics = rng.choice(_TRAININGS)
        organisers = (
            self.agencies(("fia", "police", "prosecution", "judicial_academy"))
            or list(self.ref.items("agencies"))[:1]
        )
        organiser = self.pick(organisers, _cumulative([4, 3, 2, 1][: len(organisers)]))
        days = rng.choice((0, 1, 2, 2, 4))
        start = self.start + dt.timedelta(rng.randint(0, max(self.span - days, 0)))
        total = rng.randint(15, 45)
        female = sum(rng.random() < 0.2 for _ in range(total))
        transgender = 1 if total - female > 1 and rng.random() < 0.04 else 0
        male = total - female - transgender
        pool = self.agencies(
            ("fia", "police", "prosecution", "labour", "social_welfare", "child_protection", "ngo")
        )
        # Judges trained by an academy are not an agency of the list: count the others.
        first = [] if organiser.endswith("judicial_academy") else [organiser]
        others = [a for a in self.some(pool, 0 if first else 1, 3) if a not in first]
        groups = (first + others)[:total]
        by_agency = self.split(total, groups)
        partners = self.codes("partners", self.some(("unodc", "iom", "ilo", "unicef", "giz"), 0, 2))
        roster: list[str] = []
        if rng.random() < 0.15:
            taken: set[str] = set()
            for gender, n in ((Gender.FEMALE, female), (Gender.MALE, male),
                              (Gender.TRANSGENDER, transgender)):  # fmt: skip
                roster += [self.name(gender, self.family(), taken) for _ in range(n)]
        return Training(
            title=title,
            topics=self.codes("training_topics", topics),
            organiser=organiser,
            partners=partners,
            start_on=start,
            end_on=start + dt.timedelta(days),
            district=self.district.code,
            venue=rng.choice(_TRAINING_VENUES).format(district=self.district_name),
            participants_total=total,
            participants_female=female,
            participants_male=male,
            participants_transgender=transgender,
            participants_by_agency=by_agency,
            roster=roster,
        )

    def split(self, total: int, groups: Sequence[str]) -> dict[str, int]:
        """``total`` split over ``groups`` (the first gets the most), each at least 1."""
        if not groups:
            return {}
        cuts = sorted(self.rng.sample(range(1, total), len(groups) - 1)) if total > 1 else []
        sizes = [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]
        sizes.sort(reverse=True)
        return dict(zip(groups, sizes, strict=True))

    # --- campaigns -------------------------------------------------------------------------
    def campaigns(self, count: int) -> list[Campaign]:
        out = [self.campaign() for _ in range(count)]
        out.sort(key=lambda c: c.start_on or self.today)
        return out

    def national_weeks(self) -> list[tuple[int, dt.date]]:
        """(year, first day) of each awareness week (24-30 July) that started in the window."""
        weeks = []
        for year in range(self.start.year, self.today.year + 1):
            first = dt.date(year, 7, 24)
            if self.start <= first <= self.today:
                weeks.append((year, first))
        return weeks

    def campaign(self) -> Campaign:
        rng = self.rng
        kinds = [k for k in self.ref.items("campaign_kinds") if k in _CAMPAIGNS]
        if not kinds:
            kinds = list(self.ref.items("campaign_kinds"))[:1]
        fallback = _CampaignKind(
            (f"Awareness activity: {self.ref.label('campaign_kinds', kinds[0])}",),
            (50, 500),
            (0, 1),
            1.0,
        )
        specs = [_CAMPAIGNS.get(k, fallback) for k in kinds]
        i = self.pick(range(len(kinds)), _cumulative([spec.weight for spec in specs]))
        kind, spec = kinds[i], specs[i]
        national = ""
        weeks = self.national_weeks()
        if weeks and rng.random() < P_NATIONAL:
            year, first = rng.choice(weeks)
            start = first + dt.timedelta(rng.randint(0, min(6, (self.today - first).days)))
            national = NATIONAL_CAMPAIGN.format(year=year)
        else:
            start = self.start + dt.timedelta(rng.randint(0, self.span))
        end = min(start + dt.timedelta(rng.randint(*spec.days)), self.today)
        departments = [
            (code, weight)
            for kind_code, weight in _DEPARTMENTS
            if self.ref.has("departments", code := self.agency_code(kind_code, _NATIONAL_BODIES))
        ] or [(next(iter(self.ref.items("departments"))), 1.0)]
        if kind == "media":
            venue = "Local FM radio and cable TV"
        elif kind == "social_media":
            venue = "Online"
        else:
            venue = rng.choice(_CAMPAIGN_VENUES).format(district=self.district_name)
        partners = self.some(("iom", "unodc", "unicef", "ilo", "other_ngo"), 0, 2)
        return Campaign(
            title=rng.choice(spec.titles),
            department=self.pick(
                [c for c, _ in departments], _cumulative([w for _, w in departments])
            ),
            kind=kind,
            start_on=start,
            end_on=end,
            district=self.district.code,
            venue=venue,
            people_reached=rng.randint(*spec.reached),
            partners=self.codes("partners", partners),
            national_campaign=national,
        )
