"""Sessions across groups (upcoming or past): when, which group, topic, where, and who came."""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont

from mentordesk.models import SessionMode
from mentordesk.services.groups import SessionInfo
from mentordesk.ui.itemmodels.base import AnyIndex, RowTableModel
from mentordesk.ui.widgets.group_labels import when_text


class Column(enum.IntEnum):
    WHEN = 0
    GROUP = enum.auto()
    TOPIC = enum.auto()
    PLACE = enum.auto()
    ATTENDANCE = enum.auto()

    @property
    def header(self) -> str:
        return {Column.WHEN: "When", Column.GROUP: "Group", Column.TOPIC: "Topic", Column.PLACE: "Where",
                Column.ATTENDANCE: "Attendance"}[self]


def attendance_text(info: SessionInfo, now: datetime | None = None) -> str:
    if info.cancelled:
        return "Cancelled"
    c = info.counts
    marked = c.present + c.late + c.absent + c.excused
    if not marked:
        # Only a session that has begun can be missing its attendance.
        started = info.starts_at <= (now or datetime.now(UTC))
        return "not taken" if started else "–"
    text = f"{c.attended} of {marked + c.unmarked} came"
    return text + (f" · {c.unmarked} unmarked" if c.unmarked else "")


class GroupSessionModel(RowTableModel):
    COLUMNS = Column

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[SessionInfo, ...] = ()

    def row_at(self, row: int) -> SessionInfo:
        return self._rows[row]

    def row_of(self, session_id: int) -> int | None:
        return next((n for n, s in enumerate(self._rows) if s.id == session_id), None)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        info = self._row_for(index)
        if info is None:
            return None
        column = Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(info, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.WHEN and info.moved and info.original_starts_at is not None:
                return f"Moved from {when_text(info.original_starts_at)}"
            if column == Column.PLACE and info.meeting_url:
                return info.meeting_url
            return self._display(info, column)
        if role == Qt.ItemDataRole.FontRole and info.cancelled:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None

    @staticmethod
    def _display(info: SessionInfo, column: Column) -> str:
        match column:
            case Column.WHEN:
                text = f"{when_text(info.starts_at)}–{info.ends_at:%H:%M}"
                return text + (" (moved)" if info.moved else "")
            case Column.GROUP:
                return info.group_name
            case Column.TOPIC:
                return info.topic or info.title
            case Column.PLACE:
                return "Remote" if info.mode is SessionMode.REMOTE and not info.location else info.location
            case Column.ATTENDANCE:
                return attendance_text(info)
