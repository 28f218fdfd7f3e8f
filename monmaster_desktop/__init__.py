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
    found = _version_from_dist_info()
    if found is None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version(APP_NAME)
        except PackageNotFoundError:  # a bare checkout that was never installed
            found = "0.0.0+checkout"
    globals()["__version__"] = found
    return found


def _version_from_dist_info() -> str | None:
    """The version in the first ``monmaster_desktop-*.dist-info/METADATA`` along ``sys.path``, as
    importlib.metadata finds it (a wheel, an editable install, the frozen bundle's copy), without
    importing importlib.metadata and the ``email`` package (~40 ms, paid by the GUI's crash log
    before the first paint); None if there is none or it cannot be read (importlib.metadata decides)."""
    import os
    import sys

    prefix = APP_NAME.replace("-", "_") + "-"
    for entry in sys.path:
        try:
            names = [name for name in os.listdir(entry or ".") if name.startswith(prefix)]
        except OSError:
            continue
        for name in names:
            if not name.endswith(".dist-info"):
                continue
            try:
                with open(os.path.join(entry, name, "METADATA"), encoding="utf-8") as metadata:
                    for line in metadata:
                        if line.startswith("Version:"):
                            return line.removeprefix("Version:").strip()
                        if not line.strip():  # the headers end at the first empty line
                            break
            except OSError:
                pass
            return None
    return None
