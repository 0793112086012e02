"""Recording feedback: one cell at a time from the grid, or a person's whole form from the kiosk."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.models import (
    Feedback,
    FlashSession,
)
from mentordesk.models.normalize import nfc
from mentordesk.services.feedback.feedback_data import (
    COMMENT_MAX_CHARS,
    KEEP,
    RATING_RANGE,
    Answer,
    FeedbackEntry,
    FeedbackError,
    Meeting,
    _Keep,
)
from mentordesk.services.feedback.meeting_reads import (
    _meeting_exists,
    _people,
)

# --------------------------------------------------------------------------- recording


def record_feedback(
    session: Session,
    flash_session_id: int,
    round_number: int,
    *,
    author_id: int,
    about_person_id: int,
    rating: int | _Keep | None = KEEP,
    wants_follow_up: bool | _Keep = KEEP,
    comment: str | _Keep = KEEP,
) -> FeedbackEntry:
    """Record (or update) what ``author_id`` says about meeting ``about_person_id`` in that round.

    Fields left at ``KEEP`` stay as they were. Raises ``FeedbackError`` for a rating outside 1–5,
    a comment that is too long, or two people who did not meet at a table in that round.
    """
    if rating is not KEEP and rating is not None and (
            isinstance(rating, bool) or not isinstance(rating, int)
            or not RATING_RANGE[0] <= rating <= RATING_RANGE[1]):
        raise FeedbackError(f"a rating is a whole number from {RATING_RANGE[0]} to {RATING_RANGE[1]} "
                                f"(or none), not {rating!r}")
    if comment is not KEEP:
        comment = nfc(comment.strip())
        if len(comment) > COMMENT_MAX_CHARS:
            raise FeedbackError(f"a comment can be at most {COMMENT_MAX_CHARS} characters long")
    if author_id == about_person_id:
        raise FeedbackError("feedback is about the other person at the table, not oneself")
    if session.get(FlashSession, flash_session_id) is None:
        raise FeedbackError(f"there is no flash session {flash_session_id}")
    if not _meeting_exists(session, flash_session_id, round_number, author_id, about_person_id):
        names = _people(session, {author_id, about_person_id})
        who = " and ".join(names[p].full_name if p in names else f"person {p}" for p in (author_id, about_person_id))
        raise FeedbackError(f"{who} did not meet at a table in round {round_number}")

    row = session.scalars(
        select(Feedback).where(Feedback.author_id == author_id, Feedback.about_person_id == about_person_id,
                               Feedback.flash_session_id == flash_session_id,
                               Feedback.round_number == round_number).order_by(Feedback.id).limit(1)
    ).first()
    if row is None:
        row = Feedback(author_id=author_id, about_person_id=about_person_id, flash_session_id=flash_session_id,
                       round_number=round_number, rating=None, wants_follow_up=False, comment="")
        session.add(row)
    if rating is not KEEP:
        row.rating = rating
    if wants_follow_up is not KEEP:
        row.wants_follow_up = bool(wants_follow_up)
    if comment is not KEEP:
        row.comment = comment
    entry = FeedbackEntry(author_id, about_person_id, flash_session_id, round_number, row.rating,
                          bool(row.wants_follow_up), row.comment or "")
    if entry.is_empty:
        # Nothing said any more: no row, so counts of feedback given stay true.
        if row in session.new:
            session.expunge(row)
        else:
            session.delete(row)
    session.flush()
    return entry


def record_mentee_feedback(
    session: Session, meeting: Meeting, *, rating: int | _Keep | None = KEEP,
    wants_follow_up: bool | _Keep = KEEP, comment: str | _Keep = KEEP,
) -> FeedbackEntry:
    """The mentee's side of ``meeting`` (rating, follow-up, comment about the mentor)."""
    return record_feedback(session, meeting.flash_session_id, meeting.round_number, author_id=meeting.mentee_id,
                           about_person_id=meeting.mentor_id, rating=rating, wants_follow_up=wants_follow_up,
                           comment=comment)


def record_mentor_feedback(
    session: Session, meeting: Meeting, *, wants_follow_up: bool | _Keep = KEEP, comment: str | _Keep = KEEP,
) -> FeedbackEntry:
    """The mentor's side of ``meeting`` (follow-up and comment about the mentee)."""
    return record_feedback(session, meeting.flash_session_id, meeting.round_number, author_id=meeting.mentor_id,
                           about_person_id=meeting.mentee_id, wants_follow_up=wants_follow_up, comment=comment)



def record_answers(session: Session, person_id: int, answers: list[Answer] | tuple[Answer, ...]) -> int:
    """Save a person's own answers about their meetings (one form at the kiosk); how many saved.

    A mentee's answer is about the mentor; a mentor's about the mentee (mentors give no rating).
    """
    for answer in answers:
        m = answer.meeting
        if person_id == m.mentee_id:
            record_mentee_feedback(session, m, rating=answer.rating, wants_follow_up=answer.wants_follow_up,
                                   comment=answer.comment)
        elif person_id == m.mentor_id:
            if answer.rating is not None:
                raise FeedbackError("mentors give no rating at the kiosk, only a follow-up and a comment")
            record_mentor_feedback(session, m, wants_follow_up=answer.wants_follow_up, comment=answer.comment)
        else:
            raise FeedbackError(f"meeting in round {m.round_number} is not one of this person's meetings")
    return len(answers)
