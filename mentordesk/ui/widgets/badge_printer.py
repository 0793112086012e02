"""Printing one person's badge from elsewhere in the app (the check-in desk, for a walk-in).

The badge is the catalog's "badges" document restricted to one person (its ``person_ids`` option,
comma-separated ids), on the label stock last chosen on the Print & export page. It is made in the
background, then the system print dialog opens; the printer chosen is offered again next time. What
happened is said through ``message``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from mentordesk import paths
from mentordesk.printing import catalog
from mentordesk.ui import errors
from mentordesk.ui.widgets import pdf_output
from mentordesk.ui.widgets.document_build import DocumentBuild

if TYPE_CHECKING:
    from mentordesk.models.store import EventStore
    from mentordesk.ui.tasks import TaskManager

BADGES_KEY = "badges"
PERSON_OPTION = "person_ids"
#: Options that choose whose badges to print: the desk sets its own (just this one person).
_WHO_OPTIONS = frozenset({PERSON_OPTION, "checked_in", "role"})
#: The badge options last chosen on the Print & export page (label stock, printer, back side), for
#: as long as the app runs: a walk-in's badge comes out on the stock in the printer.
_last_choice: dict[str, Any] = {}


def remember_choice(options: Mapping[str, Any]) -> None:
    """Called by the Print & export page whenever badge options are chosen."""
    _last_choice.clear()
    _last_choice.update({key: value for key, value in options.items() if key not in _WHO_OPTIONS})


def single_badge_options(person_id: int) -> dict[str, Any]:
    """One person's badge, with the stock and printer chosen last (those the document still has)."""
    try:
        known = {option.key for option in catalog.get(BADGES_KEY).options}
    except catalog.DocumentError:
        known = set()
    chosen = {key: value for key, value in _last_choice.items() if key in known}
    return {**chosen, PERSON_OPTION: str(person_id)}


class BadgePrinter(QObject):
    """Makes and prints single badges for the widget it belongs to."""

    #: One line about the outcome ("Badge sent to the printer.", or why not).
    message = Signal(str)

    def __init__(self, tasks: TaskManager, parent: QWidget) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._parent = parent
        self.build: DocumentBuild | None = None
        self.document = QPdfDocument(self)
        self._bytes = QByteArray()
        self._buffer: QBuffer | None = None
        #: The PDF last made (tests read it back).
        self.pdf: bytes | None = None
        self.printer: QPrinter | None = None
        #: The open print dialog, so tests can find and answer it.
        self.dialog: QPrintDialog | None = None

    @property
    def busy(self) -> bool:
        return self.dialog is not None or (self.build is not None and self.build.running)

    def print_badge(self, store: EventStore, person_id: int) -> bool:
        """Make ``person_id``'s badge and open the print dialog; False if one is already under way."""
        if self.busy:
            return False
        try:
            catalog.get(BADGES_KEY)
        except catalog.DocumentError:
            self.message.emit("No badge printed: this version of MentorDesk cannot print badges yet.")
            return False
        self.build = DocumentBuild(self._tasks, store, BADGES_KEY, single_badge_options(person_id), self)
        self.build.built.connect(self._on_build_built)
        self.build.refused.connect(self._on_build_refused)
        self.build.cancelled.connect(self._on_build_cancelled)
        self.build.failed.connect(self._on_build_failed)
        self.message.emit("Making the badge…")
        self.build.start()
        return True

    def _on_build_built(self, data: bytes) -> None:
        self._forget_build()
        self.document.close()
        self._bytes = QByteArray(data)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready or self.document.pageCount() == 0:
            errors.report_unexpected(RuntimeError("the badge PDF cannot be read"), self._parent)
            return
        self.pdf = data
        if self.printer is None:
            self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        pdf_output.prepare_printer(self.printer, self.document, paths.exports_dir() / pdf_output.file_name("badge"))
        dialog = QPrintDialog(self.printer, self._parent)
        dialog.setWindowTitle("Print badge")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._on_dialog_accepted)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        # QPrintDialog.open is overloaded (receiver, slot) in PySide6; the plain one is QDialog's.
        QDialog.open(dialog)

    def _on_build_refused(self, reason: str) -> None:
        self._forget_build()
        self.message.emit(f"No badge printed: {reason}")

    def _on_build_cancelled(self) -> None:
        self._forget_build()

    def _on_build_failed(self, error: BaseException) -> None:
        self._forget_build()
        self.message.emit("")

    def _on_dialog_accepted(self) -> None:
        if self.printer is None:
            return
        try:
            pages = pdf_output.pages_to_print(self.printer, self.document.pageCount())
            pdf_output.print_pages(self.document, self.printer, pages)
        except pdf_output.OutputError as exc:
            self.message.emit(f"Badge not printed. {exc}")
            return
        self.message.emit("Badge sent to the printer.")

    def _on_dialog_finished(self, result: int) -> None:
        self.dialog = None
        if result != QDialog.DialogCode.Accepted:
            self.message.emit("")

    def _forget_build(self) -> None:
        if self.build is not None:
            self.build.deleteLater()
            self.build = None
