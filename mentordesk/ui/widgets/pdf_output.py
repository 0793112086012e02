"""Where a made PDF goes: a file (written safely), a printer, or the system's PDF viewer.

Saving goes through :mod:`mentordesk.output_files`: never over an event file, and whole or not at
all, so a full disk or a crash never leaves half a PDF where a good one was. Printing renders each page with Qt's PDF
module at the printer's resolution (capped, see :data:`MAX_PRINT_DPI`) and places it on the paper
at its real size, so badges land on their labels. Used by the Print & export page and by the
badge printer of the check-in desk.
"""

from __future__ import annotations

import contextlib
import errno
import re
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from mentordesk import paths
from mentordesk.output_files import OutputFileError, OutputPathRefused, check_output_path, write_atomically

#: Pages are rendered for the printer at most this finely: an A4 page at 300 dpi is a 35 MB
#: image already, at a laser printer's 1200 dpi it would be 560 MB, with no visible gain for
#: names and QR codes.
MAX_PRINT_DPI = 300
#: Files left for the viewer are removed after this long (the viewer has long opened them).
VIEWER_FILES_KEPT_S = 24 * 3600


class OutputError(Exception):
    """Saving or printing failed; the message says why in plain words."""


def save_pdf(data: bytes, target: Path, open_event: Path | None = None) -> None:
    """Write ``data`` to ``target`` whole or not at all; raises OutputError with a clear message.

    Goes through :mod:`mentordesk.output_files`, which also refuses an event file (the open one
    above all), its companions, a backup and a folder as the target.
    """
    target = Path(target)
    try:
        write_atomically(target, data, what="the PDF", open_event=open_event)
    except OutputPathRefused as exc:
        raise OutputError(_sentence(str(exc))) from exc
    except OutputFileError as exc:
        raise OutputError(_explain(exc, target)) from exc


def _sentence(message: str) -> str:
    return f"{message[:1].upper()}{message[1:]}."


def _explain(error: OSError | OutputFileError, target: Path) -> str:
    where = str(target)
    if error.errno == errno.ENOSPC or error.errno == errno.EDQUOT:
        return f"The disk is full: {where} could not be written. Free some space or choose another place."
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"No permission to write {where}. Choose another folder."
    if error.errno == errno.ENOENT:
        return f"The folder {target.parent} does not exist (was a drive removed?). Choose another place."
    if error.errno == errno.EISDIR:
        return f"{where} is a folder. Choose a file name."
    if isinstance(error, OutputFileError):
        return _sentence(str(error))
    return f"{where} could not be written: {error.strerror or error}."


def file_name(stem: str, event_name: str = "") -> str:
    """A file name such as "Spring Flash — badges.pdf", safe on every platform."""
    event = _safe(event_name)[:100]
    return f"{event} — {_safe(stem) or 'document'}.pdf" if event else f"{_safe(stem) or 'document'}.pdf"


