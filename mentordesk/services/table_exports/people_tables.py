"""The people of the event (with their check-in) and the check-in log, as spreadsheet tables.

Whether someone is checked in now is the check-in service's answer (``checked_in_ids``); the
times and stations beside it come from the same append-only log: the latest check-in that was
not undone, and a check-out after it, if any.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.models import CheckinAction, CheckinEntry, MentorRequest, Person
from mentordesk.models.timezones import zone
from mentordesk.services.checkin import checked_in_ids
from mentordesk.services.groups.roster_order import sign_in_key
from mentordesk.services.groups.timing import event_zone_name
from mentordesk.services.spreadsheets import Value
from mentordesk.services.table_exports.table_data import DataTable, Report, local_time

PEOPLE_HEADER = (
    "ID", "First name", "Last name", "E-mail", "Role", "Organisation", "Title", "Department or grade",
    "Pronouns", "Topics", "Requested mentors", "Consents to share contact", "Walk-in", "Badge code",
    "Checked in", "Checked in at", "Check-in station", "Checked out at", "Notes",
)
CHECKINS_HEADER = (
    "Entry", "Time", "Recorded at", "Person ID", "First name", "Last name", "Role", "Action", "Method",
    "Station", "Undone", "Undoes entry",
)
ACTION_WORDS = {CheckinAction.CHECK_IN: "Check-in", CheckinAction.CHECK_OUT: "Check-out",
                CheckinAction.UNDO: "Undo"}
#: Between topics and requested mentors in one cell (a name may hold a comma).
LIST_SEPARATOR = "; "


def event_zone(session: Session, event_id: int) -> ZoneInfo:
    """The zone the tables' times are shown in: the event's, else this computer's."""
    return zone(event_zone_name(session, event_id))


def _log(session: Session, event_id: int) -> list[CheckinEntry]:
    return list(session.scalars(
        select(CheckinEntry).join(Person, Person.id == CheckinEntry.person_id)
        .where(Person.event_id == event_id).order_by(CheckinEntry.id)
    ))


def _arrivals(entries: list[CheckinEntry]) -> dict[int, tuple[CheckinEntry, datetime | None]]:
    """Per person, their latest check-in not undone and the time of a check-out after it."""
    undone = {entry.undoes_id for entry in entries if entry.undoes_id is not None}
    found: dict[int, tuple[CheckinEntry, datetime | None]] = {}
    for entry in entries:
        if entry.id in undone or entry.action is CheckinAction.UNDO:
            continue
        if entry.action is CheckinAction.CHECK_IN:
            found[entry.person_id] = (entry, None)
        elif entry.person_id in found:
            found[entry.person_id] = (found[entry.person_id][0], entry.at)
    return found


def people_table(session: Session, event_id: int, report: Report) -> DataTable:
    tz = event_zone(session, event_id)
    people = sorted(session.scalars(select(Person).where(Person.event_id == event_id)),
                    key=lambda p: sign_in_key(p.first_name, p.last_name, p.id))
    report(0.3)
    names = {p.id: p.full_name for p in people}
    requested: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for mentee, mentor, rank in session.execute(
        select(MentorRequest.mentee_id, MentorRequest.mentor_id, MentorRequest.rank)
        .join(Person, Person.id == MentorRequest.mentee_id).where(Person.event_id == event_id)
    ):
        if mentor in names:
            requested[mentee].append((rank, names[mentor]))
    here = checked_in_ids(session, event_id)
    arrivals = _arrivals(_log(session, event_id))
    report(0.7)
    rows: list[tuple[Value, ...]] = []
    for p in people:
        arrival = arrivals.get(p.id)
        entry, left_at = arrival if arrival is not None else (None, None)
        rows.append((
            p.id, p.first_name, p.last_name, p.email or "", p.role.value.capitalize(), p.organization, p.title,
            p.department, p.pronouns, LIST_SEPARATOR.join(p.topics or ()),
            LIST_SEPARATOR.join(name for _rank, name in sorted(requested.get(p.id, ()))),
            bool(p.consent_share_contact), bool(p.is_walk_in), p.badge_code,
            p.id in here,
            local_time(entry.at, tz) if entry is not None else None,
            entry.station if entry is not None else "",
            local_time(left_at, tz),
            p.notes or "",
        ))
    return DataTable("people", "People", PEOPLE_HEADER, tuple(rows))


def checkins_table(session: Session, event_id: int, report: Report) -> DataTable:
    """Every entry of the log in the order written, undo entries and undone ones included."""
    tz = event_zone(session, event_id)
    entries = _log(session, event_id)
    report(0.5)
    undone = {entry.undoes_id for entry in entries if entry.undoes_id is not None}
    people = {p.id: p for p in session.scalars(select(Person).where(Person.event_id == event_id))}
    rows: list[tuple[Value, ...]] = []
    for entry in entries:
        person = people[entry.person_id]
        rows.append((
            entry.id, local_time(entry.at, tz),
            local_time(entry.recorded_at, tz), entry.person_id, person.first_name, person.last_name,
            person.role.value.capitalize(), ACTION_WORDS[entry.action], entry.method.value.replace("_", " "),
            entry.station, entry.id in undone, entry.undoes_id,
        ))
    return DataTable("checkins", "Check-in log", CHECKINS_HEADER, tuple(rows))
