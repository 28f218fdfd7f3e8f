"""The database file and the simulated outbox, as an operator or a mail client sees them."""

from __future__ import annotations

import sqlite3
import stat
import sys
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from support import registration

from monmaster_desktop.accounts.mail import activation_url, token_from_activation_url
from monmaster_desktop.accounts.service import AccountService, open_account_service
from monmaster_desktop.accounts.store import SCHEMA_VERSION, Database, DatabaseTooNewError
from monmaster_desktop.settings import Settings


def test_an_empty_file_is_migrated_to_the_current_schema(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    with Database.open(path) as database:
        assert database.schema_version == SCHEMA_VERSION
        with database.reading() as connection:
            tables = {
                row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert {"accounts", "activation_tokens", "outbox", "sign_in_throttle", "secrets"} <= tables
    assert "sign_in_failures" not in tables  # version 1 kept what was typed there


def test_reopening_keeps_the_data_and_does_not_migrate_again(settings: Settings, clock) -> None:
    service = open_account_service(settings, clock)
    service.register(registration())
    service.close()
    service = open_account_service(settings, clock)
    try:
        assert len(service.list_accounts()) == 1
    finally:
        service.close()


def test_a_database_from_a_newer_version_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE from_the_future (x)")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()
    before = path.read_bytes()

    with pytest.raises(DatabaseTooNewError) as refused:
        Database.open(path)
    assert "version plus récente" in str(refused.value)
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists()


def test_two_accounts_can_never_share_an_address_even_by_writing_sql(service: AccountService) -> None:
    service.register(registration("camille@example.fr"))
    with pytest.raises(sqlite3.IntegrityError), service.outbox._database.transaction() as connection:
        connection.execute(
            "INSERT INTO accounts (email, email_key, password_hash, status, created_at, consent_at,"
            " cgu_version, eligibility_answers, charter_version) SELECT email, email_key, password_hash,"
            " status, created_at, consent_at, cgu_version, eligibility_answers, charter_version FROM accounts"
        )


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_data_dir_and_database_are_private(service: AccountService, settings: Settings) -> None:
    service.register(registration())
    assert stat.S_IMODE(settings.data_dir.stat().st_mode) == 0o700
    for path in settings.data_dir.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def test_activation_mail_is_a_real_rfc5322_message_with_the_seed_wording(service: AccountService) -> None:
    result = service.register(registration())
    assert result.mail_id is not None
    stored = service.outbox.get(result.mail_id)
    assert stored is not None
    assert b"\r\n" in stored.raw  # RFC 5322 line endings
    message = BytesParser(policy=policy.default).parsebytes(stored.raw)
    assert message["To"] == "camille.martin@example.fr"
    assert message["From"].addresses[0].domain.endswith(".invalid")
    assert message["Message-ID"] and message["Date"]
    assert message.get_content_type() == "multipart/alternative"

    text = stored.text_body
    for sentence in (
        "Bonjour,",
        "Bienvenue sur Mon Master.",
        "Votre compte a été créé. Pour l'activer, veuillez cliquer sur le lien ci-dessous :",
        "Cordialement,\nL'équipe Mon Master",
        "Mon Master est la plateforme nationale de candidature en première année des formations conduisant "
        "au diplôme national de master.",
        "Ceci est un message automatique. Merci de ne pas y répondre.",
    ):
        assert sentence in text
    html = stored.html_body or ""
    assert "<strong>Mon Master</strong>" in html and ">Activer mon compte</a>" in html
    (link,) = stored.links
    assert link.text == "Activer mon compte" and link.url.startswith("monmaster://activer?jeton=")
    assert link.url in text


def test_activation_urls_round_trip_and_other_links_are_not_tokens() -> None:
    assert token_from_activation_url(activation_url("abc-_123")) == "abc-_123"
    assert token_from_activation_url("https://example.fr/activer?jeton=abc") is None
    assert token_from_activation_url("monmaster://activer?autre=abc") is None
    assert token_from_activation_url("monmaster://activer?jeton=") is None


def test_outbox_marks_mails_read_and_exports_them_as_eml(
    service: AccountService, tmp_path: Path, clock
) -> None:
    result = service.register(registration())
    assert result.mail_id is not None
    assert service.outbox.unread_count() == 1
    assert service.outbox.mark_read(result.mail_id, clock.now)
    assert not service.outbox.mark_read(result.mail_id, clock.now)  # already read: unchanged
    assert service.outbox.unread_count() == 0
    assert service.outbox.list()[0].read_at == clock.now

    saved = service.outbox.export_eml(result.mail_id, tmp_path / "activation.eml")
    reparsed = BytesParser(policy=policy.default).parsebytes(saved.read_bytes())
    assert reparsed["Subject"] == service.outbox.list()[0].subject
    assert service.outbox.get(999) is None
    with pytest.raises(KeyError):
        service.outbox.export_eml(999, tmp_path / "none.eml")


def test_outbox_lists_one_recipients_mails(service: AccountService) -> None:
    service.register(registration("a@example.fr"))
    service.register(registration("b@example.fr"))
    assert [entry.recipient for entry in service.outbox.list("A@example.fr")] == ["a@example.fr"]


def test_internationalized_address_gets_its_mail(service: AccountService) -> None:
    result = service.register(registration("zoé@exemple.fr"))
    assert result.ok and result.mail_id is not None
    stored = service.outbox.get(result.mail_id)
    assert stored is not None and stored.message["To"] == "zoé@exemple.fr"
