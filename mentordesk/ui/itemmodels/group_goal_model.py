"""A mentee's goals: title, group, target date, status and latest progress."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QObject, Qt

from mentordesk.services.groups import GoalInfo
from mentordesk.ui.itemmodels.base import AnyIndex, RowTableModel
from mentordesk.ui.widgets.group_labels import GOAL_STATUS_LABELS, day_text


class Column(enum.IntEnum):
    TITLE = 0
    GROUP = enum.auto()
    TARGET = enum.auto()
    STATUS = enum.auto()
    PROGRESS = enum.auto()

    @property
    def header(self) -> str:
        return {Column.TITLE: "Goal", Column.GROUP: "Group", Column.TARGET: "Target date",
                Column.STATUS: "Status", Column.PROGRESS: "Progress"}[self]


class GroupGoalModel(RowTableModel):
    COLUMNS = Column

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[GoalInfo, ...] = ()

    def row_at(self, row: int) -> GoalInfo:
        return self._rows[row]

    def row_of(self, goal_id: int) -> int | None:
        return next((n for n, g in enumerate(self._rows) if g.id == goal_id), None)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        goal = self._row_for(index)
        if goal is None:
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.ToolTipRole and column in (Column.PROGRESS, Column.TITLE):
            lines = [goal.title, *(goal.description.splitlines()[:3])] if column == Column.TITLE else []
            lines += [f"{day_text(e.recorded_on)}: {e.percent} %" + (f" — {e.comment}" if e.comment else "")
                      for e in goal.entries]
            return "\n".join(lines) or "No progress recorded yet"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            match column:
                case Column.TITLE:
                    return goal.title
                case Column.GROUP:
                    return goal.group_name or "–"
                case Column.TARGET:
                    return day_text(goal.target_on) if goal.target_on else "–"
                case Column.STATUS:
                    return GOAL_STATUS_LABELS.get(goal.status, str(goal.status))
                case Column.PROGRESS:
                    return f"{goal.progress} %"
        return None
