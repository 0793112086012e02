"""The desk's writes and what the panel says about them.

Each write is a plain function of a session, run by the page as one change of the operations
layer (``ui/operations.py``) on the event's one writer: a check-in is committed before its
``done`` arrives, so the panel never says "checked in" before the entry is on disk. Each action
ends in a :class:`Shown` — tone, words, sound and who it was about — so the page only has to
display it. The rules themselves live in the services; their refusals (``CheckinError``) arrive
at the page's ``refused`` and are put into words here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from mentordesk.models import CheckinAction, CheckinMethod
from mentordesk.services import checkin, desk
from mentordesk.services.desk import DeskResult, Outcome
from mentordesk.services.domain_error import DomainError
from mentordesk.services.flash.arrivals import add_arrivals, next_seat
from mentordesk.services.lookup import MatchKind, search_names
from mentordesk.ui.checkin.result_panel import Tone
from mentordesk.ui.itemmodels.checkin_log_model import local_time
from mentordesk.ui.itemmodels.people_model import ROLE_LABELS
from mentordesk.ui.sound import Cue

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


#: The desk's one key that adds someone who arrived after planning to the rounds to come.
ADD_TO_ROTATION_KEY = "F8"


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
    #: They are checked in but not seated in the flash rounds to come: offer to add them.
    offer_rotation: bool = False


@dataclass(frozen=True)
class Scanned:
    """What a scan (or Enter on typed text) did."""

    result: DeskResult
    #: Nobody has it as a code, but it matches a name: someone may be typing it (automatic scans only).
    names_match: bool = False


def check_in_text(session: Session, event_id: int, text: str, station: str, *, automatic: bool) -> Scanned:
    """Check in whoever ``text`` identifies (names only after Enter, not when input just stopped)."""
    result = desk.check_in_input(session, event_id, text, station=station, allow_names=not automatic)
    names_match = automatic and result.outcome is Outcome.UNKNOWN and bool(
        search_names(session, event_id, text.strip(), limit=1))
    return Scanned(result, names_match)


def check_in_chosen(session: Session, person_id: int, station: str, method: CheckinMethod, raw: str = "") -> DeskResult:
    """Check in one person chosen from the candidates, or just added as a walk-in."""
    matched_by = MatchKind.NAME if method is CheckinMethod.NAME else None
    return desk.check_in_person(session, person_id, station=station, method=method, raw=raw, matched_by=matched_by)


def bulk_check_in(session: Session, person_ids: list[int], at: datetime, station: str) -> BulkReport:
    """Check in people ticked on a paper list, at the time written on it."""
    results = checkin.bulk_check_in(session, person_ids, at=at, station=station)
    already = sum(result.already for result in results)
    return BulkReport(len(results) - already, already, at)


def undo_last(session: Session, event_id: int, station: str) -> Shown:
    """Undo the newest check-in or check-out made at this station."""
    line = checkin.last_undoable(session, event_id, station)
    if line is None:
        return Shown(Tone.INFO, "Nothing to undo", details=f"No check-in made at “{station}” is left to undo.")
    checkin.undo(session, line.entry_id, station=station)
    if line.action == CheckinAction.CHECK_OUT:
        what, now = "check-out", "They are checked in again."
    else:
        what, now = "check-in", "They are no longer checked in."
    return Shown(Tone.INFO, f"Undid the {what}", name=line.name,
                 details=f"The {what} at {local_time(line.at)} was undone. {now}",
                 person_id=line.person_id)


def undo_refused(error: DomainError) -> Shown:
    return Shown(Tone.ERROR, "Nothing undone", details=str(error))


def check_out(session: Session, person: tuple[int, str], station: str) -> Shown:
    """Check out ``person`` (id, name): the one selected in the recent list or last shown."""
    person_id, name = person
    result = checkin.check_out(session, person_id, station=station)
    return Shown(Tone.INFO, "Checked out", name=name, details=f"Left at {local_time(result.at)}.",
                 note=_station_note(station), person_id=person_id)


def check_out_refused(error: DomainError, person: tuple[int, str]) -> Shown:
    person_id, name = person
    return Shown(Tone.WARN, "Not checked out", name=name, details=str(error), cue=Cue.ATTENTION,
                 person_id=person_id)


def nobody_to_check_out() -> Shown:
    return Shown(Tone.INFO, "Nobody to check out",
                 details="Scan someone, or select them in the recent list with ↑ ↓, first.")


def check_in_refused(error: DomainError) -> Shown:
    """A check-in the rules refused (the person was erased meanwhile …)."""
    return Shown(Tone.ERROR, "Not checked in", details=str(error), cue=Cue.ATTENTION)


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
    if card.awaiting_rotation:
        return Shown(Tone.WARN, f"{headline} — not in the flash rounds yet", name=card.name, details=details,
                     table="No table yet",
                     note=f"The rounds were planned before they arrived. Press {ADD_TO_ROTATION_KEY} to add them "
                          "to the rounds to come.",
                     cue=Cue.CHECKED_IN, person_id=card.id, offer_rotation=True)
    return Shown(Tone.OK, headline, name=card.name, details=details, table=table,
                 note=_station_note(station, at), cue=Cue.CHECKED_IN, person_id=card.id)


def add_to_rotation(session: Session, event_id: int, person_id: int) -> tuple[str, str]:
    """Re-plan the rounds to come with everyone who arrived after planning; (the panel's table,
    its note) for ``person_id`` afterwards."""
    add_arrivals(session, event_id)
    place = next_seat(session, event_id, person_id)
    if place is None:
        return "", "The rounds to come were re-planned."
    number, table = place
    if table is None:
        return "Waiting", f"Added to the flash rounds: waiting in round {number}, a table in the rounds after."
    return f"Table {table}", f"Added to the flash rounds: table {table} from round {number}."


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


def name_parts(text: str) -> tuple[str, str]:
    """A first and last name to start a walk-in form from what was typed (unless it was a code)."""
    words = text.split()
    if not words or "@" in text or any(ch.isdigit() for ch in text):
        return "", ""
    return words[0], " ".join(words[1:])


def _station_note(station: str, at: str | None = None) -> str:
    when = at or datetime.now().strftime("%H:%M")
    return f"{when} · {station}" if station else when
