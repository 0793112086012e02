"""The last step of the import dialog: what the import did, and every line it had something to say about."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.importing import ImportSummary
from mentordesk.ui.itemmodels.import_problems_model import ImportProblemsModel, ProblemColumn, problems_of
from mentordesk.ui.widgets.naming import named
from mentordesk.ui.widgets.tables import set_up_table

NO_PROBLEMS_TEXT = "Every row was read without a problem."



def set_up_problems_table(view: QTableView) -> None:
    """The look of a list of rows that were (or will be) skipped, warnings and likely duplicates."""
    set_up_table(view, short_columns=None, multi=True, wrap=True, row_heights=QHeaderView.ResizeMode.ResizeToContents)
    header = view.horizontalHeader()
    for column in (ProblemColumn.LINE, ProblemColumn.KIND):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(ProblemColumn.WHO, QHeaderView.ResizeMode.Interactive)
    header.resizeSection(ProblemColumn.WHO, 170)
    header.setSectionResizeMode(ProblemColumn.DETAILS, QHeaderView.ResizeMode.Stretch)

class _Figure(QFrame):
    """A number with a caption, in the style of the Overview's tiles."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 10)
        layout.setSpacing(0)
        self.caption = caption
        self.value_label = named(QLabel("0"), "statValue")
        layout.addWidget(named(QLabel(caption), "statCaption"))
        layout.addWidget(self.value_label)
        self.setMinimumWidth(110)

    def set_value(self, value: int) -> None:
        self.value_label.setText(str(value))
        self.setAccessibleName(f"{self.caption}: {value}")


class SummaryPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary: ImportSummary | None = None
        self.problems_model = ImportProblemsModel(self)

        self.title_label = named(QLabel(""), "sectionTitle")
        self.describe_label = named(QLabel(""), "pageSubtitle")
        self.describe_label.setWordWrap(True)
        self.describe_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.added = _Figure("Added")
        self.updated = _Figure("Updated")
        self.unchanged = _Figure("Unchanged")
        self.skipped = _Figure("Skipped")
        figures = QHBoxLayout()
        figures.setSpacing(10)
        for figure in (self.added, self.updated, self.unchanged, self.skipped):
            figures.addWidget(figure, 1)

        self.problems_title = named(QLabel(""), "sectionTitle")
        self.problems_view = named(QTableView(), "importProblems")
        self.problems_view.setModel(self.problems_model)
        self.problems_view.setAccessibleName("Skipped rows, warnings and likely duplicates")
        set_up_problems_table(self.problems_view)
        self.no_problems_label = named(QLabel(NO_PROBLEMS_TEXT), "emptyState")
        self.no_problems_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.problems_stack = QStackedWidget()
        self.problems_stack.addWidget(self.problems_view)
        self.problems_stack.addWidget(self.no_problems_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.title_label)
        layout.addWidget(self.describe_label)
        layout.addLayout(figures)
        layout.addSpacing(6)
        layout.addWidget(self.problems_title)
        layout.addWidget(self.problems_stack, 1)

    def show_summary(self, summary: ImportSummary) -> None:
        self.summary = summary
        self.title_label.setText(f"Imported {summary.source_name}")
        self.describe_label.setText(summary.describe() + ".")
        self.added.set_value(summary.added)
        self.updated.set_value(summary.updated)
        self.unchanged.set_value(summary.unchanged)
        self.skipped.set_value(len(summary.skipped))
        problems = problems_of(summary)
        self.problems_model.set_rows(problems)
        self.problems_title.setText(
            f"{len(problems)} {'line needs' if len(problems) == 1 else 'lines need'} a look" if problems else "Problems"
        )
        self.problems_stack.setCurrentWidget(self.problems_view if problems else self.no_problems_label)
