"""Command-line plumbing: passphrase sources, output, and turning errors into one line.

Contract:
- ``--json`` output is written here and only here (:func:`emit`); :func:`to_json` turns the
  services' dataclasses into JSON, so a command passes the object a service returned.
- Passphrases come from ``--passphrase-file``, then ``TIPDESK_PASSPHRASE``, then an interactive
  prompt (only on a terminal). They are never echoed, logged or put into an error message.
- :func:`run_guarded` prints a :class:`KnownError` as one line on stderr and returns its exit
  code. What the surroundings refused (an ``OSError``: a folder given for a file, a missing or
  read-only folder, a full disk, :func:`tipdesk.crash.ordinary_error`) is one line too, exit
  code 1, no crash report; a closed output pipe (``tipdesk case list | head -1``) is one line
  and exit code 141 (128 + SIGPIPE, what the shell reports for other tools cut off the same
  way); Ctrl+C is one line and 130. Any other exception is a bug: one line naming the crash
  report, saved without record contents (only the traceback's file and line frames), exit
  code 70. Output still buffered is written before the command counts as done, so a failure
  to write it is reported like the others, never as Python's "Exception ignored".
"""

from __future__ import annotations

import contextlib
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

from tipdesk.cli import language
from tipdesk.core import messages
from tipdesk.core.errors import InvalidInput, KnownError, ValidationFailed
from tipdesk.core.messages import Message
from tipdesk.crash import ordinary_error, save_crash_report
from tipdesk.paths import Paths

ENV_PASSPHRASE = "TIPDESK_PASSPHRASE"  # noqa: S105 (a variable name, not a secret)
ENV_NEW_PASSPHRASE = "TIPDESK_NEW_PASSPHRASE"  # noqa: S105
ENV_USER = "TIPDESK_USER"
EXIT_ERROR = 1
EXIT_INTERRUPTED = 130
EXIT_PIPE_CLOSED = 141
EXIT_BUG = 70


def read_secret_file(path: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InvalidInput(
            messages.say(
                "Cannot read the passphrase file {path}: {strerror}.",
                path=path,
                strerror=exc.strerror,
            )
        ) from None
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
            messages.say(
                "No passphrase given: use --passphrase-file, set {env}, or run in a terminal.",
                env=env,
            )
        )
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat it: ") != first:
        raise InvalidInput(messages.say("The two passphrases differ; nothing was changed."))
    return first


JSON_KEY = "json"
"""The dataclass field metadata naming a field's key in ``--json`` output when it differs
from the field's name (``field(metadata={JSON_KEY: "from"})``); ``None`` leaves the field out
of ``--json`` output (a translatable copy of a field that is there in English)."""


def to_json(value: object) -> Any:
    """``value`` as what :func:`json.dumps` writes: a dataclass as an object of its fields in
    their order (keyed by their :data:`JSON_KEY` metadata, else their names), mappings as
    objects, lists and tuples as arrays, enums as their values, dates and times in ISO 8601,
    paths as text, and anything else as it is."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.metadata.get(JSON_KEY, f.name): to_json(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.metadata.get(JSON_KEY, f.name) is not None  # None: not in --json output
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


def emit(data: object, as_json: bool, text: str | Message | Callable[[], str]) -> None:
    """Print ``data`` as JSON (:func:`to_json`) when asked, else the human ``text``; a
    translatable message (a confirmation) in the user's language (:mod:`.language`)."""
    if as_json:
        print(json.dumps(to_json(data), indent=2, ensure_ascii=False, default=str))
    elif isinstance(text, Message):
        print(language.text(text))
    else:
        print(text() if callable(text) else text)


def run_guarded(action: Callable[[], int], paths: Paths | None, as_json: bool) -> int:
    """Run ``action``; turn what it raises into one line on stderr and an exit code (see the
    module contract)."""
    try:
        code = action()
        _flush_stdout()  # a closed pipe or a full disk shows here, not at exit
        return code
    except ValidationFailed as exc:
        if as_json:
            problems = [{"field": p.field, "rule": p.rule, "message": p.message}
                        for p in exc.problems]  # fmt: skip
            _print_json({"error": "validation", "problems": problems})
        return _fail(language.error_text(exc), exc.exit_code)
    except KnownError as exc:
        if as_json:
            _print_json({"error": type(exc).__name__, "message": exc.message})
        # The line in the user's language (tipdesk.cli.language); JSON stays English.
        return _fail(language.error_text(exc), exc.exit_code)
    except KeyboardInterrupt:
        return _fail("interrupted; nothing was changed by the unfinished step.", EXIT_INTERRUPTED)
    except BrokenPipeError as exc:
        _quiet_stdout()
        return _fail(str(ordinary_error(exc)), EXIT_PIPE_CLOSED)
    except OSError as exc:
        _quiet_stdout_if_broken()
        return _fail(str(ordinary_error(exc)), EXIT_ERROR)
    except Exception as exc:
        report = save_crash_report(paths, exc)
        where = f" A report (without record contents) was saved to {report}." if report else ""
        say(f"tipdesk: internal error ({type(exc).__name__}); this is a bug.{where}")
        return EXIT_BUG


def say(line: str) -> None:
    """Print ``line`` on stderr; a closed stderr is ignored (there is no one left to tell)."""
    with contextlib.suppress(OSError, ValueError):
        print(line, file=sys.stderr, flush=True)


def _fail(message: str, code: int) -> int:
    say(f"tipdesk: error: {message}")
    return code


def _print_json(data: object) -> None:
    try:
        print(json.dumps(data, indent=2), flush=True)
    except OSError:
        _quiet_stdout()  # the error line on stderr still says what went wrong


def _flush_stdout() -> None:
    if sys.stdout is not None:  # None when the command was started with stdout closed
        sys.stdout.flush()


def _quiet_stdout_if_broken() -> None:
    try:
        _flush_stdout()
    except (OSError, ValueError):
        _quiet_stdout()


def _quiet_stdout() -> None:
    """Point standard output at the null device, so that what is still buffered does not fail
    again when Python exits (it would print "Exception ignored" and exit 120)."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real file (a test's capture): nothing is flushed at exit
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, fd)
    finally:
        os.close(null)
