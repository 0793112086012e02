#!/usr/bin/env bash
# Build the macOS app and disk image: dist/MentorDesk.app and dist/MentorDesk-<version>-macos-<arch>.dmg
#
#   installers/macos/build-macos.sh
#
# Gets its Python and PyInstaller from installers/freeze-env.sh (.venv, or a build venv in
# build/installer-venv; PYTHON=... picks the interpreter), freezes the app with installers/mentordesk.spec
# (its BUNDLE step merges installers/macos/Info.plist) and calls make-dmg.sh. The app is built
# for the architecture of the Python used (arm64 on Apple silicon runners).
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=installers/freeze-env.sh
source installers/freeze-env.sh

rm -rf dist/mentordesk dist/MentorDesk.app
freeze
installers/macos/make-dmg.sh
