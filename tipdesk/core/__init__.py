"""The Qt-free, I/O-free core: records, code lists, validation, ids, clock and errors."""
