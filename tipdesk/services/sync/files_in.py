"""HQ's side of case files (``docs/bundle-format.md``, "Case files"; ``docs/security.md``).

Contract:
- :func:`keep_descriptions` keeps the descriptions a bundle carried (after its records are
  in): only those of records HQ holds whose district is the sending device's (a registered
  device is trusted for its own district's records only), as HQ's own rows per origin
  device (:meth:`~tipdesk.store.attachments.AttachmentStore.describe`); the others are
  counted as left out, never an error.
- :func:`import_file` takes one sealed case file (:mod:`tipdesk.sync.file_seal`), checking,
  in this order: its structure and HQ's own per-file limit (Settings), a registered, not
  revoked sender, the signature, the district it claims against the device's, its
  description (the id the manifest names; the record HQ holds, in the device's district;
  the description an earlier bundle gave, if any, must match), then the content: its type
  by content (the same allow-list as attaching), and its SHA-256 and size against the
  description while it is stored. It is stored encrypted as at a district (a victim's file
  sealed to HQ's identity key), in one transaction with its audit entry, read chunk by
  chunk: HQ's memory holds a couple of chunks whatever the file's size. Any refusal is a
  :class:`~tipdesk.core.errors.KnownError` naming the problem, and nothing is written.
- At an HQ keeping its records in PostgreSQL (issue 20) the same checks read PostgreSQL's
  records and files, and the file is stored there (:mod:`tipdesk.hqstore.files`: every key
  wrapped by the app, no plaintext name or note), in one transaction with its audit entry.
- A file HQ holds already is a duplicate (nothing changes); HQ's receipts name the files it
  holds, so the district marks them sent.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from tipdesk.core import attachments as A
from tipdesk.core.errors import InvalidInput, KnownError, NotFound
from tipdesk.core.messages import Message, say
from tipdesk.core.permissions import Permission
from tipdesk.core.records import Accused, Case, Victim
from tipdesk.services import attachments as files_service
from tipdesk.services import file_types
from tipdesk.services.ownership import district_name
from tipdesk.services.session import Session
from tipdesk.services.sync.common import own_identity, require_hq, sync_store
from tipdesk.store.attachments import AttachmentStore, Described, NewAttachment
from tipdesk.store.sync_store import DeviceRow
from tipdesk.sync import file_descriptions, file_seal
from tipdesk.sync.bundle import short_device
from tipdesk.sync.canonical import unb64
from tipdesk.sync.errors import (
    DamagedFile,
    RevokedSender,
    SyncError,
    UnknownSender,
    WrongDistrict,
)
from tipdesk.sync.file_descriptions import Description

_BUFFER = 64 * 1024


class FileMismatch(SyncError):
    """A case file that does not match what HQ knows of it (its description, its record)."""


class RecordNotHeld(FileMismatch):
    """A case file whose record HQ does not hold (yet: at a PostgreSQL HQ its bundle may wait
    in the inbox for an importer)."""


@dataclass(frozen=True, slots=True)
class FileResult:
    """One sealed case file's import: ``imported`` or ``duplicate``."""

    source: str
    attachment_id: str
    device: str
    district: str
    case_id: str | None
    status: str
    size: int
    district_name: str = ""


def _unit(session: Session, d: Description) -> tuple[str, str | None] | None:
    """The owner district and case of the record ``d`` names, as HQ holds it; ``None`` when
    HQ does not hold it or ``d`` places it wrongly."""
    store = session.store
    try:
        record = store.get(d.about, d.record_id)
        case = record if isinstance(record, Case) else None
        if isinstance(record, Accused | Victim) and record.case_id:
            case = store.get("case", record.case_id)  # type: ignore[assignment]
    except NotFound:
        return None
    if isinstance(case, Case):
        return case.owner, case.id
    if isinstance(record, Victim):
        return record.owner, None
    return None


def _belongs(session: Session, d: Description, district: str) -> bool:
    found = _unit(session, d)
    return found is not None and found == (district, d.case_id)


def described(d: Description, origin: str) -> Described:
    """What HQ keeps of a description from device ``origin`` (name cleaned, note bounded)."""
    return Described(d.id, d.about, d.record_id, d.case_id, d.kind, d.media_type, d.size,
                     d.sha256, d.created_at, d.created_by, origin,
                     A.clean_name(d.file_name) if d.file_name else "",
                     (d.note or "")[: A.MAX_NOTE])  # fmt: skip


def _described(d: Description, device: DeviceRow) -> Described:
    return described(d, device.device_id)


def keep_descriptions(session: Session, device: DeviceRow, found: Sequence[Description]) -> int:
    """Keep a bundle's descriptions (see the module contract); how many were left out."""
    if not found:
        return 0
    kept = [_described(d, device) for d in found if _belongs(session, d, device.district)]
    AttachmentStore(session.store).describe(kept)
    return len(found) - len(kept)


def _sender(session: Session, opened: file_seal.Opened) -> DeviceRow:
    m = opened.manifest
    device = sync_store(session).device(m.device)
    if device is None:
        raise UnknownSender(
            say(
                "This case file comes from a device HQ has not registered (…{device}). Register "
                "it with `tipdesk device register` first. Nothing was changed.",
                device=short_device(m.device),
            )
        )
    if device.revoked_at:
        raise RevokedSender(
            say(
                "This case file comes from a revoked device (…{device}, revoked on {revoked_at}); "
                "it was refused. Nothing was changed.",
                device=short_device(m.device),
                revoked_at=device.revoked_at[:10],
            )
        )
    file_seal.verify(opened, unb64(device.signing_key, 32))
    if m.district != device.district:
        raise WrongDistrict(
            say(
                "This case file claims another district than its device's ({district}); it was "
                "refused. Nothing was changed.",
                district=district_name(session, device.district),
            )
        )
    return device


