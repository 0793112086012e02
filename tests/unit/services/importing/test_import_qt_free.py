"""The importing package stays Qt-free, like the rest of the core (see tests/unit/test_qt_free.py)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import mentordesk.services.importing as importing


def test_importing_modules_do_not_import_qt() -> None:
    package = importing.__name__
    modules = [package, *(f"{package}.{info.name}" for info in pkgutil.iter_modules(importing.__path__))]
    code = "\n".join(f"import {name}" for name in modules) + (
        "\nimport sys\nprint(','.join(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
    assert len(modules) > 10
