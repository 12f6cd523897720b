"""Command-line plumbing: passphrase sources, output, and turning errors into one line.

Contract:
- ``--json`` output is written here and only here (:func:`emit`); :func:`to_json` turns the
  services' dataclasses into JSON, so a command passes the object a service returned.
- Passphrases come from ``--passphrase-file``, then ``TIPDESK_PASSPHRASE``, then an interactive
  prompt (only on a terminal). They are never echoed, logged or put into an error message.
- :func:`run_guarded` prints a :class:`KnownError` as one line on stderr and returns its exit
  code; any other exception is a bug: one line naming the crash report, saved without record
  contents (:mod:`tipdesk.crash`: only the traceback's file and line frames), exit code 70.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Callable, Mapping
from enum import Enum
from pathlib import Path, PurePath
from typing import Any

from tipdesk.core.errors import InvalidInput, KnownError, ValidationFailed
from tipdesk.crash import save_crash_report
from tipdesk.paths import Paths

ENV_PASSPHRASE = "TIPDESK_PASSPHRASE"  # noqa: S105 (a variable name, not a secret)
ENV_NEW_PASSPHRASE = "TIPDESK_NEW_PASSPHRASE"  # noqa: S105
ENV_USER = "TIPDESK_USER"
EXIT_BUG = 70


def read_secret_file(path: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InvalidInput(f"Cannot read the passphrase file {path}: {exc.strerror}.") from None
    return text.rstrip("\r\n")


def passphrase(file: str | None, *, env: str = ENV_PASSPHRASE, prompt: str = "Passphrase: ",
               confirm: bool = False) -> str:  # fmt: skip
    """The passphrase from the file, the environment or a prompt, in that order."""
    if file:
        return read_secret_file(file)
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin.isatty():
        raise InvalidInput(
            f"No passphrase given: use --passphrase-file, set {env}, or run in a terminal."
        )
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat it: ") != first:
        raise InvalidInput("The two passphrases differ; nothing was changed.")
    return first


JSON_KEY = "json"
"""The dataclass field metadata naming a field's key in ``--json`` output when it differs
from the field's name (``field(metadata={JSON_KEY: "from"})``)."""


def to_json(value: object) -> Any:
    """``value`` as what :func:`json.dumps` writes: a dataclass as an object of its fields in
    their order (keyed by their :data:`JSON_KEY` metadata, else their names), mappings as
    objects, lists and tuples as arrays, enums as their values, dates and times in ISO 8601,
    paths as text, and anything else as it is."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.metadata.get(JSON_KEY, f.name): to_json(getattr(value, f.name))
            for f in dataclasses.fields(value)
        }
    if isinstance(value, Mapping):
        return {key: to_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, PurePath):
        return str(value)
    return value


def emit(data: object, as_json: bool, text: str | Callable[[], str]) -> None:
    """Print ``data`` as JSON (:func:`to_json`) when asked, else the human ``text``."""
    if as_json:
        print(json.dumps(to_json(data), indent=2, ensure_ascii=False, default=str))
    else:
        print(text() if callable(text) else text)


def run_guarded(action: Callable[[], int], paths: Paths | None, as_json: bool) -> int:
    try:
        return action()
    except ValidationFailed as exc:
        if as_json:
            problems = [{"field": p.field, "rule": p.rule, "message": p.message}
                        for p in exc.problems]  # fmt: skip
            print(json.dumps({"error": "validation", "problems": problems}, indent=2))
        print(f"tipdesk: error: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KnownError as exc:
        if as_json:
            print(json.dumps({"error": type(exc).__name__, "message": exc.message}))
        print(f"tipdesk: error: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("tipdesk: interrupted; nothing was changed by the unfinished step.", file=sys.stderr)
        return 130
    except Exception as exc:
        report = save_crash_report(paths, exc)
        where = f" A report (without record contents) was saved to {report}." if report else ""
        print(
            f"tipdesk: internal error ({type(exc).__name__}); this is a bug.{where}",
            file=sys.stderr,
        )
        return EXIT_BUG
