# Sourced (from the repository root) by build-linux.sh and macos/build-macos.sh.
#
# Sets $py to the Python that freezes the app: the project's .venv when it exists (make creates
# it), otherwise a build venv in build/installer-venv created with $PYTHON (default python3) and
# the project installed into it; installs PyInstaller ($PYINSTALLER_REQ) there when missing.
# freeze runs installers/mentordesk.spec into dist/.

PYINSTALLER_REQ=${PYINSTALLER_REQ:-"pyinstaller>=6.10,<7"}

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
if ! "$py" -c 'import PyInstaller' 2>/dev/null; then
    "$py" -m pip install --quiet "$PYINSTALLER_REQ"
fi

freeze() {
    "$py" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
        installers/mentordesk.spec
}
