"""HQ's updates of the reference lists and rules, carried to districts in receipts.

When a district is created, an office opens or the law changes a maximum sentence, HQ must not
wait for every laptop to get a new TIPDesk: HQ installs the changed files once
(:func:`install_files`, ``tipdesk reference install FOLDER``) and every receipt it writes
from then on carries them (:func:`receipt_updates`); a district installs them when it imports
the receipt (:func:`from_receipt`), in the receipt's own transaction.

Contract:
- An update is a numbered *revision* holding some of the reference documents
  (:data:`tipdesk.resources.FILES`); the documents it does not hold come from the app's own
  ``resources/``. It is kept in the encrypted store (a setting), so backups carry it.
- Every document is checked exactly as the shipped files are, together with the rest of the
  set, before anything is stored: a bad file is refused with a message naming it, and nothing
  changes.
- A district installs a revision only when it is newer than the one it holds; an older or
  repeated receipt changes nothing. A revision that fails the checks is not installed; the
  receipt is still recorded and the problem is reported, never raised (a receipt must not be
  refused for its reference part).
- Installing an update at HQ re-checks the quarantine (:mod:`tipdesk.services.sync.release`):
  records held for want of what the update brings are applied, audited.
- :func:`effective_reference` never stops a sign-in: if a stored update no longer fits the
  app's files (after an upgrade), the shipped reference is used and the problem is reported
  by :func:`status`.
- An amendment of the sentencing rules arrives with its new versions dated ``"commencement"``
  (``resources/rules/examples/amendments-2025``): HQ confirms the date the law took effect when
  installing (``effective_from``, ``--effective-from``), and the versions are stored with it.
  A file with such versions and no date is refused (nothing changes), as is a date with no
  version waiting for it. Districts receive the dated file: they never see the placeholder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tipdesk.core.codes import InstallRole
from tipdesk.core.errors import InvalidInput
from tipdesk.core.messages import say
from tipdesk.core.permissions import Permission
from tipdesk.core.reference import Reference
from tipdesk.core.sentencing import PENDING, pending_versions, set_commencement
from tipdesk.resources import FILES, load_reference, read_documents, reference_from_documents
from tipdesk.store.audit import NewEntry
from tipdesk.store.store import Store
from tipdesk.sync.canonical import canonical

if TYPE_CHECKING:
    from tipdesk.services.session import Session
    from tipdesk.services.sync.release import Recheck

SETTING = "reference_update"
_NAME_OF = {rel: name for name, rel in FILES.items()}
_MAX_FILE_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ReferenceUpdate:
    """One installed revision: which documents it replaces (by path below ``resources/``)."""

    revision: int
    installed_at: str
    files: dict[str, dict[str, Any]]

    def to_json(self) -> dict[str, Any]:
        return {"files": self.files, "installed_at": self.installed_at, "revision": self.revision}


def current(store: Store) -> ReferenceUpdate | None:
    """The revision installed in ``store``, or ``None``."""
    raw = store.settings_json(SETTING)
    if not isinstance(raw, dict):
        return None
    files = raw.get("files")
    revision = raw.get("revision")
    if type(revision) is not int or not isinstance(files, dict):
        return None
    return ReferenceUpdate(revision, str(raw.get("installed_at", "")), files)


def _combined(files: dict[str, dict[str, Any]], *, origin: str) -> Reference:
    documents: dict[str, Any] = dict(read_documents())
    for rel, doc in files.items():
        name = _NAME_OF.get(rel)
        if name is None:
            raise InvalidInput(
                say(
                    "{origin}: {rel} is not one of TIPDesk's reference files.",
                    origin=origin,
                    rel=rel,
                )
            )
        documents[name] = doc
    return reference_from_documents(documents, origin=origin)


def effective_reference(store: Store) -> Reference:
    """The reference a session uses: the app's files with the installed update on top (or the
    app's files alone when there is none, or when it no longer fits them)."""
    update = current(store)
    if update is None:
        return load_reference()
    try:
        return _combined(update.files, origin="The installed reference update")
    except InvalidInput:
        return load_reference()


def digests(store: Store) -> dict[str, str]:
    """SHA-256 of each effective reference document (canonical JSON), by path: what a receipt
    says HQ uses, so a district can tell whether it uses the same."""
    documents = read_documents()
    update = current(store)
    by_rel = {rel: documents[name] for name, rel in FILES.items()}
    if update is not None:
        by_rel.update(update.files)
    return {rel: hashlib.sha256(canonical(doc)).hexdigest() for rel, doc in sorted(by_rel.items())}


