"""Names in every script show as letters on screen, even on a computer without fonts for them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QFontDatabase

from mentordesk.ui.script_fonts import SCRIPT_FONTS, _real_families, register_missing_script_fonts, registered_files

PROBE = """
import json
from PySide6.QtGui import QFontDatabase, QRawFont
from mentordesk.app import create_application
from mentordesk.ui.script_fonts import register_missing_script_fonts
WS = QFontDatabase.WritingSystem
app = create_application()
samples = {"Latin": "Z", "Arabic": "م", "Devanagari": "प", "Tamil": "த", "SimplifiedChinese": "王", "Korean": "김"}
used = {}
for name, sample in samples.items():
    raw = QRawFont.fromFont(app.font(), getattr(WS, name))
    used[name] = [raw.familyName(), raw.supportsCharacter(ord(sample))]
print(json.dumps({"used": used, "again": register_missing_script_fonts()}))
"""


def test_a_computer_without_fonts_gets_the_shipped_ones_for_each_script(tmp_path: Path) -> None:
    # A fontconfig set-up with no font folder at all: what a minimal Linux system looks like to Qt.
    config = tmp_path / "fonts.conf"
    config.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>{tmp_path / "cache"}</cachedir></fontconfig>
""", encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120,
                            check=True)
    report = json.loads(result.stdout.strip().splitlines()[-1])
    used = report["used"]
    assert all(covers for _family, covers in used.values()), used
    assert used["Latin"][0] == "Noto Sans"
    assert used["Arabic"][0] == "Noto Sans Arabic"
    assert used["Devanagari"][0] == "Noto Sans Devanagari"
    assert used["Tamil"][0] == "Noto Sans Tamil"
    assert used["SimplifiedChinese"][0] == used["Korean"][0] == "Droid Sans Fallback"
    assert report["again"] == []  # each file is registered once


def test_after_start_up_every_script_has_a_font(qapp: object) -> None:
    register_missing_script_fonts()
    for systems, files in SCRIPT_FONTS:
        named = [f for f in QFontDatabase.families() if any(s.name.casefold() in f.casefold() for s in systems)]
        covered = all(_real_families(system) for system in systems) or named
        assert covered or set(files) <= registered_files(), systems
