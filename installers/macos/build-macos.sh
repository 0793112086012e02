#!/usr/bin/env bash
# Build the macOS app and disk image: dist/MentorDesk.app and dist/MentorDesk-<version>-macos-<arch>.dmg
#
#   installers/macos/build-macos.sh
#
# Uses .venv when it exists, otherwise a build venv in build/installer-venv (PYTHON=... picks
# the interpreter); installs PyInstaller there, freezes the app with installers/mentordesk.spec
# (its BUNDLE step merges installers/macos/Info.plist) and calls make-dmg.sh. The app is built
# for the architecture of the Python used (arm64 on Apple silicon runners).
set -euo pipefail
cd "$(dirname "$0")/../.."

if [[ -x .venv/bin/python ]]; then
    py=.venv/bin/python
else
    if [[ ! -x build/installer-venv/bin/python ]]; then
        "${PYTHON:-python3}" -m venv build/installer-venv
    fi
    py=build/installer-venv/bin/python
    "$py" -m pip install --quiet --upgrade pip
    "$py" -m pip install --quiet ".[installer]"
fi
"$py" -c 'import PyInstaller' 2>/dev/null || "$py" -m pip install --quiet "${PYINSTALLER_REQ:-pyinstaller>=6.10,<7}"

rm -rf dist/mentordesk dist/MentorDesk.app
"$py" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller installers/mentordesk.spec
installers/macos/make-dmg.sh
