"""Error types the rest of TIPDesk raises and shows.

Contract: a ``KnownError`` is an environment or user failure with a message fit to show an
officer (wrong passphrase, disk full, corrupt file, permission denied). Its message never
contains record contents, passphrases or keys. Anything that is not a ``KnownError`` is a bug.
A value the user typed wrong is repeated in a message only through :func:`quoted` or
:func:`shown`, which repeat a short value and describe a long one by its length.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from tipdesk.core.messages import Message, joined, kept, restored, say, template


class Severity(StrEnum):
    """An error refuses the record; a warning is shown and the record is saved all the same."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """One validation problem: which field, which rule, and a sentence for the officer.

    ``field`` is a dotted path into the record, e.g. ``accused[2].imprisonment_months``.
    ``rule`` is a stable machine-readable name, e.g. ``sentence.max_imprisonment``.
    ``severity``: an error refuses the record; a warning (e.g. a section charged whose
    condition the recorded facts do not show) is shown to the officer and never refuses
    anything. :func:`tipdesk.core.validation.validate` returns errors only and
    :func:`~tipdesk.core.validation.advise` warnings only, so code that refuses on
    ``validate`` never refuses on a warning.
    """

    field: str
    rule: str
    message: str
    severity: Severity = Severity.ERROR
    template: str = dataclass_field(default="", compare=False)
    """The English template ``message`` was made from (:mod:`tipdesk.core.messages`), so the
    UI can show it translated; empty for a message not (yet) made translatable."""
    args: tuple[tuple[str, Any], ...] = dataclass_field(default=(), compare=False)
    """The template's arguments (values, or messages the UI translates too)."""

    @classmethod
    def of(
        cls, field: str, rule: str, message: Message, severity: Severity = Severity.ERROR
    ) -> Problem:
        """A problem whose sentence is the translatable ``message``."""
        return cls(field, rule, str(message), severity, message.template,
                   tuple(message.args.items()))  # fmt: skip

    @property
    def is_warning(self) -> bool:
        return self.severity is Severity.WARNING

    def said(self) -> Message | str:
        """The sentence as a translatable message when it was made one, else the English
        text: for code that passes a problem's sentence on (a register's row problems)."""
        if not self.template:
            return self.message
        return Message(self.template, MappingProxyType(dict(self.args)))

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"

    def to_json(self) -> dict[str, str]:
        """``{"field", "rule", "message", "severity"}``, as the CLI and receipts write it."""
        return {
            "field": self.field,
            "rule": self.rule,
            "message": self.message,
            "severity": self.severity.value,
        }


# Most characters of a user's value repeated in a message (a code, a number or a date typed
# wrong); a longer value is described by its length, never repeated.
SHOWN_MAX = 40


def quoted(value: str) -> str:
    """``'value'`` for a message, or how long it is when it is too long to repeat."""
    if len(value) <= SHOWN_MAX:
        return f"'{value}'"
    return f"a text of {len(value):,} characters"


def shown(value: object) -> str:
    """``repr(value)`` for a message when short; otherwise what it is, not what it holds (a
    list, or a number with thousands of digits, is never repeated whole)."""
    if isinstance(value, str):
        return repr(value) if len(value) <= SHOWN_MAX else quoted(value)
    if value is None or isinstance(value, bool | float):
        return repr(value)
    if isinstance(value, int):
        return repr(value) if -(10**SHOWN_MAX) < value < 10**SHOWN_MAX else "a very long number"
    return f"a {type(value).__name__}"


def problem_line(problem: Mapping[str, Any]) -> str:
    """A problem kept as JSON (a quarantine entry's, a receipt's) as ``field: message``; a
    missing field or message leaves no stray colon."""
    return f"{problem.get('field', '')}: {problem.get('message', '')}".strip(": ")


def problem_kept(problem: Problem) -> dict[str, Any]:
    """``problem`` as JSON for a quarantine entry: ``field``, ``rule`` and the English
    ``message`` (what receipts and the command line read), and, when its sentence was made
    translatable, ``said`` (:func:`tipdesk.core.messages.kept`) so that HQ's screens can show
    it in the user's language."""
    out: dict[str, Any] = {"field": problem.field, "rule": problem.rule, "message": problem.message}
    said = problem.said()
    if isinstance(said, Message):
        found = kept(said)
        if found is not None:
            out["said"] = found
    return out


def problem_said(problem: Mapping[str, Any]) -> tuple[str, Message | str]:
    """A problem kept as JSON as ``(field, sentence)``: the sentence as a translatable message
    when it was kept with one (:func:`problem_kept`), else its English text."""
    found = restored(problem.get("said"))
    return str(problem.get("field", "")), found if found is not None else str(
        problem.get("message", "")
    )


class KnownError(Exception):
    """A failure the user can understand and act on. ``exit_code`` is used by the CLI.

    ``message`` is the English sentence (logs, ``str()``). Raised with a translatable
    :class:`~tipdesk.core.messages.Message` (``raise NotFound(say("...", n=...))``), the error
    keeps it as ``said``, so the app and the command line show it in the user's language
    (:func:`tipdesk.ui.errors.known_error_text`, :func:`tipdesk.catalogue.message_in`);
    ``said`` is ``None`` for a sentence not (yet) made translatable."""

    exit_code = 1

    def __init__(self, message: str | Message) -> None:
        text = str(message)
        super().__init__(text)
        self.message = text
        self.said: Message | None = message if isinstance(message, Message) else None

    def __str__(self) -> str:
        return self.message


