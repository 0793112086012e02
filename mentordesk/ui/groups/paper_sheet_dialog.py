"""Attendance copied from a printed sign-in sheet: a compact grid in the sheet's own order.

The sheet lists members in sign-in order (surname, first name), numbered; this grid shows the
same numbers and names, and one letter per line. Typing P, L, A or E marks the line and moves to
the next, so a whole sheet is copied by reading down it. Marks are saved at once, recorded as
coming from the sheet (through the operations layer, like the attendance dialog's marks).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from mentordesk.models import AttendanceSource, AttendanceStatus
from mentordesk.services import groups as svc
from mentordesk.ui.groups.attendance_dialog import RosterMarker, counts_text
from mentordesk.ui.groups.roster_view import RosterView
from mentordesk.ui.itemmodels.group_roster_model import Column, GroupRosterModel
from mentordesk.ui.operations import Operations
from mentordesk.ui.widgets.group_labels import when_text
from mentordesk.ui.widgets.naming import named
from mentordesk.ui.widgets.tables import fit_to_screen, select_row, set_up_table


class PaperSheetDialog(QDialog):
    def __init__(self, ops: Operations, info: svc.SessionInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("From the paper sign-in sheet")
        intro = QLabel(f"{info.group_name}, {when_text(info.starts_at)}. Read down the sheet and type the letter "
                       "for each line: P present, L late, A absent, E excused. Space skips a line; Delete clears.")
        intro.setWordWrap(True)
        self.model = GroupRosterModel(self, compact=True)
        self.table = RosterView()
        self.table.setObjectName("paperSheetGrid")
        self.table.setModel(self.model)
        set_up_table(self.table, short_columns=(Column.NUMBER, Column.ROLE, Column.STATUS))
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.counts_label = QLabel("")
        self.error_label = named(QLabel(""), "inlineError")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)  # Enter must not close the grid halfway down a sheet
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.marker = RosterMarker(ops, info.id, self.model, AttendanceSource.SIGN_IN_SHEET, self._show_error, self)
        self._connect_signals()
        self._on_model_changed()
        self.marker.reload(self._on_roster_first_read)
        self.table.setFocus()
        fit_to_screen(self, 460, 520)

    def _connect_signals(self) -> None:
        self.table.status_typed.connect(self._on_table_status_typed)
        self.model.dataChanged.connect(self._on_model_changed)
        self.model.modelReset.connect(self._on_model_changed)
        self.buttons.rejected.connect(self.reject)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The roster takes the keys first: attendance is taken by typing letters down the list.
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _on_roster_first_read(self) -> None:
        if self.table.currentIndex().row() < 0:
            select_row(self.table, 0)

    def _on_table_status_typed(self, row: int, status: AttendanceStatus | None) -> None:
        self.marker.mark(row, status)

    def _on_model_changed(self, *_args: object) -> None:
        self.counts_label.setText(counts_text(list(self.model.rows)))
