"""Helpers shared by the packaging tests (the marker is registered in conftest.py).

``build``, ``icons`` and ``catalogs`` are the scripts of packaging/, loaded by path: they are scripts
beside each other, not a package.
"""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from pathlib import Path
from types import ModuleType

CHECKOUT = Path(__file__).resolve().parents[2]
VERSION: str = tomllib.loads((CHECKOUT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def _script(name: str) -> ModuleType:
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, CHECKOUT / "packaging" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # build.py's own "import icons" finds it here
    spec.loader.exec_module(module)
    return module


icons = _script("icons")
catalogs = _script("catalogs")
build = _script("build")
