"""Unsaved edits on the Overview are asked about — Save, Discard or Keep editing — before the
window closes or the event is closed or replaced; each answer is given with a click on the box."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from mentordesk.models.store import EventStore
from mentordesk.services import events
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.overview.page import OverviewPage
from mentordesk.ui.widgets.unsaved_changes import BOX_NAME

SAVE = QMessageBox.StandardButton.Save
DISCARD = QMessageBox.StandardButton.Discard
CANCEL = QMessageBox.StandardButton.Cancel


@pytest.fixture
def overview(window: MainWindow, store: EventStore, qtbot: QtBot) -> OverviewPage:
    window.open_event(store.path)  # type: ignore[arg-type]
    window.workspace.show_page(0)
    page = window.workspace.overview
    qtbot.waitUntil(lambda: page.details is not None, timeout=20_000)
    qtbot.keyClicks(page.venue_edit, "Hall B")
    assert page.is_dirty
    return page


def _answer(qtbot: QtBot, button: QMessageBox.StandardButton, asked: list[str]) -> None:
    """Click ``button`` on the box once it is up (it blocks whoever asked, so the click is queued)."""

    def click() -> None:
        (box,) = [w for w in QApplication.topLevelWidgets() if w.objectName() == BOX_NAME and w.isVisible()]
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        assert [box.button(b).text() for b in (SAVE, DISCARD, CANCEL)] == [
            "&Save changes", "&Discard changes", "&Keep editing"]
        qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


def _venue_on_disk(path: Path) -> str:
    with EventStore.open(path) as other, other.read_session() as session:
        return events.get_details(session, other.event_id).venue


def test_keep_editing_keeps_the_window_and_what_was_typed(
    window: MainWindow, overview: OverviewPage, store: EventStore, qtbot: QtBot
) -> None:
    asked: list[str] = []
    _answer(qtbot, CANCEL, asked)
    assert not window.close()
    assert asked == ["Save the changes to the event’s details?"]
    assert window.isVisible() and window.store is not None
    assert overview.venue_edit.text() == "Hall B" and overview.is_dirty


def test_discard_closes_the_window_without_saving(
    window: MainWindow, overview: OverviewPage, store: EventStore, qtbot: QtBot
) -> None:
    path = store.path
    asked: list[str] = []
    _answer(qtbot, DISCARD, asked)
    assert window.close()
    assert asked and not window.isVisible()
    assert _venue_on_disk(path) == ""  # type: ignore[arg-type]


def test_save_writes_the_edits_then_closes_the_window(
    window: MainWindow, overview: OverviewPage, store: EventStore, qtbot: QtBot
) -> None:
    path = store.path
    asked: list[str] = []
    _answer(qtbot, SAVE, asked)
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=20_000)
    assert asked and window.store is None
    assert _venue_on_disk(path) == "Hall B"  # type: ignore[arg-type]


def test_a_refused_save_keeps_the_window_open_with_the_reason(
    window: MainWindow, overview: OverviewPage, qtbot: QtBot
) -> None:
    overview.name_edit.clear()
    asked: list[str] = []
    _answer(qtbot, SAVE, asked)
    assert not window.close()
    qtbot.waitUntil(lambda: overview.error_label.text() == "The event needs a name.", timeout=20_000)
    assert window.isVisible() and window.store is not None and overview.save_button.isEnabled()


def test_opening_another_event_asks_first(
    window: MainWindow, overview: OverviewPage, store: EventStore, qtbot: QtBot, tmp_path: Path
) -> None:
    other_path = tmp_path / "other.mentordesk"
    EventStore.create(other_path, name="Autumn Flash Mentoring").close()
    first = window.store
    asked: list[str] = []
    _answer(qtbot, CANCEL, asked)
    assert not window.open_event(other_path)
    assert asked and window.store is first and overview.venue_edit.text() == "Hall B"

    _answer(qtbot, SAVE, asked)
    window.open_event(other_path)
    qtbot.waitUntil(lambda: window.store is not None and window.store.path == other_path.resolve(), timeout=20_000)
    assert _venue_on_disk(store.path) == "Hall B"  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: window.windowTitle() == "Autumn Flash Mentoring — MentorDesk", timeout=20_000)


def test_closing_the_event_asks_first(window: MainWindow, overview: OverviewPage, qtbot: QtBot) -> None:
    asked: list[str] = []
    _answer(qtbot, DISCARD, asked)
    window.close_event()
    assert asked and window.store is None
    assert window.screens.currentWidget() is window.welcome