def _save(
    session: Session, update: ReferenceUpdate, reference: Reference, how: str, commencement: str
) -> None:
    session.store.set_settings({SETTING: json.dumps(update.to_json())}, session.actor())
    extra = {"effective_from": commencement} if commencement else {}
    session.audit(
        "reference.update",
        revision=update.revision,
        files=sorted(update.files),
        source=how,
        **extra,
    )
    session.reference = reference


# --- HQ ----------------------------------------------------------------------------------------
def _read_folder(folder: Path) -> dict[str, dict[str, Any]]:
    """The reference files in ``folder``: as laid out under ``resources/`` or side by side."""
    found: dict[str, dict[str, Any]] = {}
    for rel in FILES.values():
        for candidate in (folder / rel, folder / Path(rel).name):
            if candidate.is_file():
                if candidate.stat().st_size > _MAX_FILE_BYTES:
                    raise InvalidInput(say("Reference file {path} is too large.", path=candidate))
                try:
                    doc = json.loads(candidate.read_text(encoding="utf-8"))
                except (UnicodeDecodeError, json.JSONDecodeError):
                    raise InvalidInput(
                        say(
                            "Reference file {path} is not UTF-8 JSON; nothing was changed.",
                            path=candidate,
                        )
                    ) from None
                if not isinstance(doc, dict):
                    raise InvalidInput(
                        say("Reference file {path} must hold a JSON object.", path=candidate)
                    )
                found[rel] = doc
                break
    return found


RULES = FILES["sentences"]
"""The sentencing rules' path below ``resources/`` (``rules/sentences.json``)."""


def waiting_for_commencement(folder: Path) -> list[str]:
    """The versions of the sentencing rules in ``folder`` whose ``effective_from`` waits for
    the commencement date HQ confirms (empty when there is no rules file, or none waits).
    Raises :class:`InvalidInput` as :func:`install_files` does for an unreadable file."""
    if not folder.is_dir():
        raise InvalidInput(say("{path} is not a folder; nothing was changed.", path=folder))
    rules = _read_folder(folder).get(RULES)
    return pending_versions(rules) if rules is not None else []


def _dated(new: dict[str, dict[str, Any]], effective_from: dt.date | None) -> str:
    """Put the commencement date into the new sentencing rules (in place); the note for the
    audit log. Refuses a file waiting for a date that was not given, and a date for nothing."""
    rules = new.get(RULES)
    waiting = pending_versions(rules) if rules is not None else []
    if waiting and effective_from is None:
        raise InvalidInput(
            say(
                "{file} holds an amendment whose commencement date is not confirmed ({n} "
                "version(s) dated {pending}, e.g. {first}). Give the date the law took effect "
                "(--effective-from YYYY-MM-DD), or write it in the file in place of "
                "'commencement'; nothing was changed.",
                file=RULES,
                n=len(waiting),
                pending=repr(PENDING),
                first=waiting[0],
            )
        )
    if effective_from is None:
        return ""
    if rules is None or not waiting:
        raise InvalidInput(
            say(
                "A commencement date was given, but no version of {file} in the folder waits "
                "for one (effective_from {pending}); nothing was changed.",
                file=RULES,
                pending=repr(PENDING),
            )
        )
    new[RULES] = set_commencement(rules, effective_from)
    return effective_from.isoformat()


@dataclass(frozen=True, slots=True)
class Installed:
    """A reference update installed at HQ (:func:`install_releasing`) and what the
    quarantine's re-check then released (``None``: nothing was held)."""

    update: ReferenceUpdate
    released: Recheck | None


def install_files(
    session: Session, folder: Path, effective_from: dt.date | None = None
) -> ReferenceUpdate:
    """HQ: install the reference files of ``folder`` (see :func:`install_releasing`)."""
    return install_releasing(session, folder, effective_from).update


