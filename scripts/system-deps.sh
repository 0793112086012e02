#!/bin/sh
# Installs the Linux system libraries MentorDesk needs when they are missing.
#
#   scripts/system-deps.sh test   what the test suite needs (Qt offscreen, PDF and QR readers)
#   scripts/system-deps.sh run    what the desktop app needs on an X11/Wayland session (+ fonts
#                                 for every writing system the app shows)
#   scripts/system-deps.sh installer   run's set (bundled into the package) + binutils (strip)
#
# Only Debian/Ubuntu (dpkg + apt-get) are handled; elsewhere the script does nothing, because
# the PySide6 wheels bring their own Qt and macOS/Windows need nothing more.
set -eu

profile="${1:-test}"

if [ "$(uname -s)" != "Linux" ] || ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    exit 0
fi

# Libraries Qt's offscreen and xcb platform plugins load at run time.
qt_core="libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3"
# QtMultimedia (sounds and chimes) links against PulseAudio's client library.
qt_multimedia="libpulse0"
qt_xcb="libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1"
# Fonts so that Greek, Cyrillic, Arabic, Hebrew, Chinese, Japanese and Korean names render.
fonts="fonts-dejavu-core fonts-noto-core fonts-noto-cjk"
# Readers the tests use to check PDFs the way a person would.
readers="poppler-utils"

case "$profile" in
    test) wanted="$qt_core $qt_multimedia $readers" ;;
    run)  wanted="$qt_core $qt_multimedia $qt_xcb $fonts" ;;
    installer) wanted="$qt_core $qt_multimedia $qt_xcb $fonts binutils" ;;
    *)    echo "usage: $0 test|run|installer" >&2; exit 2 ;;
esac

missing=""
for pkg in $wanted; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $pkg"
    fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = "0" ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo -n"
else
    echo "MentorDesk needs these system packages:$missing" >&2
    echo "Install them with: sudo apt-get install$missing" >&2
    exit 0
fi

echo "Installing system packages:$missing"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
