"""Flash meetings, feedback and mutual follow-ups as spreadsheet tables.

* **meetings** — who met whom, as the event summary counts them (``printing.meetings_data``):
  the meetings of rounds held, or the planned ones while no round has been held (a note says
  so), each with both sides' feedback.
* **feedback** — every piece of feedback given, on flash meetings and on group sessions, one
  row per author and subject.
* **follow-ups** — the mutual follow-ups with contact details, only where both people agreed to
  share them (``services.feedback.mutual_follow_ups``, the rule the Feedback page and the summary
  use). Pairs without that consent are counted in a note for the person exporting, never listed.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from mentordesk.models import Feedback, FlashSession, GroupSession, MentorGroup, Person
from mentordesk.printing.meetings_data import load_meetings
from mentordesk.services import feedback
from mentordesk.services.groups.timing import session_zone
from mentordesk.services.spreadsheets import Value
from mentordesk.services.table_exports.people_tables import event_zone
from mentordesk.services.table_exports.table_data import DataTable, Report, local_time

MEETINGS_HEADER = (
    "Flash session", "Round", "Table", "Mentee ID", "Mentee", "Mentee organisation", "Mentor ID", "Mentor",
    "Mentor organisation", "Requested by the mentee", "Held", "Mentee's rating", "Mentee would follow up",
    "Mentee's comment", "Mentor would follow up", "Mentor's comment",
)
FEEDBACK_HEADER = (
    "Given at", "From ID", "From", "From role", "About", "Kind", "Flash session or group", "Round",
    "Session date", "Rating", "Would follow up", "Comment",
)
FOLLOW_UPS_HEADER = (
    "Mentee ID", "Mentee", "Mentee e-mail", "Mentee organisation", "Mentor ID", "Mentor", "Mentor e-mail",
    "Mentor organisation", "Flash session", "Round",
)
PLANNED_ONLY_NOTE = "No round has been held yet, so these are the planned meetings."
FLASH_MEETING = "Flash meeting"
GROUP_SESSION = "Group session"


def _flash_names(session: Session, event_id: int) -> dict[int, str]:
    return dict(session.execute(select(FlashSession.id, FlashSession.name)
                                .where(FlashSession.event_id == event_id)).all())


def meetings_table(session: Session, event_id: int, report: Report) -> DataTable:
    found = load_meetings(session, event_id)
    report(0.7)
    flash_names = _flash_names(session, event_id)
    rows: list[tuple[Value, ...]] = []
    for m in found.meetings:
        mine, theirs = m.mentee_view, m.mentor_view
        rows.append((
            flash_names.get(m.flash_session_id, ""), m.round, m.table,
            m.mentee.person_id, m.mentee.full, m.mentee.organization,
            m.mentor.person_id, m.mentor.full, m.mentor.organization,
            m.requested, m.held,
            mine.rating if mine else None, bool(mine and mine.wants_follow_up), mine.comment if mine else "",
            bool(theirs and theirs.wants_follow_up), theirs.comment if theirs else "",
        ))
    notes = (PLANNED_ONLY_NOTE,) if rows and found.basis == "planned" else ()
    return DataTable("meetings", "Flash meetings", MEETINGS_HEADER, tuple(rows), notes)


def feedback_table(session: Session, event_id: int, report: Report) -> DataTable:
    tz = event_zone(session, event_id)
    author, about = aliased(Person), aliased(Person)
    found = session.execute(
        select(Feedback, author, about).join(author, author.id == Feedback.author_id)
        .outerjoin(about, about.id == Feedback.about_person_id)
        .where(author.event_id == event_id).order_by(Feedback.created_at, Feedback.id)
    ).all()
    report(0.5)
    flash_names = _flash_names(session, event_id)
    group_sessions = {
        meeting.id: (meeting, name) for meeting, name in session.execute(
            select(GroupSession, MentorGroup.name).join(MentorGroup, MentorGroup.id == GroupSession.group_id)
            .where(MentorGroup.event_id == event_id))
    }
    rows: list[tuple[Value, ...]] = []
    for entry, by, subject in found:
        if entry.group_session_id is not None:
            meeting, group_name = group_sessions[entry.group_session_id]
            starts = local_time(meeting.starts_at, session_zone(session, meeting))
            kind, where, round_number = GROUP_SESSION, group_name, None
            day = starts.date() if starts else None
        else:
            kind, where, round_number, day = FLASH_MEETING, flash_names.get(entry.flash_session_id or 0, ""), \
                entry.round_number, None
        rows.append((
            local_time(entry.created_at, tz), by.id, by.full_name, by.role.value.capitalize(),
            subject.full_name if subject is not None else "", kind, where, round_number, day,
            entry.rating, bool(entry.wants_follow_up), entry.comment or "",
        ))
    return DataTable("feedback", "Feedback", FEEDBACK_HEADER, tuple(rows))


def follow_ups_table(session: Session, event_id: int, report: Report) -> DataTable:
    found = feedback.mutual_follow_ups(session, event_id=event_id)
    report(0.8)
    flash_names = _flash_names(session, event_id)
    rows: tuple[tuple[Value, ...], ...] = tuple(
        (f.mentee.person_id, f.mentee.name, f.mentee.email or "", f.mentee.organization,
         f.mentor.person_id, f.mentor.name, f.mentor.email or "", f.mentor.organization,
         flash_names.get(f.flash_session_id, ""), f.round_number)
        for f in found.shown
    )
    notes: tuple[str, ...] = ()
    if found.without_consent:
        count = found.without_consent
        notes = (f"{count} more pair{'s' if count != 1 else ''} both asked to follow up, but did not both agree "
                 f"to share contact details, so {'they are' if count != 1 else 'it is'} not listed.",)
    return DataTable("follow-ups", "Mutual follow-ups", FOLLOW_UPS_HEADER, rows, notes)
