"""Screens: the pages of the main window and the start screens. Each takes its dependencies
(an :class:`~tipdesk.ui.context.AppContext`) in ``__init__``."""
