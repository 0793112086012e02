"""Reading an attendee file into a ``Table``: what kind of file it is, its header and its rows.

Files are recognised by their content, not their name: a ``.csv`` that is really a PNG, an old
binary ``.xls`` saved under another name, or a workbook renamed ``.csv`` are all told apart by
their first bytes. Anything that cannot be read as a whole is refused with one ImportFileError
whose message says what to do, before anything is written to the event.
"""

from __future__ import annotations

import itertools
import os
import zipfile
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from mentordesk.models.event_file import application_id
from mentordesk.services.importing.decoding import open_text, unescape
from mentordesk.services.importing.delimited import CANDIDATES, split_records
from mentordesk.services.importing.limits import (
    MAX_CELL_CHARS,
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    MAX_TEXT_CHARS,
    excerpt,
    number,
)
from mentordesk.services.importing.spreadsheet import read_workbook
from mentordesk.services.importing.table import (
    FileFormat,
    ImportFileError,
    Record,
    SourceRow,
    Table,
    delimiter_name,
)

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"

# First bytes of files people pick by mistake, and what to call them in the message.
_OTHER_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"SQLite format 3\x00", "a database (perhaps an event file)"),
    (b"\x1f\x8b", "a compressed (gzip) file"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
)

#: A header is looked for among the first records, past any title lines some exports put on top.
_HEADER_SEARCH = 10
#: Enough of the start of a file to recognise it.
_SIGNATURE_BYTES = 64


def read_file(path: str | os.PathLike[str]) -> Table:
    """Read a CSV or .xlsx attendee file; raises ImportFileError with a one-line reason."""
    source = Path(path)
    if application_id(source) is not None:
        # Recognised through SQLite, before the file is opened here: opening the open event file
        # directly and closing it would drop this process's locks on it (models/event_file.py).
        raise ImportFileError(f"{source.name} is a database (perhaps an event file), not an attendee list; "
                              "choose a CSV or .xlsx file")
    try:
        with source.open("rb") as stream:
            return _read_stream(stream, source.name)
    except IsADirectoryError:
        raise ImportFileError(f"{source} is a folder, not an attendee file") from None
    except FileNotFoundError:
        raise ImportFileError(f"there is no file at {source}") from None
    except OSError as exc:
        raise ImportFileError(f"cannot read {source.name}: {exc.strerror or exc}") from None


def read_bytes(data: bytes, name: str) -> Table:
    """Read an attendee file already in memory (``name`` is used in messages only)."""
    return _read_stream(BytesIO(data), name)


def _read_stream(stream: BinaryIO, name: str) -> Table:
    size = stream.seek(0, os.SEEK_END)
    stream.seek(0)
    if size > MAX_FILE_BYTES:
        raise ImportFileError(
            f"{name} is {_megabytes(size)}, more than the {_megabytes(MAX_FILE_BYTES)} an attendee file may be; "
            "check that it is the right file, or split it into smaller files"
        )
    start = stream.read(_SIGNATURE_BYTES)
    stream.seek(0)
    if start.startswith(_OLE2):
        raise ImportFileError(
            f"{name} is an old-style Excel .xls workbook (or a password-protected one), which cannot be read; "
            "open it in Excel and save it as .xlsx or CSV"
        )
    for signature, kind in _OTHER_SIGNATURES:
        if start.startswith(signature):
            raise ImportFileError(f"{name} is {kind}, not an attendee list; choose a CSV or .xlsx file")
    if start.startswith(_ZIP):
        return _read_zip(stream, name)
    return _read_text(stream, name)


def _megabytes(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):,.0f} MB"
    return f"{-(-size // 1024):,} KB"


def _read_zip(stream: BinaryIO, name: str) -> Table:
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError):
        raise ImportFileError(f"{name} is a damaged ZIP or .xlsx file; save or export it again") from None
    with archive:
        members = set(archive.namelist())
        if "xl/workbook.xml" in members or "xl/workbook.bin" in members:
            if "xl/workbook.bin" in members:
                raise ImportFileError(f"{name} is an Excel binary workbook (.xlsb); save it as .xlsx or CSV")
            sheet, records = read_workbook(archive, name)
            return _table(records, name, FileFormat.XLSX, sheet=sheet)
    if "content.xml" in members:
        raise ImportFileError(f"{name} is an OpenDocument spreadsheet; save it as .xlsx or CSV")
    if any(member.startswith("word/") for member in members):
        raise ImportFileError(f"{name} is a Word document, not an attendee list; choose a CSV or .xlsx file")
    raise ImportFileError(f"{name} is a ZIP archive; unpack it and choose the CSV or .xlsx file inside")


def _read_text(stream: BinaryIO, name: str) -> Table:
    with open_text(stream, name) as feed:
        opening = feed.opening(1024).lstrip("\ufeff \t\r\n")[:200].lower()
        if opening.startswith(("<!doctype html", "<html", "<table")) or "urn:schemas-microsoft-com:office" in opening:
            raise ImportFileError(
                f"{name} is a web page or an Excel XML file, not a CSV; open it in Excel and save it as .xlsx or CSV"
            )
        delimiter, records = split_records(feed, name)
        return _table(records, name, FileFormat.CSV, encoding=feed.encoding, delimiter=delimiter)


