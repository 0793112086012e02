"""The open event's workspace: the sidebar of pages beside the page being shown."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mentordesk.ui import style
from mentordesk.ui.overview.page import OverviewPage
from mentordesk.ui.people.page import PeoplePage
from mentordesk.ui.sample_notice import SampleNotice
from mentordesk.ui.tasks import TaskManager
from mentordesk.ui.widgets.naming import named
from mentordesk.ui.widgets.page import IMPORT_PEOPLE, Page

if TYPE_CHECKING:
    from mentordesk.models.store import EventStore
    from mentordesk.services.events import EventDetails

P = TypeVar("P", bound=Page)

@dataclass(frozen=True)
class PageEntry:
    """A sidebar page: its key and title, and where its class lives (imported when first built)."""

    key: str
    title: str
    module: str
    class_name: str

    def load(self) -> type[Page]:
        page_class: type[Page] = getattr(importlib.import_module(self.module), self.class_name)
        return page_class


#: Sidebar order; Ctrl+1 … Ctrl+6 follow it.
PAGE_ENTRIES: tuple[PageEntry, ...] = (
    PageEntry("overview", "Overview", "mentordesk.ui.overview.page", "OverviewPage"),
    PageEntry("people", "People", "mentordesk.ui.people.page", "PeoplePage"),
    PageEntry("checkin", "Check-in", "mentordesk.ui.checkin.page", "CheckinPage"),
    PageEntry("flash", "Flash rounds", "mentordesk.ui.flash.page", "FlashPage"),
    PageEntry("groups", "Groups", "mentordesk.ui.groups.page", "GroupsPage"),
    PageEntry("exports", "Print & export", "mentordesk.ui.exports.page", "ExportsPage"),
)
#: Built with the window: the pages of the door. The others (the planner, groups and printing
#: with their libraries, about a third of a second) are built when first shown, or soon after
#: start-up while the app is idle — so the first window appears within the start-up target.
STARTUP_PAGES = 3
BUILD_REST_AFTER_MS = 1500


def page_classes() -> tuple[type[Page], ...]:
    return tuple(entry.load() for entry in PAGE_ENTRIES)
SIDEBAR_WIDTH = 200
SIDEBAR_NAME_CHARS = 90


class Workspace(QWidget):
    page_changed = Signal(int)

    def __init__(self, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        # Made first: Tab reaches the notice above the page before the page's own controls.
        self.sample_notice = SampleNotice(self)
        self.stack = named(QStackedWidget(self), "pageStack")
        self._tasks = tasks
        self._store: EventStore | None = None
        self._built: list[Page | None] = [None] * len(PAGE_ENTRIES)
        #: The last dialog a page's next step opened (the import), for tests and the window.
        self.dialog: QWidget | None = None
        for index, entry in enumerate(PAGE_ENTRIES):
            if index < STARTUP_PAGES:
                page = entry.load()(tasks, self.stack)
                page.next_step_requested.connect(self._on_page_next_step_requested)
                self._built[index] = page
                self.stack.addWidget(page)
            else:
                self.stack.addWidget(QWidget(self.stack))
        self.overview = self._page(OverviewPage)
        self.people = self._page(PeoplePage)
        self._active = False

        side = named(QFrame(self), "sidebarPanel")
        self.sidebar = named(QListWidget(side), "sidebar")
        self.sidebar.setAccessibleName("Pages")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.setFrameShape(QFrame.Shape.NoFrame)
        self.sidebar.setUniformItemSizes(True)
        for number, entry in enumerate(PAGE_ENTRIES, start=1):
            item = QListWidgetItem(style.page_icon(entry.key), entry.title)
            item.setToolTip(f"{entry.title} (Ctrl+{number})")
            item.setSizeHint(QSize(0, 38))
            self.sidebar.addItem(item)

        self.event_label = named(QLabel("", side), "sidebarEvent")
        self.event_label.setWordWrap(True)
        self.file_label = named(QLabel("", side), "sidebarFile")
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        side.setFixedWidth(SIDEBAR_WIDTH)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 12, 8, 12)
        side_layout.setSpacing(6)
        side_layout.addWidget(self.event_label)
        side_layout.addWidget(self.sidebar, 1)
        side_layout.addWidget(self.file_label)

        main = QVBoxLayout()
        main.setContentsMargins(0, 0, 0, 0)
        main.setSpacing(0)
        main.addWidget(self.sample_notice)
        main.addWidget(self.stack, 1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(side)
        layout.addLayout(main, 1)
        self._connect_signals()
        self._tab_to_notice_after_sidebar()
        self.sidebar.setCurrentRow(0)
        QTimer.singleShot(BUILD_REST_AFTER_MS, self, self._build_remaining_pages)

    def _connect_signals(self) -> None:
        self.sidebar.currentRowChanged.connect(self._on_sidebar_current_row_changed)
        # The Overview reads the event's details (and re-reads them on every change): whether it is sample data.
        self.overview.details_changed.connect(self._on_overview_details_changed)

    @property
    def pages(self) -> list[Page]:
        """Every page, in sidebar order (building any not built yet)."""
        return [self.page_at(index) for index in range(len(PAGE_ENTRIES))]

    def page_at(self, index: int) -> Page:
        page = self._built[index]
        if page is None:
            page = PAGE_ENTRIES[index].load()(self._tasks, self.stack)
            page.next_step_requested.connect(self._on_page_next_step_requested)
            stand_in = self.stack.widget(index)
            # Swapped in place: the stack keeps showing whichever page it showed.
            self.stack.insertWidget(index, page)
            if stand_in is not None:
                self.stack.removeWidget(stand_in)
                stand_in.deleteLater()
            self._built[index] = page
            self._tab_to_notice_after_sidebar()
            if self._store is not None:
                page.set_store(self._store)
        return page

    def _tab_to_notice_after_sidebar(self) -> None:
        """Tab goes from the sidebar to the notice above the page (when shown), then into the page."""
        QWidget.setTabOrder(self.sidebar, self.sample_notice.new_event_button)
        QWidget.setTabOrder(self.sample_notice.new_event_button, self.sample_notice.hide_button)

    def index_of(self, key: str) -> int:
        return next(index for index, entry in enumerate(PAGE_ENTRIES) if entry.key == key)

    def _page(self, page_class: type[P]) -> P:
        index = next(i for i, entry in enumerate(PAGE_ENTRIES) if entry.class_name == page_class.__name__)
        page = self.page_at(index)
        assert isinstance(page, page_class)
        return page

    def _build_remaining_pages(self) -> None:
        """Build the next page not built yet, then yield to the event loop before the one after,
        so the idle-time building never holds the window up for more than one page."""
        waiting = [index for index, page in enumerate(self._built) if page is None]
        if waiting:
            self.page_at(waiting[0])
        if len(waiting) > 1:
            QTimer.singleShot(0, self, self._build_remaining_pages)

    @property
    def current_index(self) -> int:
        return self.stack.currentIndex()

    @property
    def current_page(self) -> Page:
        return self.page_at(self.stack.currentIndex())

    def show_page(self, index: int) -> None:
        if 0 <= index < len(PAGE_ENTRIES):
            self.sidebar.setCurrentRow(index)

    def set_store(self, store: EventStore | None) -> None:
        if store is not self._store:
            self.sample_notice.reset()
        self._store = store
        for page in self._built:
            if page is not None:
                page.set_store(store)
        if store is None:
            self.file_label.setText("")
            self.file_label.setToolTip("")
        else:
            self.file_label.setText(store.display_name)
            self.file_label.setToolTip(str(store.path) if store.path else store.display_name)

    def set_event_name(self, name: str) -> None:
        # A few lines at most, so that a very long name cannot push the pages off the sidebar.
        shown = name if len(name) <= SIDEBAR_NAME_CHARS else name[: SIDEBAR_NAME_CHARS - 1].rstrip() + "…"
        self.event_label.setText(shown)
        self.event_label.setToolTip(name)

    def set_active(self, active: bool) -> None:
        """Whether the workspace is on screen; pages only poll the event while it is."""
        if active == self._active:
            return
        self._active = active
        self.current_page.set_active(active)

    def _on_page_next_step_requested(self, step: str) -> None:
        if step == IMPORT_PEOPLE:
            self.show_page(self.index_of(self.people.key))
            self.dialog = self.people.import_people()
        else:
            self.show_page(self.index_of(step))

    def _on_overview_details_changed(self, details: EventDetails) -> None:
        self.sample_notice.show_for(details.sample)

    def _on_sidebar_current_row_changed(self, row: int) -> None:
        if row < 0 or row == self.stack.currentIndex():
            return
        previous = self.current_page
        self.page_at(row)
        self.stack.setCurrentIndex(row)
        if self._active:
            previous.set_active(False)
            self.current_page.set_active(True)
        self.page_changed.emit(row)
