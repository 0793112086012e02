"""Scheduling group sessions: one-off or recurring, moving or cancelling one occurrence, listing.

A series is expanded into one ``GroupSession`` row per occurrence straight away, so each can be
moved, cancelled, given notes and attendance on its own; the ``SessionSeries`` row remembers the
rule. Moving an occurrence keeps where the series had put it (``original_starts_at``), which the
calendar export and the session list show. Every change a calendar should pick up bumps the
session's iCalendar SEQUENCE.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.models import (
    Attendance,
    AttendanceStatus,
    Frequency,
    GroupMember,
    GroupSession,
    MentorGroup,
    SessionMode,
    SessionSeries,
)
from mentordesk.models.base import utcnow
from mentordesk.models.normalize import clean
from mentordesk.models.timezones import zone
from mentordesk.services.groups.group_data import (
    AttendanceCounts,
    GroupError,
    Recurrence,
    SeriesInfo,
    SessionChanges,
    SessionInfo,
    SessionPlan,
)
from mentordesk.services.groups.membership import list_groups
from mentordesk.services.groups.recurrence import (
    describe_recurrence,
    occurrence_dates,
    rrule_text,
    validate_recurrence,
)
from mentordesk.services.groups.rows import group_row, session_row
from mentordesk.services.groups.timing import (
    local_instant,
    resolve_zone_name,
    session_zone,
)

MAX_DURATION_MINUTES = 24 * 60
_URL = re.compile(r"^(https?)://[^\s/$.?#][^\s]*$", re.IGNORECASE)
When = Literal["upcoming", "past", "all"]


def _check_duration(minutes: int) -> int:
    if not isinstance(minutes, int) or not 1 <= minutes <= MAX_DURATION_MINUTES:
        raise GroupError("A session lasts between 1 minute and 24 hours.")
    return minutes


def _check_mode(mode: SessionMode, url: str) -> tuple[SessionMode, str]:
    mode = SessionMode(mode)
    url = (url or "").strip()
    if url and not _URL.match(url):
        raise GroupError(f"“{url}” is not a web link (it should start with https://).")
    if mode is SessionMode.REMOTE and not url:
        raise GroupError("A remote session needs the meeting link.")
    return mode, url


def schedule_sessions(session: Session, group_id: int, plan: SessionPlan) -> tuple[int, ...]:
    """Create a one-off session or a whole series; returns the new session ids in time order."""
    group = group_row(session, group_id)
    zone_name = resolve_zone_name(session, group.event_id, plan.timezone)
    duration = _check_duration(plan.duration_minutes)
    mode, url = _check_mode(plan.mode, plan.meeting_url)
    location = clean(plan.location) or group.location or ""
    topic = clean(plan.topic)
    title = clean(plan.title)
    days = occurrence_dates(plan.starts_on, plan.recurrence)
    series_id = None
    if plan.recurrence is not None:
        recurrence = validate_recurrence(plan.starts_on, plan.recurrence)
        series = SessionSeries(
            group_id=group_id, title=title, first_starts_at=local_instant(plan.starts_on, plan.start_time, zone_name),
            duration_minutes=duration, rrule=rrule_text(plan.starts_on, recurrence), location=location,
            frequency=recurrence.frequency, repeat_interval=recurrence.interval, until_on=recurrence.until,
            repeat_count=recurrence.count, local_start=plan.start_time.replace(tzinfo=None, microsecond=0),
            timezone=zone_name, topic=topic, mode=mode, meeting_url=url,
        )
        session.add(series)
        session.flush()
        series_id = series.id
    created = []
    for day in days:
        meeting = GroupSession(group_id=group_id, series_id=series_id, title=title,
                               starts_at=local_instant(day, plan.start_time, zone_name), duration_minutes=duration,
                               location=location, timezone=zone_name, topic=topic, mode=mode, meeting_url=url)
        session.add(meeting)
        created.append(meeting)
    session.flush()
    return tuple(m.id for m in created)


def move_session(session: Session, session_id: int, day: date, at: time, *, timezone: str | None = None) -> None:
    """Move one occurrence to another local date and time; the rest of its series stays put."""
    meeting = session_row(session, session_id)
    zone_name = meeting.timezone
    if timezone:
        zone_name = resolve_zone_name(session, group_row(session, meeting.group_id).event_id, timezone)
    elif not zone_name:
        zone_name = session_zone(session, meeting).key
    new_start = local_instant(day, at, zone_name)
    if new_start == meeting.starts_at and zone_name == meeting.timezone:
        return
    if meeting.original_starts_at is None:
        meeting.original_starts_at = meeting.starts_at
    elif meeting.original_starts_at == new_start:
        meeting.original_starts_at = None  # moved back where the series had it
    meeting.starts_at = new_start
    meeting.timezone = zone_name
    meeting.ical_sequence += 1
    session.flush()


def cancel_session(session: Session, session_id: int) -> None:
    """Cancel one occurrence (it stays listed as cancelled; attendance recorded for it is kept)."""
    meeting = session_row(session, session_id)
    if not meeting.cancelled:
        meeting.cancelled = True
        meeting.ical_sequence += 1
        session.flush()


def restore_session(session: Session, session_id: int) -> None:
    """Undo a cancellation."""
    meeting = session_row(session, session_id)
    if meeting.cancelled:
        meeting.cancelled = False
        meeting.ical_sequence += 1
        session.flush()


def update_session(session: Session, session_id: int, changes: SessionChanges) -> None:
    """Change one session's title, topic, duration, place or mode (None: leave as is)."""
    meeting = session_row(session, session_id)
    if changes.duration_minutes is not None:
        meeting.duration_minutes = _check_duration(changes.duration_minutes)
    if changes.mode is not None or changes.meeting_url is not None:
        mode, url = _check_mode(changes.mode if changes.mode is not None else meeting.mode,
                                changes.meeting_url if changes.meeting_url is not None else meeting.meeting_url)
        meeting.mode, meeting.meeting_url = mode, url
    if changes.title is not None:
        meeting.title = clean(changes.title)
    if changes.topic is not None:
        meeting.topic = clean(changes.topic)
    if changes.location is not None:
        meeting.location = clean(changes.location)
    meeting.ical_sequence += 1
    session.flush()


