"""Data out: the event's tables as spreadsheets (CSV or XLSX), for the command line and the screens.

``mentordesk export table KIND`` and the Print & export page's *Spreadsheets* use the same kinds
(:func:`kinds`): people (with check-in time and station), the check-in log, attendance, flash
meetings, feedback, goals and mutual follow-ups. A kind's reader takes a session and returns a
:class:`DataTable` of plain values, reusing the services' own reads (who is checked in, the
attendance rule, who met whom, follow-ups only with consent); :func:`write_table` hands it to
``services/spreadsheets.py``, which never lets a value become a live formula, and writes the file
through ``output_files`` (never over an event file, whole or not at all).

The format follows the file's ending: ``.csv`` (UTF-8 with a byte-order mark, so Excel reads
accents) or ``.xlsx`` (typed cells: numbers as numbers, dates and times as dates). Times are the
wall-clock time in the event's zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from mentordesk.output_files import check_output_path, open_event_of
from mentordesk.services.spreadsheets import SPREADSHEET, write_csv, write_xlsx
from mentordesk.services.table_exports.flash_tables import feedback_table, follow_ups_table, meetings_table
from mentordesk.services.table_exports.group_tables import attendance_table, goals_table
from mentordesk.services.table_exports.people_tables import checkins_table, people_table
from mentordesk.services.table_exports.table_data import DataTable, Report, TableExportError, TableKind

__all__ = [
    "FORMATS",
    "DataTable",
    "ExportedTable",
    "TableExportError",
    "TableKind",
    "build_table",
    "export_table",
    "format_of",
    "get_kind",
    "kinds",
    "write_table",
]

_KINDS = (
    TableKind("people", "People", "everyone, with contact details, check-in time and station", people_table,
              "people"),
    TableKind("checkins", "Check-in log", "every check-in, check-out and undo, with time and station",
              checkins_table, "check-in log"),
    TableKind("attendance", "Attendance", "each person at each group session held (present, late, absent, "
              "excused)", attendance_table, "attendance"),
    TableKind("meetings", "Flash meetings", "who met whom in which round and at which table, with both sides' "
              "feedback", meetings_table, "flash meetings"),
    TableKind("feedback", "Feedback", "every rating and comment on flash meetings and group sessions",
              feedback_table, "feedback"),
    TableKind("goals", "Goals", "each goal with its status and latest progress", goals_table, "goals"),
    TableKind("follow-ups", "Mutual follow-ups", "pairs who both asked to follow up, with contacts only where "
              "both agreed to share them", follow_ups_table, "follow-ups"),
)

#: File endings and the format each one means.
FORMATS = {".csv": "CSV", ".xlsx": "XLSX"}


@dataclass(frozen=True)
class ExportedTable:
    """What an export wrote: the table (its rows and notes) and the file."""

    table: DataTable
    path: Path


def kinds() -> tuple[TableKind, ...]:
    """Every kind of table, in the order they are offered."""
    return _KINDS


def _plain(key: str) -> str:
    return key.strip().casefold().replace("_", "").replace("-", "").replace(" ", "")


def get_kind(key: str) -> TableKind:
    """The kind called ``key`` ("follow-ups", also "follow_ups" or "followups")."""
    wanted = _plain(key)
    for kind in _KINDS:
        if _plain(kind.key) == wanted:
            return kind
    known = ", ".join(kind.key for kind in _KINDS)
    raise TableExportError(f"there is no table called {key.strip()!r}; choose one of: {known}")


def format_of(path: str | Path) -> str:
    """"CSV" or "XLSX" from the file's ending; any other ending is refused in one line."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise TableExportError(f"cannot tell the format of {Path(path).name}: name the file .csv or .xlsx")
    return FORMATS[suffix]


def build_table(session: Session, event_id: int, key: str, report: Report | None = None) -> DataTable:
    """The table of kind ``key`` for the event, read in ``session``."""
    return get_kind(key).build(session, event_id, report or (lambda _fraction: None))


def write_table(table: DataTable, path: str | Path, *, open_event: Path | None = None) -> Path:
    """Write ``table`` as CSV or XLSX (by ``path``'s ending); returns the path written."""
    target = Path(path).expanduser()
    if format_of(target) == "CSV":
        write_csv(target, table.header, table.rows, open_event=open_event)
    else:
        write_xlsx(target, table.header, table.rows, sheet=table.title, open_event=open_event)
    return target


def export_table(session: Session, event_id: int, key: str, path: str | Path,
                 report: Report | None = None) -> ExportedTable:
    """Build the table and write it; the destination is checked before any work is done.

    Raises :class:`TableExportError` (unknown kind or file ending) or ``OutputFileError`` (the
    destination is an event file, a folder, read-only, on a full disk …), each one line.
    """
    kind = get_kind(key)
    target = Path(path).expanduser()
    format_of(target)
    open_event = open_event_of(session)
    check_output_path(target, open_event=open_event, what=SPREADSHEET)
    table = kind.build(session, event_id, report or (lambda _fraction: None))
    return ExportedTable(table, write_table(table, target, open_event=open_event))
