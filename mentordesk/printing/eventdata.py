"""What every printed document needs from the event file: the event itself and people's names.

Documents receive only a session (see ``catalog.build``); an event file holds one event, so the
event is its first row, exactly as ``EventStore`` finds it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.models import Event, Person, Role
from mentordesk.printing.catalog import DocumentError
from mentordesk.services.groups.roster_order import sign_in_key


@dataclass(frozen=True)
class EventInfo:
    id: int
    name: str
    starts_on: date | None
    venue: str
    timezone: str


@dataclass(frozen=True)
class Name:
    """A person as printed: names exactly as written, plus what sorts them."""

    person_id: int
    first_name: str
    last_name: str
    organization: str = ""
    role: Role = Role.MENTEE

    @property
    def full(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)

    @property
    def sort_key(self) -> tuple[str, str, int]:
        return name_sort_key(self.first_name, self.last_name, self.person_id)


def name_of(person: Person) -> Name:
    """How ``person`` is printed."""
    return Name(person.id, person.first_name, person.last_name, person.organization, person.role)


class NamedRow:
    """For rows that hold a ``person: Name`` and are sorted by ``sign_in_order`` (which reads these)."""

    person: Name

    @property
    def first_name(self) -> str:
        return self.person.first_name

    @property
    def last_name(self) -> str:
        return self.person.last_name

    @property
    def person_id(self) -> int:
        return self.person.person_id


def name_sort_key(first_name: str, last_name: str, person_id: int) -> tuple[str, str, int]:
    """Surname, then first name, accent- and case-insensitive; the id settles equal names.

    The groups' sign-in order (``services.groups.roster_order``), used for every list of names
    on paper so that a person is found in the same place on every sheet.
    """
    return sign_in_key(first_name, last_name, person_id)


def current_event(session: Session) -> EventInfo:
    event = session.scalars(select(Event).order_by(Event.id).limit(1)).first()
    if event is None:
        raise DocumentError("this file holds no event")
    return EventInfo(event.id, event.name, event.starts_on, event.venue or "", event.timezone or "")


def names(session: Session, ids: Iterable[int]) -> dict[int, Name]:
    wanted = sorted(set(ids))
    found: dict[int, Name] = {}
    # Chunks keep the IN list under SQLite's variable limit on big events.
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        for person in session.scalars(select(Person).where(Person.id.in_(chunk))):
            found[person.id] = name_of(person)
    return found
