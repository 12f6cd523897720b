"""Sync between district installs and HQ: identities, the sealed file format, bundles,
receipts, version vectors and the merge at HQ.

Layering: ``services -> sync -> store -> core``. Nothing here imports Qt or the database
driver; every read and write of the store goes through :mod:`tipdesk.store.sync_store` and
:mod:`tipdesk.store.remote_apply`. The file format is documented in ``docs/bundle-format.md``.
"""
