"""TIPDesk: an offline-first register for anti-trafficking work under the TIP Act 2018.

This module must stay import-light: it imports neither Qt nor the database driver, so the
command line, the packager and the layering check can read the version cheaply.
"""

__version__ = "0.1.0"
APP_NAME = "TIPDesk"
APP_ID = "tipdesk"
