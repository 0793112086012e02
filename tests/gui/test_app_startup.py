"""Start-up: which event the app opens, and the start-up probe the benchmark uses."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mentordesk import paths
from mentordesk.app import PROBE_LINE, FileOpenHandler, open_startup_event, startup_target
from mentordesk.models.store import EventStore
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.ui_state import UiState


@pytest.fixture
def fresh_window(qtbot: QtBot) -> Iterator[MainWindow]:
    """A main window made after the test has prepared the UI state (not shown, like at start-up)."""
    made: list[MainWindow] = []

    def make() -> MainWindow:
        window = MainWindow()
        qtbot.addWidget(window)
        made.append(window)
        return window

    yield make  # type: ignore[misc]
    for window in made:
        window.close()


def test_the_named_event_wins(tmp_path: Path) -> None:
    present = tmp_path / "present.mentordesk"
    present.write_bytes(b"")
    assert startup_target("postgresql://desk/event", [present]) == "postgresql://desk/event"
    assert startup_target(None, [tmp_path / "gone.mentordesk", present]) == present
    assert startup_target(None, [tmp_path / "gone.mentordesk"]) is None


def test_without_history_the_demo_event_is_created_and_opened(fresh_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = fresh_window()
    assert open_startup_event(window, None)
    assert window.store is not None
    assert window.store.path == paths.demo_event_path().resolve()
    title = "Harbour Tech Summit — Flash Mentoring — MentorDesk"
    qtbot.waitUntil(lambda: window.windowTitle() == title, timeout=20_000)  # it follows the first read


def test_the_most_recent_event_is_reopened(fresh_window, store: EventStore) -> None:  # type: ignore[no-untyped-def]
    UiState().add_recent_file(store.path)  # type: ignore[arg-type]
    window = fresh_window()
    open_startup_event(window, None)
    assert window.store is not None and window.store.path == store.path
    assert not paths.demo_event_path().exists()


def test_a_damaged_startup_event_leaves_the_welcome_screen_with_the_reason(fresh_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    damaged = tmp_path / "demo.mentordesk"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 300)
    window = fresh_window()
    assert not open_startup_event(window, str(damaged))
    assert window.screens.currentWidget() is window.welcome
    assert "demo.mentordesk is damaged" in window.welcome.error_text


def test_a_file_handed_over_by_the_system_is_opened(fresh_window, event_path: Path, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    """macOS's Finder sends a double-clicked event file as a QFileOpenEvent, not an argument."""
    EventStore.create(event_path, name="Finder Event").close()
    window = fresh_window()
    app = QApplication.instance()
    handler = FileOpenHandler(window)
    app.installEventFilter(handler)
    try:
        QApplication.sendEvent(app, QFileOpenEvent(str(event_path)))
    finally:
        app.removeEventFilter(handler)
    assert window.store is not None and window.store.path == event_path.resolve()
    qtbot.waitUntil(lambda: window.windowTitle().startswith("Finder Event"), timeout=20_000)  # after the first read


def test_startup_probe_prints_after_the_first_paint_and_exits(tmp_path: Path, mentordesk_home: Path) -> None:
    event = tmp_path / "probe.mentordesk"
    EventStore.create(event, name="Probe").close()
    env = dict(os.environ, MENTORDESK_STARTUP_PROBE="1", QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", f"from mentordesk.app import run; raise SystemExit(run({str(event)!r}))"],
        env=env, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [PROBE_LINE]
    # The run was recorded like any other: the event is now the most recent file.
    assert UiState().recent_files() == [event.resolve()]
