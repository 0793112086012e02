"""People not yet arrived, each with a check box: the list behind "check in from a paper list".

``ArrivalListModel`` holds ``PersonRow`` values and which of them are ticked; ``ArrivalFilterModel``
narrows it to rows whose name or organisation holds every typed word (accent- and case-blind),
without forgetting what was ticked among the rows it hides.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from mentordesk.models.normalize import fold
from mentordesk.services.people import PersonRow
from mentordesk.ui.itemmodels.base import TEXT_ROLES, AnyIndex, RowTableModel, WordFilterModel
from mentordesk.ui.itemmodels.people_model import ROLE_LABELS

#: The row itself (a PersonRow).
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


class Column(enum.IntEnum):
    NAME = 0
    ROLE = enum.auto()
    ORGANISATION = enum.auto()

    @property
    def header(self) -> str:
        return _HEADERS[self]


_HEADERS = {Column.NAME: "Name", Column.ROLE: "Role", Column.ORGANISATION: "Organisation"}


class ArrivalListModel(RowTableModel):
    """One row per person; the name column carries the check box."""

    COLUMNS = Column

    #: How many rows are ticked changed.
    checked_count_changed = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PersonRow] = []
        self._search: list[str] = []
        self._checked: set[int] = set()

    # -- contents

    def set_rows(self, rows: Sequence[PersonRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._search = [fold(f"{row.full_name} {row.organization}") for row in self._rows]
        self._checked &= {row.id for row in self._rows}
        self.endResetModel()
        self.checked_count_changed.emit(len(self._checked))

    def row_at(self, row: int) -> PersonRow:
        return self._rows[row]

    def search_text_at(self, row: int) -> str:
        return self._search[row]

    @property
    def checked_ids(self) -> list[int]:
        """Ticked people, in list order."""
        return [row.id for row in self._rows if row.id in self._checked]

    def set_checked(self, rows: Sequence[int], checked: bool) -> None:
        """Tick or untick several rows (by row number) at once."""
        for number in rows:
            person_id = self._rows[number].id
            if checked:
                self._checked.add(person_id)
            else:
                self._checked.discard(person_id)
            index = self.index(number, Column.NAME)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checked_count_changed.emit(len(self._checked))

    # -- QAbstractTableModel

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == Column.NAME:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row_for(index)
        if row is None:
            return None
        column = Column(index.column())
        if role in TEXT_ROLES:
            match column:
                case Column.NAME:
                    return row.full_name
                case Column.ROLE:
                    return ROLE_LABELS.get(row.role, str(row.role))
                case Column.ORGANISATION:
                    return row.organization
        if role == Qt.ItemDataRole.CheckStateRole and column == Column.NAME:
            return Qt.CheckState.Checked if row.id in self._checked else Qt.CheckState.Unchecked
        if role == ROW_ROLE:
            return row
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or index.column() != Column.NAME:
            return False
        self.set_checked([index.row()], Qt.CheckState(value) == Qt.CheckState.Checked)
        return True


class ArrivalFilterModel(WordFilterModel):
    """Rows whose name or organisation holds every typed word; "zoe" finds "Zoë"."""

    def source_rows(self) -> list[int]:
        """Source row numbers of the rows shown."""
        return [self.mapToSource(self.index(row, 0)).row() for row in range(self.rowCount())]
