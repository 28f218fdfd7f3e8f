"""Packaging tests: the wheel in a fresh venv, the frozen bundle, the self-test, icons, installer files.

Tests marked ``packaging`` build or install something (slow, need PyPI or a bundle): deselect them with
``-m "not packaging"``; CI runs them. The frozen-bundle tests run only where packaging/ci-build.sh
points them at a bundle (MONMASTER_DESKTOP_FROZEN). Helpers live in packaging_support.py.
"""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "packaging: builds or installs the application (slow; deselect with -m 'not packaging')"
    )
