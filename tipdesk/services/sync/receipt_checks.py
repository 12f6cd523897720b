"""What a district checks in HQ's receipt before it believes it: a receipt may acknowledge only
what this install sent.

A receipt is signed by the enrolled HQ, yet HQ's word is only as good as the bundles it was
given: a bundle forged with a copy of this device's key (or a mistaken HQ) could make HQ
acknowledge changes this install never sent, and the district would then stop sending them.
So, before anything is written, :func:`check` refuses (:class:`ReceiptOverreach`, naming the
number and "Nothing was changed") a receipt that

- acknowledges changes past the last change this install put in a bundle (``acked_change``);
- says HQ holds bundles up to a number this install never reached (``highest_seq``), or is
  missing one it never made (``gaps``);
- lists a bundle this install did not make, or made with other contents (each entry's
  ``sha256`` against the outbox, which keeps every bundle's digest);
- starts its records back after the position this install ever confirmed (``back.from``).

HQ holding *less* than before stays HQ's word (an HQ restored from a backup): the district
then sends those changes again. Pure checks on the store's outbox rows; no writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NoReturn

from tipdesk.core.messages import Message, say
from tipdesk.store.sync_store import OutboxRow
from tipdesk.sync.errors import ReceiptOverreach
from tipdesk.sync.receipt import Receipt

_TELL_HQ = (
    " Bundles this device did not make may have reached HQ (its key may have been copied): "
    "tell HQ. Nothing was changed."
)


def check(rec: Receipt, outbox: Sequence[OutboxRow]) -> None:
    """Refuse ``rec`` when it acknowledges more than the bundles in ``outbox`` (every bundle
    this install made, acknowledged or not) ever carried; see the module docstring."""
    last_seq = max((o.seq for o in outbox), default=0)
    last_change = max((o.to_change for o in outbox), default=0)
    confirmed = max((o.back_through for o in outbox), default=0)
    if rec.acked_change > last_change:
        _refuse(
            say(
                "HQ says it holds every change up to {acked:,}, but this install's bundles "
                "carried changes up to {last:,} only.",
                acked=rec.acked_change,
                last=last_change,
            )
        )
    if rec.highest_seq > last_seq:
        _refuse(
            say(
                "HQ says it holds every bundle up to {highest:,}, but this install made {n:,} "
                "bundle(s).",
                highest=rec.highest_seq,
                n=last_seq,
            )
        )
    strange = sorted({g for g in rec.gaps if not 1 <= g <= last_seq})
    if strange:
        _refuse(say("HQ misses bundle {seq:,}, which this install never made.", seq=strange[0]))
    digests = {o.seq: o.sha256 for o in outbox}
    for entry in rec.bundles:
        seq, sha = entry.get("seq"), entry.get("sha256")
        if isinstance(seq, bool) or not isinstance(seq, int) or seq not in digests:
            _refuse(say("HQ imported a bundle {seq} this install never made.", seq=str(seq)[:20]))
        if sha is not None and sha != digests[seq]:
            _refuse(
                say(
                    "HQ imported a bundle {seq:,} whose contents are not those of this "
                    "install's bundle {seq:,}.",
                    seq=seq,
                )
            )
    start = rec.back.get("from", 0) if rec.back else 0
    if type(start) is int and start > confirmed:
        _refuse(
            say(
                "HQ's records back start after position {start:,} of its change log, but this "
                "install confirmed position {confirmed:,} at most.",
                start=start,
                confirmed=confirmed,
            )
        )


def _refuse(what: Message) -> NoReturn:
    raise ReceiptOverreach(
        say(
            "This receipt acknowledges more than this install ever sent: {what} Bundles this "
            "device did not make may have reached HQ (its key may have been copied): tell HQ. "
            "Nothing was changed.",
            what=what,
        )
    )
