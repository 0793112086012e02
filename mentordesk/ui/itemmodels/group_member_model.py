"""The members of one group, in sign-in order, draggable onto another group of the list."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QMimeData, QObject, Qt

from mentordesk.services.groups import MemberInfo
from mentordesk.ui.groups.labels import ROLE_LABELS
from mentordesk.ui.itemmodels.base import AnyIndex, RowTableModel
from mentordesk.ui.itemmodels.group_moves import MEMBERS_MIME, members_mime


class Column(enum.IntEnum):
    NAME = 0
    ROLE = enum.auto()
    DEPARTMENT = enum.auto()
    TOPICS = enum.auto()

    @property
    def header(self) -> str:
        return {Column.NAME: "Name", Column.ROLE: "Role", Column.DEPARTMENT: "Department / grade",
                Column.TOPICS: "Topics"}[self]


class GroupMemberModel(RowTableModel):
    COLUMNS = Column

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[MemberInfo, ...] = ()
        self.group_id: int | None = None

    def show_group(self, group_id: int | None, members: Sequence[MemberInfo]) -> None:
        self.group_id = group_id
        self.set_rows(members)

    def row_at(self, row: int) -> MemberInfo:
        return self._rows[row]

    def row_of(self, person_id: int) -> int | None:
        return next((n for n, m in enumerate(self._rows) if m.person_id == person_id), None)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        member = self._row_for(index)
        if member is None:
            return None
        column = Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            match column:
                case Column.NAME:
                    return member.name
                case Column.ROLE:
                    return ROLE_LABELS.get(member.role, str(member.role))
                case Column.DEPARTMENT:
                    return member.department
                case Column.TOPICS:
                    return ", ".join(member.topics)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid():
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        return [MEMBERS_MIME]

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeData(self, indexes: Sequence[AnyIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return members_mime(self.group_id, [self._rows[r].person_id for r in rows])
