"""What goes on each badge, read from the event file (no drawing here).

A :class:`BadgeSet` holds one :class:`Badge` per person, sorted by surname (the order badges are
laid out on the pickup table), with the person's itinerary from the saved flash plan when the back
side is wanted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.models import Person, Role
from mentordesk.printing.eventdata import current_event, name_sort_key
from mentordesk.printing.schedule_data import ScheduleData, build_schedule
from mentordesk.services import checkin

ROLE_WORDS = {Role.MENTOR: "Mentor", Role.MENTEE: "Mentee", Role.FACILITATOR: "Facilitator"}


@dataclass(frozen=True)
class ItineraryLine:
    """One round on the back of a badge: where to sit and with whom."""

    round: int
    table: int | None
    #: The mentor for a mentee; the round's mentees for a mentor.
    with_whom: str = ""
    #: "waiting", "break" or "" (at a table) or "—" (not taking part this round).
    note: str = ""


@dataclass(frozen=True)
class Badge:
    person_id: int
    first_name: str
    last_name: str
    organization: str
    role: Role
    badge_code: str
    itinerary: tuple[ItineraryLine, ...] = ()

    @property
    def role_word(self) -> str:
        return ROLE_WORDS.get(self.role, str(self.role).title())

    @property
    def display_first(self) -> str:
        """The big line: the first name, or the only name someone has."""
        return self.first_name or self.last_name

    @property
    def display_last(self) -> str:
        return self.last_name if self.first_name else ""


@dataclass(frozen=True)
class BadgeSet:
    event_name: str
    badges: tuple[Badge, ...]
    #: Rounds of the plan the itineraries come from (empty when no back side was asked for).
    session_name: str = ""


def _itineraries(schedule: ScheduleData) -> dict[int, tuple[ItineraryLine, ...]]:
    lines: dict[int, list[ItineraryLine]] = {}
    for itinerary in schedule.itineraries:
        rows = []
        for stop in itinerary.stops:
            if stop.table is not None:
                rows.append(ItineraryLine(stop.round, stop.table, stop.mentor.full if stop.mentor else ""))
            else:
                rows.append(ItineraryLine(stop.round, None, note="waiting" if stop.waiting else "—"))
        lines[itinerary.person.person_id] = rows
    for table in schedule.tables:
        for cell in table.rounds:
            if cell.mentor is None:
                continue
            mentees = ", ".join(m.first_name or m.last_name for m in cell.mentees)
            line = ItineraryLine(cell.round, table.number, mentees, "break" if cell.on_break else "")
            lines.setdefault(cell.mentor.person_id, []).append(line)
    return {pid: tuple(sorted(rows, key=lambda line: line.round)) for pid, rows in lines.items()}


def build_badges(
    session: Session,
    *,
    checked_in_only: bool = False,
    roles: Iterable[Role] | None = None,
    person_ids: Iterable[int] | None = None,
    with_itinerary: bool = False,
) -> BadgeSet:
    """Badges for the event's people (or only ``person_ids``), by surname.

    ``with_itinerary`` adds each person's rounds from the event's current rotation (the one the
    Flash page shows); it is a ``DocumentError`` when that has no plan yet.
    """
    event = current_event(session)
    query = select(Person).where(Person.event_id == event.id)
    if roles is not None:
        query = query.where(Person.role.in_(list(roles)))
    if person_ids is not None:
        query = query.where(Person.id.in_(list(person_ids)))
    people = list(session.scalars(query))
    if checked_in_only:
        arrived = checkin.checked_in_ids(session, event.id)
        people = [p for p in people if p.id in arrived]
    people.sort(key=lambda p: name_sort_key(p.first_name, p.last_name, p.id))

    itineraries: dict[int, tuple[ItineraryLine, ...]] = {}
    session_name = ""
    if with_itinerary:
        schedule = build_schedule(session)  # the current rotation; DocumentError without a plan
        itineraries = _itineraries(schedule)
        session_name = schedule.session_name
    badges = tuple(
        Badge(p.id, p.first_name.strip(), p.last_name.strip(), p.organization.strip(), p.role, p.badge_code,
              itineraries.get(p.id, ()))
        for p in people
    )
    return BadgeSet(event.name, badges, session_name)
