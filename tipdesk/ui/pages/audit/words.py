"""How audit entries read for people: actions as words (``sync.receipt.issue`` -> "Receipt
issued"), the record or thing an entry is about by its name (a case by its number, a device by
the end of its id and its district), and the details with field labels, district and office
names, shortened device ids. :func:`codes` gives the same details with the stored codes, for
tool tips.

Contract: entries never hold record contents (see :mod:`tipdesk.store.audit`), so every value
may be shown; unknown actions and keys are shown as they are stored (dots and underscores as
spaces), never dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from tipdesk.core.reference import Reference
from tipdesk.store.audit import AuditEntry
from tipdesk.ui.context import role_label
from tipdesk.ui.record_fields import Titles, field_label, kind_words, named

CONTEXT = "AuditWords"


def _n(text: object) -> str:
    return str(text)


ACTIONS: dict[str, str] = {
    "init": _n(QT_TRANSLATE_NOOP("AuditWords", "Install set up")),
    "login": _n(QT_TRANSLATE_NOOP("AuditWords", "Signed in")),
    "login.failed": _n(QT_TRANSLATE_NOOP("AuditWords", "Sign-in failed")),
    "login.throttled": _n(QT_TRANSLATE_NOOP("AuditWords", "Sign-in refused during a wait")),
    "login.recovery": _n(QT_TRANSLATE_NOOP("AuditWords", "Signed in with the recovery key")),
    "unlock": _n(QT_TRANSLATE_NOOP("AuditWords", "Unlocked")),
    "unlock.recovery": _n(QT_TRANSLATE_NOOP("AuditWords", "Unlocked with the recovery key")),
    "create": _n(QT_TRANSLATE_NOOP("AuditWords", "Created")),
    "update": _n(QT_TRANSLATE_NOOP("AuditWords", "Changed")),
    "delete": _n(QT_TRANSLATE_NOOP("AuditWords", "Deleted")),
    "reveal": _n(QT_TRANSLATE_NOOP("AuditWords", "Identity revealed")),
    "export": _n(QT_TRANSLATE_NOOP("AuditWords", "Report exported")),
    "backup": _n(QT_TRANSLATE_NOOP("AuditWords", "Backup made")),
    "restore": _n(QT_TRANSLATE_NOOP("AuditWords", "Restored from a backup")),
    "import.register": _n(QT_TRANSLATE_NOOP("AuditWords", "Register imported")),
    "office.add": _n(QT_TRANSLATE_NOOP("AuditWords", "Office added")),
    "user.add": _n(QT_TRANSLATE_NOOP("AuditWords", "User added")),
    "user.disable": _n(QT_TRANSLATE_NOOP("AuditWords", "User disabled")),
    "user.enable": _n(QT_TRANSLATE_NOOP("AuditWords", "User enabled")),
    "passphrase.change": _n(QT_TRANSLATE_NOOP("AuditWords", "Passphrase changed")),
    "passphrase.reset": _n(QT_TRANSLATE_NOOP("AuditWords", "Passphrase reset")),
    "keys.rotate": _n(QT_TRANSLATE_NOOP("AuditWords", "Keys rotated")),
    "identity.grant": _n(QT_TRANSLATE_NOOP("AuditWords", "Identity key granted")),
    "audit.break": _n(QT_TRANSLATE_NOOP("AuditWords", "Audit log break recorded")),
    "reference.update": _n(QT_TRANSLATE_NOOP("AuditWords", "Reference lists updated")),
    "sync.keys": _n(QT_TRANSLATE_NOOP("AuditWords", "Sync keys made")),
    "sync.new_device": _n(QT_TRANSLATE_NOOP("AuditWords", "New device identity")),
    "sync.enroll": _n(QT_TRANSLATE_NOOP("AuditWords", "Enrolled with HQ")),
    "sync.export": _n(QT_TRANSLATE_NOOP("AuditWords", "Bundle exported")),
    "sync.receipt": _n(QT_TRANSLATE_NOOP("AuditWords", "Receipt from HQ imported")),
    "sync.records_back": _n(QT_TRANSLATE_NOOP("AuditWords", "Records back from HQ applied")),
    "sync.import": _n(QT_TRANSLATE_NOOP("AuditWords", "Bundle imported")),
    "sync.create": _n(QT_TRANSLATE_NOOP("AuditWords", "Created by a district's bundle")),
    "sync.update": _n(QT_TRANSLATE_NOOP("AuditWords", "Changed by a district's bundle")),
    "sync.delete": _n(QT_TRANSLATE_NOOP("AuditWords", "Deleted by a district's bundle")),
    "sync.conflict": _n(QT_TRANSLATE_NOOP("AuditWords", "Conflict held for review")),
    "sync.resolve": _n(QT_TRANSLATE_NOOP("AuditWords", "Conflict resolved")),
    "sync.receipt.issue": _n(QT_TRANSLATE_NOOP("AuditWords", "Receipt issued")),
    "sync.device.register": _n(QT_TRANSLATE_NOOP("AuditWords", "Device registered")),
    "sync.device.revoke": _n(QT_TRANSLATE_NOOP("AuditWords", "Device revoked")),
    "print": _n(QT_TRANSLATE_NOOP("AuditWords", "Printed")),
    "diary.done": _n(QT_TRANSLATE_NOOP("AuditWords", "Deadline marked done")),
    "diary.reopen": _n(QT_TRANSLATE_NOOP("AuditWords", "Deadline reopened")),
}
KEYS: dict[str, str] = {
    "fields": _n(QT_TRANSLATE_NOOP("AuditWords", "fields")),
    "reason": _n(QT_TRANSLATE_NOOP("AuditWords", "reason")),
    "role": _n(QT_TRANSLATE_NOOP("AuditWords", "role")),
    "district": _n(QT_TRANSLATE_NOOP("AuditWords", "district")),
    "office": _n(QT_TRANSLATE_NOOP("AuditWords", "office")),
    "device": _n(QT_TRANSLATE_NOOP("AuditWords", "device")),
    "previous_device": _n(QT_TRANSLATE_NOOP("AuditWords", "previous device")),
    "from": _n(QT_TRANSLATE_NOOP("AuditWords", "from device")),
    "kept": _n(QT_TRANSLATE_NOOP("AuditWords", "kept")),
    "held": _n(QT_TRANSLATE_NOOP("AuditWords", "held")),
    "counts": _n(QT_TRANSLATE_NOOP("AuditWords", "records")),
    "accepted": _n(QT_TRANSLATE_NOOP("AuditWords", "accepted")),
    "detail_file": _n(QT_TRANSLATE_NOOP("AuditWords", "file")),
    "bundles": _n(QT_TRANSLATE_NOOP("AuditWords", "bundles")),
    "users": _n(QT_TRANSLATE_NOOP("AuditWords", "users")),
    "dropped": _n(QT_TRANSLATE_NOOP("AuditWords", "users left out")),
}
CHANGES: dict[str, str] = {
    "create": _n(QT_TRANSLATE_NOOP("AuditWords", "added")),
    "update": _n(QT_TRANSLATE_NOOP("AuditWords", "changed")),
    "delete": _n(QT_TRANSLATE_NOOP("AuditWords", "deleted")),
}
SIDES: dict[str, str] = {
    "local": _n(QT_TRANSLATE_NOOP("AuditWords", "HQ's version")),
    "incoming": _n(QT_TRANSLATE_NOOP("AuditWords", "the district's version")),
}
_DEVICE_KEYS = frozenset({"device", "previous_device", "from"})
_KIND_KEYS = frozenset({"counts", "accepted"})


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _plain(code: str) -> str:
    return code.replace(".", " ").replace("_", " ")


def action_words(action: str) -> str:
    """An action as words (an unknown one as it is stored, without dots)."""
    text = ACTIONS.get(action)
    return _tr(text) if text else _plain(action)


def short_device(device_id: str) -> str:
    """A device id by the end of it (its random part): ``…1a2b3c4d``."""
    return "…" + device_id[-8:] if len(device_id) > 8 else device_id


@dataclass(frozen=True)
class Names:
    """What turns codes into names: the reference lists (districts, offices), the titles of
    the records entries name, and the devices this install knows (id -> district code)."""

    reference: Reference
    titles: Titles = field(default_factory=dict)
    devices: Mapping[str, str] = field(default_factory=dict)

    def district(self, code: str) -> str:
        found = self.reference.districts.get(code)
        return found.name if found else code

    def office(self, code: str) -> str:
        found = self.reference.offices.get(code)
        return found.name if found else code

    def device(self, device_id: str) -> str:
        district = self.devices.get(device_id)
        short = short_device(device_id)
        return f"{short} ({self.district(district)})" if district else short


def subject(entry: AuditEntry, names: Names) -> str:
    """What an entry is about: a record by its title, a device by its short id and district,
    a bundle or receipt by its number, a user by name."""
    kind, rid = entry.kind, entry.record_id
    if not kind and not rid:
        return ""
    translate = QCoreApplication.translate
    if kind == "device":
        return translate(CONTEXT, "Device {device}").format(device=names.device(rid))
    if kind == "bundle":
        device, _sep, seq = rid.rpartition("#")
        if device:
            return translate(CONTEXT, "Bundle {seq} from {device}").format(
                seq=seq, device=names.device(device)
            )
        return translate(CONTEXT, "Bundle {seq}").format(seq=rid)
    if kind == "receipt":
        return translate(CONTEXT, "Receipt {serial}").format(serial=rid)
    if kind == "user":
        return translate(CONTEXT, "User {name}").format(name=rid)
    if kind == "office":
        return translate(CONTEXT, "Office {name}").format(name=names.office(rid))
    return named(kind, rid, names.titles, names.reference)


def _value(entry: AuditEntry, key: str, value: object, names: Names) -> str:
    if key == "role" and isinstance(value, str):
        return role_label(value)
    if key == "fields" and isinstance(value, list):
        return ", ".join(field_label(entry.kind, str(v)) for v in value)
    if key == "district" and isinstance(value, str):
        return names.district(value)
    if key == "office" and isinstance(value, str):
        return names.office(value)
    if key in _DEVICE_KEYS and isinstance(value, str):
        return names.device(value)
    if key in ("kept", "held") and isinstance(value, str):
        side = SIDES.get(value)
        return _tr(side) if side else value
    if key == "children" and isinstance(value, dict):
        parts = []
        for what, ids in sorted(value.items()):
            kind, _dot, change = str(what).partition(".")
            count = len(ids) if isinstance(ids, list) else ids
            verb = CHANGES.get(change)
            parts.append(f"{kind_words(kind)} {_tr(verb) if verb else change}: {count}")
        return " · ".join(parts)
    if key in _KIND_KEYS and isinstance(value, dict):
        return ", ".join(f"{kind_words(str(k))} {v}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(
            f"{_plain(str(k))}: {len(v) if isinstance(v, list) else v}"
            for k, v in sorted(value.items())
        )
    return str(value)


def describe(entry: AuditEntry, names: Names) -> str:
    """The details column: field labels, names for codes, reasons (never record values)."""
    parts: list[str] = []
    for key, value in sorted(entry.detail.items()):
        if value is None or value in ("", [], {}):
            continue  # "users left out: " with nobody left out says nothing
        text = _value(entry, key, value, names)
        if key == "children":  # "Accused added: 2": says what it is without a key
            parts.append(text)
            continue
        label = KEYS.get(key)
        parts.append(f"{_tr(label) if label else _plain(key)}: {text}")
    return " · ".join(parts)


def codes(entry: AuditEntry) -> str:
    """The details as stored (codes, field names, whole device ids): the tool tip."""
    parts: list[str] = []
    for key, value in sorted(entry.detail.items()):
        if isinstance(value, list):
            text = ", ".join(str(v) for v in value)
        elif isinstance(value, dict):
            text = "; ".join(f"{k}: {v}" for k, v in sorted(value.items()))
        else:
            text = str(value)
        parts.append(f"{key}: {text}")
    return "\n".join(parts)
