"""argon2id hashing: nothing is computed at start, and an unknown address costs a real verification."""

from __future__ import annotations

import subprocess
import sys

import argon2
import pytest

from monmaster_desktop.accounts.security import PasswordHashing
from monmaster_desktop.accounts.service import AccountService
from monmaster_desktop.settings import HashingParameters, Settings


def test_creating_the_hashing_loads_no_argon2_and_hashes_nothing() -> None:
    code = (
        "import sys\n"
        "from monmaster_desktop.accounts.security import PasswordHashing\n"
        "from monmaster_desktop.settings import HashingParameters, Settings\n"
        "PasswordHashing(HashingParameters())\n"
        "print('argon2' in sys.modules)\n"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert completed.stdout.strip() == "False"


@pytest.mark.parametrize("parameters", [HashingParameters(), HashingParameters.fast_for_tests()])
def test_the_decoy_costs_what_a_real_hash_costs_to_verify(parameters: HashingParameters) -> None:
    hashing = PasswordHashing(parameters)
    decoy = hashing.decoy_hash()
    real = hashing.hash("Rh%8vQz!mLw2")
    # argon2id's cost depends only on these: same type, version, memory, time, lanes and lengths.
    assert argon2.extract_parameters(decoy) == argon2.extract_parameters(real)
    assert argon2.extract_parameters(decoy).memory_cost == parameters.memory_cost_kib


def test_no_password_matches_the_decoy() -> None:
    hashing = PasswordHashing(HashingParameters.fast_for_tests())
    decoy = hashing.decoy_hash()
    assert decoy == hashing.decoy_hash()  # made once
    for password in ("", "Rh%8vQz!mLw2", decoy):
        assert not hashing.verify(decoy, password)
    assert PasswordHashing(HashingParameters.fast_for_tests()).decoy_hash() != decoy  # random salt and digest


def test_sign_in_with_an_unknown_address_runs_one_verification_at_the_accounts_cost(
    service: AccountService, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    verified: list[str] = []
    real_verify = argon2.PasswordHasher.verify

    def spy(self: argon2.PasswordHasher, stored_hash: str | bytes, password: str | bytes) -> bool:
        verified.append(str(stored_hash))
        return real_verify(self, stored_hash, password)

    monkeypatch.setattr(argon2.PasswordHasher, "verify", spy)
    result = service.sign_in("personne@example.fr", "Rh%8vQz!mLw2")
    assert not result.account
    assert len(verified) == 1
    real = PasswordHashing(settings.hashing).hash("Rh%8vQz!mLw2")
    assert argon2.extract_parameters(verified[0]) == argon2.extract_parameters(real)
