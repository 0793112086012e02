"""One mentor's table across all rounds: who sits there in each round (``TableRound`` rows)."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from mentordesk.services.flash.views import TableRound
from mentordesk.ui.itemmodels.base import AnyIndex, RowTableModel


class Column(enum.IntEnum):
    ROUND = 0
    MENTEES = enum.auto()

    @property
    def header(self) -> str:
        return "Round" if self is Column.ROUND else "Mentees at the table"


class FlashTableModel(RowTableModel):
    COLUMNS = Column

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[TableRound, ...] = ()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row: TableRound | None = self._row_for(index)
        if row is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if index.column() == Column.ROUND:
                return f"{row.round_number}" + (" (held)" if row.held else "")
            if row.on_break:
                return "Break"
            return ", ".join(row.mentees) if row.mentees else "Nobody (free)"
        if role == Qt.ItemDataRole.ForegroundRole and row.held:
            return QApplication.palette().brush(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
        return None
