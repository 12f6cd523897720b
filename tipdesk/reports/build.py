"""Build the national report from the store: figures, breakdowns, coverage, suppression.

Contract:
- :func:`build_report` only reads (through :mod:`tipdesk.store.report_queries`); it runs on the
  store's thread and returns a complete :class:`~tipdesk.reports.model.Report` that writers and
  the GUI render without touching the store again.
- Definitions are those of ``docs/report-definitions.md``; every breakdown's total is the
  headline figure (same rows, same cell object).
- ``progress(done, total, step)`` is called between queries (for a progress bar); it must be
  quick and must not touch the store.
- Coverage uses sync's last bundle date per district when the store has sync's tables
  (``bundle_dates`` answers a dict), else each district's latest record change. With bundle
  dates (HQ) it lists every district of the reference list in the scope, each with its
  registered devices (``devices``) and status: a district that sent nothing is listed as
  such, never left out. ``quarantine`` adds HQ's open quarantine by district: records
  received but in no figure.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from typing import Any, Protocol

from tipdesk.core.codes import Gender, Outcome, ReferralOutcome, Stage
from tipdesk.core.errors import InvalidInput
from tipdesk.core.reference import Reference
from tipdesk.reports.model import (
    HEADLINE,
    Cell,
    Column,
    ColumnKind,
    Coverage,
    CoverageRow,
    CoverageStatus,
    QuarantinedDistrict,
    Relation,
    Report,
    ReportParams,
    Table,
)
from tipdesk.reports.suppress import suppress
from tipdesk.store import report_queries as rq
from tipdesk.store.store import Store

Progress = Callable[[int, int, str], None]
AGE_GROUPS = ("child", "adult", "unknown")
GENDERS = tuple(g.value for g in Gender)
UNKNOWN_PROVINCE = "--"
COUNT_KEYS = (
    "cases_registered",
    "accused_proceeded_against",
    "accused_convicted",
    "accused_acquitted",
    "victims_identified",
    "training_sessions",
    "persons_trained",
    "awareness_campaigns",
    "people_reached",
)
# Counts of people in the justice process (and the cases that point to them): the figures that
# small-cell suppression protects. Training and campaign figures are activity counts.
SENSITIVE = frozenset(COUNT_KEYS[:5])


SHORT_LABELS = {
    "cases_registered": "Cases registered",
    "accused_proceeded_against": "Accused proceeded against",
    "accused_convicted": "Accused convicted",
    "accused_acquitted": "Accused acquitted",
    "victims_identified": "Victims identified",
    "training_sessions": "Training sessions",
    "persons_trained": "Persons trained",
    "awareness_campaigns": "Campaigns",
    "people_reached": "People reached",
}


class BundleDates(Protocol):
    """Where coverage learns each district's last bundle date (sync, once installed)."""

    def __call__(self, store: Store) -> dict[str, str] | None: ...


class DeviceCounts(Protocol):
    """Registered (not revoked) devices per district (sync, once installed)."""

    def __call__(self, store: Store) -> dict[str, int] | None: ...


class QuarantineCounts(Protocol):
    """Open quarantine per district and kind (sync at HQ)."""

    def __call__(self, store: Store) -> dict[str, dict[str, int]] | None: ...


