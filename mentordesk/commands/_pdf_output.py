"""Writing an exported PDF and saying so, shared by the export commands (registers no command).

The PDF goes through :mod:`mentordesk.output_files`: a destination that is an event file (the
open one above all), a companion of one, a backup or a folder is refused before the PDF is made,
and the file appears whole or not at all.
"""

from __future__ import annotations

from pathlib import Path

from mentordesk.output_files import check_output_path, write_atomically

WHAT = "the PDF"


def check_pdf_path(path: Path, event: Path | None) -> None:
    """Refuse a destination before any work is done (raises ``OutputPathRefused``, one line)."""
    check_output_path(path, open_event=event, what=WHAT)


def write_pdf(path: Path, pdf: bytes, event: Path | None = None) -> None:
    """Put ``pdf`` at ``path`` in one step; a refusal or OS error is a one-line ``OutputFileError``."""
    write_atomically(path, pdf, what=WHAT, open_event=event, create_folder=True)


def report_written(path: Path, what: str) -> None:
    """Print "Wrote <what> to <path> (N pages)", counting the pages of the file as written."""
    from pypdf import PdfReader

    pages = len(PdfReader(path).pages)
    print(f"Wrote {what} to {path} ({pages} page{'s' if pages != 1 else ''})")
