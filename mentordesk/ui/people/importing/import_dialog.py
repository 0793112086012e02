"""The import dialog: choose an attendee file, see how it will be read, import it, read the summary.

Every step has a method that works without a modal dialog (``load_file``, ``set_field``,
``set_role``, ``start_import``), so tests and the command palette of the future can drive it;
the buttons only call those. Reading the file runs on the task manager, off the UI thread; the
import is a change of the operations layer (``ui/operations.py``) with progress, on the event's one
writer, in one transaction, so a failure changes nothing: a file the importer refuses is said on
the review step, a locked or full disk by the main window's banner, and the review stays as it was.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mentordesk.models import Role
from mentordesk.services.domain_error import DomainError
from mentordesk.services.importing import (
    ColumnMapping,
    Field,
    ImportFileError,
    ImportSummary,
    Table,
    guess_mapping,
    import_table,
    plan_import,
    read_file,
)
from mentordesk.ui import errors
from mentordesk.ui.operations import Failure, Operations
from mentordesk.ui.people.importing.plan_panel import PlanPanel
from mentordesk.ui.people.importing.review_panel import ReviewPanel
from mentordesk.ui.people.importing.summary_panel import SummaryPanel
from mentordesk.ui.tasks import ReportProgress, Task
from mentordesk.ui.widgets.naming import named

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

FILE_FILTERS = "Attendee lists (*.csv *.xlsx *.txt *.tsv);;All files (*)"
#: The dialog's preferred size; it shrinks to fit a small window or screen.
PREFERRED_SIZE = QSize(940, 660)
MINIMUM_SIZE = QSize(640, 440)

CHOOSE_TEXT = (
    "Choose an attendee export from a ticketing site or a form: CSV (any encoding, comma- or "
    "semicolon-separated) or an Excel .xlsx workbook. You will see how each column is read, and can "
    "correct it, before anything is imported."
)
REIMPORT_TEXT = "Importing an updated file later updates the people it describes; nobody is added twice."


def _sentence(message: str) -> str:
    """A service's one-line message as a sentence, leaving a leading file name as it is."""
    message = message.strip()
    return message if message.endswith((".", "!", "?")) else message + "."


def _start_folder() -> str:
    downloads = Path.home() / "Downloads"
    return str(downloads if downloads.is_dir() else Path.home())


def _read(path: Path) -> tuple[Table, ColumnMapping]:
    table = read_file(path)
    return table, guess_mapping(table.headers)


