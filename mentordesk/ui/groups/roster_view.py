"""A roster table you fill in from the keyboard: P, L, A or E marks the current person and moves down.

Arrow keys move; Space moves down without marking; Delete or Backspace clears a mark. The view only
says what was typed (``status_typed``); the dialog saves it through the attendance service.

A badge scanner types too, a burst of characters far faster than a person. Given a ``scan_target``
(the scanner field), keys arriving closer together than a scanner's gap are not marks: the view
says so (``scan_started``, with the mark to take back if the burst began with a status letter)
and passes the characters on to the field, which reads the code as it would at the door.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QTableView, QWidget

from mentordesk.models import AttendanceStatus
from mentordesk.services.groups import STATUS_KEYS
from mentordesk.ui.itemmodels.group_roster_model import STATUS_ROLE
from mentordesk.ui.widgets.scan_field import SCANNER_GAP_S
from mentordesk.ui.widgets.tables import select_row

_CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
_TYPING = Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier


class RosterView(QTableView):
    #: (row, AttendanceStatus or None to clear)
    status_typed = Signal(int, object)
    #: A scan began while the roster had the keys: (row whose mark its first key made or -1, the
    #: status that row had before). Its characters go on to ``scan_target``.
    scan_started = Signal(int, object)

    def __init__(self, parent: QWidget | None = None, *, scan_target: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterTable")
        #: Where a scanner's keys are passed on (the scanner field), or None: no scans expected.
        self.scan_target = scan_target
        self._last_key: float | None = None
        #: The first key of a possible burst (key, text), not yet known to be a mark or a scan.
        self._first: tuple[int, str] | None = None
        #: The mark that key made: (row, status before), to take back if it began a scan.
        self._undo: tuple[int, AttendanceStatus | None] | None = None
        self._scanning = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not event.modifiers() & ~_TYPING
        row = self.currentIndex().row() if self.currentIndex().isValid() else -1
        text = event.text()
        printable = plain and len(text) == 1 and text.isprintable() and not text.isspace()
        # A key held down repeats quickly too, but that is a person marking row after row.
        scanning_possible = printable and self.scan_target is not None and not event.isAutoRepeat()
        if scanning_possible and self._scanner_key(event.key(), text):
            event.accept()
            return
        status = STATUS_KEYS.get(text.lower()) if printable else None
        if status is not None and row >= 0:
            model = self.model()
            before = model.index(row, 0).data(STATUS_ROLE) if model is not None else None
            self._undo = (row, before)
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

    def _scanner_key(self, key: int, text: str) -> bool:
        """True when the key belongs to a scan (and was passed on) rather than to a person marking."""
        now = time.monotonic()
        close = self._last_key is not None and now - self._last_key <= SCANNER_GAP_S
        self._last_key = now
        if close and (self._scanning or self._first is not None):
            if not self._scanning:
                self._begin_scan()
            self._pass_on(key, text)
            return True
        self._scanning = False
        self._first = (key, text)
        self._undo = None
        if text.lower() in STATUS_KEYS:
            return False  # a mark, unless more keys follow at a scanner's pace
        # A digit or another letter is no mark: the start of a scan (or a slip), for the field.
        self._begin_scan()
        return True

    def _begin_scan(self) -> None:
        self._scanning = True
        undo_row, before = self._undo if self._undo is not None else (-1, None)
        self._undo = None
        self.scan_started.emit(undo_row, before)
        if self._first is not None:
            self._pass_on(*self._first)
            self._first = None

    def _pass_on(self, key: int, text: str) -> None:
        if self.scan_target is not None:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(self.scan_target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))

    def _step(self, row: int) -> None:
        model = self.model()
        if model is not None and row + 1 < model.rowCount():
            select_row(self, row + 1)
