#!/usr/bin/env bash
# Put MonMasterDesktop.app in a compressed disk image with a link to /Applications (drag to install).
#   bash packaging/macos/make-dmg.sh dist/MonMasterDesktop.app dist/MonMasterDesktop-<version>-macos-<arch>.dmg
# macOS only (hdiutil). Signing and notarisation, when the release has the secrets, happen in
# .github/workflows/release.yml around this script.
set -euo pipefail

app="$1"
image="$2"
[ -d "$app" ] || { echo "make-dmg: $app is not a folder" >&2; exit 1; }
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
rm -f "$image"
hdiutil create -volname "Mon Master Desktop" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$image" >/dev/null
hdiutil verify "$image" >/dev/null
echo "$image"
