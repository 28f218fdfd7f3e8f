"""The sign-in throttle keeps nothing of what was typed, and every string stored is bounded.

People type their password into the address field. Whatever lands in the address field, the data
dir (database, -wal, -shm) must not hold it in any form afterwards: not as typed, not NFKC-normalized,
not case-folded, not in UTF-8, UTF-16 or UTF-32.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from pathlib import Path

from support import GOOD_PASSWORD, FakeClock, files_holding, registration

from monmaster_desktop.accounts.mail import token_from_activation_url
from monmaster_desktop.accounts.service import (
    NOT_AN_ADDRESS_ATTEMPT_KEY,
    AccountService,
    SignInOutcome,
    open_account_service,
)
from monmaster_desktop.accounts.store import MIGRATIONS
from monmaster_desktop.settings import Settings

ADDRESS = "camille.martin@example.fr"


def register_and_activate(service: AccountService, email: str = ADDRESS) -> None:
    result = service.register(registration(email))
    assert result.ok and result.mail_id is not None
    token = token_from_activation_url(service.outbox.get(result.mail_id).links[0].url)  # type: ignore[union-attr]
    assert token is not None
    service.activate(token)


def stored_throttle_keys(service: AccountService) -> list[str]:
    with service.outbox._database.reading() as connection:
        return [row[0] for row in connection.execute("SELECT attempt_key FROM sign_in_throttle")]


def test_the_scan_finds_a_password_in_any_of_its_forms(tmp_path: Path) -> None:
    secret = "Ｍot%Passé42"  # full-width M, an accent: several distinct forms
    folded = unicodedata.normalize("NFKC", secret).casefold()
    (tmp_path / "journal-wal").write_bytes(b"\x00" * 10 + folded.encode("utf-16-le") + b"\x00")
    assert files_holding(tmp_path, secret) != []
    (tmp_path / "journal-wal").write_bytes(b"\x00" * 10)
    assert files_holding(tmp_path, secret) == []


def test_a_password_typed_as_the_address_is_on_no_file_of_the_data_dir(
    service: AccountService, settings: Settings
) -> None:
    register_and_activate(service)
    for typed in (GOOD_PASSWORD, f"  {GOOD_PASSWORD}  ", GOOD_PASSWORD.upper()):
        result = service.sign_in(typed, GOOD_PASSWORD)
        assert result.outcome is SignInOutcome.FAILED
    # While the application runs (the -wal and -shm are there), and after a later success.
    assert sorted(path.name for path in settings.data_dir.iterdir()) == [
        "monmaster.sqlite3",
        "monmaster.sqlite3-shm",
        "monmaster.sqlite3-wal",
    ]
    assert files_holding(settings.data_dir, GOOD_PASSWORD) == []
    assert service.sign_in(ADDRESS, GOOD_PASSWORD).outcome is SignInOutcome.SIGNED_IN
    assert stored_throttle_keys(service) == [NOT_AN_ADDRESS_ATTEMPT_KEY]
    service.close()
    assert files_holding(settings.data_dir, GOOD_PASSWORD) == []


def test_a_password_shaped_like_an_address_is_kept_only_as_a_keyed_hash(
    service: AccountService, settings: Settings
) -> None:
    secret = "Mot.de-passe%42@exemple.fr"  # a valid address too: its failures count under a hash
    assert service.sign_in(secret, GOOD_PASSWORD).outcome is SignInOutcome.FAILED
    (key,) = stored_throttle_keys(service)
    assert len(key) == 64 and all(character in "0123456789abcdef" for character in key)
    assert files_holding(settings.data_dir, secret) == []
    assert files_holding(settings.data_dir, "mot.de-passe%42") == []


def test_a_megabyte_address_stores_a_bounded_key(service: AccountService, settings: Settings) -> None:
    huge = "x" * 1_000_000
    assert service.sign_in(huge, GOOD_PASSWORD).outcome is SignInOutcome.FAILED
    assert service.sign_in(huge + "@example.fr", GOOD_PASSWORD).outcome is SignInOutcome.FAILED
    assert all(len(key) <= 64 for key in stored_throttle_keys(service))
    service.close()
    assert sum(path.stat().st_size for path in settings.data_dir.iterdir()) < 1_000_000


def test_inputs_that_are_not_addresses_share_one_bucket_that_never_locks_an_address(
    service: AccountService,
) -> None:
    register_and_activate(service)
    for typed in ("a", "b", "pas une adresse", GOOD_PASSWORD, "z@"):
        service.sign_in(typed, "Mauvais%pass1")
    assert service.sign_in("encore autre chose", "x").outcome is SignInOutcome.THROTTLED
    assert service.sign_in(ADDRESS, GOOD_PASSWORD).outcome is SignInOutcome.SIGNED_IN


def test_the_same_address_is_throttled_whatever_its_case(service: AccountService) -> None:
    register_and_activate(service)
    for typed in (ADDRESS, ADDRESS.upper(), "Camille.Martin@Example.FR", ADDRESS, f" {ADDRESS} "):
        service.sign_in(typed, "Mauvais%pass1")
    assert service.sign_in(ADDRESS, GOOD_PASSWORD).outcome is SignInOutcome.THROTTLED


def test_upgrading_a_version_1_database_erases_what_its_throttle_kept(
    settings: Settings, clock: FakeClock
) -> None:
    settings.data_dir.mkdir(parents=True)
    typed_in_the_wrong_field = "Ancien%Secret77"
    connection = sqlite3.connect(settings.database_path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("BEGIN")
    for statement in MIGRATIONS[0].split(";"):
        if statement.strip():
            connection.execute(statement)
    connection.execute("PRAGMA user_version = 1")
    connection.execute(
        "INSERT INTO sign_in_failures VALUES (?, 3, NULL)", (typed_in_the_wrong_field.casefold(),)
    )
    connection.execute("COMMIT")
    connection.close()
    assert files_holding(settings.data_dir, typed_in_the_wrong_field) != []  # version 1 kept it

    service = open_account_service(settings, clock)
    assert files_holding(settings.data_dir, typed_in_the_wrong_field) == []
    register_and_activate(service)
    assert service.sign_in(ADDRESS, GOOD_PASSWORD).outcome is SignInOutcome.SIGNED_IN
    service.close()
    assert files_holding(settings.data_dir, typed_in_the_wrong_field) == []
