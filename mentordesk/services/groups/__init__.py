"""Group mentoring programs, Qt-free: groups, forming, sessions, attendance, notes, goals, calendar.

Every function takes an SQLAlchemy ``Session`` (the caller commits: ``with store.session() as s``)
and returns frozen dataclasses from ``group_data``; problems the coordinator can fix raise
:class:`GroupError` with a one-line message. Times are aware datetimes in the session's own IANA
zone. The UI and the commands use only what is listed here.

Groups and members (``membership``)
    list_groups(s, event_id, *, include_archived=True, now=None) -> list[GroupSummary]
    get_group(s, group_id) -> GroupDetails                  # members in sign-in order
    group_members(s, group_id) -> list[MemberInfo]           # sign-in order
    available_people(s, event_id, *, exclude_group_id=None, roles=(MENTOR, MENTEE), only_ungrouped=False)
        -> list[Candidate]                                   # the pool to drag people from
    find_group_id(s, event_id, name_or_number) -> int        # GroupError lists the known groups
    create_group(s, event_id, name, kind=GROUP, *, topic="", description="", location="") -> int
    rename_group(s, group_id, name) / update_group(s, group_id, *, kind, topic, description, location, archived)
    delete_group(s, group_id)
    add_member(s, group_id, person_id, role=None, *, joined_on=None) -> MemberRole
    remove_member(s, group_id, person_id) / set_member_role(s, group_id, person_id, role)
    move_member(s, person_id, from_group_id, to_group_id, role=None) -> MemberRole   # drag-drop / keyboard
    default_role(kind, event_role) -> MemberRole

Automatic forming (``forming``): a Proposal is plain data; adjust it, then accept it
    propose_groups(s, event_id, *, group_count=None | group_size=None, kind=GROUP, person_ids=None,
                   name_prefix=None, progress=None, cancelled=None) -> Proposal   # "Group 1", "Pair 1" …
    form_groups(candidates, *, group_count | group_size, kind, names=None, progress=None, cancelled=None)
        -> Proposal   # pure; progress(fraction), cancelled() -> bool: True raises FormingCancelled
    move_in_proposal(proposal, person_id, to_group_index_or_None) -> Proposal
    rename_in_proposal(proposal, index, name) -> Proposal
    score_proposal(proposal) -> ProposalScore   # size_spread, topic_cohesion, department_spread, …
    size_spread / topic_cohesion / department_spread (proposal) -> number
    accept_proposal(s, event_id, proposal) -> tuple[group_id, ...]
    group_sizes(mentee_count, *, group_count | group_size) -> list[int]

Sessions (``group_sessions``, ``recurrence``)
    schedule_sessions(s, group_id, SessionPlan) -> tuple[session_id, ...]   # one-off or a series
    move_session(s, session_id, day, time, *, timezone=None)   # one occurrence only
    cancel_session(s, session_id) / restore_session(s, session_id) / delete_session(s, session_id)
    update_session(s, session_id, SessionChanges)
    update_series(s, series_id, SessionPlan, *, effective_from=None) -> tuple[new_session_id, ...]
                                      # change the rest of a series; worked-on occurrences are kept
    series_plan(s, series_id) -> SessionPlan                     # to fill the "change series" form
    end_series(s, series_id, *, after=None) -> int             # drop later, unmarked occurrences
    list_sessions(s, event_id, *, group_id=None, when="all"|"upcoming"|"past", now=None,
                  include_cancelled=True) -> list[SessionInfo]  # with attendance counts
    sessions_snapshot(s, event_id, *, group_id, when: When) -> SessionsSnapshot   # the Sessions tab's read
    get_session(s, session_id) -> SessionInfo / get_series(s, series_id) -> SeriesInfo
    series_recurrence(SeriesInfo) -> Recurrence
    occurrence_dates(first_day, Recurrence | None) -> list[date]   # pure preview for a form
    describe_recurrence(first_day, Recurrence | None) -> str        # "every 2 weeks on Tuesday, 10 times"
    event_zone_name(s, event_id=None) -> str; local_zone_name() -> str; zone_names() -> list[str]

Attendance (``attendance``; the rate rule is in that module's docstring)
    roster(s, session_id) -> list[RosterRow]        # sign-in order = printed sheet order
    sign_in_order(items) -> list                    # the one ordering, for any rows with names
    set_attendance(s, session_id, person_id, status | None, *, source=APP, note=None)
    set_attendance_many(s, session_id, {person_id: status | None}, *, source=APP) -> int   # a paper grid
    mark_everyone_present(s, session_id, *, overwrite=False) -> int
    mark_by_scan(s, session_id, raw, *, status=None, late_after=None, now=None) -> ScanOutcome
    member_stats(s, person_id, group_id, *, now=None) -> AttendanceStats
    group_stats(s, group_id, *, now=None) -> GroupStats
    attendance_rates(s, event_id, *, now=None) -> {group_id: rate | None}   # every group, few queries
    STATUS_KEYS: {"p": PRESENT, "l": LATE, "a": ABSENT, "e": EXCUSED}

Notes, feedback, goals, history (``notes``, ``goals``)
    get_notes(s, session_id) -> SessionNotes; save_notes(s, session_id, *, agenda, discussion, actions)
    add_note(s, body, *, person_id=None, group_id=None, session_id=None, author="") -> int   # free notes
    list_notes(s, *, person_id=None, group_id=None, session_id=None) -> list[NoteInfo]; delete_note(s, note_id)
    session_feedback(s, session_id) -> list[SessionFeedbackInfo]
    save_session_feedback(s, session_id, author_id, *, rating, comment="") -> int | None
    add_goal(s, person_id, title, *, group_id=None, target_on=None, description="") -> int
    update_goal(s, goal_id, *, title, description, target_on, status) / delete_goal(s, goal_id)
    record_progress(s, goal_id, percent, comment="", *, on=None) -> int / delete_progress(s, entry_id)
    get_goal(s, goal_id) -> GoalInfo; list_goals(s, *, person_id=None, group_id=None) -> list[GoalInfo]
    member_history(s, person_id, *, now=None) -> MemberHistory

Calendar (``calendar``)
    calendar_ics(s, event_id, *, group_id=None) -> bytes
    write_calendar(s, event_id, path, *, group_id=None) -> int   # number of events

Frozen dataclasses (``group_data``): GroupSummary, GroupDetails, MemberInfo, Candidate, ProposedGroup,
Proposal, ProposalScore, Recurrence, SessionPlan, SessionChanges, SessionInfo, SeriesInfo,
AttendanceCounts, RosterRow, ScanOutcome, AttendanceStats, MemberStats, GroupStats, SessionNotes,
ProgressEntry, GoalInfo, NoteInfo, HistoryGroup, HistorySession, MemberHistory, SessionFeedbackInfo.
Enums (from ``mentordesk.models``): GroupKind, MemberRole, AttendanceStatus, AttendanceSource,
SessionMode, Frequency, GoalStatus.
"""

