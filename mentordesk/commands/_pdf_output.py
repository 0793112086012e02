"""Writing an exported PDF and saying so, shared by the export commands (registers no command).

The PDF is written beside its destination first and moved into place, so a failed export never
leaves half a file behind.
"""

from __future__ import annotations

import os
from pathlib import Path

from mentordesk.cli import CommandError


def write_pdf(path: Path, pdf: bytes) -> None:
    """Put ``pdf`` at ``path`` in one step; an OS error becomes a one-line :class:`CommandError`."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(pdf)
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise CommandError(f"cannot write {path}: {exc.strerror or exc}") from None


def report_written(path: Path, what: str) -> None:
    """Print "Wrote <what> to <path> (N pages)", counting the pages of the file as written."""
    from pypdf import PdfReader

    pages = len(PdfReader(path).pages)
    print(f"Wrote {what} to {path} ({pages} page{'s' if pages != 1 else ''})")
