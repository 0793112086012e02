"""The desk's writes, each in its own short transaction, and what the panel says about them.

The page calls these on the UI thread: a check-in is committed (a few milliseconds) before the
panel says "checked in". Each action returns a :class:`Shown` — tone, words, sound and who it
was about — so the page only has to display it. The rules themselves live in the services.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import SQLAlchemyError

from mentordesk.models import CheckinAction, CheckinMethod
from mentordesk.models.db_errors import environment_problem
from mentordesk.models.store import EventStore
from mentordesk.services import checkin, desk
from mentordesk.services.checkin import CheckinError
from mentordesk.services.desk import DeskResult, Outcome
from mentordesk.services.lookup import MatchKind
from mentordesk.ui import errors
from mentordesk.ui.checkin.result_panel import Tone
from mentordesk.ui.itemmodels.checkin_log_model import local_time
from mentordesk.ui.itemmodels.people_model import ROLE_LABELS
from mentordesk.ui.sound import Cue


@dataclass(frozen=True)
class BulkReport:
    """What a check-in from a paper list did."""

    checked_in: int
    already: int
    at: datetime


@dataclass(frozen=True)
class Shown:
    """What the confirmation panel says after an action."""

    tone: Tone
    headline: str
    name: str = ""
    details: str = ""
    table: str = ""
    note: str = ""
    cue: Cue | None = None
    #: The person it is about (check-out acts on them next), if any.
    person_id: int | None = None


def check_in_text(store: EventStore, text: str, station: str, *, allow_names: bool) -> DeskResult | Shown:
    """Check in whoever ``text`` identifies; a "Not recorded" panel when the file could not be written."""
    try:
        with store.session() as session:
            return desk.check_in_input(session, store.event_id, text, station=station, allow_names=allow_names)
    except SQLAlchemyError as exc:
        return _failed(exc)


def check_in_chosen(
    store: EventStore, person_id: int, station: str, method: CheckinMethod, raw: str = ""
) -> DeskResult | Shown:
    """Check in one person chosen from the candidates, or just added as a walk-in."""
    matched_by = MatchKind.NAME if method is CheckinMethod.NAME else None
    try:
        with store.session() as session:
            return desk.check_in_person(session, person_id, station=station, method=method, raw=raw,
                                        matched_by=matched_by)
    except SQLAlchemyError as exc:
        return _failed(exc)


def bulk_check_in(store: EventStore, person_ids: list[int], at: datetime, station: str) -> BulkReport | None:
    """Check in people ticked on a paper list, at the time written on it."""
    try:
        with store.session() as session:
            results = checkin.bulk_check_in(session, person_ids, at=at, station=station)
    except SQLAlchemyError as exc:
        errors.report_unexpected(exc)
        return None
    already = sum(result.already for result in results)
    return BulkReport(len(results) - already, already, at)


def undo_last(store: EventStore, station: str) -> Shown:
    """Undo the newest check-in or check-out made at this station."""
    try:
        with store.session() as session:
            line = checkin.last_undoable(session, store.event_id, station)
            if line is not None:
                checkin.undo(session, line.entry_id, station=station)
    except CheckinError as exc:
        return Shown(Tone.ERROR, "Nothing undone", details=str(exc))
    except SQLAlchemyError as exc:
        return _failed(exc)
    if line is None:
        return Shown(Tone.INFO, "Nothing to undo", details=f"No check-in made at “{station}” is left to undo.")
    if line.action == CheckinAction.CHECK_OUT:
        what, now = "check-out", "They are checked in again."
    else:
        what, now = "check-in", "They are no longer checked in."
    return Shown(Tone.INFO, f"Undid the {what}", name=line.name,
                 details=f"The {what} at {local_time(line.at)} was undone. {now}",
                 person_id=line.person_id)


def check_out(store: EventStore, person: tuple[int, str] | None, station: str) -> Shown:
    """Check out ``person`` (id, name): the one selected in the recent list or last shown."""
    if person is None:
        return Shown(Tone.INFO, "Nobody to check out",
                     details="Scan someone, or select them in the recent list with ↑ ↓, first.")
    person_id, name = person
    try:
        with store.session() as session:
            result = checkin.check_out(session, person_id, station=station)
    except CheckinError as exc:
        return Shown(Tone.WARN, "Not checked out", name=name, details=str(exc), cue=Cue.ATTENTION,
                     person_id=person_id)
    except SQLAlchemyError as exc:
        return _failed(exc)
    return Shown(Tone.INFO, "Checked out", name=name, details=f"Left at {local_time(result.at)}.",
                 note=_station_note(station), person_id=person_id)


def shown_for(result: DeskResult, station: str, *, walk_in: bool = False) -> Shown:
    """The panel's words for a check-in attempt."""
    card = result.person
    if result.outcome is Outcome.UNKNOWN or card is None:
        if result.outcome is Outcome.CHOOSE:
            return Shown(Tone.INFO, f"{len(result.candidates)} people match “{result.input}”.",
                         note="Choose with ↑ ↓, then press Enter.")
        return Shown(Tone.ERROR, "No one found", details=f"Nothing matches “{result.input}”.",
                     note="Check the badge, type the name instead, or add a walk-in.", cue=Cue.ATTENTION)
    role = ROLE_LABELS.get(card.role, str(card.role))
    details = " · ".join(part for part in (role, card.organization) if part)
    table = f"Table {card.first_table}" if card.first_table else ""
    at = local_time(card.checked_in_at) if card.checked_in_at else ""
    if result.outcome is Outcome.ALREADY:
        headline = f"Already checked in at {at}" if at else "Already checked in"
        return Shown(Tone.WARN, headline, name=card.name, details=details, table=table,
                     note="Scanned twice: nothing new was recorded.", cue=Cue.ATTENTION, person_id=card.id)
    headline = "Walk-in added and checked in" if walk_in else "Checked in"
    return Shown(Tone.OK, headline, name=card.name, details=details, table=table,
                 note=_station_note(station, at), cue=Cue.CHECKED_IN, person_id=card.id)


