"""The headless command line (``tipdesk COMMAND``). No Qt here."""
