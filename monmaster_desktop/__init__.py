"""Mon Master Desktop: an offline rehearsal of the Mon Master account creation.

The core modules (validation, eligibility, accounts, settings) never import Qt; the Qt layer lives
in ``monmaster_desktop.gui`` and only calls them.
"""

APP_NAME = "monmaster-desktop"
APP_DISPLAY_NAME = "Mon Master Desktop"


def __getattr__(name: str) -> str:
    # ``__version__`` is read from the package metadata when first asked for: importlib.metadata
    # costs tens of milliseconds, which the operator's commands need not pay.
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version(APP_NAME)
    except PackageNotFoundError:  # a bare checkout that was never installed
        found = "0.0.0+checkout"
    globals()["__version__"] = found
    return found
