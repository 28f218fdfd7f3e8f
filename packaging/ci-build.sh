#!/usr/bin/env bash
# CI, after the README's test command (bash packaging/bootstrap.sh test, which made .venv): build the
# Linux bundle, run the frozen program's --self-test (CI fails if it fails), check the bundle and the
# archive (tests/packaging/test_frozen_bundle.py), and print its size and start-up time against the
# application run from source (benchmarks/bench_bundle.py). About a minute on a 2-core machine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

python=.venv/bin/python
say() { echo "[ci-build] $*" >&2; }
if [ ! -x "$python" ]; then
  echo "ci-build: no .venv: run 'bash packaging/bootstrap.sh test' first." >&2
  exit 1
fi
# PyInstaller is a build-time tool: pyproject.toml's "build" extra names the same requirement.
if ! "$python" -c 'import PyInstaller' 2>/dev/null; then
  say "installing PyInstaller into .venv"
  "$python" -m pip install --quiet --disable-pip-version-check "pyinstaller>=6.10,<7"
fi

export QT_QPA_PLATFORM=offscreen
rm -rf dist/MonMasterDesktop
say "building the Linux bundle (packaging/build.py)"
"$python" packaging/build.py

say "frozen self-test"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
# Its own data folder even if the self-test had a bug: never the machine's real one.
MONMASTER_DESKTOP_DATA_DIR="$scratch" dist/MonMasterDesktop/monmaster-desktop --self-test

say "checking the bundle and the archive"
MONMASTER_DESKTOP_FROZEN=dist "$python" -m pytest -q -p no:cacheprovider tests/packaging/test_frozen_bundle.py

say "bundle size and start-up time"
"$python" benchmarks/bench_bundle.py --check
