"""The table of people: a model over ``PersonRow`` values and the filter-as-you-type proxy.

Refreshing with the same people in the same order only reports the cells that changed, so a
periodic refresh (someone checked in at another station) keeps the selection and scroll position.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from mentordesk.models import Role
from mentordesk.models.normalize import fold
from mentordesk.services.people import PersonRow

AnyIndex = QModelIndex | QPersistentModelIndex
_HAS_FILTER_CHANGE = hasattr(QSortFilterProxyModel, "endFilterChange")

#: The row itself (a PersonRow), for views and tests that need more than the text.
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
#: A string that sorts the column the way a person expects (names by last name, accent-blind).
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

ROLE_LABELS = {Role.MENTOR: "Mentor", Role.MENTEE: "Mentee", Role.FACILITATOR: "Facilitator"}
_ROLE_ORDER = {Role.MENTOR: "0", Role.MENTEE: "1", Role.FACILITATOR: "2"}


class Column(enum.IntEnum):
    NAME = 0
    ROLE = enum.auto()
    ORGANISATION = enum.auto()
    TOPICS = enum.auto()
    BADGE_CODE = enum.auto()
    ARRIVED = enum.auto()

    @property
    def header(self) -> str:
        return _HEADERS[self]


_HEADERS = {
    Column.NAME: "Name",
    Column.ROLE: "Role",
    Column.ORGANISATION: "Organisation",
    Column.TOPICS: "Topics",
    Column.BADGE_CODE: "Badge code",
    Column.ARRIVED: "Arrived",
}


def search_text(row: PersonRow) -> str:
    """Everything the filter box matches against, folded once per refresh rather than per keystroke."""
    parts = [row.full_name, row.organization, row.title, row.badge_code, row.email or "", *row.topics]
    return fold(" ".join(parts))


class PeopleModel(QAbstractTableModel):
    """Everyone at the event, read-only, one row per person."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PersonRow] = []
        self._search: list[str] = []

    # -- contents

    @property
    def rows(self) -> Sequence[PersonRow]:
        return tuple(self._rows)

    def set_rows(self, rows: Sequence[PersonRow]) -> None:
        rows = list(rows)
        if [r.id for r in rows] != [r.id for r in self._rows]:
            self.beginResetModel()
            self._rows = rows
            self._search = [search_text(r) for r in rows]
            self.endResetModel()
            return
        last_column = len(Column) - 1
        for number, (old, new) in enumerate(zip(self._rows, rows, strict=True)):
            if old != new:
                self._rows[number] = new
                self._search[number] = search_text(new)
                self.dataChanged.emit(self.index(number, 0), self.index(number, last_column))

    def row_at(self, row: int) -> PersonRow:
        return self._rows[row]

    def search_text_at(self, row: int) -> str:
        return self._search[row]

    @property
    def arrived_count(self) -> int:
        return sum(r.checked_in for r in self._rows)

    # -- QAbstractTableModel

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column):
            if role == Qt.ItemDataRole.DisplayRole:
                return Column(section).header
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.ARRIVED and not row.checked_in:
            return QApplication.palette().brush(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(row, column)
        return None

    @staticmethod
    def _display(row: PersonRow, column: Column) -> str:
        match column:
            case Column.NAME:
                return row.full_name
            case Column.ROLE:
                return ROLE_LABELS.get(row.role, str(row.role))
            case Column.ORGANISATION:
                return row.organization
            case Column.TOPICS:
                return ", ".join(row.topics)
            case Column.BADGE_CODE:
                return row.badge_code
            case Column.ARRIVED:
                return "Arrived" if row.checked_in else "Not yet"

    @staticmethod
    def _tooltip(row: PersonRow, column: Column) -> str:
        if column == Column.NAME:
            lines = [row.full_name]
            if row.title or row.organization:
                lines.append(", ".join(part for part in (row.title, row.organization) if part))
            if row.email:
                lines.append(row.email)
            return "\n".join(lines)
        if column == Column.TOPICS:
            return "\n".join(row.topics)
        return PeopleModel._display(row, column)

    @staticmethod
    def _sort_key(row: PersonRow, column: Column) -> str:
        match column:
            case Column.NAME:
                return f"{fold(row.last_name)}\x00{fold(row.first_name)}"
            case Column.ROLE:
                return _ROLE_ORDER.get(row.role, "9")
            case Column.ORGANISATION:
                return fold(row.organization)
            case Column.TOPICS:
                return fold(", ".join(row.topics))
            case Column.BADGE_CODE:
                return row.badge_code
            case Column.ARRIVED:
                return "0" if row.checked_in else "1"


class PeopleFilterModel(QSortFilterProxyModel):
    """Keeps the rows whose name, organisation, topics, e-mail or badge code hold every typed word.

    Matching is accent- and case-blind ("zoe sim" finds "Zoë Šimůnek"), like check-in search.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    @property
    def query(self) -> str:
        return " ".join(self._words)

    def set_query(self, text: str) -> None:
        words = fold(text).split()
        if words == self._words:
            return
        if _HAS_FILTER_CHANGE:
            # Qt 6.9+ wants filter changes bracketed (invalidateFilter is deprecated there).
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - PySide6 before 6.9, still allowed by pyproject.toml
            self._words = words
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        if not isinstance(model, PeopleModel):
            return True
        haystack = model.search_text_at(source_row)
        return all(word in haystack for word in self._words)
