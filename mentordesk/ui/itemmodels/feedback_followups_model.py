"""The mutual follow-ups list: pairs who both asked to follow up and both agreed to share contacts."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QObject, Qt

from mentordesk.services.feedback import Contact, MutualFollowUp
from mentordesk.ui.itemmodels.base import AnyIndex, RowTableModel

ROW_ROLE = Qt.ItemDataRole.UserRole + 1


class Column(enum.IntEnum):
    MENTEE = 0
    MENTEE_CONTACT = enum.auto()
    MENTOR = enum.auto()
    MENTOR_CONTACT = enum.auto()
    ROUND = enum.auto()

    @property
    def header(self) -> str:
        return _HEADERS[self]


_HEADERS = {
    Column.MENTEE: "Mentee",
    Column.MENTEE_CONTACT: "Mentee's contact",
    Column.MENTOR: "Mentor",
    Column.MENTOR_CONTACT: "Mentor's contact",
    Column.ROUND: "Met in round",
}


def contact_text(contact: Contact) -> str:
    parts = [contact.email or "no e-mail address on record"]
    if contact.organization:
        parts.append(contact.organization)
    return " · ".join(parts)


class FollowUpsModel(RowTableModel):
    COLUMNS = Column

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[MutualFollowUp, ...] = ()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row_for(index)
        if row is None:
            return None
        if role == ROW_ROLE:
            return row
        column = Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column is Column.MENTEE:
                return row.mentee.name
            if column is Column.MENTEE_CONTACT:
                return contact_text(row.mentee)
            if column is Column.MENTOR:
                return row.mentor.name
            if column is Column.MENTOR_CONTACT:
                return contact_text(row.mentor)
            return row.round_number
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.ROUND:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
