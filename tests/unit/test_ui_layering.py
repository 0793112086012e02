"""The shared floor imports no screen, and no screen imports another (STYLE.md, rule 12).

``ui/widgets/`` and ``ui/itemmodels/`` hold what several screens use; each other package under
``ui/`` is a screen. The imports are read with ``ast`` rather than by importing the modules, so
every import counts: inside a function, under ``TYPE_CHECKING``, or relative.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import mentordesk

UI = Path(mentordesk.__file__).parent / "ui"
SHARED_FLOOR = frozenset({"widgets", "itemmodels"})


def _screens() -> frozenset[str]:
    return frozenset(
        path.name for path in UI.iterdir() if (path / "__init__.py").is_file() and path.name not in SHARED_FLOOR
    )


def _module_name(path: Path) -> str:
    parts = path.relative_to(UI.parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported(tree: ast.AST, module: str, is_package: bool) -> Iterator[tuple[ast.stmt, str]]:
    """(statement, dotted name) of everything the module imports, relative imports made absolute."""
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base]) if base else ".".join(anchor)
            # "from mentordesk.ui import checkin" imports the package named after "import".
            for alias in node.names:
                yield node, f"{base}.{alias.name}"


def _screen_of(name: str, screens: frozenset[str]) -> str | None:
    parts = name.split(".")
    if len(parts) >= 3 and parts[:2] == ["mentordesk", "ui"] and parts[2] in screens:
        return parts[2]
    return None


def layering_violations() -> list[str]:
    screens = _screens()
    found: list[str] = []
    for path in sorted(UI.rglob("*.py")):
        inside = path.relative_to(UI).parts
        if len(inside) < 2:
            continue  # ui/main_window.py, ui/workspace.py …: above the screens, they may use them
        owner = inside[0]
        module = _module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for statement, name in _imported(tree, module, path.name == "__init__.py"):
            target = _screen_of(name, screens)
            if target is None or target == owner:
                continue
            where = f"{path.relative_to(UI.parent.parent)}:{statement.lineno}: {ast.unparse(statement)}"
            if owner in SHARED_FLOOR:
                found.append(f"{where} (ui/{owner} is the shared floor: it must not import the {target} screen)")
            else:
                found.append(f"{where} (the {owner} screen must not import the {target} screen)")
    return found


def test_the_screens_are_found() -> None:
    assert {"checkin", "flash", "groups", "people", "exports", "overview"} <= _screens()
    assert not SHARED_FLOOR & _screens()


def test_no_shared_module_imports_a_screen_and_no_screen_imports_another() -> None:
    violations = layering_violations()
    assert not violations, "Imports across the UI layers (STYLE.md rule 12):\n" + "\n".join(violations)


def test_the_check_sees_every_kind_of_import() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "from mentordesk.ui.groups.labels import KIND_LABELS\n"
        "import mentordesk.ui.people.page\n"
        "from mentordesk.ui import exports\n"
        "from ...checkin import scan_field\n"
        "if TYPE_CHECKING:\n"
        "    from mentordesk.ui.flash.page import FlashPage\n"
        "def later():\n"
        "    from mentordesk.ui.overview.page import OverviewPage\n"
    )
    imported = [name for _, name in _imported(ast.parse(source), "mentordesk.ui.widgets.sub.example", False)]
    screens = _screens()
    assert [_screen_of(name, screens) for name in imported if _screen_of(name, screens)] == [
        "groups", "people", "exports", "checkin", "flash", "overview"
    ]
