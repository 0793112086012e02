"""Recent events are listed by the event's name, with the file as detail; the name is remembered
when the event is open (and renamed), never read by opening the file again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mentordesk.models.store import EventStore
from mentordesk.services.demo import DEMO_EVENT_NAME
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.ui_state import RecentEvent, UiState
from mentordesk.ui.widgets.bidi import isolate


def test_names_are_remembered_with_the_files_and_survive_a_restart(tmp_path: Path) -> None:
    first, second = tmp_path / "first.mentordesk", tmp_path / "second.mentordesk"
    state = UiState()
    state.add_recent_file(first, name="Printemps, Mentors & Co — Ἀθῆναι")
    state.add_recent_file(second)
    assert UiState().recent_events() == [RecentEvent(second, ""),
                                         RecentEvent(first, "Printemps, Mentors & Co — Ἀθῆναι")]
    state.set_event_name(second, "Second")
    state.set_event_name(tmp_path / "not-listed.mentordesk", "Ignored")
    assert [r.name for r in UiState().recent_events()] == ["Second", "Printemps, Mentors & Co — Ἀθῆναι"]
    # A file taken off the list takes its name with it.
    state.remove_recent_file(first)
    state.add_recent_file(first)
    assert UiState().recent_events()[0] == RecentEvent(first, "")


def _menu_texts(window: MainWindow) -> list[str]:
    return [action.text() for action in window.recent_menu.file_actions()]


def _welcome_items(window: MainWindow) -> list[tuple[str, str]]:
    items = [window.welcome.recent_list.item(i) for i in range(window.welcome.recent_list.count())]
    return [(item.text(), item.toolTip()) for item in items]


def test_the_menu_and_the_welcome_screen_name_the_event(
    window: MainWindow, demo_store: EventStore, store: EventStore, qtbot: QtBot
) -> None:
    demo_path, other_path = demo_store.path, store.path
    assert demo_path is not None and other_path is not None
    window.open_event(other_path)
    qtbot.waitUntil(lambda: window.windowTitle() == "Spring Flash Mentoring — MentorDesk", timeout=20_000)
    window.open_event(demo_path)
    demo_line = f"&1 {isolate(DEMO_EVENT_NAME)} — {isolate('demo.mentordesk')}"
    qtbot.waitUntil(lambda: _menu_texts(window)[:1] == [demo_line], timeout=20_000)
    assert _menu_texts(window)[1] == f"&2 {isolate('Spring Flash Mentoring')} — {isolate(other_path.name)}"

    # Renamed on the Overview: the lists follow.
    overview = window.workspace.overview
    window.workspace.show_page(0)
    qtbot.waitUntil(lambda: overview.details is not None, timeout=20_000)
    overview.name_edit.clear()
    qtbot.keyClicks(overview.name_edit, "Harbour & Co Summit")
    qtbot.mouseClick(overview.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _menu_texts(window)[:1] == [f"&1 {isolate('Harbour && Co Summit')} — "
                                                        f"{isolate('demo.mentordesk')}"], timeout=20_000)

    window.close_event()
    assert _welcome_items(window)[:2] == [
        (f"Harbour & Co Summit\n{demo_path}", str(demo_path)),
        (f"Spring Flash Mentoring\n{other_path}", str(other_path)),
    ]


def test_a_file_never_seen_open_is_listed_by_its_file_name(window: MainWindow, tmp_path: Path) -> None:
    missing = tmp_path / "gone.mentordesk"
    window.ui_state.add_recent_file(missing)
    window.close_event()
    window._refresh_recent_files()
    assert _menu_texts(window) == ["&1 gone.mentordesk (not found)"]
    assert _welcome_items(window) == [(f"gone.mentordesk\n{tmp_path}  — file not found", str(missing))]
