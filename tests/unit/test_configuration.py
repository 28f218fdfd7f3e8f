"""The operator's configuration file (docs/kiosk.md, "The configuration file")."""

from __future__ import annotations

from pathlib import Path

import pytest

from monmaster_desktop.cli import build_parser, settings_from
from monmaster_desktop.configuration import ConfigurationError, FileConfiguration, read_configuration
from monmaster_desktop.settings import CaptchaMode, KioskSettings


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "monmaster-desktop.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_key(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "kiosk = true\nidle-timeout = 90\nidle-warning = 25\nreturn-after-activation = 40\n"
        'theme = "high-contrast"\ntext-size = 150\ncaptcha = "question"\n',
    )
    assert read_configuration(path) == FileConfiguration(
        path, True, 90, 25, 40, "high-contrast", 150, "question"
    )


def test_the_file_fills_what_the_command_line_leaves_out(tmp_path: Path) -> None:
    configured = read_configuration(
        write(tmp_path, 'kiosk = true\nidle-timeout = 90\ncaptcha = "question"\n')
    )
    settings = settings_from(build_parser().parse_args(["--captcha", "image"]), configured)
    assert settings.kiosk and settings.captcha is CaptchaMode.IMAGE  # the option wins
    assert settings.kiosk_settings == KioskSettings(idle_timeout=90)
    settings = settings_from(build_parser().parse_args(["--idle-timeout", "30"]), configured)
    assert settings.kiosk_settings.idle_timeout == 30 and settings.captcha is CaptchaMode.QUESTION


def test_no_file_at_the_default_place_is_no_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.delenv("MONMASTER_DESKTOP_CONFIG", raising=False)
    assert read_configuration(None) == FileConfiguration()
    (tmp_path / "monmaster-desktop").mkdir()
    write(tmp_path / "monmaster-desktop", "kiosk = true\n")
    assert read_configuration(None).kiosk is True


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("kiosque = true\n", "clé inconnue « kiosque »"),
        ('kiosk = "oui"\n', "« kiosk » doit être true ou false"),
        ("idle-timeout = 0\n", "entre 1 et 86400"),
        ("idle-warning = 10\n", "entre 20 et 600"),  # RGAA 13.1: at least 20 s to answer
        ("idle-timeout = 12.5\n", "nombre entier de secondes"),
        ('theme = "rose"\n', '"system", "light", "dark", "high-contrast"'),
        ("text-size = 110\n", "100, 125, 150, 175, 200"),
        ("kiosk = \n", "n'est pas un fichier TOML valide"),
    ],
)
def test_a_wrong_file_is_refused_in_french(tmp_path: Path, text: str, says: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigurationError) as refused:
        read_configuration(path)
    assert says in str(refused.value) and str(path) in str(refused.value)


def test_a_named_file_must_exist(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="introuvable"):
        read_configuration(tmp_path / "absent.toml")
