"""People who could join a group (or whose goals and history to show), searchable accent-blind.

The filter keeps rows holding every typed word of name, role, department or topics: "zoe" finds
"Zoë", "lukasz" finds "Łukasz".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt

from mentordesk.models.normalize import fold
from mentordesk.services.groups import Candidate
from mentordesk.ui.itemmodels.base import TEXT_ROLES, AnyIndex, RowTableModel, WordFilterModel
from mentordesk.ui.itemmodels.group_people import PersonColumn as Column
from mentordesk.ui.itemmodels.group_people import person_text
from mentordesk.ui.itemmodels.people_model import ROLE_LABELS

__all__ = ["CandidateFilterModel", "Column", "GroupCandidateModel"]


def _search_text(c: Candidate) -> str:
    return fold(" ".join((c.name, ROLE_LABELS.get(c.role, ""), c.department, *c.topics)))


class GroupCandidateModel(RowTableModel):
    COLUMNS = Column

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[Candidate, ...] = ()
        self._search: tuple[str, ...] = ()

    def set_rows(self, rows: Sequence[Candidate]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self._search = tuple(_search_text(c) for c in self._rows)
        self.endResetModel()

    def row_at(self, row: int) -> Candidate:
        return self._rows[row]

    def row_of(self, person_id: int) -> int | None:
        return next((n for n, c in enumerate(self._rows) if c.person_id == person_id), None)

    def search_text_at(self, row: int) -> str:
        return self._search[row]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        c = self._row_for(index)
        if c is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == Column.NAME:
            # Namesakes are told apart by their department and interests.
            return "\n".join(part for part in (c.name, c.department, ", ".join(c.topics)) if part)
        if role in TEXT_ROLES:
            return person_text(c, Column(index.column()), ROLE_LABELS)
        return None


class CandidateFilterModel(WordFilterModel):
    """Keeps the people whose name, role, department or topics hold every typed word."""
