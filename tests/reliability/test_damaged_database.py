"""A damaged database file: a French message, never a traceback; the file is kept byte for byte.

The command line refuses it (exit 2) and creates nothing next to it; the GUI's start-up moves it aside
under a dated name and starts on a fresh database.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from reliability_support import assert_no_traceback, run_cli
from support import registration

from monmaster_desktop.accounts.service import open_account_service, start_account_service
from monmaster_desktop.accounts.store import Database, DatabaseDamagedError, set_aside_damaged_database
from monmaster_desktop.settings import DataError, HashingParameters, Settings


def a_real_database(path: Path) -> bytes:
    settings = Settings(data_dir=path.parent, hashing=HashingParameters.fast_for_tests())
    service = open_account_service(settings)
    for number in range(12):  # a few pages of accounts and mails
        assert service.register(registration(f"abime.{number}@example.fr")).ok
    service.close()
    assert not Path(f"{path}-wal").exists()  # closed cleanly: everything is in the main file
    return path.read_bytes()


def truncated(path: Path) -> None:
    content = a_real_database(path)
    path.write_bytes(content[: len(content) // 2 + 100])  # cut in the middle of a page


def truncated_at_a_page(path: Path) -> None:
    content = a_real_database(path)
    path.write_bytes(content[: 4096 * 3])  # whole pages, but fewer than the header says


def random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(9).randbytes(40_960))


def text_file(path: Path) -> None:
    path.write_text("Ceci est un fichier texte, pas une base de données.\n" * 200, encoding="utf-8")


def damaged_pages(path: Path) -> None:
    content = bytearray(a_real_database(path))
    page = 4096
    content[3 * page : 5 * page] = random.Random(3).randbytes(2 * page)  # the header stays intact
    path.write_bytes(bytes(content))


def another_programs_database(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (texte TEXT)")
    connection.execute("INSERT INTO notes VALUES ('rien à voir')")
    connection.commit()
    connection.close()


DAMAGE: dict[str, Callable[[Path], None]] = {
    "truncated": truncated,
    "truncated at a page boundary": truncated_at_a_page,
    "random bytes": random_bytes,
    "text file": text_file,
    "damaged pages": damaged_pages,
    "another program's database": another_programs_database,
}


@pytest.fixture(params=list(DAMAGE))
def damaged(request, tmp_path: Path) -> tuple[Path, bytes]:
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    path = data_dir / "monmaster.sqlite3"
    DAMAGE[request.param](path)
    return path, path.read_bytes()


def test_the_command_line_says_it_in_french_and_touches_nothing(damaged: tuple[Path, bytes]) -> None:
    path, before = damaged
    completed = run_cli("--data-dir", str(path.parent), "accounts", "list")
    assert completed.returncode == 2
    assert_no_traceback(completed)
    assert "est endommagée ou n'est pas une base de Mon Master Desktop" in completed.stderr
    assert str(path) in completed.stderr and "--data-dir" in completed.stderr
    assert path.read_bytes() == before
    assert sorted(child.name for child in path.parent.iterdir()) == [path.name]  # no -wal, no -shm


def test_opening_refuses_it_before_writing_anything(damaged: tuple[Path, bytes]) -> None:
    path, before = damaged
    with pytest.raises(DatabaseDamagedError) as refused:
        Database.open(path)
    assert isinstance(refused.value, DataError) and refused.value.path == path
    assert path.read_bytes() == before
    assert sorted(child.name for child in path.parent.iterdir()) == [path.name]


def test_the_gui_start_up_keeps_it_aside_and_starts_fresh(damaged: tuple[Path, bytes]) -> None:
    path, before = damaged
    settings = Settings(data_dir=path.parent, hashing=HashingParameters.fast_for_tests())
    moment = datetime(2026, 9, 1, 8, 30, tzinfo=UTC)
    started = start_account_service(settings, clock=lambda: moment)
    try:
        assert started.set_aside == path.parent / "monmaster-endommagee-20260901-083000Z.sqlite3"
        assert started.set_aside.read_bytes() == before
        assert started.service.list_accounts() == []
        assert started.service.register(registration()).ok  # the fresh database works
    finally:
        started.service.close()
    assert started.set_aside.read_bytes() == before  # still untouched once the fresh one is in use


def test_setting_aside_never_overwrites_an_earlier_copy(tmp_path: Path) -> None:
    path = tmp_path / "monmaster.sqlite3"
    moment = datetime(2026, 9, 1, 8, 30, tzinfo=UTC)
    earlier = tmp_path / "monmaster-endommagee-20260901-083000Z.sqlite3"
    earlier.write_bytes(b"copie plus ancienne")
    path.write_bytes(b"nouveau fichier abime")
    Path(f"{path}-wal").write_bytes(b"journal")
    kept = set_aside_damaged_database(path, moment)
    assert kept == tmp_path / "monmaster-endommagee-20260901-083000Z-2.sqlite3"
    assert kept.read_bytes() == b"nouveau fichier abime"
    assert Path(f"{kept}-wal").read_bytes() == b"journal"  # the journal travels with its file
    assert earlier.read_bytes() == b"copie plus ancienne"
    assert not path.exists() and not Path(f"{path}-wal").exists()


def test_a_crash_journal_of_a_healthy_database_is_not_taken_for_damage(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", hashing=HashingParameters.fast_for_tests())
    service = open_account_service(settings)
    assert service.register(registration()).ok
    # Copy the files while the connection is open: the -wal holds the registration, as after a crash.
    copy = tmp_path / "copie"
    copy.mkdir()
    for name in ("monmaster.sqlite3", "monmaster.sqlite3-wal"):
        (copy / name).write_bytes((settings.data_dir / name).read_bytes())
    service.close()
    reopened = open_account_service(Settings(data_dir=copy, hashing=HashingParameters.fast_for_tests()))
    try:
        assert [account.email for account in reopened.list_accounts()] == ["camille.martin@example.fr"]
    finally:
        reopened.close()
