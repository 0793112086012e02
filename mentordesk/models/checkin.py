"""The append-only check-in log.

Every arrival, departure and correction is a new row; nothing is ever updated (a trigger refuses
UPDATE). An undo is a row that points at the entry it cancels. Whether a person is checked in is
derived: their latest entry that has not been undone is a check-in. Rows are deleted only when a
person is erased on request, together with the person.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import DDL, CheckConstraint, ForeignKey, Index, String, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mentordesk.models.base import Base, UTCDateTime, str_enum, utcnow

if TYPE_CHECKING:
    from mentordesk.models.person import Person


class CheckinAction(enum.StrEnum):
    CHECK_IN = "check_in"
    CHECK_OUT = "check_out"
    UNDO = "undo"


class CheckinMethod(enum.StrEnum):
    SCAN = "scan"
    CODE = "code"
    NAME = "name"
    KIOSK = "kiosk"
    BULK = "bulk"
    COMMAND_LINE = "command_line"
    MANUAL = "manual"


class CheckinEntry(Base):
    __tablename__ = "checkin_entry"
    __table_args__ = (
        CheckConstraint("(action = 'undo') = (undoes_id IS NOT NULL)", name="undo_has_target"),
        Index("ix_checkin_entry_person_id_id", "person_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    action: Mapped[CheckinAction] = mapped_column(str_enum(CheckinAction, "action"))
    method: Mapped[CheckinMethod] = mapped_column(str_enum(CheckinMethod, "method"), default=CheckinMethod.MANUAL)
    #: When it happened; for a bulk check-in from a paper list, the time written on the list.
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: When the row was written, which differs from ``at`` for after-the-fact entries.
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    station: Mapped[str] = mapped_column(String(100), default="")
    undoes_id: Mapped[int | None] = mapped_column(
        ForeignKey("checkin_entry.id", ondelete="CASCADE"), unique=True
    )

    person: Mapped[Person] = relationship(back_populates="checkins")


#: The log is append-only: the database itself refuses to change a row.
APPEND_ONLY_TRIGGER_SQLITE = (
    "CREATE TRIGGER checkin_entry_append_only BEFORE UPDATE ON checkin_entry "
    "BEGIN SELECT RAISE(ABORT, 'the check-in log is append-only'); END"
)

event.listen(
    CheckinEntry.__table__,
    "after_create",
    DDL(APPEND_ONLY_TRIGGER_SQLITE).execute_if(dialect="sqlite"),
)
