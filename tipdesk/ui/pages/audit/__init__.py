"""The Audit page: the audit log, its filters and the chain check."""
