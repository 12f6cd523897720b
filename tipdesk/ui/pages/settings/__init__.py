"""The Settings page, with the restore dialog and the register import wizard it opens."""
