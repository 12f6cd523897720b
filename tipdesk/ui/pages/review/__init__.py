"""The non-criminalisation review queue (supervisors)."""
