#!/bin/sh
# Install MentorDesk from this unpacked folder for the current user (no root needed):
#
#   ./install.sh              installs into ~/.local (PREFIX=/usr/local ./install.sh as root: for everyone)
#   ./install.sh --uninstall  removes everything it installed, event files excepted
#
# What goes where, under PREFIX (default ~/.local):
#   lib/mentordesk/                  the program (a copy of this folder)
#   bin/mentordesk                   a link to it, for the command line
#   share/applications/mentordesk.desktop         the menu entry, which also opens .mentordesk files
#   share/mime/packages/mentordesk.xml            the .mentordesk file type
#   share/metainfo/io.mentordesk.MentorDesk.metainfo.xml   software-centre metadata
#   share/icons/hicolor/*/apps/mentordesk.{png,svg}
set -eu

here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-"$HOME/.local"}
app_dir="$prefix/lib/mentordesk"
bin_link="$prefix/bin/mentordesk"
share="$prefix/share"
desktop="$share/applications/mentordesk.desktop"
mime="$share/mime/packages/mentordesk.xml"
metainfo="$share/metainfo/io.mentordesk.MentorDesk.metainfo.xml"

refresh_caches() {
    # Each tool is optional: a desktop without it just picks the change up at next login.
    if command -v update-mime-database >/dev/null 2>&1; then update-mime-database "$share/mime" >/dev/null 2>&1 || true; fi
    if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q "$share/applications" 2>/dev/null || true; fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$share/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t -f "$share/icons/hicolor" 2>/dev/null || true
    fi
}

uninstall() {
    rm -rf "$app_dir"
    if [ -L "$bin_link" ]; then rm -f "$bin_link"; fi
    rm -f "$desktop" "$mime" "$metainfo"
    for icon in "$share"/icons/hicolor/*/apps/mentordesk.png "$share"/icons/hicolor/scalable/apps/mentordesk.svg; do
        if [ -f "$icon" ]; then rm -f "$icon"; fi
    done
    refresh_caches
    echo "MentorDesk removed from $prefix (event files and preferences are kept)."
}

if [ "${1:-}" = "--uninstall" ]; then
    uninstall
    exit 0
fi
if [ $# -gt 0 ]; then
    echo "usage: $0 [--uninstall]   (PREFIX=... to install somewhere other than ~/.local)" >&2
    exit 2
fi
if [ ! -x "$here/mentordesk" ] || [ ! -d "$here/_internal" ]; then
    echo "install.sh: run me from the unpacked MentorDesk folder (mentordesk and _internal/ beside me)" >&2
    exit 1
fi

# A fresh copy: files of an older version must not linger next to the new ones.
rm -rf "$app_dir.new"
mkdir -p "$app_dir.new" "$prefix/bin" "$share/applications" "$share/mime/packages" "$share/metainfo"
cp -R "$here/mentordesk" "$here/_internal" "$here/install.sh" "$app_dir.new/"
rm -rf "$app_dir"
mv "$app_dir.new" "$app_dir"
ln -sfn "$app_dir/mentordesk" "$bin_link"

# Absolute paths in the menu entry: ~/.local/bin is not on every desktop session's PATH.
sed -e "s|^Exec=mentordesk |Exec=$app_dir/mentordesk |" -e "s|^TryExec=mentordesk\$|TryExec=$app_dir/mentordesk|" \
    "$here/share/applications/mentordesk.desktop" >"$desktop"
cp "$here/share/mime/packages/mentordesk.xml" "$mime"
cp "$here/share/metainfo/io.mentordesk.MentorDesk.metainfo.xml" "$metainfo"
(cd "$here/share/icons" && find hicolor -type f -name 'mentordesk.*') | while read -r icon; do
    mkdir -p "$share/icons/$(dirname "$icon")"
    cp "$here/share/icons/$icon" "$share/icons/$icon"
done
refresh_caches

echo "MentorDesk installed in $app_dir"
echo "  menu entry: $desktop (opens .mentordesk files)"
case ":$PATH:" in
    *":$prefix/bin:"*) echo "  command:    mentordesk" ;;
    *) echo "  command:    $bin_link ($prefix/bin is not on your PATH)" ;;
esac
