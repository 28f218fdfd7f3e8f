"""Every way the disk can refuse: a documented result with a French message, and it works again after.

Full database (``max_page_count``), full disk (a 512 KiB tmpfs where the machine allows it), a
read-only database file, a read-only folder, a read-only file system, a folder of another user, a
path that is not a folder. Nothing is ever half-written and nothing ends in a traceback.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import sys
from pathlib import Path

import pytest
from reliability_support import assert_no_traceback, remount, run_child, run_cli
from support import GOOD_PASSWORD, registration

from monmaster_desktop.accounts import service as accounts
from monmaster_desktop.accounts.mail import token_from_activation_url
from monmaster_desktop.accounts.service import AccountService, open_account_service
from monmaster_desktop.settings import DataDirError, HashingParameters, Settings

FULL = (
    "Impossible d'enregistrer : l'espace disque est plein, ou la base de données a atteint sa taille "
    "maximale."
)
READ_ONLY = "Impossible d'enregistrer : la base de données ou son dossier est en lecture seule."

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


def limit_to_current_size(service: AccountService) -> None:
    """Cap the database at its current size (SQLite's max_page_count, for this connection)."""
    with service.outbox._database.reading() as connection:
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages}").fetchall()


def counts(database: Path) -> tuple[int, int, int]:
    connection = sqlite3.connect(database)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return tuple(  # type: ignore[return-value]
            connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("accounts", "activation_tokens", "outbox")
        )
    finally:
        connection.close()


def storage_refusal(result) -> str:
    (refusal,) = result.refusals
    assert refusal.field is accounts.RegistrationField.STORAGE
    assert refusal.reason is accounts.RefusalReason.STORAGE_FAILED
    return refusal.message


def test_a_full_database_is_a_result_not_an_exception_and_hides_nothing(
    service: AccountService, settings: Settings
) -> None:
    registered = service.register(registration("premier@example.fr"))
    assert registered.ok
    before = counts(settings.database_path)

    limit_to_current_size(service)
    result = service.register(registration("deuxieme@example.fr"))
    # SQLite rolls back by itself after SQLITE_FULL; the rollback that follows must not replace the
    # real reason by "cannot rollback - no transaction is active".
    assert storage_refusal(result).startswith(FULL)
    assert counts(settings.database_path) == before  # nothing half-written

    # A failed sign-in writes a small row: it fits in the last page for a while, then no more.
    limit_to_current_size(service)
    outcomes = [service.sign_in(f"inconnu.{number}@example.fr", "Mauvais%mot2passe") for number in range(300)]
    failed, storage_failed = accounts.SignInOutcome.FAILED, accounts.SignInOutcome.STORAGE_FAILED
    assert {result.outcome for result in outcomes} == {failed, storage_failed}
    refused = next(result for result in outcomes if result.outcome is storage_failed)
    assert (refused.message or "").startswith(FULL)
    before = counts(settings.database_path)

    limit_to_current_size(service)
    resent = service.resend_activation("premier@example.fr")
    assert resent.outcome is accounts.ResendOutcome.STORAGE_FAILED and resent.message.startswith(FULL)
    assert counts(settings.database_path) == before

    # The cause is gone (no cap on the connection opened again): everything works again.
    assert service.register(registration("deuxieme@example.fr")).ok
    assert service.resend_activation("premier@example.fr").outcome is accounts.ResendOutcome.SENT


def test_a_full_disk_refuses_cleanly_and_works_again_once_there_is_room(small_file_system: Path) -> None:
    settings = Settings(data_dir=small_file_system / "data", hashing=HashingParameters.fast_for_tests())
    service = open_account_service(settings)
    try:
        first = service.register(registration("premier@example.fr"))
        assert first.ok and first.mail_id is not None
        filler = small_file_system / "remplissage"
        descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            while True:
                os.write(descriptor, b"\0" * 4096)
        except OSError:
            pass  # the disk is full
        finally:
            os.close(descriptor)

        refusals = []
        for number in range(50):  # the -wal may still have room for a few; sooner or later it has none
            result = service.register(registration(f"plein.{number}@example.fr"))
            if not result.ok:
                refusals.append(storage_refusal(result))
                break
        assert refusals and refusals[0].startswith(FULL), refusals
        account_rows, token_rows, mail_rows = counts(settings.database_path)
        assert account_rows == token_rows == mail_rows  # each account with its token and mail, or none

        filler.unlink()
        assert service.register(registration("apres@example.fr")).ok
        token = token_from_activation_url(service.outbox.get(first.mail_id).links[0].url)  # type: ignore[union-attr]
        assert service.activate(token or "").outcome is accounts.ActivationOutcome.ACTIVATED
        signed_in = service.sign_in("premier@example.fr", GOOD_PASSWORD)
        assert signed_in.outcome is accounts.SignInOutcome.SIGNED_IN
    finally:
        service.close()


