"""Attendance: roster order = sign-in sheet order, marking, badge scans, and the statistics rule."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from groups_fixtures import add_person, small_group

from mentordesk.models import AttendanceSource, AttendanceStatus, GroupKind, GroupMember
from mentordesk.models.store import EventStore
from mentordesk.printing.sign_in_data import build_sign_in_sheets
from mentordesk.printing.sign_in_data import sign_in_order as sheet_order
from mentordesk.services.groups import (
    GroupError,
    Recurrence,
    SessionPlan,
    add_member,
    attendance_rates,
    cancel_session,
    create_group,
    get_session,
    group_stats,
    mark_by_scan,
    mark_everyone_present,
    member_stats,
    remove_member,
    roster,
    schedule_sessions,
    set_attendance,
    sign_in_order,
)

P, L, A, E = AttendanceStatus.PRESENT, AttendanceStatus.LATE, AttendanceStatus.ABSENT, AttendanceStatus.EXCUSED
NOW = datetime(2027, 2, 1, 12, 0, tzinfo=UTC)


def _weekly(store: EventStore, group_id: int, count: int = 5) -> tuple[int, ...]:
    with store.session() as s:
        return schedule_sessions(s, group_id, SessionPlan(date(2027, 1, 4), time(16, 0), timezone="Europe/Berlin",
                                                          recurrence=Recurrence(count=count)))


def test_roster_is_in_the_printed_sign_in_sheet_order(store: EventStore) -> None:
    group_id, _mentor, _mentees = small_group(store)
    single_name = add_person(store, "Ølaf", "")  # one name only: filed as a surname
    ids = _weekly(store, group_id)
    with store.session() as s:
        add_member(s, group_id, single_name)
    with store.read_session() as s:
        rows = roster(s, ids[0])
        sheet = build_sign_in_sheets(s, group="Robotics", which=str(ids[0]))
    names = [r.name for r in rows]
    assert names == ["Björn Åberg", "anna Ødegård", "Amara Okafor", "Ølaf", "Zoë Šimůnek", "Émile Zola"]
    assert [r.person_id for r in rows] == [r.person_id for r in sheet.sheets[0].rows]
    assert sign_in_order(rows) == rows and sheet_order(rows) == rows


def test_marking_by_hand_everyone_present_and_clearing(store: EventStore) -> None:
    group_id, mentor, mentees = small_group(store)
    outsider = add_person(store, "Walk", "In")
    ids = _weekly(store, group_id)
    with store.session() as s:
        set_attendance(s, ids[0], mentees[0], L, note="bus")
        set_attendance(s, ids[0], mentees[1], E)
        assert mark_everyone_present(s, ids[0]) == 3
        marks = {r.person_id: r.status for r in roster(s, ids[0])}
        assert marks == {mentor: P, mentees[0]: L, mentees[1]: E, mentees[2]: P, mentees[3]: P}
        assert mark_everyone_present(s, ids[0], overwrite=True) == 2
        set_attendance(s, ids[0], mentees[2], None)
        set_attendance(s, ids[0], mentees[3], A, source=AttendanceSource.SIGN_IN_SHEET)
        counts = get_session(s, ids[0]).counts
        assert (counts.present, counts.late, counts.absent, counts.excused, counts.unmarked) == (3, 0, 1, 0, 1)
        with pytest.raises(GroupError, match="not in this group"):
            set_attendance(s, ids[0], outsider, P)


def test_badge_scan_marks_forgivingly_or_says_why_not(store: EventStore) -> None:
    group_id, _mentor, mentees = small_group(store)
    outsider = add_person(store, "Walk", "In")
    ids = _weekly(store, group_id)
    with store.session() as s:
        from mentordesk.models import Person
        code = s.get_one(Person, mentees[1]).badge_code
        outsider_code = s.get_one(Person, outsider).badge_code
        scanned = mark_by_scan(s, ids[0], f"  {code[:4].lower()}-{code[4:].lower()} ")
        assert scanned.marked and scanned.person_id == mentees[1] and scanned.status is P
        assert "Zoë Šimůnek" in scanned.message
        again = mark_by_scan(s, ids[0], code)
        assert not again.marked and again.already and "already" in again.message
        late = mark_by_scan(s, ids[0], "emile@example.org", late_after=timedelta(minutes=10),
                            now=get_session(s, ids[0]).starts_at + timedelta(minutes=25))
        assert late.marked and late.status is L and late.person_id == mentees[0]
        stranger = mark_by_scan(s, ids[0], outsider_code)
        assert not stranger.marked and stranger.message == "Walk In is not in Robotics."
        unknown = mark_by_scan(s, ids[0], "ZZZZ-0000")
        assert not unknown.marked and unknown.person_id is None and "No badge" in unknown.message
        cancel_session(s, ids[1])
        assert "cancelled" in mark_by_scan(s, ids[1], code).message
        assert mark_by_scan(s, ids[0], "   ").message == "Nothing was scanned."


def test_statistics_count_held_sessions_late_as_attended_and_leave_out_excused(store: EventStore) -> None:
    group_id, _mentor, mentees = small_group(store)
    ids = _weekly(store, group_id, count=6)  # 4, 11, 18, 25 January, 1 and 8 February
    with store.session() as s:
        cancel_session(s, ids[2])
        marks = {ids[0]: P, ids[1]: L, ids[2]: P, ids[3]: A, ids[4]: E}
        for session_id, status in marks.items():
            set_attendance(s, session_id, mentees[0], status)
        set_attendance(s, ids[0], mentees[1], P)
        set_attendance(s, ids[5], mentees[1], P)  # a session in the future: not held yet
        stats = member_stats(s, mentees[0], group_id, now=NOW)
        second = member_stats(s, mentees[1], group_id, now=NOW)
        totals = group_stats(s, group_id, now=NOW)
    # Held: 4, 11, 25 Jan (18 Jan cancelled; 1 Feb at 16:00 Berlin is after NOW; 8 Feb ahead).
    assert (stats.held, stats.present, stats.late, stats.absent, stats.excused, stats.unmarked) == (3, 1, 1, 1, 0, 0)
    assert stats.rate == pytest.approx(2 / 3)
    assert (second.held, second.present, second.unmarked) == (3, 1, 2)
    assert second.rate == 1.0  # unmarked sessions are gaps in the records, not absences
    assert totals.sessions_held == 3
    assert next(m.person_id for m in totals.members) == mentees[3]  # Åberg first: sign-in order
    assert totals.total.held == 15 and totals.total.attended == 3

    later = NOW + timedelta(days=1)
    with store.read_session() as s:
        excused = member_stats(s, mentees[0], group_id, now=later)
    assert (excused.held, excused.excused) == (4, 1)
    assert excused.rate == pytest.approx(2 / 3)  # an excused absence does not lower the rate


def test_statistics_follow_membership_dates_and_keep_records_of_people_who_left(store: EventStore) -> None:
    group_id, _mentor, mentees = small_group(store)
    ids = _weekly(store, group_id, count=4)
    with store.session() as s:
        from sqlalchemy import select
        member = s.scalar(select(GroupMember).where(GroupMember.person_id == mentees[2]))
        assert member is not None
        member.joined_on = date(2027, 1, 15)  # joined before the third session
        set_attendance(s, ids[0], mentees[3], P)
        remove_member(s, group_id, mentees[3])
    with store.read_session() as s:
        joined_late = member_stats(s, mentees[2], group_id, now=NOW)
        left = member_stats(s, mentees[3], group_id, now=NOW)
        assert mentees[2] not in {r.person_id for r in roster(s, ids[0])}
        assert mentees[3] in {r.person_id for r in roster(s, ids[0])}
        assert mentees[3] not in {r.person_id for r in roster(s, ids[1])}
        # The session list counts the same people as the roster: 4 on it, 1 marked.
        counts = get_session(s, ids[0]).counts
        assert (counts.present, counts.unmarked) == (1, len(roster(s, ids[0])) - 1) == (1, 3)
    assert (joined_late.held, joined_late.unmarked) == (2, 2)
    assert (left.held, left.present, left.rate) == (1, 1, 1.0)


def test_attendance_rates_of_every_group_match_each_groups_own_statistics(store: EventStore) -> None:
    """The group list's batched rates follow the same rule as group_stats: held sessions only,
    membership dates, excused and unmarked left out, a group without held sessions has none."""
    group_id, _mentor, mentees = small_group(store)
    others = [add_person(store, "Nia", "Mensah"), add_person(store, "Kofi", "Boateng")]
    with store.session() as s:
        other_id = create_group(s, store.event_id, "Debate", GroupKind.GROUP)
        idle_id = create_group(s, store.event_id, "Chess", GroupKind.GROUP)
        for person_id in others:
            add_member(s, other_id, person_id)
        add_member(s, idle_id, mentees[0])  # in two groups at once
    ids = _weekly(store, group_id, count=6)
    other_ids = _weekly(store, other_id, count=3)
    with store.session() as s:
        cancel_session(s, ids[2])
        for session_id, status in {ids[0]: P, ids[1]: L, ids[2]: P, ids[3]: A, ids[4]: E}.items():
            set_attendance(s, session_id, mentees[0], status)
        set_attendance(s, ids[0], mentees[1], A)
        set_attendance(s, other_ids[0], others[0], P)
        set_attendance(s, other_ids[1], others[0], A)
        remove_member(s, group_id, mentees[3])
    for when in (NOW, NOW + timedelta(days=1), datetime(2026, 12, 1, tzinfo=UTC)):
        with store.read_session() as s:
            rates = attendance_rates(s, store.event_id, now=when)
            expected = {g: group_stats(s, g, now=when).total.rate for g in (group_id, other_id, idle_id)}
        assert rates == expected
    assert expected[idle_id] is None  # nothing scheduled: no rate rather than 0 %
    with store.read_session() as s:
        assert attendance_rates(s, store.event_id, now=NOW)[other_id] == pytest.approx(0.5)