def _safe(text: str) -> str:
    """No characters that some file system refuses, no leading or trailing dots and spaces."""
    return " ".join(re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", text).split()).strip(" .")


def save_for_viewer(data: bytes, stem: str) -> Path:
    """Write ``data`` into the exports folder for another program to open; returns its path."""
    folder = paths.exports_dir()
    _remove_old_viewer_files(folder)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / file_name(f"{stem}-{stamp}")
    save_pdf(data, target)
    return target


def _remove_old_viewer_files(folder: Path) -> None:
    cutoff = time.time() - VIEWER_FILES_KEPT_S
    for old in folder.glob("*.pdf"):
        with contextlib.suppress(OSError):
            if old.stat().st_mtime < cutoff:
                old.unlink()


# --------------------------------------------------------------------------- printing


def prepare_printer(printer: QPrinter, document: QPdfDocument, suggested_file: Path | None = None) -> None:
    """Offer the document's own paper size and page count in the print dialog.

    Without any printer installed, Qt's dialog offers printing to a PDF file and proposes just
    the home folder as its name; ``suggested_file`` is proposed instead.
    """
    if document.pageCount() == 0:
        return
    if suggested_file is not None and printer.outputFormat() == QPrinter.OutputFormat.PdfFormat \
            and not printer.outputFileName():
        printer.setOutputFileName(str(suggested_file))
    points = document.pagePointSize(0)
    # Described upright and turned by the orientation, as Qt describes paper (A4 landscape is
    # A4 turned, not a custom size); a wide label is then printed on a wide label.
    short, long = sorted((points.width(), points.height()))
    size = QPageSize(QSizeF(short, long), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    wide = points.width() > points.height()
    printer.setPageSize(size)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if wide else QPageLayout.Orientation.Portrait)
    # Positions are measured from the paper's corner, as in the PDF; printers that cannot print
    # to the edge clip, they do not shift everything.
    printer.setFullPage(True)
    printer.setFromTo(1, document.pageCount())


def pages_to_print(printer: QPrinter, page_count: int, current_page: int = 0) -> list[int]:
    """The 0-based pages the print dialog's choices select, in printing order."""
    mode = printer.printRange()
    if mode == QPrinter.PrintRange.CurrentPage:
        pages = [current_page]
    else:
        ranges = printer.pageRanges()
        if mode == QPrinter.PrintRange.PageRange and not ranges.isEmpty():
            pages = [page - 1 for page in range(1, page_count + 1) if ranges.contains(page)]
        elif mode == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            last = printer.toPage() or page_count
            pages = list(range(printer.fromPage() - 1, min(last, page_count)))
        else:
            pages = list(range(page_count))
    pages = [page for page in pages if 0 <= page < page_count]
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    return pages


def check_print_file(printer: QPrinter, open_event: Path | None = None) -> None:
    """Refuse printing to a PDF file that must not be written over (Qt writes it directly).

    The print dialog offers "print to file" where no printer is installed; the file it names
    gets the same check as a saved PDF (never an event file, a backup or a folder).
    """
    name = printer.outputFileName() if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat else ""
    if not name:
        return
    try:
        check_output_path(Path(name), open_event=open_event, what="the PDF")
    except OutputPathRefused as exc:
        raise OutputError(_sentence(str(exc))) from exc


def print_pages(document: QPdfDocument, printer: QPrinter, pages: Sequence[int]) -> int:
    """Render ``pages`` of ``document`` onto ``printer`` at once; returns how many were printed.

    For a page or two (a badge); longer documents go through the Print & export page's ``PrintJob``.
    """
    check_print_file(printer)
    if not pages:
        raise OutputError("No pages to print: the chosen range is outside the document.")
    painter = QPainter()
    if not painter.begin(printer):
        raise OutputError("The printer could not be started. Check that it is connected, or save a PDF instead.")
    try:
        for number, page in enumerate(pages):
            if number and not printer.newPage():
                raise OutputError("The printer stopped accepting pages.")
            draw_page(painter, document, printer, page)
    finally:
        painter.end()
    return len(pages)


def draw_page(painter: QPainter, document: QPdfDocument, printer: QPrinter, page: int) -> None:
    """Draw one page at its real size from the paper's corner (shrunk only if the paper is smaller)."""
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    points = document.pagePointSize(page)
    image = document.render(page, QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi)))
    if image.isNull():
        raise OutputError(f"Page {page + 1} could not be rendered for printing.")
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    scale = printer.resolution() / 72
    target = QRectF(0, 0, points.width() * scale, points.height() * scale)
    if target.width() > paper.width() + 1 or target.height() > paper.height() + 1:
        # Paper smaller than the page: shrink to fit rather than cut names off.
        fit = min(paper.width() / target.width(), paper.height() / target.height())
        target = QRectF(0, 0, target.width() * fit, target.height() * fit)
    painter.drawImage(target, image)