@posix_only
def test_a_read_only_database_file_is_refused_the_same_way_every_time_and_never_made_writable(
    service: AccountService, settings: Settings
) -> None:
    assert service.register(registration("deja@example.fr")).ok
    service.close()
    os.chmod(settings.database_path, 0o400)
    completed = run_child("scenario", "read-only-file", str(settings.data_dir), unprivileged_run=True)
    assert completed.returncode == 0, completed.stderr
    outcome = json.loads(completed.stdout)
    assert outcome["listed"] == 1  # reading still works
    assert outcome["refused_reasons"] == ["storage_failed"]
    assert outcome["refused"][0].startswith(READ_ONLY)
    assert outcome["mode_after_refusal"] == 0o400  # the application did not make it writable
    assert outcome["accepted"]  # made writable by the operator: the same running service registers


@posix_only
def test_a_read_only_folder_is_named_with_what_to_do_and_left_read_only(tmp_path: Path) -> None:
    folder = tmp_path / "lecture-seule"
    folder.mkdir()
    os.chmod(folder, 0o555)
    try:
        completed = run_cli("--data-dir", str(folder), "accounts", "list", unprivileged_run=True)
        assert completed.returncode == 2
        assert_no_traceback(completed)
        assert f"Le dossier des données {folder} est en lecture seule" in completed.stderr
        assert "--data-dir DOSSIER" in completed.stderr
        assert stat.S_IMODE(folder.stat().st_mode) == 0o555  # not silently made writable again
        assert list(folder.iterdir()) == []

        started = run_child("scenario", "unusable-folder", str(folder), unprivileged_run=True)
        assert json.loads(started.stdout)["kind"] == "DataDirError"  # what the GUI shows in its dialog
    finally:
        os.chmod(folder, 0o700)


def test_a_read_only_file_system_is_named_with_what_to_do(small_file_system: Path) -> None:
    settings = Settings(data_dir=small_file_system / "data", hashing=HashingParameters.fast_for_tests())
    service = open_account_service(settings)
    assert service.register(registration()).ok
    service.close()
    before = settings.database_path.read_bytes()
    remount(small_file_system, "ro")
    try:
        completed = run_cli("--data-dir", str(settings.data_dir), "outbox", "list")
        assert completed.returncode == 2
        assert_no_traceback(completed)
        assert f"Le dossier des données {settings.data_dir} est en lecture seule" in completed.stderr
    finally:
        remount(small_file_system, "rw")
    assert settings.database_path.read_bytes() == before


@posix_only
@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() != 0, reason="giving a folder away needs root")
def test_a_folder_of_another_user_is_named_and_not_touched(tmp_path: Path) -> None:
    folder = tmp_path / "autre"
    folder.mkdir(mode=0o755)
    os.chmod(tmp_path, 0o755)
    os.chown(folder, 65534, 65534)  # nobody's
    completed = run_cli("--data-dir", str(folder), "accounts", "list", unprivileged_run=True)
    assert completed.returncode == 2
    assert_no_traceback(completed)
    assert f"Le dossier des données {folder} appartient à un autre utilisateur" in completed.stderr
    assert "--data-dir DOSSIER" in completed.stderr
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755 and folder.stat().st_uid == 65534


@posix_only
@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() != 0, reason="giving a folder away needs root")
def test_a_writable_folder_of_another_user_is_used_as_it_is(tmp_path: Path) -> None:
    folder = tmp_path / "partage"
    folder.mkdir()
    os.chmod(folder, 0o777)
    os.chmod(tmp_path, 0o755)
    os.chown(folder, 65534, 65534)
    completed = run_cli("--data-dir", str(folder), "accounts", "list", unprivileged_run=True)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == "Aucun compte.\n"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o777  # someone else's folder: their permissions
    assert stat.S_IMODE((folder / "monmaster.sqlite3").stat().st_mode) == 0o600  # our file: private


def test_a_file_where_the_folder_should_be_is_named(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "fichier"
    not_a_folder.write_text("pas un dossier", encoding="utf-8")
    for data_dir in (not_a_folder, not_a_folder / "dessous"):
        with pytest.raises(DataDirError) as refused:
            open_account_service(Settings(data_dir=data_dir))
        assert str(data_dir) in str(refused.value) and "--data-dir DOSSIER" in str(refused.value)
        completed = run_cli("--data-dir", str(data_dir), "accounts", "list")
        assert completed.returncode == 2
        assert_no_traceback(completed)
    assert not_a_folder.read_text(encoding="utf-8") == "pas un dossier"
