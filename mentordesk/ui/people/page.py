"""The People page: everyone at the event in a read-only table, filtered as you type."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QWidget,
)

from mentordesk.services.people import PersonRow, list_people
from mentordesk.ui.itemmodels.people_model import Column, PeopleFilterModel, PeopleModel
from mentordesk.ui.tasks import TaskManager
from mentordesk.ui.widgets.page import Page

#: While the page is visible it re-reads the list this often, so arrivals recorded at other
#: stations (or by the command line) show up without a manual refresh.
REFRESH_INTERVAL_MS = 5_000

EMPTY_EVENT_TEXT = (
    "No one is registered for this event yet.\n"
    "People appear here once they are imported from a ticketing or form export, or added at check-in."
)


class PeoplePage(Page):
    key = "people"
    title = "People"
    subtitle = "Everyone registered for the event, with their badge code and whether they have arrived."
    scrollable = False

    def __init__(self, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        self.model = PeopleModel(self)
        self.proxy = PeopleFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self._loaded = False

        toolbar = QHBoxLayout()
        toolbar.setSpacing(12)
        self.filter_edit = QLineEdit(objectName="peopleFilter")
        self.filter_edit.setPlaceholderText("Filter by name, organisation, topic, e-mail or badge code")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName("Filter people")
        self.count_label = QLabel(objectName="peopleCount")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        toolbar.addWidget(self.filter_edit, 1)
        toolbar.addWidget(self.count_label)
        self.body.addLayout(toolbar)

        self.table = QTableView(objectName="peopleTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # Short columns fit their contents; the text columns share what is left, so the table
        # never needs a horizontal scroll bar, down to the smallest window.
        for column in Column:
            short = column in (Column.ROLE, Column.BADGE_CODE, Column.ARRIVED)
            mode = QHeaderView.ResizeMode.ResizeToContents if short else QHeaderView.ResizeMode.Stretch
            header.setSectionResizeMode(column, mode)

        self.empty_label = QLabel(EMPTY_EVENT_TEXT, objectName="emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)
        self.body.addWidget(self.stack, 1)

        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_INTERVAL_MS)
        self.focus_filter_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        self._connect_signals()
        self._update_view()

    def _connect_signals(self) -> None:
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.proxy.rowsInserted.connect(self._on_proxy_rows_changed)
        self.proxy.rowsRemoved.connect(self._on_proxy_rows_changed)
        self.proxy.modelReset.connect(self._on_proxy_rows_changed)
        self.model.dataChanged.connect(self._on_proxy_rows_changed)
        self.refresh_timer.timeout.connect(self._on_refresh_timer_timeout)
        self.focus_filter_shortcut.activated.connect(self._on_focus_filter_shortcut_activated)

    # -- Page

    def store_changed(self) -> None:
        self._loaded = False
        self.filter_edit.clear()
        self.model.set_rows([])
        self._update_view()
        if self.store is not None and self.is_active:
            self.reload()

    def activated(self) -> None:
        self.reload()
        self.refresh_timer.start()

    def deactivated(self) -> None:
        self.refresh_timer.stop()

    def reload(self) -> None:
        self.load("people.list", list_people, self._show_people)

    # -- slots

    def _on_filter_edit_text_changed(self, text: str) -> None:
        self.proxy.set_query(text)

    def _on_proxy_rows_changed(self, *_args: object) -> None:
        self._update_view()

    def _on_refresh_timer_timeout(self) -> None:
        self.reload()

    def _on_focus_filter_shortcut_activated(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    # -- helpers

    def _show_people(self, rows: list[PersonRow]) -> None:
        first_load = not self._loaded
        self._loaded = True
        self.model.set_rows(rows)
        self._update_view()
        if first_load and self.proxy.rowCount():
            # Land on the first row so the keyboard can move through the table at once.
            self.table.selectionModel().setCurrentIndex(
                self.proxy.index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )

    def _update_view(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        arrived = self.model.arrived_count
        if not self._loaded:
            self.count_label.setText("")
        elif self.proxy.query:
            self.count_label.setText(f"{shown} of {total} {'person' if total == 1 else 'people'} shown")
        else:
            self.count_label.setText(f"{total} {'person' if total == 1 else 'people'} · {arrived} arrived")
        if self._loaded and total == 0:
            self.empty_label.setText(EMPTY_EVENT_TEXT)
            self.stack.setCurrentWidget(self.empty_label)
        elif self._loaded and shown == 0:
            self.empty_label.setText(f"No one matches “{self.filter_edit.text().strip()}”.")
            self.stack.setCurrentWidget(self.empty_label)
        else:
            self.stack.setCurrentWidget(self.table)
        self.filter_edit.setEnabled(total > 0 or bool(self.filter_edit.text()))
