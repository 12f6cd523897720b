"""argparse's own messages on the command line in the CLI's language (issue 19): with
TIPDESK_LANG=ur its refusals of the arguments and its usage/help headings are in Urdu, the
"tipdesk: error:" prefix and the typed values stay as they are, English is argparse's own, and
argparse's texts are given back after the command (tipdesk.cli.argparse_language)."""

from __future__ import annotations

import argparse

import pytest

from tipdesk import catalogue
from tipdesk.cli import main as cli_main


def _refused(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as info:
        cli_main.run(list(args))
    assert info.value.code == 2
    return capsys.readouterr().err


def test_argument_errors_in_urdu(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TIPDESK_LANG", "ur")
    err = _refused(capsys, "sync", "frobnicate")
    assert err.startswith("استعمال: tipdesk sync")
    assert "tipdesk sync: error: " in err  # the prefix stays English for scripts
    assert "غلط انتخاب: 'frobnicate'" in err
    assert "invalid choice" not in err and "usage:" not in err
    err = _refused(capsys, "hq", "receipts")
    assert "یہ دلائل لازمی ہیں: " in err
    assert "the following arguments are required" not in err
    err = _refused(capsys, "stats", "--no-such-option")
    assert "نامعلوم دلائل: --no-such-option" in err


def test_help_headings_in_urdu(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TIPDESK_LANG", "ur")
    with pytest.raises(SystemExit):
        cli_main.run(["sync", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("استعمال: ")
    assert "ترتیبی دلائل:" in out and "اختیارات:" in out
    assert "positional arguments" not in out and "\noptions:" not in out


def test_english_is_argparses_own_and_argparse_is_given_back(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    own = vars(argparse)["_"], vars(argparse)["ngettext"]
    monkeypatch.setenv("TIPDESK_LANG", "ur")
    _refused(capsys, "sync", "frobnicate")
    assert (vars(argparse)["_"], vars(argparse)["ngettext"]) == own
    monkeypatch.setenv("TIPDESK_LANG", "en")
    err = _refused(capsys, "sync", "frobnicate")
    assert err.startswith("usage: tipdesk sync")
    assert "argument ACTION: invalid choice: 'frobnicate'" in err


def test_every_argparse_text_has_its_urdu_with_its_placeholders() -> None:
    urdu = catalogue.translations("ur", ("argparse",))
    for text in catalogue.ARGPARSE_TEXTS:
        assert urdu.get(text), text
        for mark in ("%s", "%r", "%(value)r", "%(choices)s", "%(message)s"):
            assert text.count(mark) == urdu[text].count(mark), (text, urdu[text])
