#!/usr/bin/env bash
# Build the Linux package: dist/mentordesk-<version>-linux-<arch>.tar.gz
#
#   installers/build-linux.sh               (or: make installer)
#   installers/build-linux.sh --no-tarball  only the frozen folder dist/mentordesk (for the smoke test)
#
# Gets its Python and PyInstaller from installers/freeze-env.sh (the project's .venv, or a build
# venv in build/installer-venv), freezes the app with
# installers/mentordesk.spec into dist/mentordesk/, adds the desktop integration (menu entry,
# AppStream metadata, MIME type, icons, install.sh) and packs the folder. PYTHON=... picks
# the interpreter used to create the build venv.
set -euo pipefail
cd "$(dirname "$0")/.."

tarball=yes
case "${1:-}" in
    "") ;;
    --no-tarball) tarball=no ;;
    *) echo "usage: $0 [--no-tarball]" >&2; exit 2 ;;
esac
started=$(date +%s)

# shellcheck source=installers/freeze-env.sh
source installers/freeze-env.sh

version=$("$py" -c 'import sys; sys.path.insert(0, "installers"); import freeze_config, pathlib; print(freeze_config.read_version(pathlib.Path(".")))')
arch=$(uname -m)
name="mentordesk-$version-linux-$arch"
app=dist/mentordesk

rm -rf "$app"
freeze

# Drop debug information from the libraries that carry it (the build machine's libpython has
# ~17 MB). Skipped: libraries grafted into wheels by auditwheel (in *.libs/ folders, or whose
# RPATH points there): binutils' strip can misalign the segments patchelf rewrote, which breaks
# numpy's OpenBLAS at load time.
if command -v strip >/dev/null && command -v readelf >/dev/null; then
    while IFS= read -r -d '' lib; do
        readelf -S "$lib" 2>/dev/null | grep -q '\.debug_info' || continue
        readelf -d "$lib" 2>/dev/null | grep -E '\((RPATH|RUNPATH)\)' | grep -q '\.libs' && continue
        strip --strip-debug "$lib"
    done < <(find "$app/_internal" -type f \( -name '*.so' -o -name '*.so.*' \) -not -path '*.libs/*' -print0)
fi

# Desktop integration, laid out as under /usr/share so install.sh can copy it as it is.
share="$app/share"
install -Dm644 installers/linux/mentordesk.desktop "$share/applications/mentordesk.desktop"
install -Dm644 installers/linux/mentordesk-mime.xml "$share/mime/packages/mentordesk.xml"
mkdir -p "$share/metainfo"
sed -e "s/@VERSION@/$version/" -e "s/@DATE@/$(date -u +%Y-%m-%d)/" installers/linux/io.mentordesk.MentorDesk.metainfo.xml \
    >"$share/metainfo/io.mentordesk.MentorDesk.metainfo.xml"
for png in resources/icons/mentordesk-*.png; do
    size=${png##*-}; size=${size%.png}
    install -Dm644 "$png" "$share/icons/hicolor/${size}x${size}/apps/mentordesk.png"
done
install -Dm644 resources/icons/mentordesk.svg "$share/icons/hicolor/scalable/apps/mentordesk.svg"
install -m755 installers/linux/install.sh "$app/install.sh"
cat >"$app/README.txt" <<TXT
MentorDesk $version for Linux ($arch)

Run it from this folder:  ./mentordesk
Install it for yourself:  ./install.sh            (menu entry, .mentordesk files, ~/.local/bin/mentordesk)
Remove it again:          ~/.local/lib/mentordesk/install.sh --uninstall
Command line:             ./mentordesk --help
TXT

if [[ $tarball == no ]]; then
    echo "built $app in $(( $(date +%s) - started )) s ($(du -sh "$app" | cut -f1))"
    exit 0
fi
tar -C dist --transform "s|^mentordesk|$name|" --owner=0 --group=0 --numeric-owner -czf "dist/$name.tar.gz" mentordesk

took=$(( $(date +%s) - started ))
echo "built dist/$name.tar.gz in ${took} s"
echo "  packed:   $(du -h "dist/$name.tar.gz" | cut -f1)"
echo "  unpacked: $(du -sh "$app" | cut -f1)"
