"""The district side of case files travelling to HQ (``docs/bundle-format.md``, "Case files").

Contract:
- :func:`descriptions` gives the descriptions a bundle carries for the files of its records
  (:mod:`tipdesk.sync.file_descriptions`): never a file's content, nor a victim's file's
  name and note (those travel only inside the sealed file, once the file is sent with the
  victim's consent, and HQ keeps them sealed in its vault with the file).
- :func:`write_files` seals every file marked "Send to HQ" and not yet confirmed by HQ into
  its own sealed file (:mod:`tipdesk.sync.file_seal`: signed by this install, encrypted to
  HQ's recipients as bundles are), kept in the outbox folder until a receipt confirms it and
  written beside the bundles to the folder chosen. The content is read from the store and
  written chunk by chunk (memory stays at a few chunks). A victim's file waits (named in
  :attr:`FilesWritten.waiting`) while the user exporting cannot open it (it needs the
  identity key) or when the victim no longer consents to sharing.
- :func:`confirm` marks files HQ's receipt says it holds as sent (``hq_sent_at``, audited)
  and drops their sealed copies from the outbox folder.
- Nothing here writes a decrypted byte of a file anywhere.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tipdesk import __version__
from tipdesk.core import attachments as A
from tipdesk.core.errors import KnownError
from tipdesk.core.records import Record, Victim
from tipdesk.fs import replace_durably
from tipdesk.services.session import Session
from tipdesk.services.sync.common import own_identity
from tipdesk.store.attachments import CHUNK, AttachmentRow, AttachmentStore
from tipdesk.store.sync_store import HqRow
from tipdesk.sync import file_seal
from tipdesk.sync.file_descriptions import Description

if CHUNK != file_seal.CHUNK:  # pragma: no cover - a sealed file's parts are the store's chunks
    raise RuntimeError("the store's chunk size and the sealed file's differ")


def describe(row: AttachmentRow, *, identity_ok: bool) -> Description:
    """A file's description; ``identity_ok``: its name and note may travel (not a victim's
    file, or the victim consented to sharing)."""
    shared = identity_ok or not row.sealed
    return Description(
        id=row.id,
        about=row.about,
        record_id=row.record_id,
        case_id=row.case_id,
        kind=row.kind,
        media_type=row.media_type,
        size=row.size,
        sha256=row.sha256,
        created_at=row.created_at,
        created_by=row.created_by,
        file_name=row.file_name if shared else None,
        note=row.note if shared else None,
    )


def descriptions(store_files: AttachmentStore, records: Iterable[Record]) -> dict[str, list[Any]]:
    """The descriptions (JSON objects) of the files of ``records``, by record id. A victim's
    file's name and note never travel in a bundle: they travel only inside the sealed file,
    when the file itself is sent (the victim consenting)."""
    ids = [r.id for r in records if r.KIND in ("case", "accused", "victim")]
    out: dict[str, list[Any]] = {}
    for row in store_files.of_records(ids):
        d = describe(row, identity_ok=False)
        out.setdefault(row.record_id, []).append(d.to_json())
    return out


@dataclass(frozen=True, slots=True)
class SentFile:
    attachment_id: str
    path: Path
    size: int


@dataclass(slots=True)
class FilesWritten:
    """The sealed files an export wrote for HQ, and the marked files left waiting (id, why)."""

    files: list[SentFile] = field(default_factory=list)
    waiting: list[tuple[str, str]] = field(default_factory=list)


def _victim_consents(session: Session, row: AttachmentRow) -> bool:
    victim = session.store.get("victim", row.record_id, deleted=True)
    return isinstance(victim, Victim) and bool(victim.consent_to_share)


def write_files(
    session: Session, hq: HqRow, recipients: Sequence[str], out_dir: Path | None
) -> FilesWritten:
    """Seal each file marked for HQ into the outbox folder (when not there yet) and copy it to
    ``out_dir`` (see the module contract). :class:`OSError` when a file cannot be written."""
    files = AttachmentStore(session.store)
    outbox = session.paths.outbox
    outbox.mkdir(mode=0o700, parents=True, exist_ok=True)
    me = own_identity(session)
    result = FilesWritten()
    for row in files.waiting_for_hq():
        name = file_seal.file_name(session.install.district, me.public.device_id, row.id)
        kept = outbox / name
        if row.sealed and not _victim_consents(session, row):
            # Consent withdrawn after the file was marked: it does not leave, not even the
            # copy sealed before.
            kept.unlink(missing_ok=True)
            result.waiting.append((row.id, "the victim no longer consents to sharing"))
            continue
        if not kept.is_file():
            if not row.readable:
                result.waiting.append(
                    (row.id, "a victim's file: a user who may reveal identities must export it")
                )
                continue
            try:
                _seal_into(session, files, row, kept, recipients, me.public.device_id)
            except KnownError as exc:  # a damaged file, or no identity key at this moment
                result.waiting.append((row.id, exc.message))
                continue
        size = kept.stat().st_size
        if out_dir is not None:
            dest = out_dir / name
            if dest.resolve() != kept.resolve() and not _same(dest, kept):
                _copy(kept, dest)
            result.files.append(SentFile(row.id, dest, size))
        else:
            result.files.append(SentFile(row.id, kept, size))
    return result


def _seal_into(
    session: Session,
    files: AttachmentStore,
    row: AttachmentRow,
    dest: Path,
    recipients: Sequence[str],
    device_id: str,
) -> None:
    me = own_identity(session)
    manifest = file_seal.FileManifest(
        device=device_id,
        district=session.install.district,
        attachment=row.id,
        created_at=session.now(),
        app_version=__version__,
    )
    description = describe(row, identity_ok=True).to_json()
    _atomic(
        dest,
        lambda out: file_seal.write(
            out, manifest, description, files.content(row.id), me.signer, recipients
        ),
    )


def _atomic(dest: Path, fill: Any) -> None:
    """Write ``dest`` through a temporary file in its folder (mode 0600), then rename."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            fill(out)
            out.flush()
            os.fsync(out.fileno())
        replace_durably(tmp, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise


def _copy(src: Path, dest: Path) -> None:
    def fill(out: Any) -> None:
        with src.open("rb") as handle:
            while piece := handle.read(A.MB):
                out.write(piece)

    _atomic(dest, fill)


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as handle:
        while piece := handle.read(A.MB):
            h.update(piece)
    return h.hexdigest()


def _same(a: Path, b: Path) -> bool:
    try:
        return a.is_file() and a.stat().st_size == b.stat().st_size and _digest(a) == _digest(b)
    except OSError:
        return False


def outbox_files(session: Session) -> list[Path]:
    """The sealed files waiting in the outbox folder for HQ's confirmation (an uploader's)."""
    folder = session.paths.outbox
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix == file_seal.EXTENSION and p.is_file())


def confirm(session: Session, attachment_ids: Sequence[str]) -> list[str]:
    """HQ holds these files (a receipt said so): mark the ones this install marked for HQ as
    sent, audited, and drop their sealed copies from the outbox folder."""
    if not attachment_ids:
        return []
    done = AttachmentStore(session.store).mark_sent(attachment_ids, session.actor())
    device = own_identity(session).public.device_id
    for i in done:
        name = file_seal.file_name(session.install.district, device, i)
        (session.paths.outbox / name).unlink(missing_ok=True)
    return done