def _table(
    records: Iterator[Record],
    name: str,
    file_format: FileFormat,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
) -> Table:
    head = list(itertools.islice(records, _HEADER_SEARCH))
    if not head:
        raise ImportFileError(f"{name} is empty")
    header_at = _header_index(head)
    header = head[header_at]
    header_cells = [excerpt(cell) if len(cell) > MAX_CELL_CHARS else cell.strip() for cell in header.cells]
    header_notes: list[str] = []
    if header.damaged:
        header_cells = [unescape(cell) for cell in header_cells]
        header_notes.append(f"the header holds bytes that are not valid {encoding} (shown as �)")
    checker = _RowChecker(name, header_cells, delimiter, encoding)
    checker.check_width(header.line, header_cells)
    rows = [checker.row(record) for record in itertools.chain(head[header_at + 1 :], records)]
    if not rows:
        raise ImportFileError(f"{name} has a header row but no attendees")
    headers = tuple(header_cells) + ("",) * (checker.width - len(header_cells))
    return Table(
        source_name=name,
        headers=headers,
        rows=tuple(rows),
        format=file_format,
        header_line=header.line,
        encoding=encoding,
        delimiter=delimiter,
        sheet=sheet,
        header_notes=tuple(header_notes),
    )


class _RowChecker:
    """Turns records into rows, counting them against the caps and noting what is wrong with each."""

    def __init__(self, name: str, header: list[str], delimiter: str | None, encoding: str | None) -> None:
        self.name = name
        self.header = header
        self.width = len(header)
        self.delimiter = delimiter
        self.encoding = encoding
        self.rows = 0
        self.cells = 0
        self.chars = 0

    def row(self, record: Record) -> SourceRow:
        self.rows += 1
        if self.rows > MAX_ROWS:
            raise ImportFileError(
                f"{self.name} has more than {number(MAX_ROWS)} rows; split it into files of at most "
                f"{number(MAX_ROWS)} rows and import them one after the other"
            )
        cells = record.cells
        fields = len(cells)
        while cells and not cells[-1]:
            cells.pop()
        self.check_width(record.line, cells)
        self.cells += len(cells)
        self.chars += sum(map(len, cells))
        if self.cells > MAX_CELLS or self.chars > MAX_TEXT_CHARS:
            raise ImportFileError(
                f"{self.name} holds more than {number(MAX_CELLS)} cells or {number(MAX_TEXT_CHARS)} characters "
                f"(reached on line {number(record.line)}); remove the columns you do not need, or split the file"
            )
        problem = None
        if record.damaged:
            cells = [unescape(cell) for cell in cells]
            problem = (f"holds bytes that are not valid {self.encoding} (shown as �), although the rest of the file "
                       "is; correct the line and import the file again")
        elif self.delimiter is not None and fields < self.width:
            problem = self._other_delimiter(cells, fields)
        if max(map(len, cells), default=0) > MAX_CELL_CHARS:
            column = next(index for index, cell in enumerate(cells) if len(cell) > MAX_CELL_CHARS)
            problem = (f"the {self._column(column)} cell is longer than the {number(MAX_CELL_CHARS)} characters a "
                       f"cell may hold (“{excerpt(cells[column])}”); shorten it and import the file again")
            cells = [excerpt(cell) if len(cell) > MAX_CELL_CHARS else cell for cell in cells]
        self.width = max(self.width, len(cells))
        return SourceRow(record.line, tuple(cells), problem)

    def check_width(self, line: int, cells: list[str]) -> None:
        if len(cells) > MAX_COLUMNS and any(cells[MAX_COLUMNS:]):
            raise ImportFileError(
                f"{self.name} has values in more than {number(MAX_COLUMNS)} columns (on line {number(line)}); "
                "an attendee list has far fewer: check that it is the right file"
            )

    def _column(self, index: int) -> str:
        header = self.header[index] if index < len(self.header) else ""
        return f"“{excerpt(header)}”" if header else f"column {index + 1}"

    def _other_delimiter(self, cells: list[str], fields: int) -> str | None:
        """Why a row with too few fields is wrong when another delimiter splits it into more.

        A semicolon row pasted into a comma file reads as one long name; saying so is more use
        than "no role".
        """
        assert self.delimiter is not None
        line = self.delimiter.join(cells)
        for candidate in CANDIDATES:
            if candidate == self.delimiter:
                continue
            if fields < line.count(candidate) + 1 <= self.width:
                return (f"its fields are separated by {delimiter_name(candidate)}s, but the rest of the file uses "
                        f"{delimiter_name(self.delimiter)}s; correct the line and import the file again")
        return None


def _header_index(records: list[Record]) -> int:
    """The first record with at least two filled cells: title lines above a header are skipped."""
    for index, (_line, cells, _damaged) in enumerate(records[:_HEADER_SEARCH]):
        if sum(1 for cell in cells if cell.strip()) >= 2:
            return index
    return 0
