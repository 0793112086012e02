"""Reading the rows of an .xlsx workbook as the text Excel would show, in bounded memory.

The first worksheet that holds any value is used, with cached values instead of formulas.
Numbers that are whole show without ".0" (an attendee number 1042 stays "1042"), dates become ISO
dates, and each row keeps its spreadsheet row number as its line number.

The worksheet and its shared strings are parsed as a stream (expat, fed in pieces), not through
openpyxl's reader: that one pads every row to the sheet's declared ``<dimension>`` (a 2 KB file
that declares A1:XFD1048576 keeps a core busy for many minutes) and holds each shared string,
however long, whole. Here the declared dimension is ignored, empty cells cost nothing, a cell's
text is kept only up to ``MAX_CELL_CHARS`` (the rest is counted, never stored), and each part's
unpacked size is checked against ``MAX_FILE_BYTES`` before it is read. openpyxl only says which
number formats are dates and converts serial numbers to dates.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator
from datetime import date, datetime, time
from typing import Any, Protocol
from xml.etree import ElementTree
from xml.parsers import expat
from xml.parsers.expat import XMLParserType

from mentordesk.services.importing.limits import (
    MAX_CELL_CHARS,
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_FILE_BYTES,
    MAX_TEXT_CHARS,
    number,
)
from mentordesk.services.importing.table import ImportFileError, Record

_PIECE = 64 * 1024
#: Workbook, relationships and styles are small; anything larger is not a real export.
_MAX_META_BYTES = 16 * 1024 * 1024
_REFERENCE = re.compile(r"([A-Za-z]{1,3})(\d*)$")


def read_workbook(archive: zipfile.ZipFile, name: str) -> tuple[str, Iterator[Record]]:
    """The sheet title and the non-empty rows of the first non-empty worksheet of an .xlsx file.

    The rows are read as they are asked for; ImportFileError, also while reading them, when the
    workbook is damaged or larger than the caps.
    """
    try:
        book = _Book(archive, name)
        for title, part in book.worksheets():
            rows = _guarded(book.rows(part), name)
            first = next(rows, None)
            if first is not None:
                return title, _chain(first, rows)
    except ImportFileError:
        raise
    except Exception as exc:  # noqa: BLE001 - re-raised as the one error the importer reports
        raise _damaged(name, exc) from None
    raise ImportFileError(f"{name} is an empty workbook: no worksheet holds any values")


def _chain(first: Record, rest: Iterator[Record]) -> Iterator[Record]:
    yield first
    yield from rest


def _guarded(rows: Iterator[Record], name: str) -> Iterator[Record]:
    # A damaged workbook fails deep inside zipfile, expat or the number parsing with exceptions
    # of many types; to the user they all mean the same thing.
    try:
        yield from rows
    except ImportFileError:
        raise
    except Exception as exc:  # noqa: BLE001 - re-raised as the one error the importer reports
        raise _damaged(name, exc) from None


def _damaged(name: str, exc: Exception) -> ImportFileError:
    return ImportFileError(f"{name} is not a readable .xlsx workbook ({_reason(exc)}); save it again from Excel")


def _local(tag: str) -> str:
    """An element or attribute name without its namespace or prefix."""
    return tag.rpartition("}")[2].rpartition(":")[2]


class _Book:
    def __init__(self, archive: zipfile.ZipFile, name: str) -> None:
        self.archive = archive
        self.name = name
        workbook = self._tree("xl/workbook.xml")
        self.epoch = _epoch(workbook)
        relations = self._relations("xl/workbook.xml")
        self.sheets = [
            (sheet.get("name") or "", relations.get(_attribute(sheet, "id") or "", ("", "")))
            for sheet in workbook.iter()
            if _local(sheet.tag) == "sheet"
        ]
        strings = next((target for kind, target in relations.values() if kind == "sharedStrings"), None)
        styles = next((target for kind, target in relations.values() if kind == "styles"), None)
        self.date_styles, self.duration_styles = self._styles(styles)
        self._strings_part = strings
        self._strings: list[str] | None = None

    def worksheets(self) -> Iterator[tuple[str, str]]:
        for title, (kind, target) in self.sheets:
            if kind == "worksheet":  # chart and dialog sheets hold no cells
                yield title, target

    def rows(self, part: str) -> Iterator[Record]:
        reader = _SheetReader(self, part)
        with self._open(part) as stream:
            parser = _parser_for(reader)
            while piece := stream.read(_PIECE):
                parser.Parse(piece, False)
                yield from reader.take()
            parser.Parse(b"", True)
            yield from reader.take()

    def shared(self, index: int) -> str:
        if self._strings is None:
            self._strings = self._read_strings()
        return self._strings[index]

    def _read_strings(self) -> list[str]:
        if self._strings_part is None or self._strings_part not in self.archive.namelist():
            return []
        collector = _StringCollector(self.name)
        with self._open(self._strings_part) as stream:
            parser = _parser_for(collector)
            while piece := stream.read(_PIECE):
                parser.Parse(piece, False)
            parser.Parse(b"", True)
        return collector.strings

    def _open(self, part: str, limit: int | None = None) -> Any:
        limit = MAX_FILE_BYTES if limit is None else limit
        size = self.archive.getinfo(part).file_size
        if size > limit:
            raise ImportFileError(
                f"{self.name} unpacks to more than {limit // (1024 * 1024)} MB ({posixpath.basename(part)} alone is "
                f"{size // (1024 * 1024):,} MB), far more than an attendee list; check that it is the right file"
            )
        return self.archive.open(part)

    def _tree(self, part: str) -> ElementTree.Element:
        with self._open(part, _MAX_META_BYTES) as stream:
            return ElementTree.parse(stream).getroot()

    def _relations(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id → (kind, part name): "rId1" → ("worksheet", "xl/worksheets/sheet1.xml")."""
        folder, base = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", base + ".rels")
        if rels not in self.archive.namelist():
            return {}
        found = {}
        for relation in self._tree(rels).iter():
            if _local(relation.tag) != "Relationship":
                continue
            target = relation.get("Target") or ""
            if target.startswith("/"):
                target = target.lstrip("/")
            else:
                target = posixpath.normpath(posixpath.join(folder, target))
            found[relation.get("Id") or ""] = ((relation.get("Type") or "").rpartition("/")[2], target)
        return found

    def _styles(self, part: str | None) -> tuple[frozenset[int], frozenset[int]]:
        """The cell styles whose number format shows a date or time, and those that show a duration."""
        from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format

        if part is None or part not in self.archive.namelist():
            return frozenset(), frozenset()
        tree = self._tree(part)
        custom = {
            element.get("numFmtId"): element.get("formatCode") or ""
            for element in tree.iter()
            if _local(element.tag) == "numFmt"
        }
        dates, durations = set(), set()
        cell_formats = next((element for element in tree if _local(element.tag) == "cellXfs"), None)
        for index, xf in enumerate(cell_formats if cell_formats is not None else ()):
            format_id = xf.get("numFmtId") or "0"
            code = custom.get(format_id)
            if code is None:
                code = BUILTIN_FORMATS.get(int(format_id), "General") if format_id.isdigit() else "General"
            if is_date_format(code):
                dates.add(index)
            if is_timedelta_format(code):
                durations.add(index)
        return frozenset(dates), frozenset(durations)


