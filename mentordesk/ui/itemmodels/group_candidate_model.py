"""People who could join a group (or whose goals and history to show), searchable accent-blind.

The filter keeps rows holding every typed word of name, role, department or topics: "zoe" finds
"Zoë", "lukasz" finds "Łukasz".
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt

from mentordesk.models.normalize import fold
from mentordesk.services.groups import Candidate
from mentordesk.ui.itemmodels.base import AnyIndex, RowTableModel
from mentordesk.ui.itemmodels.people_model import ROLE_LABELS

_HAS_FILTER_CHANGE = hasattr(QSortFilterProxyModel, "endFilterChange")


class Column(enum.IntEnum):
    NAME = 0
    ROLE = enum.auto()
    DEPARTMENT = enum.auto()
    TOPICS = enum.auto()

    @property
    def header(self) -> str:
        return {Column.NAME: "Name", Column.ROLE: "Role", Column.DEPARTMENT: "Department / grade",
                Column.TOPICS: "Topics"}[self]


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
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            match Column(index.column()):
                case Column.NAME:
                    return c.name
                case Column.ROLE:
                    return ROLE_LABELS.get(c.role, str(c.role))
                case Column.DEPARTMENT:
                    return c.department
                case Column.TOPICS:
                    return ", ".join(c.topics)
        return None


class CandidateFilterModel(QSortFilterProxyModel):
    """Keeps the people whose name, role, department or topics hold every typed word."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    def set_query(self, text: str) -> None:
        words = fold(text).split()
        if words == self._words:
            return
        if _HAS_FILTER_CHANGE:
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - PySide6 before 6.9
            self._words = words
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        if not self._words or not isinstance(model, GroupCandidateModel):
            return True
        haystack = model.search_text_at(source_row)
        return all(word in haystack for word in self._words)
