"""The core never imports Qt: that is what lets the CLI, tests and benchmarks run headless."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CORE_MODULES = [
    "mentordesk",
    "mentordesk.paths",
    "mentordesk.settings",
    "mentordesk.cli",
    "mentordesk.models",
    "mentordesk.models.store",
    "mentordesk.services",
    "mentordesk.services.checkin",
    "mentordesk.services.demo",
    "mentordesk.services.events",
    "mentordesk.services.people",
    "mentordesk.printing",
]


def _qt_modules_after(code: str) -> list[str]:
    probe = code + (
        "\nimport sys\n"
        "print('QT-MODULES:' + ','.join(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    last_line = result.stdout.strip().splitlines()[-1]
    assert last_line.startswith("QT-MODULES:")
    return [m for m in last_line.removeprefix("QT-MODULES:").split(",") if m]


def test_core_packages_do_not_import_qt() -> None:
    imports = "\n".join(f"import {name}" for name in CORE_MODULES)
    assert _qt_modules_after(imports) == []


def test_every_core_module_is_listed_or_imported() -> None:
    """Every module under models/, services/, printing/ and commands/ (sub-packages too) is Qt-free."""
    root = Path(__file__).resolve().parents[2] / "mentordesk"
    modules = []
    for package in ("models", "services", "printing", "commands"):
        for path in sorted((root / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            parts = path.relative_to(root.parent).with_suffix("").parts
            modules.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    assert "mentordesk.services.flash.match" in modules and "mentordesk.services.importing" in modules
    assert _qt_modules_after("\n".join(f"import {m}" for m in modules)) == []


def test_headless_commands_do_not_import_qt(tmp_path: Path) -> None:
    event = tmp_path / "e.mentordesk"
    code = (
        "from mentordesk.cli import main\n"
        f"assert main(['demo', '--event', {str(event)!r}]) == 0\n"
        f"assert main(['people', '--event', {str(event)!r}, '--json']) == 0\n"
    )
    assert _qt_modules_after(code) == []