def _attribute(element: ElementTree.Element, local: str) -> str | None:
    return next((value for key, value in element.attrib.items() if _local(key) == local), None)


def _epoch(workbook: ElementTree.Element) -> datetime:
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

    for element in workbook.iter():
        if _local(element.tag) == "workbookPr":
            return CALENDAR_MAC_1904 if element.get("date1904") in ("1", "true") else CALENDAR_WINDOWS_1900
    return CALENDAR_WINDOWS_1900


class _Text:
    """Text gathered from pieces, kept up to one character past the cap; the rest is dropped."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0

    def add(self, piece: str) -> None:
        room = MAX_CELL_CHARS + 1 - self.size
        if room > 0:
            self.parts.append(piece[:room])
            self.size += min(len(piece), room)

    def value(self) -> str:
        return "".join(self.parts)


class _XmlHandler(Protocol):
    def start(self, tag: str, attributes: dict[str, str]) -> None: ...
    def end(self, tag: str) -> None: ...
    def text(self, data: str) -> None: ...


def _parser_for(handler: _XmlHandler) -> XMLParserType:
    """A streaming XML parser that hands elements and text to ``handler``."""
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler = handler.start
    parser.EndElementHandler = handler.end
    parser.CharacterDataHandler = handler.text
    return parser


class _StringCollector:
    """The shared strings of a workbook: the text of each ``<si>`` (rich-text runs joined, phonetic
    guides left out), each cut past ``MAX_CELL_CHARS``, all of them within the caps."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.strings: list[str] = []
        self.chars = 0
        self._text: _Text | None = None
        self._in_t = False
        self._phonetic = 0

    def start(self, tag: str, _attributes: dict[str, str]) -> None:
        local = _local(tag)
        if local == "si":
            self._text = _Text()
        elif local == "t":
            self._in_t = True
        elif local == "rPh":
            self._phonetic += 1

    def end(self, tag: str) -> None:
        local = _local(tag)
        if local == "t":
            self._in_t = False
        elif local == "rPh":
            self._phonetic -= 1
        elif local == "si" and self._text is not None:
            value = self._text.value()
            self._text = None
            self.strings.append(value)
            self.chars += len(value)
            if len(self.strings) > MAX_CELLS or self.chars > MAX_TEXT_CHARS:
                raise _too_much(self.name)

    def text(self, data: str) -> None:
        if self._in_t and not self._phonetic and self._text is not None:
            self._text.add(data)


