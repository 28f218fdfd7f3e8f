"""Build Mon Master Desktop for the system this runs on: ``python packaging/build.py``.

Run it with the Python of a build environment that has the application, PySide6-Essentials (never
the PySide6 meta-package: it drags QtWebEngine in) and PyInstaller: ``pip install ".[build]"``.

- every system: the translation catalogs compiled (packaging/catalogs.py: Babel, pyside6-lrelease)
  into resources/translations, icons drawn from resources/icons/monmaster-desktop.svg into
  build/icons, then the one-folder PyInstaller build of packaging/monmaster-desktop.spec into
  dist/MonMasterDesktop;
- Linux: dist/MonMasterDesktop-<version>-linux-<machine>.tar.gz (the folder, a .desktop entry, PNG
  icons and install.sh). No AppImage: appimagetool and the AppImage runtime are in none of the
  package registries this project can use (Debian has only libappimage; PyPI's "appimage" packages
  download the tool from the web at run time);
- Windows: dist/MonMasterDesktop-Setup-<version>.exe compiled from packaging/windows/installer.iss
  with Inno Setup's ISCC (skipped, with the command printed, where ISCC is not installed);
- macOS: dist/MonMasterDesktop.app and dist/MonMasterDesktop-<version>-macos-<machine>.dmg (hdiutil).

The version is the one of pyproject.toml; nothing here ever asks for or prints a secret (signing is
the release workflow's business).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import io
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path

import catalogs
import icons

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
BUILD = ROOT / "build"
DIST = ROOT / "dist"
SPEC = PACKAGING / "monmaster-desktop.spec"
APP_FOLDER = "MonMasterDesktop"  # dist/MonMasterDesktop: the one-folder build
LINUX_EXECUTABLE = "monmaster-desktop"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ISCC_DEFAULT_PATHS = (
    Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)")) / "Inno Setup 6" / "ISCC.exe",
    Path(os.environ.get("LOCALAPPDATA", r"C:\Users\Default\AppData\Local"))
    / "Programs"
    / "Inno Setup 6"
    / "ISCC.exe",
)


class BuildError(Exception):
    """What stopped the build, in words an operator can act on."""


def project_version() -> str:
    """The one version number of the project, from pyproject.toml."""
    with (ROOT / "pyproject.toml").open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


def numeric_version(version: str) -> str:
    """``0.1.0rc1`` → ``0.1.0.0``: Windows' version resources and Inno Setup want four numbers."""
    numbers: list[str] = []
    for part in version.split(".")[:4]:
        digits = ""
        for character in part:
            if not character.isdigit():
                break
            digits += character
        numbers.append(digits or "0")
        if digits != part:
            break
    return ".".join([*numbers, "0", "0", "0"][:4])


def machine() -> str:
    names = {"amd64": "x86_64", "x86_64": "x86_64", "arm64": "arm64", "aarch64": "aarch64"}
    return names.get(platform.machine().lower(), platform.machine().lower())


def check_build_environment() -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        raise BuildError('PyInstaller is missing: pip install ".[build]" (or "pyinstaller>=6.10,<7")')
    installed = {_normalized(dist.metadata["Name"]) for dist in importlib.metadata.distributions()}
    if "pyside6" in installed:
        raise BuildError(
            "the PySide6 meta-package is installed: it brings QtWebEngine and the Designer plugins into the "
            "bundle. Build in an environment with PySide6-Essentials only."
        )
    if "pyside6-essentials" not in installed:
        raise BuildError("PySide6-Essentials is missing from this environment")
    if "monmaster-desktop" not in installed:
        raise BuildError('the application is not installed in this environment: pip install ".[build]"')


def _normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()  # PEP 503: PySide6_Essentials == pyside6-essentials


def write_windows_version_info(version: str, path: Path) -> None:
    """The version resource of the .exe files (Properties › Details), read by PyInstaller's EXE()."""
    numbers = tuple(int(number) for number in numeric_version(version).split("."))
    strings = {
        "CompanyName": "Mon Master Desktop",
        "FileDescription": "Mon Master Desktop",
        "FileVersion": version,
        "InternalName": "monmaster-desktop",
        "LegalCopyright": "EUPL-1.2",
        "OriginalFilename": "MonMasterDesktop.exe",
        "ProductName": "Mon Master Desktop",
        "ProductVersion": version,
    }
    table = ",\n".join(f"          StringStruct({key!r}, {value!r})" for key, value in strings.items())
    path.write_text(
        f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040C04B0', [
{table}
    ])]),
    VarFileInfo([VarStruct('Translation', [0x040C, 1200])]),
  ],
)
""",
        encoding="utf-8",
    )


def run_pyinstaller() -> Path:
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"), str(SPEC),
    ]  # fmt: skip
    subprocess.run(command, check=True, cwd=ROOT)
    folder = DIST / APP_FOLDER
    if not folder.is_dir():
        raise BuildError(f"PyInstaller did not produce {folder}")
    return folder


def frozen_executable(dist: Path = DIST) -> Path:
    """The frozen program that prints: --self-test, --version and the operators' sub-commands."""
    if sys.platform == "win32":
        return dist / APP_FOLDER / "monmaster-desktop.exe"  # the console twin of MonMasterDesktop.exe
    if sys.platform == "darwin":
        return dist / f"{APP_FOLDER}.app" / "Contents" / "MacOS" / APP_FOLDER
    return dist / APP_FOLDER / LINUX_EXECUTABLE


