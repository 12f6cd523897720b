"""Qt item models: thin adapters over the services' rows (lists) and over in-memory rows (the
tables inside the editors). Every model here passes pytest-qt's ``qtmodeltester``."""
