"""The data model: SQLAlchemy 2 typed models, Qt-free.

Importing this package registers every table on ``Base.metadata``; the store and the migrations
rely on that.
"""

from mentordesk.models.base import Base, utcnow
from mentordesk.models.checkin import CheckinAction, CheckinEntry, CheckinMethod
from mentordesk.models.event import Event
from mentordesk.models.feedback import Feedback
from mentordesk.models.flash import (
    ClockPhase,
    ClockState,
    FlashClock,
    FlashRound,
    FlashSeat,
    FlashSession,
    FlashTable,
    PlanMode,
    SeatKind,
    SessionStatus,
)
from mentordesk.models.goal import Goal, GoalProgress, GoalStatus, Note
from mentordesk.models.group import (
    Attendance,
    AttendanceSource,
    AttendanceStatus,
    Frequency,
    GroupKind,
    GroupMember,
    GroupSession,
    MemberRole,
    MentorGroup,
    SessionMode,
    SessionSeries,
)
from mentordesk.models.person import MentorRequest, NoGoPair, Person, Role

__all__ = [
    "Attendance",
    "AttendanceSource",
    "AttendanceStatus",
    "Base",
    "CheckinAction",
    "CheckinEntry",
    "CheckinMethod",
    "ClockPhase",
    "ClockState",
    "Event",
    "Feedback",
    "FlashClock",
    "FlashRound",
    "FlashSeat",
    "FlashSession",
    "FlashTable",
    "Frequency",
    "Goal",
    "GoalProgress",
    "GoalStatus",
    "GroupKind",
    "GroupMember",
    "GroupSession",
    "MemberRole",
    "MentorGroup",
    "MentorRequest",
    "NoGoPair",
    "Note",
    "Person",
    "PlanMode",
    "Role",
    "SeatKind",
    "SessionMode",
    "SessionSeries",
    "SessionStatus",
    "utcnow",
]
