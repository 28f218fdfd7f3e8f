"""The operator command line: what an operator reads in a terminal."""

from __future__ import annotations

import importlib.metadata
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from support import registration

from monmaster_desktop.accounts.listing import moment_text
from monmaster_desktop.accounts.service import open_account_service
from monmaster_desktop.accounts.store import SCHEMA_VERSION, from_text, to_text
from monmaster_desktop.cli import CAPTCHA_CHOICES, main
from monmaster_desktop.settings import CaptchaMode, Settings


@pytest.fixture
def data_dir(settings: Settings, clock) -> Path:
    service = open_account_service(settings, clock)
    service.register(registration("camille@example.fr"))
    result = service.register(registration("dominique@example.fr"))
    assert result.mail_id is not None
    token = service.outbox.get(result.mail_id).links[0].url.split("jeton=")[1]  # type: ignore[union-attr]
    service.activate(token)
    service.close()
    return settings.data_dir


def test_accounts_list_json_has_dates_and_status_but_never_a_hash(data_dir: Path, capsys) -> None:
    assert main(["--data-dir", str(data_dir), "accounts", "list", "--json"]) == 0
    output = capsys.readouterr().out
    accounts = json.loads(output)
    assert [(a["email"], a["status"]) for a in accounts] == [
        ("camille@example.fr", "pending"),
        ("dominique@example.fr", "active"),
    ]
    assert accounts[0]["activated_at"] is None
    assert accounts[1]["created_at"] == "2026-09-01T08:30:00+00:00"
    assert accounts[1]["activated_at"].endswith("+00:00")
    assert "argon2" not in output and "hash" not in output


def test_json_lists_put_one_element_a_line_and_an_empty_list_is_an_empty_array(
    data_dir: Path, tmp_path: Path, capsys
) -> None:
    assert main(["--data-dir", str(data_dir), "accounts", "list", "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == 4  # an operator can grep a line
    assert json.loads(lines[1].rstrip(","))["email"] == "camille@example.fr"
    for command in ("accounts", "outbox"):
        assert main(["--data-dir", str(tmp_path / "new"), command, "list", "--json"]) == 0
        assert capsys.readouterr().out == "[]\n"


def test_data_dir_may_follow_the_sub_command(data_dir: Path, capsys) -> None:
    assert main(["accounts", "list", "--data-dir", str(data_dir)]) == 0
    output = capsys.readouterr().out
    assert "camille@example.fr\ten attente d'activation" in output
    assert "dominique@example.fr\tactivé" in output


def test_accounts_list_says_each_account_on_a_line_in_the_language_asked(data_dir: Path, capsys) -> None:
    assert main(["--data-dir", str(data_dir), "accounts", "list"]) == 0
    camille, dominique = capsys.readouterr().out.splitlines()
    assert camille == "camille@example.fr\ten attente d'activation\tcréé le 2026-09-01T08:30:00+00:00"
    assert dominique.startswith("dominique@example.fr\tactivé\tcréé le 2026-09-01T08:30:00+00:00, activé le ")
    assert dominique.endswith("+00:00")

    assert main(["--lang", "en", "--data-dir", str(data_dir), "accounts", "list"]) == 0
    english = capsys.readouterr().out.splitlines()
    assert english[0].startswith("camille@example.fr\t") and "en attente" not in english[0]
    assert english[0].split("\t")[2].endswith("2026-09-01T08:30:00+00:00")


@pytest.mark.parametrize(
    "stored",
    [
        "2026-09-01T08:30:00+00:00",  # what the application writes
        "2026-09-01T10:30:00+02:00",
        "2026-09-01 08:30:00+00:00",
        "2026-09-01T08:30:00.123456+00:00",
        None,
    ],
)
def test_the_listings_write_any_stored_moment_as_utc_to_the_second(stored: str | None) -> None:
    assert moment_text(stored) == to_text(from_text(stored))


def test_the_captcha_choices_are_the_settings_modes() -> None:
    assert tuple(mode.value for mode in CaptchaMode) == CAPTCHA_CHOICES


def test_outbox_list_and_show(data_dir: Path, capsys) -> None:
    assert main(["--data-dir", str(data_dir), "outbox", "list", "--json"]) == 0
    mails = json.loads(capsys.readouterr().out)
    assert [mail["recipient"] for mail in mails] == ["dominique@example.fr", "camille@example.fr"]
    assert main(["--data-dir", str(data_dir), "outbox", "show", str(mails[1]["id"])]) == 0
    shown = capsys.readouterr().out
    assert "À : camille@example.fr" in shown
    assert "Bienvenue sur Mon Master." in shown and "Activer mon compte : monmaster://activer?jeton=" in shown


def test_outbox_show_of_an_unknown_mail_fails_with_a_french_message(data_dir: Path, capsys) -> None:
    assert main(["--data-dir", str(data_dir), "outbox", "show", "404"]) == 1
    assert "Aucun courriel n° 404" in capsys.readouterr().err


def test_empty_data_dir_lists_nothing(tmp_path: Path, capsys) -> None:
    assert main(["--data-dir", str(tmp_path / "new"), "accounts", "list"]) == 0
    assert main(["--data-dir", str(tmp_path / "new"), "outbox", "list"]) == 0
    assert capsys.readouterr().out == "Aucun compte.\nAucun courriel.\n"


def test_newer_database_is_refused_with_exit_code_2(tmp_path: Path, capsys) -> None:
    tmp_path.joinpath("monmaster.sqlite3").touch()
    connection = sqlite3.connect(tmp_path / "monmaster.sqlite3")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    connection.close()
    assert main(["--data-dir", str(tmp_path), "accounts", "list"]) == 2
    assert "version plus récente" in capsys.readouterr().err


def test_help_documents_every_option() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "monmaster_desktop", "--help"], capture_output=True, text=True, check=True
    )
    for option in ("--data-dir", "--kiosk", "--captcha", "--lang", "--version", "accounts", "outbox"):
        assert option in completed.stdout
    assert "réservé aux opérateurs et aux tests" in " ".join(completed.stdout.split())  # --captcha off


