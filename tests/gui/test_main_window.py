"""The main window: opening, creating, closing and copying events; pages; title; recent files."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from focus_helpers import activate
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mentordesk import paths
from mentordesk.models.store import EventStore
from mentordesk.services import events
from mentordesk.ui.main_window import MainWindow, first_window_size
from mentordesk.ui.new_event_dialog import NewEventDialog, NewEventValues
from mentordesk.ui.workspace import PAGE_ENTRIES, page_classes


def test_starts_on_the_welcome_screen_titled_mentordesk(window: MainWindow) -> None:
    assert window.screens.currentWidget() is window.welcome
    assert window.windowTitle() == "MentorDesk"
    assert not window.close_action.isEnabled()
    assert not window.save_copy_action.isEnabled()


def test_open_event_shows_its_name_in_the_title_and_every_page(
    window: MainWindow, demo_store: EventStore, qtbot: QtBot
) -> None:
    assert demo_store.path is not None
    assert window.open_event(demo_store.path)

    assert window.screens.currentWidget() is window.workspace
    title = "Harbour Tech Summit — Flash Mentoring — MentorDesk"
    qtbot.waitUntil(lambda: window.windowTitle() == title, timeout=20_000)  # it follows the first read
    titles = []
    for index, page_class in enumerate(page_classes()):
        window.workspace.sidebar.setCurrentRow(index)
        page = window.workspace.current_page
        assert isinstance(page, page_class)
        assert page.isVisible()
        assert page.is_active
        titles.append(page.header.title_label.text())
    assert titles == ["Overview", "People", "Check-in", "Flash rounds", "Groups", "Print & export"]
    # Only the visible page polls the event.
    assert [page.is_active for page in window.workspace.pages] == [False] * 5 + [True]


def test_ctrl_number_switches_pages(window: MainWindow, store: EventStore, qtbot: QtBot) -> None:
    window.open_event(store.path)  # type: ignore[arg-type]
    # Window shortcuts fire only in the active window; on a loaded machine activation can lag.
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.workspace.current_index == 2
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.workspace.current_index == 1
    assert window.page_actions.actions()[1].isChecked()


def test_close_event_goes_back_to_the_welcome_screen(window: MainWindow, store: EventStore) -> None:
    window.open_event(store.path)  # type: ignore[arg-type]
    window.close_action.trigger()
    assert window.store is None
    assert window.screens.currentWidget() is window.welcome
    assert window.windowTitle() == "MentorDesk"
    assert not window.close_action.isEnabled()
    assert all(page.store is None for page in window.workspace.pages)
    assert window.welcome.recent_list.count() == 1


def test_recent_files_are_remembered_across_windows(
    qtbot: QtBot, tmp_path: Path, store: EventStore, demo_store: EventStore
) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    first.open_event(store.path)  # type: ignore[arg-type]
    first.open_event(demo_store.path)  # type: ignore[arg-type]
    first.close()

    second = MainWindow()
    qtbot.addWidget(second)
    assert second.ui_state.recent_files() == [demo_store.path, store.path]
    assert [a.toolTip() for a in second.recent_menu.file_actions()] == [str(demo_store.path), str(store.path)]
    assert second.welcome.recent_list.count() == 2

    second.recent_menu.file_actions()[1].trigger()
    assert second.store is not None and second.store.path == store.path
    second.close()


def test_missing_recent_files_are_greyed_out_and_the_list_can_be_cleared(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    gone = tmp_path / "gone.mentordesk"
    EventStore.create(gone, name="Gone").close()
    window.open_event(gone)
    window.close_event()
    gone.unlink()
    window.recent_menu.aboutToShow.emit()
    (action,) = window.recent_menu.file_actions()
    assert not action.isEnabled()
    assert "not found" in action.text()
    assert not window.welcome.recent_list.item(0).flags() & Qt.ItemFlag.ItemIsEnabled

    window.recent_menu.clear_action.trigger()
    assert window.recent_menu.file_actions() == []
    assert window.ui_state.recent_files() == []
    assert not window.recent_menu.menuAction().isEnabled()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"SQLite format 3\x00" + b"\x00" * 500, "is damaged"),
        (b"name,email\nAda,ada@example.org\n", "is not a MentorDesk event file"),
    ],
    ids=["damaged", "foreign"],
)
def test_a_file_that_cannot_be_opened_is_explained_and_left_untouched(
    window: MainWindow, tmp_path: Path, content: bytes, expected: str
) -> None:
    bad = tmp_path / "broken.mentordesk"
    bad.write_bytes(content)

    assert not window.open_event(bad)

    assert window.screens.currentWidget() is window.welcome
    assert window.welcome.error_label.isVisible()
    assert expected in window.welcome.error_text
    assert "broken.mentordesk" in window.welcome.error_text
    assert bad.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("broken")) == ["broken.mentordesk"]


def test_a_foreign_sqlite_database_is_refused_byte_for_byte(window: MainWindow, tmp_path: Path) -> None:
    other = tmp_path / "other.mentordesk"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
        conn.execute("INSERT INTO notes VALUES ('hello')")
    conn.close()
    before = other.read_bytes()

    assert not window.open_event(other)

    assert "not a MentorDesk event file" in window.welcome.error_text
    assert other.read_bytes() == before


def test_a_failed_open_keeps_the_open_event_and_says_why(
    window: MainWindow, store: EventStore, tmp_path: Path, qtbot: QtBot
) -> None:
    window.open_event(store.path)  # type: ignore[arg-type]
    assert not window.open_event(tmp_path / "nowhere.mentordesk")

    assert window.store is not None and window.store.path == store.path
    box = window.dialog
    assert isinstance(box, QMessageBox)
    assert box.isVisible()
    assert "there is no event file" in box.text()
    box.close()
    assert window.screens.currentWidget() is window.workspace


def test_error_on_the_welcome_screen_is_cleared_by_a_successful_open(
    window: MainWindow, store: EventStore, tmp_path: Path
) -> None:
    window.open_event(tmp_path / "nowhere.mentordesk")
    assert window.welcome.error_text
    window.open_event(store.path)  # type: ignore[arg-type]
    window.close_event()
    assert window.welcome.error_text == ""


def test_opening_the_open_file_again_changes_nothing(window: MainWindow, store: EventStore) -> None:
    window.open_event(store.path)  # type: ignore[arg-type]
    opened = window.store
    assert window.open_event(store.path)  # type: ignore[arg-type]
    assert window.store is opened


def test_open_the_demo_event_creates_it_on_first_use(window: MainWindow) -> None:
    assert not paths.demo_event_path().exists()
    window.welcome.demo_button.click()
    assert paths.demo_event_path().is_file()
    assert window.store is not None
    assert window.workspace.people.store is window.store


def test_create_event_makes_a_file_and_opens_it(window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    target = tmp_path / "events" / "Autumn Circle.mentordesk"
    window.create_event(NewEventValues("Autumn  Circle", date(2026, 10, 3), "Room 4", target))

    qtbot.waitUntil(lambda: window.windowTitle() == "Autumn Circle — MentorDesk", timeout=20_000)
    window.close_event()
    with EventStore.open(target) as reopened, reopened.read_session() as session:
        details = events.get_details(session, reopened.event_id)
    assert (details.name, details.starts_on, details.venue) == ("Autumn Circle", date(2026, 10, 3), "Room 4")


def test_new_event_dialog_proposes_a_file_in_the_events_folder(window: MainWindow, qtbot: QtBot) -> None:
    window.new_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, NewEventDialog)
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.name_edit, "Spring: Flash/Mentoring")
    values = dialog.values()
    assert values.path == paths.events_dir() / "Spring Flash Mentoring.mentordesk"

    dialog.path_edit.setText(str(paths.events_dir() / "custom"))
    dialog.path_edit.textEdited.emit(dialog.path_edit.text())
    assert dialog.values().path.name == "custom.mentordesk"

    dialog.create_button.click()
    assert not dialog.isVisible()
    assert window.store is not None
    assert window.store.path == (paths.events_dir() / "custom.mentordesk").resolve()
    qtbot.waitUntil(lambda: window.windowTitle() == "Spring: Flash/Mentoring — MentorDesk", timeout=20_000)


def test_new_event_dialog_refuses_an_existing_file(window: MainWindow, store: EventStore, qtbot: QtBot) -> None:
    before = store.path.read_bytes()  # type: ignore[union-attr]
    window.new_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, NewEventDialog)
    qtbot.keyClicks(dialog.name_edit, "Another")
    dialog.path_edit.setText(str(store.path))
    dialog.path_edit.textEdited.emit(str(store.path))

    dialog.create_button.click()

    assert dialog.isVisible()
    assert "already exists" in dialog.error_label.text()
    assert window.store is None
    assert store.path.read_bytes() == before  # type: ignore[union-attr]
    dialog.reject()


def test_save_a_copy_in_the_background_gives_a_file_that_opens(
    window: MainWindow, demo_store: EventStore, tmp_path: Path, qtbot: QtBot
) -> None:
    window.open_event(demo_store.path)  # type: ignore[arg-type]
    progress: list[float] = []
    copy = tmp_path / "copies" / "backup"

    task = window.save_copy_to(copy)
    assert task is not None
    task.progressed.connect(progress.append)
    assert not window.save_copy_action.isEnabled()
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass

    saved = tmp_path / "copies" / "backup.mentordesk"
    assert "Saved a copy" in window.statusBar().currentMessage()
    assert str(saved) in window.statusBar().currentMessage()
    assert window.save_copy_action.isEnabled()
    assert not window.progress_bar.isVisible()
    with demo_store.read_session() as session:
        expected = events.counts(session, demo_store.event_id)
    with EventStore.open(saved) as copied, copied.read_session() as session:
        assert events.counts(session, copied.event_id) == expected


def test_save_a_copy_onto_the_open_file_is_refused(window: MainWindow, store: EventStore, qtbot: QtBot) -> None:
    window.open_event(store.path)  # type: ignore[arg-type]
    task = window.save_copy_to(store.path)  # type: ignore[arg-type]
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    box = window.dialog
    assert isinstance(box, QMessageBox)
    assert "the open event file" in box.text()
    box.close()


def test_about_box_shows_the_version(window: MainWindow) -> None:
    from mentordesk import __version__

    window.about_action.trigger()
    box = window.dialog
    assert isinstance(box, QMessageBox)
    assert __version__ in box.text()
    box.close()


def test_window_geometry_is_restored(qtbot: QtBot) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    # Smaller than the offscreen platform's 800×600 screen, which restoreGeometry respects.
    first.resize(780, 530)
    first.show()
    qtbot.waitExposed(first)
    first.close()

    second = MainWindow()
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (780, 530)


def test_default_size_fits_the_screen(window: MainWindow) -> None:
    from mentordesk.ui.ui_state import DEFAULT_SIZE

    available = window.screen().availableGeometry()
    assert window.frameGeometry().width() <= available.width()
    assert window.frameGeometry().height() <= available.height()
    # The default itself leaves room on a 1280×720 screen for window frame and a panel.
    assert DEFAULT_SIZE[0] <= 1280 - 40 and DEFAULT_SIZE[1] <= 720 - 40
    # On a larger screen the first window takes a good share of it, centred (issue 14, item 11:
    # it opened at 1180×680 on 1920×1080).
    assert first_window_size(1920, 1040) == (1536, 832)
    assert first_window_size(1280, 680) == (1180, 626)  # the default, within the screen
    assert (window.width(), window.height()) == first_window_size(available.width(), available.height())
    assert abs(window.frameGeometry().center().x() - available.center().x()) <= 2


def test_pages_beyond_the_door_are_built_on_first_use_with_the_open_event(
    window: MainWindow, store: EventStore, qtbot: QtBot
) -> None:
    """Flash, Groups and Print & export wait until shown (or until the app is idle after start-up)."""
    workspace = window.workspace
    window.open_event(store.path)  # type: ignore[arg-type]
    assert workspace._built[3:] == [None, None, None]
    assert [entry.title for entry in PAGE_ENTRIES] == [cls.title for cls in page_classes()]
    assert [entry.key for entry in PAGE_ENTRIES] == [cls.key for cls in page_classes()]
    workspace.show_page(workspace.index_of("groups"))
    groups = workspace.current_page
    assert groups.title == "Groups" and groups.store is window.store
    assert groups.isVisible() and groups.is_active
    assert workspace.stack.currentWidget() is groups
    workspace._build_remaining_pages()
    qtbot.waitUntil(lambda: all(page is not None for page in workspace._built))
    assert all(page is not None for page in workspace._built)
    assert workspace.stack.currentWidget() is groups


def test_new_event_dialog_says_in_plain_words_why_the_file_cannot_be_made(window: MainWindow, tmp_path: Path,
                                                                          qtbot: QtBot) -> None:
    # Issue 14, item 8: "Something went wrong: FileNotFoundError…" — now the dialog says why, and stays.
    a_file = tmp_path / "hostname"
    a_file.write_text("x")
    window.new_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, NewEventDialog)
    qtbot.keyClicks(dialog.name_edit, "Spring")
    target = str(a_file / "spring.mentordesk")
    dialog.path_edit.setText(target)
    dialog.path_edit.textEdited.emit(target)

    dialog.create_button.click()

    assert dialog.isVisible() and window.store is None
    assert dialog.error_label.text() == (f"Cannot create spring.mentordesk: {a_file} is a file, not a folder; "
                                         "choose a folder.")
    dialog.reject()
