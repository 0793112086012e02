"""Reading the rows of an .xlsx workbook as the text Excel would show.

The first worksheet that holds any value is used, read with openpyxl in read-only mode (streamed,
so a large export does not sit in memory as cell objects) and with cached values instead of
formulas. Numbers that are whole show without ".0" (an attendee number 1042 stays "1042"), dates
become ISO dates, and each row keeps its spreadsheet row number as its line number.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from datetime import date, datetime, time

from mentordesk.services.importing.table import ImportFileError


def read_workbook(data: bytes, name: str) -> tuple[str, list[tuple[int, list[str]]]]:
    """The sheet title and the non-empty rows of the first non-empty worksheet of an .xlsx file."""
    from openpyxl import load_workbook  # imported here: only spreadsheet imports pay for it

    try:
        # openpyxl warns about workbook features it does not read (styles, data validation,
        # extensions); none of them matter for reading values, and the test suite turns warnings
        # into errors.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                for sheet in workbook.worksheets:  # worksheets only: chart sheets are not listed
                    rows = list(_rows(sheet.iter_rows(min_row=1, values_only=True)))
                    if rows:
                        return sheet.title, rows
            finally:
                workbook.close()
    except ImportFileError:
        raise
    # A damaged workbook fails deep inside zipfile, the XML parser or openpyxl with exceptions of
    # many types; to the user they all mean the same thing.
    except Exception as exc:
        raise ImportFileError(
            f"{name} is not a readable .xlsx workbook ({_reason(exc)}); save it again from Excel"
        ) from None
    raise ImportFileError(f"{name} is an empty workbook: no worksheet holds any values")


def _rows(values: Iterator[tuple[object, ...]]) -> Iterator[tuple[int, list[str]]]:
    for number, row in enumerate(values, start=1):
        cells = [cell_text(value) for value in row]
        while cells and not cells[-1]:
            cells.pop()
        if any(cell.strip() for cell in cells):
            yield number, cells


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
