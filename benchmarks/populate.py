"""Filling a data folder with many accounts, fast, for the benchmarks that need a big database.

One account is registered through the real service (so every column, the activation token and the
activation mail are what the application writes), then copied in bulk with SQL: a new address, a
new token digest and the mail's recipient replaced in the stored RFC 5322 bytes. The copies share
the first account's password hash, made with the fast test parameters
(``HashingParameters.fast_for_tests``): the hash is never verified here, and its cost is what the
registration figure measures separately. Half the copies are activated, half wait for activation.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import Path

from monmaster_desktop.accounts.service import RegistrationRequest, open_account_service
from monmaster_desktop.accounts.store import Database, from_text, to_text
from monmaster_desktop.eligibility import QUESTION_KEYS, Answer
from monmaster_desktop.settings import HashingParameters, Settings

PASSWORD = "Rh%8vQz!mLw2"
TEMPLATE_EMAIL = "modele.candidat@example.fr"
BATCH = 5_000


def fast_settings(data_dir: Path) -> Settings:
    return Settings(data_dir=data_dir, hashing=HashingParameters.fast_for_tests())


def address(number: int) -> str:
    return f"candidat.{number:06d}@universite-{number % 97}.fr"


def registration(email: str, password: str = PASSWORD) -> RegistrationRequest:
    return RegistrationRequest(
        email=email,
        password=password,
        password_confirmation=password,
        consent=True,
        eligibility_answers={key: Answer.OUI for key in QUESTION_KEYS},
    )


def populate(data_dir: Path, accounts: int, first_number: int = 0) -> None:
    """``accounts`` more accounts in ``data_dir`` (created if needed), each with its token and mail.

    They are numbered from ``first_number`` (see ``address``): fill a folder in steps without collision.
    """
    service = open_account_service(fast_settings(data_dir))
    result = service.register(registration(TEMPLATE_EMAIL))
    assert result.account is not None and result.mail_id is not None, result.refusals
    service.close()
    database = Database.open(data_dir / "monmaster.sqlite3")
    try:
        with database.transaction() as connection:
            account_id = result.account.id
            account = connection.execute("SELECT * FROM accounts WHERE id = ?", (account_id,)).fetchone()
            token = connection.execute(
                "SELECT * FROM activation_tokens WHERE account_id = ?", (result.account.id,)
            ).fetchone()
            mail = connection.execute("SELECT * FROM outbox WHERE id = ?", (result.mail_id,)).fetchone()
            connection.execute("DELETE FROM accounts WHERE id = ?", (result.account.id,))
            connection.execute("DELETE FROM outbox WHERE id = ?", (result.mail_id,))
        created = from_text(account["created_at"])
        assert created is not None
        raw = bytes(mail["message"])
        last = first_number + accounts
        for start in range(first_number, last, BATCH):
            with database.transaction() as connection:
                for number in range(start, min(start + BATCH, last)):
                    email = address(number)
                    moment = to_text(created + timedelta(seconds=number))
                    active = number % 2 == 0
                    cursor = connection.execute(
                        "INSERT INTO accounts (email, email_key, password_hash, status, created_at,"
                        " activated_at, consent_at, cgu_version, eligibility_answers, charter_version)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (
                            email,
                            email.casefold(),
                            account["password_hash"],
                            "active" if active else "pending",
                            moment,
                            moment if active else None,
                            moment,
                            account["cgu_version"],
                            account["eligibility_answers"],
                            account["charter_version"],
                        ),
                    )
                    account_id = cursor.lastrowid
                    connection.execute(
                        "INSERT INTO activation_tokens (account_id, token_sha256, created_at, expires_at,"
                        " used_at) VALUES (?, ?, ?, ?, ?)",
                        (
                            account_id,
                            hashlib.sha256(f"jeton-{number}".encode()).hexdigest(),
                            moment,
                            token["expires_at"],
                            moment if active else None,
                        ),
                    )
                    connection.execute(
                        "INSERT INTO outbox (account_id, recipient, subject, sent_at, read_at, message)"
                        " VALUES (?, ?, ?, ?, ?, ?)",
                        (
                            account_id,
                            email,
                            mail["subject"],
                            moment,
                            moment if active else None,
                            raw.replace(TEMPLATE_EMAIL.encode(), email.encode()),
                        ),
                    )
    finally:
        database.close()
