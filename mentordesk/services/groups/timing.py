"""Which time zone a session's wall-clock time is in, and turning local times into instants.

A session stores its zone name; an empty name (a file from before revision 0002 that was never
upgraded, or a hand-made row) falls back to the event's zone and then to this computer's zone.
"""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.models import Event, GroupSession, MentorGroup
from mentordesk.models.timezones import is_zone_name, local_zone_name, zone
from mentordesk.services.groups.group_data import GroupError


def event_zone_name(session: Session, event_id: int | None = None) -> str:
    """The event's zone name, else this computer's."""
    query = select(Event.timezone)
    query = query.where(Event.id == event_id) if event_id is not None else query.order_by(Event.id).limit(1)
    name = session.scalar(query) or ""
    return name if is_zone_name(name) else local_zone_name()


def resolve_zone_name(session: Session, event_id: int, wanted: str | None) -> str:
    """``wanted`` checked (GroupError when unknown), or the default zone when empty."""
    if wanted:
        if not is_zone_name(wanted):
            raise GroupError(f"“{wanted}” is not a time zone name (like Europe/Berlin).")
        return wanted
    return event_zone_name(session, event_id)


def _own_zone(meeting: GroupSession) -> ZoneInfo | None:
    return ZoneInfo(meeting.timezone) if meeting.timezone and is_zone_name(meeting.timezone) else None


def session_zone(session: Session, meeting: GroupSession) -> ZoneInfo:
    own = _own_zone(meeting)
    if own is not None:
        return own
    event_id = session.scalar(select(MentorGroup.event_id).where(MentorGroup.id == meeting.group_id))
    return zone(event_zone_name(session, event_id))


def session_zone_or(meeting: GroupSession, event_zone: ZoneInfo) -> ZoneInfo:
    """:func:`session_zone` with the event's zone already looked up (for many sessions at once)."""
    return _own_zone(meeting) or event_zone


def local_instant(day: date, at: time, zone_name: str) -> datetime:
    """The aware datetime for a wall-clock time in a zone.

    A time that does not exist (skipped by a spring-forward change, e.g. 02:30) comes out as the
    same number of minutes after the change (03:30); an ambiguous one (autumn) is the first.
    """
    tz = zone(zone_name)
    naive = datetime.combine(day, at.replace(tzinfo=None))
    local = naive.replace(tzinfo=tz)
    # Round-trip through UTC to normalise a non-existent time to a real one.
    return local.astimezone(ZoneInfo("UTC")).astimezone(tz)
