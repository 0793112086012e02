"""Attendance: a session's roster, marking people, badge scans at the door, and statistics.

The roster lists the group's members on the session's date (plus anyone already marked for it)
in sign-in order — the order of the printed sign-in sheet — so a grid typed in from paper lines
up row for row.

The attendance rule, used everywhere (group report, history, CLI):

- only *held* sessions count: not cancelled and already started (``starts_at <= now``), within
  the person's membership (``joined_on``/``left_on``) or with a mark for them;
- ``rate = (present + late) / (present + late + absent)``: late counts as attended;
- *excused* is reported but left out of the rate entirely (neither attended nor missed), so an
  excused absence never lowers anyone's rate;
- *unmarked* (held, but nothing recorded) is reported but also left out of the rate: a missing
  mark is a gap in the records, not an absence. ``rate`` is None when nothing counts yet.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.models import (
    Attendance,
    AttendanceSource,
    AttendanceStatus,
    GroupMember,
    GroupSession,
    MemberRole,
    MentorGroup,
    Person,
)
from mentordesk.models.base import utcnow
from mentordesk.models.timezones import zone
from mentordesk.services import lookup
from mentordesk.services.groups.group_data import (
    AttendanceStats,
    GroupError,
    GroupStats,
    MemberStats,
    RosterRow,
    ScanOutcome,
)
from mentordesk.services.groups.roster_order import sign_in_order
from mentordesk.services.groups.rows import group_row, session_row
from mentordesk.services.groups.timing import event_zone_name, session_zone, session_zone_or

#: Keys the attendance grid uses for each status (P, L, A, E).
STATUS_KEYS = {"p": AttendanceStatus.PRESENT, "l": AttendanceStatus.LATE,
               "a": AttendanceStatus.ABSENT, "e": AttendanceStatus.EXCUSED}


def _member_on(member: GroupMember, day: date) -> bool:
    return (member.joined_on is None or member.joined_on <= day) and (member.left_on is None or member.left_on >= day)


def roster(session: Session, session_id: int) -> list[RosterRow]:
    """The people expected at a session with their marks, in sign-in order (sheet = grid)."""
    meeting = session_row(session, session_id)
    day = meeting.starts_at.astimezone(session_zone(session, meeting)).date()
    marks = {a.person_id: a for a in meeting.attendance}
    rows: dict[int, RosterRow] = {}
    for member, person in session.execute(
        select(GroupMember, Person).join(Person, Person.id == GroupMember.person_id)
        .where(GroupMember.group_id == meeting.group_id)
    ):
        if _member_on(member, day) or person.id in marks:
            mark = marks.get(person.id)
            rows[person.id] = RosterRow(person.id, person.first_name, person.last_name, member.role,
                                        person.badge_code, mark.status if mark else None, mark.note if mark else "")
    # Marked, but no longer a member: keep them so the record stays visible.
    for person_id, mark in marks.items():
        if person_id not in rows:
            person = session.get_one(Person, person_id)
            rows[person_id] = RosterRow(person.id, person.first_name, person.last_name, MemberRole.MENTEE,
                                        person.badge_code, mark.status, mark.note)
    return sign_in_order(rows.values())


def set_attendance(session: Session, session_id: int, person_id: int, status: AttendanceStatus | None, *,
                   source: AttendanceSource = AttendanceSource.APP, note: str | None = None) -> None:
    """Mark one person at one session; ``None`` clears the mark."""
    meeting = session_row(session, session_id)
    mark = session.scalar(select(Attendance).where(Attendance.session_id == session_id,
                                                   Attendance.person_id == person_id))
    if status is None:
        if mark is not None:
            session.delete(mark)
            session.flush()
        return
    if mark is None:
        is_member = session.scalar(select(GroupMember.id).where(GroupMember.group_id == meeting.group_id,
                                                               GroupMember.person_id == person_id))
        if is_member is None:
            raise GroupError("That person is not in this group.")
        mark = Attendance(session_id=session_id, person_id=person_id, status=AttendanceStatus(status),
                          source=AttendanceSource(source), note=(note or "").strip())
        session.add(mark)
    else:
        mark.status = AttendanceStatus(status)
        mark.source = AttendanceSource(source)
        if note is not None:
            mark.note = note.strip()
    session.flush()


def set_attendance_many(session: Session, session_id: int, marks: Mapping[int, AttendanceStatus | None], *,
                        source: AttendanceSource = AttendanceSource.APP) -> int:
    """Save a whole grid (person id → status, None clears) in one go; returns how many changed."""
    current = {r.person_id: r.status for r in roster(session, session_id)}
    changed = 0
    for person_id, status in marks.items():
        if person_id not in current:
            raise GroupError("Someone in the list is not in this group.")
        if current[person_id] != status:
            set_attendance(session, session_id, person_id, status, source=source)
            changed += 1
    return changed


def mark_everyone_present(session: Session, session_id: int, *, overwrite: bool = False,
                          source: AttendanceSource = AttendanceSource.APP) -> int:
    """Mark every unmarked person on the roster present (everyone, with ``overwrite``); returns how many changed."""
    changed = 0
    for row in roster(session, session_id):
        if row.status is None or (overwrite and row.status is not AttendanceStatus.PRESENT):
            set_attendance(session, session_id, row.person_id, AttendanceStatus.PRESENT, source=source)
            changed += 1
    return changed


def mark_by_scan(session: Session, session_id: int, raw: str, *, status: AttendanceStatus | None = None,
                 late_after: timedelta | None = None, now: datetime | None = None) -> ScanOutcome:
    """Mark whoever's badge was scanned (or code or e-mail typed) at a session.

    Status: ``status`` when given; else late when ``late_after`` is given and ``now`` is later than
    the start plus that; else present. Someone already marked present or late is left as is.
    """
    meeting = session_row(session, session_id)
    if meeting.cancelled:
        return ScanOutcome(False, None, "", None, False, "This session is cancelled.")
    text = (raw or "").strip()
    if not text:
        return ScanOutcome(False, None, "", None, False, "Nothing was scanned.")
    event_id = session.scalars(select(MentorGroup.event_id).where(MentorGroup.id == meeting.group_id)).one()
    person_id = lookup.find_by_code(session, event_id, text) or lookup.find_by_email(session, event_id, text)
    if person_id is None:
        return ScanOutcome(False, None, "", None, False, f"No badge matches “{text}”.")
    person = session.get_one(Person, person_id)
    # Only this person's membership and mark: a scan must not cost a whole roster.
    mark = session.scalar(select(Attendance).where(Attendance.session_id == session_id,
                                                   Attendance.person_id == person_id))
    member = session.scalar(select(GroupMember).where(GroupMember.group_id == meeting.group_id,
                                                      GroupMember.person_id == person_id))
    day = meeting.starts_at.astimezone(session_zone(session, meeting)).date()
    if mark is None and (member is None or not _member_on(member, day)):
        group_name = session.scalar(select(MentorGroup.name).where(MentorGroup.id == meeting.group_id))
        return ScanOutcome(False, person_id, person.full_name, None, False,
                           f"{person.full_name} is not in {group_name}.")
    current = mark.status if mark is not None else None
    if current in (AttendanceStatus.PRESENT, AttendanceStatus.LATE):
        return ScanOutcome(False, person_id, person.full_name, current, True,
                           f"{person.full_name} is already marked {current.value}.")
    if status is None:
        status = AttendanceStatus.PRESENT
        if late_after is not None and (now or utcnow()) > meeting.starts_at + late_after:
            status = AttendanceStatus.LATE
    set_attendance(session, session_id, person_id, status)
    return ScanOutcome(True, person_id, person.full_name, AttendanceStatus(status), False,
                       f"{person.full_name}: {AttendanceStatus(status).value}.")


# --------------------------------------------------------------------------- statistics


def _tally(statuses: list[AttendanceStatus | None]) -> AttendanceStats:
    return AttendanceStats(
        held=len(statuses), present=statuses.count(AttendanceStatus.PRESENT),
        late=statuses.count(AttendanceStatus.LATE), absent=statuses.count(AttendanceStatus.ABSENT),
        excused=statuses.count(AttendanceStatus.EXCUSED), unmarked=statuses.count(None),
    )


def add_stats(parts: list[AttendanceStats]) -> AttendanceStats:
    return AttendanceStats(*(sum(getattr(p, f) for p in parts)
                             for f in ("held", "present", "late", "absent", "excused", "unmarked")))


def held_sessions(session: Session, group_id: int, now: datetime | None = None) -> list[GroupSession]:
    """A group's sessions that count for attendance: not cancelled and already started."""
    now = now or utcnow()
    return [m for m in session.scalars(select(GroupSession).where(GroupSession.group_id == group_id,
                                                                  GroupSession.cancelled.is_(False))
                                       .order_by(GroupSession.starts_at))
            if m.starts_at <= now]


