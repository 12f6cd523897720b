"""Case files: attaching scanned papers and photos to a case, an accused or a victim, listing
them, showing them, saving a copy, removing them and marking them for HQ.

Contract (``docs/security.md``, "Case files"):
- Attaching needs ``edit`` and that this install may change the record (another district's
  case is refused at a district, :mod:`tipdesk.services.ownership`). The type comes from the
  content (:mod:`tipdesk.services.file_types`); the size limits from the store's settings
  (:func:`limits`). The file is read in pieces and stored encrypted in one transaction
  (:mod:`tipdesk.store.attachments`); nothing of it is written anywhere else.
- Listing needs ``view``. A victim's file lists with its kind, type, size and dates for
  everyone; its name and note only for users who hold the identity key.
- Opening a file's content (:func:`content`, the app's preview) needs ``view``; a victim's
  file needs ``reveal_identity`` and a reason, and is audited (``attachment.view``) like
  revealing an identity. :func:`save_copy` writes a decrypted copy only where the user asks,
  atomically and readable by the user only, audited (``attachment.save``; a victim's file:
  the permission and a reason, as for viewing).
- Removing needs ``delete`` and a reason; the content is destroyed, the description stays.
- Marking a file for HQ needs ``sync`` (and for a victim's file ``reveal_identity`` and the
  victim's consent to share); district installs only.
- Limits are read by everyone and set by ``manage_settings`` (audited as settings).
Runs on the store's thread. Messages never quote a file's content.
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, ParamSpec, TypeVar, cast

from tipdesk.core import attachments as A
from tipdesk.core.codes import InstallRole
from tipdesk.core.errors import (
    InvalidInput,
    NotFound,
    PermissionDenied,
    ValidationFailed,
)
from tipdesk.core.ids import new_id
from tipdesk.core.messages import say
from tipdesk.core.permissions import Permission
from tipdesk.core.records import Accused, Case, Record, Victim
from tipdesk.fs import replace_durably
from tipdesk.services import file_types, ownership
from tipdesk.services.session import Session
from tipdesk.store.attachments import AttachmentRow, AttachmentStore, NewAttachment

MAX_FILE_KEY = "attachments_max_file_mb"
MAX_STORE_KEY = "attachments_max_store_mb"
MIN_REASON = 5
_READ = 1024 * 1024
P = ParamSpec("P")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Attachment:
    """A case file as screens and the command line show it."""

    id: str
    about: A.About
    record_id: str
    case_id: str | None
    about_label: str
    """``Case``, ``Accused: Rashid Khan``, ``Victim V-LHR-0001``."""
    kind: A.AttachmentKind
    note: str | None
    """``None``: a victim's file, for a user without the identity key."""
    file_name: str | None
    media_type: str
    type_label: str
    size: int
    sha256: str
    added_at: str
    added_by: str
    sealed: bool
    """A victim's file: opening it needs the reveal permission and a reason."""
    readable: bool
    previewable: bool
    hq_requested: bool
    hq_sent: bool
    held: bool = True
    """The content is in this store; at HQ, a district's file it has the description of
    only (the district keeps the file until it sends it)."""

    @property
    def kind_label(self) -> str:
        return A.KIND_LABELS[self.kind]

    @property
    def shown_name(self) -> str:
        """The file name, or what stands in for it when it is withheld."""
        if self.file_name is None:
            return f"(withheld) {self.kind_label}"
        return self.file_name or "(no name)"


def files_of(session: Session) -> AttachmentStore:
    """The session's case files: the install's store's, or, for a session routed to HQ's
    PostgreSQL database (:func:`on_postgres`), that database's (the same methods)."""
    if getattr(session.store, "on_postgres", False):
        from tipdesk.services.sync import hq_pg_files  # the PostgreSQL driver, only when used

        return cast(AttachmentStore, hq_pg_files.files_of(session))
    return AttachmentStore(session.store)


_files = files_of


@contextlib.contextmanager
def on_postgres(session: Session) -> Iterator[Session]:
    """``session``, or at an HQ keeping its records in PostgreSQL (issue 20) a copy routed
    there for one transaction (:func:`tipdesk.services.sync.hq_pg_records.session_on`): the
    case files, their records and their audit entries are PostgreSQL's."""
    from tipdesk.services import pg_route

    if not pg_route.routed(session):
        yield session
        return
    from tipdesk.services.sync import hq_pg_records  # the PostgreSQL driver, only when used

    with hq_pg_records.session_on(session) as routed:
        yield routed


def _routed(func: Callable[P, T]) -> Callable[P, T]:
    """``func(session, ...)`` run with :func:`on_postgres`'s session."""

    @functools.wraps(func)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        session = args[0]
        assert isinstance(session, Session)
        with on_postgres(session) as routed:
            return func(routed, *args[1:], **kwargs)  # type: ignore[arg-type]

    return run


