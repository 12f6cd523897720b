"""The translation files: extracting every visible string into the ``.ts`` files kept in the
repo, compiling them to the ``.qm`` files the app loads, and finding what is not translated.

``python -m tipdesk.ui.devtools.i18n extract`` (``make lupdate``) runs ``pyside6-lupdate`` over
``tipdesk/ui`` (not these developer tools) and over strings that live outside the UI's source:
the names of the code lists in ``resources/reference`` (context ``codes``) and the message
templates of ``core``/``services`` (marked with :func:`tipdesk.core.messages.say`, read from
the source; context ``messages``). New strings arrive unfinished; strings no longer in the
code are dropped.
``release`` (``make translations``, run by ``make venv``, the tests' session set-up and
``tipdesk.spec``) compiles each ``.ts`` whose ``.qm`` is missing or older. ``check`` lists the
unfinished entries and fails when there are any. See docs/translation.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tipdesk.catalogue import ARGPARSE_TEXTS
from tipdesk.core import field_labels
from tipdesk.paths import resources_dir

ROOT = Path(__file__).resolve().parents[3]
UI = ROOT / "tipdesk" / "ui"
#: The languages with a translation file (English is the source text).
LANGUAGES = {"ur": "ur_PK"}
#: Code lists whose names are shown translated (context ``codes``). Countries, districts and
#: offices are proper names and stay as the reference lists spell them.
CODE_LISTS = {
    "codes.json": (
        "exploitation_forms",
        "means",
        "referral_services",
        "training_topics",
        "campaign_kinds",
        "accused_roles",
        "victim_indicators",
        "protection_measures",
    ),
    "organisations.json": ("agencies", "departments", "partners"),
}


#: Qt's own words that TIPDesk's windows show (Qt ships no Urdu for them): the wizard's and
#: the message boxes' buttons, the text fields' menus, the print preview. Translated in our
#: ``.ts`` under Qt's contexts, so Qt's widgets find them. ``QT_LAYOUT_DIRECTION`` is not
#: shown: translated "RTL", it makes Qt lay the application out right to left as the
#: translator is installed (and back when it is removed), without the Python side touching
#: the Qt namespace, whose enums cost ~15 ms of start-up (tipdesk.ui.language).
QT_OWN: dict[str, tuple[str, ...]] = {
    "QGuiApplication": ("QT_LAYOUT_DIRECTION",),
    "QPlatformTheme": ("OK", "Cancel", "&Yes", "&No", "Yes to &All", "N&o to All", "Save",
                       "Save All", "Open", "Close", "Discard", "Apply", "Reset",
                       "Restore Defaults", "Help", "Abort", "Retry", "Ignore"),
    "QDialogButtonBox": ("OK",),
    "QMessageBox": ("Show Details...", "Hide Details..."),
    "QWizard": ("< &Back", "&Next >", "&Next", "&Finish", "Cancel", "Commit", "Continue",
                "Done", "Go Back", "Help", "&Help"),
    "QLineEdit": ("&Undo", "&Redo", "Cu&t", "&Copy", "&Paste", "Delete", "Select All"),
    "QWidgetTextControl": ("&Undo", "&Redo", "Cu&t", "&Copy", "&Paste", "Delete",
                           "Select All", "Copy &Link Location"),
    "QAbstractSpinBox": ("&Select All", "&Step up", "Step &down"),
    "QProgressDialog": ("Cancel",),
    "QPrintPreviewDialog": ("Print Preview", "Print", "Page setup", "Page Setup",
                            "Export to PDF", "First page", "Previous page", "Next page",
                            "Last page", "Fit width", "Fit page", "Zoom in", "Zoom out",
                            "Portrait", "Landscape", "Show single page", "Show facing pages",
                            "Show overview of all pages"),
}  # fmt: skip


def translations_dir() -> Path:
    return resources_dir() / "translations"


def ts_path(language: str) -> Path:
    return translations_dir() / f"tipdesk_{language}.ts"


def _tool(name: str) -> str:
    """``pyside6-lupdate``/``pyside6-lrelease`` beside this Python (the venv's)."""
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else name


def ui_sources() -> list[Path]:
    """The UI's Python files whose strings users see (developer tools excluded)."""
    return sorted(p for p in UI.rglob("*.py") if "devtools" not in p.parts)


def code_names() -> list[str]:
    """The names of the translated code lists, in file order, once each."""
    names: dict[str, None] = {}
    for file_name, lists in CODE_LISTS.items():
        data = json.loads((resources_dir() / "reference" / file_name).read_text("utf-8"))
        for list_name in lists:
            for item in data[list_name]:
                names[str(item["name"])] = None
    # The diary's shipped deadlines and follow-ups ("Medical referral: follow up").
    rules = json.loads((resources_dir() / "rules" / "deadlines.json").read_text("utf-8"))
    for key in ("case_deadlines", "referral_follow_ups"):
        for rule in rules.get(key, []):
            names[str(rule["title"])] = None
    return list(names)


#: The layers whose messages are shown translated (:mod:`tipdesk.core.messages`): ``store``
#: for the sign-in's refusals (:mod:`tipdesk.store.keys`), ``cli`` for the command line's
#: confirmations (:mod:`tipdesk.cli.language`), ``sync`` and ``hqstore`` for the refusals of a
#: bundle, receipt or key file and of the PostgreSQL database.
MESSAGE_SOURCES = ("core", "services", "store", "cli", "sync", "hqstore")


def catalogue_texts() -> list[str]:
    """The message templates marked in ``core``/``services`` (:mod:`tipdesk.core.messages`),
    read from the source."""
    from tipdesk.core.messages import templates_in

    files = [
        p for layer in MESSAGE_SOURCES for p in sorted((ROOT / "tipdesk" / layer).rglob("*.py"))
    ]
    return templates_in(files)


def report_texts() -> list[str]:
    """The words of the report's tables and exports (:data:`tipdesk.reports.localize.REPORT_TEXTS`),
    context ``ReportTables``: the Reports screen and the Urdu PDF/XLSX share them."""
    from tipdesk.reports.localize import REPORT_TEXTS

    return list(REPORT_TEXTS)


def dynamic_source(groups: Iterable[tuple[str, Iterable[str]]]) -> str:
    """Python source marking ``(context, texts)`` for ``lupdate`` (never imported)."""
    lines = ["from PySide6.QtCore import QT_TRANSLATE_NOOP", ""]
    for context, texts in groups:
        lines += [f"QT_TRANSLATE_NOOP({context!r}, {text!r})" for text in texts]
    return "\n".join(lines) + "\n"


def extract(languages: Sequence[str] = tuple(LANGUAGES), folder: Path | None = None) -> list[Path]:
    """Update each language's ``.ts`` in ``folder`` (default ``resources/translations``) from
    the sources; returns the files written."""
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="tipdesk-lupdate-") as tmp:
        extra = Path(tmp) / "strings_outside_the_ui.py"
        extra.write_text(
            dynamic_source(
                [
                    ("codes", code_names()),
                    ("messages", catalogue_texts()),
                    ("ReportTables", report_texts()),
                    ("argparse", ARGPARSE_TEXTS),
                    ("record_fields", field_labels.texts()),
                    *QT_OWN.items(),
                ]
            ),
            encoding="utf-8",
        )
        sources = [str(p) for p in ui_sources()] + [str(extra)]
        for language in languages:
            target = (folder / ts_path(language).name) if folder else ts_path(language)
            target.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run(  # noqa: S603 - fixed tool, our own file names
                [
                    _tool("pyside6-lupdate"),
                    *sources,
                    "-locations",
                    "none",
                    "-no-obsolete",
                    "-target-language",
                    LANGUAGES[language],
                    "-ts",
                    str(target),
                ],
                check=True,
                capture_output=True,
                timeout=300,
            )
            written.append(target)
    return written


