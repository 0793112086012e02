"""The import dialog's preview: the first rows of the file as the import will read them.

Rows are the service's ``RowReading`` values, so what the preview shows is exactly what the import
will do; a skipped row shows who it was and why it is skipped.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from mentordesk.services.importing import Field, PersonRecord, RowReading
from mentordesk.ui.itemmodels.base import AnyIndex, RowTableModel
from mentordesk.ui.itemmodels.people_model import ROLE_LABELS


class PreviewColumn(enum.IntEnum):
    LINE = 0
    NAME = enum.auto()
    ROLE = enum.auto()
    STATUS = enum.auto()
    EMAIL = enum.auto()
    ORGANISATION = enum.auto()
    TITLE = enum.auto()
    DEPARTMENT = enum.auto()
    PRONOUNS = enum.auto()
    TOPICS = enum.auto()
    REQUESTED = enum.auto()
    CONSENT = enum.auto()
    EXTERNAL_ID = enum.auto()
    NOTES = enum.auto()

    @property
    def header(self) -> str:
        return _HEADERS[self]

    @property
    def fields(self) -> tuple[Field, ...]:
        """The fields that fill this column; a column with none is always shown."""
        return _FIELDS.get(self, ())


_HEADERS = {
    PreviewColumn.LINE: "Line",
    PreviewColumn.NAME: "Name",
    PreviewColumn.ROLE: "Role",
    PreviewColumn.STATUS: "Status",
    PreviewColumn.EMAIL: "E-mail",
    PreviewColumn.ORGANISATION: "Organisation",
    PreviewColumn.TITLE: "Job title",
    PreviewColumn.DEPARTMENT: "Department",
    PreviewColumn.PRONOUNS: "Pronouns",
    PreviewColumn.TOPICS: "Topics",
    PreviewColumn.REQUESTED: "Requested mentors",
    PreviewColumn.CONSENT: "Consent",
    PreviewColumn.EXTERNAL_ID: "Attendee no.",
    PreviewColumn.NOTES: "Notes",
}

_FIELDS = {
    PreviewColumn.EMAIL: (Field.EMAIL,),
    PreviewColumn.ORGANISATION: (Field.ORGANIZATION,),
    PreviewColumn.TITLE: (Field.TITLE,),
    PreviewColumn.DEPARTMENT: (Field.DEPARTMENT,),
    PreviewColumn.PRONOUNS: (Field.PRONOUNS,),
    PreviewColumn.TOPICS: (Field.TOPICS,),
    PreviewColumn.REQUESTED: (Field.REQUESTED_MENTORS,),
    PreviewColumn.CONSENT: (Field.CONSENT,),
    PreviewColumn.EXTERNAL_ID: (Field.EXTERNAL_ID,),
    PreviewColumn.NOTES: (Field.NOTES,),
}


def _joined(values: Sequence[str] | None) -> str:
    return ", ".join(values) if values else ""


def _record_text(record: PersonRecord, column: PreviewColumn) -> str:
    match column:
        case PreviewColumn.NAME:
            return record.full_name
        case PreviewColumn.ROLE:
            return ROLE_LABELS.get(record.role, str(record.role))
        case PreviewColumn.EMAIL:
            return record.email or ""
        case PreviewColumn.ORGANISATION:
            return record.organization or ""
        case PreviewColumn.TITLE:
            return record.title or ""
        case PreviewColumn.DEPARTMENT:
            return record.department or ""
        case PreviewColumn.PRONOUNS:
            return record.pronouns or ""
        case PreviewColumn.TOPICS:
            return _joined(record.topics)
        case PreviewColumn.REQUESTED:
            return _joined(record.requested_mentors)
        case PreviewColumn.CONSENT:
            return "" if record.consent is None else ("Yes" if record.consent else "No")
        case PreviewColumn.EXTERNAL_ID:
            return record.external_id or ""
        case PreviewColumn.NOTES:
            return record.notes or ""
    return ""


def status_text(reading: RowReading) -> str:
    """What the import will do with the row, in words."""
    if reading.record is None:
        reason = reading.skipped.message if reading.skipped is not None else "cannot be read"
        return f"Skipped: {reason}"
    if reading.warnings:
        return "Ready; " + "; ".join(warning.message for warning in reading.warnings)
    return "Ready"


class ImportPreviewModel(RowTableModel):
    """The first few rows of the file, read as the import will read them."""

    COLUMNS = PreviewColumn

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[RowReading, ...] = ()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        reading = self._rows[index.row()]
        column = PreviewColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(reading, column)
        if role == Qt.ItemDataRole.ForegroundRole and reading.record is None:
            # A skipped row is greyed out: it will not be imported.
            return QApplication.palette().brush(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == PreviewColumn.LINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _text(reading: RowReading, column: PreviewColumn) -> str:
        if column == PreviewColumn.LINE:
            return str(reading.line)
        if column == PreviewColumn.STATUS:
            return status_text(reading)
        if reading.record is None:
            who = reading.skipped.who if reading.skipped is not None else ""
            return who if column == PreviewColumn.NAME else ""
        return _record_text(reading.record, column)
