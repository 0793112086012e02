"""The desk's recent check-ins, with the undo and check-out buttons that act on them.

Like every other control on the desk, the list never takes the keyboard focus: the input field
passes Up and Down here when no names are listed, so a row can be chosen for check-out without
the mouse (and without a scan going astray into the list).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.checkin import LogLine
from mentordesk.ui.itemmodels.checkin_log_model import CheckinLogModel, Column
from mentordesk.ui.widgets.bidi import isolate
from mentordesk.ui.widgets.naming import named
from mentordesk.ui.widgets.tables import on_choice_changed, set_up_table

#: Below this width the list drops its Role and Station columns.
NARROW_PX = 430


class RecentPanel(QWidget):
    #: The selected row changed (check-out acts on it).
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CheckinLogModel(self)
        self.table = named(QTableView(), "checkinLog")
        self.table.setModel(self.model)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        set_up_table(self.table, short_columns=[column for column in Column if column != Column.NAME])
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.undo_button = QPushButton("Undo last")
        self.check_out_button = QPushButton("Check out")
        for button in (self.undo_button, self.check_out_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target_label = named(QLabel(""), "checkoutTarget")
        self.target_label.setWordWrap(True)
        self.target_label.hide()
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.check_out_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(named(QLabel("Recent"), "sectionTitle"))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.target_label)
        layout.addLayout(buttons)
        self._connect_signals()

    def _connect_signals(self) -> None:
        on_choice_changed(self.table, self._on_table_choice_changed)
        self.model.modelReset.connect(self._on_model_model_reset)

    def selected_line(self) -> LogLine | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def step(self, step: int) -> None:
        """Move the selection by ``step`` rows; from nothing, select the newest entry."""
        count = self.model.rowCount()
        if not count:
            return
        rows = self.table.selectionModel().selectedRows()
        row = 0 if not rows else min(max(rows[0].row() + step, 0), count - 1)
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(self.model.index(row, 0))

    def clear_selection(self) -> None:
        self.table.clearSelection()

    def set_target(self, name: str) -> None:
        self.target_label.setText(f"Check-out applies to {isolate(name)}." if name else "")
        self.target_label.setVisible(bool(name))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        narrow = event.size().width() < NARROW_PX
        self.table.setColumnHidden(Column.ROLE, narrow)
        self.table.setColumnHidden(Column.STATION, narrow)

    def _on_table_choice_changed(self) -> None:
        self.selection_changed.emit()

    def _on_model_model_reset(self) -> None:
        self.selection_changed.emit()
