"""Everything MentorDesk hands to a spreadsheet — CSV, XLSX, tab-separated text for the clipboard —
goes through here, so that no value can turn into a live formula ("formula injection").

Names, e-mails and comments come from ticketing exports and typed feedback, so any of them may read
``=HYPERLINK("http://…","Click")`` or ``@SUM(…)``. A spreadsheet takes text that starts with
``=``, ``+``, ``-`` or ``@`` (also after spaces, or a leading tab or carriage return, and their
full-width forms) for a formula. :func:`is_formula_like` is the one test for that; then

* CSV and tab-separated text get an apostrophe in front (:func:`text_cell`), which every spreadsheet
  reads as "this is text" (the OWASP advice);
* XLSX keeps the value exactly and writes it as a text cell marked the way Excel marks text typed
  with a leading apostrophe (``quotePrefix``), so it is shown as typed and stays text when edited.

Numbers stay numbers: only text is ever changed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from mentordesk.output_files import check_output_path, write_atomically

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell

Value = str | int | float | bool | date | datetime | None

#: What a spreadsheet may read as the start of a formula (full-width forms included: some
#: spreadsheets in East Asian locales read those as formulas too).
_FORMULA_STARTS = ("=", "+", "-", "@", "＝", "＋", "－", "＠")
_CONTROL_STARTS = ("\t", "\r", "\n")
_BREAKS_TO_SPACES = str.maketrans({"\t": " ", "\r": " ", "\n": " "})
#: How a refusal or failure names the file ("choose another name for the spreadsheet").
SPREADSHEET = "the spreadsheet"


def is_formula_like(value: object) -> bool:
    """Whether a spreadsheet could take ``value`` (text) for a formula."""
    if not isinstance(value, str) or not value:
        return False
    return value.startswith(_CONTROL_STARTS) or value.lstrip().startswith(_FORMULA_STARTS)


def text_cell(value: Value) -> str:
    """``value`` as CSV or tab-separated text: formula-like text gets an apostrophe in front."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        # To the second: the check-in log's order within a minute matters.
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    return "'" + text if is_formula_like(value) else text


def tsv_text(header: Sequence[str], rows: Iterable[Sequence[Value]]) -> str:
    """Tab-separated lines with a header, for the clipboard (pasting into a spreadsheet or an e-mail)."""
    lines = []
    for row in (header, *rows):
        # A tab or line break inside a value would start a new cell or row when pasted.
        cells = (text_cell(value.translate(_BREAKS_TO_SPACES) if isinstance(value, str) else value) for value in row)
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Value]]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([text_cell(value) for value in header])
    for row in rows:
        writer.writerow([text_cell(value) for value in row])
    return buffer.getvalue()


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Value]], *,
              open_event: Path | None = None) -> None:
    """A CSV file in UTF-8 with a byte-order mark (so that Excel reads accents right).

    Written through ``output_files`` (never over an event file, whole or not at all).
    """
    write_atomically(path, csv_text(header, rows).encode("utf-8-sig"), what=SPREADSHEET, open_event=open_event)


def write_xlsx(path: Path, header: Sequence[str], rows: Iterable[Sequence[Value]], *, sheet: str = "Sheet1",
               open_event: Path | None = None) -> None:
    """An XLSX workbook with one sheet; text is always a text cell, never a formula.

    Written through ``output_files`` (never over an event file, whole or not at all).
    """
    check_output_path(path, open_event=open_event, what=SPREADSHEET)  # before the work
    from openpyxl import Workbook  # only exports need it: the desk starts without loading it
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(_sheet_title(sheet))
    rows = list(rows)
    # Columns wide enough for what they hold (a date-time in Excel's default width shows as
    # "#####"), and the header row kept in view while scrolling.
    for index, width in enumerate(_column_widths(header, rows), start=1):
        worksheet.column_dimensions[get_column_letter(index)].width = width
    worksheet.freeze_panes = "A2"

    def cell(value: Value, *, bold: bool = False) -> Cell:
        result = WriteOnlyCell(worksheet, value=value)  # type: ignore[arg-type]  # openpyxl writes dates; its stubs say no
        if isinstance(value, str):
            # openpyxl stores text starting with "=" as a formula; a text cell never is one.
            result.data_type = "s"
            if is_formula_like(value):
                result.quotePrefix = True
        if bold:
            result.font = Font(bold=True)
        return result

    worksheet.append([cell(value, bold=True) for value in header])
    for row in rows:
        worksheet.append([cell(value) for value in row])
    # Saved into memory, then written: a write-only workbook left unsaved (a refused or failed
    # write) keeps its rows' generator open and warns when collected.
    content = io.BytesIO()
    workbook.save(content)
    write_atomically(path, content.getvalue(), what=SPREADSHEET, open_event=open_event)


#: Column widths in characters: at least a short word, at most a long sentence (text wraps on).
_MIN_WIDTH, _MAX_WIDTH = 8, 50
#: Rows looked at to size the columns; enough to see what a column holds.
_WIDTH_SAMPLE = 500


def _column_widths(header: Sequence[str], rows: Sequence[Sequence[Value]]) -> list[float]:
    widths = [float(len(text)) for text in header]
    for row in rows[:_WIDTH_SAMPLE]:
        for index, value in enumerate(row[:len(widths)]):
            if isinstance(value, datetime):
                length = 19
            elif isinstance(value, date):
                length = 10
            else:
                length = len(text_cell(value))
            widths[index] = max(widths[index], float(length))
    return [min(_MAX_WIDTH, max(_MIN_WIDTH, width + 2)) for width in widths]


def _sheet_title(title: str) -> str:
    # Excel's rules: at most 31 characters, none of []:*?/\
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in title).strip()
    return cleaned[:31] or "Sheet1"
