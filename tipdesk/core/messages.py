"""Messages of ``core`` and ``services`` that the UI shows translated, without those layers
knowing about Qt.

Contract: a message is an English template with named ``{fields}`` and its arguments
(:class:`Message`), made with :func:`say` (or :func:`template` for a bare template). The
template is written as a literal at the call, so ``make lupdate`` finds it by reading the
source (:func:`templates_in`, context ``messages``): no import, no registry to fill.
``str(message)`` is the English text, as logs, the CLI and receipts write it; the UI renders
``translate("messages", template).format(**args)`` (:func:`tipdesk.ui.errors.message_text`).
Arguments are values (numbers, codes, dates, short quoted inputs) or other messages (a field's
label, a list's name), which the UI translates too; never sentences, so a translation can put
them anywhere.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

#: The names that mark a template: ``say("...", ...)`` and ``template("...")``.
MARKERS = ("say", "template")


def template(text: str) -> str:
    """Mark ``text`` as a translatable template (a label, a list's name); returns it."""
    return text


@dataclass(frozen=True, slots=True)
class Message:
    """A template and its arguments; ``str()`` is the English text."""

    template: str
    args: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    def __str__(self) -> str:
        return render(self.template, {k: str(v) if isinstance(v, Message) else v
                                      for k, v in self.args.items()})  # fmt: skip


def say(text: str, **args: Any) -> Message:
    """The message ``text`` (a literal template) with its arguments."""
    return Message(text, MappingProxyType(args))


_PLAIN = (str, int, float, bool, type(None))


def kept(message: Message) -> dict[str, Any] | None:
    """``message`` as JSON to keep beside its English text (``{"template", "args"}``, an
    argument that is a message kept the same way), so that it can be shown translated later;
    ``None`` when an argument is neither a plain value nor a message."""
    args: dict[str, Any] = {}
    for key, value in message.args.items():
        if isinstance(value, Message):
            inner = kept(value)
            if inner is None:
                return None
            args[key] = inner
        elif isinstance(value, _PLAIN):
            args[key] = value
        else:
            return None
    return {"template": message.template, "args": args}


def restored(data: object) -> Message | None:
    """The message :func:`kept` made of ``data``, or ``None`` when ``data`` is not one (an
    entry kept before templates were, or anything else): the caller shows its English."""
    if not isinstance(data, Mapping):
        return None
    text, args = data.get("template"), data.get("args")
    if not isinstance(text, str) or not text or not isinstance(args, Mapping):
        return None
    out: dict[str, Any] = {}
    for key, value in args.items():
        if isinstance(value, Mapping):
            inner = restored(value)
            if inner is None:
                return None
            out[str(key)] = inner
        elif isinstance(value, _PLAIN):
            out[str(key)] = value
        else:
            return None
    return Message(text, MappingProxyType(out))


def joined(parts: Sequence[Message | str]) -> Message | str:
    """``parts`` (at least one) as one message, "<first>; <second>; ...": each part and the
    separator translated (the template ``"{first}; {then}"``)."""
    whole = parts[0]
    for part in parts[1:]:
        whole = say("{first}; {then}", first=whole, then=part)
    return whole


def render(text: str, args: Mapping[str, Any]) -> str:
    """``text`` with its ``{fields}`` filled (a template whose fields do not match its
    arguments comes back as it is, never an exception in the middle of showing an error)."""
    try:
        return text.format(**args)
    except (KeyError, IndexError, ValueError):
        return text


def templates_in(paths: Iterable[Path]) -> list[str]:
    """Every literal template marked in the Python files ``paths`` (``say("...")``,
    ``template("...")``, ``messages.say(...)``), once each."""
    found: dict[str, None] = {}
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            first = node.args[0]
            if name in MARKERS and isinstance(first, ast.Constant) and isinstance(first.value, str):
                found[first.value] = None
    return list(found)
