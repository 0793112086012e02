"""The welcome screen: its buttons and the recent events list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mentordesk.models.store import EventStore
from mentordesk.ui.main_window import MainWindow


def test_enter_on_a_recent_event_opens_it(window: MainWindow, store: EventStore, qtbot: QtBot) -> None:
    window.open_event(store.path)  # type: ignore[arg-type]
    window.close_event()
    recent = window.welcome.recent_list
    assert recent.count() == 1
    assert recent.currentRow() == 0
    assert store.path is not None and store.path.name in recent.item(0).text()

    recent.setFocus()
    qtbot.keyClick(recent, Qt.Key.Key_Return)

    assert window.store is not None and window.store.path == store.path


def test_empty_recent_list_says_what_will_appear(window: MainWindow) -> None:
    assert not window.welcome.recent_list.isVisibleTo(window.welcome)
    assert window.welcome.recent_empty_label.isVisibleTo(window.welcome)


def test_buttons_start_the_file_actions(window: MainWindow, qtbot: QtBot) -> None:
    window.welcome.open_button.click()
    chooser = window.dialog
    assert chooser is not None and chooser.isVisible()
    assert "MentorDesk events (*.mentordesk)" in chooser.nameFilters()  # type: ignore[attr-defined]
    chooser.reject()  # type: ignore[attr-defined]

    window.welcome.new_button.click()
    dialog = window.dialog
    assert dialog is not None and dialog.isVisible() and dialog.windowTitle() == "New event"
    dialog.reject()  # type: ignore[attr-defined]