def delete_session(session: Session, session_id: int) -> None:
    """Delete one session with its attendance and notes (cancel it instead to keep a record)."""
    session.delete(session_row(session, session_id))
    session.flush()


def end_series(session: Session, series_id: int, *, after: datetime | None = None) -> int:
    """Stop a series: delete its sessions that start after ``after`` (default now) and hold no
    attendance; returns how many went. Earlier sessions and their records stay."""
    series = session.get(SessionSeries, series_id)
    if series is None:
        raise GroupError("That series no longer exists.")
    after = after or utcnow()
    gone = 0
    for meeting in session.scalars(select(GroupSession).where(GroupSession.series_id == series_id)):
        if meeting.starts_at > after and not meeting.attendance:
            session.delete(meeting)
            gone += 1
    session.flush()
    return gone


def _touched(session: Session, meeting: GroupSession) -> bool:
    """A session someone has worked on: moved, cancelled, marked, with notes or feedback."""
    from mentordesk.models import Feedback, Note

    if meeting.original_starts_at is not None or meeting.cancelled or meeting.attendance:
        return True
    if meeting.agenda or meeting.discussion or meeting.actions:
        return True
    for model, column in ((Feedback, Feedback.group_session_id), (Note, Note.session_id)):
        if session.scalar(select(model.id).where(column == meeting.id).limit(1)) is not None:
            return True
    return False


