"""The plain, frozen data the group services return (and a few they take).

Times are timezone-aware ``datetime`` values in the session's own zone (``timezone`` field), so
``starts_at.strftime("%H:%M")`` is the wall-clock time people meet at.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from mentordesk.models import (
    AttendanceStatus,
    Frequency,
    GoalStatus,
    GroupKind,
    MemberRole,
    Role,
    SessionMode,
)
from mentordesk.services.domain_error import DomainError


class GroupError(DomainError):
    """Something the coordinator asked for that cannot be done; the message is one line for them."""


# --------------------------------------------------------------------------- groups


@dataclass(frozen=True)
class MemberInfo:
    """A person in one group, with what forming and rosters need to know about them."""

    person_id: int
    first_name: str
    last_name: str
    role: MemberRole
    #: Their role at the event (mentor / mentee / facilitator), not in this group.
    event_role: Role
    department: str
    topics: tuple[str, ...]
    badge_code: str

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)


@dataclass(frozen=True)
class GroupSummary:
    """One line of the group list."""

    id: int
    name: str
    kind: GroupKind
    topic: str
    location: str
    archived: bool
    mentor_count: int
    mentee_count: int
    peer_count: int
    session_count: int
    #: Start of the next session that is not cancelled (None: nothing scheduled).
    next_starts_at: datetime | None
    #: The mentors' names, in sign-in order (for the group list).
    mentor_names: tuple[str, ...] = ()

    @property
    def member_count(self) -> int:
        return self.mentor_count + self.mentee_count + self.peer_count


@dataclass(frozen=True)
class GroupDetails:
    id: int
    name: str
    kind: GroupKind
    topic: str
    description: str
    location: str
    archived: bool
    #: In sign-in order (surname, first name; accents and case ignored).
    members: tuple[MemberInfo, ...]


# --------------------------------------------------------------------------- forming


@dataclass(frozen=True)
class Candidate:
    """A person the auto-former may place, with the facts it weighs."""

    person_id: int
    name: str
    role: Role
    department: str
    topics: tuple[str, ...]


@dataclass(frozen=True)
class ProposedGroup:
    name: str
    kind: GroupKind
    #: People whose event role is mentor (in reverse mentoring they are the ones mentored).
    mentor_ids: tuple[int, ...]
    #: Everyone else (peers in a peer circle), in the order they were placed.
    mentee_ids: tuple[int, ...]


@dataclass(frozen=True)
class Proposal:
    """Groups suggested by :func:`propose_groups`, adjustable before :func:`accept_proposal`."""

    groups: tuple[ProposedGroup, ...]
    #: Everyone the proposal may place, by id (so scores need no database).
    people: tuple[Candidate, ...]
    #: Mentors left over (more mentors than groups allow) or people not placed.
    unassigned: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()

    def person(self, person_id: int) -> Candidate:
        for candidate in self.people:
            if candidate.person_id == person_id:
                return candidate
        raise KeyError(person_id)


@dataclass(frozen=True)
class ProposalScore:
    """How good a proposal is, each figure measurable on its own (see ``forming``)."""

    #: Largest minus smallest mentee count over the groups (0 or 1 is balanced).
    size_spread: int
    #: Mean share of a mentee's group-mates who share a topic with them (0 … 1).
    topic_cohesion: float
    #: Worst department (or grade) imbalance: for each department, most minus fewest per group.
    department_spread: int
    #: Groups without a mentor (kinds that need one).
    groups_without_mentor: int


# --------------------------------------------------------------------------- sessions


@dataclass(frozen=True)
class Recurrence:
    """How a series repeats: every ``interval`` weeks, or monthly on the same weekday.

    Ends after ``count`` sessions or on ``until`` (inclusive), whichever is given (one is needed).
    """

    frequency: Frequency = Frequency.WEEKLY
    interval: int = 1
    until: date | None = None
    count: int | None = None


@dataclass(frozen=True)
class SessionPlan:
    """What the "schedule sessions" form asks for; ``recurrence`` None is a one-off session."""

    starts_on: date
    start_time: time
    duration_minutes: int = 60
    location: str = ""
    mode: SessionMode = SessionMode.IN_PERSON
    meeting_url: str = ""
    topic: str = ""
    title: str = ""
    #: IANA zone name; None or "" is the event's zone, else this computer's zone.
    timezone: str | None = None
    recurrence: Recurrence | None = None


@dataclass(frozen=True)
class AttendanceCounts:
    present: int = 0
    late: int = 0
    absent: int = 0
    excused: int = 0
    #: Members with nothing recorded yet.
    unmarked: int = 0

    @property
    def attended(self) -> int:
        return self.present + self.late


@dataclass(frozen=True)
class SessionInfo:
    id: int
    group_id: int
    group_name: str
    series_id: int | None
    title: str
    topic: str
    #: Aware, in ``timezone``.
    starts_at: datetime
    duration_minutes: int
    timezone: str
    location: str
    mode: SessionMode
    meeting_url: str
    cancelled: bool
    #: Where the series had put it, when it was moved (aware, in ``timezone``).
    original_starts_at: datetime | None
    counts: AttendanceCounts

    @property
    def ends_at(self) -> datetime:
        # Python adds to an aware time on the wall clock; go through UTC so a session that spans
        # a daylight-saving change still lasts its minutes.
        utc = self.starts_at.astimezone(UTC) + timedelta(minutes=self.duration_minutes)
        return utc.astimezone(self.starts_at.tzinfo)

    @property
    def moved(self) -> bool:
        return self.original_starts_at is not None

    @property
    def when(self) -> str:
        """"Tue 16 Mar 2027, 18:00–19:30" in the session's own zone."""
        end = self.ends_at
        span = f"{self.starts_at:%H:%M}–{end:%H:%M}"
        if end.date() != self.starts_at.date():
            span = f"{self.starts_at:%H:%M}–{end:%a %d %b %H:%M}"
        return f"{self.starts_at:%a} {self.starts_at.day} {self.starts_at:%b %Y}, {span}"


