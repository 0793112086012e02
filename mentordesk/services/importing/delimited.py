"""Splitting the text of a CSV export into rows: which delimiter, and where each record starts.

The delimiter is the one of comma, semicolon, tab and vertical bar that splits the first records
into the same number of fields (more than one), with quotes respected, so a comma inside
"Müller, Meier & Co" does not count. Excel's ``sep=;`` first line, when present, settles it.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterator

from mentordesk.services.importing.table import ImportFileError

CANDIDATES = (",", ";", "\t", "|")
#: Records looked at to choose the delimiter.
_SAMPLE_RECORDS = 30


def split_records(text: str, name: str) -> tuple[str, list[tuple[int, list[str]]]]:
    """The delimiter and the records of ``text``, each with the line it starts on; blank lines dropped."""
    start_line = 1
    first_line, _, rest = text.partition("\n")
    hint = first_line.rstrip("\r")
    if hint.lower().startswith("sep=") and len(hint) == 5:
        delimiter = hint[4]
        text, start_line = rest, 2
    else:
        delimiter = detect_delimiter(text)
    return delimiter, list(_records(text, delimiter, name, start_line))


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


def _records(text: str, delimiter: str, name: str, start_line: int) -> Iterator[tuple[int, list[str]]]:
    # csv's field size limit (128 KiB) is left as it is: it is process-wide state, and a cell that
    # large is not an attendee's answer but a file with an unclosed quote.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, skipinitialspace=True)
    lines_read = 0
    for record in _guarded(reader, name, start_line):
        first = start_line + lines_read
        lines_read = reader.line_num
        if any(cell.strip() for cell in record):
            yield first, record


def _guarded(reader: Iterator[list[str]], name: str, start_line: int) -> Iterator[list[str]]:
    try:
        yield from reader
    except csv.Error as exc:
        line = start_line + getattr(reader, "line_num", 0) - 1
        raise ImportFileError(f"{name} cannot be read as CSV near line {line}: {exc}") from None
