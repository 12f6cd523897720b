"""Sync between district installs and HQ, as files: identities and the signed public
documents, the sealed file format (age encryption, Ed25519 signatures, canonical JSON),
bundles and their payload, receipts, version vectors and the merge rules.

Layering: ``services -> sync -> core``. Nothing here imports Qt, the database driver or the
store: what reads and writes the store (the next bundle, applying a bundle at HQ, resolving a
conflict, keeping the keys) is :mod:`tipdesk.services.sync`. The file format is documented in
``docs/bundle-format.md``.
"""
