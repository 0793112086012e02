"""A roster table you fill in from the keyboard: P, L, A or E marks the current person and moves down.

Arrow keys move; Space moves down without marking; Delete or Backspace clears a mark. The view only
says what was typed (``status_typed``); the dialog saves it through the attendance service.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QTableView, QWidget

from mentordesk.services.groups import STATUS_KEYS
from mentordesk.ui.groups.tables import select_row

_CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


class RosterView(QTableView):
    #: (row, AttendanceStatus or None to clear)
    status_typed = Signal(int, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterTable")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier)
        row = self.currentIndex().row() if self.currentIndex().isValid() else -1
        status = STATUS_KEYS.get(event.text().lower()) if plain and event.text() else None
        if status is not None and row >= 0:
            self.status_typed.emit(row, status)
            self._step(row)
            event.accept()
            return
        if event.key() in _CLEAR_KEYS and plain and row >= 0:
            self.status_typed.emit(row, None)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Space and plain and row >= 0:
            self._step(row)
            event.accept()
            return
        super().keyPressEvent(event)

    def _step(self, row: int) -> None:
        model = self.model()
        if model is not None and row + 1 < model.rowCount():
            select_row(self, row + 1)