def update_series(session: Session, series_id: int, plan: SessionPlan, *,
                  effective_from: datetime | None = None) -> tuple[int, ...]:
    """Change a series from ``effective_from`` (default now) on: new day, time, rule, place, mode.

    Occurrences before that stay as they were. Later ones nobody has worked on yet are replaced
    by the new rule's occurrences (from ``plan.starts_on``, no earlier than ``effective_from``);
    later ones that were moved, cancelled, marked or given notes are kept as they are. ``count``
    in the new rule counts the sessions it generates. Returns the ids of the new sessions.
    """
    series = session.get(SessionSeries, series_id)
    if series is None:
        raise GroupError("That series no longer exists.")
    if plan.recurrence is None:
        raise GroupError("A series needs a rule; schedule a single session instead.")
    group = group_row(session, series.group_id)
    effective_from = effective_from or utcnow()
    zone_name = resolve_zone_name(session, group.event_id, plan.timezone or series.timezone or None)
    duration = _check_duration(plan.duration_minutes)
    mode, url = _check_mode(plan.mode, plan.meeting_url)
    recurrence = validate_recurrence(plan.starts_on, plan.recurrence)
    days = [d for d in occurrence_dates(plan.starts_on, recurrence)
            if local_instant(d, plan.start_time, zone_name) >= effective_from]
    for meeting in session.scalars(select(GroupSession).where(GroupSession.series_id == series_id)):
        if meeting.starts_at >= effective_from and not _touched(session, meeting):
            session.delete(meeting)
    location = clean(plan.location) or group.location or ""
    series.title = clean(plan.title)
    series.first_starts_at = local_instant(plan.starts_on, plan.start_time, zone_name)
    series.duration_minutes = duration
    series.rrule = rrule_text(plan.starts_on, recurrence)
    series.location = location
    series.frequency, series.repeat_interval = recurrence.frequency, recurrence.interval
    series.until_on, series.repeat_count = recurrence.until, recurrence.count
    series.local_start = plan.start_time.replace(tzinfo=None, microsecond=0)
    series.timezone, series.topic, series.mode, series.meeting_url = zone_name, clean(plan.topic), mode, url
    created = []
    for day in days:
        meeting = GroupSession(group_id=group.id, series_id=series_id, title=series.title,
                               starts_at=local_instant(day, plan.start_time, zone_name), duration_minutes=duration,
                               location=location, timezone=zone_name, topic=series.topic, mode=mode, meeting_url=url)
        session.add(meeting)
        created.append(meeting)
    session.flush()
    return tuple(m.id for m in created)


def series_plan(session: Session, series_id: int) -> SessionPlan:
    """The series as a :class:`SessionPlan` (to fill the "change the series" form)."""
    series = session.get(SessionSeries, series_id)
    if series is None:
        raise GroupError("That series no longer exists.")
    info = get_series(session, series_id)
    return SessionPlan(starts_on=info.starts_on or date.today(), start_time=info.local_start,
                       duration_minutes=series.duration_minutes, location=series.location or "", mode=series.mode,
                       meeting_url=series.meeting_url or "", topic=series.topic or "", title=series.title or "",
                       timezone=info.timezone, recurrence=series_recurrence(info))


# --------------------------------------------------------------------------- reading


def _counts(session: Session, meetings: Iterable[GroupSession]) -> dict[int, AttendanceCounts]:
    meetings = list(meetings)
    if not meetings:
        return {}
    # Members with their dates, so "unmarked" counts the same people as the session's roster.
    members: dict[int, list[tuple[int, date | None, date | None]]] = defaultdict(list)
    group_ids = {m.group_id for m in meetings}
    for group_id, person_id, joined, left in session.execute(
        select(GroupMember.group_id, GroupMember.person_id, GroupMember.joined_on, GroupMember.left_on)
        .where(GroupMember.group_id.in_(group_ids))
    ):
        members[group_id].append((person_id, joined, left))
    records: dict[int, dict[int, AttendanceStatus]] = defaultdict(dict)
    ids = [m.id for m in meetings]
    for start in range(0, len(ids), 500):
        for session_id, person_id, status in session.execute(
            select(Attendance.session_id, Attendance.person_id, Attendance.status)
            .where(Attendance.session_id.in_(ids[start:start + 500]))
        ):
            records[session_id][person_id] = status
    result = {}
    for m in meetings:
        statuses = list(records[m.id].values())
        day = m.starts_at.astimezone(session_zone(session, m)).date()
        expected = {person_id for person_id, joined, left in members[m.group_id]
                    if (joined is None or joined <= day) and (left is None or left >= day)}
        result[m.id] = AttendanceCounts(
            present=statuses.count(AttendanceStatus.PRESENT), late=statuses.count(AttendanceStatus.LATE),
            absent=statuses.count(AttendanceStatus.ABSENT), excused=statuses.count(AttendanceStatus.EXCUSED),
            unmarked=len(expected - records[m.id].keys()),
        )
    return result


