"""The command line's own lines in the user's language (tipdesk.cli.language): TIPDESK_LANG,
else the signed-in user's choice, else English; JSON stays English."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sync_support import run_cli

from tipdesk.cli import main as cli_main
from tipdesk.services.session import Session
from tipdesk.services.user_prefs import set_user_language

URDU_NOT_A_DIARY_ITEM = "ڈائری کا کوئی اندراج نہیں"
URDU_NO_SUCH_ACCUSED = "جائزہ قطار میں کسی ملزم کی شناخت 'zzzz' نہیں"


def test_an_error_line_follows_tipdesk_lang(
    monkeypatch: pytest.MonkeyPatch, district_session: Session, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TIPDESK_LANG", "ur")
    assert run_cli(monkeypatch, district_session, "diary", "done", "bogus") == 1
    err = capsys.readouterr().err
    assert err.startswith("tipdesk: error: ")
    assert URDU_NOT_A_DIARY_ITEM in err
    assert "'bogus'" in err  # the value typed, as typed
    assert "is not a diary item" not in err


def test_an_error_line_follows_the_signed_in_users_language(
    monkeypatch: pytest.MonkeyPatch, district_session: Session, capsys: pytest.CaptureFixture[str]
) -> None:
    # Refused after the sign-in, so the user's own choice is known by then.
    args = ("review", "resolve", "zzzz", "--decision", "same", "--note", "checked the file")
    assert run_cli(monkeypatch, district_session, *args) == 1
    assert "No accused of the review queue has the id 'zzzz'." in capsys.readouterr().err
    set_user_language(district_session, "ur")
    assert run_cli(monkeypatch, district_session, *args) == 1
    assert URDU_NO_SUCH_ACCUSED in capsys.readouterr().err
    # TIPDESK_LANG, when set, wins over the user's choice.
    monkeypatch.setenv("TIPDESK_LANG", "en")
    assert run_cli(monkeypatch, district_session, *args) == 1
    assert "No accused of the review queue" in capsys.readouterr().err


def test_json_output_stays_english(
    monkeypatch: pytest.MonkeyPatch, district_session: Session, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TIPDESK_LANG", "ur")
    assert run_cli(monkeypatch, district_session, "diary", "done", "bogus", "--json") == 1
    out, err = capsys.readouterr()
    assert "is not a diary item" in json.loads(out)["message"]
    assert URDU_NOT_A_DIARY_ITEM in err


def test_a_confirmation_follows_the_language(
    monkeypatch: pytest.MonkeyPatch,
    district_session: Session,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("TIPDESK_LANG", "ur")
    out = tmp_path / "register.xlsx"
    assert run_cli(monkeypatch, district_session, "template", "register", "--out", str(out)) == 0
    assert capsys.readouterr().out.strip() == f"رجسٹر کا ٹیمپلیٹ {out} میں لکھا گیا"


def test_a_register_reports_its_problems_in_the_language(
    monkeypatch: pytest.MonkeyPatch,
    district_session: Session,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    register = tmp_path / "cases.csv"
    register.write_text(
        "case_number,district,office,registered_on\nFIR 1/2025,Lahroe,FIA-AHTC-LHR,31/02/2025\n",
        encoding="utf-8",
    )
    args = ("import", "register", str(register), "--sheet", "Cases", "--dry-run")
    monkeypatch.setenv("TIPDESK_LANG", "ur")
    assert run_cli(monkeypatch, district_session, *args) == 0
    out = capsys.readouterr().out
    assert "Cases!2 registered_on: 31/02/2025 — درست تاریخ متوقع تھی" in out
    assert "Cases!2 district: Lahroe — ضلع کا نام متوقع تھا" in out
    assert "expected a real date" not in out


def test_an_unknown_tipdesk_lang_is_refused_by_name(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TIPDESK_LANG", "klingon")
    assert cli_main.run(["stats"]) == 2
    err = capsys.readouterr().err
    assert "TIPDESK_LANG" in err
    assert "'klingon'" in err


def test_a_refused_record_lists_its_problems_in_the_language(
    monkeypatch: pytest.MonkeyPatch,
    district_session: Session,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`case add` with a case the validation refuses: the line names each problem (field
    path kept) in Urdu; in English it is the sentence as before, and --json stays English."""
    bad = tmp_path / "bad.json"
    case = {"case_number": "FIR 9/2026", "district": "Lahor", "accused": [{"age": -3}]}
    bad.write_text(json.dumps(case), "utf-8")
    args = ("case", "add", "--file", str(bad))
    assert run_cli(monkeypatch, district_session, *args) == 5
    english = capsys.readouterr().err
    assert "The case was not saved: " in english
    assert "district: 'Lahor' is not a district we know (did you mean Lahore?)" in english
    monkeypatch.setenv("TIPDESK_LANG", "ur")
    assert run_cli(monkeypatch, district_session, *args) == 5
    urdu = capsys.readouterr().err
    assert urdu.startswith("tipdesk: error: ")
    assert "مقدمہ محفوظ نہیں کیا گیا" in urdu
    assert "accused[0].age: " in english
    assert "کوئی معلوم ضلع نہیں" in urdu and "Lahore" in urdu
    # Each problem names its field by the label the editors show, a child by its number.
    assert "ضلع: " in urdu and "ملزم 1، عمر (سال): " in urdu
    assert "district:" not in urdu and "accused[0]" not in urdu
    assert "was not saved" not in urdu and "did you mean" not in urdu
    assert run_cli(monkeypatch, district_session, *args, "--json") == 5
    out = json.loads(capsys.readouterr().out)
    assert any("did you mean Lahore" in p["message"] for p in out["problems"])
    assert {"district", "accused[0].age"} <= {p["field"] for p in out["problems"]}


def test_a_record_not_found_is_said_in_the_language(
    monkeypatch: pytest.MonkeyPatch, district_session: Session, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TIPDESK_LANG", "ur")
    assert run_cli(monkeypatch, district_session, "victim", "show", "nope") != 0
    err = capsys.readouterr().err
    assert "شناخت nope والا کوئی متاثرہ موجود نہیں" in err.replace("\u2068", "").replace(
        "\u2069", ""
    ).replace("\u200f", "")
    monkeypatch.setenv("TIPDESK_LANG", "en")
    assert run_cli(monkeypatch, district_session, "victim", "show", "nope") != 0
    assert "There is no victim with id nope." in capsys.readouterr().err
