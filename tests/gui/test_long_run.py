"""A fair in one process: 200 candidates one after another on the same kiosk (docs/kiosk.md, "Long runs").

Each cycle is a whole enrollment made by the journey driver — eligibility, credentials, the account
created, the mail opened in the outbox, its link followed, "Compte activé", "Terminer" — then the end
of the session. The hashing is the tests' fast one; nothing else differs from the application. The
kiosk must neither slow down into failure nor pile widgets up, and the last session must leave no
trace. ``benchmarks/bench_kiosk_memory.py`` prints the memory of the same run.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from kiosk_support import Kiosk, enroll_and_finish, open_kiosk, traces_of
from PySide6.QtWidgets import QApplication
from support import GOOD_PASSWORD

from monmaster_desktop.accounts.service import AccountService, AccountStatus
from monmaster_desktop.gui.testers.journey import Candidate
from monmaster_desktop.settings import CaptchaMode, KioskSettings, Settings

CYCLES = 200


@pytest.fixture
def kiosk(qtbot, service: AccountService, settings: Settings) -> Iterator[Kiosk]:
    options = dataclasses.replace(
        settings, kiosk=True, captcha=CaptchaMode.OFF, kiosk_settings=KioskSettings(idle_timeout=100_000)
    )
    made = open_kiosk(options, service)
    qtbot.addWidget(made.window)
    qtbot.waitExposed(made.window)
    yield made
    made.close()


def test_two_hundred_candidates_one_after_another(kiosk: Kiosk, service: AccountService) -> None:
    candidate = Candidate.at(kiosk.window)
    widgets_after_warm_up = 0
    for number in range(1, CYCLES + 1):
        candidate.step = f"candidate {number}"
        enroll_and_finish(candidate, f"candidat.{number:03d}@example.fr", GOOD_PASSWORD)
        if number == 10:  # every window, page and dialog has been made once by now
            widgets_after_warm_up = len(QApplication.allWidgets())
    accounts = service.list_accounts()
    assert len(accounts) == CYCLES and all(account.status is AccountStatus.ACTIVE for account in accounts)
    # Nothing piles up from one candidate to the next …
    assert len(QApplication.allWidgets()) == widgets_after_warm_up
    assert kiosk.window.outbox_window().model.rowCount() == 0
    # … and the last one left nothing behind either.
    assert traces_of([f"candidat.{CYCLES:03d}@example.fr", "candidat.", GOOD_PASSWORD], kiosk) == []
