"""People at an event: mentors, mentees and facilitators, their requests and no-go pairs.

Whether someone is checked in is not stored here: it is derived from the append-only check-in
log (see ``checkin.py``).
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from mentordesk.models.base import Base, UTCDateTime, str_enum, utcnow
from mentordesk.models.normalize import clean, email_key, fold

if TYPE_CHECKING:
    from mentordesk.models.checkin import CheckinEntry


class Role(enum.StrEnum):
    MENTOR = "mentor"
    MENTEE = "mentee"
    FACILITATOR = "facilitator"


class Person(Base):
    __tablename__ = "person"
    __table_args__ = (
        UniqueConstraint("event_id", "badge_code"),
        # E-mail addresses are unique per event ignoring case; email_key holds the folded form,
        # NULL when there is no address (NULLs never collide).
        UniqueConstraint("event_id", "email_key"),
        CheckConstraint("length(trim(first_name)) + length(trim(last_name)) > 0", name="has_name"),
        CheckConstraint("length(badge_code) >= 4", name="badge_code_length"),
        Index("ix_person_event_search", "event_id", "search_key"),
        Index("ix_person_event_external", "event_id", "external_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    first_name: Mapped[str] = mapped_column(String(200), default="")
    last_name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str | None] = mapped_column(String(320))
    email_key: Mapped[str | None] = mapped_column(String(320))
    role: Mapped[Role] = mapped_column(str_enum(Role, "role"))
    organization: Mapped[str] = mapped_column(String(300), default="")
    title: Mapped[str] = mapped_column(String(300), default="")
    pronouns: Mapped[str] = mapped_column(String(40), default="")
    #: Department for staff programmes, grade or class for schools.
    department: Mapped[str] = mapped_column(String(200), default="")
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    consent_share_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Identifier from the ticketing export (attendee or order number), used to match re-imports.
    external_id: Mapped[str | None] = mapped_column(String(120))
    #: Opaque code printed on the badge (and in its QR code); no personal data inside.
    badge_code: Mapped[str] = mapped_column(String(32))
    is_walk_in: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    #: Folded "first last" for accent- and case-insensitive search; kept in step by validators.
    search_key: Mapped[str] = mapped_column(String(400), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    checkins: Mapped[list[CheckinEntry]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True, order_by="CheckinEntry.id"
    )
    requests: Mapped[list[MentorRequest]] = relationship(
        foreign_keys="MentorRequest.mentee_id",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="MentorRequest.rank",
    )

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)

    @validates("first_name", "last_name", "organization", "title", "department", "pronouns")
    def _validate_text(self, key: str, value: str | None) -> str:
        value = clean(value)
        if key == "first_name":
            self.search_key = fold(f"{value} {self.last_name or ''}")
        elif key == "last_name":
            self.search_key = fold(f"{self.first_name or ''} {value}")
        return value

    @validates("email")
    def _validate_email(self, key: str, value: str | None) -> str | None:
        value = value.strip() if value else None
        self.email_key = email_key(value)
        return value or None

    @validates("topics")
    def _validate_topics(self, key: str, value: list[str] | None) -> list[str]:
        # Written once however capitalised or accented ("Café", "cafe"), as first written.
        seen: dict[str, str] = {}
        for topic in value or []:
            cleaned = clean(topic)
            if fold(cleaned) and fold(cleaned) not in seen:
                seen[fold(cleaned)] = cleaned
        return list(seen.values())

    def __repr__(self) -> str:
        return f"Person(id={self.id!r}, name={self.full_name!r}, role={self.role!r})"


class MentorRequest(Base):
    """A mentee asking to meet a particular mentor; ``rank`` 1 is the first choice."""

    __tablename__ = "mentor_request"
    __table_args__ = (
        UniqueConstraint("mentee_id", "mentor_id"),
        CheckConstraint("mentee_id <> mentor_id", name="not_self"),
        CheckConstraint("rank >= 1", name="rank_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    mentee_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    mentor_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    rank: Mapped[int] = mapped_column(Integer, default=1)

    mentor: Mapped[Person] = relationship(foreign_keys=[mentor_id])


class NoGoPair(Base):
    """Two people who must never be seated together (conflict of interest, manager and report …).

    Stored once per pair with the lower id first, so the database can refuse duplicates.
    """

    __tablename__ = "no_go_pair"
    __table_args__ = (
        UniqueConstraint("person_a_id", "person_b_id"),
        CheckConstraint("person_a_id < person_b_id", name="ordered"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_a_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    person_b_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    reason: Mapped[str] = mapped_column(String(300), default="")
