"""Goals per mentee with dated progress entries, and a person's history across groups.

A goal's progress is its latest entry's percentage (entries by date, then by entry order); a goal
reaching 100 % is not marked achieved automatically — the mentor decides that.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.models import (
    Attendance,
    Goal,
    GoalProgress,
    GoalStatus,
    GroupMember,
    GroupSession,
    MentorGroup,
    Person,
)
from mentordesk.models.base import utcnow
from mentordesk.models.normalize import clean
from mentordesk.services.groups.attendance import add_stats, member_stats
from mentordesk.services.groups.group_data import (
    GoalInfo,
    GroupError,
    HistoryGroup,
    HistorySession,
    MemberHistory,
    ProgressEntry,
)
from mentordesk.services.groups.timing import session_zone

TITLE_MAX = 300


def _goal(session: Session, goal_id: int) -> Goal:
    goal = session.get(Goal, goal_id)
    if goal is None:
        raise GroupError("That goal no longer exists.")
    return goal


def _title(title: str) -> str:
    title = clean(title)
    if not title:
        raise GroupError("Give the goal a title.")
    if len(title) > TITLE_MAX:
        raise GroupError(f"A goal title can have at most {TITLE_MAX} characters.")
    return title


def _percent(percent: int) -> int:
    if not isinstance(percent, int) or not 0 <= percent <= 100:
        raise GroupError("Progress is a whole number from 0 to 100 %.")
    return percent


def _info(session: Session, goal: Goal) -> GoalInfo:
    entries = sorted(goal.progress, key=lambda e: (e.recorded_on, e.id))
    group_name = ""
    if goal.group_id is not None:
        group_name = session.scalar(select(MentorGroup.name).where(MentorGroup.id == goal.group_id)) or ""
    return GoalInfo(
        id=goal.id, person_id=goal.person_id, group_id=goal.group_id, group_name=group_name, title=goal.title,
        description=goal.description or "", target_on=goal.target_on, status=goal.status,
        progress=entries[-1].percent if entries else 0,
        entries=tuple(ProgressEntry(e.id, e.recorded_on, e.percent, e.note or "") for e in entries),
    )


def add_goal(session: Session, person_id: int, title: str, *, group_id: int | None = None,
             target_on: date | None = None, description: str = "") -> int:
    """Set a goal for someone (optionally within a group); returns its id."""
    if session.get(Person, person_id) is None:
        raise GroupError("That person no longer exists.")
    goal = Goal(person_id=person_id, group_id=group_id, title=_title(title), target_on=target_on,
                description=(description or "").strip())
    session.add(goal)
    session.flush()
    return goal.id


def update_goal(session: Session, goal_id: int, *, title: str | None = None, description: str | None = None,
                target_on: date | bool | None = False, status: GoalStatus | None = None) -> None:
    """Change a goal (None leaves a field; ``target_on=None`` clears the date, the default keeps it)."""
    goal = _goal(session, goal_id)
    if title is not None:
        goal.title = _title(title)
    if description is not None:
        goal.description = description.strip()
    if target_on is not False:
        goal.target_on = target_on  # type: ignore[assignment]
    if status is not None:
        goal.status = GoalStatus(status)
    session.flush()


def delete_goal(session: Session, goal_id: int) -> None:
    session.delete(_goal(session, goal_id))
    session.flush()


def record_progress(session: Session, goal_id: int, percent: int, comment: str = "", *,
                    on: date | None = None) -> int:
    """Add a dated progress entry (default today); returns its id."""
    goal = _goal(session, goal_id)
    entry = GoalProgress(goal_id=goal.id, recorded_on=on or date.today(), percent=_percent(percent),
                         note=(comment or "").strip())
    session.add(entry)
    session.flush()
    session.refresh(goal, ["progress"])
    return entry.id


def delete_progress(session: Session, entry_id: int) -> None:
    entry = session.get(GoalProgress, entry_id)
    if entry is None:
        raise GroupError("That progress entry no longer exists.")
    goal_id = entry.goal_id
    session.delete(entry)
    session.flush()
    session.refresh(session.get_one(Goal, goal_id), ["progress"])


def get_goal(session: Session, goal_id: int) -> GoalInfo:
    return _info(session, _goal(session, goal_id))


def list_goals(session: Session, *, person_id: int | None = None, group_id: int | None = None) -> list[GoalInfo]:
    """Goals of a person and/or set in a group, oldest first."""
    if person_id is None and group_id is None:
        raise GroupError("Choose a person or a group.")
    query = select(Goal).order_by(Goal.created_at, Goal.id)
    if person_id is not None:
        query = query.where(Goal.person_id == person_id)
    if group_id is not None:
        query = query.where(Goal.group_id == group_id)
    return [_info(session, g) for g in session.scalars(query)]


def member_history(session: Session, person_id: int, *, now: datetime | None = None) -> MemberHistory:
    """Someone's record across every group: memberships with attendance, each held session, goals."""
    person = session.get(Person, person_id)
    if person is None:
        raise GroupError("That person no longer exists.")
    now = now or utcnow()
    memberships = {
        m.group_id: m for m in session.scalars(select(GroupMember).where(GroupMember.person_id == person_id))
    }
    marks = {
        a.session_id: a.status for a in session.scalars(select(Attendance).where(Attendance.person_id == person_id))
    }
    marked_groups = set(session.scalars(select(GroupSession.group_id).where(GroupSession.id.in_(marks))).all()) \
        if marks else set()
    groups = []
    for group in session.scalars(select(MentorGroup).where(MentorGroup.id.in_(set(memberships) | marked_groups))
                                 .order_by(MentorGroup.name)):
        role = memberships[group.id].role if group.id in memberships else None
        stats = member_stats(session, person_id, group.id, now=now)
        groups.append(HistoryGroup(group.id, group.name, group.kind, role, stats))
    sessions = []
    group_ids = [g.group_id for g in groups]
    names = {g.group_id: g.name for g in groups}
    for meeting in session.scalars(select(GroupSession).where(GroupSession.group_id.in_(group_ids),
                                                              GroupSession.cancelled.is_(False))
                                   .order_by(GroupSession.starts_at)):
        if meeting.starts_at > now:
            continue
        member = memberships.get(meeting.group_id)
        day = meeting.starts_at.astimezone(session_zone(session, meeting)).date()
        in_period = member is not None and (member.joined_on is None or member.joined_on <= day) and (
            member.left_on is None or member.left_on >= day)
        if meeting.id in marks or in_period:
            sessions.append(HistorySession(meeting.id, meeting.group_id, names[meeting.group_id],
                                           meeting.starts_at.astimezone(session_zone(session, meeting)),
                                           meeting.topic or meeting.title or "", marks.get(meeting.id)))
    return MemberHistory(person_id, person.full_name, tuple(groups), tuple(sessions),
                         add_stats([g.stats for g in groups]), tuple(list_goals(session, person_id=person_id)))
