"""Forty district registers, kept as offices keep them, imported at forty districts, synced to
HQ: HQ's national report equals, to the unit, the totals counted from the registers themselves.

The registers come from :mod:`register_generator` (office headers, title rows, serial numbers,
merged cells, totals rows, departments without their province, common names, victims of
unknown gender or age). The districts span every province and territory. The real ``tipdesk``
command imports one district's register (with ``--map-column`` for a header of its own) and
exports its bundle, imports all forty bundles at HQ and writes the national report; the other
thirty-nine districts are set up, import and export through the same services in this process
with a fast key derivation, so that the test stays within a few tens of seconds (every
command pays the real passphrase KDF).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from register_generator import YEAR, Truth, district_register
from test_sync_cli import tipdesk

from tipdesk.core.clock import SystemClock
from tipdesk.core.codes import InstallRole
from tipdesk.core.reference import Reference
from tipdesk.paths import Paths
from tipdesk.resources import load_reference
from tipdesk.services import sync
from tipdesk.services.register import commit_import, plan_import
from tipdesk.services.session import Session, init_install
from tipdesk.store.keys import KdfParams

PASSPHRASE = "forty registers in one report"
FAST_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)
# Districts per province or territory: forty in all, every one of the seven represented.
PER_PROVINCE = {"PB": 13, "SD": 8, "KP": 7, "BA": 5, "IS": 1, "GB": 3, "JK": 3}


def _districts(ref: Reference) -> list[tuple[str, str, str]]:
    """(code, name, office) of forty districts: those with an FIA circle first, the others
    with a police station of their own."""
    circles = {o.district: o.code for o in ref.offices.values()}
    out = []
    for province, n in PER_PROVINCE.items():
        found = sorted(ref.districts_of(province), key=lambda d: (d.code not in circles, d.code))
        for d in found[:n]:
            out.append((d.code, d.name, circles.get(d.code, f"Police Station {d.name} City")))
    assert len(out) == 40
    return out


def _install(home: Path, **where: str) -> Session:
    role = InstallRole.DISTRICT if where else InstallRole.HQ
    session, _recovery = init_install(
        Paths(home), role=role, user="admin1", passphrase=PASSPHRASE, clock=SystemClock(),
        kdf=FAST_KDF, **where,
    )  # fmt: skip
    return session


@pytest.mark.slow
def test_forty_district_registers_add_up_to_the_national_report(tmp_path: Path) -> None:
    ref = load_reference()
    districts = _districts(ref)
    files, registers = tmp_path / "transfer", tmp_path / "registers"
    files.mkdir()
    registers.mkdir()
    truth = Truth()
    bundles: list[Path] = []
    hq = _install(tmp_path / "hq")
    try:
        sync.export_enrolment(hq, files / "hq.json")
        for index, (code, name, office) in enumerate(districts):
            home = tmp_path / code
            district = _install(home, district=name, office=office)
            try:
                sync.enroll(district, files / "hq.json")
                sync.export_device_file(district, files / f"{code}.json")
                sync.register_device(hq, files / f"{code}.json")
                book = registers / f"{code}.xlsx"
                header = "Parcha No." if index == 0 else "FIR No."
                truth.add(district_register(book, index, code, name, case_header=header))
                if index == 0:
                    continue  # imported by the real command, below
                plan = plan_import(district, book)
                assert plan.ok, [str(p) for p in plan.errors]
                commit_import(district, plan)
                exported = sync.export_bundle(district, files)
                assert exported.path is not None
                bundles.append(exported.path)
            finally:
                district.close()
    finally:
        hq.close()

    # The first district: its register's case number is under a header of its own.
    first = tmp_path / districts[0][0]
    book = registers / f"{districts[0][0]}.xlsx"
    done = tipdesk(first, PASSPHRASE, "import", "register", str(book),
                   "--map-column", "Parcha No.=case_number", "--json").json()  # fmt: skip
    assert done["imported"] and done["errors"] == 0
    assert {"header": "Parcha No.", "column": "case_number"} in done["sheets"][0]["columns"]
    assert {r["code"] for r in done["resolved"]} <= {
        d.code for d in ref.items("departments").values()
    }
    exported = tipdesk(first, PASSPHRASE, "sync", "export", "--out", str(files), "--json").json()
    bundles.insert(0, Path(exported["file"]))

    hq_home = tmp_path / "hq"
    imported = tipdesk(hq_home, PASSPHRASE, "hq", "import", *map(str, bundles), "--json").json()
    assert [b["status"] for b in imported["bundles"]] == ["imported"] * 40
    assert imported["errors"] == [] and imported["quarantined"] == []
    assert imported["conflicts"] == []
    out = tmp_path / "national.json"
    tipdesk(hq_home, PASSPHRASE, "report", "--from", f"{YEAR}-01-01", "--to", f"{YEAR}-12-31",
            "--format", "json", "--out", str(out))  # fmt: skip
    report = json.loads(out.read_text(encoding="utf-8"))

    assert report["cases_registered"] == truth.cases
    assert report["accused_proceeded_against"] == truth.accused_proceeded
    assert report["victims_identified"] == truth.victims
    assert report["training_sessions"] == truth.trainings
    assert report["persons_trained"] == truth.persons_trained
    assert report["awareness_campaigns"] == truth.campaigns
    assert report["people_reached"] == truth.people_reached
    # Keyed by code (the tables' first column shows readers' labels: "Not recorded").
    by_gender = {g: int(n) for g, n in report["victims_by_gender"].items()}
    assert by_gender == {g: truth.victims_by_gender[g] for g in by_gender}
    assert sum(by_gender.values()) == truth.victims, "no victim dropped from the count"
    assert by_gender["unknown"] == truth.victims_by_gender["unknown"] > 0
    by_age = {g: int(n) for g, n in report["victims_by_age_group"].items()}
    assert by_age == {g: truth.victims_by_age_group[g] for g in by_age}
    assert by_age["unknown"] > 0
    cases_by_district = {r["district"]: r["cases_registered"] for r in report["by_district"]}
    assert cases_by_district == dict(truth.cases_by_district)
    provinces = {code.split("-")[0] for code in cases_by_district}
    assert provinces == set(PER_PROVINCE), "every province and territory is in the report"
