"""What the feedback screens read: the board of the current flash session, name search, a person's own meetings."""

from __future__ import annotations

import functools

from sqlalchemy.orm import Session

from mentordesk.models import (
    FlashSession,
    Person,
)
from mentordesk.models.normalize import fold
from mentordesk.services.feedback.feedback_data import (
    FeedbackBoard,
    FeedbackError,
    FollowUps,
    Meeting,
    OwnMeetings,
)
from mentordesk.services.feedback.meeting_reads import (
    _meetings_of,
    meetings,
)
from mentordesk.services.feedback.outcomes import _follow_ups
from mentordesk.services.flash.current import current_session_id


def feedback_board(session: Session, event_id: int) -> FeedbackBoard:
    flash_id = current_session_id(session, event_id)
    if flash_id is None:
        return FeedbackBoard(None, "", (), FollowUps((), 0))
    flash = session.get(FlashSession, flash_id)
    found = _meetings_of(session, [flash_id])
    return FeedbackBoard(flash_id, flash.name if flash else "", found, _follow_ups(session, found))


@functools.lru_cache(maxsize=8192)
def _folded_name(name: str) -> tuple[str, tuple[str, ...]]:
    # Searched again on every key typed in the grid's name field: fold each name once.
    folded = fold(name)
    return folded, tuple(folded.split())


def name_matches(query: str, name: str) -> bool:
    """Accent- and case-insensitive: every word typed starts a word of ``name`` ("zoe sim" finds
    "Zoë Šimůnek"); for scripts written without spaces, a word may appear anywhere."""
    words = fold(query).split()
    return bool(words) and _words_match(words, name)


def _words_match(words: list[str], name: str) -> bool:
    folded, parts = _folded_name(name)
    return all(any(p.startswith(w) for p in parts) or (w in folded and not w.isascii()) for w in words)


def first_match(found: tuple[Meeting, ...] | list[Meeting], query: str, start: int = 0) -> int | None:
    """Index of the first meeting at or after ``start`` (wrapping round) whose mentee matches."""
    words = fold(query).split()
    if not words:
        return None
    count = len(found)
    previous = None
    for step in range(count):
        index = (start + step) % count
        name = found[index].mentee_name
        # A mentee's meetings are next to each other: their name is checked once.
        if name != previous and _words_match(words, name):
            return index
        previous = name
    return None




def own_meetings(session: Session, flash_session_id: int, person_id: int) -> OwnMeetings:
    """``person_id``'s meetings in that session, in the order they happened."""
    person = session.get(Person, person_id)
    if person is None:
        raise FeedbackError(f"there is no person {person_id}")
    found = sorted(meetings(session, flash_session_id, person_id=person_id),
                   key=lambda m: (m.round_number, m.table_number))
    as_mentee = not found or found[0].mentee_id == person_id
    return OwnMeetings(person_id, person.full_name, person.first_name or person.full_name, as_mentee, tuple(found))
