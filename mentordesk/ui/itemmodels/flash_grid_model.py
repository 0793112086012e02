"""The master grid of a flash plan: one row per table (and the waiting row), one column per round.

Rows are ``GridRow`` values from ``services.flash.views``; the first column names the table and
its mentor, each further column lists who sits there in that round. Rounds already held are
greyed out, since neither a swap nor a re-plan can change them any more.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from mentordesk.services.flash.views import GridRow
from mentordesk.ui.itemmodels.base import AnyIndex, RowTableModel

#: The row itself (a GridRow).
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
#: The mentee ids of a cell, in the order shown.
IDS_ROLE = Qt.ItemDataRole.UserRole + 2
BREAK_TEXT = "— break —"
EMPTY_TEXT = "(empty seat)"
#: Names a grid cell lists before "… and N more".
WAITING_SHOWN = 8


class Column(enum.IntEnum):
    """The fixed first column; the rounds follow it."""

    TABLE = 0

    @property
    def header(self) -> str:
        return "Table"


class FlashGridModel(RowTableModel):
    COLUMNS = Column

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[GridRow, ...] = ()
        self._round_count = 0
        self._held = 0
        self._current = 0

    def set_grid(self, rows: Sequence[GridRow], round_count: int, held: int, current: int = 0) -> None:
        """``held``: rounds that have started; ``current``: the round being held now (0: none)."""
        self.beginResetModel()
        self._rows = tuple(rows)
        self._round_count = round_count
        self._held = held
        self._current = current
        self.endResetModel()

    @property
    def round_count(self) -> int:
        return self._round_count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 1 + self._round_count

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return Column.TABLE.header
        if 1 <= section <= self._round_count:
            if section == self._current:
                return f"Round {section} ▶"
            return f"Round {section}" + (" ✓" if section <= self._held else "")
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row: GridRow | None = self._row_for(index)
        if row is None or index.column() > self._round_count:
            return None
        column = index.column()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            # Cells of several names (and the long waiting row) read from the top.
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if column == 0:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return row.mentor if row.table is None else f"{row.table} · {row.mentor}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return "Mentees waiting in each round" if row.table is None else f"Table {row.table}: {row.mentor}"
            return None
        cell = row.cells[column - 1]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            if cell is None:
                return BREAK_TEXT
            if not cell:
                return "" if row.table is None else EMPTY_TEXT
            if role == Qt.ItemDataRole.DisplayRole and len(cell) > WAITING_SHOWN + 1:
                # A waiting row of a big event would be as tall as a hundred names; the tooltip has them all.
                return "\n".join(cell[:WAITING_SHOWN]) + f"\n… and {len(cell) - WAITING_SHOWN} more"
            return "\n".join(cell)
        if role == Qt.ItemDataRole.BackgroundRole and column == self._current:
            return QApplication.palette().brush(QPalette.ColorGroup.Active, QPalette.ColorRole.AlternateBase)
        if role == IDS_ROLE:
            return row.ids[column - 1] if row.ids else ()
        if role == Qt.ItemDataRole.ForegroundRole and (column <= self._held or cell is None or not cell):
            return QApplication.palette().brush(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
        return None
