"""Dialogs of the application shell (users, restore, progress)."""
