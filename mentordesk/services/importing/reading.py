"""Reading an attendee file into a ``Table``: what kind of file it is, its header and its rows.

Files are recognised by their content, not their name: a ``.csv`` that is really a PNG, an old
binary ``.xls`` saved under another name, or a workbook renamed ``.csv`` are all told apart by
their first bytes. Anything that cannot be read as a whole is refused with one ImportFileError
whose message says what to do, before anything is written to the event.
"""

from __future__ import annotations

import os
import zipfile
from io import BytesIO
from pathlib import Path

from mentordesk.services.importing.decoding import decode
from mentordesk.services.importing.delimited import split_records
from mentordesk.services.importing.spreadsheet import read_workbook
from mentordesk.services.importing.table import FileFormat, ImportFileError, SourceRow, Table

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


def read_file(path: str | os.PathLike[str]) -> Table:
    """Read a CSV or .xlsx attendee file; raises ImportFileError with a one-line reason."""
    source = Path(path)
    try:
        data = source.read_bytes()
    except IsADirectoryError:
        raise ImportFileError(f"{source} is a folder, not an attendee file") from None
    except FileNotFoundError:
        raise ImportFileError(f"there is no file at {source}") from None
    except OSError as exc:
        raise ImportFileError(f"cannot read {source.name}: {exc.strerror or exc}") from None
    return read_bytes(data, source.name)


def read_bytes(data: bytes, name: str) -> Table:
    """Read an attendee file already in memory (``name`` is used in messages only)."""
    if not data.strip():
        raise ImportFileError(f"{name} is empty")
    if data.startswith(_OLE2):
        raise ImportFileError(
            f"{name} is an old-style Excel .xls workbook (or a password-protected one), which cannot be read; "
            "open it in Excel and save it as .xlsx or CSV"
        )
    for signature, kind in _OTHER_SIGNATURES:
        if data.startswith(signature):
            raise ImportFileError(f"{name} is {kind}, not an attendee list; choose a CSV or .xlsx file")
    if data.startswith(_ZIP):
        return _read_zip(data, name)
    return _read_text(data, name)


def _read_zip(data: bytes, name: str) -> Table:
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            members = set(archive.namelist())
    except zipfile.BadZipFile:
        raise ImportFileError(f"{name} is a damaged ZIP or .xlsx file; save or export it again") from None
    if "xl/workbook.xml" in members or "xl/workbook.bin" in members:
        if "xl/workbook.bin" in members:
            raise ImportFileError(f"{name} is an Excel binary workbook (.xlsb); save it as .xlsx or CSV")
        sheet, records = read_workbook(data, name)
        return _table(records, name, FileFormat.XLSX, sheet=sheet)
    if "content.xml" in members:
        raise ImportFileError(f"{name} is an OpenDocument spreadsheet; save it as .xlsx or CSV")
    if any(member.startswith("word/") for member in members):
        raise ImportFileError(f"{name} is a Word document, not an attendee list; choose a CSV or .xlsx file")
    raise ImportFileError(f"{name} is a ZIP archive; unpack it and choose the CSV or .xlsx file inside")


def _read_text(data: bytes, name: str) -> Table:
    text, encoding = decode(data, name)
    opening = text.lstrip("\ufeff \t\r\n")[:200].lower()
    if opening.startswith(("<!doctype html", "<html", "<table")) or "urn:schemas-microsoft-com:office" in opening:
        raise ImportFileError(
            f"{name} is a web page or an Excel XML file, not a CSV; open it in Excel and save it as .xlsx or CSV"
        )
    delimiter, records = split_records(text, name)
    return _table(records, name, FileFormat.CSV, encoding=encoding, delimiter=delimiter)


def _table(
    records: list[tuple[int, list[str]]],
    name: str,
    file_format: FileFormat,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
) -> Table:
    if not records:
        raise ImportFileError(f"{name} is empty")
    header_at = _header_index(records)
    header_line, header_cells = records[header_at]
    data = records[header_at + 1 :]
    if not data:
        raise ImportFileError(f"{name} has a header row but no attendees")
    width = max(len(header_cells), *(len(cells) for _line, cells in data))
    headers = tuple(cell.strip() for cell in header_cells) + ("",) * (width - len(header_cells))
    rows = tuple(SourceRow(line, tuple(cells)) for line, cells in data)
    return Table(
        source_name=name,
        headers=headers,
        rows=rows,
        format=file_format,
        header_line=header_line,
        encoding=encoding,
        delimiter=delimiter,
        sheet=sheet,
    )


def _header_index(records: list[tuple[int, list[str]]]) -> int:
    """The first record with at least two filled cells: title lines above a header are skipped."""
    for index, (_line, cells) in enumerate(records[:_HEADER_SEARCH]):
        if sum(1 for cell in cells if cell.strip()) >= 2:
            return index
    return 0
