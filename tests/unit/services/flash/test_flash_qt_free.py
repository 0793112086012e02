"""The planner package is part of the Qt-free core (the shared check only globs top-level modules)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import mentordesk.services.flash as flash_package


def test_flash_modules_do_not_import_qt() -> None:
    modules = sorted(p.stem for p in Path(flash_package.__file__).parent.glob("*.py"))
    code = "\n".join(f"import mentordesk.services.flash.{m}" if m != "__init__" else "" for m in modules)
    code += "\nimport sys\nprint(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"
