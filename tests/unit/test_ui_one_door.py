"""Screens reach the event only through the operations layer (STYLE.md rule 11, ui/operations.py).

Every session a screen opened itself used to bring its own error policy and ran on the UI thread;
this test keeps new ones out: outside ``ui/operations.py`` no module under ``mentordesk/ui`` opens
a session, touches the engine, or makes a sessionmaker.
"""

from __future__ import annotations

import ast
from pathlib import Path

import mentordesk

UI = Path(mentordesk.__file__).parent / "ui"
THE_DOOR = UI / "operations.py"
#: Attribute calls that open a way into the database.
FORBIDDEN_CALLS = {"session", "read_session", "raw_connection"}
#: Attributes and names whose mere use in a screen means it went around the door.
FORBIDDEN_NAMES = {"engine", "sessionmaker", "Session"}


def _trespasses(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[str] = []
    for node in ast.walk(tree):
        where = f"{path.relative_to(UI.parent)}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in FORBIDDEN_CALLS:
            found.append(f"{where} calls .{node.func.attr}()")
        elif isinstance(node, ast.Attribute) and node.attr in FORBIDDEN_NAMES:
            found.append(f"{where} uses .{node.attr}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FORBIDDEN_NAMES:
            found.append(f"{where} calls {node.func.id}()")
    return found


def test_no_screen_opens_a_session_of_its_own() -> None:
    trespasses = [line for path in sorted(UI.rglob("*.py")) if path != THE_DOOR for line in _trespasses(path)]
    assert trespasses == [], "use ui/operations.py (Operations.query / .change) instead:\n" + "\n".join(trespasses)


def test_the_check_sees_a_session_opened_by_a_screen(tmp_path: Path) -> None:
    screen = UI / "_probe_screen.py"
    sample = tmp_path / "screen.py"
    sample.write_text("def save(store):\n    with store.session() as s:\n        s.add(1)\n", encoding="utf-8")
    # Parsed as if it lived in ui/: the check must flag it.
    tree_text = sample.read_text(encoding="utf-8")
    assert "store.session()" in tree_text
    found = _trespasses_of_text(tree_text, screen)
    assert found == ["ui/_probe_screen.py:2 calls .session()"]


def _trespasses_of_text(text: str, path: Path) -> list[str]:
    probe = path
    probe.write_text(text, encoding="utf-8")
    try:
        return _trespasses(probe)
    finally:
        probe.unlink()
