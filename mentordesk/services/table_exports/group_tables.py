"""Group programmes as spreadsheet tables: attendance (people × sessions) and goals with progress.

Attendance has one row per person and held session, the long form of the people × sessions grid
(a pivot table turns it back into the grid, and it works across groups whose sessions fall on
different days, in CSV as well as XLSX). Which sessions and people count is the groups service's
rule: sessions *held* (started, not cancelled) and, for each, the roster of that day
(``services.groups.roster``: members on the date, plus anyone marked), so a person appears
here exactly where the group report counts them. A session with no mark for someone says "Not
recorded" rather than leaving the cell empty.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from mentordesk.models import Goal, MentorGroup, Person
from mentordesk.models.normalize import fold
from mentordesk.services.groups import roster
from mentordesk.services.groups.attendance import held_sessions
from mentordesk.services.groups.roster_order import sign_in_key
from mentordesk.services.groups.timing import session_zone
from mentordesk.services.spreadsheets import Value
from mentordesk.services.table_exports.people_tables import event_zone
from mentordesk.services.table_exports.table_data import DataTable, Report, local_time

ATTENDANCE_HEADER = (
    "Group", "Date", "Starts at", "Session", "Person ID", "First name", "Last name", "Role in group",
    "Status", "Note",
)
GOALS_HEADER = (
    "Goal ID", "Person ID", "First name", "Last name", "Group", "Goal", "Description", "Target date", "Status",
    "Progress (%)", "Last progress on", "Last progress note", "Progress entries", "Set on",
)
NOT_RECORDED = "Not recorded"


def attendance_table(session: Session, event_id: int, report: Report) -> DataTable:
    groups = list(session.scalars(select(MentorGroup).where(MentorGroup.event_id == event_id)))
    groups.sort(key=lambda g: (fold(g.name), g.id))
    rows: list[tuple[Value, ...]] = []
    for done, group in enumerate(groups):
        for meeting in held_sessions(session, group.id):
            starts = local_time(meeting.starts_at, session_zone(session, meeting))
            assert starts is not None
            title = meeting.topic or meeting.title or ""
            for line in roster(session, meeting.id):
                rows.append((
                    group.name, starts.date(), starts, title, line.person_id, line.first_name, line.last_name,
                    line.role.value.capitalize(), line.status.value.capitalize() if line.status else NOT_RECORDED,
                    line.note or "",
                ))
        report((done + 1) / len(groups))
    return DataTable("attendance", "Attendance", ATTENDANCE_HEADER, tuple(rows))


def goals_table(session: Session, event_id: int, report: Report) -> DataTable:
    """Every goal of the event's people, with its latest progress (a goal's progress is its latest
    entry's, entries by date then order, as the groups service says)."""
    tz = event_zone(session, event_id)
    found = [(goal, person) for goal, person in session.execute(
        select(Goal, Person).join(Person, Person.id == Goal.person_id).where(Person.event_id == event_id)
        .options(selectinload(Goal.progress))
    )]
    report(0.6)
    group_names = dict(session.execute(select(MentorGroup.id, MentorGroup.name)
                                       .where(MentorGroup.event_id == event_id)).all())
    found.sort(key=lambda pair: (*sign_in_key(pair[1].first_name, pair[1].last_name, pair[1].id), pair[0].id))
    rows: list[tuple[Value, ...]] = []
    for goal, person in found:
        entries = sorted(goal.progress, key=lambda e: (e.recorded_on, e.id))
        latest = entries[-1] if entries else None
        created = local_time(goal.created_at, tz)
        rows.append((
            goal.id, person.id, person.first_name, person.last_name,
            group_names.get(goal.group_id, "") if goal.group_id is not None else "",
            goal.title, goal.description or "", goal.target_on, goal.status.value.capitalize(),
            latest.percent if latest else 0, latest.recorded_on if latest else None,
            (latest.note or "") if latest else "", len(entries), created.date() if created else None,
        ))
    return DataTable("goals", "Goals", GOALS_HEADER, tuple(rows))