class _SheetReader:
    """Turns the elements of a worksheet into records, a few at a time (see ``take``)."""

    def __init__(self, book: _Book, part: str) -> None:
        self.book = book
        self.done: list[Record] = []
        self.row_number = 0
        self.cells: dict[int, str] = {}
        self.column = 0
        self.kind = "n"
        self.style = 0
        #: The text of the cell being read; None outside a cell.
        self.value_text: _Text | None = None
        self._in_value = False
        self._phonetic = 0
        self._handlers: dict[str, Callable[[dict[str, str]], None]] = {
            "row": self._start_row, "c": self._start_cell, "v": self._start_value, "t": self._start_value,
        }

    def take(self) -> list[Record]:
        done, self.done = self.done, []
        return done

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        local = _local(tag)
        handler = self._handlers.get(local)
        if handler is not None:
            handler(attributes)
        elif local == "rPh":
            self._phonetic += 1

    def end(self, tag: str) -> None:
        local = _local(tag)
        if local in ("v", "t"):
            self._in_value = False
        elif local == "c":
            self._end_cell()
        elif local == "row":
            self._end_row()
        elif local == "rPh":
            self._phonetic -= 1

    def text(self, data: str) -> None:
        if self._in_value and not self._phonetic and self.value_text is not None:
            self.value_text.add(data)

    def _start_row(self, attributes: dict[str, str]) -> None:
        number_text = attributes.get("r", "")
        self.row_number = int(number_text) if number_text.isdigit() else self.row_number + 1
        self.cells = {}
        self.column = 0

    def _start_cell(self, attributes: dict[str, str]) -> None:
        reference = _REFERENCE.match(attributes.get("r", ""))
        self.column = _column_index(reference.group(1)) if reference else self.column + 1
        self.kind = attributes.get("t", "n")
        style = attributes.get("s", "0")
        self.style = int(style) if style.isdigit() else 0
        self.value_text = _Text()

    def _start_value(self, _attributes: dict[str, str]) -> None:
        # <v> holds a value; <t> inside <is> an inline string. A formula's <f> is not read.
        self._in_value = self.value_text is not None

    def _end_cell(self) -> None:
        if self.value_text is None:
            return
        raw, self.value_text = self.value_text.value(), None
        if not raw:
            return
        value = self._value(raw)
        if not value:
            return
        if self.column > MAX_COLUMNS:
            raise ImportFileError(
                f"{self.book.name} has values in more than {number(MAX_COLUMNS)} columns (on row "
                f"{number(self.row_number)}); an attendee list has far fewer: check that it is the right file"
            )
        self.cells[self.column] = value

    def _end_row(self) -> None:
        cells = self.cells
        if cells and any(value.strip() for value in cells.values()):
            row = [""] * max(cells)
            for column, value in cells.items():
                row[column - 1] = value
            self.done.append(Record(self.row_number, row))
        self.cells = {}

    def _value(self, raw: str) -> str:
        kind = self.kind
        if kind == "s":
            return self.book.shared(int(raw))
        if kind in ("str", "inlineStr", "e"):
            return raw
        if kind == "b":
            return "TRUE" if raw.strip() in ("1", "true") else "FALSE"
        if kind == "d":
            from openpyxl.utils.datetime import from_ISO8601

            return cell_text(from_ISO8601(raw))
        number_value: int | float = float(raw) if any(mark in raw for mark in ".Ee") else int(raw)
        if self.style in self.book.date_styles:
            from openpyxl.utils.datetime import from_excel

            try:
                return cell_text(from_excel(number_value, self.book.epoch,
                                            timedelta=self.style in self.book.duration_styles))
            except (OverflowError, ValueError):
                return "#VALUE!"  # as Excel shows a date serial out of range
        return cell_text(number_value)


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters.upper():
        index = index * 26 + ord(letter) - 64
    return index


def _too_much(name: str) -> ImportFileError:
    return ImportFileError(
        f"{name} holds more than {number(MAX_CELLS)} cells or {number(MAX_TEXT_CHARS)} characters; "
        "remove the columns you do not need, or split the file"
    )


def cell_text(value: object) -> str:
    """A cell value as text: whole numbers without ".0", dates as ISO 8601."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value)


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:120] if text else type(exc).__name__
