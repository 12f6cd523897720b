"""Sync use cases for the command line and the app. What the district and HQ modules offer is
re-exported here, so the app and the command line need only ``from tipdesk.services import
sync``.

Modules: ``enrolment`` (this install's keys, HQ's enrolment file, the district's device file
and HQ's registry of devices), ``district`` (the district's bundles, outbox, receipts and sync
state), ``hq`` (HQ's imports, receipts and device state), ``review`` (conflicts and their
resolution, whole or field by field), ``common`` (the install's identity, role checks, reading
files), ``keys`` (the keys in the store), ``exporter`` (the next bundle from the store),
``importer`` and ``import_state`` (applying a bundle at HQ), ``resolve`` (closing a conflict),
``release`` (HQ's re-check of the quarantine), ``records_back`` (HQ's versions back to the
district), ``anchors`` (HQ's history of each device's audit heads, and the district's check of
its log against HQ's anchor), ``receipt_checks`` (what a district refuses in a receipt),
``bundle_split`` (an export too large for one bundle), ``upload``, ``server`` and
``server_guard`` (the HTTPS transport, district and HQ side; imported on their own: they need
the network libraries). The file format is in ``docs/bundle-format.md``.
"""

from tipdesk.services.sync.anchors import AnchorProblem, HqAnchorComparison
from tipdesk.services.sync.district import (
    BundleFile,
    ExportNotWritten,
    ExportResult,
    LastReceipt,
    Notice,
    OutboxBundle,
    ReceiptResult,
    SyncStatus,
    export_bundle,
    import_receipt,
    import_receipt_bytes,
    notices,
    outbox_files,
    status,
)
from tipdesk.services.sync.enrolment import (
    KeysInfo,
    enroll,
    export_device_file,
    export_enrolment,
    keys_info,
    list_devices,
    read_device_file,
    read_enrolment,
    register_device,
    revoke_device,
)
from tipdesk.services.sync.hq import (
    DeviceStatus,
    ImportReport,
    ImportResult,
    RefusedFile,
    check_bundle_bytes,
    device_status,
    import_bundle_bytes,
    import_files,
    import_inbox,
    receipt_for,
    report_titles,
    write_receipts,
)
from tipdesk.services.sync.records_back import BackChange
from tipdesk.services.sync.release import Recheck, Released, recheck_quarantine
from tipdesk.services.sync.review import (
    Conflict,
    ConflictSide,
    FieldChoice,
    FieldDifference,
    ResolutionPlan,
    conflicts,
    plan_resolution,
    resolve,
)
from tipdesk.services.titles import record_titles
from tipdesk.sync.anchor import AnchorCheck

__all__ = [
    "AnchorCheck",
    "AnchorProblem",
    "BackChange",
    "BundleFile",
    "Conflict",
    "ConflictSide",
    "DeviceStatus",
    "ExportNotWritten",
    "ExportResult",
    "FieldChoice",
    "FieldDifference",
    "HqAnchorComparison",
    "ImportReport",
    "ImportResult",
    "KeysInfo",
    "LastReceipt",
    "Notice",
    "OutboxBundle",
    "ReceiptResult",
    "Recheck",
    "RefusedFile",
    "Released",
    "ResolutionPlan",
    "SyncStatus",
    "check_bundle_bytes",
    "conflicts",
    "device_status",
    "enroll",
    "export_bundle",
    "export_device_file",
    "export_enrolment",
    "import_bundle_bytes",
    "import_files",
    "import_inbox",
    "import_receipt",
    "import_receipt_bytes",
    "keys_info",
    "list_devices",
    "notices",
    "outbox_files",
    "plan_resolution",
    "read_device_file",
    "read_enrolment",
    "receipt_for",
    "recheck_quarantine",
    "record_titles",
    "register_device",
    "report_titles",
    "resolve",
    "revoke_device",
    "status",
    "write_receipts",
]