# --- limits ------------------------------------------------------------------------------------


def _int_setting(session: Session, key: str, default: int, ceiling: int) -> int:
    raw = session.store.setting(key)
    try:
        value = int(raw) if raw is not None else default
    except ValueError:
        return default
    return min(max(value, 1), ceiling)


def limits(session: Session) -> A.Limits:
    """The size limits in force (the defaults until an administrator sets them)."""
    session.require(Permission.VIEW)
    return A.Limits(
        max_file_mb=_int_setting(
            session, MAX_FILE_KEY, A.DEFAULT_MAX_FILE_MB, A.MAX_FILE_MB_CEILING
        ),
        max_store_mb=_int_setting(
            session, MAX_STORE_KEY, A.DEFAULT_MAX_STORE_MB, A.MAX_STORE_MB_CEILING
        ),
    )


def set_limits(session: Session, max_file_mb: int, max_store_mb: int) -> A.Limits:
    """Set the limits (``manage_settings``); refuses values outside 1 MB to the ceilings, and
    a per-file limit above the store's."""
    session.require(Permission.MANAGE_SETTINGS)
    if not 1 <= max_file_mb <= A.MAX_FILE_MB_CEILING:
        raise InvalidInput(
            say(
                "The limit per file must be between 1 and {most} MB (got {value}).",
                most=A.MAX_FILE_MB_CEILING,
                value=max_file_mb,
            )
        )
    if not 1 <= max_store_mb <= A.MAX_STORE_MB_CEILING:
        raise InvalidInput(
            say(
                "The limit for all files must be between 1 and {most} MB (got {value}).",
                most=A.MAX_STORE_MB_CEILING,
                value=max_store_mb,
            )
        )
    if max_file_mb > max_store_mb:
        raise InvalidInput(say("The limit per file cannot be above the limit for all files."))
    session.store.set_settings(
        {MAX_FILE_KEY: str(max_file_mb), MAX_STORE_KEY: str(max_store_mb)}, session.actor()
    )
    return limits(session)


@dataclass(frozen=True, slots=True)
class Usage:
    used: int
    limits: A.Limits


@_routed
def usage(session: Session) -> Usage:
    """How much the store's files take, against the limits."""
    return Usage(_files(session).used_bytes(), limits(session))


# --- attaching ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Target:
    about: A.About
    record: Record
    case_id: str | None
    top: Record
    """The record whose owner decides (the case, or a victim outside a case)."""


def _target(
    session: Session, case_id: str | None, accused_id: str | None, victim_id: str | None
) -> _Target:
    if accused_id and victim_id:
        raise InvalidInput(
            say("A file belongs to one record: give an accused or a victim, not both.")
        )
    store = session.store
    if accused_id:
        accused = store.get("accused", accused_id)
        assert isinstance(accused, Accused)
        if case_id and accused.case_id != case_id:
            raise InvalidInput(
                say("Accused {id} is not in case {case}.", id=accused_id, case=case_id)
            )
        case = store.get("case", accused.case_id)
        return _Target(A.About.ACCUSED, accused, accused.case_id, case)
    if victim_id:
        victim = store.get("victim", victim_id)
        assert isinstance(victim, Victim)
        if case_id and victim.case_id != case_id:
            raise InvalidInput(
                say("Victim {id} is not in case {case}.", id=victim_id, case=case_id)
            )
        if victim.case_id:
            return _Target(
                A.About.VICTIM, victim, victim.case_id, store.get("case", victim.case_id)
            )
        return _Target(A.About.VICTIM, victim, None, victim)
    if not case_id:
        raise InvalidInput(say("Say which case (or accused, or victim) the file belongs to."))
    case = store.get("case", case_id)
    return _Target(A.About.CASE, case, case.id, case)


def _check_kind(kind: str) -> A.AttachmentKind:
    try:
        return A.AttachmentKind(kind)
    except ValueError:
        known = ", ".join(k.value for k in A.AttachmentKind)
        raise InvalidInput(
            say(
                "{value} is not a kind of file (use one of: {known}).",
                value=repr(kind[:30]),
                known=known,
            )
        ) from None


def _pieces(handle: BinaryIO) -> Iterator[bytes]:
    while piece := handle.read(_READ):
        yield piece


