"""The group program report: attendance per group and member, goals and their progress.

Attendance rate = (present + late) / (present + late + absent), over sessions that have taken
place and are not cancelled. Excused absences and sessions without a record for the person are
left out of both counts, so a member excused twice is not penalised and a session whose
attendance was never taken does not count against anyone.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.models import (
    Attendance,
    AttendanceStatus,
    Goal,
    GoalProgress,
    GroupMember,
    GroupSession,
    Person,
)
from mentordesk.printing.eventdata import EventInfo, Name, current_event
from mentordesk.printing.sign_in_data import pick_groups, sign_in_order


def attendance_rate(present: int, late: int, absent: int) -> float | None:
    counted = present + late + absent
    return (present + late) / counted if counted else None


@dataclass(frozen=True)
class MemberAttendance:
    person: Name
    role: str
    present: int
    late: int
    absent: int
    excused: int
    #: Sessions held while a member with nothing recorded for them.
    unrecorded: int
    left: bool

    @property
    def rate(self) -> float | None:
        return attendance_rate(self.present, self.late, self.absent)

    # For sign_in_order: the report lists members in the same order as the sheets and the grid.
    @property
    def first_name(self) -> str:
        return self.person.first_name

    @property
    def last_name(self) -> str:
        return self.person.last_name

    @property
    def person_id(self) -> int:
        return self.person.person_id


@dataclass(frozen=True)
class GoalLine:
    person: Name
    title: str
    status: str
    #: Latest recorded progress in percent, None when none was recorded.
    percent: int | None
    target_on: date | None
    last_note: str
    updates: int


@dataclass(frozen=True)
class GroupReport:
    group_id: int
    name: str
    kind: str
    location: str
    mentors: tuple[Name, ...]
    members: tuple[MemberAttendance, ...]
    sessions_held: int
    sessions_upcoming: int
    sessions_cancelled: int
    goals: tuple[GoalLine, ...]

    @property
    def rate(self) -> float | None:
        return attendance_rate(sum(m.present for m in self.members), sum(m.late for m in self.members),
                               sum(m.absent for m in self.members))


@dataclass(frozen=True)
class GroupReportData:
    event: EventInfo
    groups: tuple[GroupReport, ...]


def build_group_report(session: Session, *, group: str = "", now: datetime | None = None) -> GroupReportData:
    """Every group not archived (or the one named by ``group``, name or number)."""
    event = current_event(session)
    now = now or datetime.now().astimezone()
    reports = []
    for g in pick_groups(session, event.id, group):
        members = session.execute(
            select(GroupMember, Person).join(Person, Person.id == GroupMember.person_id)
            .where(GroupMember.group_id == g.id)
        ).all()
        sessions = list(session.scalars(select(GroupSession).where(GroupSession.group_id == g.id)))
        held = [s for s in sessions if not s.cancelled and s.starts_at <= now]
        held_ids = {s.id for s in held}
        records = session.execute(
            select(Attendance.person_id, Attendance.session_id, Attendance.status)
            .where(Attendance.session_id.in_(held_ids))
        ).all() if held_ids else []
        counts: dict[int, Counter[AttendanceStatus]] = {}
        for person_id, _session_id, status in records:
            counts.setdefault(person_id, Counter())[status] += 1
        rows = []
        for member, person in members:
            while_member = [s for s in held
                            if (member.joined_on is None or member.joined_on <= s.starts_at.date())
                            and (member.left_on is None or member.left_on >= s.starts_at.date())]
            c = counts.get(person.id, Counter())
            recorded = sum(c.values())
            rows.append(MemberAttendance(
                Name(person.id, person.first_name, person.last_name, person.organization, person.role),
                str(member.role), c[AttendanceStatus.PRESENT], c[AttendanceStatus.LATE], c[AttendanceStatus.ABSENT],
                c[AttendanceStatus.EXCUSED], max(0, len(while_member) - recorded),
                member.left_on is not None and member.left_on < now.date(),
            ))
        goals = _goals(session, g.id)
        reports.append(GroupReport(
            group_id=g.id, name=g.name, kind=str(g.kind), location=g.location or "",
            mentors=tuple(sign_in_order(r.person for r in rows if r.role == "mentor")),
            members=tuple(sign_in_order(rows)),
            sessions_held=len(held),
            sessions_upcoming=sum(1 for s in sessions if not s.cancelled and s.starts_at > now),
            sessions_cancelled=sum(1 for s in sessions if s.cancelled),
            goals=goals,
        ))
    return GroupReportData(event, tuple(reports))


def _goals(session: Session, group_id: int) -> tuple[GoalLine, ...]:
    lines = []
    for goal, person in session.execute(
        select(Goal, Person).join(Person, Person.id == Goal.person_id).where(Goal.group_id == group_id)
        .order_by(Goal.id)
    ):
        progress = list(session.scalars(select(GoalProgress).where(GoalProgress.goal_id == goal.id)
                                        .order_by(GoalProgress.recorded_on, GoalProgress.id)))
        latest = progress[-1] if progress else None
        lines.append(GoalLine(
            Name(person.id, person.first_name, person.last_name, person.organization, person.role),
            goal.title, str(goal.status), latest.percent if latest else None, goal.target_on,
            (latest.note if latest else "") or "", len(progress),
        ))
    return tuple(sorted(lines, key=lambda line: (line.person.sort_key, line.title.casefold())))