def install_releasing(
    session: Session, folder: Path, effective_from: dt.date | None = None
) -> Installed:
    """HQ: install the reference files found in ``folder`` (any of :data:`FILES`) as the next
    revision, on top of the files of the current one (see the module contract).
    ``effective_from``: the commencement date HQ confirms for the amendment versions of the
    sentencing rules dated ``"commencement"``."""
    session.require(Permission.MANAGE_SETTINGS)
    if session.install.role is not InstallRole.HQ:
        raise InvalidInput(
            say("Only HQ installs reference updates; districts get them in receipts.")
        )
    if not folder.is_dir():
        raise InvalidInput(say("{path} is not a folder; nothing was changed.", path=folder))
    new = _read_folder(folder)
    if not new:
        names = ", ".join(sorted(Path(rel).name for rel in FILES.values()))
        raise InvalidInput(
            say(
                "No reference file ({names}) in {path}; nothing was changed.",
                names=names,
                path=folder,
            )
        )
    commencement = _dated(new, effective_from)
    old = current(session.store)
    files = {**(old.files if old else {}), **new}
    reference = _combined(files, origin="The new reference files")
    update = ReferenceUpdate((old.revision if old else 0) + 1, session.now(), files)
    _save(session, update, reference, "installed at HQ", commencement)
    # Records held in quarantine for want of a code the update brings are applied now
    # (imported here: services.sync imports this module).
    from tipdesk.services.sync.release import after_reference_change

    return Installed(update, after_reference_change(session, "reference.update"))


def receipt_updates(session: Session) -> dict[str, Any]:
    """The ``updates`` of HQ's receipts: the digests of HQ's reference documents and, when HQ
    installed an update, the update itself."""
    out: dict[str, Any] = {"reference_files": digests(session.store)}
    update = current(session.store)
    if update is not None:
        out["reference"] = {"files": update.files, "revision": update.revision}
    return out


# --- district ----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Applied:
    """What a receipt's reference update did at the district."""

    revision: int
    files: tuple[str, ...]
    problem: str = ""

    @property
    def installed(self) -> bool:
        return not self.problem


@dataclass(frozen=True, slots=True)
class FromReceipt:
    """A receipt's reference update, checked and ready to be written with the receipt.

    ``settings`` and ``entries`` are written in the receipt's own transaction (empty when the
    update is not installed); :meth:`installed_in` then makes the session use it."""

    applied: Applied
    settings: dict[str, str]
    entries: tuple[NewEntry, ...]
    reference: Reference | None

    def installed_in(self, session: Session) -> Applied:
        """After the receipt's transaction committed: the session's checks use the update."""
        if self.reference is not None:
            session.reference = self.reference
        return self.applied


def from_receipt(session: Session, updates: object) -> FromReceipt | None:
    """District: check the update a receipt carries when it is newer than the installed one
    (see the module contract); nothing is written here. ``None`` when there is nothing new."""
    block = updates.get("reference") if isinstance(updates, dict) else None
    if not isinstance(block, dict):
        return None
    revision, files = block.get("revision"), block.get("files")
    if type(revision) is not int or revision < 1:
        return None
    old = current(session.store)
    if old is not None and revision <= old.revision:
        return None
    if not isinstance(files, dict) or not all(isinstance(v, dict) for v in files.values()):
        failed = Applied(revision, (), "HQ's reference update is not in the expected form")
        return FromReceipt(failed, {}, (), None)
    names = tuple(sorted(str(k) for k in files))
    try:
        reference = _combined(files, origin=f"HQ's reference update {revision}")
    except InvalidInput as exc:
        return FromReceipt(Applied(revision, names, str(exc)), {}, (), None)
    update = ReferenceUpdate(revision, session.now(), files)
    entry = session.audit_entry(
        "reference.update", revision=revision, files=sorted(files), source="from HQ"
    )
    return FromReceipt(
        Applied(revision, names), {SETTING: json.dumps(update.to_json())}, (entry,), reference
    )


@dataclass(frozen=True, slots=True)
class ReferenceStatus:
    """The reference update in use: its revision (0 when none), the files it replaces (by path
    below ``resources/``) and when it was installed (None when none)."""

    revision: int
    files: tuple[str, ...]
    installed_at: str | None
    problem: str
    """Why the installed update is set aside (it no longer fits the app's own files), or
    empty."""


def status(session: Session) -> ReferenceStatus:
    """The installed revision, its files and when it was installed, and a problem when it no
    longer fits the app's own files."""
    update = current(session.store)
    if update is None:
        return ReferenceStatus(0, (), None, "")
    problem = ""
    try:
        _combined(update.files, origin="The installed reference update")
    except InvalidInput as exc:
        problem = str(exc)
    return ReferenceStatus(
        update.revision, tuple(sorted(update.files)), update.installed_at, problem
    )
