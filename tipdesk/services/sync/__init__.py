"""Sync use cases for the command line and the app. What the district and HQ modules offer is
re-exported here, so the app and the command line need only ``from tipdesk.services import
sync``.

Modules: ``enrolment`` (this install's keys, HQ's enrolment file, the district's device file
and HQ's registry of devices), ``district`` (the district's bundles, outbox, receipts and sync
state), ``hq`` (HQ's imports, conflicts, receipts and device state), ``common`` (the install's
identity, role checks, reading files), ``keys`` (the keys in the store), ``exporter`` (the next
bundle from the store), ``importer`` and ``import_state`` (applying a bundle at HQ),
``resolve`` (closing a conflict), ``upload`` and ``server`` (the HTTPS transport, district and
HQ side; imported on their own: they need the network libraries). The file format is in
``docs/bundle-format.md``.
"""

from tipdesk.services.sync.district import (
    ExportResult,
    LastReceipt,
    OutboxBundle,
    ReceiptResult,
    SyncStatus,
    export_bundle,
    import_receipt,
    import_receipt_bytes,
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
    Conflict,
    ConflictSide,
    DeviceStatus,
    ImportReport,
    ImportResult,
    RefusedFile,
    check_bundle_bytes,
    conflicts,
    device_status,
    import_bundle_bytes,
    import_files,
    receipt_for,
    report_titles,
    resolve,
    write_receipts,
)
from tipdesk.services.titles import record_titles

__all__ = [
    "Conflict",
    "ConflictSide",
    "DeviceStatus",
    "ExportResult",
    "ImportReport",
    "ImportResult",
    "KeysInfo",
    "LastReceipt",
    "OutboxBundle",
    "ReceiptResult",
    "RefusedFile",
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
    "import_receipt",
    "import_receipt_bytes",
    "keys_info",
    "list_devices",
    "outbox_files",
    "read_device_file",
    "read_enrolment",
    "receipt_for",
    "record_titles",
    "register_device",
    "report_titles",
    "resolve",
    "revoke_device",
    "status",
    "write_receipts",
]
