"""The frozen build (PyInstaller, one folder): it passes its own self-test, stays trimmed and installs.

Runs where packaging/ci-build.sh has just built the bundle and names its dist folder in
MONMASTER_DESKTOP_FROZEN; skipped elsewhere (building takes a minute: not for every test run).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from packaging_support import CHECKOUT, VERSION, build

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.skipif(
        not os.environ.get("MONMASTER_DESKTOP_FROZEN"),
        reason="no frozen bundle named by MONMASTER_DESKTOP_FROZEN (packaging/ci-build.sh sets it)",
    ),
]

SIZE_LIMIT_MB = 130
KEPT_PLATFORMS = {
    "linux": {"xcb", "offscreen"},
    "win32": {"windows", "offscreen"},
    "darwin": {"cocoa", "offscreen"},
}
# Qt modules the application never uses, as libraries (libQt6Quick.so.6, Qt6Quick.dll, QtQuick.framework)
# or as Python modules (QtQuick.abi3.so, QtQuick.pyd).
NEVER_BUNDLED = re.compile(r"Qt6?(WebEngine|Qml|Quick|Network|Designer|TextToSpeech|Multimedia|Sql|Pdf)")


@pytest.fixture(scope="module")
def dist() -> Path:
    return Path(os.environ["MONMASTER_DESKTOP_FROZEN"]).resolve()


def run(command: list[str | Path], cwd: Path, **environment: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **environment)
    env.pop("PYTHONPATH", None)
    return subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, cwd=cwd, env=env, timeout=240
    )


def plugin_files(dist: Path) -> list[Path]:
    return [path for path in dist.rglob("*") if "plugins" in path.parts and path.is_file()]


def test_the_frozen_program_passes_its_self_test(dist: Path, tmp_path: Path) -> None:
    result = run(
        [build.frozen_executable(dist), "--self-test"], tmp_path, MONMASTER_DESKTOP_DATA_DIR=str(tmp_path)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (line,) = result.stdout.splitlines()
    assert line.startswith(f"self-test OK: monmaster-desktop {VERSION}; frozen; ")


def test_the_frozen_program_shows_the_version_of_pyproject(dist: Path, tmp_path: Path) -> None:
    result = run([build.frozen_executable(dist), "--version"], tmp_path)
    assert result.stdout.strip() == f"monmaster-desktop {VERSION}"


def test_the_bundle_keeps_only_the_qt_plugins_the_application_uses(dist: Path) -> None:
    plugins = plugin_files(dist)
    folders = {path.parent.name for path in plugins}
    assert folders <= {"platforms", "imageformats", "iconengines", "platforminputcontexts", "styles"}
    platforms = {
        path.stem.removeprefix("lib").removeprefix("q") for path in plugins if path.parent.name == "platforms"
    }
    assert platforms == KEPT_PLATFORMS[sys.platform]
    assert {
        path.name for path in plugins if path.parent.name == "iconengines"
    } != set()  # the SVG window icon
    translations = {path.name for path in dist.rglob("*.qm")}
    assert translations == {"qtbase_fr.qm", "qtbase_en.qm", "monmaster_en.qm"}
    assert list(dist.rglob("monmaster.mo")), "the core's English catalog"  # resources/translations/en/…


def test_the_bundle_has_no_webengine_qml_network_or_designer(dist: Path) -> None:
    bundled = [path.name for path in dist.rglob("*") if path.is_file()]
    assert [name for name in bundled if NEVER_BUNDLED.search(name)] == []
    assert not [
        path for path in dist.rglob("*") if path.is_symlink() and not path.exists()
    ]  # no dangling link


def test_the_bundle_stays_under_130_mb_unpacked(dist: Path) -> None:
    size_mb = build.folder_size(dist / build.APP_FOLDER) / 1e6
    assert size_mb <= SIZE_LIMIT_MB, f"{size_mb:.1f} MB"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="AT-SPI is the Linux accessibility bus")
def test_a_screen_reader_reads_and_presses_the_buttons_of_the_frozen_program(
    dist: Path, tmp_path: Path
) -> None:
    # The accessibility tests' own screen reader (tests/a11y): Xvfb, D-Bus, the AT-SPI bus, Orca's view.
    sys.path.insert(0, str(CHECKOUT / "tests" / "a11y"))
    a11y_support = pytest.importorskip("a11y_support")
    missing = a11y_support.missing_requirements()
    if missing:
        pytest.skip(f"no accessibility bus here: {missing}")
    step = a11y_support.step
    reader = a11y_support.ScreenReader(tmp_path)
    try:
        program = build.frozen_executable(dist)
        reader.request(
            "start", argv=[str(program), "--data-dir", str(tmp_path / "data")], log=str(tmp_path / "app.log")
        )
        reader.run(step("wait", role="push button", state="showing"), "activate")
        assert sorted(button["name"] for button in reader.find(role="push button", state="showing")) == [
            "Candidater",
            "English",
        ]
        reader.click(role="push button", name="Candidater")
        reader.wait(role="push button", name="Créer un compte", state="showing")
        # The bundle carries the English catalogs: Affichage › English, from this page.
        reader.click(role="menu item", name="English")
        reader.wait(role="push button", name="Create an account", state="showing")
    finally:
        reader.close()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the .tar.gz is the Linux artefact")
def test_the_linux_archive_installs_for_the_user_with_a_menu_entry(dist: Path, tmp_path: Path) -> None:
    (archive,) = dist.glob(f"MonMasterDesktop-{VERSION}-linux-*.tar.gz")
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path / "unpacked", filter="tar")
    (folder,) = (tmp_path / "unpacked").iterdir()
    home = tmp_path / "home"
    home.mkdir()
    installed = run(
        ["sh", folder / "install.sh"], tmp_path, HOME=str(home), XDG_DATA_HOME=str(home / "share")
    )
    assert installed.returncode == 0, installed.stderr
    entry = (home / "share" / "applications" / "monmaster-desktop.desktop").read_text(encoding="utf-8")
    program = home / ".local" / "opt" / "MonMasterDesktop" / "monmaster-desktop"
    assert f'Exec="{program}"' in entry
    assert (home / "share" / "icons" / "hicolor" / "256x256" / "apps" / "monmaster-desktop.png").is_file()
    assert (
        run([home / ".local" / "bin" / "monmaster-desktop", "--version"], tmp_path)
        .stdout.strip()
        .endswith(VERSION)
    )

    removed = run(
        ["sh", folder / "install.sh", "--uninstall"],
        tmp_path,
        HOME=str(home),
        XDG_DATA_HOME=str(home / "share"),
    )
    assert removed.returncode == 0, removed.stderr
    assert not program.exists()
    assert not (home / "share" / "applications" / "monmaster-desktop.desktop").exists()
