"""The one place that finds the ``ui/`` forms and the ``resources/`` files.

They sit at the top of a checkout, inside the package of an installed wheel
(``monmaster_desktop/ui``, ``monmaster_desktop/resources``: see pyproject.toml) and at the root of a
frozen PyInstaller bundle; every caller asks here instead of building paths itself.
No Qt import here.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidate_roots(kind: str) -> Iterator[Path]:
    bundle_root = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle_root:
        yield Path(bundle_root) / kind
    yield _PACKAGE_DIR / kind  # installed wheel
    yield _PACKAGE_DIR.parent / kind  # checkout (and editable install)


@cache
def _root(kind: str) -> Path:
    for root in _candidate_roots(kind):
        if root.is_dir():
            return root
    searched = ", ".join(str(root) for root in _candidate_roots(kind))
    raise FileNotFoundError(f"the '{kind}' folder of Mon Master Desktop is missing (searched: {searched})")


def resource_root() -> Path:
    """The resources/ folder itself (for folders that may be empty, such as compiled catalogs)."""
    return _root("resources")


def ui_file(name: str) -> Path:
    """A Qt Designer form, e.g. ``ui_file("welcome_page.ui")``."""
    return _existing(_root("ui") / name)


def resource_file(relative: str) -> Path:
    """A file under resources/, e.g. ``resource_file("styles/light.qss")``."""
    return _existing(_root("resources") / relative)


def _existing(path: Path) -> Path:
    if not path.is_file():
        raise FileNotFoundError(f"missing file of Mon Master Desktop: {path}")
    return path
