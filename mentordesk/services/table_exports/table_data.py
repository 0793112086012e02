"""The plain data of a spreadsheet export: a table (headers and typed rows) and its kind.

A table's values are Python values a spreadsheet understands: text, whole and decimal numbers,
yes/no, dates and date-times (naive, in the event's time zone: a spreadsheet has no zones, and a
time at the venue is what the organiser reads). ``services/spreadsheets.py`` turns them into CSV
or XLSX cells.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from mentordesk.services.domain_error import DomainError
from mentordesk.services.spreadsheets import Value

#: How far a table is made, 0.0 to 1.0 (the screens show it; the command line ignores it).
Report = Callable[[float], None]


class TableExportError(DomainError):
    """A table that cannot be exported (an unknown kind, a file ending that is no spreadsheet)."""


@dataclass(frozen=True)
class DataTable:
    """One spreadsheet: a title (the sheet's name), the column headers and the rows."""

    kind: str
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]
    #: Sentences about what the rows leave out on purpose (follow-ups without consent …), for
    #: the person exporting; never written into the file.
    notes: tuple[str, ...] = field(default=())

    def column(self, header: str) -> list[Value]:
        """Every row's value under ``header`` (tests and callers read a table by its headers)."""
        index = self.header.index(header)
        return [row[index] for row in self.rows]


@dataclass(frozen=True)
class TableKind:
    """A kind of table: its key on the command line, its name and what it holds, and the reader."""

    key: str
    name: str
    description: str
    build: Callable[[Session, int, Report], DataTable]
    #: The end of a suggested file name ("Spring Flash — people.xlsx").
    file_stem: str = ""


def local_time(at: datetime | None, zone: ZoneInfo) -> datetime | None:
    """``at`` (aware, UTC) as a naive wall-clock time in ``zone``, to the second."""
    if at is None:
        return None
    return at.astimezone(zone).replace(tzinfo=None, microsecond=0)
