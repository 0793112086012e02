"""Group mentoring programs: groups, members, recurring sessions and attendance.

"group" is an SQL keyword, so the table is ``mentor_group``.

Session times are wall-clock times in a named IANA zone (``timezone``): ``starts_at`` holds the
instant in UTC and the zone says how to show it, so a weekly 16:00 meeting stays at 16:00 local
time across a daylight-saving change. Columns added after the first schema (revision 0002) carry
a server default so that older files upgrade in place.
"""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mentordesk.models.base import Base, UTCDateTime, str_enum, utcnow


def new_ical_uid() -> str:
    """A globally unique iCalendar UID for a new session (RFC 5545 §3.8.4.7)."""
    return f"{uuid.uuid4()}@mentordesk"


class GroupKind(enum.StrEnum):
    GROUP = "group"
    ONE_ON_ONE = "one_on_one"
    PEER_CIRCLE = "peer_circle"
    REVERSE = "reverse"


class MemberRole(enum.StrEnum):
    MENTOR = "mentor"
    MENTEE = "mentee"
    PEER = "peer"


class AttendanceStatus(enum.StrEnum):
    PRESENT = "present"
    LATE = "late"
    ABSENT = "absent"
    EXCUSED = "excused"


class SessionMode(enum.StrEnum):
    IN_PERSON = "in_person"
    REMOTE = "remote"


class Frequency(enum.StrEnum):
    """How a series repeats; "every two weeks" is WEEKLY with an interval of 2."""

    WEEKLY = "weekly"
    #: Same weekday of the month as the first session (2nd Tuesday …; a 5th weekday means "last").
    MONTHLY_WEEKDAY = "monthly_weekday"


class AttendanceSource(enum.StrEnum):
    APP = "app"
    SIGN_IN_SHEET = "sign_in_sheet"


class MentorGroup(Base):
    __tablename__ = "mentor_group"
    __table_args__ = (
        UniqueConstraint("event_id", "name"),
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[GroupKind] = mapped_column(str_enum(GroupKind, "group_kind"), default=GroupKind.GROUP)
    description: Mapped[str] = mapped_column(Text, default="")
    location: Mapped[str] = mapped_column(String(300), default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: What the group is about (shown in lists, used in calendar titles).
    topic: Mapped[str] = mapped_column(String(300), default="", server_default="")

    members: Mapped[list[GroupMember]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="GroupMember.id"
    )
    sessions: Mapped[list[GroupSession]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="GroupSession.starts_at"
    )


class GroupMember(Base):
    __tablename__ = "group_member"
    __table_args__ = (
        UniqueConstraint("group_id", "person_id"),
        CheckConstraint("left_on IS NULL OR joined_on IS NULL OR left_on >= joined_on", name="dates_ordered"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("mentor_group.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    role: Mapped[MemberRole] = mapped_column(str_enum(MemberRole, "member_role"))
    joined_on: Mapped[date | None] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date)


class SessionSeries(Base):
    """A recurrence rule that generated a group's sessions (RFC 5545 RRULE text).

    Sessions are materialised as rows so that each can be moved, cancelled or given attendance
    on its own; the series remembers how they were made so that it can be extended or changed.
    """

    __tablename__ = "session_series"
    __table_args__ = (
        CheckConstraint("duration_minutes > 0", name="duration_positive"),
        CheckConstraint("repeat_interval >= 1", name="interval_positive"),
        CheckConstraint("repeat_count IS NULL OR repeat_count >= 1", name="count_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("mentor_group.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    first_starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=60)
    rrule: Mapped[str] = mapped_column(String(500))
    location: Mapped[str] = mapped_column(String(300), default="")
    # The rule in parts (revision 0002); ``rrule`` is kept in step for calendar export.
    frequency: Mapped[Frequency] = mapped_column(
        str_enum(Frequency, "frequency"), default=Frequency.WEEKLY, server_default=Frequency.WEEKLY.value
    )
    repeat_interval: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    until_on: Mapped[date | None] = mapped_column(Date)
    repeat_count: Mapped[int | None] = mapped_column(Integer)
    #: Local wall-clock start time in ``timezone``; every occurrence starts at this local time.
    local_start: Mapped[time | None] = mapped_column(Time)
    #: IANA zone name, e.g. "Europe/Berlin".
    timezone: Mapped[str] = mapped_column(String(64), default="", server_default="")
    topic: Mapped[str] = mapped_column(String(300), default="", server_default="")
    mode: Mapped[SessionMode] = mapped_column(
        str_enum(SessionMode, "session_mode"), default=SessionMode.IN_PERSON, server_default=SessionMode.IN_PERSON.value
    )
    meeting_url: Mapped[str] = mapped_column(String(1000), default="", server_default="")


class GroupSession(Base):
    __tablename__ = "group_session"
    __table_args__ = (
        CheckConstraint("duration_minutes > 0", name="duration_positive"),
        Index("ix_group_session_group_start", "group_id", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("mentor_group.id", ondelete="CASCADE"))
    series_id: Mapped[int | None] = mapped_column(ForeignKey("session_series.id", ondelete="SET NULL"), index=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=60)
    location: Mapped[str] = mapped_column(String(300), default="")
    agenda: Mapped[str] = mapped_column(Text, default="")
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    # Revision 0002 --------------------------------------------------------------------------
    #: IANA zone the session's wall-clock time belongs to.
    timezone: Mapped[str] = mapped_column(String(64), default="", server_default="")
    topic: Mapped[str] = mapped_column(String(300), default="", server_default="")
    mode: Mapped[SessionMode] = mapped_column(
        str_enum(SessionMode, "session_mode"), default=SessionMode.IN_PERSON, server_default=SessionMode.IN_PERSON.value
    )
    meeting_url: Mapped[str] = mapped_column(String(1000), default="", server_default="")
    #: Notes: what was discussed and the actions agreed (the agenda is ``agenda``).
    discussion: Mapped[str] = mapped_column(Text, default="", server_default="")
    actions: Mapped[str] = mapped_column(Text, default="", server_default="")
    #: Where the series had put this occurrence before it was moved (None: never moved).
    original_starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: Stable iCalendar UID, so a re-imported calendar updates events instead of duplicating them.
    ical_uid: Mapped[str] = mapped_column(String(100), default=lambda: new_ical_uid(), server_default="")
    #: iCalendar SEQUENCE: bumped on every change a calendar should pick up.
    ical_sequence: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    attendance: Mapped[list[Attendance]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="Attendance.id"
    )


class Attendance(Base):
    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("session_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("group_session.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    status: Mapped[AttendanceStatus] = mapped_column(str_enum(AttendanceStatus, "attendance_status"))
    source: Mapped[AttendanceSource] = mapped_column(
        str_enum(AttendanceSource, "attendance_source"), default=AttendanceSource.APP
    )
    note: Mapped[str] = mapped_column(String(500), default="")
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