class StoreNotFound(KnownError):
    """No store exists in the data folder (run ``tipdesk init``)."""


class StoreExists(KnownError):
    """``init`` was asked to create a store where one already exists."""


class WrongPassphrase(KnownError):
    """The passphrase (or recovery key) did not unlock the store."""

    exit_code = 3


class LoginThrottled(KnownError):
    """Too many failed attempts: the next attempt is allowed only after ``retry_after`` s."""

    exit_code = 3

    def __init__(self, message: str | Message, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class CorruptStore(KnownError):
    """The database or key file is damaged or not a TIPDesk file."""


class AuditChainBroken(KnownError):
    """The audit log's last entry is not the head the store recorded: entries were removed or
    the log was rewritten. Nothing more is appended until an administrator records the break
    (``tipdesk audit acknowledge``), so the evidence cannot be overwritten by new entries."""

    exit_code = 6


class StoreBusy(KnownError):
    """Another TIPDesk process holds the store."""


class TransactionAborted(StoreBusy):
    """HQ's PostgreSQL database aborted the transaction for a deadlock or a serialisation
    failure (another transaction wanted the same rows): nothing was written, and running the
    whole transaction again may succeed. Retried a bounded number of times before the user
    sees it (as :class:`StoreBusy`)."""


class DiskFull(KnownError):
    """The disk is full; nothing was written."""


class StoreTooNew(KnownError):
    """The store was written by a newer TIPDesk than this one."""


class PermissionDenied(KnownError):
    """The signed-in user's role does not allow this action."""

    exit_code = 4


class NotFound(KnownError):
    """The record asked for does not exist."""


#: "There is no <kind> with id {id}." for the record kinds, as templates.
_NO_RECORD = {
    "case": template("There is no case with id {id}."),
    "victim": template("There is no victim with id {id}."),
    "accused": template("There is no accused with id {id}."),
    "referral": template("There is no referral with id {id}."),
    "training": template("There is no training with id {id}."),
    "campaign": template("There is no campaign with id {id}."),
    "hearing": template("There is no hearing with id {id}."),
}


#: The record kinds as words of a message ("This {kind} was changed elsewhere ...").
_RECORD_WORDS = {
    "case": template("case"),
    "victim": template("victim"),
    "accused": template("accused"),
    "referral": template("referral"),
    "training": template("training"),
    "campaign": template("campaign"),
    "hearing": template("hearing"),
    "attachment": template("attachment"),
}


def record_word(kind: str) -> Message | str:
    """A record kind (``case``) as a word a message's translation translates too (its English
    is the kind itself); an unknown kind as it is."""
    return say(_RECORD_WORDS[kind]) if kind in _RECORD_WORDS else kind


def no_record(kind: str, record_id: str) -> NotFound:
    """The refusal "There is no <kind> with id <record_id>.", translatable for the record
    kinds (the English text as before for any other ``kind``)."""
    known = _NO_RECORD.get(kind)
    if known is None:
        return NotFound(f"There is no {kind} with id {record_id}.")
    return NotFound(say(known, id=record_id))


class InvalidInput(KnownError):
    """Input that could not be read at all (bad JSON, wrong file type)."""


#: "The <what> was not saved: {problems}" for the words ``what`` takes, as templates.
_NOT_SAVED = {
    "record": template("The record was not saved: {problems}"),
    "case": template("The case was not saved: {problems}"),
    "victim": template("The victim was not saved: {problems}"),
    "accused": template("The accused was not saved: {problems}"),
    "referral": template("The referral was not saved: {problems}"),
    "training": template("The training was not saved: {problems}"),
    "campaign": template("The campaign was not saved: {problems}"),
    "hearing": template("The hearing was not saved: {problems}"),
    "attachment": template("The attachment was not saved: {problems}"),
    "passphrase": template("The passphrase was not saved: {problems}"),
    "user": template("The user was not saved: {problems}"),
}


class ValidationFailed(KnownError):
    """A record was refused; ``problems`` lists every reason at once."""

    exit_code = 5

    def __init__(self, problems: Sequence[Problem], what: str = "record") -> None:
        self.problems = tuple(problems)
        self.what = what
        """The kind of record refused (``case``, ``victim``...), or ``record``."""
        lines = "; ".join(str(p) for p in self.problems)
        super().__init__(f"The {what} was not saved: {lines}")
        # The same sentence translatable (the command line's line in Urdu; the app lists the
        # problems themselves): each problem's field path kept, its sentence translated.
        refusal = _NOT_SAVED.get(what)
        if refusal is not None and self.problems:
            parts = [say("{field}: {problem}", field=p.field, problem=p.said())
                     for p in self.problems]  # fmt: skip
            self.said = say(refusal, problems=joined(parts))


class StaleRecord(KnownError):
    """The record changed since it was read (another window, command or a sync import)."""
