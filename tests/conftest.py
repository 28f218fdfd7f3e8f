"""Shared fixtures: a data dir per test, fast argon2 parameters, a clock the test controls."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

# Qt tests run without a screen unless a test (the AT-SPI ones) asks for a real X server.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from monmaster_desktop.accounts.service import AccountService, RegistrationRequest, open_account_service
from monmaster_desktop.eligibility import QUESTION_KEYS, Answer
from monmaster_desktop.settings import HashingParameters, Settings

GOOD_PASSWORD = "Rh%8vQz!mLw2"
ALL_OUI = {key: Answer.OUI for key in QUESTION_KEYS}


class FakeClock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


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


def registration(
    email: str = "camille.martin@example.fr", password: str = GOOD_PASSWORD, **changes
) -> RegistrationRequest:
    fields = {
        "email": email,
        "password": password,
        "password_confirmation": password,
        "consent": True,
        "eligibility_answers": ALL_OUI,
    }
    fields.update(changes)
    return RegistrationRequest(**fields)
