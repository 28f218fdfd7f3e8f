"""Mon Master Desktop: an offline rehearsal of the Mon Master account creation.

The core modules (validation, eligibility, accounts, settings) never import Qt; the Qt layer lives
in ``monmaster_desktop.gui`` and only calls them.
"""

from importlib.metadata import PackageNotFoundError, version

APP_NAME = "monmaster-desktop"
APP_DISPLAY_NAME = "Mon Master Desktop"

try:
    __version__ = version(APP_NAME)
except PackageNotFoundError:  # a bare checkout that was never installed
    __version__ = "0.0.0+checkout"
