"""The import summary's list of problems: skipped rows, warnings and likely duplicates, by line."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt

from mentordesk.services.importing import ImportSummary
from mentordesk.ui.itemmodels.base import AnyIndex, RowTableModel


class ProblemKind(enum.Enum):
    SKIPPED = "Skipped"
    WARNING = "Warning"
    DUPLICATE = "Likely duplicate"


@dataclass(frozen=True)
class Problem:
    lines: tuple[int, ...]
    kind: ProblemKind
    who: str
    details: str

    @property
    def lines_text(self) -> str:
        return ", ".join(str(line) for line in self.lines)


def problems_of(summary: ImportSummary) -> tuple[Problem, ...]:
    """Everything the summary reports about single lines, in file order (skips before warnings)."""
    problems = [Problem((issue.line,), ProblemKind.SKIPPED, issue.who, issue.message) for issue in summary.skipped]
    problems += [Problem((issue.line,), ProblemKind.WARNING, issue.who, issue.message) for issue in summary.warnings]
    problems += [Problem(dup.lines, ProblemKind.DUPLICATE, dup.name, dup.reason) for dup in summary.duplicates]
    order = list(ProblemKind)
    return tuple(sorted(problems, key=lambda problem: (problem.lines[0], order.index(problem.kind))))


class ProblemColumn(enum.IntEnum):
    LINE = 0
    KIND = enum.auto()
    WHO = enum.auto()
    DETAILS = enum.auto()

    @property
    def header(self) -> str:
        return _HEADERS[self]


_HEADERS = {
    ProblemColumn.LINE: "Line",
    ProblemColumn.KIND: "What",
    ProblemColumn.WHO: "Who",
    ProblemColumn.DETAILS: "Details",
}


class ImportProblemsModel(RowTableModel):
    COLUMNS = ProblemColumn

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[Problem, ...] = ()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        problem = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            match ProblemColumn(index.column()):
                case ProblemColumn.LINE:
                    return problem.lines_text
                case ProblemColumn.KIND:
                    return problem.kind.value
                case ProblemColumn.WHO:
                    return problem.who
                case ProblemColumn.DETAILS:
                    return problem.details
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == ProblemColumn.LINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
