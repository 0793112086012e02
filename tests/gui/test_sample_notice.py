"""The demo says it is sample data, and its button starts a real event (issue 14, item 16)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mentordesk.models.store import EventStore
from mentordesk.services import events
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.new_event_dialog import NewEventDialog


def test_the_demo_is_marked_as_sample_data_and_a_new_event_is_not(demo_store: EventStore, store: EventStore) -> None:
    with demo_store.session() as session:
        assert events.get_details(session, demo_store.event_id).sample
    with store.session() as session:
        assert not events.get_details(session, store.event_id).sample


def test_the_demo_shows_the_sample_notice_and_its_button_starts_a_new_event(
    window: MainWindow, demo_store: EventStore, qtbot: QtBot
) -> None:
    notice = window.workspace.sample_notice
    window.open_event(demo_store.path)  # type: ignore[arg-type]
    qtbot.waitUntil(notice.isVisible, timeout=10_000)
    assert "sample data" in notice.title_label.text()
    assert "File ▸ New event…" in notice.message_label.text()

    qtbot.mouseClick(notice.new_event_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(window.dialog, NewEventDialog) and window.dialog.isVisible(), timeout=10_000)
    window.dialog.reject()


def test_hide_puts_the_notice_away_until_another_event_is_opened(
    window: MainWindow, demo_store: EventStore, store: EventStore, qtbot: QtBot
) -> None:
    notice = window.workspace.sample_notice
    window.open_event(demo_store.path)  # type: ignore[arg-type]
    qtbot.waitUntil(notice.isVisible, timeout=10_000)
    qtbot.mouseClick(notice.hide_button, Qt.MouseButton.LeftButton)
    assert not notice.isVisible()
    with demo_store.session() as session:  # renamed elsewhere: the details are read again
        events.update_details(session, demo_store.event_id, name="Renamed demo", starts_on=None)
    with qtbot.waitSignal(window.workspace.overview.details_changed, timeout=10_000):
        window.workspace.overview.refresh()
    assert not notice.isVisible()

    window.open_event(store.path)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: window.workspace.overview.name_edit.text() == "Spring Flash Mentoring", timeout=10_000)
    assert not notice.isVisible()
    window.open_event(demo_store.path)  # type: ignore[arg-type]
    qtbot.waitUntil(notice.isVisible, timeout=10_000)