def release(folder: Path | None = None, *, force: bool = False) -> list[Path]:
    """Compile each ``tipdesk_*.ts`` in ``folder`` whose ``.qm`` is missing or older (all of
    them with ``force``); returns the ``.qm`` files written."""
    written: list[Path] = []
    for ts in sorted((folder or translations_dir()).glob("tipdesk_*.ts")):
        qm = ts.with_suffix(".qm")
        if not force and qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        # Written beside and renamed: two test workers compiling at once never read half a file.
        part = qm.with_name(f"{qm.name}.{os.getpid()}.part")
        marked = ts.with_name(f"{ts.stem}.{os.getpid()}.bidi.ts")
        try:
            marked.write_text(bidi_marked(ts.read_text(encoding="utf-8")), encoding="utf-8")
            subprocess.run(  # noqa: S603 - fixed tool, our own file names
                [_tool("pyside6-lrelease"), "-silent", str(marked), "-qm", str(part)],
                check=True,
                capture_output=True,
                timeout=300,
            )
        finally:
            marked.unlink(missing_ok=True)
        part.replace(qm)
        written.append(qm)
    return written


RLM = "\u200f"
FSI = "\u2068"  # first-strong isolate: the value's own direction, apart from the sentence
PDI = "\u2069"  # pop directional isolate
_PLACEHOLDER = re.compile(r"(?<!\u2068)(\{[^{}<>]*\}|%\d)")
_RTL_LANGUAGES = ("ur",)


