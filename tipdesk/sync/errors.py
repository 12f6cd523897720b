"""Errors of sync: every one a :class:`~tipdesk.core.errors.KnownError` whose message names the
problem and what to do. Messages never quote record contents or keys."""

from __future__ import annotations

from tipdesk.core.errors import KnownError


class SyncError(KnownError):
    """Base class of sync failures."""


class NotASyncFile(SyncError):
    """The file is not a TIPDesk bundle or receipt at all."""


class DamagedFile(SyncError):
    """Truncated, altered in transit, or internally inconsistent."""


class RangeMismatch(DamagedFile):
    """A bundle whose claimed range of changes is not the one its payload holds."""


class BadSignature(DamagedFile):
    """The signature does not verify with the sender's registered key."""


class FormatTooNew(SyncError):
    """Written by a newer TIPDesk (a newer bundle or receipt format)."""


class WrongKind(SyncError):
    """A receipt given where a bundle was expected, or the other way round."""


class WrongRecipient(SyncError):
    """The file is not encrypted to this install."""


class UnknownSender(SyncError):
    """The sender is not a registered device (or not the enrolled HQ)."""


class RevokedSender(SyncError):
    """The sending device was revoked (for example a lost laptop)."""


class TooLarge(SyncError):
    """The payload is bigger than the limit, or expands beyond its declared size."""


class WrongDevice(SyncError):
    """A receipt addressed to another device."""


class WrongDistrict(SyncError):
    """A bundle claiming another district than the one its device is registered for."""


class ImplausibleBundle(SyncError):
    """A bundle numbered far beyond anything its device sent (a crafted number)."""


class ReceiptOverreach(SyncError):
    """A receipt acknowledging more than this install ever sent."""


class NotEnrolled(SyncError):
    """The district has not installed HQ's enrolment file yet."""


class SequenceReused(SyncError):
    """A different bundle with the same sequence number was imported before."""


class WrongRole(SyncError):
    """A district command run at HQ or the other way round."""


class BadDocument(SyncError):
    """An enrolment or device registration file that cannot be used."""
