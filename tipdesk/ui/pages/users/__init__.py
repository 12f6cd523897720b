"""The Users page and its add / enable dialogs."""