@_routed
def attach(
    session: Session,
    path: Path,
    *,
    case_id: str | None = None,
    accused_id: str | None = None,
    victim_id: str | None = None,
    kind: str = A.AttachmentKind.OTHER.value,
    note: str = "",
) -> Attachment:
    """Attach the file at ``path`` to a case, or to one of its accused or victims (or a
    victim outside a case); see the module contract. Nothing is stored when it is refused."""
    session.require(Permission.EDIT)
    file_kind = _check_kind(kind)
    note = note.strip()
    if len(note) > A.MAX_NOTE:
        raise InvalidInput(
            say("The note is {n} characters long; at most {most}.", n=len(note), most=A.MAX_NOTE)
        )
    target = _target(session, case_id, accused_id, victim_id)
    refused = ownership.check_change(session, target.top)
    if refused:
        raise ValidationFailed(refused, target.top.KIND)
    name = A.clean_name(path.name)
    if not path.is_file():
        raise InvalidInput(say("{path} is not a file.", path=name))
    lim = limits(session)
    files = _files(session)
    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        problem = A.limit_problem(size, files.used_bytes(), lim)
        if problem:
            raise InvalidInput(
                say("{file} cannot be attached. {problem}", file=name, problem=problem)
            )
        found = file_types.sniff(handle, name)
        new = NewAttachment(
            id=new_id(),
            about=target.about.value,
            record_id=target.record.id,
            case_id=target.case_id,
            kind=file_kind.value,
            note=note,
            file_name=name,
            media_type=found.media_type,
            sealed=target.about is A.About.VICTIM,
            origin=session.install.device_id,
        )
        try:
            row = files.add(new, _pieces(handle), session.actor(), max_bytes=lim.max_file_bytes)
        except ValueError:
            raise InvalidInput(
                say(
                    "{file} grew while it was being attached and is now over the limit of "
                    "{most} MB; nothing was stored.",
                    file=name,
                    most=lim.max_file_mb,
                )
            ) from None
    return _view(session, row, {})


# --- reading -----------------------------------------------------------------------------------


def _labels(session: Session, rows: list[AttachmentRow]) -> dict[str, str]:
    """``about_label`` of each record the rows name."""
    store = session.store
    accused = store.titles("accused", [r.record_id for r in rows if r.about == "accused"])
    victims = store.titles("victim", [r.record_id for r in rows if r.about == "victim"])
    out = {rid: f"Accused: {title}" for rid, title in accused.items()}
    out.update({rid: f"Victim {title}" for rid, title in victims.items()})
    return out


def _view(session: Session, row: AttachmentRow, labels: dict[str, str]) -> Attachment:
    about = A.About(row.about)
    if about is A.About.CASE:
        label = "Case"
    else:
        label = labels.get(row.record_id) or _labels(session, [row]).get(row.record_id, "")
    file_type = A.BY_MEDIA_TYPE.get(row.media_type)
    return Attachment(
        id=row.id,
        about=about,
        record_id=row.record_id,
        case_id=row.case_id,
        about_label=label or about.value.capitalize(),
        kind=A.AttachmentKind(row.kind),
        note=row.note,
        file_name=row.file_name,
        media_type=row.media_type,
        type_label=file_type.label if file_type else row.media_type,
        size=row.size,
        sha256=row.sha256,
        added_at=row.created_at,
        added_by=row.created_by,
        sealed=row.sealed,
        readable=row.readable,
        previewable=bool(file_type and file_type.previewable),
        hq_requested=row.hq_requested_at is not None,
        hq_sent=row.hq_sent_at is not None,
        held=row.held,
    )


@_routed
def list_for_case(session: Session, case_id: str) -> list[Attachment]:
    """The files of a case and of its accused and victims, oldest first."""
    session.require(Permission.VIEW)
    session.store.get("case", case_id)  # NotFound for an unknown case
    rows = _files(session).of_case(case_id)
    labels = _labels(session, rows)
    return [_view(session, r, labels) for r in rows]


@_routed
def list_for_record(session: Session, record_id: str) -> list[Attachment]:
    """The files of one case, accused or victim, oldest first."""
    session.require(Permission.VIEW)
    rows = _files(session).of_record(record_id)
    labels = _labels(session, rows)
    return [_view(session, r, labels) for r in rows]


@_routed
def count_for_case(session: Session, case_id: str) -> int:
    session.require(Permission.VIEW)
    return _files(session).count_of_case(case_id)


@_routed
def get(session: Session, attachment_id: str) -> Attachment:
    session.require(Permission.VIEW)
    row = _files(session).get(attachment_id)
    if row.removed:
        raise NotFound(say("Case file {id} was removed.", id=attachment_id))
    return _view(session, row, {})


def _may_open(session: Session, row: AttachmentRow, reason: str | None) -> str | None:
    """Check that the user may open the file (see the module contract); the reason to audit
    for a victim's file."""
    session.require(Permission.VIEW)
    if not row.sealed:
        return None
    if not session.can(Permission.REVEAL_IDENTITY):
        raise PermissionDenied(
            say(
                "This file belongs to a victim: only users who may reveal victims' identities "
                "can open it."
            )
        )
    if reason is None or len(reason.strip()) < MIN_REASON:
        raise InvalidInput(
            say(
                "This file belongs to a victim: give a reason (a few words) for opening it; it "
                "is kept in the audit log."
            )
        )
    # At a PostgreSQL HQ the install's store holds the user's identity key.
    if not getattr(session.store, "install_store", session.store).vault.is_open:
        raise PermissionDenied(
            say(
                "Your copy of the identity key has not been granted yet: it is given when an "
                "administrator (or another supervisor) signs in. Try again after that."
            )
        )
    return reason.strip()


