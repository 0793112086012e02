"""The Groups tab's calendar export: one group's sessions, or every group's, saved as an .ics file.

:class:`CalendarExport` asks where to save (next to the event file, named after the group), writes
the file in the background (a query of the operations layer: the event is only read) and says how
it went above the tabs. A file that could not be written is the chosen file's problem, not the
event's, so it is said there in one line rather than as a banner about the event file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QWidget

from mentordesk.output_files import OutputFileError
from mentordesk.services import groups as svc
from mentordesk.services.domain_error import DomainError
from mentordesk.ui.widgets.group_labels import plural

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mentordesk.ui.groups.host import GroupsHost

CALENDAR_FILTER = "iCalendar files (*.ics)"


@dataclass(frozen=True)
class CalendarSaved:
    """How a calendar export went: the number of sessions written, or why the file was not saved."""

    count: int | None
    problem: str = ""


def write_calendar_file(session: Session, event_id: int, path: Path, group_id: int | None) -> CalendarSaved:
    """Write the .ics file; the file's own troubles (not the event's) come back as words.

    A full disk or a folder that cannot be written is about the chosen file here, not the event: it
    is said beside the export rather than as the event file's problem.
    """
    try:
        return CalendarSaved(svc.write_calendar(session, event_id, path, group_id=group_id))
    except OutputFileError as error:  # an event file or backup refused, a full disk …
        return CalendarSaved(None, f"The calendar was not saved: {error}.")
    except OSError as error:
        return CalendarSaved(None, f"The calendar could not be saved to {path}: {error.strerror or error}.")


class CalendarExport(QObject):
    """Exports sessions for ``host``; ``owner`` is the widget the file chooser opens over."""

    def __init__(self, host: GroupsHost, owner: QWidget) -> None:
        super().__init__(owner)
        self.host = host
        self._owner = owner

    def choose_file(self, group_id: int | None, stem: str) -> QFileDialog | None:
        """Ask where to save the sessions of ``group_id`` (None: every group), as ``stem``.ics."""
        store = self.host.store
        if store is None:
            return None
        folder = store.path.parent if store.path else Path.home()
        safe = "".join(ch if ch not in '\\/:*?"<>|' else " " for ch in stem).strip(" .") or "sessions"
        chooser = QFileDialog(self._owner, "Export calendar", str(folder / f"{safe}.ics"), CALENDAR_FILTER)
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setDefaultSuffix("ics")
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.fileSelected.connect(lambda name: self.export(name, group_id) if name else None)
        self.host.dialog = chooser
        chooser.open()
        return chooser

    def export(self, path: str | Path, group_id: int | None) -> None:
        """Write the sessions as an .ics file in the background; how it went is said above the tabs,
        a failure in one line, never a traceback."""
        ops = self.host.ops
        if ops is None:
            return
        target = Path(path)
        ops.query("groups.calendar.export",
                  lambda session: write_calendar_file(session, ops.event_id, target, group_id),
                  done=lambda saved: self._saved(saved, target),
                  refused=self._refused, owner=self._owner)

    def _saved(self, saved: CalendarSaved, path: Path) -> None:
        if saved.count is None:
            self.host.show_error(saved.problem)
            return
        self.host.show_notice(f"Saved {plural(saved.count, 'session', 'sessions')} to {path}. Mentors can import "
                              "it into Outlook, Google Calendar or Apple Calendar.")

    def _refused(self, error: DomainError) -> None:
        self.host.show_error(str(error))