def year_earlier(day: dt.date) -> dt.date:
    """The same day one year earlier (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def scope_districts(reference: Reference, params: ReportParams) -> tuple[str, ...] | None:
    """The district codes a report covers (``None``: the whole country). Raises
    :class:`InvalidInput` for an unknown province or district, or a district outside the
    province."""
    if params.district:
        found = reference.district(params.district)
        if found is None:
            raise InvalidInput(f"{params.district!r} is not a district in the reference list.")
        if params.province and found.province != _province_code(reference, params.province):
            raise InvalidInput(f"{found.name} is not in the province {params.province}.")
        return (found.code,)
    if params.province:
        return tuple(
            d.code for d in reference.districts_of(_province_code(reference, params.province))
        )
    return None


def _province_code(reference: Reference, name_or_code: str) -> str:
    key = name_or_code.strip().casefold()
    for p in reference.provinces.values():
        if key in (p.code.casefold(), p.name.casefold()):
            return p.code
    raise InvalidInput(f"{name_or_code!r} is not a province in the reference list.")


class _Cells:
    """Makes cells with report-wide keys; records the links between tables' cells and the
    figures derived from others (rates)."""

    def __init__(self) -> None:
        self.links: list[Relation] = []
        self.derived: list[tuple[Cell, list[Cell]]] = []

    @staticmethod
    def make(key: str, value: int | float | None, sensitive: bool) -> Cell:
        return Cell(value, key=key, sensitive=sensitive)

    def rate(self, convicted: Cell, acquitted: Cell, key: str) -> Cell:
        """Conviction rate: convicted / (convicted + acquitted); ``None`` with no such
        judgment. Hidden whenever either count is hidden (it would give them away)."""
        c, a = convicted.value or 0, acquitted.value or 0
        cell = Cell(round(c / (c + a), 4) if c + a else None, key=f"{key}/conviction_rate")
        self.derived.append((cell, [convicted, acquitted]))
        return cell

    def link(self, relation: Relation) -> None:
        """Record a relation between cells of different tables."""
        self.links.append(relation)


class Figures(Protocol):
    """The grouped rows a report is assembled from, read from one HQ or district store: the
    functions of :mod:`tipdesk.store.report_queries` bound to a store (:class:`StoreFigures`),
    or PostgreSQL's (:class:`tipdesk.hqstore.figures.PgFigures`). Each returns what the
    function of the same name there returns, value for value."""

    def case_rows(self, scope: rq.Scope) -> list[rq.Row]: ...
    def accused_proceeded_rows(self, scope: rq.Scope) -> list[rq.Row]: ...
    def judgment_rows(self, scope: rq.Scope) -> list[rq.Row]: ...
    def law_case_rows(self, scope: rq.Scope) -> list[rq.Row]: ...
    def law_accused_rows(self, scope: rq.Scope) -> list[rq.Row]: ...
    def victim_rows(self, scope: rq.Scope) -> list[rq.Row]: ...
    def victim_form_rows(self, scope: rq.Scope) -> list[rq.Row]: ...
    def referral_rows(self, scope: rq.Scope) -> list[rq.Row]: ...
    def training_rows(self, scope: rq.Scope) -> list[rq.Row]: ...
    def training_agency_rows(self, scope: rq.Scope) -> list[rq.Row]: ...
    def campaign_rows(self, scope: rq.Scope) -> list[rq.Row]: ...
    def headline_counts(self, scope: rq.Scope) -> dict[str, int]: ...
    def latest_update_by_district(self) -> dict[str, str]: ...
    def bundle_dates(self) -> dict[str, str] | None: ...
    def devices(self) -> dict[str, int] | None: ...
    def quarantine(self) -> dict[str, dict[str, int]] | None: ...


class StoreFigures:
    """:class:`Figures` from the SQLCipher store (:mod:`tipdesk.store.report_queries`)."""

    def __init__(self, store: Store, sources: Sources) -> None:
        self._store = store
        self._sources = sources

    def case_rows(self, scope: rq.Scope) -> list[rq.Row]:
        return rq.case_rows(self._store, scope)

    def accused_proceeded_rows(self, scope: rq.Scope) -> list[rq.Row]:
        return rq.accused_proceeded_rows(self._store, scope)

    def judgment_rows(self, scope: rq.Scope) -> list[rq.Row]:
        return rq.judgment_rows(self._store, scope)

    def law_case_rows(self, scope: rq.Scope) -> list[rq.Row]:
        return rq.law_case_rows(self._store, scope)

    def law_accused_rows(self, scope: rq.Scope) -> list[rq.Row]:
        return rq.law_accused_rows(self._store, scope)

    def victim_rows(self, scope: rq.Scope) -> list[rq.Row]:
        return rq.victim_rows(self._store, scope)

    def victim_form_rows(self, scope: rq.Scope) -> list[rq.Row]:
        return rq.victim_form_rows(self._store, scope)

    def referral_rows(self, scope: rq.Scope) -> list[rq.Row]:
        return rq.referral_rows(self._store, scope)

    def training_rows(self, scope: rq.Scope) -> list[rq.Row]:
        return rq.training_rows(self._store, scope)

    def training_agency_rows(self, scope: rq.Scope) -> list[rq.Row]:
        return rq.training_agency_rows(self._store, scope)

    def campaign_rows(self, scope: rq.Scope) -> list[rq.Row]:
        return rq.campaign_rows(self._store, scope)

    def headline_counts(self, scope: rq.Scope) -> dict[str, int]:
        return rq.headline_counts(self._store, scope)

    def latest_update_by_district(self) -> dict[str, str]:
        return rq.latest_update_by_district(self._store)

    def bundle_dates(self) -> dict[str, str] | None:
        found = self._sources.bundle_dates
        return found(self._store) if found is not None else None

    def devices(self) -> dict[str, int] | None:
        found = self._sources.devices
        return found(self._store) if found is not None else None

    def quarantine(self) -> dict[str, dict[str, int]] | None:
        found = self._sources.quarantine
        return found(self._store) if found is not None else None


def build_report(
    store: Store,
    reference: Reference,
    params: ReportParams,
    *,
    generated_at: str,
    bundle_dates: BundleDates | None = rq.last_bundle_by_district,
    devices: DeviceCounts | None = rq.devices_by_district,
    quarantine: QuarantineCounts | None = rq.quarantine_by_district,
    progress: Progress | None = None,
) -> Report:
    """Build the report for ``params`` (see the module contract)."""
    figures = StoreFigures(store, Sources(bundle_dates, devices, quarantine))
    return build_report_from(
        figures, reference, params, generated_at=generated_at, progress=progress
    )


def build_report_from(
    figures: Figures,
    reference: Reference,
    params: ReportParams,
    *,
    generated_at: str,
    progress: Progress | None = None,
) -> Report:
    """:func:`build_report` from the figures of either engine."""
    if params.date_to < params.date_from:
        raise InvalidInput("The period ends before it starts.")
    districts = scope_districts(reference, params)
    scope = rq.Scope(params.date_from.isoformat(), params.date_to.isoformat(), districts)
    prev = rq.Scope(
        year_earlier(params.date_from).isoformat(),
        year_earlier(params.date_to).isoformat(),
        districts,
    )
    f = figures
    steps: list[tuple[str, Callable[[], object]]] = [
        ("cases", lambda: f.case_rows(scope)),
        ("accused proceeded against", lambda: f.accused_proceeded_rows(scope)),
        ("judgments", lambda: f.judgment_rows(scope)),
        ("cases by law", lambda: f.law_case_rows(scope)),
        ("accused by law", lambda: f.law_accused_rows(scope)),
        ("victims", lambda: f.victim_rows(scope)),
        ("forms of exploitation", lambda: f.victim_form_rows(scope)),
        ("referrals", lambda: f.referral_rows(scope)),
        ("training", lambda: f.training_rows(scope)),
        ("training by agency", lambda: f.training_agency_rows(scope)),
        ("campaigns", lambda: f.campaign_rows(scope)),
        ("previous year", lambda: f.headline_counts(prev)),
        ("coverage", lambda: coverage_from(f, reference, params, districts)),
    ]
    results: dict[str, object] = {}
    for i, (name, run) in enumerate(steps):
        if progress is not None:
            progress(i, len(steps), name)
        results[name] = run()
    if progress is not None:
        progress(len(steps), len(steps), "done")
    return assemble(reference, params, results, generated_at=generated_at)


def assemble(
    reference: Reference, params: ReportParams, results: dict[str, object], *, generated_at: str
) -> Report:
    """The report from the grouped query rows (``results``: each step of :func:`build_report`
    by name), suppressed when ``params`` says so. Pure: no store access (tests feed it rows)."""
    assembler = _Assembler(reference, params, results)
    scope = _scope_words(reference, params)
    report = Report(
        params=params,
        generated_at=generated_at,
        period=(params.date_from.isoformat(), params.date_to.isoformat()),
        previous_period=(
            year_earlier(params.date_from).isoformat(),
            year_earlier(params.date_to).isoformat(),
        ),
        headline=assembler.headline,
        previous=assembler.previous,
        tables=assembler.tables(),
        coverage=results["coverage"],  # type: ignore[arg-type]
        links=assembler.cells.links,
        derived=assembler.cells.derived,
        scope_label=scope[0].format(**scope[1]),
        scope_words=scope,
        title=_title(params),
    )
    if params.suppress_below:
        suppress(report, params.suppress_below)
    return report


def _scope_words(reference: Reference, params: ReportParams) -> tuple[str, dict[str, str]]:
    """The area the figures cover, named truthfully (a district install holds only its own
    district's records, so its report never claims the country), as one of the templates of
    :data:`tipdesk.reports.sentences.SCOPES` and its names."""
    if params.install_district and not params.district:
        d = reference.district(params.install_district)
        if d is None:
            return "{district}, this install's records", {"district": params.install_district}
        province = reference.provinces[d.province].name
        return "{district} district ({province}), this install's records", {
            "district": d.name,
            "province": province,
        }
    if params.district:
        d = reference.district(params.district)
        if d is not None:
            province = reference.provinces[d.province].name
            return "{district} district ({province})", {"district": d.name, "province": province}
    if params.province:
        name = reference.provinces[_province_code(reference, params.province)].name
        return "{province} province", {"province": name}
    return "Pakistan (all provinces and districts)", {}


def _title(params: ReportParams) -> str:
    if params.install_district or params.district:
        return "TIPDesk district report"
    if params.province:
        return "TIPDesk provincial report"
    return "TIPDesk national report"


class Sources:
    """Where coverage reads sync's bookkeeping (each ``None``: not this install's concern)."""

    def __init__(
        self,
        bundle_dates: BundleDates | None,
        devices: DeviceCounts | None = None,
        quarantine: QuarantineCounts | None = None,
    ) -> None:
        self.bundle_dates = bundle_dates
        self.devices = devices
        self.quarantine = quarantine


def coverage_of(
    store: Store,
    reference: Reference,
    params: ReportParams,
    districts: tuple[str, ...] | None,
    sources: Sources,
) -> Coverage:
    """Each district's data as of ``params.date_to`` (see the module contract); ``districts``:
    the scope (:func:`scope_districts`)."""
    return coverage_from(StoreFigures(store, sources), reference, params, districts)


def coverage_from(
    figures: Figures,
    reference: Reference,
    params: ReportParams,
    districts: tuple[str, ...] | None,
) -> Coverage:
    """:func:`coverage_of` from the figures of either engine."""
    updates = figures.latest_update_by_district()
    bundles = figures.bundle_dates()
    devices = figures.devices() or {}
    held = figures.quarantine() or {}
    stale_before = (params.date_to - dt.timedelta(days=params.stale_days)).isoformat()
    codes = set(updates) | set(bundles or {})
    if bundles is not None:
        # HQ: every district of the reference list, whether it sent anything or not.
        codes |= set(reference.districts) | set(devices)
    if districts is not None:
        codes &= set(districts)
        # A district asked for by name is listed even when nothing came from it.
        codes |= set(districts) if len(districts) == 1 else set()
    rows = []
    for code in sorted(codes, key=lambda c: _district_sort(reference, c)):
        d = reference.districts.get(code)
        last_update = updates.get(code)
        last_bundle = (bundles or {}).get(code)
        # HQ hears of a district by its bundles only: records HQ holds with no bundle behind
        # them (entered or imported at HQ) do not make a district fresh.
        newest = last_bundle if bundles is not None else last_update
        n_devices = devices.get(code, 0)
        if newest is not None:
            status = CoverageStatus.STALE if newest[:10] < stale_before else CoverageStatus.CURRENT
        elif bundles is not None and n_devices:
            status = CoverageStatus.NEVER_SENT
        elif bundles is not None:
            status = CoverageStatus.NO_DEVICE
        else:
            status = CoverageStatus.STALE  # a district install's own district, no record yet
        rows.append(
            CoverageRow(
                district=code,
                district_name=d.name if d else code,
                province=d.province if d else UNKNOWN_PROVINCE,
                last_update=last_update,
                last_bundle=last_bundle,
                # Stale: data in the figures, nothing recent behind it; or a device that
                # never sent anything.
                stale=status in (CoverageStatus.STALE, CoverageStatus.NEVER_SENT)
                or (status is CoverageStatus.NO_DEVICE and last_update is not None),
                devices=n_devices,
                status=status,
                province_name=(
                    reference.provinces[d.province].name
                    if d and d.province in reference.provinces
                    else ""
                ),
            )
        )
    quarantine = [
        QuarantinedDistrict(
            code,
            reference.districts[code].name if code in reference.districts else code,
            dict(sorted(held[code].items())),
        )
        for code in sorted(held, key=lambda c: _district_sort(reference, c))
        if districts is None or code in districts
    ]
    return Coverage("bundles" if bundles is not None else "records", stale_before, rows, quarantine)


def _district_sort(reference: Reference, code: str) -> tuple[str, str]:
    d = reference.districts.get(code)
    return (d.province, d.name) if d else ("~", code)


class _Assembler:
    """Turns the grouped query rows into cells and tables (pure; no store access)."""

    def __init__(self, reference: Reference, params: ReportParams, results: dict[str, object]):
        self.ref = reference
        self.params = params
        self.r = results
        self.cells = _Cells()
        self._geo_cells: dict[str, dict[str, dict[str, Cell]]] = {}
        self.by_district: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self._collect_district_counts()
        totals: dict[str, int] = defaultdict(int)
        for counts in self.by_district.values():
            for k, v in counts.items():
                totals[k] += v
        self.headline = {
            k: self.cells.make(f"headline/{k}", totals[k], k in SENSITIVE) for k in COUNT_KEYS
        }
        self.headline["conviction_rate"] = self.cells.rate(
            self.headline["accused_convicted"], self.headline["accused_acquitted"], "headline"
        )
        prev: dict[str, int] = results["previous year"]  # type: ignore[assignment]
        self.previous = {
            k: Cell(prev[k], key=f"previous/{k}", sensitive=k in SENSITIVE) for k in COUNT_KEYS
        }
        self.previous["conviction_rate"] = self.cells.rate(
            self.previous["accused_convicted"], self.previous["accused_acquitted"], "previous"
        )
        self.headline = {k: self.headline[k] for k, _ in HEADLINE}
        self.previous = {k: self.previous[k] for k, _ in HEADLINE}

    def _rows(self, name: str) -> list[tuple[Any, ...]]:
        rows: list[tuple[Any, ...]] = self.r[name]  # type: ignore[assignment]
        return rows

    def _collect_district_counts(self) -> None:
        d = self.by_district
        for district, _stage, _month, n, _off, _act in self._rows("cases"):
            d[str(district)]["cases_registered"] += int(n)
        for district, _gender, n in self._rows("accused proceeded against"):
            d[str(district)]["accused_proceeded_against"] += int(n)
        for district, _gender, outcome, _month, n in self._rows("judgments"):
            if outcome in ("convicted", "acquitted"):
                d[str(district)][f"accused_{outcome}"] += int(n)
        for district, _gender, _grp, _nat, n in self._rows("victims"):
            d[str(district)]["victims_identified"] += int(n)
        for district, sessions, total, *_genders in self._rows("training"):
            d[str(district)]["training_sessions"] += int(sessions)
            d[str(district)]["persons_trained"] += int(total or 0)
        for district, _dept, n, reached in self._rows("campaigns"):
            d[str(district)]["awareness_campaigns"] += int(n)
            d[str(district)]["people_reached"] += int(reached or 0)

    # --- tables -------------------------------------------------------------------------
    def tables(self) -> dict[str, Table]:
        from tipdesk.reports import tables as t  # the per-table builders

        out = {
            "by_province": self._geo_table("by_province"),
            "by_district": self._geo_table("by_district"),
        }
        for table in t.all_tables(self):
            out[table.key] = table
        return out

    def _geo_table(self, key: str) -> Table:
        """Figures by province or by district; each count column adds up to the headline, and
        at district level the districts of a province add up to the province's row."""
        figure_cols = [Column(k, SHORT_LABELS[k]) for k in COUNT_KEYS]
        figure_cols.insert(4, Column("conviction_rate", "Conviction rate", ColumnKind.RATE))
        if key == "by_province":
            text = [
                Column("province", "Province code", ColumnKind.TEXT),
                Column("province_name", "Province", ColumnKind.TEXT),
            ]
        else:
            text = [
                Column("district", "District code", ColumnKind.TEXT),
                Column("district_name", "District", ColumnKind.TEXT),
                Column("province", "Province", ColumnKind.TEXT),
            ]
        groups: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for code, counts in self.by_district.items():
            if key == "by_province":
                d = self.ref.districts.get(code)
                gkey = d.province if d else UNKNOWN_PROVINCE
            else:
                gkey = code
            for k, v in counts.items():
                groups[gkey][k] += v
        table = Table(
            key,
            "By province" if key == "by_province" else "By district",
            text + figure_cols,
            column_sums=COUNT_KEYS,
        )
        rows_by_key: dict[str, dict[str, Cell]] = {}
        for gkey in sorted(groups, key=lambda c: self._geo_sort(key, c)):
            counts = groups[gkey]
            if not any(counts.values()):
                continue
            cells = {
                k: Cell(counts.get(k, 0), key=f"{key}/{gkey}/{k}", sensitive=k in SENSITIVE)
                for k in COUNT_KEYS
            }
            cells["conviction_rate"] = self.cells.rate(
                cells["accused_convicted"], cells["accused_acquitted"], f"{key}/{gkey}"
            )
            rows_by_key[gkey] = cells
            table.rows.append([*self._geo_labels(key, gkey), *(cells[c.key] for c in figure_cols)])
        table.total = [
            *(["Total"] + [""] * (len(text) - 1)),
            *(self.headline[c.key] for c in figure_cols),
        ]
        self._geo_cells[key] = rows_by_key
        if key == "by_district":
            self._relate_districts_to_provinces()
        return table

    def _relate_districts_to_provinces(self) -> None:
        provinces = self._geo_cells.get("by_province", {})
        members: dict[str, list[dict[str, Cell]]] = defaultdict(list)
        for code, cells in self._geo_cells["by_district"].items():
            d = self.ref.districts.get(code)
            members[d.province if d else UNKNOWN_PROVINCE].append(cells)
        for prov, district_cells in members.items():
            if prov not in provinces:
                continue
            for k in COUNT_KEYS:
                self.cells.link(Relation(tuple(c[k] for c in district_cells), provinces[prov][k]))

    def _geo_sort(self, key: str, code: str) -> tuple[str, str]:
        if key == "by_province":
            p = self.ref.provinces.get(code)
            return ("0", code) if p else ("1", code)
        return _district_sort(self.ref, code)

    def _geo_labels(self, key: str, code: str) -> list[str]:
        if key == "by_province":
            p = self.ref.provinces.get(code)
            return [code, p.name if p else "Unknown province"]
        d = self.ref.districts.get(code)
        if d is None:
            return [code, code, "Unknown province"]
        p = self.ref.provinces.get(d.province)
        return [code, d.name, p.name if p else d.province]


# Codes kept in code order in the tables (values never seen still show as zero rows).
OUTCOMES = tuple(o.value for o in Outcome if o is not Outcome.PENDING)
REFERRAL_OUTCOMES = tuple(o.value for o in ReferralOutcome)
STAGES = tuple(s.value for s in Stage)
__all__ = [
    "BundleDates",
    "DeviceCounts",
    "Progress",
    "QuarantineCounts",
    "Sources",
    "assemble",
    "build_report",
    "coverage_of",
    "scope_districts",
]