# What the operator commands must never load: Qt (no screen needed), nor argon2, the validators and
# importlib.metadata, whose imports alone cost more than listing a thousand accounts (see
# benchmarks/bench_cli.py).
HEAVY_MODULES = ("PySide6", "argon2", "zxcvbn", "email_validator", "importlib.metadata")


@pytest.mark.parametrize(
    "command", [["accounts", "list"], ["accounts", "list", "--json"], ["outbox", "list"]]
)
def test_operator_commands_load_neither_qt_nor_argon2_nor_the_validators_nor_metadata(
    data_dir: Path, command: list[str]
) -> None:
    # What the command loaded, not what the interpreter had loaded before it (a site's .pth files).
    code = (
        "import sys; already = set(sys.modules); from monmaster_desktop.cli import main; "
        f"main(['--data-dir', {str(data_dir)!r}, *{command!r}]); "
        "loaded = set(sys.modules) - already; "
        "print('LOADED:', *sorted(loaded | {name.split('.')[0] for name in loaded}))"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "camille@example.fr" in completed.stdout  # the command did list the accounts or mails
    loaded = completed.stdout.rsplit("LOADED:", 1)[1].split()
    assert [module for module in HEAVY_MODULES if module in loaded] == []


# What the listings leave out besides (docs/performance.md): the account service and what it brings
# (validation, logging, hashlib), the settings' dataclasses (``dataclasses`` loads ``inspect``) and
# the configuration file's TOML parser. The JSON of accounts and the outbox read with modules that
# need dataclasses (``eligibility``, ``accounts.mail``); the plain list of accounts needs none.
@pytest.mark.parametrize(
    ("command", "also_never"),
    [
        (["accounts", "list"], ("dataclasses", "inspect")),
        (["accounts", "list", "--json"], ()),
        (["outbox", "list"], ()),
    ],
)
def test_the_listings_load_neither_the_account_service_nor_the_settings(
    data_dir: Path, command: list[str], also_never: tuple[str, ...]
) -> None:
    code = (
        "import sys; from monmaster_desktop.cli import main; "
        f"main(['--data-dir', {str(data_dir)!r}, *{command!r}]); "
        "print('LOADED:', *sorted(sys.modules))"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(completed.stdout.rsplit("LOADED:", 1)[1].split())
    never = (
        "monmaster_desktop.accounts.service",
        "monmaster_desktop.validation",
        "monmaster_desktop.settings",
        "monmaster_desktop.configuration",
        "tomllib",
        "logging",
        *also_never,
    )
    assert [module for module in never if module in loaded] == []


def test_version_prints_the_package_version() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "monmaster_desktop", "--version"], capture_output=True, text=True, check=True
    )
    assert completed.stdout == f"monmaster-desktop {importlib.metadata.version('monmaster-desktop')}\n"
