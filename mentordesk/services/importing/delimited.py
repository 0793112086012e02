"""Splitting the text of a CSV export into rows: which delimiter, and where each record starts.

The delimiter is the one of comma, semicolon, tab and vertical bar that splits the first records
into the same number of fields (more than one), with quotes respected, so a comma inside
"Müller, Meier & Co" does not count. Excel's ``sep=;`` first line, when present, settles it.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections import Counter
from collections.abc import Iterator

from mentordesk.services.importing.decoding import LineFeed, is_damaged
from mentordesk.services.importing.limits import MAX_ROW_CHARS, number
from mentordesk.services.importing.table import ImportFileError, Record

CANDIDATES = (",", ";", "\t", "|")
#: Records looked at to choose the delimiter.
_SAMPLE_RECORDS = 30
#: Lines, and characters, read ahead to find those records.
_SAMPLE_LINES = 200
_SAMPLE_CHARS = 64 * 1024


def split_records(feed: LineFeed, name: str) -> tuple[str, Iterator[Record]]:
    """The delimiter and the records of ``feed``, each with the line it starts on; blank lines dropped.

    The records are read as they are asked for; only the first lines are held, to choose the
    delimiter.
    """
    start_line = 1
    head: list[str] = []
    first_line = next(feed, "")
    hint = first_line.rstrip("\r\n")
    if hint.lower().startswith("sep=") and len(hint) == 5:
        delimiter = hint[4]
        start_line = 2
    else:
        head.append(first_line)
        size = len(first_line)
        for line in feed:
            head.append(line)
            size += len(line)
            if size >= _SAMPLE_CHARS or len(head) >= _SAMPLE_LINES:
                break
        delimiter = detect_delimiter("".join(head))
    return delimiter, _records(itertools.chain(head, feed), feed, delimiter, name, start_line)


class _RowSize:
    """How much of the current row has been read, so that a row that never ends is refused."""

    def __init__(self, name: str, start_line: int) -> None:
        self.name = name
        self.start_line = start_line
        self.chars = 0

    def counted(self, lines: Iterator[str]) -> Iterator[str]:
        for line in lines:
            self.chars += len(line)
            if self.chars > MAX_ROW_CHARS:
                raise ImportFileError(
                    f"{self.name}: the row that starts on line {number(self.start_line)} runs on for more than "
                    f"{number(MAX_ROW_CHARS)} characters, probably because a quote is never closed; "
                    "check the file in a text editor"
                )
            yield line


def detect_delimiter(text: str) -> str:
    best, best_score = ",", (0.0, 0)
    for candidate in CANDIDATES:
        counts = _field_counts(text, candidate)
        if not counts:
            continue
        width, times = Counter(counts).most_common(1)[0]
        if width < 2:
            continue
        # The share of records with the usual width decides; with equal shares, more fields win
        # (a tab file whose cells hold commas splits into more fields on tabs than on commas).
        score = (times / len(counts), width)
        if score > best_score:
            best, best_score = candidate, score
    return best


def _field_counts(text: str, delimiter: str) -> list[int]:
    counts: list[int] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, skipinitialspace=True)
    try:
        for record in reader:
            if any(cell.strip() for cell in record):
                counts.append(len(record))
                if len(counts) >= _SAMPLE_RECORDS:
                    break
    except csv.Error:
        pass  # a delimiter that makes the quoting fail is simply not the delimiter
    return counts


def _records(
    lines: Iterator[str], feed: LineFeed, delimiter: str, name: str, start_line: int
) -> Iterator[Record]:
    # csv's field size limit (128 KiB) is left as it is: it is process-wide state, and a cell that
    # large is not an attendee's answer but a file with an unclosed quote.
    size = _RowSize(name, start_line)
    reader = csv.reader(size.counted(lines), delimiter=delimiter, skipinitialspace=True)
    lines_read = 0
    for record in _guarded(reader, name, start_line):
        first = start_line + lines_read
        lines_read = reader.line_num
        size.start_line, size.chars = start_line + lines_read, 0
        if any(cell.strip() for cell in record):
            damaged = feed.damaged_any and any(map(is_damaged, record))
            yield Record(first, record, damaged)


def _guarded(reader: Iterator[list[str]], name: str, start_line: int) -> Iterator[list[str]]:
    try:
        yield from reader
    except csv.Error as exc:
        line = start_line + getattr(reader, "line_num", 0) - 1
        if "field limit" in str(exc):
            raise ImportFileError(
                f"{name} cannot be read as CSV near line {number(line)}: a cell runs on for more than "
                f"{number(csv.field_size_limit())} characters, probably because a quote is never closed"
            ) from None
        raise ImportFileError(f"{name} cannot be read as CSV near line {number(line)}: {exc}") from None
