"""The encrypted store: key file, database, migrations, repositories and audit chain."""
