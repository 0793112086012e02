"""The desk's list of recent check-ins and check-outs: a model over ``LogLine`` values, newest first.

The list is re-read every few seconds. New entries arrive at the top and old ones drop off the
end, so a refresh inserts and removes rows rather than resetting the model: the row someone has
selected (to check that person out) stays selected while arrivals keep coming in.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from mentordesk.models import CheckinAction
from mentordesk.services.checkin import LogLine
from mentordesk.ui.itemmodels.base import AnyIndex, RowTableModel
from mentordesk.ui.itemmodels.people_model import ROLE_LABELS

#: The row itself (a LogLine).
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

ACTION_LABELS = {CheckinAction.CHECK_IN: "Checked in", CheckinAction.CHECK_OUT: "Checked out",
                 CheckinAction.UNDO: "Undo"}


class Column(enum.IntEnum):
    TIME = 0
    NAME = enum.auto()
    ROLE = enum.auto()
    ACTION = enum.auto()
    STATION = enum.auto()

    @property
    def header(self) -> str:
        return _HEADERS[self]


_HEADERS = {
    Column.TIME: "Time",
    Column.NAME: "Name",
    Column.ROLE: "Role",
    Column.ACTION: "Action",
    Column.STATION: "Station",
}


def local_time(at: datetime) -> str:
    return at.astimezone().strftime("%H:%M")


class CheckinLogModel(RowTableModel):
    """Recent entries of the check-in log, read-only; undone entries are struck through."""

    COLUMNS = Column

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[LogLine] = []

    # -- contents

    @property
    def rows(self) -> Sequence[LogLine]:
        return tuple(self._rows)

    def row_at(self, row: int) -> LogLine:
        return self._rows[row]

    def set_rows(self, rows: Sequence[LogLine]) -> None:
        new = list(rows)
        old_ids = [line.entry_id for line in self._rows]
        new_ids = [line.entry_id for line in new]
        if old_ids == new_ids:
            self._update_changed(new)
            return
        added = new_ids.index(old_ids[0]) if old_ids and old_ids[0] in new_ids else -1
        kept = len(new_ids) - added
        if added < 0 or new_ids[added:] != old_ids[:kept]:
            self.beginResetModel()
            self._rows = new
            self.endResetModel()
            return
        # The usual case: some entries arrived at the top, and as many may have dropped off the end.
        if kept < len(self._rows):
            self.beginRemoveRows(QModelIndex(), kept, len(self._rows) - 1)
            del self._rows[kept:]
            self.endRemoveRows()
        if added:
            self.beginInsertRows(QModelIndex(), 0, added - 1)
            self._rows[:0] = new[:added]
            self.endInsertRows()
        self._update_changed(new)

    def _update_changed(self, new: list[LogLine]) -> None:
        last_column = len(Column) - 1
        for number, (old, line) in enumerate(zip(self._rows, new, strict=True)):
            if old != line:
                self._rows[number] = line
                self.dataChanged.emit(self.index(number, 0), self.index(number, last_column))

    # -- QAbstractTableModel

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        line = self._rows[index.row()]
        column = Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(line, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(line)
        if role == ROW_ROLE:
            return line
        if role == Qt.ItemDataRole.FontRole and line.undone:
            font = QFont(QApplication.font())
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and line.undone:
            return QApplication.palette().brush(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
        return None

    @staticmethod
    def _display(line: LogLine, column: Column) -> str:
        match column:
            case Column.TIME:
                return local_time(line.at)
            case Column.NAME:
                return line.name
            case Column.ROLE:
                return ROLE_LABELS.get(line.role, str(line.role))
            case Column.ACTION:
                return ACTION_LABELS.get(line.action, str(line.action))
            case Column.STATION:
                return line.station

    @staticmethod
    def _tooltip(line: LogLine) -> str:
        action = ACTION_LABELS.get(line.action, str(line.action)).lower()
        when = line.at.astimezone().strftime("%a %d %b %Y, %H:%M:%S")
        text = f"{line.name} {action} at {when}"
        if line.station:
            text += f" ({line.station})"
        if line.undone:
            text += "\nUndone"
        return text
