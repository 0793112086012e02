"""Part of the import dialog's review step: what *Import* will do, before it is pressed.

The figures and the reasons come from the importer's own dry run (``importing.plan_import``),
read in the background by the dialog whenever the file, a column's field or the role changes; so
they are what the import will report. Every line with something to say is listed, scrollable.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QTableView, QVBoxLayout, QWidget

from mentordesk.services.importing import ImportSummary
from mentordesk.ui.itemmodels.import_problems_model import ImportProblemsModel, problems_of
from mentordesk.ui.people.importing.summary_panel import set_up_problems_table
from mentordesk.ui.widgets.naming import named

CHECKING_TEXT = "Checking what the import will do…"


def plan_text(plan: ImportSummary) -> str:
    """"Import will add 40 people, update 3 and skip 2 rows; 2 are already up to date." """
    def people(count: int) -> str:
        return f"{count} {'person' if count == 1 else 'people'}"

    text = f"Import will add {people(plan.added)}, update {plan.updated} and skip {len(plan.skipped)} " \
           f"{'row' if len(plan.skipped) == 1 else 'rows'}"
    if plan.unchanged:
        text += f"; {plan.unchanged} {'is' if plan.unchanged == 1 else 'are'} already up to date"
    return text + "."


class PlanPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan: ImportSummary | None = None
        self.problems_model = ImportProblemsModel(self)
        self.title_label = named(QLabel("Before you import"), "sectionTitle")
        self.plan_label = named(QLabel(CHECKING_TEXT), "importPlan")
        self.plan_label.setWordWrap(True)
        self.plan_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 1000)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(6)
        self.busy_bar.setAccessibleName("Checking the file")
        self.problems_view = named(QTableView(), "importPlanProblems")
        self.problems_view.setModel(self.problems_model)
        self.problems_view.setAccessibleName("Rows that will be skipped, warnings and likely duplicates")
        set_up_problems_table(self.problems_view)
        self.problems_view.setMinimumHeight(90)

        heading = QHBoxLayout()
        heading.setSpacing(10)
        heading.addWidget(self.title_label)
        heading.addWidget(self.plan_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(4)
        layout.addLayout(heading)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.problems_view, 1)

    def checking(self, fraction: float = 0.0) -> None:
        self.plan = None
        self.plan_label.setText(CHECKING_TEXT)
        self.busy_bar.setValue(round(fraction * 1000))
        self.busy_bar.show()

    def show_plan(self, plan: ImportSummary) -> None:
        self.plan = plan
        self.busy_bar.hide()
        problems = problems_of(plan)
        self.problems_model.set_rows(problems)
        needs = f" {len(problems)} {'line needs' if len(problems) == 1 else 'lines need'} a look:" if problems \
            else " Every row reads without a problem."
        self.plan_label.setText(plan_text(plan) + needs)
        self.problems_view.setVisible(bool(problems))

    def show_unknown(self, message: str) -> None:
        self.plan = None
        self.busy_bar.hide()
        self.problems_model.set_rows(())
        self.problems_view.hide()
        self.plan_label.setText(message)
