"""The import dialog's list of file columns: each column's header, an example value, and its field.

The model holds the service's ``ColumnMapping`` and changes it only through
``ColumnMapping.with_field``, so the rule "a field is fed by one column" stays in the service:
choosing a field for one column may clear it from another, and both rows report the change.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from mentordesk.services.importing import ColumnMapping, Field, Table
from mentordesk.ui.itemmodels.base import AnyIndex, RowTableModel

#: The chosen field's value ("" when the column is ignored), for the drop-down editor.
FIELD_ROLE = Qt.ItemDataRole.UserRole + 1
IGNORE_LABEL = "Ignore"
#: Rows searched for an example value: a column's first cells are often blank.
EXAMPLE_SEARCH_ROWS = 50


class MappingColumn(enum.IntEnum):
    HEADER = 0
    EXAMPLE = enum.auto()
    FIELD = enum.auto()

    @property
    def header(self) -> str:
        return _HEADERS[self]


_HEADERS = {
    MappingColumn.HEADER: "Column in the file",
    MappingColumn.EXAMPLE: "Example",
    MappingColumn.FIELD: "Import as",
}


@dataclass(frozen=True)
class SourceColumn:
    """One column of the file as the mapping list shows it."""

    index: int
    header: str
    example: str


def source_columns(table: Table) -> tuple[SourceColumn, ...]:
    """The file's columns, each with the first non-blank value found near the top as its example."""
    columns = []
    for index, header in enumerate(table.headers):
        example = next(
            (cell for row in table.rows[:EXAMPLE_SEARCH_ROWS] if (cell := row.cell(index).strip())), ""
        )
        columns.append(SourceColumn(index, header.strip() or f"Column {index + 1}", example))
    return tuple(columns)


def field_from_value(value: object) -> Field | None:
    """The field a drop-down value stands for ("" or None: ignored)."""
    return Field(str(value)) if value else None


class ColumnMappingModel(RowTableModel):
    """One row per column of the file; the Import as column is editable."""

    COLUMNS = MappingColumn

    #: The mapping after the user changed it (a ``ColumnMapping``).
    mapping_changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns: tuple[SourceColumn, ...] = ()
        self._mapping = ColumnMapping((), ())

    # -- contents

    @property
    def mapping(self) -> ColumnMapping:
        return self._mapping

    @property
    def columns(self) -> Sequence[SourceColumn]:
        return self._columns

    def set_table(self, table: Table, mapping: ColumnMapping) -> None:
        self.beginResetModel()
        self._columns = source_columns(table)
        self._mapping = mapping
        self.endResetModel()

    def set_field(self, column: int, field: Field | None) -> bool:
        """Map ``column`` to ``field`` (None: ignore it); whether the mapping changed."""
        if self._mapping.fields[column] == field:
            return False
        previous = self._mapping.fields
        self._mapping = self._mapping.with_field(column, field)
        for row, (old, new) in enumerate(zip(previous, self._mapping.fields, strict=True)):
            if old != new:
                cell = self.index(row, MappingColumn.FIELD)
                self.dataChanged.emit(cell, cell)
        self.mapping_changed.emit(self._mapping)
        return True

    # -- QAbstractTableModel

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._columns)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if index.column() == MappingColumn.FIELD:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._columns):
            return None
        source = self._columns[index.row()]
        field = self._mapping.fields[index.row()]
        column = MappingColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            match column:
                case MappingColumn.HEADER:
                    return source.header
                case MappingColumn.EXAMPLE:
                    return source.example
                case MappingColumn.FIELD:
                    return field.label if field is not None else IGNORE_LABEL
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == MappingColumn.FIELD:
                return field.hint if field is not None else "This column is not imported"
            return source.header if column == MappingColumn.HEADER else source.example
        if role in (FIELD_ROLE, Qt.ItemDataRole.EditRole) and column == MappingColumn.FIELD:
            return field.value if field is not None else ""
        if role == Qt.ItemDataRole.ForegroundRole and field is None and column != MappingColumn.FIELD:
            # Columns left out of the import are greyed, so the mapped ones stand out.
            return QApplication.palette().brush(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != MappingColumn.FIELD or role not in (
            Qt.ItemDataRole.EditRole, FIELD_ROLE
        ):
            return False
        try:
            field = field_from_value(value)
        except ValueError:
            return False
        self.set_field(index.row(), field)
        return True
