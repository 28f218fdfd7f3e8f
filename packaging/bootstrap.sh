#!/usr/bin/env bash
# The two set-up commands of the README, on a fresh Debian/Ubuntu machine with only Python 3.11+:
#
#   bash packaging/bootstrap.sh app  [application options]   launches Mon Master Desktop
#   bash packaging/bootstrap.sh test [pytest options]        runs the whole test suite (ruff + pytest)
#
# Each bootstraps what it needs: the system libraries Qt's xcb/offscreen platforms load (installed
# with apt-get when run as root, otherwise the exact apt-get line is printed and the script stops),
# a virtual environment in .venv with the package installed in editable mode. A second run with
# nothing changed only checks a stamp file and starts at once.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

usage() { sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; }
mode="${1:-}"
case "$mode" in
  app|test) shift ;;
  -h|--help|"") usage; exit 2 ;;
  *) echo "bootstrap: unknown command '$mode'" >&2; usage >&2; exit 2 ;;
esac

say() { echo "[bootstrap] $*" >&2; }

# --- Python --------------------------------------------------------------------------------------
PYTHON="${PYTHON:-}"
if [ -z "$PYTHON" ]; then
  for candidate in python3 python3.13 python3.12 python3.11; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      PYTHON="$(command -v "$candidate")"; break
    fi
  done
fi
if [ -z "$PYTHON" ]; then
  echo "bootstrap: Python 3.11 or newer is needed (python3 --version says: $(python3 --version 2>&1 || echo none))." >&2
  exit 1
fi

# --- System libraries ------------------------------------------------------------------------------
# Each Debian package is checked through the shared library it provides (so Ubuntu's renamed
# packages, e.g. libglib2.0-0t64, count as present); "-" marks a package checked by other means.
declare -A library_of=(
  [libegl1]=libEGL.so.1 [libgl1]=libGL.so.1 [libopengl0]=libOpenGL.so.0
  [libglib2.0-0]=libglib-2.0.so.0 [libfontconfig1]=libfontconfig.so.1 [libfreetype6]=libfreetype.so.6
  [libdbus-1-3]=libdbus-1.so.3 [libxkbcommon0]=libxkbcommon.so.0 [libxkbcommon-x11-0]=libxkbcommon-x11.so.0
  [libx11-6]=libX11.so.6 [libx11-xcb1]=libX11-xcb.so.1 [libxcb1]=libxcb.so.1
  [libxcb-cursor0]=libxcb-cursor.so.0 [libxcb-icccm4]=libxcb-icccm.so.4 [libxcb-image0]=libxcb-image.so.0
  [libxcb-keysyms1]=libxcb-keysyms.so.1 [libxcb-randr0]=libxcb-randr.so.0
  [libxcb-render-util0]=libxcb-render-util.so.0 [libxcb-render0]=libxcb-render.so.0
  [libxcb-shape0]=libxcb-shape.so.0 [libxcb-shm0]=libxcb-shm.so.0 [libxcb-sync1]=libxcb-sync.so.1
  [libxcb-xfixes0]=libxcb-xfixes.so.0 [libxcb-xkb1]=libxcb-xkb.so.1 [libxcb-xinerama0]=libxcb-xinerama.so.0
  [libxcb-xinput0]=libxcb-xinput.so.0 [libxcb-glx0]=libxcb-glx.so.0 [libsm6]=libSM.so.6 [libice6]=libICE.so.6
  [fonts-dejavu-core]=-
)
missing=()
if [ "$(uname -s)" = Linux ]; then
  known_libraries="$(/sbin/ldconfig -p 2>/dev/null || ldconfig -p 2>/dev/null || true)"
  for package in "${!library_of[@]}"; do
    library="${library_of[$package]}"
    [ "$library" = - ] && continue
    grep -qF "$library " <<<"$known_libraries" || missing+=("$package")
  done
  # Without a single font every label is drawn as empty boxes.
  if ! { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list 2>/dev/null | head -n 1)" ]; } &&
     [ -z "$(find /usr/share/fonts -name '*.ttf' -print -quit 2>/dev/null)" ]; then
    missing+=(fonts-dejavu-core)
  fi
  # Debian's own python3 can only create virtual environments with python3-venv installed.
  if [ ! -x .venv/bin/python ] && ! "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null; then
    missing+=(python3-venv)
  fi
  # The accessibility tests run the real application on a virtual screen with the Linux
  # accessibility bus (AT-SPI, what Orca listens to) and read it with Debian's python3-gi.
  if [ "$mode" = test ]; then
    command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
    command -v dbus-daemon >/dev/null 2>&1 || missing+=(dbus)
    { [ -x /usr/libexec/at-spi-bus-launcher ] || [ -x /usr/lib/at-spi2-core/at-spi-bus-launcher ]; } ||
      missing+=(at-spi2-core)
    # A real screen reader for the tests: Orca, run headless (tests/a11y/test_orca.py).
    command -v orca >/dev/null 2>&1 || missing+=(orca)
    if ! /usr/bin/python3 -c 'import gi' 2>/dev/null; then
      missing+=(python3-gi gir1.2-atspi-2.0)
    elif ! /usr/bin/python3 -c 'import gi; gi.require_version("Atspi", "2.0")' 2>/dev/null; then
      missing+=(gir1.2-atspi-2.0)
    fi
  fi
