"""The welcome screen, shown when no event is open: start a new event, open one, or try the demo.

It also shows why the last attempt to open an event failed, in the words of the store's error,
so a damaged or foreign file is explained right where the user will look next.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mentordesk import APP_NAME
from mentordesk.ui import style
from mentordesk.ui.ui_state import RecentEvent
from mentordesk.ui.widgets.naming import named

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
TAGLINE = (
    "Run mentoring events without internet: check-in, timed flash rounds, group programmes, "
    "and every badge and schedule as a print-ready PDF."
)


class WelcomeScreen(QWidget):
    new_event_requested = Signal()
    open_event_requested = Signal()
    demo_event_requested = Signal()
    recent_file_activated = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeScreen")
        column = named(QWidget(), "welcomeColumn")
        column.setMaximumWidth(620)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(24, 32, 24, 24)
        layout.setSpacing(14)

        heading = QHBoxLayout()
        heading.setSpacing(14)
        logo = QLabel()
        logo.setPixmap(style.app_icon().pixmap(QSize(56, 56)))
        logo.setFixedSize(56, 56)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(named(QLabel(f"Welcome to {APP_NAME}"), "welcomeTitle"))
        tagline = named(QLabel(TAGLINE), "pageSubtitle")
        tagline.setWordWrap(True)
        titles.addWidget(tagline)
        heading.addWidget(logo, alignment=Qt.AlignmentFlag.AlignTop)
        heading.addLayout(titles, 1)
        layout.addLayout(heading)

        self.error_label = named(QLabel(""), "errorBanner")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        layout.addWidget(self.error_label)

        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        self.new_button = named(QPushButton("New event…"), "primaryButton")
        self.open_button = QPushButton("Open event…")
        self.demo_button = QPushButton("Open the demo event")
        native = QKeySequence.SequenceFormat.NativeText
        self.new_button.setToolTip(
            f"Create a new event file ({QKeySequence(QKeySequence.StandardKey.New).toString(native)})")
        self.open_button.setToolTip(
            f"Open an event file ({QKeySequence(QKeySequence.StandardKey.Open).toString(native)})")
        self.demo_button.setToolTip("A sample event with realistic people, check-ins and groups, to try things out")
        for button in (self.new_button, self.open_button, self.demo_button):
            button.setMinimumHeight(34)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        layout.addSpacing(8)
        layout.addWidget(named(QLabel("Recent events"), "sectionTitle"))
        self.recent_list = named(QListWidget(), "recentList")
        self.recent_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.recent_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.recent_list.setWordWrap(False)
        self.recent_list.setAccessibleName("Recent events")
        # Not uniform: a row in another script can be taller than the first, and would be cut to one line.
        self.recent_list.setUniformItemSizes(False)
        self.recent_empty_label = named(QLabel("Events you open or create will be listed here."), "emptyState")
        layout.addWidget(self.recent_list)
        layout.addWidget(self.recent_empty_label)
        layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        holder = QWidget()
        holder_layout = QHBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addStretch(1)
        holder_layout.addWidget(column, 3)
        holder_layout.addStretch(1)
        scroll.setWidget(holder)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._connect_signals()
        self.set_recent_files([])

    def _connect_signals(self) -> None:
        self.new_button.clicked.connect(self.new_event_requested)
        self.open_button.clicked.connect(self.open_event_requested)
        self.demo_button.clicked.connect(self.demo_event_requested)
        self.recent_list.itemActivated.connect(self._on_recent_list_item_activated)

    def set_recent_files(self, files: list[RecentEvent]) -> None:
        self.recent_list.clear()
        for recent in files:
            path = recent.path
            exists = path.is_file()
            # The event's name when it is known, its file below; a file never seen open shows its name.
            first_line = recent.name or path.name
            second_line = str(path) if recent.name else str(path.parent)
            item = QListWidgetItem(f"{first_line}\n{second_line}" + ("" if exists else "  — file not found"))
            item.setData(PATH_ROLE, str(path))
            item.setToolTip(str(path))
            if not exists:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.recent_list.addItem(item)
        # The list is as tall as its entries (at most MAX_RECENT of them), not a big empty box.
        rows_height = sum(self.recent_list.sizeHintForRow(i) for i in range(self.recent_list.count()))
        self.recent_list.setFixedHeight(rows_height + 2 * self.recent_list.frameWidth() + 4)
        self.recent_list.setVisible(bool(files))
        self.recent_empty_label.setVisible(not files)
        first_enabled = next(
            (i for i in range(self.recent_list.count())
             if self.recent_list.item(i).flags() & Qt.ItemFlag.ItemIsEnabled),
            None,
        )
        if first_enabled is not None:
            self.recent_list.setCurrentRow(first_enabled)

    def focus_default(self) -> None:
        """Put the keyboard where it is most useful: the recent events if any, else New event."""
        if self.recent_list.isVisibleTo(self) and self.recent_list.currentRow() >= 0:
            self.recent_list.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.new_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_error(self, message: str | None) -> None:
        self.error_label.setText(message or "")
        self.error_label.setVisible(bool(message))

    @property
    def error_text(self) -> str:
        return self.error_label.text() if self.error_label.isVisibleTo(self) else ""

    def _on_recent_list_item_activated(self, item: QListWidgetItem) -> None:
        if item.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.recent_file_activated.emit(Path(item.data(PATH_ROLE)))