Marks = dict[tuple[int, int], AttendanceStatus]  # (session id, person id) -> status


def _statuses(held: list[GroupSession], members: Mapping[int, GroupMember], marks: Marks,
              local_day: Callable[[GroupSession], date]) -> dict[int, list[AttendanceStatus | None]]:
    """Per person, the status at each held session that counts for them (the rule above)."""
    people = set(members) | {person_id for _s, person_id in marks}
    result: dict[int, list[AttendanceStatus | None]] = defaultdict(list)
    for meeting in held:
        day = local_day(meeting)
        for person_id in people:
            status = marks.get((meeting.id, person_id))
            member = members.get(person_id)
            if status is not None or (member is not None and _member_on(member, day)):
                result[person_id].append(status)
    return result


def _statuses_by_person(session: Session, group_id: int, now: datetime | None
                        ) -> tuple[dict[int, list[AttendanceStatus | None]], dict[int, GroupMember]]:
    held = held_sessions(session, group_id, now)
    members = {m.person_id: m for m in session.scalars(select(GroupMember).where(GroupMember.group_id == group_id))}
    marks: Marks = {}
    if held:
        for session_id, person_id, status in session.execute(
            select(Attendance.session_id, Attendance.person_id, Attendance.status)
            .where(Attendance.session_id.in_([m.id for m in held]))
        ):
            marks[(session_id, person_id)] = status
    statuses = _statuses(held, members, marks,
                         lambda meeting: meeting.starts_at.astimezone(session_zone(session, meeting)).date())
    return statuses, members


