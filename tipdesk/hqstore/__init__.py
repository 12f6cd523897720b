"""HQ on PostgreSQL: the only package that imports the PostgreSQL driver (psycopg 3).

What lives here (issue 20, first slice): the connection pool (:mod:`.pool`), HQ's own numbered
schema (:mod:`.migrations`), error translation by SQLSTATE (:mod:`.errors`), the apply-remote
batch a bundle import writes through (:mod:`.batch`, the same importer code as the SQLCipher
HQ), victims' identities sealed by the app (:mod:`.vault`), the national report's figures
(:mod:`.figures`) and the small dialect helper the portable queries use (:mod:`.dialect`).

What stays in the HQ install's SQLCipher store in this slice: users, the key file, HQ's own
signing and age keys, the device registry and offices (the import reads them to verify and
decrypt a bundle). Nothing of a victim's identity is ever plaintext in a PostgreSQL table.
"""
