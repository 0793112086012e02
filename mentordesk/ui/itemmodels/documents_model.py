"""The Print & export page's list of documents: a model over the catalog's ``DocumentKind`` values."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt

from mentordesk.printing.catalog import DocumentKind
from mentordesk.ui.itemmodels.base import AnyIndex, RowTableModel

#: The row itself (a DocumentKind).
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
#: The document's one-paragraph description, drawn under its title.
DESCRIPTION_ROLE = Qt.ItemDataRole.UserRole + 2


class Column(enum.IntEnum):
    TITLE = 0

    @property
    def header(self) -> str:
        return "Document"


class DocumentsModel(RowTableModel):
    COLUMNS = Column

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[DocumentKind, ...] = ()

    @property
    def rows(self) -> Sequence[DocumentKind]:
        return self._rows

    def row_of(self, key: str) -> int:
        """The row of the document ``key``, or -1."""
        return next((row for row, kind in enumerate(self._rows) if kind.key == key), -1)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        kind = self._row_for(index)
        if kind is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return kind.title
        if role in (DESCRIPTION_ROLE, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return kind.description
        if role == ROW_ROLE:
            return kind
        return None
