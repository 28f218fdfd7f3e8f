"""``python -m monmaster_desktop``: the same entry point as the ``monmaster-desktop`` command.

Also the frozen executable's entry point, so the one place where the application can start its
password strength process (``strength_server``) the same way from a checkout, a wheel and a bundle:
that option is read before anything else is imported.
"""

import sys

if sys.argv[1:] == ["--strength-server"]:  # strength_server.SERVER_OPTION, without importing it first
    from monmaster_desktop.strength_server import main as serve

    sys.exit(serve())

from monmaster_desktop.cli import main

sys.exit(main())
