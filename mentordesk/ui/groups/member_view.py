"""A table of group members that can be moved from the keyboard, as well as dragged.

Ctrl+Shift+Up/Down asks to move the chosen people to the group above or below; Alt+M asks for the
"Move to…" menu. The keys are read by the view itself rather than by window shortcuts, so they work
wherever the table has the focus, in the page as in a dialog.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QTableView, QWidget

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
MOVE_KEYS_TEXT = "Ctrl+Shift+Up/Down or Alt+M"


class MemberTableView(QTableView):
    #: -1 for the group above, +1 for the group below.
    move_requested = Signal(int)
    menu_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers == CTRL_SHIFT and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_requested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            event.accept()
            return
        if modifiers == Qt.KeyboardModifier.AltModifier and event.key() == Qt.Key.Key_M:
            self.menu_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)
