"""``pip install`` of the wheel, in a fresh venv outside the checkout, gives a working application.

One wheel and one venv for the module (building and installing PySide6 takes most of a minute). The
wheel is built from a copy of the project's files, so the checkout stays untouched; pip fetches the
dependencies from PyPI through its cache.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from packaging_support import CHECKOUT, VERSION

pytestmark = pytest.mark.packaging

PROJECT_FILES = ("pyproject.toml", "README.md", "monmaster_desktop", "ui", "resources")


@dataclass
class Installed:
    wheel: Path
    venv: Path
    elsewhere: Path  # a working directory outside the checkout and the venv

    def program(self, name: str) -> Path:
        folder = self.venv / ("Scripts" if sys.platform == "win32" else "bin")
        return folder / (f"{name}.exe" if sys.platform == "win32" else name)

    def run(self, *arguments: str, timeout: float = 240) -> subprocess.CompletedProcess[str]:
        environment = {
            key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")
        }
        environment["MONMASTER_DESKTOP_DATA_DIR"] = str(self.elsewhere / "data")  # never the tester's data
        environment["QT_QPA_PLATFORM"] = "offscreen"
        return subprocess.run(
            [str(argument) for argument in arguments],
            cwd=self.elsewhere,
            env=environment,
            capture_output=True,
            text=True,
            timeout=timeout,
        )


def _pip(python: Path | str, *arguments: str) -> None:
    command = [str(python), "-m", "pip", "--disable-pip-version-check", "--quiet", *arguments]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"pip {' '.join(arguments)} failed:\n{result.stdout}\n{result.stderr}"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    for name in PROJECT_FILES:
        origin = CHECKOUT / name
        if origin.is_dir():
            shutil.copytree(origin, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            source.mkdir(exist_ok=True)
            shutil.copy2(origin, source / name)
    wheels = work / "wheels"
    _pip(sys.executable, "wheel", "--no-deps", "--wheel-dir", str(wheels), str(source))
    (wheel,) = wheels.glob("monmaster_desktop-*.whl")
    environment = work / "venv"
    venv.EnvBuilder(with_pip=True, clear=True).create(environment)
    elsewhere = work / "elsewhere"
    elsewhere.mkdir()
    result = Installed(wheel=wheel, venv=environment, elsewhere=elsewhere)
    _pip(result.program("python"), "install", str(wheel))
    yield result


def test_the_wheel_carries_every_form_style_sheet_icon_and_text(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    expected = {f"monmaster_desktop/ui/{path.name}" for path in (CHECKOUT / "ui").glob("*.ui")}
    expected |= {
        f"monmaster_desktop/resources/{path.relative_to(CHECKOUT / 'resources').as_posix()}"
        for path in (CHECKOUT / "resources").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert {
        "monmaster_desktop/resources/icons/monmaster-desktop.svg",
        "monmaster_desktop/ui/welcome_page.ui",
        # The compiled catalogs of the English interface (packaging/catalogs.py compile).
        "monmaster_desktop/resources/translations/monmaster_en.qm",
        "monmaster_desktop/resources/translations/en/LC_MESSAGES/monmaster.mo",
    } <= expected
    assert sorted(expected - names) == []


def test_the_installed_command_passes_its_self_test_outside_the_checkout(installed: Installed) -> None:
    result = installed.run(installed.program("monmaster-desktop"), "--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    (line,) = result.stdout.splitlines()  # one summary line
    assert line.startswith(f"self-test OK: monmaster-desktop {VERSION}; from Python;")
    assert "journey" in line and "accessible tree OK" in line
    assert "catalogs of fr and en" in line and "Accueil switches to English and back" in line


def test_the_installed_copy_reads_its_files_from_the_venv_not_the_checkout(installed: Installed) -> None:
    code = (
        "import monmaster_desktop; from monmaster_desktop.assets import resource_file, ui_file;"
        "print(monmaster_desktop.__file__); print(ui_file('welcome_page.ui'));"
        "print(resource_file('styles/light.theme'))"
    )
    result = installed.run(installed.program("python"), "-c", code)
    assert result.returncode == 0, result.stderr
    for path in result.stdout.splitlines():
        assert Path(path).resolve().is_relative_to(installed.venv.resolve()), path


def test_version_shows_the_number_of_pyproject(installed: Installed) -> None:
    result = installed.run(installed.program("monmaster-desktop"), "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"monmaster-desktop {VERSION}"
