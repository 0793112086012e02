"""The Print & export page: every document the day needs, previewed here, then printed or saved.

The list on the left is the printing catalog (``mentordesk.printing.catalog``), so a document
kind registered there appears here without changes to this page. The options form on the right
is made from the chosen document's option specs and remembered per document while the app runs
(``document_options``). Options whose choices come from the event (groups, sessions, mentees) are
read in the background whenever a document is chosen, the event changes or the page is shown again.
Preview makes the PDF in the background (with progress and Cancel) and shows it with Qt's PDF
module; Print, Save as PDF and Open in viewer use the PDF on show, making it first if the options
changed since.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QListView,
    QStackedWidget,
    QWidget,
)

from mentordesk import paths
from mentordesk.printing import catalog
from mentordesk.printing.catalog import DocumentKind
from mentordesk.printing.schedule_data import NO_PLAN
from mentordesk.services import events
from mentordesk.ui import errors
from mentordesk.ui.exports.document_options import DocumentOptions
from mentordesk.ui.exports.document_panel import KEYS, DocumentPanel
from mentordesk.ui.exports.documents_list import DocumentDelegate
from mentordesk.ui.exports.print_job import PrintJob
from mentordesk.ui.exports.spreadsheet_panel import SpreadsheetPanel
from mentordesk.ui.itemmodels.documents_model import ROW_ROLE, DocumentsModel
from mentordesk.ui.tasks import TaskManager
from mentordesk.ui.widgets import pdf_output
from mentordesk.ui.widgets.document_build import DocumentBuild
from mentordesk.ui.widgets.empty_state import EmptyState
from mentordesk.ui.widgets.naming import named
from mentordesk.ui.widgets.page import Page

NO_EVENT = ("No event is open", "Open or create an event to print its badges, schedules and reports.")
NO_DOCUMENTS = ("No documents yet", "This version of MentorDesk has no printable documents installed.")
READY_HINT = "Press Preview to see the pages, or go straight to Print or Save as PDF."
#: A refusal for want of a flash plan offers the Flash rounds page.
PLAN_ACTION = "Go to Flash rounds"
REFUSED_HINT = ("Nothing was made. Do what the message asks (on the page it names), or choose other options, "
                "then press Preview again.")


class ExportsPage(Page):
    key = "exports"
    title = "Print & export"
    subtitle = "Every piece of paper the day needs, as print-ready PDFs."
    scrollable = False

    def __init__(self, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        self.build: DocumentBuild | None = None
        #: The document and options of the PDF on show, and its bytes.
        self.shown: tuple[str, dict[str, Any]] | None = None
        self.pdf: bytes | None = None
        #: What to do once the build under way has finished ("print", "save", "open").
        self._then: str | None = None
        #: The latest non-blocking dialog, so tests can find and answer it.
        self.dialog: QWidget | None = None
        self.printer: QPrinter | None = None
        self.print_job: PrintJob | None = None
        self._printer_name = ""
        self._event_name = ""
        self._last_folder: Path | None = None
        self._catalog_failed = False
        self._build_ui()
        self.shortcuts = {
            name: QShortcut(QKeySequence(keys), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            for name, keys in KEYS.items()
        }
        self._connect_signals()
        self.store_changed()

    # -- construction

    def _build_ui(self) -> None:
        self.empty_state = EmptyState()
        for button in (self.empty_state.import_button, self.empty_state.add_button, self.empty_state.clear_button):
            button.hide()
        self.model = DocumentsModel(self)
        self.documents_view = named(QListView(), "exportDocuments")
        self.documents_view.setModel(self.model)
        self.documents_view.setItemDelegate(DocumentDelegate(self.documents_view))
        self.documents_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.documents_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.documents_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.documents_view.setWordWrap(True)
        self.documents_view.setAccessibleName("Documents")
        self.documents_view.setMinimumWidth(200)

        self.panel = DocumentPanel(self.documents_view)
        self.options = DocumentOptions(self.panel.options_form, self)
        # Last in the side column: the event's data as spreadsheets (ui/exports/spreadsheet_panel.py).
        self.spreadsheets = SpreadsheetPanel(self)
        self.panel.side_layout.addWidget(self.spreadsheets)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(self.panel)
        self.body.addWidget(self.stack, 1)

    def _connect_signals(self) -> None:
        self.documents_view.selectionModel().currentChanged.connect(self._on_documents_view_current_changed)
        self.documents_view.activated.connect(self._on_documents_view_activated)
        self.panel.options_form.changed.connect(self._on_options_form_changed)
        self.panel.preview_button.clicked.connect(self._on_preview_button_clicked)
        self.panel.message_action_requested.connect(self._on_panel_message_action_requested)
        self.panel.print_button.clicked.connect(self._on_print_button_clicked)
        self.panel.save_button.clicked.connect(self._on_save_button_clicked)
        self.panel.open_button.clicked.connect(self._on_open_button_clicked)
        self.panel.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        # A shortcut presses its button, so key and mouse always do the same thing.
        for name, button in (("preview", self.panel.preview_button), ("print", self.panel.print_button),
                             ("save", self.panel.save_button), ("open", self.panel.open_button),
                             ("cancel", self.panel.cancel_button)):
            self.shortcuts[name].activated.connect(button.click)

    # -- Page

    def store_changed(self) -> None:
        self._abandon_build()
        self._forget_pdf()
        self._event_name = ""
        self.options.forget_event_choices(self.model.rows)
        self.spreadsheets.store_changed()
        if self.store is None:
            self.empty_state.message_label.setText(NO_EVENT[0])
            self.empty_state.hint_label.setText(NO_EVENT[1])
            self.stack.setCurrentWidget(self.empty_state)
            return
        self._last_folder = self.store.path.parent if self.store.path is not None else None
        self.load("exports.event", events.get_details, self._on_details_loaded)
        if self.is_active:
            self.reload_documents()
            self.load_choices()
        # Otherwise ``activated`` reads the catalog: importing every document's renderer costs
        # a sixth of a second that opening the app on another page should not pay.

    def activated(self) -> None:
        if self.store is not None:
            # The event may have been renamed on the Overview page since (file names use it), and
            # groups, sessions or meetings added on other pages.
            self.load("exports.event", events.get_details, self._on_details_loaded)
            self.reload_documents()
            self.load_choices()
            self.documents_view.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- what the page offers (the slots and tests use these)

    @property
    def current_kind(self) -> DocumentKind | None:
        kind = self.documents_view.currentIndex().data(ROW_ROLE)
        return kind if isinstance(kind, DocumentKind) else None

    def reload_documents(self) -> None:
        """Read the catalog again (kinds register as their modules are imported)."""
        current = self.current_kind
        try:
            kinds = catalog.documents()
        except Exception as exc:  # noqa: BLE001 - a broken document module must not take the page down
            kinds = []
            if not self._catalog_failed:
                self._catalog_failed = True
                errors.report_unexpected(exc, self)
        if [kind.key for kind in kinds] != [kind.key for kind in self.model.rows]:
            self.model.set_rows(kinds)
            self.panel.fit_list()
        if not kinds:
            self.empty_state.message_label.setText(NO_DOCUMENTS[0])
            self.empty_state.hint_label.setText(NO_DOCUMENTS[1])
            self.stack.setCurrentWidget(self.empty_state)
            return
        self.stack.setCurrentWidget(self.panel)
        row = self.model.row_of(current.key) if current is not None else -1
        self.select_document(kinds[max(row, 0)].key)

    def select_document(self, key: str) -> bool:
        row = self.model.row_of(key)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        if self.documents_view.currentIndex() != index:
            self.documents_view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        return True

    def load_choices(self) -> None:
        """Read the choices of the chosen document's event-dependent options in the background."""
        kind = self.current_kind
        if kind is not None and self.store is not None:
            self.options.load_choices(kind)

    def chosen_options(self) -> dict[str, Any]:
        return self.options.values()

    def start_preview(self, then: str | None = None) -> bool:
        """Make the chosen document's PDF in the background; ``then`` print/save/open it."""
        kind = self.current_kind
        if self.store is None or kind is None:
            return False
        self._abandon_build()
        self._forget_pdf()
        options = self.chosen_options()
        self.options.remember(kind, options)
        self._then = then
        self.build = DocumentBuild(self._tasks, self.store, kind.key, options, self)
        self.build.progressed.connect(self._on_build_progressed)
        self.build.built.connect(self._on_build_built)
        self.build.refused.connect(self._on_build_refused)
        self.build.cancelled.connect(self._on_build_cancelled)
        self.build.failed.connect(self._on_build_failed)
        self.panel.progress_bar.setValue(0)
        self.panel.progress_host.show()
        self.panel.set_status(f"Making {kind.title}…")
        self.panel.show_message(f"Making {kind.title}…", "")
        self._update_buttons()
        self.build.start()
        return True

    def cancel(self) -> None:
        if self.build is not None and self.build.running:
            self.build.cancel()

    def _abandon_build(self) -> None:
        """Stop the build under way and ignore its outcome (another document or event was chosen)."""
        if self.build is not None:
            self.build.cancel()
            self.build = None
            self._then = None
            self.panel.progress_host.hide()

    @property
    def is_building(self) -> bool:
        return self.build is not None and self.build.running

    def save_as(self) -> None:
        if not self._ready_or_build("save"):
            return
        kind = self.current_kind
        assert kind is not None and self.pdf is not None
        folder = self._last_folder or Path.home()
        suggested = str(folder / pdf_output.file_name(kind.file_stem, self._event_name))
        chosen, _filter = QFileDialog.getSaveFileName(self, f"Save {kind.title}", suggested, "PDF files (*.pdf)")
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            pdf_output.save_pdf(self.pdf, target, self.store.path if self.store is not None else None)
        except pdf_output.OutputError as exc:
            self.panel.set_status(f"Not saved. {exc}", error=True)
            return
        self._last_folder = target.parent
        self.panel.set_status(f"Saved {target}.")

    def open_in_viewer(self) -> Path | None:
        if not self._ready_or_build("open"):
            return None
        kind = self.current_kind
        assert kind is not None and self.pdf is not None
        try:
            path = pdf_output.save_for_viewer(self.pdf, kind.file_stem)
        except pdf_output.OutputError as exc:
            self.panel.set_status(f"Could not open it. {exc}", error=True)
            return None
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.panel.set_status(f"No PDF viewer could be started. The file is at {path}.", error=True)
        else:
            self.panel.set_status(f"Opened in your PDF viewer ({path}).")
        return path

    def print_document(self) -> None:
        """Open the print dialog for the PDF on show (made first if needed)."""
        if not self._ready_or_build("print"):
            return
        if self.printer is None:
            # Kept for the session, so the printer chosen last time is offered again.
            self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        kind = self.current_kind
        stem = kind.file_stem if kind is not None else "document"
        folder = self._last_folder or paths.exports_dir()
        pdf_output.prepare_printer(self.printer, self.panel.preview.document,
                               folder / pdf_output.file_name(stem, self._event_name))
        dialog = QPrintDialog(self.printer, self)
        dialog.setMinMax(1, self.panel.preview.page_count)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintCurrentPage, True)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._on_print_dialog_accepted)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        # QPrintDialog.open is overloaded (receiver, slot) in PySide6; the plain one is QDialog's.
        QDialog.open(dialog)

    def print_to(self, printer: QPrinter) -> PrintJob | None:
        """Print the PDF on show with ``printer``'s settings, a page per turn of the event loop."""
        if self.pdf is None or self.print_job is not None:
            return None
        try:
            pdf_output.check_print_file(printer, self.store.path if self.store is not None else None)
        except pdf_output.OutputError as exc:
            self.panel.set_status(f"Not printed. {exc}", error=True)
            return None
        pages = pdf_output.pages_to_print(printer, self.panel.preview.page_count,
                                      self.panel.preview.view.pageNavigator().currentPage())
        job = PrintJob(self.panel.preview.document, printer, pages, self)
        job.progressed.connect(self._on_print_job_progressed)
        job.finished.connect(self._on_print_job_finished)
        self.print_job = job
        self._printer_name = printer.printerName() or "the printer"
        self.panel.progress_bar.setValue(0)
        self.panel.progress_host.show()
        self.panel.set_status(f"Printing {job.total} page{'s' if job.total != 1 else ''}…")
        self._update_buttons()
        job.start()
        return job

    # -- slots: the list and the form

    def _on_documents_view_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        before = previous.data(ROW_ROLE)
        if isinstance(before, DocumentKind):
            self.options.keep(before)
        self._abandon_build()
        self._forget_pdf()
        kind = self.current_kind
        if kind is None:
            return
        self.panel.document_title.setText(kind.title)
        self.panel.document_description.setText(kind.description)
        self.panel.document_description.setVisible(bool(kind.description))
        self.options.show(kind)
        self.panel.fit_options()
        self.panel.show_message(kind.title, READY_HINT)
        self.panel.set_status("")
        self.load_choices()

    def _on_documents_view_activated(self, _index: QModelIndex) -> None:
        self.start_preview()

    def _on_options_form_changed(self) -> None:
        kind = self.current_kind
        if kind is not None:
            self.options.remember(kind, self.options.values())
        if self.pdf is not None:
            self.panel.set_status("The options changed since this preview. Press Preview to update it.")
        self._update_buttons()

    # -- slots: actions

    def _on_preview_button_clicked(self) -> None:
        self.start_preview()

    def _on_print_button_clicked(self) -> None:
        self.print_document()

    def _on_save_button_clicked(self) -> None:
        self.save_as()

    def _on_open_button_clicked(self) -> None:
        self.open_in_viewer()

    def _on_cancel_button_clicked(self) -> None:
        if self.print_job is not None:
            self.print_job.cancel()
        else:
            self.cancel()

    def _on_print_dialog_accepted(self) -> None:
        if self.printer is not None:
            self.print_to(self.printer)

    def _on_dialog_finished(self, _result: int) -> None:
        self.dialog = None

    def _on_details_loaded(self, details: events.EventDetails) -> None:
        self._event_name = details.name

    def _on_print_job_progressed(self, done: int, total: int) -> None:
        self.panel.progress_bar.setValue(round(done / max(1, total) * 1000))

    def _on_print_job_finished(self, printed: int, problem: str) -> None:
        job, self.print_job = self.print_job, None
        if job is not None:
            job.deleteLater()
        self.panel.progress_host.hide()
        self._update_buttons()
        if problem == "cancelled":
            self.panel.set_status("Printing cancelled; the pages not yet sent were dropped.")
        elif problem:
            self.panel.set_status(f"Not printed. {problem}", error=True)
        else:
            self.panel.set_status(f"Sent {printed} page{'s' if printed != 1 else ''} to {self._printer_name}.")

    # -- slots: the build

    def _on_build_progressed(self, fraction: float) -> None:
        self.panel.progress_bar.setValue(round(fraction * 1000))

    def _on_build_built(self, data: bytes) -> None:
        build = self._finish_build()
        if build is None:
            return
        if not self.panel.preview.load_bytes(data):
            self.panel.show_message("The PDF could not be shown.",
                                    "The document produced a file this viewer cannot read.")
            errors.report_unexpected(RuntimeError(f"{build.key}: the PDF it made cannot be read"), self)
            return
        self.pdf = data
        self.shown = (build.key, build.options)
        self.panel.preview_stack.setCurrentWidget(self.panel.preview)
        count = self.panel.preview.page_count
        self.panel.set_status(f"{count} page{'s' if count != 1 else ''}.")
        then, self._then = self._then, None
        if then == "print":
            self.print_document()
        elif then == "save":
            self.save_as()
        elif then == "open":
            self.open_in_viewer()

    def _on_panel_message_action_requested(self) -> None:
        self.next_step_requested.emit("flash")

    def _on_build_refused(self, reason: str) -> None:
        if self._finish_build() is None:
            return
        self._then = None
        kind = self.current_kind
        # A document that needs a plan says so with the button that goes to plan one.
        action = PLAN_ACTION if reason == NO_PLAN else ""
        self.panel.show_message(f"{kind.title if kind else 'This document'} cannot be made yet: {reason}", REFUSED_HINT,
                                action)
        self.panel.set_status("")

    def _on_build_cancelled(self) -> None:
        if self._finish_build() is None:
            return
        self._then = None
        kind = self.current_kind
        self.panel.show_message(kind.title if kind else "", READY_HINT)
        self.panel.set_status("Cancelled. Nothing was made.")

    def _on_build_failed(self, error: BaseException) -> None:
        if self._finish_build() is None:
            return
        self._then = None
        self.panel.show_message("Something went wrong while making this document.", "The details are in the log file.")
        self.panel.set_status("")

    # -- helpers

    def _finish_build(self) -> DocumentBuild | None:
        """The build that just ended, if it is still the page's (not replaced or abandoned)."""
        build = self.sender()
        if not isinstance(build, DocumentBuild):
            return None
        build.deleteLater()
        if build is not self.build:
            return None  # abandoned
        self.build = None
        self.panel.progress_host.hide()
        self._update_buttons()
        return build

    def _ready_or_build(self, then: str) -> bool:
        """True if the PDF on show matches the chosen document and options; otherwise make it first."""
        kind = self.current_kind
        if kind is None or self.store is None or self.is_building or self.print_job is not None:
            return False
        if self.pdf is not None and self.shown == (kind.key, self.chosen_options()):
            return True
        self.start_preview(then=then)
        return False

    def _forget_pdf(self) -> None:
        if self.print_job is not None:
            self.print_job.cancel()  # before its next page, which would be from a closed document
        self.pdf = None
        self.shown = None
        self.panel.preview.clear()
        self.panel.preview_stack.setCurrentWidget(self.panel.message_panel)
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self.is_building or self.print_job is not None
        ready = self.store is not None and self.current_kind is not None and not busy
        for button in (self.panel.preview_button, self.panel.print_button, self.panel.save_button,
                       self.panel.open_button):
            button.setEnabled(ready)
        self.panel.cancel_button.setEnabled(busy)

