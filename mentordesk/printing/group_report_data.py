"""The group program report: attendance per group and member, goals and their progress.

Attendance follows the Groups page's rule (``services.groups.group_stats``): rate = (present +
late) / (present + late + absent) over sessions held (started, not cancelled) while a member;
excused absences and sessions without a mark are reported but left out of the rate, so a member
excused twice is not penalised and a session whose attendance was never taken counts against
nobody.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.models import (
    Goal,
    GoalProgress,
    GroupMember,
    GroupSession,
    Person,
)
from mentordesk.printing.eventdata import EventInfo, Name, NamedRow, current_event, name_of
from mentordesk.printing.sign_in_data import pick_groups, sign_in_order
from mentordesk.services.groups import group_stats


def attendance_rate(present: int, late: int, absent: int) -> float | None:
    counted = present + late + absent
    return (present + late) / counted if counted else None


@dataclass(frozen=True)
class MemberAttendance(NamedRow):
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
        stats = group_stats(session, g.id, now=now)
        members = {m.person_id: m for m in session.scalars(select(GroupMember).where(GroupMember.group_id == g.id))}
        member_ids = [r.person_id for r in stats.members]
        people = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(member_ids)))}
        rows = []
        for row in stats.members:  # already in sign-in order
            person = people[row.person_id]
            member = members.get(row.person_id)
            counts = row.stats
            rows.append(MemberAttendance(
                name_of(person),
                str(row.role), counts.present, counts.late, counts.absent, counts.excused, counts.unmarked,
                member is None or (member.left_on is not None and member.left_on < now.date()),
            ))
        sessions = list(session.scalars(select(GroupSession).where(GroupSession.group_id == g.id)))
        reports.append(GroupReport(
            group_id=g.id, name=g.name, kind=str(g.kind), location=g.location or "",
            mentors=tuple(sign_in_order(r.person for r in rows if r.role == "mentor")),
            members=tuple(rows),
            sessions_held=stats.sessions_held,
            sessions_upcoming=sum(1 for s in sessions if not s.cancelled and s.starts_at > now),
            sessions_cancelled=sum(1 for s in sessions if s.cancelled),
            goals=_goals(session, g.id),
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
            name_of(person),
            goal.title, str(goal.status), latest.percent if latest else None, goal.target_on,
            (latest.note if latest else "") or "", len(progress),
        ))
    return tuple(sorted(lines, key=lambda line: (line.person.sort_key, line.title.casefold())))
