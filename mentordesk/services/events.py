"""Reading and editing the event's own details, and the live counts shown on the Overview."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mentordesk.models import Event, GroupSession, MentorGroup, Person, Role
from mentordesk.services.checkin import checked_in_query
from mentordesk.services.domain_error import DomainError


class EventDetailsError(DomainError):
    """Details the user entered that cannot be saved; the message says why."""


@dataclass(frozen=True)
class EventDetails:
    id: int
    name: str
    starts_on: date | None
    ends_on: date | None
    venue: str
    #: Sample data made by ``services/demo.py``, not a real event: the workspace says so.
    sample: bool = False


#: The event setting that marks the demo's sample data.
SAMPLE_SETTING = "sample_data"


@dataclass(frozen=True)
class RoleCount:
    registered: int
    arrived: int


@dataclass(frozen=True)
class EventCounts:
    mentors: RoleCount
    mentees: RoleCount
    facilitators: RoleCount
    groups: int
    group_sessions: int

    @property
    def people(self) -> int:
        return self.mentors.registered + self.mentees.registered + self.facilitators.registered

    @property
    def arrived(self) -> int:
        return self.mentors.arrived + self.mentees.arrived + self.facilitators.arrived


def get_details(session: Session, event_id: int) -> EventDetails:
    event = session.get_one(Event, event_id)
    sample = bool((event.settings or {}).get(SAMPLE_SETTING))
    return EventDetails(event.id, event.name, event.starts_on, event.ends_on, event.venue, sample)


def mark_sample(session: Session, event_id: int) -> None:
    """Mark the event as sample data (the demo), so that the app says so when it is open."""
    event = session.get_one(Event, event_id)
    event.settings = {**(event.settings or {}), SAMPLE_SETTING: True}
    session.flush()


def update_details(
    session: Session,
    event_id: int,
    *,
    name: str,
    starts_on: date | None,
    ends_on: date | None = None,
    venue: str = "",
) -> EventDetails:
    name = " ".join(name.split())
    if not name:
        raise EventDetailsError("The event needs a name.")
    if starts_on and ends_on and ends_on < starts_on:
        raise EventDetailsError("The event cannot end before it starts.")
    event = session.get_one(Event, event_id)
    event.name = name
    event.starts_on = starts_on
    event.ends_on = ends_on
    event.venue = " ".join(venue.split())
    session.flush()
    return get_details(session, event_id)


def counts(session: Session, event_id: int) -> EventCounts:
    registered: dict[Role, int] = {
        role: count
        for role, count in session.execute(
            select(Person.role, func.count()).where(Person.event_id == event_id).group_by(Person.role)
        )
    }
    arrived: dict[Role, int] = {
        role: count
        for role, count in session.execute(
            select(Person.role, func.count())
            .where(Person.event_id == event_id, Person.id.in_(checked_in_query(event_id)))
            .group_by(Person.role)
        )
    }
    group_count = session.scalar(
        select(func.count()).select_from(MentorGroup).where(MentorGroup.event_id == event_id)
    ) or 0
    session_count = (
        session.scalar(
            select(func.count())
            .select_from(GroupSession)
            .join(MentorGroup, GroupSession.group_id == MentorGroup.id)
            .where(MentorGroup.event_id == event_id)
        )
        or 0
    )

    def role_count(role: Role) -> RoleCount:
        return RoleCount(registered.get(role, 0), arrived.get(role, 0))

    return EventCounts(
        mentors=role_count(Role.MENTOR),
        mentees=role_count(Role.MENTEE),
        facilitators=role_count(Role.FACILITATOR),
        groups=group_count,
        group_sessions=session_count,
    )


@dataclass(frozen=True)
class OverviewSnapshot:
    """What the Overview page shows: the event's details and who has arrived so far."""

    details: EventDetails
    counts: EventCounts


def overview_snapshot(session: Session, event_id: int) -> OverviewSnapshot:
    return OverviewSnapshot(get_details(session, event_id), counts(session, event_id))
