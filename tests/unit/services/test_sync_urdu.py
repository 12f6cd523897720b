"""The refusals of sync (bundles, receipts, case files, key files, certificates) and of HQ's
PostgreSQL store reach an Urdu user in Urdu (issue 19): the refusals provoked here are
rendered as the app and the command line render them, and no Latin-only sentence is left; a
sweep of the source fails when a new refusal in those layers is raised as plain English.
See docs/translation.md ("What is not translated yet")."""

from __future__ import annotations

import ast
import importlib
import json
import pkgutil
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sync_support import case_for, export, link, make_district, make_hq, run_cli

import tipdesk
from tipdesk import catalogue
from tipdesk.core.clock import FixedClock
from tipdesk.core.errors import KnownError
from tipdesk.core.messages import Message
from tipdesk.services import records, sync
from tipdesk.services.session import Session

ROOT = Path(tipdesk.__file__).parent
LAYERS = ("sync", "services/sync", "hqstore")

#: Refusals deliberately left as plain English, with the reason (docs/translation.md).
ENGLISH_ON_PURPOSE = {
    # HQ's receiver answers a district's HTTP request with these; the district shows HQ's
    # answer as it came (a status line of the server, not a sentence of this install).
    "sync/request_auth.py",
}

# Latin text an Urdu sentence may keep: commands and options in backticks, file names and
# paths, URLs, codes and the product's and formats' names (docs/translation.md, Style).
_ALLOWED_LATIN = re.compile(
    r"`[^`]*`|\S*[/\\]\S*|\S+\.\w{2,4}\b|https?://\S+|--[\w-]+|"
    r"\b(?:TIPDesk|HQ|FIR|CNIC|PDF|JSON|SHA-256|SQLSTATE|PostgreSQL|TLS|CA|URL|FILE|age1?|"
    r"X25519|PEM|DER|X\.509)\b"
)
_LATIN_SENTENCE = re.compile(r"[A-Za-z]{2,}(?:[ ,;:'()-]+[A-Za-z]{2,}){2,}")
_URDU_LETTER = re.compile(r"[\u0600-\u06ff]")


def latin_left(text: str) -> list[str]:
    """The runs of three or more Latin words in ``text`` once the allowed Latin is removed."""
    return _LATIN_SENTENCE.findall(_ALLOWED_LATIN.sub(" ", text))


def in_urdu(said: Message | None) -> str:
    assert said is not None, "raised as plain English: no translatable message"
    text = catalogue.message_in("ur", said)
    assert _URDU_LETTER.search(text), text
    assert not latin_left(text), (latin_left(text), text)
    return text


def test_the_latin_check_sees_english_and_allows_names() -> None:
    assert latin_left("This bundle was refused. Nothing was changed.")
    assert not latin_left("بنڈل مسترد `tipdesk device register` ‏lahore-0001.tipbundle")


@pytest.fixture
def linked(tmp_path: Path, svc_clock: FixedClock) -> Iterator[tuple[Session, Session]]:
    district = make_district(tmp_path / "lahore", svc_clock)
    hq = make_hq(tmp_path / "hq", svc_clock)
    link(district, hq, tmp_path / "files")
    records.save(district, [case_for(district)])
    yield district, hq
    district.close()
    hq.close()


def _refusal(action: Callable[[], object]) -> KnownError:
    with pytest.raises(KnownError) as info:
        action()
    return info.value