def shown_for_bulk(report: BulkReport, station: str) -> Shown:
    people = "person" if report.checked_in == 1 else "people"
    details = f"Recorded as arrived at {report.at.astimezone().strftime('%a %d %b, %H:%M')}."
    if report.already:
        details += f" {report.already} {'was' if report.already == 1 else 'were'} already checked in."
    return Shown(Tone.INFO, f"Checked in {report.checked_in} {people} from a paper list", details=details,
                 note=_station_note(station))


def not_recorded(problem: str | None = None) -> Shown:
    """The panel after a write that failed: the reason when it is the file or disk, else generic."""
    if problem is not None:
        return Shown(Tone.ERROR, "Not recorded", details=problem[:1].upper() + problem[1:] + ".",
                     note="Fix this, then scan again: nothing from this scan was saved.", cue=Cue.ATTENTION)
    return Shown(Tone.ERROR, "Not recorded", details="The event file could not be written; nothing was saved.",
                 note="Try again; if it keeps failing, see the error message.", cue=Cue.ATTENTION)


def _failed(error: SQLAlchemyError) -> Shown:
    """Report a failed write (a bug to the error box and log; a file or disk problem in the box's
    own words) and return what the panel shows."""
    errors.report_unexpected(error)
    return not_recorded(environment_problem(error))


def name_parts(text: str) -> tuple[str, str]:
    """A first and last name to start a walk-in form from what was typed (unless it was a code)."""
    words = text.split()
    if not words or "@" in text or any(ch.isdigit() for ch in text):
        return "", ""
    return words[0], " ".join(words[1:])


def _station_note(station: str, at: str | None = None) -> str:
    when = at or datetime.now().strftime("%H:%M")
    return f"{when} · {station}" if station else when
