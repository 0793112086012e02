"""A session's notes (agenda, what was discussed, actions), free notes, and feedback on a session.

Free notes (``Note`` rows) are dated remarks about a person, a group or a session, each with an
author; the session's own agenda, discussion and actions are fields of the session.

Feedback on a group session is one ``Feedback`` row per author and session (rating 1–5 and/or a
comment); saving again replaces it, and saving it empty removes it.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.models import Feedback, GroupMember, Note, Person
from mentordesk.models.normalize import clean
from mentordesk.services.groups.group_data import (
    GroupError,
    NoteInfo,
    SessionFeedbackInfo,
    SessionNotes,
)
from mentordesk.services.groups.rows import session_row

COMMENT_MAX_CHARS = 2_000


def get_notes(session: Session, session_id: int) -> SessionNotes:
    m = session_row(session, session_id)
    return SessionNotes(m.id, m.agenda or "", m.discussion or "", m.actions or "")


def save_notes(session: Session, session_id: int, *, agenda: str | None = None, discussion: str | None = None,
               actions: str | None = None) -> SessionNotes:
    """Save a session's notes (None leaves a part as it is); returns them as stored."""
    m = session_row(session, session_id)
    if agenda is not None:
        m.agenda = agenda.strip()
    if discussion is not None:
        m.discussion = discussion.strip()
    if actions is not None:
        m.actions = actions.strip()
    session.flush()
    return get_notes(session, session_id)


def session_feedback(session: Session, session_id: int) -> list[SessionFeedbackInfo]:
    rows = session.execute(select(Feedback, Person).join(Person, Person.id == Feedback.author_id)
                           .where(Feedback.group_session_id == session_id).order_by(Feedback.id)).all()
    return [SessionFeedbackInfo(f.id, session_id, p.id, p.full_name, f.rating, f.comment or "") for f, p in rows]


def save_session_feedback(session: Session, session_id: int, author_id: int, *, rating: int | None,
                          comment: str = "") -> int | None:
    """Record (or replace) one member's feedback on a session; empty feedback removes it.

    Returns the feedback id, or None when it was removed.
    """
    meeting = session_row(session, session_id)
    if rating is not None and not (isinstance(rating, int) and 1 <= rating <= 5):
        raise GroupError("A rating is from 1 to 5 stars.")
    comment = (comment or "").strip()
    if len(comment) > COMMENT_MAX_CHARS:
        raise GroupError(f"A comment can have at most {COMMENT_MAX_CHARS} characters.")
    is_member = session.scalar(select(GroupMember.id).where(GroupMember.group_id == meeting.group_id,
                                                           GroupMember.person_id == author_id))
    if is_member is None:
        raise GroupError("Only members of the group can give feedback on its sessions.")
    existing = session.scalar(select(Feedback).where(Feedback.group_session_id == session_id,
                                                     Feedback.author_id == author_id))
    if rating is None and not comment:
        if existing is not None:
            session.delete(existing)
            session.flush()
        return None
    if existing is None:
        existing = Feedback(author_id=author_id, group_session_id=session_id)
        session.add(existing)
    existing.rating = rating
    existing.comment = comment
    session.flush()
    return existing.id


def _note_info(note: Note) -> NoteInfo:
    return NoteInfo(note.id, note.person_id, note.group_id, note.session_id, note.author or "", note.body,
                    note.created_at)


def add_note(session: Session, body: str, *, person_id: int | None = None, group_id: int | None = None,
             session_id: int | None = None, author: str = "") -> int:
    """Write a dated note about a person, a group and/or a session (at least one); returns its id."""
    body = (body or "").strip()
    if not body:
        raise GroupError("The note is empty.")
    if person_id is None and group_id is None and session_id is None:
        raise GroupError("Say who or what the note is about.")
    note = Note(person_id=person_id, group_id=group_id, session_id=session_id, author=clean(author), body=body)
    session.add(note)
    session.flush()
    return note.id


def list_notes(session: Session, *, person_id: int | None = None, group_id: int | None = None,
               session_id: int | None = None) -> list[NoteInfo]:
    """Notes about the given person / group / session (all that are given must match), oldest first."""
    if person_id is None and group_id is None and session_id is None:
        raise GroupError("Choose a person, a group or a session.")
    query = select(Note).order_by(Note.created_at, Note.id)
    for column, value in ((Note.person_id, person_id), (Note.group_id, group_id), (Note.session_id, session_id)):
        if value is not None:
            query = query.where(column == value)
    return [_note_info(n) for n in session.scalars(query)]


def delete_note(session: Session, note_id: int) -> None:
    note = session.get(Note, note_id)
    if note is None:
        raise GroupError("That note no longer exists.")
    session.delete(note)
    session.flush()