def bidi_marked(ts_text: str) -> str:
    """A right-to-left language's ``.ts`` text with each placeholder of its translations
    isolated (FSI ... PDI, Unicode's bidi isolates): a value in Latin letters (a folder
    "/tmp/home", "Pakistan (all provinces)", "FIR 12/2025") keeps its own direction and does
    not pull the punctuation and digits after it into its run ("/tmp/home" shown as
    "tmp/home/"). Other languages' files come back unchanged. Applied when compiling, so the
    ``.ts`` stays as translators write it."""
    if not re.search(r'language="(' + "|".join(_RTL_LANGUAGES) + r')[_"]', ts_text):
        return ts_text

    def isolate(match: re.Match[str]) -> str:
        body = _PLACEHOLDER.sub(lambda m: FSI + m.group(1) + PDI, match.group(2))
        return match.group(1) + body + match.group(3)

    return re.sub(r"(<translation[^>]*>)(.*?)(</translation>)", isolate, ts_text, flags=re.DOTALL)


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    translation: str
    finished: bool


def entries(ts: Path) -> list[Entry]:
    """The messages of a ``.ts`` file (obsolete ones left out)."""
    tree = ET.parse(ts)  # noqa: S314 - our own file
    found: list[Entry] = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            node = message.find("translation")
            kind = node.get("type", "") if node is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            text = (node.text or "") if node is not None else ""
            finished = kind != "unfinished" and bool(text.strip())
            found.append(Entry(name, message.findtext("source") or "", text, finished))
    return found


def unfinished(ts: Path) -> list[Entry]:
    return [e for e in entries(ts) if not e.finished]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tipdesk.ui.devtools.i18n")
    parser.add_argument("command", choices=("extract", "release", "check"))
    parser.add_argument("--force", action="store_true", help="release: compile every .ts")
    args = parser.parse_args(argv)
    if args.command == "extract":
        for path in extract():
            left = len(unfinished(path))
            print(f"{path.relative_to(ROOT)}: {len(entries(path))} strings, {left} unfinished")
        return 0
    if args.command == "release":
        for path in release(force=args.force):
            print(f"compiled {path.name}")
        return 0
    bad = 0
    for language in LANGUAGES:
        for entry in unfinished(ts_path(language)):
            bad += 1
            print(f"{language} [{entry.context}] unfinished: {entry.source!r}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
