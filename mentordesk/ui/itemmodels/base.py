"""The shared half of every table model: plain dataclass rows shown in the columns of an enum.

Each model names its column enum (members with a ``header`` property) in ``COLUMNS`` and keeps
its rows in ``self._rows``; this base answers Qt's size, header and flag questions, so a model
only says what its cells show. ``WordFilterModel`` is the accent-blind "every typed word" search
proxy for models that answer ``search_text_at(row)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from mentordesk.models.normalize import fold

AnyIndex = QModelIndex | QPersistentModelIndex

#: The roles a plain text cell answers with its text (a screen reader and a hover read what is shown).
TEXT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole)

_HAS_FILTER_CHANGE = hasattr(QSortFilterProxyModel, "endFilterChange")


class RowTableModel(QAbstractTableModel):
    COLUMNS: ClassVar[type[Enum]]
    _rows: Sequence[Any]

    @property
    def rows(self) -> Sequence[Any]:
        return self._rows

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace every row (a reset: for short lists rebuilt as a whole)."""
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def _row_for(self, index: AnyIndex) -> Any | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.COLUMNS(section).header  # type: ignore[attr-defined]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class WordFilterModel(QSortFilterProxyModel):
    """Keeps the source rows whose ``search_text_at(row)`` (already folded) holds every typed word."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []

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
        search_text_at = getattr(self.sourceModel(), "search_text_at", None)
        if not self._words or search_text_at is None:
            return True
        haystack = search_text_at(source_row)
        return all(word in haystack for word in self._words)
