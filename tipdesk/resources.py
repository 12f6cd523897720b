"""Load the reference lists and sentencing rules shipped under ``resources/``.

Contract:

- :func:`load_reference` reads the JSON files of :data:`FILES` below a resources root (default:
  :func:`tipdesk.paths.resources_dir`) and returns one :class:`~tipdesk.core.reference.Reference`:
  ``reference/geography.json``, ``reference/offices.json``, ``reference/organisations.json``,
  ``reference/codes.json``, ``rules/sentences.json``, ``rules/deadlines.json`` (the diary's
  deadlines) and ``templates/letters.json`` (letter templates). Their shapes are documented in
  :mod:`tipdesk.core.reference`, :mod:`tipdesk.core.deadlines` and :mod:`tipdesk.core.letters`.
- The result is cached per resolved root for the life of the process: the files are read once.
  :func:`clear_cache` forgets the cache (tests, or after the files were replaced).
- Every file is checked before use: it must be UTF-8 JSON of the documented shape, codes must
  be unique within their list, district codes, names and aliases unique in the country (look-up
  by name or alias must not be ambiguous; they are compared as
  :func:`~tipdesk.core.reference.district_key` compares them), every office must sit in a known
  district and be of a known kind, and the sentencing rules must parse
  (:func:`tipdesk.core.sentencing.parse_rules`: every law's default section exists, versions
  are dated oldest first, minimums do not exceed maximums). Any failure (missing, unreadable,
  not JSON, wrong shape) raises :class:`~tipdesk.core.errors.InvalidInput` whose message names
  the file. Nothing is cached then.
- Top-level keys starting with ``_`` (comments, e.g. ``"_comment"``) are allowed in every file
  and ignored, as are such keys among laws and sections.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tipdesk.core.codes import OfficeKind
from tipdesk.core.deadlines import RulesError as DeadlinesError
from tipdesk.core.deadlines import parse_rules as parse_deadlines
from tipdesk.core.errors import InvalidInput
from tipdesk.core.letters import LettersError, parse_letters
from tipdesk.core.reference import CODE_LISTS, Reference, district_key
from tipdesk.core.sentencing import RulesError, parse_rules
from tipdesk.paths import resources_dir

#: Argument name of :class:`Reference` -> path of its file below the resources root.
FILES: dict[str, str] = {
    "geography": "reference/geography.json",
    "offices": "reference/offices.json",
    "organisations": "reference/organisations.json",
    "codes": "reference/codes.json",
    "sentences": "rules/sentences.json",
    "deadlines": "rules/deadlines.json",
    "letters": "templates/letters.json",
}

ORGANISATION_LISTS = ("agencies", "departments", "partners")


class _Bad(Exception):
    """A shape problem inside one file; turned into ``InvalidInput`` naming the file."""


def load_reference(root: Path | None = None) -> Reference:
    """The reference data under ``root`` (default: the app's resources folder), cached per root.

    Raises :class:`InvalidInput` naming the file when a file is missing or malformed.
    """
    base = resources_dir() if root is None else root
    return _load(base.resolve())


def clear_cache() -> None:
    """Forget every cached :class:`Reference`; the next :func:`load_reference` reads the files."""
    _load.cache_clear()


@functools.lru_cache(maxsize=8)
def _load(root: Path) -> Reference:
    parsed = read_documents(root)
    return _checked(parsed, lambda name: str(root / FILES[name]))


def read_documents(root: Path | None = None) -> dict[str, dict[str, Any]]:
    """The parsed reference documents (:data:`FILES`) below ``root`` (default: the app's
    resources), by argument name of :class:`Reference`, unchecked
    (:func:`reference_from_documents` checks)."""
    base = resources_dir() if root is None else root
    return {name: _read_json(base / rel) for name, rel in FILES.items()}


def reference_from_documents(documents: Mapping[str, Any], *, origin: str) -> Reference:
    """A :class:`Reference` from parsed documents (every :data:`FILES` name), checked
    exactly as files are; :class:`InvalidInput` names the document (``origin``, e.g. "HQ's
    update", then its file name) when one is not of the documented shape."""
    missing = sorted(set(FILES) - set(documents))
    if missing:
        raise InvalidInput(f"{origin} lacks {', '.join(FILES[m] for m in missing)}.")
    parsed: dict[str, dict[str, Any]] = {}
    for name in FILES:
        doc = documents[name]
        if not isinstance(doc, dict):
            raise InvalidInput(f"{origin}: {FILES[name]} must hold a JSON object at the top level.")
        parsed[name] = doc
    return _checked(parsed, lambda name: f"{origin}: {FILES[name]}")


def _checked(parsed: dict[str, dict[str, Any]], where: Callable[[str], str]) -> Reference:
    with _blame(where("geography")):
        districts = _check_geography(parsed["geography"])
    with _blame(where("offices")):
        _check_offices(parsed["offices"], districts)
    with _blame(where("organisations")):
        for key in ORGANISATION_LISTS:
            _check_items(parsed["organisations"], key)
        _check_department_aliases(parsed["organisations"]["departments"], parsed["geography"])
    with _blame(where("codes")):
        for key in CODE_LISTS:
            _check_items(parsed["codes"], key)
        _check_register_headers(parsed["codes"].get("register_headers", {}))
    with _blame(where("sentences")):
        _check_sentences(parsed["sentences"])
    services = {i["code"] for i in parsed["codes"]["referral_services"]}
    with _blame(where("deadlines")):
        try:
            parse_deadlines(parsed["deadlines"], services=services)
        except DeadlinesError as exc:
            raise _Bad(str(exc)) from None
    with _blame(where("letters")):
        try:
            parse_letters(parsed["letters"], services=services)
        except LettersError as exc:
            raise _Bad(str(exc)) from None
    return Reference(**parsed)


def _read_json(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InvalidInput(f"Reference file {path} is missing.") from None
    except UnicodeDecodeError:
        raise InvalidInput(f"Reference file {path} is not UTF-8 text.") from None
    except OSError as exc:
        raise InvalidInput(f"Reference file {path} could not be read: {exc.strerror}.") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            f"Reference file {path} is not valid JSON (line {exc.lineno}, column {exc.colno}: "
            f"{exc.msg})."
        ) from None
    if not isinstance(data, dict):
        raise InvalidInput(f"Reference file {path} must hold a JSON object at the top level.")
    return data


@contextmanager
def _blame(what: str) -> Iterator[None]:
    """Turn a shape problem found inside the block into ``InvalidInput`` naming ``what``."""
    try:
        yield
    except _Bad as exc:
        raise InvalidInput(f"Reference file {what} is malformed: {exc}.") from None


# --- shape checks ----------------------------------------------------------------------------
def _text(obj: dict[str, Any], key: str, where: str) -> str:
    value = obj.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _Bad(f"{where}.{key} must be a non-empty string")
    return value


def _obj(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Bad(f"{where} must be an object")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise _Bad(f"{where} must be a list")
    return value


def _fold(name: str) -> str:
    """How names are compared: the look-up key of :mod:`tipdesk.core.reference`."""
    return " ".join(name.split()).casefold()


def _check_items(data: dict[str, Any], key: str) -> None:
    """``data[key]`` is a ``[{"code", "name"}]`` list: codes unique, names unique ignoring case."""
    codes: set[str] = set()
    names: set[str] = set()
    for i, raw in enumerate(_list(data.get(key), key)):
        where = f"{key}[{i}]"
        item = _obj(raw, where)
        code, name = _text(item, "code", where), _text(item, "name", where)
        if code in codes:
            raise _Bad(f"{where}: code {code!r} appears twice")
        folded = _fold(name)
        if folded in names:
            raise _Bad(f"{where}: name {name!r} appears twice")
        codes.add(code)
        names.add(folded)


def _check_department_aliases(items: list[dict[str, Any]], geography: dict[str, Any]) -> None:
    """Departments' ``province`` is a province of the geography; ``aliases`` are names, never
    another department's name or code, and never shared by two departments of one province
    (nor by two departments without a province): an alias must name one department once the
    province of the row's district is known."""
    provinces = {p["code"] for p in geography["provinces"]}
    names = {_fold(i["name"]) for i in items} | {_fold(i["code"]) for i in items}
    owner: dict[tuple[str, str], str] = {}
    for i, item in enumerate(items):
        where = f"departments[{i}]"
        province = item.get("province", "")
        if province != "" and province not in provinces:
            raise _Bad(f"{where}.province {province!r} is not a province of geography.json")
        for k, alias in enumerate(_list(item.get("aliases", []), f"{where}.aliases")):
            if not isinstance(alias, str) or not alias.strip():
                raise _Bad(f"{where}.aliases[{k}] must be a non-empty string")
            key = _fold(alias)
            if key in names and _fold(item["name"]) != key and _fold(item["code"]) != key:
                raise _Bad(f"{where}.aliases[{k}] {alias!r} is another department's name or code")
            seen = owner.setdefault((province, key), item["code"])
            if seen != item["code"]:
                raise _Bad(
                    f"{where}.aliases[{k}] {alias!r} is also an alias of {seen}"
                    + (" in the same province" if province else "")
                )


def _check_register_headers(data: Any) -> None:
    """``register_headers``: sheets (or ``*``) to columns to lists of header names, and ``-`` a
    list of header names. Which columns exist is the register import's business: a header
    for a column a sheet lacks names nothing there."""
    where = "register_headers"
    for sheet, columns in _obj(data, where).items():
        if sheet.startswith("_"):
            continue
        if sheet == "-":
            _names(columns, f"{where}.-")
            continue
        for column, names in _obj(columns, f"{where}.{sheet}").items():
            if not column.startswith("_"):
                _names(names, f"{where}.{sheet}.{column}")


def _names(value: Any, where: str) -> None:
    for k, name in enumerate(_list(value, where)):
        if not isinstance(name, str) or not name.strip():
            raise _Bad(f"{where}[{k}] must be a non-empty string")


def _check_geography(data: dict[str, Any]) -> set[str]:
    """Returns the district codes."""
    provinces = _list(data.get("provinces"), "provinces")
    if not provinces:
        raise _Bad("provinces is empty")
    seen_codes: set[str] = set()
    districts: set[str] = set()
    names: dict[str, str] = {}
    words: list[tuple[str, str, str]] = []  # (what, text, district code) for the key check
    for i, raw in enumerate(provinces):
        where = f"provinces[{i}]"
        prov = _obj(raw, where)
        code = _text(prov, "code", where)
        if code in seen_codes:
            raise _Bad(f"{where}: code {code!r} appears twice")
        seen_codes.add(code)
        _text(prov, "name", where)
        items = _list(prov.get("districts"), f"{where}.districts")
        if not items:
            raise _Bad(f"{where}.districts is empty")
        for j, draw in enumerate(items):
            dwhere = f"{where}.districts[{j}]"
            district = _obj(draw, dwhere)
            code, name = _text(district, "code", dwhere), _text(district, "name", dwhere)
            if code in seen_codes:
                raise _Bad(f"{dwhere}: code {code!r} appears twice")
            folded = _fold(name)
            if folded in names:
                raise _Bad(f"{dwhere}: name {name!r} is also used by {names[folded]}")
            seen_codes.add(code)
            districts.add(code)
            names[folded] = code
            words += [("code", code, code), ("name", name, code)]
            aliases = _list(district.get("aliases", []), f"{dwhere}.aliases")
            for k, alias in enumerate(aliases):
                if not isinstance(alias, str) or not district_key(alias):
                    raise _Bad(f"{dwhere}.aliases[{k}] must be a name with letters or digits")
                words.append(("alias", alias, code))
    _check_district_words(words)
    return districts


def _check_district_words(words: list[tuple[str, str, str]]) -> None:
    """No code, name or alias may stand for two districts (compared as look-ups compare)."""
    owner: dict[str, tuple[str, str, str]] = {}
    for what, text, code in words:
        key = district_key(text)
        seen = owner.setdefault(key, (what, text, code))
        if seen[2] != code:
            raise _Bad(
                f"the {what} {text!r} of {code} reads the same as the {seen[0]} {seen[1]!r} "
                f"of {seen[2]}"
            )


def _check_offices(data: dict[str, Any], districts: set[str]) -> None:
    kinds = {k.value for k in OfficeKind}
    codes: set[str] = set()
    for i, raw in enumerate(_list(data.get("offices"), "offices")):
        where = f"offices[{i}]"
        office = _obj(raw, where)
        code = _text(office, "code", where)
        _text(office, "name", where)
        if code in codes:
            raise _Bad(f"{where}: code {code!r} appears twice")
        codes.add(code)
        district = _text(office, "district", where)
        if district not in districts:
            raise _Bad(f"{where}: district {district!r} is not in geography.json")
        kind = _text(office, "kind", where)
        if kind not in kinds:
            raise _Bad(f"{where}: kind {kind!r} is not one of {', '.join(sorted(kinds))}")


def _check_sentences(data: dict[str, Any]) -> None:
    try:
        parse_rules(data)
    except RulesError as exc:
        raise _Bad(str(exc)) from None