fi
if ((${#missing[@]})); then
  IFS=$'\n' read -r -d '' -a missing < <(printf '%s\n' "${missing[@]}" | sort -u && printf '\0')
  line="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "bootstrap: Qt needs system libraries that are missing on this machine. Install them with:" >&2
    echo "    sudo sh -c '$line'" >&2
    echo "then run this command again." >&2
    exit 1
  fi
fi

# --- Virtual environment -------------------------------------------------------------------------
extras="[catalogs]"
[ "$mode" = test ] && extras="[test]"
stamp_file=.venv/.bootstrap-stamp
wanted_stamp="$("$PYTHON" -c 'import sys; print(sys.version)' | head -n 1) $(sha256sum pyproject.toml | cut -d' ' -f1)"
installed_stamp="$(cat "$stamp_file" 2>/dev/null || true)"
# A test install also serves the application; an application-only install does not serve the tests.
if [ "$installed_stamp" != "$wanted_stamp [test]" ] && [ "$installed_stamp" != "$wanted_stamp $extras" ]; then
  if [ ! -x .venv/bin/python ]; then
    say "creating .venv with $PYTHON"
    "$PYTHON" -m venv .venv
  fi
  say "installing monmaster-desktop${extras} into .venv (first run or pyproject.toml changed)"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".$extras"
  echo "$wanted_stamp $extras" >"$stamp_file"
fi

# --- Translation catalogs ---------------------------------------------------------------------------
# The English interface reads catalogs compiled from translations/ (Babel and PySide6's lrelease, both
# in .venv): built whenever a source is newer than what was compiled (README, "Translating").
catalogs_stamp=.venv/.catalogs-stamp
if [ ! -e "$catalogs_stamp" ] || [ ! -d resources/translations ] ||
   [ -n "$(find translations -newer "$catalogs_stamp" 2>/dev/null | head -n 1)" ]; then
  say "compiling the translation catalogs"
  .venv/bin/python packaging/catalogs.py compile >/dev/null
  touch "$catalogs_stamp"
fi

# --- Run -----------------------------------------------------------------------------------------
if [ "$mode" = app ]; then
  exec .venv/bin/python -m monmaster_desktop "$@"
fi

export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
say "ruff check"
.venv/bin/ruff check monmaster_desktop tests benchmarks packaging
status=0
.venv/bin/python -m pytest "$@" || status=$?
if [ "$status" -eq 5 ]; then
  echo "bootstrap: pytest collected no test: that is a failure, not a pass." >&2
fi
exit "$status"
