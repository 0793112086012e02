"""The people whose name matches what is typed at the desk: a model over ``Candidate`` values.

Rebuilt at each keystroke from a short list (a handful of rows), so a reset is the simplest
honest update.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from mentordesk.services.desk_reads import Candidate
from mentordesk.ui.itemmodels.base import AnyIndex, RowTableModel
from mentordesk.ui.itemmodels.checkin_log_model import local_time
from mentordesk.ui.itemmodels.people_model import ROLE_LABELS

#: The row itself (a Candidate).
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


class Column(enum.IntEnum):
    NAME = 0
    ROLE = enum.auto()
    ORGANISATION = enum.auto()
    STATUS = enum.auto()

    @property
    def header(self) -> str:
        return _HEADERS[self]


_HEADERS = {Column.NAME: "Name", Column.ROLE: "Role", Column.ORGANISATION: "Organisation", Column.STATUS: "Status"}


def status_text(candidate: Candidate) -> str:
    if not candidate.arrived:
        return "Not yet arrived"
    at = candidate.card.checked_in_at
    return f"Arrived {local_time(at)}" if at else "Arrived"


def who_text(candidate: Candidate) -> str:
    """The organisation, or for someone listed with another of the same name what tells them apart."""
    return candidate.distinction or candidate.card.organization


class CandidatesModel(RowTableModel):
    """Read-only; one row per matching person, best match first."""

    COLUMNS = Column

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Candidate] = []

    @property
    def rows(self) -> Sequence[Candidate]:
        return tuple(self._rows)

    def row_at(self, row: int) -> Candidate:
        return self._rows[row]

    def set_rows(self, rows: Sequence[Candidate]) -> None:
        rows = list(rows)
        if rows == self._rows:
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    # -- QAbstractTableModel

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        candidate = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.AccessibleTextRole and column == Column.NAME and candidate.distinction:
            return f"{candidate.card.name}, {candidate.distinction}"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(candidate, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            card = candidate.card
            return "\n".join(part for part in (card.name, who_text(candidate), status_text(candidate)) if part)
        if role == ROW_ROLE:
            return candidate
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.STATUS and not candidate.arrived:
            return QApplication.palette().brush(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
        return None

    @staticmethod
    def _display(candidate: Candidate, column: Column) -> str:
        card = candidate.card
        match column:
            case Column.NAME:
                return card.name
            case Column.ROLE:
                return ROLE_LABELS.get(card.role, str(card.role))
            case Column.ORGANISATION:
                return who_text(candidate)
            case Column.STATUS:
                return status_text(candidate)
