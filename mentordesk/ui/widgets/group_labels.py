"""Words and formats for groups as people read them: kinds, roles, statuses, dates and rates.

Shared by the Groups screens and the group item models, so it lives on the shared floor.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtGui import QColor

from mentordesk.models import (
    AttendanceStatus,
    GoalStatus,
    GroupKind,
    MemberRole,
    SessionMode,
)

KIND_LABELS = {
    GroupKind.GROUP: "Group",
    GroupKind.ONE_ON_ONE: "One-on-one",
    GroupKind.PEER_CIRCLE: "Peer circle",
    GroupKind.REVERSE: "Reverse mentoring",
}
ROLE_LABELS = {MemberRole.MENTOR: "Mentor", MemberRole.MENTEE: "Mentee", MemberRole.PEER: "Peer"}
STATUS_LABELS = {
    AttendanceStatus.PRESENT: "Present",
    AttendanceStatus.LATE: "Late",
    AttendanceStatus.ABSENT: "Absent",
    AttendanceStatus.EXCUSED: "Excused",
}
#: The letter typed for each status (the service's STATUS_KEYS read the other way round).
STATUS_LETTERS = {
    AttendanceStatus.PRESENT: "P",
    AttendanceStatus.LATE: "L",
    AttendanceStatus.ABSENT: "A",
    AttendanceStatus.EXCUSED: "E",
}
GOAL_STATUS_LABELS = {GoalStatus.OPEN: "Open", GoalStatus.ACHIEVED: "Achieved", GoalStatus.DROPPED: "Dropped"}
MODE_LABELS = {SessionMode.IN_PERSON: "In person", SessionMode.REMOTE: "Remote"}


def day_text(day: date) -> str:
    """``Thu 26 Nov 2026``: the weekday matters to people planning weekly meetings."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def when_text(at: datetime) -> str:
    return f"{day_text(at.date())} · {at:%H:%M}"


def rate_text(rate: float | None) -> str:
    return "–" if rate is None else f"{round(rate * 100)} %"


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def status_colour(status: AttendanceStatus) -> QColor:
    """A colour that reads on light and dark themes alike; the word carries the meaning, not the colour."""
    return QColor({AttendanceStatus.PRESENT: "#2e8b57", AttendanceStatus.LATE: "#c77c02",
                   AttendanceStatus.ABSENT: "#c0392b", AttendanceStatus.EXCUSED: "#5b7db1"}[status])
