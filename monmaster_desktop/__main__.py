"""``python -m monmaster_desktop``: the same entry point as the ``monmaster-desktop`` command."""

import sys

from monmaster_desktop.cli import main

sys.exit(main())
