"""The sessions in a person's history across groups, with how they attended each."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QObject, Qt

from mentordesk.services.groups import HistorySession
from mentordesk.ui.itemmodels.base import AnyIndex, RowTableModel
from mentordesk.ui.widgets.group_labels import STATUS_LABELS, status_colour, when_text


class Column(enum.IntEnum):
    WHEN = 0
    GROUP = enum.auto()
    TOPIC = enum.auto()
    STATUS = enum.auto()

    @property
    def header(self) -> str:
        return {Column.WHEN: "Session", Column.GROUP: "Group", Column.TOPIC: "Topic",
                Column.STATUS: "Attendance"}[self]


class GroupHistoryModel(RowTableModel):
    COLUMNS = Column

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[HistorySession, ...] = ()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        s = self._row_for(index)
        if s is None:
            return None
        column = Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            match column:
                case Column.WHEN:
                    return when_text(s.starts_at)
                case Column.GROUP:
                    return s.group_name
                case Column.TOPIC:
                    return s.topic
                case Column.STATUS:
                    return STATUS_LABELS[s.status] if s.status else "–"
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.STATUS and s.status is not None:
            return status_colour(s.status)
        return None
