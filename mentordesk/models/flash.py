"""Flash (speed) mentoring: sessions, their tables and rounds, who sits where, and the clock.

A flash session is planned as rounds × tables. Each round records, for every participant, a seat:
mentor or mentee at a table, or waiting / on a break. Re-planning rewrites the seats of future
rounds only; rounds that have been run keep theirs. The round clock's state is persisted so that
a crash or a restart resumes the countdown where it was.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import BigInteger, Boolean, CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mentordesk.models.base import Base, UTCDateTime, str_enum, utcnow


class PlanMode(enum.StrEnum):
    ROTATE = "rotate"
    MATCH = "match"


class SessionStatus(enum.StrEnum):
    DRAFT = "draft"
    PLANNED = "planned"
    RUNNING = "running"
    FINISHED = "finished"


class SeatKind(enum.StrEnum):
    MENTOR = "mentor"
    MENTEE = "mentee"
    WAITING = "waiting"
    BREAK = "break"


class ClockState(enum.StrEnum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


class ClockPhase(enum.StrEnum):
    MEETING = "meeting"
    CHANGEOVER = "changeover"


class FlashSession(Base):
    __tablename__ = "flash_session"
    __table_args__ = (
        CheckConstraint("round_count BETWEEN 1 AND 100", name="round_count_range"),
        CheckConstraint("round_minutes BETWEEN 1 AND 240", name="round_minutes_range"),
        CheckConstraint("changeover_seconds BETWEEN 0 AND 3600", name="changeover_seconds_range"),
        CheckConstraint("seats_per_table BETWEEN 1 AND 3", name="seats_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200), default="Flash mentoring")
    mode: Mapped[PlanMode] = mapped_column(str_enum(PlanMode, "plan_mode"), default=PlanMode.ROTATE)
    status: Mapped[SessionStatus] = mapped_column(str_enum(SessionStatus, "session_status"),
                                                  default=SessionStatus.DRAFT)
    round_count: Mapped[int] = mapped_column(Integer, default=6)
    round_minutes: Mapped[int] = mapped_column(Integer, default=7)
    #: The changeover between two rounds, in seconds (a facilitator may want 90 s).
    changeover_seconds: Mapped[int] = mapped_column(Integer, default=60)
    #: Mentees per table (1 to 3).
    seats_per_table: Mapped[int] = mapped_column(Integer, default=1)
    #: With fewer mentees than seats, mentors take turns on a break instead of sitting idle.
    mentor_breaks: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    planned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    tables: Mapped[list[FlashTable]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="FlashTable.number"
    )
    rounds: Mapped[list[FlashRound]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="FlashRound.number"
    )
    clock: Mapped[FlashClock | None] = relationship(cascade="all, delete-orphan", passive_deletes=True)


class FlashTable(Base):
    __tablename__ = "flash_table"
    __table_args__ = (UniqueConstraint("session_id", "number"), CheckConstraint("number >= 1", name="number_positive"))

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("flash_session.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    #: What is written on the table tent, e.g. "Table 3 — by the window".
    label: Mapped[str] = mapped_column(String(100), default="")


class FlashRound(Base):
    __tablename__ = "flash_round"
    __table_args__ = (UniqueConstraint("session_id", "number"), CheckConstraint("number >= 1", name="number_positive"))

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("flash_session.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    seats: Mapped[list[FlashSeat]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="FlashSeat.id"
    )


class FlashSeat(Base):
    """Where one person is during one round."""

    __tablename__ = "flash_seat"
    __table_args__ = (
        UniqueConstraint("round_id", "person_id"),
        CheckConstraint(
            "(kind IN ('mentor', 'mentee')) = (table_number IS NOT NULL)", name="table_iff_seated"
        ),
        CheckConstraint("spot IS NULL OR kind = 'waiting'", name="spot_only_when_waiting"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("flash_round.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    kind: Mapped[SeatKind] = mapped_column(str_enum(SeatKind, "seat_kind"))
    table_number: Mapped[int | None] = mapped_column(Integer)
    #: Where a waiting mentee waits, when the rotate planner names a place ("waiting spot 3a",
    #: "beside table 4"); None elsewhere and in match mode (one waiting area).
    spot: Mapped[str | None] = mapped_column(String(60))


class FlashClock(Base):
    """The persisted state of a session's round clock.

    The remaining time is never stored; it is recomputed from ``phase_started_at`` (wall-clock,
    UTC) and ``elapsed_us`` (time already run before the last pause, in microseconds), so a
    restarted app shows the same countdown as before the crash. ``phase_started_mono_us`` and
    ``mono_boot_id`` tie ``phase_started_at`` to the monotonic clock, so that a wall-clock step
    made while the app was closed is noticed when it reopens within the same boot.
    """

    __tablename__ = "flash_clock"
    __table_args__ = (
        CheckConstraint("elapsed_us >= 0", name="elapsed_non_negative"),
        CheckConstraint("round_number >= 0", name="round_non_negative"),
        CheckConstraint("(state = 'running') = (phase_started_at IS NOT NULL)", name="running_has_anchor"),
    )

    session_id: Mapped[int] = mapped_column(ForeignKey("flash_session.id", ondelete="CASCADE"), primary_key=True)
    state: Mapped[ClockState] = mapped_column(str_enum(ClockState, "clock_state"), default=ClockState.IDLE)
    #: 0 before the first round starts.
    round_number: Mapped[int] = mapped_column(Integer, default=0)
    phase: Mapped[ClockPhase] = mapped_column(str_enum(ClockPhase, "clock_phase"), default=ClockPhase.MEETING)
    phase_started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    elapsed_us: Mapped[int] = mapped_column(BigInteger, default=0)
    #: The monotonic clock (µs, of boot ``mono_boot_id``) at ``phase_started_at``; None when unknown.
    phase_started_mono_us: Mapped[int | None] = mapped_column(BigInteger)
    mono_boot_id: Mapped[str | None] = mapped_column(String(64))
    #: Time added to the current phase with "+1 minute".
    extra_seconds: Mapped[int] = mapped_column(Integer, default=0)
    #: When End finished the session before its last round ran out (None otherwise). The row then
    #: keeps the round, phase, run and extra time End interrupted, so that "Undo end" can put the
    #: clock back where it was (``services/flash/clock.undo_end``).
    ended_early_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: The state End interrupted (running or paused); None unless ``ended_early_at`` is set.
    ended_from: Mapped[ClockState | None] = mapped_column(str_enum(ClockState, "clock_ended_from"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
