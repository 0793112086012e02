"""The open event's workspace: the sidebar of pages beside the page being shown."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QSize, Qt, Signal
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
from mentordesk.ui.checkin.page import CheckinPage
from mentordesk.ui.exports.page import ExportsPage
from mentordesk.ui.flash.page import FlashPage
from mentordesk.ui.groups.page import GroupsPage
from mentordesk.ui.overview.page import OverviewPage
from mentordesk.ui.people.page import PeoplePage
from mentordesk.ui.tasks import TaskManager
from mentordesk.ui.widgets.page import Page

if TYPE_CHECKING:
    from mentordesk.models.store import EventStore

P = TypeVar("P", bound=Page)

#: Sidebar order; Ctrl+1 … Ctrl+6 follow it.
PAGE_CLASSES: tuple[type[Page], ...] = (OverviewPage, PeoplePage, CheckinPage, FlashPage, GroupsPage, ExportsPage)
SIDEBAR_WIDTH = 200
SIDEBAR_NAME_CHARS = 90


class Workspace(QWidget):
    page_changed = Signal(int)

    def __init__(self, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        self.stack = QStackedWidget(self, objectName="pageStack")
        self.pages: list[Page] = [page_class(tasks, self.stack) for page_class in PAGE_CLASSES]
        self.overview = self._page(OverviewPage)
        self.people = self._page(PeoplePage)
        self._active = False

        side = QFrame(self, objectName="sidebarPanel")
        self.sidebar = QListWidget(side, objectName="sidebar")
        self.sidebar.setAccessibleName("Pages")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.setFrameShape(QFrame.Shape.NoFrame)
        self.sidebar.setUniformItemSizes(True)
        for number, page in enumerate(self.pages, start=1):
            item = QListWidgetItem(style.page_icon(page.key), page.title)
            item.setToolTip(f"{page.title} (Ctrl+{number})")
            item.setSizeHint(QSize(0, 38))
            self.sidebar.addItem(item)

        self.event_label = QLabel("", side, objectName="sidebarEvent")
        self.event_label.setWordWrap(True)
        self.file_label = QLabel("", side, objectName="sidebarFile")
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        side.setFixedWidth(SIDEBAR_WIDTH)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 12, 8, 12)
        side_layout.setSpacing(6)
        side_layout.addWidget(self.event_label)
        side_layout.addWidget(self.sidebar, 1)
        side_layout.addWidget(self.file_label)

        for page in self.pages:
            self.stack.addWidget(page)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(side)
        layout.addWidget(self.stack, 1)
        self._connect_signals()
        self.sidebar.setCurrentRow(0)

    def _connect_signals(self) -> None:
        self.sidebar.currentRowChanged.connect(self._on_sidebar_current_row_changed)

    def _page(self, page_class: type[P]) -> P:
        return next(page for page in self.pages if isinstance(page, page_class))

    @property
    def current_index(self) -> int:
        return self.stack.currentIndex()

    @property
    def current_page(self) -> Page:
        return self.pages[self.stack.currentIndex()]

    def show_page(self, index: int) -> None:
        if 0 <= index < len(self.pages):
            self.sidebar.setCurrentRow(index)

    def set_store(self, store: EventStore | None) -> None:
        for page in self.pages:
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

    def _on_sidebar_current_row_changed(self, row: int) -> None:
        if row < 0 or row == self.stack.currentIndex():
            return
        previous = self.current_page
        self.stack.setCurrentIndex(row)
        if self._active:
            previous.set_active(False)
            self.current_page.set_active(True)
        self.page_changed.emit(row)
