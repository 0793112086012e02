"""Feedback on a flash meeting or a group session: a rating, a comment, and "I'd like to follow up".

A follow-up is mutual when both people asked for it about each other; contact details are only
shared when both also consented to sharing them (``Person.consent_share_contact``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from mentordesk.models.base import Base, UTCDateTime, utcnow


class Feedback(Base):
    __tablename__ = "feedback"
    __table_args__ = (
        # Exactly one subject: a flash meeting (session + round + the other person) or a group session.
        CheckConstraint("(flash_session_id IS NULL) <> (group_session_id IS NULL)", name="one_subject"),
        CheckConstraint(
            "flash_session_id IS NULL OR (round_number IS NOT NULL AND about_person_id IS NOT NULL)",
            name="flash_meeting_complete",
        ),
        CheckConstraint("rating IS NULL OR rating BETWEEN 1 AND 5", name="rating_range"),
        CheckConstraint("about_person_id IS NULL OR about_person_id <> author_id", name="not_about_self"),
        # One row per author and subject, so two stations saving at once cannot leave two answers.
        # NULLs never clash, so each constraint only binds rows of its own subject.
        UniqueConstraint("author_id", "about_person_id", "flash_session_id", "round_number",
                         name="uq_feedback_one_per_meeting"),
        UniqueConstraint("author_id", "group_session_id", name="uq_feedback_one_per_group_session"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    about_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    flash_session_id: Mapped[int | None] = mapped_column(ForeignKey("flash_session.id", ondelete="CASCADE"), index=True)
    round_number: Mapped[int | None] = mapped_column(Integer)
    group_session_id: Mapped[int | None] = mapped_column(ForeignKey("group_session.id", ondelete="CASCADE"), index=True)
    rating: Mapped[int | None] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    wants_follow_up: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
