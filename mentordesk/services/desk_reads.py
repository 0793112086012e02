"""What the check-in screens read, gathered from the other services into plain values.

The desk's read models (name candidates, the counts and the recent log) live here with the
services rather than with the screen, so item models can use them without importing a screen.
They run on the UI thread for each keystroke (name candidates) or on a worker thread (the counts
and the recent log), and only call services.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from mentordesk.models import CheckinAction
from mentordesk.services import checkin, events
from mentordesk.services.checkin import LogLine
from mentordesk.services.desk import PersonCard, person_card
from mentordesk.services.events import EventCounts
from mentordesk.services.lookup import search_names
from mentordesk.services.namesakes import tell_apart_ids

#: Candidates listed while a name is typed; more would not fit and only slow each keystroke.
CANDIDATE_LIMIT = 8
#: Entries in the "recent check-ins" list.
RECENT_LIMIT = 50


@dataclass(frozen=True)
class Candidate:
    """Someone whose name matches what is being typed, and whether they are already here."""

    card: PersonCard
    arrived: bool
    #: What tells them from others listed with the same name (``services/namesakes.py``), else "".
    distinction: str = ""


@dataclass(frozen=True)
class NameMatches:
    query: str
    candidates: tuple[Candidate, ...] = ()
    #: More people match than are listed.
    more: bool = False


@dataclass(frozen=True)
class DeskSnapshot:
    counts: EventCounts
    recent: tuple[LogLine, ...]


def name_matches(session: Session, event_id: int, query: str, limit: int = CANDIDATE_LIMIT) -> NameMatches:
    """People whose name matches ``query`` (accent- and case-blind, any word order), best first."""
    ids = search_names(session, event_id, query, limit=limit + 1)
    listed = ids[:limit]
    distinctions = tell_apart_ids(session, listed)
    candidates = (replace(_candidate(session, pid), distinction=distinctions.get(pid, "")) for pid in listed)
    return NameMatches(query, tuple(candidates), more=len(ids) > limit)


def _candidate(session: Session, person_id: int) -> Candidate:
    entry = checkin.current_entry(session, person_id)
    arrived = entry is not None and entry.action == CheckinAction.CHECK_IN
    return Candidate(person_card(session, person_id, entry.at if arrived and entry else None), arrived)


def desk_snapshot(session: Session, event_id: int) -> DeskSnapshot:
    """Arrival counts and the latest log entries, read together."""
    return DeskSnapshot(events.counts(session, event_id), tuple(checkin.recent(session, event_id, RECENT_LIMIT)))
