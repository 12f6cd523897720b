"""Use cases shared by the GUI and the CLI: setup, sign-in, records, search, stats, backup."""