def _mismatch(what: Message) -> FileMismatch:
    return FileMismatch(
        say("This case file {what}; it was refused. Nothing was changed.", what=what)
    )


def _check_against(session: Session, d: Description, device: DeviceRow) -> str:
    """Check the description against HQ's records and earlier description; the status the
    import would have (``new`` or ``duplicate``)."""
    if not _belongs(session, d, device.district):
        kind = RecordNotHeld if _unit(session, d) is None else FileMismatch
        what = say(
            "belongs to a record HQ does not hold in the sending device's district "
            "({district}; a device sends its own district's files only), or names its "
            "record wrongly",
            district=district_name(session, device.district),
        )
        raise kind(say("This case file {what}; it was refused. Nothing was changed.", what=what))
    files = files_service.files_of(session)
    try:
        row = files.get(d.id)
    except NotFound:
        return "new"
    if row.origin != device.device_id:
        raise _mismatch(say("has the id of a file another install holds"))
    if row.removed:
        raise _mismatch(say("was removed at HQ"))
    same = (row.about, row.record_id, row.case_id, row.kind, row.media_type, row.size,
            row.sha256) == (d.about, d.record_id, d.case_id, d.kind, d.media_type, d.size,
                            d.sha256)  # fmt: skip
    if not same:
        raise _mismatch(say("does not match the description its district's bundle gave of it"))
    return "duplicate" if row.held else "new"


def _checked_content(reader: file_seal.PlainReader, d: Description) -> Iterator[bytes]:
    """The content chunk by chunk; raises (rolling the store's transaction back) when its
    SHA-256 or size is not the description's."""
    digest, size = hashlib.sha256(), 0
    for n in range(max(1, -(-d.size // file_seal.CHUNK))):
        piece = reader.chunk(n)
        digest.update(piece)
        size += len(piece)
        yield piece
    if size != d.size or digest.hexdigest() != d.sha256:
        raise _mismatch(say("does not match its description (its SHA-256 differs)"))


def check_file_bytes(session: Session, data: bytes) -> tuple[file_seal.FileManifest, DeviceRow]:
    """Check a sealed case file's structure, HQ's limit, its sender and signature without
    decrypting or writing anything (what the receiver does before accepting an upload)."""
    session.require(Permission.SYNC)
    require_hq(session, "case file checks")
    limits = files_service.limits(session)
    opened = file_seal.read(io.BytesIO(data), len(data), max_content=limits.max_file_bytes)
    return opened.manifest, _sender(session, opened)


def import_file(session: Session, path: Path) -> FileResult:
    """Check and store one sealed case file (see the module contract). At an HQ keeping its
    records in PostgreSQL the checks read its records and the file is stored there, with its
    audit entry, in one transaction (:mod:`tipdesk.hqstore.files`)."""
    session.require(Permission.SYNC)
    require_hq(session, "hq import")
    with files_service.on_postgres(session) as routed:
        return _import_file(routed, path)


def _import_file(session: Session, path: Path) -> FileResult:
    limits = files_service.limits(session)
    me = own_identity(session)
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InvalidInput(
            say("{path} cannot be read ({reason}).", path=path, reason=exc.strerror or "error")
        ) from None
    with handle:
        length = path.stat().st_size
        opened = file_seal.read(handle, length, max_content=limits.max_file_bytes)
        device = _sender(session, opened)
        d = file_descriptions.check(opened.description(me.age_identity))
        if d.id != opened.manifest.attachment:
            raise DamagedFile(
                say(
                    "The case file's contents do not match its manifest; it was refused. Nothing "
                    "was changed."
                )
            )
        status = _check_against(session, d, device)
        where = district_name(session, device.district)
        result = FileResult(str(path), d.id, device.device_id, device.district, d.case_id,
                            "duplicate", d.size, where)  # fmt: skip
        if status == "duplicate":
            return result
        files = files_service.files_of(session)
        problem = A.limit_problem(d.size, files.used_bytes(), limits)
        if problem:
            raise InvalidInput(
                say("This case file cannot be taken at HQ. {problem}", problem=problem)
            )
        reader = file_seal.PlainReader(opened, me.age_identity, d.size)
        name = A.clean_name(d.file_name or f"{d.kind}-{d.id[-8:]}")
        try:
            # Buffered: the sniffers (zipfile, Pillow) expect whole reads across chunks.
            found = file_types.sniff(io.BufferedReader(reader, _BUFFER), name)
        except KnownError as exc:
            raise _mismatch(
                say("is not a file TIPDesk takes ({why})", why=exc.said or exc.message)
            ) from None
        if found.media_type != d.media_type:
            raise _mismatch(
                say(
                    "is a {found}, not the {said} its description says",
                    found=found.label,
                    said=A.BY_MEDIA_TYPE[d.media_type].label,
                )
            )
        new = NewAttachment(
            id=d.id,
            about=d.about,
            record_id=d.record_id,
            case_id=d.case_id,
            kind=d.kind,
            note=d.note or "",
            file_name=name,
            media_type=d.media_type,
            sealed=d.about == A.About.VICTIM,
            origin=device.device_id,
        )
        received = _described(d, device)
        try:
            files.add(
                new,
                _checked_content(reader, d),
                session.actor(),
                max_bytes=limits.max_file_bytes,
                received=received,
            )
        except ValueError:
            raise _mismatch(say("is larger than it says")) from None
    return dataclasses.replace(result, status="imported")
