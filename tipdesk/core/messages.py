"""Messages of ``core`` and ``services`` that the UI shows translated, without those layers
knowing about Qt.

Contract: a message is an English template with named ``{fields}``; code raising or
returning it marks the template with :func:`template` (which records it in
:data:`CATALOGUE` for ``make lupdate``) and keeps its arguments beside it
(:class:`Message`). ``str(message)`` is the English text, as logs, the CLI and receipts
write it; the UI renders ``translate("messages", template).format(**args)``
(:func:`tipdesk.ui.errors.message_text`). Arguments are values (numbers, codes, short
quoted inputs), never sentences, so a translation can put them anywhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

#: Every template marked so far (import the modules that raise to fill it).
CATALOGUE: dict[str, None] = {}

#: The modules whose templates ``make lupdate`` collects.
MODULES = ("tipdesk.core.validation",)


def template(text: str) -> str:
    """Mark ``text`` as a translatable template; returns it unchanged."""
    CATALOGUE[text] = None
    return text


@dataclass(frozen=True, slots=True)
class Message:
    """A template and its arguments; ``str()`` is the English text."""

    template: str
    args: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    def __str__(self) -> str:
        return render(self.template, self.args)


def render(text: str, args: Mapping[str, Any]) -> str:
    """``text`` with its ``{fields}`` filled (a template whose fields do not match its
    arguments comes back as it is, never an exception in the middle of showing an error)."""
    try:
        return text.format(**args)
    except (KeyError, IndexError, ValueError):
        return text


def all_templates() -> list[str]:
    """Every template of :data:`MODULES`, once each, in the order they were marked."""
    import importlib

    for name in MODULES:
        importlib.import_module(name)
    return list(CATALOGUE)
