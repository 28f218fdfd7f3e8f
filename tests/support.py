"""Helpers shared by the unit and GUI tests (fixtures live in conftest.py)."""

from __future__ import annotations

from datetime import datetime, timedelta

from monmaster_desktop.accounts.service import RegistrationRequest
from monmaster_desktop.eligibility import QUESTION_KEYS, Answer

GOOD_PASSWORD = "Rh%8vQz!mLw2"
ALL_OUI = {key: Answer.OUI for key in QUESTION_KEYS}


class FakeClock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def registration(
    email: str = "camille.martin@example.fr", password: str = GOOD_PASSWORD, **changes: object
) -> RegistrationRequest:
    fields: dict[str, object] = {
        "email": email,
        "password": password,
        "password_confirmation": password,
        "consent": True,
        "eligibility_answers": ALL_OUI,
    }
    fields.update(changes)
    return RegistrationRequest(**fields)  # type: ignore[arg-type]
