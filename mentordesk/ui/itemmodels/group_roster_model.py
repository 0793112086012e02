"""A session's roster in sign-in order (the printed sheet's order), with each person's attendance.

The compact form (``compact=True``) is the paper-sheet grid: the sheet's line number, the name and
one letter, so a coordinator can copy a sheet down the column without reading much.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Qt

from mentordesk.models import AttendanceStatus
from mentordesk.services.groups import RosterRow
from mentordesk.ui.itemmodels.base import AnyIndex, RowTableModel
from mentordesk.ui.widgets.group_labels import (
    ROLE_LABELS,
    STATUS_LABELS,
    STATUS_LETTERS,
    status_colour,
)

#: A row's attendance status (an AttendanceStatus, or None when not marked).
STATUS_ROLE = Qt.ItemDataRole.UserRole


class Column(enum.IntEnum):
    NUMBER = 0
    NAME = enum.auto()
    ROLE = enum.auto()
    STATUS = enum.auto()

    @property
    def header(self) -> str:
        return {Column.NUMBER: "#", Column.NAME: "Name", Column.ROLE: "Role", Column.STATUS: "Attendance"}[self]


class GroupRosterModel(RowTableModel):
    COLUMNS = Column

    def __init__(self, parent: QObject | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self._rows: tuple[RosterRow, ...] = ()
        self.compact = compact

    def row_at(self, row: int) -> RosterRow:
        return self._rows[row]

    def row_of(self, person_id: int) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r.person_id == person_id), None)

    def set_rows(self, rows: Sequence[RosterRow]) -> None:
        rows = tuple(rows)
        if [r.person_id for r in rows] != [r.person_id for r in self._rows]:
            super().set_rows(rows)
            return
        # Same people: only the changed cells, so the current row and the keyboard stay put.
        for number, (old, new) in enumerate(zip(self._rows, rows, strict=True)):
            if old != new:
                self._set(number, new)

    def set_status(self, row: int, status: AttendanceStatus | None) -> None:
        self._set(row, replace(self._rows[row], status=status))

    def _set(self, row: int, value: RosterRow) -> None:
        rows = list(self._rows)
        rows[row] = value
        self._rows = tuple(rows)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row_for(index)
        if row is None:
            return None
        column = Column(index.column())
        if role == STATUS_ROLE:
            return row.status
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            match column:
                case Column.NUMBER:
                    return str(index.row() + 1)
                case Column.NAME:
                    return row.name
                case Column.ROLE:
                    return ROLE_LABELS.get(row.role, str(row.role))
                case Column.STATUS:
                    if row.status is None:
                        return "" if self.compact else "–"
                    labels = STATUS_LETTERS if self.compact else STATUS_LABELS
                    return labels[row.status]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.NUMBER,):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.STATUS and row.status is not None:
            return status_colour(row.status)
        return None
