"""What a read attendee file is: its header, its rows with their line numbers, and how it was read.

A ``Table`` is deliberately uninterpreted: cells are text exactly as the file holds them (only
spreadsheet values turned into the text Excel would show). Mapping columns to fields and reading
people out of rows happen later, so the import dialog can show the raw table and let the user
correct the mapping without reading the file again.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import NamedTuple

from mentordesk.services.domain_error import DomainError


class ImportFileError(DomainError):
    """A file that cannot be imported at all; the message is one line for the person using the app."""


class FileFormat(enum.StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}


def delimiter_name(delimiter: str) -> str:
    """"comma" for ","; the delimiter itself, quoted, when it has no name."""
    return _DELIMITER_NAMES.get(delimiter, repr(delimiter))


class Record(NamedTuple):
    """A record as a reader found it: the line it starts on, its cells, and whether it was damaged."""

    line: int
    cells: list[str]
    #: It held bytes that are not valid in the file's encoding (kept as lone surrogates).
    damaged: bool = False


@dataclass(frozen=True)
class SourceRow:
    """One data row: its line number (as a text editor or spreadsheet shows it) and its cells."""

    line: int
    cells: tuple[str, ...]
    #: Why the row cannot be imported as it stands (bytes that are not text, a cell too long …),
    #: found while reading the file; the import skips the row with this reason.
    problem: str | None = None

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
    #: Warnings about the header line, reported with the import's warnings.
    header_notes: tuple[str, ...] = ()

    @property
    def width(self) -> int:
        return len(self.headers)

    def describe_format(self) -> str:
        """How the file was read, for the import dialog: "CSV, Windows-1252, semicolon-delimited"."""
        if self.format is FileFormat.XLSX:
            return f"Excel workbook, sheet “{self.sheet}”" if self.sheet else "Excel workbook"
        delimiter = delimiter_name(self.delimiter or ",")
        return f"CSV, {self.encoding}, {delimiter}-delimited"