def test_sync_refusals_are_said_in_urdu(linked: tuple[Session, Session], tmp_path: Path) -> None:
    district, hq = linked
    bundle = export(district, tmp_path / "out").read_bytes()
    tampered = bytearray(bundle)
    tampered[len(tampered) // 2] ^= 0x01
    sync.import_bundle_bytes(hq, bundle)
    (tmp_path / "receipts").mkdir()
    [receipt] = sync.write_receipts(hq, tmp_path / "receipts")
    refusals = [
        _refusal(lambda: sync.import_bundle_bytes(hq, bytes(tampered))),
        _refusal(lambda: sync.import_bundle_bytes(hq, bundle[: len(bundle) // 2])),
        _refusal(lambda: sync.import_bundle_bytes(hq, b"not a bundle at all")),
        _refusal(lambda: sync.import_bundle_bytes(hq, receipt.read_bytes())),
        _refusal(lambda: sync.import_receipt_bytes(district, bundle)),
        _refusal(lambda: sync.import_receipt(district, tmp_path / "missing.tipreceipt")),
        _refusal(lambda: sync.import_receipt(district, tmp_path)),
    ]
    texts = [in_urdu(exc.said) for exc in refusals]
    assert "کچھ تبدیل نہیں ہوا" in texts[0]
    assert "رسید" in texts[3] and "بنڈل" in texts[3]  # a receipt where a bundle goes
    # The English stays as it was, for logs and --json.
    assert str(refusals[0].said) == refusals[0].message
    assert refusals[0].message.endswith("Nothing was changed.")


def test_hq_import_report_and_command_line_say_a_refused_file_in_urdu(
    linked: tuple[Session, Session],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    district, hq = linked
    bundle = export(district, tmp_path / "out")
    data = bytearray(bundle.read_bytes())
    data[-40] ^= 0x01
    bad = tmp_path / "in" / bundle.name
    bad.parent.mkdir()
    bad.write_bytes(bytes(data))
    report = sync.import_files(hq, [bad])
    [refused] = report.errors
    assert refused.said is not None and str(refused.said) == refused.message
    in_urdu(refused.said)

    monkeypatch.setenv("TIPDESK_LANG", "ur")
    assert run_cli(monkeypatch, hq, "hq", "import", str(bad)) == 1
    err = capsys.readouterr().err
    line = err.strip().splitlines()[-1]
    assert line.startswith(f"tipdesk: error: {bad}: ")
    in_urdu_text = line.removeprefix(f"tipdesk: error: {bad}: ")
    assert _URDU_LETTER.search(in_urdu_text) and not latin_left(in_urdu_text), line
    # --json stays English, and holds no translated copy.
    assert run_cli(monkeypatch, hq, "hq", "import", str(bad), "--json") == 1
    out = json.loads(capsys.readouterr().out)
    assert out["errors"][0]["message"] == refused.message
    assert set(out["errors"][0]) == {"file", "error", "message"}
    # The report's summary line of a bundle imported is in Urdu too.
    assert run_cli(monkeypatch, hq, "hq", "import", str(bundle)) == 0
    summary = capsys.readouterr().out
    assert "بنڈلوں میں" in summary and "In the bundles" not in summary


def test_hq_database_messages_are_said_in_urdu() -> None:
    psycopg = pytest.importorskip("psycopg")
    from tipdesk.hqstore import errors

    for state in ("53100", "40001", "3D000", "28P01", "42501", "XX001", "08006", "53200"):
        failure = psycopg.errors.lookup(state)()
        translated = errors.classify(failure)
        assert isinstance(translated, KnownError), state
        text = in_urdu(translated.said)
        if state != "53100":
            assert state in text or "SQLSTATE" not in translated.message, text


def _known_error_names() -> set[str]:
    for layer in LAYERS:
        package = "tipdesk." + layer.replace("/", ".")
        for info in pkgutil.walk_packages([str(ROOT / layer)], package + "."):
            importlib.import_module(info.name)
    names: set[str] = set()
    todo = [KnownError]
    while todo:
        klass = todo.pop()
        names.add(klass.__name__)
        todo.extend(klass.__subclasses__())
    return names


def test_no_refusal_of_sync_or_hqstore_is_raised_as_plain_english() -> None:
    """A ``KnownError`` raised (or returned, as the SQLSTATE translations are) with a literal
    or f-string in these layers reaches an Urdu user in English: raise ``say(...)`` instead
    (docs/translation.md)."""
    known = _known_error_names()
    plain: list[str] = []
    for layer in LAYERS:
        for path in sorted((ROOT / layer).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if rel in ENGLISH_ON_PURPOSE:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                call = node.exc if isinstance(node, ast.Raise) else (
                    node.value if isinstance(node, ast.Return) else None)  # fmt: skip
                if not isinstance(call, ast.Call) or not call.args:
                    continue
                name = call.func.id if isinstance(call.func, ast.Name) else (
                    getattr(call.func, "attr", ""))  # fmt: skip
                if name in known and isinstance(call.args[0], ast.Constant | ast.JoinedStr):
                    plain.append(f"{rel}:{call.lineno}")
    assert not plain, "refusals raised as plain English: " + ", ".join(plain)


def test_hqs_quarantine_reasons_are_kept_translatable_here_and_in_receipts(
    linked: tuple[Session, Session], tmp_path: Path
) -> None:
    """A record HQ quarantines keeps each reason's template and arguments beside the English,
    so HQ's import report and Data quality show it in Urdu, and so does the district's Sync
    screen from the receipt."""
    from tipdesk.core.errors import problem_said
    from tipdesk.services import data_quality

    district, hq = linked
    bad = case_for(district)
    bad.accused[0].imprisonment_months = 96  # over the Act's maximum: HQ quarantines it
    district.store.save([bad], district.actor())
    result = sync.import_bundle_bytes(hq, export(district, tmp_path / "out").read_bytes())
    kept = [p for q in result.quarantined for p in q["problems"]]
    assert any(p["rule"] == "sentence.max_imprisonment" for p in kept)
    for p in kept:
        field_name, sentence = problem_said(p)
        assert isinstance(sentence, Message), p  # every reason here was made translatable
        assert str(sentence) == p["message"] and field_name == p["field"]
        in_urdu(sentence)
    held = data_quality.data_quality(hq).quarantined
    assert held and all(len(q.said) == len(q.problems) for q in held)
    for q in held:
        for _field, sentence in q.said:
            assert isinstance(sentence, Message)
            in_urdu(sentence)
    # The receipt carries them too: the district shows HQ's reasons in its user's language.
    told = sync.import_receipt_bytes(district, sync.receipt_for(hq, district.install.device_id))
    sent = [p for q in told.quarantined for p in q["problems"]]
    assert sent and all({"field", "rule", "message"} <= set(p) for p in sent)
    for p in sent:
        _field, sentence = problem_said(p)
        assert isinstance(sentence, Message) and str(sentence) == p["message"]
        in_urdu(sentence)
