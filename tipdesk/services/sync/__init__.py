"""Sync use cases for the command line and the app. What the district and HQ modules offer is
re-exported here, so the app and the command line need only ``from tipdesk.services import
sync``.

Modules: ``district`` (identities and enrolment, the district's bundles, outbox and receipts,
HQ's device registry), ``hq`` (HQ's imports, conflicts, receipts and device state),
``common`` (the install's identity, role checks, reading files), ``exporter`` (the next bundle
from the store), ``importer`` and ``import_state`` (applying a bundle at HQ), ``resolve``
(closing a conflict), ``upload`` and ``server`` (the HTTPS transport, district and HQ side;
imported on their own: they need the network libraries). The file format is in
``docs/bundle-format.md``.
"""

from tipdesk.services.sync.district import (
    DeviceStatus,
    ExportResult,
    ImportReport,
    ImportResult,
    KeysInfo,
    ReceiptResult,
    check_bundle_bytes,
    conflicts,
    device_status,
    enroll,
    export_bundle,
    export_device_file,
    export_enrolment,
    import_bundle_bytes,
    import_files,
    import_receipt,
    import_receipt_bytes,
    keys_info,
    list_devices,
    outbox_files,
    read_device_file,
    read_enrolment,
    receipt_for,
    record_titles,
    register_device,
    report_titles,
    resolve,
    revoke_device,
    status,
    write_receipts,
)

__all__ = [
    "DeviceStatus",
    "ExportResult",
    "ImportReport",
    "ImportResult",
    "KeysInfo",
    "ReceiptResult",
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
