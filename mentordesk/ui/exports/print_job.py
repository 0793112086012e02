"""Sending a previewed document to the printer one page at a time, so the window stays responsive.

Each page is rendered by Qt's PDF module and drawn on the printer (about a fifth of a second per
page at 300 dpi), which must happen on the UI thread: QPdfDocument and the printer's painter are
not for other threads. A timer therefore prints one page per turn of the event loop; progress is
reported between pages and :meth:`PrintJob.cancel` stops before the next one (the printer is told
to abort, so a half-sent job is dropped rather than printed).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from mentordesk.ui.widgets import pdf_output


class PrintJob(QObject):
    """Prints ``pages`` of ``document`` on ``printer``; ``finished`` says how it ended."""

    #: Pages done, pages in all.
    progressed = Signal(int, int)
    #: Pages printed, and an error message ("" when all went to the printer, "cancelled" if cancelled).
    finished = Signal(int, str)

    def __init__(self, document: QPdfDocument, printer: QPrinter, pages: Sequence[int],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._printer = printer
        self._pages = list(pages)
        self._done = 0
        self._painter = QPainter()
        self._cancelled = False
        self.running = False

    @property
    def total(self) -> int:
        return len(self._pages)

    def start(self) -> None:
        if not self._pages:
            self.finished.emit(0, "No pages to print: the chosen range is outside the document.")
            return
        if not self._painter.begin(self._printer):
            self.finished.emit(0,
                               "The printer could not be started. Check that it is connected, or save a PDF instead.")
            return
        self.running = True
        self.progressed.emit(0, self.total)
        QTimer.singleShot(0, self, self._print_next)

    def cancel(self) -> None:
        self._cancelled = True

    def _print_next(self) -> None:
        if self._cancelled:
            self._printer.abort()
            self._end("cancelled")
            return
        try:
            if self._done and not self._printer.newPage():
                raise pdf_output.OutputError("The printer stopped accepting pages.")
            pdf_output.draw_page(self._painter, self._document, self._printer, self._pages[self._done])
        except pdf_output.OutputError as exc:
            self._end(str(exc))
            return
        self._done += 1
        self.progressed.emit(self._done, self.total)
        if self._done < self.total:
            QTimer.singleShot(0, self, self._print_next)
        else:
            self._end("")

    def _end(self, problem: str) -> None:
        self.running = False
        self._painter.end()
        self.finished.emit(self._done, problem)
