"""iCalendar (RFC 5545) export of group sessions, for mentors' Outlook, Google or Apple calendars.

One VEVENT per session that is not cancelled, built with the ``icalendar`` library:

- ``UID`` is the session's own stored UID, so importing an updated file again updates the events
  instead of duplicating them; ``SEQUENCE`` rises with every change (move, edit, cancel/restore);
- ``DTSTART`` carries ``TZID`` with a matching ``VTIMEZONE`` (all the zone's rules over the
  sessions' years), so the event stays at its wall-clock time whatever zone the reader is in;
  ``DTEND`` (same zone) gives the end;
- ``SUMMARY`` is "group — topic", ``LOCATION`` the room, ``URL`` the meeting link of a remote
  session (also repeated in ``DESCRIPTION`` because not every program shows URL).

Events are written one by one rather than as one RRULE, because single occurrences are moved and
cancelled and clients disagree on RECURRENCE-ID overrides; a file of plain events imports the
same everywhere.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk import __version__
from mentordesk.models import Event, GroupSession, MentorGroup, SessionMode
from mentordesk.models.base import utcnow
from mentordesk.models.group import new_ical_uid
from mentordesk.output_files import check_output_path, open_event_of, write_atomically
from mentordesk.services.groups.timing import session_zone

PRODID = f"-//MentorDesk//MentorDesk {__version__}//EN"
CALENDAR_FILE = "the calendar file"


if TYPE_CHECKING:
    import icalendar

def _summary(group: MentorGroup, meeting: GroupSession) -> str:
    """"Group — topic"; a session without a topic shows its title (or the group's topic)."""
    topic = meeting.topic or meeting.title or group.topic
    if not topic or topic == group.name:
        return group.name
    if topic.startswith(group.name):
        return topic  # a title such as "Robotics Circle — week 2" already names the group
    return f"{group.name} — {topic}"


def _description(group: MentorGroup, meeting: GroupSession) -> str:
    lines = []
    if meeting.title and meeting.topic and meeting.title not in (meeting.topic, group.name):
        lines.append(meeting.title)
    if meeting.topic:
        lines.append(f"Topic: {meeting.topic}")
    if meeting.mode is SessionMode.REMOTE and meeting.meeting_url:
        lines.append(f"Join online: {meeting.meeting_url}")
    if meeting.agenda:
        lines += ["", "Agenda:", meeting.agenda]
    lines.append(f"Group: {group.name}")
    return "\n".join(lines)


def calendar_for(session: Session, event_id: int, *, group_id: int | None = None,
                 stamp: datetime | None = None) -> icalendar.Calendar:
    """The calendar for one group's sessions, or every group's."""
    stamp = (stamp or utcnow()).astimezone(UTC)
    event_name = session.scalar(select(Event.name).where(Event.id == event_id)) or "MentorDesk"
    query = (select(GroupSession, MentorGroup).join(MentorGroup, MentorGroup.id == GroupSession.group_id)
             .where(MentorGroup.event_id == event_id, GroupSession.cancelled.is_(False))
             .order_by(GroupSession.starts_at, GroupSession.id))
    if group_id is not None:
        query = query.where(GroupSession.group_id == group_id)
    rows = session.execute(query).all()

    # Imported here: icalendar takes ~35 ms to load, which start-up (the Groups page) should not pay.
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    title = event_name if group_id is None or not rows else f"{rows[0][1].name} — {event_name}"
    cal.add("x-wr-calname", title)
    first: date | None = None
    last: date | None = None
    for meeting, group in rows:
        if not meeting.ical_uid:
            # Rows written by hand or by an old build: give them a UID now so it stays stable.
            meeting.ical_uid = new_ical_uid()
            session.flush()
        tz = session_zone(session, meeting)
        start = meeting.starts_at.astimezone(tz)
        first = min(first or start.date(), start.date())
        last = max(last or start.date(), start.date())
        vevent = icalendar.Event()
        vevent.add("uid", meeting.ical_uid)
        vevent.add("dtstamp", stamp)
        vevent.add("sequence", meeting.ical_sequence)
        vevent.add("dtstart", start)
        # DTEND (same zone) rather than DURATION: both are valid; DTEND is what the calendar
        # programs themselves export, so it is the most travelled path on import.
        # Elapsed time, not wall-clock arithmetic: right for a session across a DST change too.
        end = (start.astimezone(UTC) + timedelta(minutes=meeting.duration_minutes)).astimezone(tz)
        vevent.add("dtend", end)
        vevent.add("summary", _summary(group, meeting))
        location = meeting.location or ("Online" if meeting.mode is SessionMode.REMOTE else "")
        if location:
            vevent.add("location", location)
        vevent.add("description", _description(group, meeting))
        if meeting.mode is SessionMode.REMOTE and meeting.meeting_url:
            vevent.add("url", meeting.meeting_url)
        vevent.add("categories", [group.name])
        cal.add_component(vevent)
    if first is not None and last is not None:
        cal.add_missing_timezones(first_date=date(first.year - 1, 1, 1), last_date=date(last.year + 1, 12, 31))
    return cal


def calendar_ics(session: Session, event_id: int, *, group_id: int | None = None,
                 stamp: datetime | None = None) -> bytes:
    """The .ics file content (CRLF line endings, folded lines, UTF-8)."""
    return calendar_for(session, event_id, group_id=group_id, stamp=stamp).to_ical()


def write_calendar(session: Session, event_id: int, path: str | Path, *, group_id: int | None = None) -> int:
    """Write the .ics file whole or not at all; returns the number of events.

    The destination is checked first: an event file (the open one above all), its companions, a
    backup or a folder is refused with ``OutputPathRefused``; a failed write raises
    ``OutputFileError`` (one line) and leaves what was there.
    """
    target = Path(path)
    event_file = open_event_of(session)
    check_output_path(target, open_event=event_file, what=CALENDAR_FILE)
    cal = calendar_for(session, event_id, group_id=group_id)
    write_atomically(target, cal.to_ical(), what=CALENDAR_FILE, open_event=event_file)
    return len(cal.walk("VEVENT"))