class ImportDialog(QDialog):
    #: The import finished (an ``ImportSummary``); the event now holds its people.
    imported = Signal(object)

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import people")
        self._ops = ops
        self._reading: Task | None = None
        self._importing: Task | None = None
        #: Plans asked for; only the answer to the latest is shown (the choices may have moved on).
        self._plans_asked = 0
        self.error_text = ""
        self.summary: ImportSummary | None = None
        self.file_chooser: QFileDialog | None = None

        self.stack = QStackedWidget()
        self.choose_page = self._build_choose_page()
        self.review = ReviewPanel()
        self.plan_panel = PlanPanel()
        self.review.splitter.addWidget(self.plan_panel)
        self.review.splitter.setStretchFactor(2, 1)
        self.progress_page = self._build_progress_page()
        self.summary_panel = SummaryPanel()
        for page in (self.choose_page, self.review, self.progress_page, self.summary_panel):
            self.stack.addWidget(page)

        self.buttons = QDialogButtonBox()
        self.import_button = named(QPushButton("Import"), "primaryButton")
        self.import_button.setToolTip("Add and update the people of this file")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(12)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.buttons)
        self._connect_signals()
        self._fit_size()
        self._show_step(self.choose_page)

    def _build_choose_page(self) -> QWidget:
        page = QWidget()
        title = named(QLabel("Import people from a file"), "sectionTitle")
        text = QLabel(CHOOSE_TEXT)
        text.setWordWrap(True)
        self.choose_button = named(QPushButton("Choose a file…"), "primaryButton")
        self.choose_button.setDefault(True)
        self.reading_label = named(QLabel(""), "pageSubtitle")
        self.reading_bar = QProgressBar()
        self.reading_bar.setRange(0, 0)  # reading reports no steps: a busy indicator
        self.reading_bar.setTextVisible(False)
        self.reading_bar.setMaximumWidth(320)
        self.error_label = named(QLabel(""), "errorBanner")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note = named(QLabel(REIMPORT_TEXT), "pageSubtitle")
        note.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.reading_label)
        layout.addWidget(self.reading_bar)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(note)
        self.reading_label.hide()
        self.reading_bar.hide()
        self.error_label.hide()
        return page

    def _build_progress_page(self) -> QWidget:
        page = QWidget()
        self.progress_title = named(QLabel(""), "sectionTitle")
        self.progress_bar = named(QProgressBar(), "importProgress")
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setTextVisible(False)
        self.progress_label = named(QLabel(""), "pageSubtitle")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addStretch(1)
        layout.addWidget(self.progress_title)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.progress_label)
        layout.addStretch(2)
        return page

    def _connect_signals(self) -> None:
        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        self.review.choose_other_requested.connect(self._on_review_choose_other_requested)
        self.review.ready_changed.connect(self._on_review_ready_changed)
        self.review.mapping_model.mapping_changed.connect(self._on_review_choices_changed)
        self.review.role_combo.currentIndexChanged.connect(self._on_review_choices_changed)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.close_button.clicked.connect(self.accept)

    # -- driving the dialog

    @property
    def is_busy(self) -> bool:
        return self._reading is not None or self._importing is not None

    def choose_file(self) -> QFileDialog:
        """Ask for a file without blocking; the chosen file is loaded."""
        chooser = QFileDialog(self, "Choose an attendee file", _start_folder(), FILE_FILTERS)
        chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.fileSelected.connect(self._on_file_chooser_file_selected)
        self.file_chooser = chooser
        chooser.open()
        return chooser

    def load_file(self, path: str | os.PathLike[str]) -> Task | None:
        """Read ``path`` in the background; the review step follows, or the reason it cannot be read."""
        if self.is_busy:
            return None
        source = Path(path)
        self.error_text = ""
        self.error_label.hide()
        self.reading_label.setText(f"Reading {source.name}…")
        self.reading_label.show()
        self.reading_bar.show()
        self.choose_button.setEnabled(False)
        self._show_step(self.choose_page)
        # A file, not the event: read on the task manager, not through the event's door.
        task = self._ops.tasks.run(
            "import.read",
            lambda _report: _read(source),
            on_success=self._on_read_task_succeeded,
            on_failure=self._on_read_task_failed,
        )
        # An inline runner (tests) has already delivered the result by now.
        self._reading = None if task.done else task
        return task

    def set_field(self, column: int, field: Field | None) -> None:
        self.review.set_field(column, field)

    def set_role(self, role: Role | None) -> None:
        self.review.set_role(role)

    def check_plan(self) -> Task | None:
        """Work out in the background what Import would do with the choices shown (the importer's
        dry run, on a reading session); the review step shows it when it arrives."""
        table = self.review.table
        self._plans_asked += 1
        asked = self._plans_asked
        if table is None:
            return None
        if not self.review.ready:
            self.plan_panel.show_unknown("Choose the columns and the role above to see what Import will do.")
            return None
        event_id, mapping, role = self._ops.event_id, self.review.mapping, self.review.role
        self.plan_panel.checking()

        def work(session: Session, report: ReportProgress) -> ImportSummary:
            def progress(done: int, of: int) -> None:
                report(done / of if of else 1.0)

            return plan_import(session, event_id, table, mapping, role=role, progress=progress)

        def done(plan: ImportSummary) -> None:
            if asked == self._plans_asked:
                self.plan_panel.show_plan(plan)

        def refused(error: DomainError) -> None:
            if asked == self._plans_asked:
                self.plan_panel.show_unknown(_sentence(str(error)))

        def failed(_failure: Failure) -> None:
            if asked == self._plans_asked:
                self.plan_panel.show_unknown("Could not work out what the import will do; Import still can.")

        def progressed(fraction: float) -> None:
            if asked == self._plans_asked:
                self.plan_panel.checking(fraction)

        return self._ops.query_with_progress(
            "import.plan", work, progress=progressed, done=done, refused=refused, failed=failed, owner=self,
        )

    def start_import(self) -> Task | None:
        """Import the file with the mapping and role shown, in the background."""
        table = self.review.table
        if table is None or self.is_busy or not self.review.ready:
            return None
        event_id, mapping, role = self._ops.event_id, self.review.mapping, self.review.role
        total = len(table.rows)
        self.progress_title.setText(f"Importing {table.source_name}…")
        self._show_progress(0.0, total)
        self._show_step(self.progress_page)

        def work(session: Session, report: ReportProgress) -> ImportSummary:
            def progress(done: int, of: int) -> None:
                report(done / of if of else 1.0)

            return import_table(session, event_id, table, mapping, role=role, progress=progress)

        task = self._ops.change_with_progress(
            "import.people",
            work,
            progress=self._on_import_task_progressed,
            done=self._on_import_task_succeeded,
            refused=self._on_import_task_refused,
            failed=self._on_import_task_failed,
            owner=self,
        )
        self._importing = None if task.done else task
        return task

    # -- slots

    def _on_choose_button_clicked(self) -> None:
        self.choose_file()

    def _on_review_choose_other_requested(self) -> None:
        self.choose_file()

    def _on_file_chooser_file_selected(self, file_name: str) -> None:
        if file_name:
            self.load_file(file_name)

    def _on_read_task_succeeded(self, result: tuple[Table, ColumnMapping]) -> None:
        self._reading = None
        self._reset_choose_page()
        table, mapping = result
        self.review.show_table(table, mapping)
        self._show_step(self.review)
        self.check_plan()

    def _on_read_task_failed(self, error: BaseException) -> None:
        self._reading = None
        self._reset_choose_page()
        if isinstance(error, ImportFileError):
            self._show_error(str(error))
        else:
            errors.report_unexpected(error, self)

    def _on_review_ready_changed(self, _ready: bool) -> None:
        self._update_buttons()

    def _on_review_choices_changed(self, *_args: object) -> None:
        self.check_plan()

    def _on_import_button_clicked(self) -> None:
        self.start_import()

    def _on_import_task_progressed(self, fraction: float) -> None:
        table = self.review.table
        self._show_progress(fraction, len(table.rows) if table else 0)

    def _on_import_task_succeeded(self, summary: ImportSummary) -> None:
        self._importing = None
        self.summary = summary
        self.summary_panel.show_summary(summary)
        self._show_step(self.summary_panel)
        self.imported.emit(summary)

    def _on_import_task_refused(self, error: DomainError) -> None:
        self.review.problem_label.setText(_sentence(str(error)))
        self.review.problem_label.show()

    def _on_import_task_failed(self, _failure: Failure) -> None:
        # Already said: a refusal on the review step, the disk by the banner, a bug by the error report.
        self._importing = None
        self._show_step(self.review)

    # -- QDialog

    def reject(self) -> None:
        # The import runs in one transaction that cannot be stopped half-way; it takes seconds.
        if self._importing is None:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._importing is not None:
            event.ignore()
            return
        super().closeEvent(event)

    # -- helpers

    def _show_step(self, page: QWidget) -> None:
        self.stack.setCurrentWidget(page)
        self._update_buttons()
        if page is self.choose_page:
            self.choose_button.setFocus()
        elif page is self.summary_panel:
            self.close_button.setFocus()

    def _update_buttons(self) -> None:
        page = self.stack.currentWidget()
        reviewing = page is self.review
        done = page is self.summary_panel
        importing = page is self.progress_page
        self.import_button.setVisible(reviewing)
        self.import_button.setEnabled(reviewing and self.review.ready)
        self.import_button.setDefault(reviewing)
        self.cancel_button.setVisible(not done)
        self.cancel_button.setEnabled(not importing)
        self.close_button.setVisible(done)
        self.close_button.setDefault(done)

    def _show_progress(self, fraction: float, total: int) -> None:
        self.progress_bar.setValue(round(fraction * 1000))
        done = round(fraction * total)
        self.progress_label.setText(f"{done} of {total} {'row' if total == 1 else 'rows'}")

    def _show_error(self, message: str) -> None:
        self.error_text = _sentence(message)
        self.error_label.setText(self.error_text)
        self.error_label.show()

    def _reset_choose_page(self) -> None:
        self.reading_label.hide()
        self.reading_bar.hide()
        self.choose_button.setEnabled(True)

    def _fit_size(self) -> None:
        self.setMinimumSize(MINIMUM_SIZE)
        size = QSize(PREFERRED_SIZE)
        parent = self.parentWidget()
        bounds = parent.window().size() if parent is not None else None
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            available = screen.availableGeometry().size()
            bounds = available if bounds is None else bounds.boundedTo(available)
        if bounds is not None:
            # Inside the window it belongs to, with a margin, so it never hides behind a screen edge.
            size = size.boundedTo(QSize(bounds.width() - 40, bounds.height() - 40)).expandedTo(MINIMUM_SIZE)
        self.resize(size)
