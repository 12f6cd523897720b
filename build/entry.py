"""The packaged app's entry point (``tipdesk.spec`` builds ``dist/tipdesk/tipdesk`` from it).

It does exactly what the ``tipdesk`` console script does: ``tipdesk.__main__.main()`` with the
process's arguments, and exits with its code.
"""

import sys

from tipdesk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
