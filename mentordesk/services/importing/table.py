"""What a read attendee file is: its header, its rows with their line numbers, and how it was read.

A ``Table`` is deliberately uninterpreted: cells are text exactly as the file holds them (only
spreadsheet values turned into the text Excel would show). Mapping columns to fields and reading
people out of rows happen later, so the import dialog can show the raw table and let the user
correct the mapping without reading the file again.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class ImportFileError(Exception):
    """A file that cannot be imported at all; the message is one line for the person using the app."""


class FileFormat(enum.StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}


@dataclass(frozen=True)
class SourceRow:
    """One data row: its line number (as a text editor or spreadsheet shows it) and its cells."""

    line: int
    cells: tuple[str, ...]

    def cell(self, index: int) -> str:
        """The cell in column ``index``, or "" when the row is shorter than the header."""
        return self.cells[index] if index < len(self.cells) else ""


@dataclass(frozen=True)
class Table:
    source_name: str
    headers: tuple[str, ...]
    rows: tuple[SourceRow, ...]
    format: FileFormat
    #: Line (or spreadsheet row) the header was found on.
    header_line: int = 1
    #: Text encoding of a CSV file, in words ("UTF-8 with BOM"); None for a spreadsheet.
    encoding: str | None = None
    #: Field delimiter of a CSV file; None for a spreadsheet.
    delimiter: str | None = None
    #: Worksheet the rows came from; None for a CSV file.
    sheet: str | None = None

    @property
    def width(self) -> int:
        return len(self.headers)

    def describe_format(self) -> str:
        """How the file was read, for the import dialog: "CSV, Windows-1252, semicolon-delimited"."""
        if self.format is FileFormat.XLSX:
            return f"Excel workbook, sheet “{self.sheet}”" if self.sheet else "Excel workbook"
        delimiter = _DELIMITER_NAMES.get(self.delimiter or ",", repr(self.delimiter))
        return f"CSV, {self.encoding}, {delimiter}-delimited"
