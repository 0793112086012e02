"""Putting a list of mentees into an event, for the desk and kiosk look-up tests (imported by them)."""

from __future__ import annotations

from collections.abc import Iterable

from mentordesk.models import Person, Role
from mentordesk.models.store import EventStore


def add_mentees(store: EventStore, people: Iterable[tuple[str, str, str | None, str]]) -> dict[str, int]:
    """Add (first, last, e-mail, badge code) rows as mentees; return each badge code's person id."""
    out = {}
    with store.session() as session:
        for first, last, email, code in people:
            person = Person(event_id=store.event_id, first_name=first, last_name=last, email=email,
                            role=Role.MENTEE, badge_code=code)
            session.add(person)
            session.flush()
            out[code] = person.id
    return out
