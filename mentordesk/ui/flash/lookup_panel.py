"""The "Tables & people" tab: a mentor's table across all rounds, and anyone's itinerary.

The itinerary is found by typing part of a name (accent- and case-insensitive, through
``services.lookup``: the panel asks with ``search_requested`` and the page answers with
``show_matches``); the first match is shown at once, ↑ ↓ choose among the others. Both views
are rebuilt from each new snapshot, so they follow every re-plan.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.flash.views import FlashSnapshot, itinerary, table_view
from mentordesk.ui.itemmodels.flash_itinerary_model import FlashItineraryModel
from mentordesk.ui.itemmodels.flash_table_model import FlashTableModel
from mentordesk.ui.widgets.empty_state import EmptyState
from mentordesk.ui.widgets.naming import named
from mentordesk.ui.widgets.tables import set_up_table

#: Most matches listed for a name typed.
MAX_MATCHES = 30


def _table(model: FlashTableModel | FlashItineraryModel, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    set_up_table(view, short_columns=None, multi=True, striped=False, wrap=True, grid=True,
                 row_heights=QHeaderView.ResizeMode.ResizeToContents, left_header=False, highlight_header=True)
    view.horizontalHeader().setStretchLastSection(True)
    for column in range(model.columnCount() - 1):
        view.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return view


#: What the tab shows before the rounds are planned (title, sentence, button).
NO_PLAN_STATE = ("No plan yet", "Plan the rounds first; then every table and everyone's seat in each round show here.",
                 "Go to the Plan tab")

class LookupPanel(QWidget):
    person_shown = Signal(int)
    #: Text was typed in the name field: the page looks for it and answers with ``show_matches``.
    search_requested = Signal(str)
    #: The empty state's button: no plan yet, so the page shows its Plan tab.
    plan_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.snapshot: FlashSnapshot | None = None
        self.person_id: int | None = None
        self.table_model = FlashTableModel(self)
        self.itinerary_model = FlashItineraryModel(self)
        self._build()
        # ↑ ↓ in the name field choose among the matches, so the hands stay on the keyboard.
        only_field = Qt.ShortcutContext.WidgetShortcut
        self.up_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Up), self.name_edit, context=only_field)
        self.down_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Down), self.name_edit, context=only_field)
        self._connect_signals()

    def _build(self) -> None:
        self.table_combo = QComboBox()
        self.table_combo.setAccessibleName("Table")
        self.table_combo.setToolTip("A mentor's table across all rounds")
        table_label = QLabel("&Table")
        table_label.setBuddy(self.table_combo)
        self.table_title = named(QLabel(""), "flashTableTitle")
        self.table_title.setWordWrap(True)
        self.table_view = _table(self.table_model, "Table by round")
        left = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(table_label)
        top.addWidget(self.table_combo, 1)
        left.addLayout(top)
        left.addWidget(self.table_title)
        left.addWidget(self.table_view, 1)

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("Type a name to see where they sit in every round")
        self.name_edit.setAccessibleName("Find a person")
        self.name_edit.setClearButtonEnabled(True)
        name_label = QLabel("&Person")
        name_label.setBuddy(self.name_edit)
        self.matches = QListWidget()
        self.matches.setAccessibleName("Matching people")
        self.matches.setMaximumHeight(110)
        self.matches.hide()
        self.person_title = named(QLabel(""), "flashTableTitle")
        self.person_title.setWordWrap(True)
        self.itinerary_view = _table(self.itinerary_model, "Itinerary")
        right = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(name_label)
        top.addWidget(self.name_edit, 1)
        right.addLayout(top)
        right.addWidget(self.matches)
        right.addWidget(self.person_title)
        right.addWidget(self.itinerary_view, 1)

        content = QWidget()
        columns = QHBoxLayout(content)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(16)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.content = content
        # Without a plan there is no table and no seat to look up: the empty state says where to plan.
        self.empty_state = EmptyState()
        self.empty_state.show_next_step(*NO_PLAN_STATE)
        self.empty_state.action_requested.connect(self.plan_requested)
        self.stack = QStackedWidget()
        self.stack.addWidget(content)
        self.stack.addWidget(self.empty_state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def _connect_signals(self) -> None:
        self.table_combo.currentIndexChanged.connect(self._on_table_combo_current_index_changed)
        self.name_edit.textChanged.connect(self._on_name_edit_text_changed)
        self.name_edit.returnPressed.connect(self._on_name_edit_return_pressed)
        self.matches.currentItemChanged.connect(self._on_matches_current_item_changed)
        self.up_shortcut.activated.connect(self._on_up_shortcut_activated)
        self.down_shortcut.activated.connect(self._on_down_shortcut_activated)

    # -- what the page calls

    def show_snapshot(self, snapshot: FlashSnapshot | None) -> None:
        self.snapshot = snapshot
        chosen = self.table_combo.currentData()
        self.table_combo.blockSignals(True)
        self.table_combo.clear()
        plan = snapshot.plan if snapshot else None
        self.stack.setCurrentWidget(self.content if plan is not None or snapshot is None else self.empty_state)
        if plan is not None and snapshot is not None:
            for mentor, number in sorted(plan.mentor_tables().items(), key=lambda item: item[1]):
                self.table_combo.addItem(f"{number} — {snapshot.name(mentor)}", number)
        self.table_combo.setCurrentIndex(max(0, self.table_combo.findData(chosen)))
        self.table_combo.blockSignals(False)
        self._show_table()
        if self.person_id is not None:
            self.show_person(self.person_id)
        else:
            self.itinerary_model.set_rows([])
            self.person_title.setText("" if plan is not None else "No plan yet: plan the rounds on the Plan tab.")

    def show_table(self, number: int) -> None:
        self.table_combo.setCurrentIndex(self.table_combo.findData(number))

    def show_person(self, person_id: int) -> None:
        self.person_id = person_id
        trip = itinerary(self.snapshot, person_id) if self.snapshot else None
        if trip is None:
            self.itinerary_model.set_rows([])
            self.person_title.setText("")
            return
        role = f" ({trip.role.value})" if trip.role else ""
        self.person_title.setText(f"{trip.name}{role}")
        self.itinerary_model.set_rows(trip.stops)
        self.person_shown.emit(person_id)

    def show_matches(self, text: str, found: Sequence[int], distinctions: Mapping[int, str] | None = None) -> None:
        """The ids of the people whose names match ``text``, best first (an answer to a search
        for text no longer in the field is dropped); ``distinctions`` tells apart people who share
        a name (``services/namesakes.py``)."""
        if text != self.name_edit.text():
            return
        self.matches.clear()
        planned = set(self.snapshot.people) if self.snapshot else set()
        ids = [pid for pid in found if pid in planned][:MAX_MATCHES] if text.strip() else []
        for pid in ids:
            name = self.snapshot.name(pid) if self.snapshot else str(pid)
            extra = (distinctions or {}).get(pid, "")
            item = QListWidgetItem(f"{name} — {extra}" if extra else name)
            item.setData(Qt.ItemDataRole.UserRole, pid)
            self.matches.addItem(item)
        self.matches.setVisible(len(ids) > 1)
        if ids:
            self.matches.setCurrentRow(0)
            self.show_person(ids[0])
        elif text.strip():
            self.person_id = None
            self.itinerary_model.set_rows([])
            self.person_title.setText(f"Nobody in the plan matches “{text.strip()}”.")

    # -- slots

    def _show_table(self) -> None:
        number = self.table_combo.currentData()
        shown = table_view(self.snapshot, int(number)) if self.snapshot and number is not None else None
        self.table_model.set_rows(shown.rounds if shown else [])
        self.table_title.setText(f"Table {shown.table}: {shown.mentor}" if shown else "")

    def _on_table_combo_current_index_changed(self, _index: int) -> None:
        self._show_table()

    def _on_name_edit_text_changed(self, text: str) -> None:
        if text.strip():
            self.search_requested.emit(text)
        else:
            self.show_matches(text, ())

    def _on_name_edit_return_pressed(self) -> None:
        item = self.matches.currentItem()
        if item is not None:
            self.show_person(int(item.data(Qt.ItemDataRole.UserRole)))

    def _on_matches_current_item_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.show_person(int(item.data(Qt.ItemDataRole.UserRole)))

    def _on_up_shortcut_activated(self) -> None:
        self.matches.setCurrentRow(max(0, self.matches.currentRow() - 1))

    def _on_down_shortcut_activated(self) -> None:
        self.matches.setCurrentRow(min(self.matches.count() - 1, self.matches.currentRow() + 1))