def folder_size(folder: Path) -> int:
    """Bytes of every file under ``folder`` (links not followed), as an unpacked install takes."""
    return sum(path.lstat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


# --- Linux ------------------------------------------------------------------------------------------------


def linux_archive(folder: Path, icon_dir: Path, version: str) -> Path:
    """The folder, the .desktop entry, hicolor PNG icons and install.sh in one .tar.gz."""
    archive = DIST / f"{APP_FOLDER}-{version}-linux-{machine()}.tar.gz"
    top = f"{APP_FOLDER}-{version}"
    desktop = (PACKAGING / "linux" / "monmaster-desktop.desktop").read_text(encoding="utf-8")
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname=top)
        _add_bytes(tar, f"{top}/monmaster-desktop.desktop", desktop.encode("utf-8"), 0o644)
        _add_bytes(tar, f"{top}/install.sh", (PACKAGING / "linux" / "install.sh").read_bytes(), 0o755)
        for size in HICOLOR_SIZES:
            tar.add(
                icon_dir / f"{size}.png",
                arcname=f"{top}/icons/hicolor/{size}x{size}/apps/monmaster-desktop.png",
            )
        tar.add(
            ROOT / "resources" / "icons" / icons.SVG_NAME,
            arcname=f"{top}/icons/hicolor/scalable/apps/monmaster-desktop.svg",
        )
    return archive


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes, mode: int) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = len(data), mode, int(time.time())
    tar.addfile(info, io.BytesIO(data))


# --- Windows ----------------------------------------------------------------------------------------------


def find_iscc() -> Path | None:
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return Path(found)
    return next((path for path in ISCC_DEFAULT_PATHS if path.is_file()), None)


def windows_installer(folder: Path, icon_dir: Path, version: str) -> Path | None:
    defines = [
        f"/DAppVersion={version}",
        f"/DNumericVersion={numeric_version(version)}",
        f"/DBundleDir={folder}",
        f"/DOutputDir={DIST}",
        f"/DIconFile={icon_dir / 'monmaster-desktop.ico'}",
    ]
    script = PACKAGING / "windows" / "installer.iss"
    iscc = find_iscc()
    if iscc is None:
        print("build: Inno Setup (ISCC.exe) not found; install it (choco install innosetup) and run:")
        print("    ISCC.exe " + " ".join(f'"{define}"' for define in defines) + f' "{script}"')
        return None
    subprocess.run([str(iscc), "/Q", *defines, str(script)], check=True, cwd=ROOT)
    return DIST / f"MonMasterDesktop-Setup-{version}.exe"


# --- macOS ------------------------------------------------------------------------------------------------


def macos_disk_image(version: str) -> Path:
    app = DIST / f"{APP_FOLDER}.app"
    if not app.is_dir():
        raise BuildError(f"PyInstaller did not produce {app}")
    image = DIST / f"{APP_FOLDER}-{version}-macos-{machine()}.dmg"
    subprocess.run(["bash", str(PACKAGING / "macos" / "make-dmg.sh"), str(app), str(image)], check=True)
    return image


# --- main -------------------------------------------------------------------------------------------------


def build(*, freeze: bool = True, package: bool = True, require_installer: bool = False) -> list[Path]:
    """Build for this system; returns the artefacts (the folder first).

    ``freeze=False`` reuses the folder already in dist/ (the release workflow signs the programs in
    between); ``package=False`` stops after the folder; ``require_installer`` makes a missing Inno
    Setup an error instead of a printed hint.
    """
    check_build_environment()
    version = project_version()
    started = time.monotonic()
    if freeze:
        try:
            catalogs.compile_all()  # the bundle carries the catalogs of its own sources
        except catalogs.CatalogError as error:
            raise BuildError(str(error)) from error
    icon_dir = BUILD / "icons"
    icons.write_icons(ROOT / "resources" / "icons" / icons.SVG_NAME, icon_dir)
    if sys.platform == "win32":
        write_windows_version_info(version, BUILD / "windows-version-info.txt")
    folder = run_pyinstaller() if freeze else DIST / APP_FOLDER
    if not folder.is_dir():
        raise BuildError(f"no {folder} to package: build without --skip-freeze first")
    artefacts = [folder]
    if package and sys.platform.startswith("linux"):
        artefacts.append(linux_archive(folder, icon_dir, version))
    elif package and sys.platform == "win32":
        setup = windows_installer(folder, icon_dir, version)
        if setup is None and require_installer:
            raise BuildError("Inno Setup's ISCC.exe is needed for the installer")
        artefacts += [setup] if setup else []
    elif package and sys.platform == "darwin":
        artefacts += [DIST / f"{APP_FOLDER}.app", macos_disk_image(version)]
    megabytes = folder_size(folder) / 1e6
    elapsed = time.monotonic() - started
    print(f"build: monmaster-desktop {version} in {elapsed:.0f} s; {folder} is {megabytes:.1f} MB")
    return artefacts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--no-package", action="store_true", help="stop after the folder: no .tar.gz, setup .exe nor .dmg"
    )
    parser.add_argument(
        "--skip-freeze", action="store_true", help="package the folder already in dist/ (signed in between)"
    )
    parser.add_argument(
        "--require-installer", action="store_true", help="Windows: fail when Inno Setup is not installed"
    )
    arguments = parser.parse_args(argv)
    try:
        artefacts = build(
            freeze=not arguments.skip_freeze,
            package=not arguments.no_package,
            require_installer=arguments.require_installer,
        )
    except (BuildError, subprocess.CalledProcessError) as error:
        print(f"build: FAILED: {error}", file=sys.stderr)
        return 1
    for artefact in artefacts:
        print(artefact)
    return 0


if __name__ == "__main__":
    sys.exit(main())
