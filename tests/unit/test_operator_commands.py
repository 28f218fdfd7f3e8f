"""``monmaster-desktop operator …`` as an operator's script uses it (docs/kiosk.md)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from support import files_holding, registration

from monmaster_desktop import instance_lock, texts
from monmaster_desktop.accounts.operator import OperatorService
from monmaster_desktop.accounts.service import open_account_service
from monmaster_desktop.cli import main
from monmaster_desktop.exit_codes import EXIT_ALREADY_RUNNING
from monmaster_desktop.settings import Settings

PIN = "97531864"


@pytest.fixture
def data_dir(settings: Settings, clock) -> Path:
    service = open_account_service(settings, clock)
    service.register(registration("camille@example.fr"))
    service.register(registration("dominique@example.fr"))
    service.close()
    return settings.data_dir


def run(data_dir: Path, *arguments: str, stdin: str = "") -> int:
    return main(["--data-dir", str(data_dir), "operator", *arguments])


def test_set_pin_reads_a_line_from_a_script(data_dir: Path, settings: Settings, monkeypatch, capsys) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PIN}\n"))
    assert run(data_dir, "set-pin") == 0
    assert capsys.readouterr().out.strip() == texts.PIN_SET_DONE
    service = open_account_service(settings)
    try:
        assert OperatorService(service.database, settings.hashing).verify_pin(PIN).accepted
    finally:
        service.close()
    assert files_holding(data_dir, PIN) == []


def test_set_pin_refuses_a_bad_pin(data_dir: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("1234\n"))
    assert run(data_dir, "set-pin") == 1
    assert capsys.readouterr().err.strip() == texts.PIN_RULE


def test_export_csv_and_json(data_dir: Path, tmp_path: Path, capsys) -> None:
    assert run(data_dir, "export", "--csv", str(tmp_path / "jour.csv"), "--with-audit") == 0
    out = capsys.readouterr().out
    assert f"2 comptes exportés dans {tmp_path / 'jour.csv'}." in out
    assert (tmp_path / "jour-journal.csv").exists()
    assert "dominique@example.fr" in (tmp_path / "jour.csv").read_text("utf-8-sig")
    assert run(data_dir, "export", "--json", str(tmp_path / "jour.json")) == 0
    exported = json.loads((tmp_path / "jour.json").read_text("utf-8"))
    assert [account["email"] for account in exported["accounts"]] == [
        "camille@example.fr",
        "dominique@example.fr",
    ]


def test_export_to_an_unwritable_place_says_so_in_french(data_dir: Path, tmp_path: Path, capsys) -> None:
    assert run(data_dir, "export", "--json", str(tmp_path / "absent" / "jour.json")) == 1
    assert "L'export n'a pas pu être écrit" in capsys.readouterr().err


def test_purge_needs_yes(data_dir: Path, capsys) -> None:
    assert run(data_dir, "purge") == 1
    assert capsys.readouterr().err.strip() == texts.PURGE_NEEDS_YES
    assert files_holding(data_dir, "camille@example.fr") != []


def test_purge_yes_leaves_no_trace(data_dir: Path, capsys) -> None:
    assert run(data_dir, "purge", "--yes") == 0
    assert capsys.readouterr().out.strip() == (
        "Données des candidats effacées : 2 comptes et 2 courriels. Les fichiers du dossier des données "
        "n'en gardent aucune trace."
    )
    assert files_holding(data_dir, "camille@example.fr") == []
    assert files_holding(data_dir, "dominique@example.fr") == []


def test_the_operator_commands_speak_the_language_of_lang(data_dir: Path, tmp_path: Path, capsys) -> None:
    for help_asked in (["operator", "--help"], ["operator", "export", "--help"]):
        with pytest.raises(SystemExit):
            main(["--lang", "en", *help_asked])
    shown = capsys.readouterr().out
    assert "export the accounts" in shown and "--csv FILE" in shown and "as JSON" in shown
    assert "FICHIER" not in shown and "exporter" not in shown
    destination = tmp_path / "day.csv"
    english = ["--lang", "en", "--data-dir", str(data_dir), "operator"]
    assert main([*english, "export", "--csv", str(destination)]) == 0
    assert capsys.readouterr().out.strip() == f"2 accounts exported to {destination}."
    assert main([*english, "purge", "--yes"]) == 0
    assert capsys.readouterr().out.strip() == (
        "Candidates' data erased: 2 accounts and 2 emails. No trace of it is left in the files of the "
        "data folder."
    )


@pytest.mark.parametrize("action", [["purge", "--yes"], ["export", "--csv", "x.csv"], ["set-pin"]])
def test_the_writing_commands_refuse_while_the_application_runs(
    data_dir: Path, settings: Settings, action: list[str], monkeypatch, capsys, tmp_path: Path
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PIN}\n"))
    monkeypatch.chdir(tmp_path)
    with instance_lock.acquire(settings.lock_path):
        assert run(data_dir, *action) == EXIT_ALREADY_RUNNING
    assert capsys.readouterr().err.strip() == texts.ALREADY_RUNNING.format(folder=data_dir)
    assert files_holding(data_dir, "camille@example.fr") != []  # nothing purged
    assert not (tmp_path / "x.csv").exists()
    assert not settings.lock_path.exists()  # released; and the command left none of its own


def test_the_reading_commands_do_not_need_the_lock(data_dir: Path, settings: Settings, capsys) -> None:
    with instance_lock.acquire(settings.lock_path):
        assert main(["--data-dir", str(data_dir), "accounts", "list"]) == 0
    assert "camille@example.fr" in capsys.readouterr().out
