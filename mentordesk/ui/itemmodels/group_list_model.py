"""The list of groups on the Groups page: kind, size, next session and attendance rate, one group a row.

Rows accept dropped members (see ``group_people.MemberDropModel``): the model says who was dropped on
which group through ``members_dropped`` and the page asks the service to move them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont

from mentordesk.services.groups import GroupSummary
from mentordesk.ui.itemmodels.base import AnyIndex
from mentordesk.ui.itemmodels.group_people import MemberDropModel
from mentordesk.ui.widgets.group_labels import KIND_LABELS, plural, rate_text, when_text

ROW_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class GroupRow:
    summary: GroupSummary
    #: Attendance rate over held sessions (None: nothing counted yet).
    rate: float | None


class Column(enum.IntEnum):
    NAME = 0
    KIND = enum.auto()
    SIZE = enum.auto()
    NEXT = enum.auto()
    RATE = enum.auto()

    @property
    def header(self) -> str:
        return {Column.NAME: "Group", Column.KIND: "Kind", Column.SIZE: "Members",
                Column.NEXT: "Next session", Column.RATE: "Attendance"}[self]


def size_text(summary: GroupSummary) -> str:
    parts = []
    if summary.mentor_count:
        parts.append(plural(summary.mentor_count, "mentor", "mentors"))
    if summary.mentee_count:
        parts.append(plural(summary.mentee_count, "mentee", "mentees"))
    if summary.peer_count:
        parts.append(plural(summary.peer_count, "peer", "peers"))
    return " + ".join(parts) or "nobody yet"


class GroupListModel(MemberDropModel):
    """``members_dropped`` keys are group ids."""

    COLUMNS = Column

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[GroupRow, ...] = ()

    def row_at(self, row: int) -> GroupRow:
        return self._rows[row]

    def row_of(self, group_id: int) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r.summary.id == group_id), None)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row_for(index)
        if row is None:
            return None
        column = Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            s = row.summary
            if column == Column.NAME:
                return "\n".join(p for p in (s.name, s.topic, s.location) if p)
            return self._display(row, column)
        if role == Qt.ItemDataRole.FontRole and row.summary.archived:
            font = QFont()
            font.setItalic(True)
            return font
        if role == ROW_ROLE:
            return row
        return None

    @staticmethod
    def _display(row: GroupRow, column: Column) -> str:
        s = row.summary
        match column:
            case Column.NAME:
                return f"{s.name} (archived)" if s.archived else s.name
            case Column.KIND:
                return KIND_LABELS.get(s.kind, str(s.kind))
            case Column.SIZE:
                return size_text(s)
            case Column.NEXT:
                return when_text(s.next_starts_at) if s.next_starts_at else "–"
            case Column.RATE:
                return rate_text(row.rate)

    def _drop_key(self, row: GroupRow) -> int:
        return row.summary.id