from mentordesk.models import (
    AttendanceSource,
    AttendanceStatus,
    Frequency,
    GoalStatus,
    GroupKind,
    MemberRole,
    SessionMode,
)
from mentordesk.models.timezones import local_zone_name, zone_names
from mentordesk.services.groups.attendance import (
    STATUS_KEYS,
    attendance_rates,
    group_stats,
    mark_by_scan,
    mark_everyone_present,
    member_stats,
    roster,
    set_attendance,
    set_attendance_many,
)
from mentordesk.services.groups.calendar import calendar_ics, write_calendar
from mentordesk.services.groups.forming import (
    FormingCancelled,
    accept_proposal,
    department_spread,
    form_groups,
    group_sizes,
    move_in_proposal,
    propose_groups,
    rename_in_proposal,
    score_proposal,
    size_spread,
    topic_cohesion,
)
from mentordesk.services.groups.goals import (
    add_goal,
    delete_goal,
    delete_progress,
    get_goal,
    list_goals,
    member_history,
    record_progress,
    update_goal,
)
from mentordesk.services.groups.group_data import (
    AttendanceCounts,
    AttendanceStats,
    Candidate,
    GoalInfo,
    GroupDetails,
    GroupError,
    GroupStats,
    GroupSummary,
    HistoryGroup,
    HistorySession,
    MemberHistory,
    MemberInfo,
    MemberStats,
    NoteInfo,
    ProgressEntry,
    Proposal,
    ProposalScore,
    ProposedGroup,
    Recurrence,
    RosterRow,
    ScanOutcome,
    SeriesInfo,
    SessionChanges,
    SessionFeedbackInfo,
    SessionInfo,
    SessionNotes,
    SessionPlan,
)
from mentordesk.services.groups.group_sessions import (
    SessionsSnapshot,
    When,
    cancel_session,
    delete_session,
    end_series,
    get_series,
    get_session,
    list_sessions,
    move_session,
    restore_session,
    schedule_sessions,
    series_plan,
    series_recurrence,
    sessions_snapshot,
    update_series,
    update_session,
)
from mentordesk.services.groups.membership import (
    add_member,
    available_people,
    create_group,
    default_role,
    delete_group,
    find_group_id,
    get_group,
    group_members,
    list_groups,
    move_member,
    remove_member,
    rename_group,
    set_member_role,
    update_group,
)
from mentordesk.services.groups.notes import (
    add_note,
    delete_note,
    get_notes,
    list_notes,
    save_notes,
    save_session_feedback,
    session_feedback,
)
from mentordesk.services.groups.recurrence import describe_recurrence, occurrence_dates
from mentordesk.services.groups.roster_order import sign_in_order
from mentordesk.services.groups.timing import event_zone_name