def attendance_rates(session: Session, event_id: int, *, now: datetime | None = None) -> dict[int, float | None]:
    """Every group's attendance rate, as ``group_stats(…).total.rate`` gives it, read in three
    queries for the whole event rather than several per group (the group list shows them all)."""
    now = now or utcnow()
    event_zone = zone(event_zone_name(session, event_id))
    in_event = select(MentorGroup.id).where(MentorGroup.event_id == event_id)
    rates: dict[int, float | None] = {group_id: None for group_id in session.scalars(in_event)}
    held: dict[int, list[GroupSession]] = defaultdict(list)
    for meeting in session.scalars(select(GroupSession).where(GroupSession.group_id.in_(in_event),
                                                              GroupSession.cancelled.is_(False))
                                   .order_by(GroupSession.starts_at)):
        if meeting.starts_at <= now:
            held[meeting.group_id].append(meeting)
    members: dict[int, dict[int, GroupMember]] = defaultdict(dict)
    for member in session.scalars(select(GroupMember).where(GroupMember.group_id.in_(in_event))):
        members[member.group_id][member.person_id] = member
    group_of = {meeting.id: group_id for group_id, meetings in held.items() for meeting in meetings}
    marks: dict[int, Marks] = defaultdict(dict)
    for session_id, person_id, status in session.execute(
        select(Attendance.session_id, Attendance.person_id, Attendance.status)
        .join(GroupSession, GroupSession.id == Attendance.session_id)
        .where(GroupSession.group_id.in_(in_event))
    ):
        if session_id in group_of:
            marks[group_of[session_id]][(session_id, person_id)] = status
    for group_id in rates:
        statuses = _statuses(held[group_id], members[group_id], marks[group_id],
                             lambda meeting: meeting.starts_at.astimezone(session_zone_or(meeting, event_zone)).date())
        rates[group_id] = _tally([s for person in statuses.values() for s in person]).rate
    return rates


def member_stats(session: Session, person_id: int, group_id: int, *, now: datetime | None = None) -> AttendanceStats:
    """One person's attendance in one group."""
    statuses, _members = _statuses_by_person(session, group_id, now)
    return _tally(statuses.get(person_id, []))


def group_stats(session: Session, group_id: int, *, now: datetime | None = None) -> GroupStats:
    """Every member's attendance in a group (sign-in order) and the group total."""
    group = group_row(session, group_id)
    statuses, members = _statuses_by_person(session, group_id, now)
    people = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(set(statuses) | set(members))))}
    rows = []
    for person in sign_in_order(people.values()):
        role = members[person.id].role if person.id in members else MemberRole.MENTEE
        rows.append(MemberStats(person.id, person.full_name, role, _tally(statuses.get(person.id, []))))
    return GroupStats(group.id, group.name, len(held_sessions(session, group_id, now)),
                      add_stats([r.stats for r in rows]), tuple(rows))
