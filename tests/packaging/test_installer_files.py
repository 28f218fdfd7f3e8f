"""The installers' own files, checked by reading: they cannot all be run on this Linux machine."""

from __future__ import annotations

import configparser
import plistlib
import re

from packaging_support import CHECKOUT, build

PACKAGING = CHECKOUT / "packaging"


def test_the_linux_menu_entry_starts_the_program_with_its_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(PACKAGING / "linux" / "monmaster-desktop.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Name"] == "Mon Master Desktop"
    assert desktop["Exec"] == build.LINUX_EXECUTABLE == "monmaster-desktop"
    assert desktop["Icon"] == "monmaster-desktop"
    assert desktop["Terminal"] == "false"
    assert desktop["Categories"].endswith(";")


def test_the_windows_installer_is_per_user_in_french_with_start_menu_entry_and_uninstaller() -> None:
    script = (PACKAGING / "windows" / "installer.iss").read_text(encoding="utf-8")
    settings = dict(re.findall(r"^(\w+)=(.*)$", script, flags=re.MULTILINE))
    assert settings["PrivilegesRequired"] == "lowest"
    assert settings["OutputBaseFilename"] == "MonMasterDesktop-Setup-{#AppVersion}"
    assert settings["AppVersion"] == "{#AppVersion}"
    assert settings["DefaultDirName"].startswith("{autopf}")
    assert settings["UninstallDisplayIcon"] == r"{app}\{#AppExe}"
    assert 'Name: "{autoprograms}\\{#AppName}"' in script
    assert "Languages\\French.isl" in script
    assert '#define AppExe "MonMasterDesktop.exe"' in script


def test_the_macos_info_plist_carries_the_version_and_the_high_resolution_flag() -> None:
    template = (PACKAGING / "macos" / "Info.plist").read_text(encoding="utf-8")
    filled = template.replace("@VERSION@", "1.2.3").replace("@MINIMUM_MACOS@", "13.0")
    info = plistlib.loads(filled.encode("utf-8"))
    assert info["CFBundleIdentifier"] == "fr.monmaster-desktop.app"
    assert info["CFBundleShortVersionString"] == info["CFBundleVersion"] == "1.2.3"
    assert info["NSHighResolutionCapable"] is True
    assert info["LSMinimumSystemVersion"] == "13.0"


def test_windows_gets_four_numbers_from_any_version() -> None:
    assert build.numeric_version("0.1.0") == "0.1.0.0"
    assert build.numeric_version("2.0rc1") == "2.0.0.0"
    assert build.numeric_version("1.2.3.4.5") == "1.2.3.4"


def test_the_build_reads_the_one_version_of_pyproject() -> None:
    text = (CHECKOUT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{build.project_version()}"' in text
