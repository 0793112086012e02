"""The row above the People table that narrows it: filter-as-you-type, role and arrival."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from mentordesk.models import Role
from mentordesk.ui.itemmodels.people_model import ROLE_PLURALS, Arrival
from mentordesk.ui.widgets.naming import named

FILTER_PLACEHOLDER = "Filter by name, organisation, topic, e-mail or badge code"


class FilterBar(QWidget):
    query_changed = Signal(str)
    #: The role to show (a ``Role``), or None for every role.
    role_changed = Signal(object)
    arrival_changed = Signal(object)
    #: Enter was pressed in the filter box.
    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter_edit = named(QLineEdit(), "peopleFilter")
        self.filter_edit.setPlaceholderText(FILTER_PLACEHOLDER)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName("Filter people")
        self.filter_edit.setToolTip(f"{FILTER_PLACEHOLDER} (Ctrl+F)")
        self.role_combo = named(QComboBox(), "roleFilter")
        self.role_combo.setAccessibleName("Show role")
        self.role_combo.addItem("All roles", None)
        for role, label in ROLE_PLURALS.items():
            self.role_combo.addItem(label, role)
        self.arrival_combo = named(QComboBox(), "arrivalFilter")
        self.arrival_combo.setAccessibleName("Show arrival")
        for arrival in Arrival:
            self.arrival_combo.addItem(arrival.value, arrival)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.filter_edit, 1)
        layout.addWidget(self.role_combo)
        layout.addWidget(self.arrival_combo)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.filter_edit.textChanged.connect(self.query_changed)
        self.filter_edit.returnPressed.connect(self.submitted)
        self.role_combo.currentIndexChanged.connect(self._on_role_combo_current_index_changed)
        self.arrival_combo.currentIndexChanged.connect(self._on_arrival_combo_current_index_changed)

    @property
    def text(self) -> str:
        return self.filter_edit.text().strip()

    @property
    def role(self) -> Role | None:
        # Qt hands item data back as a plain str: make it a Role again.
        data = self.role_combo.currentData()
        return Role(data) if data else None

    @property
    def arrival(self) -> Arrival:
        return self.arrival_combo.currentData()

    def set_role(self, role: Role | None) -> None:
        self.role_combo.setCurrentIndex(max(self.role_combo.findData(role), 0))

    def set_arrival(self, arrival: Arrival) -> None:
        self.arrival_combo.setCurrentIndex(max(self.arrival_combo.findData(arrival), 0))

    def clear(self) -> None:
        self.filter_edit.clear()
        self.role_combo.setCurrentIndex(0)
        self.arrival_combo.setCurrentIndex(0)

    def set_has_people(self, has_people: bool) -> None:
        """Filters are only offered when there is someone to filter (or a filter to undo)."""
        self.filter_edit.setEnabled(has_people or bool(self.filter_edit.text()))
        self.role_combo.setEnabled(has_people or self.role is not None)
        self.arrival_combo.setEnabled(has_people or self.arrival is not Arrival.EVERYONE)

    def no_match_text(self) -> tuple[str, str]:
        """Why the filtered list is empty, and a hint."""
        role, arrival = self.role, self.arrival
        who = ROLE_PLURALS[role].lower() if role is not None else "people"
        if self.text:
            scope = "" if role is None and arrival is Arrival.EVERYONE else " with the role and arrival chosen"
            return f"No one matches “{self.text}”{scope}.", "Check the spelling, or clear the filters to see everyone."
        if arrival is Arrival.ARRIVED:
            return f"No {who} have arrived yet.", ""
        if arrival is Arrival.NOT_ARRIVED:
            return f"All {who} have arrived.", ""
        return f"No {who} are registered.", ""

    def _on_role_combo_current_index_changed(self, _index: int) -> None:
        self.role_changed.emit(self.role)

    def _on_arrival_combo_current_index_changed(self, _index: int) -> None:
        self.arrival_changed.emit(self.arrival)