@dataclass(frozen=True, slots=True)
class Content:
    """A file's bytes in memory, for the app's preview (never written to disk)."""

    attachment: Attachment
    data: bytes


@_routed
def content(session: Session, attachment_id: str, *, reason: str | None = None) -> Content:
    """A file's content for showing it in the app (bounded by the per-file limit it was
    stored under). A victim's file: the reveal permission and a reason, audited."""
    files = _files(session)
    row = files.get(attachment_id)
    if row.removed:
        raise NotFound(say("Case file {id} was removed.", id=attachment_id))
    why = _may_open(session, row, reason)
    data = files.read_all(attachment_id)
    if why is not None:
        session.audit("attachment.view", "attachment", attachment_id, reason=why)
    return Content(_view(session, row, {}), data)


def suggested_name(item: Attachment) -> str:
    """A file name for a saved copy: the stored name with the extension of its real type."""
    file_type = A.BY_MEDIA_TYPE.get(item.media_type)
    ext = file_type.extension if file_type else ""
    stem = Path(A.clean_name(item.file_name or f"{item.kind.value}-{item.id[-8:]}")).stem
    return f"{stem or item.kind.value}{ext}"


@_routed
def save_copy(
    session: Session, attachment_id: str, dest: Path, *, reason: str | None = None
) -> Path:
    """Write a decrypted copy of a file to ``dest`` (atomically, mode 0600, streamed chunk by
    chunk); audited. A victim's file: the reveal permission and a reason."""
    files = _files(session)
    row = files.get(attachment_id)
    if row.removed:
        raise NotFound(say("Case file {id} was removed.", id=attachment_id))
    why = _may_open(session, row, reason)
    dest = dest.expanduser()
    if dest.is_dir():
        raise InvalidInput(say("{path} is a folder; give the copy a file name.", path=dest))
    fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            for piece in files.content(attachment_id):
                out.write(piece)
            out.flush()
            os.fsync(out.fileno())
        replace_durably(tmp, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise
    detail: dict[str, object] = {"revealed": why is not None}
    if why is not None:
        detail["reason"] = why
    session.audit("attachment.save", "attachment", attachment_id, **detail)
    return dest


# --- removing and sending ----------------------------------------------------------------------


def _owner_record(session: Session, row: AttachmentRow) -> Record:
    store = session.store
    if row.case_id:
        return store.get("case", row.case_id, deleted=True)
    return store.get(row.about, row.record_id, deleted=True)


@_routed
def remove(session: Session, attachment_id: str, reason: str) -> None:
    """Remove a file: its content and key are destroyed (``delete`` and a reason)."""
    session.require(Permission.DELETE)
    if len(reason.strip()) < MIN_REASON:
        raise InvalidInput(say("Give a reason (a few words) for removing the file."))
    files = _files(session)
    row = files.get(attachment_id)
    if row.removed:
        raise NotFound(say("Case file {id} was already removed.", id=attachment_id))
    refused = ownership.check_change(session, _owner_record(session, row))
    if refused:
        raise ValidationFailed(refused, "attachment")
    files.remove(attachment_id, session.actor(), reason.strip())


def send_to_hq(session: Session, attachment_id: str) -> Attachment:
    """Mark a file to travel to HQ with the next export (see the module contract)."""
    session.require(Permission.SYNC)
    if session.install.role is not InstallRole.DISTRICT:
        raise InvalidInput(say("Only a district install sends files to HQ."))
    files = _files(session)
    row = files.get(attachment_id)
    if row.removed:
        raise NotFound(say("Case file {id} was removed.", id=attachment_id))
    if row.sealed:
        if not session.can(Permission.REVEAL_IDENTITY):
            raise PermissionDenied(
                say(
                    "This file belongs to a victim: only users who may reveal victims' "
                    "identities can send it to HQ."
                )
            )
        victim = session.store.get("victim", row.record_id, deleted=True)
        if not (isinstance(victim, Victim) and victim.consent_to_share):
            raise InvalidInput(
                say(
                    "This victim has not consented to sharing: their files stay at the "
                    "district (record the consent on the victim first)."
                )
            )
    files.request_for_hq(attachment_id, session.actor())
    return _view(session, files.get(attachment_id), {})


def case_of(record: Record) -> str | None:
    """The case a record belongs to (for screens that start from a record)."""
    if isinstance(record, Case):
        return record.id
    return getattr(record, "case_id", None) or None
