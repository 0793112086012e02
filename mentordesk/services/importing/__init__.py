"""Importing attendee files (CSV and .xlsx exports from ticketing sites and forms) into an event.

The steps are separate so that the import dialog can show each one and let the user correct it:

1. ``read_file(path)`` reads the file into a ``Table`` (header, rows with line numbers, detected
   encoding and delimiter) or refuses it with an ``ImportFileError`` whose message is one line;
2. ``guess_mapping(table.headers)`` proposes which column feeds which ``Field``; the user can
   change it with ``ColumnMapping.with_field``; ``mapping.missing`` says what to ask for;
3. ``preview(table, mapping, role)`` reads the first rows exactly as the import will;
4. ``import_table(session, event_id, table, mapping, role, progress)`` adds and updates people
   in one savepoint and returns an ``ImportSummary``; ``plan_import`` with the same arguments says
   what it would do, changing nothing (the dialog shows it before *Import* is pressed).

``import_file`` does all four with the guessed mapping, for the command line. Re-importing the
same or an updated file updates the people it describes and never duplicates them.

Cell values are stored as written, including text that a spreadsheet would take for a formula
(``=…``, ``+…``, ``-…``, ``@…``): whatever later exports people to CSV or XLSX must neutralise such
values (prefix them with an apostrophe) to prevent formula injection.
"""

from __future__ import annotations

import os

from sqlalchemy.orm import Session

from mentordesk.models import Role
from mentordesk.services.importing.apply import PROGRESS_EVERY, Progress, import_table, plan_import
from mentordesk.services.importing.fields import Field
from mentordesk.services.importing.mapping import ColumnMapping, guess_mapping
from mentordesk.services.importing.reading import read_bytes, read_file
from mentordesk.services.importing.rows import NO_ROLE, PersonRecord, RowIssue, RowReading, preview
from mentordesk.services.importing.summary import ImportSummary, LikelyDuplicate
from mentordesk.services.importing.table import FileFormat, ImportFileError, SourceRow, Table

__all__ = [
    "NO_ROLE",
    "PROGRESS_EVERY",
    "ColumnMapping",
    "Field",
    "FileFormat",
    "ImportFileError",
    "ImportSummary",
    "LikelyDuplicate",
    "PersonRecord",
    "Progress",
    "RowIssue",
    "RowReading",
    "SourceRow",
    "Table",
    "guess_mapping",
    "import_file",
    "import_table",
    "plan_import",
    "preview",
    "read_bytes",
    "read_file",
]


def import_file(
    session: Session,
    event_id: int,
    path: str | os.PathLike[str],
    role: Role | None = None,
    progress: Progress | None = None,
) -> ImportSummary:
    """Read ``path``, guess its mapping and import it; the caller commits.

    Raises ImportFileError, having changed nothing, when the file cannot be read or has no name
    column.
    """
    table = read_file(path)
    return import_table(session, event_id, table, guess_mapping(table.headers), role=role, progress=progress)
