"""The exit statuses of ``monmaster-desktop``, shared by the command line and the GUI's start-up (no Qt)."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILURE = 1  # a closed output pipe, an unexpected failure
EXIT_DATA_UNUSABLE = 2  # the data folder or database cannot be used (French message on stderr)
EXIT_NO_DISPLAY = 3  # the GUI was asked for where there is no screen
EXIT_ALREADY_RUNNING = 4  # the application already runs on this data folder (French message)
