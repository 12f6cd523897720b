"""The Sync page: the district's screen and HQ's, and what they share."""
