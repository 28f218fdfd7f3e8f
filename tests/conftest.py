"""Shared fixtures: a data dir per test, fast argon2 parameters, a clock the test controls."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

# Qt tests run without a screen unless a test (the AT-SPI ones) asks for a real X server.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from support import FakeClock

from monmaster_desktop import i18n
from monmaster_desktop.accounts.service import AccountService, open_account_service
from monmaster_desktop.settings import HashingParameters, Settings


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 9, 1, 8, 30, tzinfo=UTC))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", hashing=HashingParameters.fast_for_tests())


@pytest.fixture
def service(settings: Settings, clock: FakeClock) -> Iterator[AccountService]:
    account_service = open_account_service(settings, clock)
    yield account_service
    account_service.close()


@pytest.fixture(autouse=True)
def _core_in_french_again() -> Iterator[None]:
    """A test that said the core's sentences in English (the command line's --lang) leaves French."""
    yield
    if i18n.current_language() != i18n.DEFAULT_LANGUAGE:
        i18n.set_language(i18n.DEFAULT_LANGUAGE)
