"""The inputs that used to raise, each pinned: lone surrogates, "12345\\n", a closed pipe."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from reliability_support import child_environment
from support import GOOD_PASSWORD, registration

from monmaster_desktop import validation
from monmaster_desktop.accounts.service import (
    AccountService,
    ActivationOutcome,
    ResendOutcome,
    SignInOutcome,
    open_account_service,
)
from monmaster_desktop.settings import Settings

LONE_SURROGATES = ("\ud800", "\udfff", f"{GOOD_PASSWORD}\ud83d", "camille.martin@example.fr\ud800")


@pytest.mark.parametrize("text", LONE_SURROGATES)
def test_lone_surrogates_are_refused_like_any_wrong_input(service: AccountService, text: str) -> None:
    assert service.register(registration()).ok
    assert service.sign_in(text, GOOD_PASSWORD).outcome is SignInOutcome.FAILED
    assert service.sign_in("camille.martin@example.fr", text).outcome is SignInOutcome.FAILED
    assert service.activate(text).outcome is ActivationOutcome.UNKNOWN
    assert service.resend_activation(text).outcome is ResendOutcome.UNKNOWN_ADDRESS
    refused = service.register(registration(text, password=text))
    assert not refused.ok and refused.refusals
    assert service.find_account(text) is None and service.outbox.list(text) == []


@pytest.mark.parametrize("digits", ["12345", "123456", "1234567", "12345678", "31122026"])
def test_digits_then_a_line_feed_get_a_strength(digits: str) -> None:
    # zxcvbn's date matcher raised ValueError on these, against the module's "nothing here raises".
    strength = validation.estimate_strength(f"{digits}\n")
    assert strength.too_guessable
    assert validation.estimate_strength(f"Rh%8vQz!mLw2{digits}\n").score >= 0


def test_a_reader_that_stops_early_gets_no_traceback(settings: Settings) -> None:
    service = open_account_service(settings)
    result = service.register(registration())
    for number in range(60):  # enough that a listing meets the closed pipe in the middle of its rows
        service.register(registration(f"candidat.{number}@example.fr"))
    service.close()
    commands = (
        ["outbox", "show", str(result.mail_id)],
        ["outbox", "list"],
        ["outbox", "list", "--json"],
        ["accounts", "list"],
        ["accounts", "list", "--json"],
    )
    for command in commands:
        read_end, write_end = os.pipe()
        os.close(read_end)  # like `| head` having read what it wanted and gone
        completed = subprocess.run(
            [sys.executable, "-m", "monmaster_desktop", "--data-dir", str(settings.data_dir), *command],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env=child_environment(),
            timeout=60,
            check=False,
        )
        os.close(write_end)
        assert completed.stderr == "", completed.stderr
        assert completed.returncode == 1


def test_an_address_the_terminal_cannot_show_is_escaped_not_a_crash(settings: Settings) -> None:
    service = open_account_service(settings)
    assert service.register(registration("zoé@exemple.fr")).ok
    service.close()
    completed = subprocess.run(
        [sys.executable, "-m", "monmaster_desktop", "--data-dir", str(settings.data_dir), "accounts", "list"],
        capture_output=True,
        text=True,
        env=child_environment() | {"PYTHONIOENCODING": "ascii"},  # a terminal that only knows ASCII
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.startswith("zo\\xe9@exemple.fr\ten attente d'activation")