__all__ = [
    "STATUS_KEYS",
    "AttendanceCounts",
    "AttendanceSource",
    "AttendanceStats",
    "AttendanceStatus",
    "Candidate",
    "FormingCancelled",
    "Frequency",
    "GoalInfo",
    "GoalStatus",
    "GroupDetails",
    "GroupError",
    "GroupKind",
    "GroupStats",
    "GroupSummary",
    "HistoryGroup",
    "HistorySession",
    "MemberHistory",
    "MemberInfo",
    "MemberRole",
    "MemberStats",
    "NoteInfo",
    "ProgressEntry",
    "Proposal",
    "ProposalScore",
    "ProposedGroup",
    "Recurrence",
    "RosterRow",
    "ScanOutcome",
    "SeriesInfo",
    "SessionChanges",
    "SessionFeedbackInfo",
    "SessionInfo",
    "SessionMode",
    "SessionNotes",
    "SessionPlan",
    "SessionsSnapshot",
    "When",
    "accept_proposal",
    "add_goal",
    "add_member",
    "add_note",
    "attendance_rates",
    "available_people",
    "calendar_ics",
    "cancel_session",
    "create_group",
    "default_role",
    "delete_goal",
    "delete_group",
    "delete_note",
    "delete_progress",
    "delete_session",
    "department_spread",
    "describe_recurrence",
    "end_series",
    "event_zone_name",
    "find_group_id",
    "form_groups",
    "get_goal",
    "get_group",
    "get_notes",
    "get_series",
    "get_session",
    "group_members",
    "group_sizes",
    "group_stats",
    "list_goals",
    "list_groups",
    "list_notes",
    "list_sessions",
    "local_zone_name",
    "mark_by_scan",
    "mark_everyone_present",
    "member_history",
    "member_stats",
    "move_in_proposal",
    "move_member",
    "move_session",
    "occurrence_dates",
    "propose_groups",
    "record_progress",
    "remove_member",
    "rename_group",
    "rename_in_proposal",
    "restore_session",
    "roster",
    "save_notes",
    "save_session_feedback",
    "schedule_sessions",
    "score_proposal",
    "series_plan",
    "series_recurrence",
    "session_feedback",
    "sessions_snapshot",
    "set_attendance",
    "set_attendance_many",
    "set_member_role",
    "sign_in_order",
    "size_spread",
    "topic_cohesion",
    "update_goal",
    "update_group",
    "update_series",
    "update_session",
    "write_calendar",
    "zone_names",
]
