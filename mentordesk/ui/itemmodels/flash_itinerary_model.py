"""One person's itinerary through the rounds of a flash session (``Stop`` rows)."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from mentordesk.services.flash.views import Stop
from mentordesk.ui.itemmodels.base import AnyIndex, RowTableModel


class Column(enum.IntEnum):
    ROUND = 0
    WHERE = enum.auto()
    WITH = enum.auto()

    @property
    def header(self) -> str:
        return {Column.ROUND: "Round", Column.WHERE: "Where", Column.WITH: "With"}[self]


class FlashItineraryModel(RowTableModel):
    COLUMNS = Column

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[Stop, ...] = ()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        stop: Stop | None = self._row_for(index)
        if stop is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            match Column(index.column()):
                case Column.ROUND:
                    return f"{stop.round_number}" + (" (held)" if stop.held else "")
                case Column.WHERE:
                    return stop.where
                case Column.WITH:
                    return ", ".join(stop.with_names)
        if role == Qt.ItemDataRole.ForegroundRole and stop.held:
            return QApplication.palette().brush(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
        return None
