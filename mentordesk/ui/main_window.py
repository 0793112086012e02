"""The main window: menus, the welcome screen or the open event's workspace, and file handling.

Every file operation has a method that does the work without a dialog (``open_event``,
``create_event``, ``save_copy_to``, ``close_event``); the menu actions only show a non-blocking
dialog and call those methods with the answer. Tests call the methods directly.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mentordesk import APP_NAME, EVENT_SUFFIX, __version__, paths
from mentordesk.models.store import EventFileError, EventStore, is_url
from mentordesk.services.events import EventDetails
from mentordesk.ui import errors, operations, style
from mentordesk.ui.new_event_dialog import FILE_FILTER, NewEventDialog, NewEventValues, with_event_suffix
from mentordesk.ui.recent_menu import RecentFilesMenu
from mentordesk.ui.tasks import Task, TaskManager
from mentordesk.ui.ui_state import DEFAULT_SIZE, MINIMUM_SIZE, UiState
from mentordesk.ui.welcome import WelcomeScreen
from mentordesk.ui.widgets import focus_ring
from mentordesk.ui.widgets.naming import named
from mentordesk.ui.widgets.problem_banner import ProblemBanner
from mentordesk.ui.workspace import PAGE_ENTRIES, Workspace

log = logging.getLogger(__name__)

STATUS_MESSAGE_MS = 8_000
#: The share of the screen the window takes when it opens for the first time.
FIRST_RUN_SHARE = 0.8
OPEN_FILTERS = f"{FILE_FILTER};;All files (*)"


class MainWindow(QMainWindow):
    #: The open event changed: the new store, or None when the event was closed.
    event_changed = Signal(object)

    def __init__(self, ui_state: UiState | None = None, tasks: TaskManager | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.ui_state = ui_state or UiState()
        self.tasks = tasks or TaskManager(parent=self)
        self.store: EventStore | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.focus_ring = focus_ring.install(app)
        self.last_error: str | None = None
        #: The latest non-blocking dialog or message box, so tests can find and answer it.
        self.dialog: QWidget | None = None
        self._save_copy_task: Task | None = None
        #: The Preferences window while it is open.
        self.preferences: QWidget | None = None

        # Widgets are made inside their final parents, top down: with a stylesheet, moving a
        # finished widget tree to a new parent re-styles all of it (a tenth of a second here).
        central = named(QWidget(self), "centralArea")
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.problem_banner = ProblemBanner(central)
        self.screens = QStackedWidget(central)
        column.addWidget(self.problem_banner)
        column.addWidget(self.screens, 1)
        self.setCentralWidget(central)
        self.welcome = WelcomeScreen(self.screens)
        self.workspace = Workspace(self.tasks, self.screens)
        self.screens.addWidget(self.welcome)
        self.screens.addWidget(self.workspace)
        self.progress_bar = named(QProgressBar(), "taskProgress")
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setMaximumWidth(180)
        self.progress_bar.setMaximumHeight(14)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.hide()
        self.statusBar().addPermanentWidget(self.progress_bar)

        self._create_actions()
        self._create_menus()
        self._connect_signals()
        self._restore_window()
        self._refresh_recent_files()
        self._show_welcome()

    # ------------------------------------------------------------------ construction

    def _create_actions(self) -> None:
        def action(text: str, shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
                   tip: str = "") -> QAction:
            created = QAction(text, self)
            if shortcut is not None:
                created.setShortcut(QKeySequence(shortcut))
            if tip:
                created.setStatusTip(tip)
            return created

        keys = QKeySequence.StandardKey
        self.new_action = action("&New event…", keys.New, "Create a new event file")
        self.open_action = action("&Open…", keys.Open, "Open an event file")
        self.demo_action = action("Open the &demo event", None, "A sample event to try things out")
        self.import_action = action(
            "&Import people…", QKeySequence("Ctrl+I"), "Import people from a ticketing or form export"
        )
        self.save_copy_action = action("Save a &copy…", keys.SaveAs, "Write a copy of the open event to another file")
        self.close_action = action("&Close event", keys.Close, "Close the event and go back to the welcome screen")
        self.quit_action = action("&Quit", keys.Quit, f"Quit {APP_NAME}")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.about_action = action(f"&About {APP_NAME}", None, f"Version and credits of {APP_NAME}")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        # Edit ▸ Preferences… (Ctrl+, where the platform names no key); macOS moves it to the app menu.
        self.preferences_action = action("&Preferences…", None, "Station name, sounds, kiosk PIN, printing, folders")
        self.preferences_action.setShortcuts(QKeySequence.keyBindings(keys.Preferences) or [QKeySequence("Ctrl+,")])
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.page_actions = QActionGroup(self)
        self.page_actions.setExclusive(True)
        for number, entry in enumerate(PAGE_ENTRIES, start=1):
            page_action = action(entry.title, QKeySequence(f"Ctrl+{number}"), f"Show {entry.title}")
            page_action.setIcon(style.page_icon(entry.key))
            page_action.setCheckable(True)
            page_action.setData(number - 1)
            self.page_actions.addAction(page_action)
        self.page_actions.actions()[0].setChecked(True)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        self.recent_menu = RecentFilesMenu(file_menu)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.demo_action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.save_copy_action)
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addAction(self.preferences_action)
        self.view_menu = bar.addMenu("&View")
        self.view_menu.addActions(self.page_actions.actions())
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.about_action)

    def _connect_signals(self) -> None:
        self.new_action.triggered.connect(self._on_new_action_triggered)
        self.open_action.triggered.connect(self._on_open_action_triggered)
        self.demo_action.triggered.connect(self._on_demo_action_triggered)
        self.import_action.triggered.connect(self._on_import_action_triggered)
        self.save_copy_action.triggered.connect(self._on_save_copy_action_triggered)
        self.close_action.triggered.connect(self._on_close_action_triggered)
        self.quit_action.triggered.connect(self._on_quit_action_triggered)
        self.about_action.triggered.connect(self._on_about_action_triggered)
        self.preferences_action.triggered.connect(self.open_preferences)
        self.page_actions.triggered.connect(self._on_page_actions_triggered)
        self.recent_menu.file_chosen.connect(self._on_recent_menu_file_chosen)
        self.recent_menu.clear_requested.connect(self._on_recent_menu_clear_requested)
        self.recent_menu.aboutToShow.connect(self._on_recent_menu_about_to_show)
        self.welcome.new_event_requested.connect(self._on_new_action_triggered)
        self.welcome.open_event_requested.connect(self._on_open_action_triggered)
        self.welcome.demo_event_requested.connect(self._on_demo_action_triggered)
        self.welcome.recent_file_activated.connect(self._on_welcome_recent_file_activated)
        self.workspace.page_changed.connect(self._on_workspace_page_changed)
        self.workspace.sample_notice.new_event_requested.connect(self._on_new_action_triggered)
        self.workspace.overview.details_changed.connect(self._on_overview_details_changed)

    def _restore_window(self) -> None:
        self.setMinimumSize(QSize(*MINIMUM_SIZE))
        geometry = self.ui_state.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            width, height = DEFAULT_SIZE
            screen = QGuiApplication.primaryScreen()
            if screen is not None:
                # First run: a good share of the screen (1536×864 on 1920×1080, not a 1180×680
                # island), at least the default size, and never more than the screen.
                width, height = first_window_size(screen.availableGeometry().width(),
                                                  screen.availableGeometry().height())
            self.resize(QSize(width, height))
            if screen is not None:
                frame = self.frameGeometry()
                frame.moveCenter(screen.availableGeometry().center())
                self.move(frame.topLeft())
        state = self.ui_state.window_state()
        if state is not None:
            self.restoreState(state)
        self.workspace.show_page(self.ui_state.page())

    # ------------------------------------------------------------------ file operations

    def open_event(self, target: str | Path) -> bool:
        """Open an event file (or database URL); on failure show why and keep what was open."""
        if self.store is not None and self.store.path is not None and not is_url(target):
            if Path(target).expanduser().resolve() == self.store.path:
                self._show_status(f"{self.store.display_name} is already open.")
                return True
        if not self._may_leave_event(lambda: self.open_event(target)):
            return False
        try:
            store = EventStore.open(target)
        except EventFileError as exc:
            self._report_open_failure(str(exc))
            return False
        self._use_store(store)
        return True

    def open_demo_event(self) -> bool:
        """Open the demo event, creating it first when it does not exist yet."""
        path = paths.demo_event_path()
        if not path.exists():
            # Imported here: the demo generator is only needed the first time.
            from mentordesk.services.demo import create_demo_event

            try:
                create_demo_event(path)
            except EventFileError as exc:
                self._report_open_failure(str(exc))
                return False
        return self.open_event(path)

    def create_event(self, values: NewEventValues) -> EventStore:
        """Create a new event file and open it; raises EventFileError with a message for the user."""
        store = EventStore.create(values.path, name=values.name, starts_on=values.starts_on, venue=values.venue)
        self._use_store(store)
        if store.path is not None:
            self.ui_state.set_event_name(store.path, values.name)
            self._refresh_recent_files()
        return store

    def save_copy_to(self, destination: str | Path) -> Task | None:
        """Write a copy of the open event in the background; the status bar reports the outcome."""
        store = self.store
        if store is None:
            return None
        if store.path is None:
            self._show_message("A copy can only be saved from an event file, not from a database server.")
            return None
        dest = with_event_suffix(Path(destination).expanduser())
        self.save_copy_action.setEnabled(False)
        self.progress_bar.setValue(0)
        self.progress_bar.show()
        self._show_status(f"Saving a copy as {dest.name}…", timeout=0)
        self._save_copy_task = self.tasks.run(
            "Saving a copy",
            lambda report: store.save_copy(dest, progress=report),
            on_success=self._on_save_copy_task_succeeded,
            on_failure=self._on_save_copy_task_failed,
            on_progress=self._on_save_copy_task_progressed,
        )
        return self._save_copy_task

    def close_event(self) -> None:
        """Close the open event and show the welcome screen."""
        if self.store is None or not self._may_leave_event(self.close_event):
            return
        self.workspace.set_active(False)
        name = self.store.display_name
        self._release_store(self.store, replacement=None)
        self.store = None
        self.event_changed.emit(None)
        self._show_welcome()
        self._show_status(f"Closed {name}")

    # ------------------------------------------------------------------ slots

    def _on_new_action_triggered(self) -> None:
        if not self._may_leave_event(self._on_new_action_triggered):
            return
        dialog = NewEventDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.create_requested.connect(self._on_new_event_dialog_create_requested)
        self.dialog = dialog
        dialog.open()

    def _on_new_event_dialog_create_requested(self, values: NewEventValues) -> None:
        dialog = self.sender()
        try:
            self.create_event(values)
        except EventFileError as exc:
            # The dialog stays open with everything typed, and says what went wrong.
            if isinstance(dialog, NewEventDialog):
                dialog.show_error(_sentence(str(exc)))
            return
        if isinstance(dialog, NewEventDialog):
            dialog.accept()

    def _on_open_action_triggered(self) -> None:
        folder = self.store.path.parent if self.store and self.store.path else paths.events_dir()
        chooser = QFileDialog(self, "Open an event", str(folder if folder.is_dir() else Path.home()), OPEN_FILTERS)
        chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.fileSelected.connect(self._on_open_chooser_file_selected)
        self.dialog = chooser
        chooser.open()

    def _on_open_chooser_file_selected(self, file_name: str) -> None:
        if file_name:
            self.open_event(file_name)

    def _on_demo_action_triggered(self) -> None:
        self.open_demo_event()

    def _on_save_copy_action_triggered(self) -> None:
        if self.store is None or self.store.path is None:
            return
        suggested = self.store.path.with_name(f"{self.store.path.stem} copy{EVENT_SUFFIX}")
        chooser = QFileDialog(self, "Save a copy of the event", str(suggested), FILE_FILTER)
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setDefaultSuffix(EVENT_SUFFIX.lstrip("."))
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.fileSelected.connect(self._on_save_copy_chooser_file_selected)
        self.dialog = chooser
        chooser.open()

    def _on_import_action_triggered(self) -> None:
        people = self.workspace.people
        self.workspace.show_page(self.workspace.index_of(people.key))
        self.dialog = people.import_people()

    def _on_save_copy_chooser_file_selected(self, file_name: str) -> None:
        if file_name:
            self.save_copy_to(file_name)

    def _on_save_copy_task_progressed(self, fraction: float) -> None:
        self.progress_bar.setValue(round(fraction * 100))

    def _on_save_copy_task_succeeded(self, path: Path) -> None:
        self._save_copy_finished()
        self._show_status(f"Saved a copy as {path}")

    def _on_save_copy_task_failed(self, error: BaseException) -> None:
        self._save_copy_finished()
        if isinstance(error, EventFileError):
            self._show_message(_sentence(str(error)), title="Could not save a copy")
        else:
            errors.report_unexpected(error, self)

    def _on_close_action_triggered(self) -> None:
        self.close_event()

    def _on_quit_action_triggered(self) -> None:
        self.close()

    def open_preferences(self) -> QWidget:
        """Show the Preferences (one window, brought to the front when already open)."""
        from mentordesk.ui.preferences.dialog import PreferencesDialog

        if self.preferences is None:
            self.preferences = PreferencesDialog(self)
            self.preferences.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.preferences.destroyed.connect(self._on_preferences_destroyed)
        self.preferences.show()
        self.preferences.raise_()
        self.preferences.activateWindow()
        return self.preferences

    def _on_preferences_destroyed(self) -> None:
        self.preferences = None

    def _on_about_action_triggered(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(f"About {APP_NAME}")
        box.setIconPixmap(style.app_icon().pixmap(QSize(64, 64)))
        box.setText(f"<b>{APP_NAME} {__version__}</b>")
        box.setInformativeText(
            "Runs mentoring events without internet: check-in, flash rounds, group programmes, "
            f"badges and schedules.<br><br>Log file: {paths.log_file()}"
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = box
        box.open()

    def _on_page_actions_triggered(self, page_action: QAction) -> None:
        self.workspace.show_page(int(page_action.data()))

    def _on_recent_menu_file_chosen(self, path: Path) -> None:
        self.open_event(path)

    def _on_recent_menu_clear_requested(self) -> None:
        self.ui_state.clear_recent_files()
        self._refresh_recent_files()

    def _on_recent_menu_about_to_show(self) -> None:
        # A file may have been moved or deleted since the menu was built.
        self._refresh_recent_files()

    def _on_welcome_recent_file_activated(self, path: Path) -> None:
        self.open_event(path)

    def _on_workspace_page_changed(self, index: int) -> None:
        self.page_actions.actions()[index].setChecked(True)

    def _on_overview_details_changed(self, details: EventDetails) -> None:
        self.setWindowTitle(f"{details.name} — {APP_NAME}")
        self.workspace.set_event_name(details.name)
        # Read when the event opens and after a rename: the recent lists name the event by it.
        if self.store is not None and self.store.path is not None:
            recent = self.ui_state.recent_events()
            if any(r.path == self.store.path and r.name != details.name for r in recent):
                self.ui_state.set_event_name(self.store.path, details.name)
                self._refresh_recent_files()

    # ------------------------------------------------------------------ window

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_leave_event(self.close):
            event.ignore()
            return
        self.ui_state.save_window(self.saveGeometry(), self.saveState())
        self.ui_state.set_page(self.workspace.current_index)
        self.ui_state.sync()
        self.workspace.set_active(False)
        if self.store is not None:
            self._release_store(self.store, replacement=None)
            self.store = None
        super().closeEvent(event)

    # ------------------------------------------------------------------ helpers

    def _use_store(self, store: EventStore) -> None:
        previous = self.store
        self.store = store
        self.last_error = None
        self.welcome.set_error(None)
        if previous is not None:
            self._release_store(previous, replacement=store)
        else:
            self.workspace.set_store(store)
        if store.path is not None:
            self.ui_state.add_recent_file(store.path)
        self._refresh_recent_files()
        self.screens.setCurrentWidget(self.workspace)
        self._set_event_actions_enabled(True)
        self.workspace.set_active(True)
        self._show_status(f"Opened {store.display_name}")
        self.event_changed.emit(store)

    def _may_leave_event(self, then: Callable[[], object]) -> bool:
        """True when the open event may be left now; unsaved Overview edits are asked about first
        (Cancel keeps the event open; Save leaves it, through ``then``, once they are written)."""
        return self.store is None or self.workspace.overview.confirm_leave(then)

    def _release_store(self, store: EventStore, *, replacement: EventStore | None) -> None:
        # Background reads may still hold a connection to the old store: let them finish
        # before its engine is disposed (results that arrive later are dropped by the pages);
        # changes asked for are written first.
        operations.finish_changes(store)
        self.tasks.wait_for_all()
        self.workspace.set_store(replacement)
        store.close()

    def _show_welcome(self) -> None:
        self.screens.setCurrentWidget(self.welcome)
        self.setWindowTitle(APP_NAME)
        self.workspace.set_event_name("")
        self._set_event_actions_enabled(False)
        self.welcome.set_error(self.last_error)
        self.welcome.focus_default()

    def _set_event_actions_enabled(self, enabled: bool) -> None:
        can_copy = enabled and self.store is not None and self.store.path is not None
        self.save_copy_action.setEnabled(can_copy and self._save_copy_task is None)
        self.close_action.setEnabled(enabled)
        self.import_action.setEnabled(enabled)
        for page_action in self.page_actions.actions():
            page_action.setEnabled(enabled)

    def _refresh_recent_files(self) -> None:
        recent = self.ui_state.recent_events()
        self.recent_menu.set_files(recent)
        self.welcome.set_recent_files(recent)

    def _report_open_failure(self, message: str) -> None:
        text = f"Could not open the event: {_sentence(message, capitalize=False)}"
        self.last_error = text
        log.info("open failed: %s", message)
        if self.store is None:
            self._show_welcome()
        else:
            self._show_message(text, title="Could not open the event")

    def _save_copy_finished(self) -> None:
        self._save_copy_task = None
        self.progress_bar.hide()
        self.statusBar().clearMessage()
        self._set_event_actions_enabled(self.store is not None)

    def _show_status(self, text: str, timeout: int = STATUS_MESSAGE_MS) -> None:
        self.statusBar().showMessage(text, timeout)

    def _show_message(self, text: str, title: str = APP_NAME) -> None:
        """A warning that does not block: the app (and a test) carries on while it is shown."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dialog = box
        box.open()


def first_window_size(available_width: int, available_height: int) -> tuple[int, int]:
    """The window's size the first time it opens on a screen with this much room: a good share
    of it, at least the default size, and never more than the screen."""
    width, height = DEFAULT_SIZE
    width = min(max(width, round(available_width * FIRST_RUN_SHARE)), round(available_width * 0.95))
    height = min(max(height, round(available_height * FIRST_RUN_SHARE)), round(available_height * 0.92))
    return width, height


def _sentence(message: str, *, capitalize: bool = True) -> str:
    """The store's one-line messages as a sentence: final full stop, and a capital first letter
    unless the message starts with a file name or path (``demo.mentordesk is damaged …``)."""
    message = message.strip()
    if not message:
        return message
    first_word = message.split()[0]
    if capitalize and first_word.isalpha() and first_word.islower():
        message = message[0].upper() + message[1:]
    return message if message.endswith((".", "!", "?")) else message + "."
