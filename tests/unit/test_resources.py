"""The shipped reference files, and the loader's handling of missing or malformed files."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tipdesk.core.errors import InvalidInput
from tipdesk.core.reference import CODE_LISTS, Reference
from tipdesk.core.sentencing import (
    PENDING,
    Condition,
    Penalty,
    RulesError,
    SentencingRules,
    parse_rules,
    pending_versions,
    set_commencement,
)
from tipdesk.paths import resources_dir
from tipdesk.resources import FILES, clear_cache, load_reference


@pytest.fixture(scope="module")
def ref() -> Reference:
    return load_reference()


# --- the shipped data ------------------------------------------------------------------------
def test_all_provinces_and_territories(ref: Reference) -> None:
    assert {c: p.name for c, p in ref.provinces.items()} == {
        "PB": "Punjab",
        "SD": "Sindh",
        "KP": "Khyber Pakhtunkhwa",
        "BA": "Balochistan",
        "IS": "Islamabad Capital Territory",
        "GB": "Gilgit-Baltistan",
        "JK": "Azad Jammu and Kashmir",
    }


def test_every_province_has_districts(ref: Reference) -> None:
    counts = {code: len(ref.districts_of(code)) for code in ref.provinces}
    assert all(n > 0 for n in counts.values()), counts
    assert counts["IS"] == 1
    assert counts["JK"] == 10
    assert counts["GB"] == 14
    assert counts["PB"] >= 41
    assert counts["SD"] >= 30


def test_district_codes_unique_and_well_formed() -> None:
    raw = json.loads((resources_dir() / FILES["geography"]).read_text(encoding="utf-8"))
    codes = [d["code"] for p in raw["provinces"] for d in p["districts"]]
    assert len(codes) == len(set(codes))
    names = [d["name"].casefold() for p in raw["provinces"] for d in p["districts"]]
    assert len(names) == len(set(names))
    for prov in raw["provinces"]:
        for d in prov["districts"]:
            prefix, _, rest = d["code"].partition("-")
            assert prefix == prov["code"]
            assert rest.isalpha() and rest.isupper() and len(rest) == 3, d["code"]


def test_every_office_district_exists(ref: Reference) -> None:
    assert ref.offices
    for office in ref.offices.values():
        assert office.district in ref.districts, office.code
        assert office.kind == "fia_circle"


def test_karachi_districts_are_distinct(ref: Reference) -> None:
    names = [
        "Karachi Central",
        "Karachi East",
        "Karachi South",
        "Karachi West",
        "Malir",
        "Korangi",
        "Keamari",
    ]
    found = [ref.district(n) for n in names]
    assert all(d is not None and d.province == "SD" for d in found)
    assert len({d.code for d in found if d}) == 7


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Lahore", "PB-LHR"),
        ("lahore", "PB-LHR"),
        ("pb-lhr", "PB-LHR"),
        ("QUETTA", "BA-QTA"),
        # The short forms officers write, from the aliases in geography.json.
        ("D.G. Khan", "PB-DGK"),
        ("DG Khan", "PB-DGK"),
        ("D.I. Khan", "KP-DIK"),
        ("R.Y. Khan", "PB-RYK"),
        ("Pindi", "PB-RWP"),
        ("T.T. Singh", "PB-TTS"),
        ("Nawabshah", "SD-SBA"),
    ],
)
def test_district_lookup_by_name_or_code(ref: Reference, text: str, code: str) -> None:
    district = ref.district(text)
    assert district is not None
    assert district.code == code


def test_district_prefixes_and_typos(ref: Reference) -> None:
    assert [d.name for d in ref.districts_starting("Mul")] == ["Multan"]
    assert [d.name for d in ref.districts_starting("karachi")] == [
        "Karachi Central",
        "Karachi East",
        "Karachi South",
        "Karachi West",
    ]
    assert ref.districts_starting("") == []
    found = ref.district_suggestion("Lahor")
    assert found is not None and found.code == "PB-LHR"
    assert ref.district_suggestion("Xyzzy") is None


def test_tip_act_section_3_is_the_basic_offence_3_1(ref: Reference) -> None:
    limit = ref.sentence_limit("tip_act_2018", "3")
    assert limit is not None
    assert (limit.min_imprisonment_months, limit.max_imprisonment_months) == (None, 84)
    assert (limit.min_fine_pkr, limit.max_fine_pkr) == (None, 1_000_000)
    assert limit.penalty is Penalty.IMPRISONMENT_OR_FINE
    assert limit.citation == "TIP Act 2018 s.3(1)"


def test_tip_act_section_3_2_woman_or_child(ref: Reference) -> None:
    limit = ref.sentence_limit("tip_act_2018", "3(2)")
    assert limit is not None
    assert (limit.min_imprisonment_months, limit.max_imprisonment_months) == (24, 120)
    assert limit.max_fine_pkr == 1_000_000
    assert limit.penalty is Penalty.IMPRISONMENT_OR_FINE
    assert limit.conditions == (Condition.VICTIM_WOMAN_OR_CHILD,)


def test_smuggling_of_migrants_act(ref: Reference) -> None:
    limit = ref.sentence_limit("psma_2018", "")
    assert limit is not None
    assert (limit.min_imprisonment_months, limit.max_imprisonment_months) == (36, 60)
    assert limit.max_fine_pkr == 1_000_000
    assert limit.penalty is Penalty.IMPRISONMENT_AND_FINE
    assert limit.citation == "PSMA 2018 s.3"


def test_the_2018_acts_were_not_in_force_before_2018(ref: Reference) -> None:
    for law in ("tip_act_2018", "psma_2018"):
        assert ref.sentence_limit(law, "", dt.date(2018, 5, 30)) is None
        assert ref.sentence_limit(law, "", dt.date(2018, 5, 31)) is not None


@pytest.mark.parametrize("section", ["999", "4", "3(3)"])
def test_tip_act_unknown_section_is_none_never_the_default(ref: Reference, section: str) -> None:
    assert ref.sentence_limit("tip_act_2018", section) is None


def test_the_amendment_example_is_the_shipped_rules_plus_dated_versions() -> None:
    """The example HQ installs keeps every shipped version as it is (cases of older offences
    are judged by them) and adds only versions waiting for the commencement date."""
    root = resources_dir() / "rules"
    shipped = json.loads((root / "sentences.json").read_text(encoding="utf-8"))
    example = json.loads(
        (root / "examples" / "amendments-2025" / "sentences.json").read_text(encoding="utf-8")
    )
    assert pending_versions(example)
    assert not pending_versions(shipped)
    for code, law in shipped["laws"].items():
        for sec, spec in law["sections"].items():
            versions = example["laws"][code]["sections"][sec]["versions"]
            assert versions[: len(spec["versions"])] == spec["versions"], (code, sec)
            assert all(v["effective_from"] == PENDING for v in versions[len(spec["versions"]) :])
    with pytest.raises(RulesError, match="commencement"):
        parse_rules(example)
    rules = parse_rules(set_commencement(example, dt.date(2025, 9, 1)))
    before, after = dt.date(2025, 8, 31), dt.date(2025, 9, 1)
    assert _months(rules, "tip_act_2018", "3(1)", before) == 84
    assert _months(rules, "tip_act_2018", "3(1)", after) == 120
    assert _months(rules, "tip_act_2018", "3(2)", after) == 168
    assert _months(rules, "psma_2018", "3", after) == 120
    assert rules.limit("tip_act_2018", "3(2)", after).max_fine_pkr == 2_000_000  # type: ignore[union-attr]
    assert rules.limit("psma_2018", "3", after).max_fine_pkr == 10_000_000  # type: ignore[union-attr]
    assert rules.limit("tip_act_2018", "3(3)", before) is None  # organised begging: new
    assert _months(rules, "tip_act_2018", "3(3)", after) == 84


def _months(rules: SentencingRules, law: str, section: str, day: dt.date) -> int | None:
    limit = rules.limit(law, section, day)
    assert limit is not None
    return limit.max_imprisonment_months


def test_unknown_law_gives_none(ref: Reference) -> None:
    assert ref.sentence_limit("no_such_act") is None
    assert "_comment" not in ref.laws()


def _codes(ref: Reference, name: str) -> set[str]:
    return set(ref.items(name))


def test_code_lists_fixed_by_domain_notes(ref: Reference) -> None:
    assert _codes(ref, "exploitation_forms") == {
        "forced_labour",
        "sexual_exploitation",
        "domestic_servitude",
        "child_labour",
        "forced_begging",
        "forced_marriage",
        "forced_criminality",
        "organ_removal",
        "other",
    }
    assert _codes(ref, "means") == {
        "debt_bondage",
        "takes_earnings",
        "threats",
        "physical_abuse",
        "sexual_abuse",
        "psychological_abuse",
        "false_promises",
        "psychoactive_substances",
        "restricts_movement",
        "withholds_documents",
        "excessive_working_hours",
        "withholds_necessities",
        "other",
    }
    assert _codes(ref, "referral_services") == {
        "shelter",
        "medical",
        "psychosocial",
        "legal_aid",
        "child_protection",
        "return_repatriation",
        "livelihood",
        "other",
    }
    assert _codes(ref, "accused_roles") >= {
        "recruiter",
        "transporter",
        "harbourer",
        "exploiter",
        "facilitator",
        "official",
        "other",
    }
    assert _codes(ref, "protection_measures") >= {"shelter", "witness_protection", "other"}
    assert _codes(ref, "training_topics") >= {
        "victim_identification",
        "investigation",
        "prosecution",
    }
    assert _codes(ref, "campaign_kinds") >= {
        "seminar",
        "walk",
        "media",
        "school_session",
        "community_session",
    }
    assert 12 <= len(_codes(ref, "victim_indicators")) <= 16


def test_code_lists_are_snake_case_and_end_with_other(ref: Reference) -> None:
    for name in (*CODE_LISTS, "agencies", "departments", "partners"):
        if name == "countries":
            continue
        codes = list(ref.items(name))
        assert codes[-1] == "other", name
        for code in codes:
            assert code == code.lower() and code.replace("_", "").isalnum(), (name, code)


def test_organisations(ref: Reference) -> None:
    assert {"fia", "punjab_police", "sindh_police", "ngo", "other"} <= _codes(ref, "agencies")
    assert {"punjab_labour", "fia", "police", "ngo"} <= _codes(ref, "departments")
    assert {"unodc", "iom", "unicef", "ilo", "other_ngo"} <= _codes(ref, "partners")


def test_countries(ref: Reference) -> None:
    countries = ref.items("countries")
    assert len(countries) == 249
    assert {"PK", "AE", "SA", "IR", "AF", "OM", "QA", "GR", "IT", "LY", "GB", "US"} <= set(
        countries
    )
    assert all(len(c) == 2 and c.isalpha() and c.isupper() for c in countries)
    assert ref.lookup("countries", "pakistan") == "PK"
    assert ref.lookup("countries", "Iran") == "IR"


def test_load_is_cached_per_root(tmp_path: Path) -> None:
    assert load_reference() is load_reference(resources_dir())
    copy = _copy(tmp_path)
    assert load_reference(copy) is not load_reference()
    assert load_reference(copy) is load_reference(copy)
    clear_cache()
    assert load_reference(copy) is not None


# --- missing or malformed files --------------------------------------------------------------
def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "resources"
    for rel in FILES.values():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(resources_dir() / rel, root / rel)
    return root


def _edit(root: Path, rel: str, change: Callable[[dict[str, Any]], None]) -> None:
    path = root / rel
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("rel", list(FILES.values()))
def test_missing_file_names_the_file(tmp_path: Path, rel: str) -> None:
    root = _copy(tmp_path)
    (root / rel).unlink()
    with pytest.raises(InvalidInput, match="missing") as err:
        load_reference(root)
    assert rel.split("/")[-1] in str(err.value)


@pytest.mark.parametrize("rel", list(FILES.values()))
def test_bad_json_names_the_file(tmp_path: Path, rel: str) -> None:
    root = _copy(tmp_path)
    (root / rel).write_text('{"provinces": [', encoding="utf-8")
    with pytest.raises(InvalidInput, match="not valid JSON") as err:
        load_reference(root)
    assert rel.split("/")[-1] in str(err.value)


def test_not_an_object(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    (root / FILES["codes"]).write_text("[]", encoding="utf-8")
    with pytest.raises(InvalidInput, match=r"codes\.json must hold a JSON object"):
        load_reference(root)


def test_not_utf8(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    (root / FILES["offices"]).write_bytes(b'{"offices": ["\xff"]}')
    with pytest.raises(InvalidInput, match=r"offices\.json is not UTF-8"):
        load_reference(root)


def _drop_provinces(d: dict[str, Any]) -> None:
    del d["provinces"]


def _dup_district(d: dict[str, Any]) -> None:
    d["provinces"][1]["districts"].append(dict(d["provinces"][0]["districts"][0]))


def _alias_of_another(d: dict[str, Any]) -> None:
    # "lahore" as an alias of the first district of Sindh: "Lahore" would mean two districts.
    d["provinces"][1]["districts"][0]["aliases"] = ["L.a.h.o.r.e"]


def _alias_not_text(d: dict[str, Any]) -> None:
    d["provinces"][0]["districts"][0]["aliases"] = ["..."]


def _empty_province(d: dict[str, Any]) -> None:
    d["provinces"][0]["districts"] = []


def _office_elsewhere(d: dict[str, Any]) -> None:
    d["offices"][0]["district"] = "XX-NOWHERE"


def _office_kind(d: dict[str, Any]) -> None:
    d["offices"][0]["kind"] = "embassy"


def _department_province(doc: dict[str, Any]) -> None:
    doc["departments"][0]["province"] = "XX"


def _department_alias_twice(doc: dict[str, Any]) -> None:
    """Two departments of Punjab answering to one name: a row could not say which."""
    doc["departments"][0]["province"] = doc["departments"][1]["province"] = "PB"
    doc["departments"][0]["aliases"] = doc["departments"][1]["aliases"] = ["The Department"]


def _department_alias_is_a_name(doc: dict[str, Any]) -> None:
    doc["departments"][0]["aliases"] = [doc["departments"][1]["name"].upper()]


def _drop_partners(d: dict[str, Any]) -> None:
    del d["partners"]


def _drop_means(d: dict[str, Any]) -> None:
    del d["means"]


def _nameless(d: dict[str, Any]) -> None:
    del d["countries"][0]["name"]


def _dup_code(d: dict[str, Any]) -> None:
    d["means"].append({"code": "threats", "name": "Threats again"})


def _bad_default(d: dict[str, Any]) -> None:
    d["laws"]["tip_act_2018"]["default_section"] = "42"


def _negative(d: dict[str, Any]) -> None:
    d["laws"]["tip_act_2018"]["sections"]["3(1)"]["versions"][0]["max_fine_pkr"] = -1


def _text_limit(d: dict[str, Any]) -> None:
    d["laws"]["tip_act_2018"]["sections"]["3(1)"]["versions"][0]["max_imprisonment_months"] = "84"


def _min_over_max(d: dict[str, Any]) -> None:
    d["laws"]["tip_act_2018"]["sections"]["3(2)"]["versions"][0]["min_imprisonment_months"] = 121


def _versions_out_of_order(d: dict[str, Any]) -> None:
    versions = d["laws"]["psma_2018"]["sections"]["3"]["versions"]
    versions.append({**versions[0], "effective_from": "2010-01-01"})


def _pending_date(d: dict[str, Any]) -> None:
    d["laws"]["psma_2018"]["sections"]["3"]["versions"][0]["effective_from"] = "commencement"


def _unknown_condition(d: dict[str, Any]) -> None:
    d["laws"]["tip_act_2018"]["sections"]["3(2)"]["versions"][0]["conditions"] = ["victim_old"]


def _alias_of_another_section(d: dict[str, Any]) -> None:
    d["laws"]["tip_act_2018"]["sections"]["3(2)"]["aliases"] = ["S. 3 (1)"]


@pytest.mark.parametrize(
    ("key", "change", "detail"),
    [
        ("geography", _drop_provinces, "provinces must be a list"),
        ("geography", _dup_district, "appears twice"),
        ("geography", _alias_of_another, "alias 'L.a.h.o.r.e' of SD-.* reads the same as the name"),
        ("geography", _alias_not_text, r"aliases\[0\] must be a name"),
        ("geography", _empty_province, "districts is empty"),
        ("offices", _office_elsewhere, "XX-NOWHERE"),
        ("offices", _office_kind, "embassy"),
        ("organisations", _drop_partners, "partners must be a list"),
        ("organisations", _department_province, r"departments\[0\]\.province 'XX'"),
        ("organisations", _department_alias_twice, "also an alias of .* in the same province"),
        ("organisations", _department_alias_is_a_name, "another department's name"),
        ("codes", _drop_means, "means must be a list"),
        ("codes", _nameless, r"countries\[0\]\.name"),
        ("codes", _dup_code, "'threats' appears twice"),
        ("sentences", _bad_default, "'42' is not in sections"),
        ("sentences", _negative, "max_fine_pkr"),
        ("sentences", _text_limit, "max_imprisonment_months"),
        ("sentences", _min_over_max, r"min_imprisonment_months \(121\) is above"),
        ("sentences", _versions_out_of_order, "must come after the version before it"),
        ("sentences", _pending_date, "commencement date is not confirmed"),
        ("sentences", _unknown_condition, "'victim_old' is not one of"),
        ("sentences", _alias_of_another_section, "also names section 3"),
    ],
)
def test_malformed_file_names_the_file(
    tmp_path: Path, key: str, change: Callable[[dict[str, Any]], None], detail: str
) -> None:
    root = _copy(tmp_path)
    _edit(root, FILES[key], change)
    with pytest.raises(InvalidInput, match=detail) as err:
        load_reference(root)
    assert FILES[key].split("/")[-1] in str(err.value)
    assert "malformed" in str(err.value)


def test_failed_load_is_not_cached(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    good = (root / FILES["codes"]).read_text(encoding="utf-8")
    (root / FILES["codes"]).write_text("{", encoding="utf-8")
    with pytest.raises(InvalidInput):
        load_reference(root)
    (root / FILES["codes"]).write_text(good, encoding="utf-8")
    assert load_reference(root).has("countries", "PK")
