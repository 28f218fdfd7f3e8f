#!/bin/sh
# Mon Master Desktop for Linux: installs this folder for the current user, without root.
#
#   ./install.sh              copies the application to ~/.local/opt/MonMasterDesktop, adds it to the
#                             applications menu and puts "monmaster-desktop" in ~/.local/bin
#   ./install.sh --uninstall  removes all that again (the candidates' data stays: see README)
#
# The application also runs without installing: ./monmaster-desktop from this folder.
set -eu

here="$(cd "$(dirname "$0")" && pwd)"
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
target="$HOME/.local/opt/MonMasterDesktop"
bin_link="$HOME/.local/bin/monmaster-desktop"
entry="$data_home/applications/monmaster-desktop.desktop"
sizes="16 24 32 48 64 128 256 512"

refresh_menus() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data_home/applications" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data_home/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$target"
  rm -f "$bin_link" "$entry" "$data_home/icons/hicolor/scalable/apps/monmaster-desktop.svg"
  for size in $sizes; do rm -f "$data_home/icons/hicolor/${size}x${size}/apps/monmaster-desktop.png"; done
  refresh_menus
  echo "Mon Master Desktop a été désinstallé."
  exit 0
fi

if [ "$here" != "$target" ]; then
  rm -rf "$target"
  mkdir -p "$target"
  cp -R "$here/." "$target/"
fi
mkdir -p "$HOME/.local/bin" "$data_home/applications" "$data_home/icons/hicolor/scalable/apps"
ln -sf "$target/monmaster-desktop" "$bin_link"
for size in $sizes; do
  mkdir -p "$data_home/icons/hicolor/${size}x${size}/apps"
  cp "$here/icons/hicolor/${size}x${size}/apps/monmaster-desktop.png" "$data_home/icons/hicolor/${size}x${size}/apps/"
done
cp "$here/icons/hicolor/scalable/apps/monmaster-desktop.svg" "$data_home/icons/hicolor/scalable/apps/"
# The menu entry starts the installed copy by its full path (~/.local/bin is not always on PATH).
sed "s|^Exec=.*|Exec=\"$target/monmaster-desktop\"|" "$here/monmaster-desktop.desktop" >"$entry"
refresh_menus
echo "Mon Master Desktop est installé : menu des applications, ou « monmaster-desktop » dans un terminal."