@dataclass(frozen=True)
class SeriesInfo:
    id: int
    group_id: int
    frequency: Frequency
    interval: int
    until: date | None
    count: int | None
    local_start: time
    timezone: str
    duration_minutes: int
    rrule: str
    session_ids: tuple[int, ...]
    #: The date the rule starts from (the first occurrence as scheduled).
    starts_on: date | None = None
    #: "every 2 weeks on Tuesday, 10 times" (see ``describe_recurrence``).
    description: str = ""


@dataclass(frozen=True)
class SessionChanges:
    """Fields to change on one session; None leaves a field as it is."""

    title: str | None = None
    topic: str | None = None
    duration_minutes: int | None = None
    location: str | None = None
    mode: SessionMode | None = None
    meeting_url: str | None = None


# --------------------------------------------------------------------------- attendance


@dataclass(frozen=True)
class RosterRow:
    """One line of a session's attendance roster (and of its printed sign-in sheet)."""

    person_id: int
    first_name: str
    last_name: str
    role: MemberRole
    badge_code: str
    status: AttendanceStatus | None
    note: str = ""

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)


@dataclass(frozen=True)
class ScanOutcome:
    """What a badge scan at a session did: who was marked, or why nobody was."""

    marked: bool
    person_id: int | None
    name: str
    status: AttendanceStatus | None
    #: Already marked present or late before this scan (nothing changed).
    already: bool
    #: One line for the person at the door ("Marked present", "Not a member of this group" …).
    message: str


@dataclass(frozen=True)
class AttendanceStats:
    """Attendance over held sessions; see ``attendance`` for the rule behind ``rate``."""

    held: int = 0
    present: int = 0
    late: int = 0
    absent: int = 0
    excused: int = 0
    unmarked: int = 0

    @property
    def attended(self) -> int:
        return self.present + self.late

    @property
    def rate(self) -> float | None:
        """(present + late) / (present + late + absent); None when nothing counts yet."""
        counted = self.present + self.late + self.absent
        return self.attended / counted if counted else None


@dataclass(frozen=True)
class MemberStats:
    person_id: int
    name: str
    role: MemberRole
    stats: AttendanceStats


@dataclass(frozen=True)
class GroupStats:
    group_id: int
    name: str
    #: Sessions held so far (not cancelled, started).
    sessions_held: int
    #: Summed over members (``held`` there counts person-sessions).
    total: AttendanceStats
    members: tuple[MemberStats, ...]


# --------------------------------------------------------------------------- notes, goals, history


@dataclass(frozen=True)
class SessionNotes:
    session_id: int
    agenda: str
    discussion: str
    actions: str


@dataclass(frozen=True)
class NoteInfo:
    """A free, dated note about a person, a group or a session (the demo's mentor remarks …)."""

    id: int
    person_id: int | None
    group_id: int | None
    session_id: int | None
    author: str
    body: str
    created_at: datetime


@dataclass(frozen=True)
class ProgressEntry:
    id: int
    recorded_on: date
    percent: int
    comment: str


@dataclass(frozen=True)
class GoalInfo:
    id: int
    person_id: int
    group_id: int | None
    group_name: str
    title: str
    description: str
    target_on: date | None
    status: GoalStatus
    #: The latest entry's percentage (0 without entries).
    progress: int
    entries: tuple[ProgressEntry, ...] = field(default=())


@dataclass(frozen=True)
class HistoryGroup:
    group_id: int
    name: str
    kind: GroupKind
    #: None when they have left the group (their marks keep it in the history).
    role: MemberRole | None
    stats: AttendanceStats


@dataclass(frozen=True)
class HistorySession:
    session_id: int
    group_id: int
    group_name: str
    starts_at: datetime
    topic: str
    status: AttendanceStatus | None


@dataclass(frozen=True)
class MemberHistory:
    """A person's record across every group: memberships, sessions attended, goals."""

    person_id: int
    name: str
    groups: tuple[HistoryGroup, ...]
    sessions: tuple[HistorySession, ...]
    stats: AttendanceStats
    goals: tuple[GoalInfo, ...]


@dataclass(frozen=True)
class SessionFeedbackInfo:
    id: int
    session_id: int
    author_id: int
    author_name: str
    rating: int | None
    comment: str
