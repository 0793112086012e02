#!/usr/bin/env bash
# Pack dist/MentorDesk.app into dist/MentorDesk-<version>-macos-<arch>.dmg (macOS only: hdiutil).
#
#   installers/macos/make-dmg.sh
#
# The disk image holds the app and a link to /Applications, so installing is one drag.
# Signing is optional: with MACOS_SIGN_IDENTITY set ("Developer ID Application: …") the app is
# signed with the hardened runtime before packing; with MACOS_NOTARY_PROFILE also set (a
# `xcrun notarytool store-credentials` profile) the image is notarised and stapled. Without
# them the app keeps PyInstaller's ad-hoc signature: it runs on the machine that built it and,
# elsewhere, after right-click > Open (Gatekeeper asks once).
set -euo pipefail
cd "$(dirname "$0")/../.."

app=dist/MentorDesk.app
if [[ ! -d "$app" ]]; then
    echo "make-dmg.sh: $app not found; build it first: installers/macos/build-macos.sh" >&2
    exit 1
fi
version=$(/usr/libexec/PlistBuddy -c "Print :CFBundleShortVersionString" "$app/Contents/Info.plist")
arch=$(uname -m)
dmg="dist/MentorDesk-$version-macos-$arch.dmg"

if [[ -n "${MACOS_SIGN_IDENTITY:-}" ]]; then
    codesign --force --deep --options runtime --timestamp --sign "$MACOS_SIGN_IDENTITY" "$app"
    codesign --verify --strict --verbose=2 "$app"
fi

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
ditto "$app" "$stage/MentorDesk.app"
ln -s /Applications "$stage/Applications"
rm -f "$dmg"
# hdiutil now and then fails with "Resource busy" while Spotlight or XProtect look at the new
# image (a known nuisance on CI machines): try again a few times before giving up.
for attempt in 1 2 3 4 5; do
    if hdiutil create -volname "MentorDesk $version" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg"; then
        break
    fi
    if [[ $attempt == 5 ]]; then exit 1; fi
    sleep $((attempt * 5))
done

if [[ -n "${MACOS_SIGN_IDENTITY:-}" && -n "${MACOS_NOTARY_PROFILE:-}" ]]; then
    codesign --force --sign "$MACOS_SIGN_IDENTITY" "$dmg"
    xcrun notarytool submit "$dmg" --keychain-profile "$MACOS_NOTARY_PROFILE" --wait
    xcrun stapler staple "$dmg"
fi
echo "built $dmg ($(du -h "$dmg" | cut -f1))"
