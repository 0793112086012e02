"""Changing the rest of a series keeps the past and every occurrence someone worked on."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from groups_fixtures import small_group
from sqlalchemy import select

from mentordesk.models import Attendance, AttendanceSource, AttendanceStatus, GroupSession
from mentordesk.models.store import EventStore
from mentordesk.services.groups import (
    Frequency,
    GroupError,
    Recurrence,
    SessionPlan,
    cancel_session,
    delete_session,
    end_series,
    get_series,
    get_session,
    list_sessions,
    move_session,
    roster,
    save_notes,
    schedule_sessions,
    series_plan,
    set_attendance,
    set_attendance_many,
    update_series,
)

BERLIN = ZoneInfo("Europe/Berlin")


def test_series_change_from_a_date_on(store: EventStore) -> None:
    group_id, mentor, _mentees = small_group(store)
    with store.session() as s:
        ids = schedule_sessions(s, group_id, SessionPlan(date(2027, 1, 5), time(16, 0), timezone="Europe/Berlin",
                                                         topic="Robots", recurrence=Recurrence(count=8)))
        series_id = s.get_one(GroupSession, ids[0]).series_id
        assert series_id is not None
        info = get_series(s, series_id)
        assert info.description == "weekly on Tuesday, 8 times" and info.starts_on == date(2027, 1, 5)
        plan = series_plan(s, series_id)
        assert plan.start_time == time(16, 0) and plan.recurrence == Recurrence(Frequency.WEEKLY, 1, None, 8)
        # Worked on: a marked session, a moved one, a cancelled one, one with notes (all after the change).
        set_attendance(s, ids[4], mentor, AttendanceStatus.PRESENT)
        move_session(s, ids[5], date(2027, 2, 11), time(16, 0))
        cancel_session(s, ids[6])
        save_notes(s, ids[7], agenda="Final demo")
        new_ids = update_series(
            s, series_id,
            SessionPlan(date(2027, 1, 28), time(17, 30), 45, topic="Sensors", timezone="Europe/Berlin",
                        recurrence=Recurrence(Frequency.WEEKLY, 2, until=date(2027, 4, 10))),
            effective_from=datetime(2027, 1, 20, tzinfo=UTC),
        )
        sessions = list_sessions(s, store.event_id, group_id=group_id)
        changed = get_series(s, series_id)
    kept_past = [i for i in sessions if i.id in ids[:3]]
    assert [i.starts_at for i in kept_past] == [datetime(2027, 1, d, 16, 0, tzinfo=BERLIN) for d in (5, 12, 19)]
    assert {i.id for i in sessions} == set(ids[:3]) | set(ids[4:]) | set(new_ids)  # 26 Jan went: untouched
    new = [i for i in sessions if i.id in new_ids]
    assert [i.starts_at.date() for i in new] == [date(2027, 1, 28), date(2027, 2, 11), date(2027, 2, 25),
                                                 date(2027, 3, 11), date(2027, 3, 25), date(2027, 4, 8)]
    assert {(i.starts_at.time(), i.duration_minutes, i.topic) for i in new} == {(time(17, 30), 45, "Sensors")}
    # Across the spring change (28 March) the new rule still meets at 17:30 local time.
    assert new[-1].starts_at.utcoffset() != new[0].starts_at.utcoffset()
    assert changed.rrule == "FREQ=WEEKLY;INTERVAL=2;UNTIL=20270410" and changed.local_start == time(17, 30)
    with pytest.raises(GroupError, match="rule"), store.session() as s:
        update_series(s, series_id, SessionPlan(date(2027, 4, 1), time(9, 0)))


def test_a_paper_grid_is_saved_in_one_go(store: EventStore) -> None:
    group_id, mentor, mentees = small_group(store)
    with store.session() as s:
        (one,) = schedule_sessions(s, group_id, SessionPlan(date(2027, 1, 5), time(16, 0), timezone="UTC"))
        marks = {mentor: AttendanceStatus.PRESENT, mentees[0]: AttendanceStatus.ABSENT,
                 mentees[1]: AttendanceStatus.EXCUSED, mentees[2]: None}
        assert set_attendance_many(s, one, marks, source=AttendanceSource.SIGN_IN_SHEET) == 3
        assert set_attendance_many(s, one, marks) == 0
        rows = {r.person_id: r.status for r in roster(s, one)}
        assert rows[mentees[0]] is AttendanceStatus.ABSENT and rows[mentees[2]] is None
        assert get_session(s, one).counts.unmarked == 2
        with pytest.raises(GroupError, match="not in this group"):
            set_attendance_many(s, one, {99999: AttendanceStatus.PRESENT})
        sources = set(s.scalars(select(Attendance.source)))
    assert sources == {AttendanceSource.SIGN_IN_SHEET}


def test_ending_a_series_keeps_the_past_and_marked_sessions(store: EventStore) -> None:
    group_id, mentor, _mentees = small_group(store)
    with store.session() as s:
        ids = schedule_sessions(s, group_id, SessionPlan(date(2027, 1, 5), time(16, 0), timezone="UTC",
                                                         recurrence=Recurrence(count=6)))
        series_id = s.get_one(GroupSession, ids[0]).series_id
        assert series_id is not None
        set_attendance(s, ids[4], mentor, AttendanceStatus.PRESENT)
        gone = end_series(s, series_id, after=datetime(2027, 1, 20, tzinfo=UTC))
        left = [i.id for i in list_sessions(s, store.event_id)]
        delete_session(s, ids[0])
        with pytest.raises(GroupError, match="no longer exists"):
            get_session(s, ids[0])
    assert gone == 2 and left == [ids[0], ids[1], ids[2], ids[4]]