def _info(session: Session, meeting: GroupSession, group_name: str, counts: AttendanceCounts) -> SessionInfo:
    tz = session_zone(session, meeting)
    return SessionInfo(
        id=meeting.id, group_id=meeting.group_id, group_name=group_name, series_id=meeting.series_id,
        title=meeting.title or "", topic=meeting.topic or "", starts_at=meeting.starts_at.astimezone(tz),
        duration_minutes=meeting.duration_minutes, timezone=tz.key, location=meeting.location or "",
        mode=meeting.mode, meeting_url=meeting.meeting_url or "", cancelled=meeting.cancelled,
        original_starts_at=meeting.original_starts_at.astimezone(tz) if meeting.original_starts_at else None,
        counts=counts,
    )


def list_sessions(session: Session, event_id: int, *, group_id: int | None = None, when: When = "all",
                  now: datetime | None = None, include_cancelled: bool = True) -> list[SessionInfo]:
    """Sessions across all groups (or one): "upcoming" (not yet ended) soonest first, "past" (ended)
    latest first, "all" in time order."""
    now = now or utcnow()
    query = (select(GroupSession, MentorGroup.name).join(MentorGroup, MentorGroup.id == GroupSession.group_id)
             .where(MentorGroup.event_id == event_id).order_by(GroupSession.starts_at, GroupSession.id))
    if group_id is not None:
        query = query.where(GroupSession.group_id == group_id)
    if not include_cancelled:
        query = query.where(GroupSession.cancelled.is_(False))
    rows = session.execute(query).all()
    if when != "all":
        def ended(m: GroupSession) -> bool:
            return m.starts_at + timedelta(minutes=m.duration_minutes) <= now
        rows = [r for r in rows if ended(r[0]) == (when == "past")]
        if when == "past":
            rows.reverse()
    counts = _counts(session, (r[0] for r in rows))
    return [_info(session, m, name, counts[m.id]) for m, name in rows]


def get_session(session: Session, session_id: int) -> SessionInfo:
    meeting = session_row(session, session_id)
    name = session.scalar(select(MentorGroup.name).where(MentorGroup.id == meeting.group_id)) or ""
    return _info(session, meeting, name, _counts(session, [meeting])[meeting.id])


def get_series(session: Session, series_id: int) -> SeriesInfo:
    series = session.get(SessionSeries, series_id)
    if series is None:
        raise GroupError("That series no longer exists.")
    zone_name = series.timezone or zone(None).key
    local_start = series.local_start or series.first_starts_at.astimezone(zone(zone_name)).time()
    ids = session.scalars(select(GroupSession.id).where(GroupSession.series_id == series_id)
                          .order_by(GroupSession.starts_at, GroupSession.id)).all()
    starts_on = series.first_starts_at.astimezone(zone(zone_name)).date()
    recurrence = Recurrence(Frequency(series.frequency), series.repeat_interval, series.until_on, series.repeat_count)
    return SeriesInfo(id=series.id, group_id=series.group_id, frequency=recurrence.frequency,
                      interval=recurrence.interval, until=recurrence.until, count=recurrence.count,
                      local_start=local_start, timezone=zone_name, duration_minutes=series.duration_minutes,
                      rrule=series.rrule, session_ids=tuple(ids), starts_on=starts_on,
                      description=describe_recurrence(starts_on, recurrence)
                      if (recurrence.until or recurrence.count) else "")


def series_recurrence(info: SeriesInfo) -> Recurrence:
    """The series' rule as a :class:`Recurrence` (to fill a form)."""
    return Recurrence(info.frequency, info.interval, info.until, info.count)


@dataclass(frozen=True)
class SessionsSnapshot:
    """What the Sessions tab shows: the groups to filter by and the sessions of the filter."""

    groups: list[tuple[int, str]]
    sessions: list[SessionInfo]
    #: The filter the sessions were read for (a read for an older filter may arrive late).
    group_id: int | None
    when: When


def sessions_snapshot(session: Session, event_id: int, *, group_id: int | None, when: When) -> SessionsSnapshot:
    """The groups, and the sessions of ``group_id`` (all groups when it is None or gone)."""
    groups = [(g.id, g.name) for g in list_groups(session, event_id)]
    wanted = group_id if group_id in {gid for gid, _name in groups} else None
    return SessionsSnapshot(groups, list_sessions(session, event_id, group_id=wanted, when=when), group_id, when)
