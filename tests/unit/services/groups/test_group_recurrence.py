"""Recurring sessions keep their wall-clock time across daylight-saving changes; single occurrences move."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from groups_fixtures import set_event_zone, small_group
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from mentordesk.models import GroupSession, SessionSeries
from mentordesk.models.store import EventStore
from mentordesk.services.groups import (
    Frequency,
    GroupError,
    Recurrence,
    SessionChanges,
    SessionMode,
    SessionPlan,
    cancel_session,
    describe_recurrence,
    get_series,
    get_session,
    list_sessions,
    move_session,
    occurrence_dates,
    restore_session,
    schedule_sessions,
    update_session,
)
from mentordesk.services.groups.recurrence import rrule_text, week_of_month
from mentordesk.services.groups.timing import local_instant

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def test_weekly_series_across_spring_change_in_berlin_stays_at_local_time(store: EventStore) -> None:
    group_id, _mentor, _mentees = small_group(store)
    plan = SessionPlan(date(2027, 3, 16), time(18, 0), 90, "Lab 2.14", timezone="Europe/Berlin",
                       recurrence=Recurrence(Frequency.WEEKLY, count=4))
    with store.session() as s:
        ids = schedule_sessions(s, group_id, plan)
    with store.read_session() as s:
        infos = [get_session(s, i) for i in ids]
    # Berlin moves to summer time on Sunday 28 March 2027.
    assert [i.starts_at.date() for i in infos] == [date(2027, 3, 16), date(2027, 3, 23), date(2027, 3, 30),
                                                   date(2027, 4, 6)]
    assert {i.starts_at.time() for i in infos} == {time(18, 0)}
    utc_hours = [i.starts_at.astimezone(UTC).hour for i in infos]
    assert utc_hours == [17, 17, 16, 16]
    assert all(i.timezone == "Europe/Berlin" and i.duration_minutes == 90 for i in infos)
    assert infos[0].ends_at == datetime(2027, 3, 16, 19, 30, tzinfo=BERLIN)
    assert infos[0].when == "Tue 16 Mar 2027, 18:00–19:30"


def test_every_two_weeks_across_autumn_change_in_new_york_until_a_date(store: EventStore) -> None:
    group_id, *_ = small_group(store)
    # New York leaves daylight time on Sunday 7 November 2027.
    plan = SessionPlan(date(2027, 10, 20), time(16, 30), timezone="America/New_York",
                       recurrence=Recurrence(Frequency.WEEKLY, interval=2, until=date(2027, 11, 17)))
    with store.session() as s:
        ids = schedule_sessions(s, group_id, plan)
        series_id = s.get_one(GroupSession, ids[0]).series_id
        assert series_id is not None
        series = get_series(s, series_id)
        infos = [get_session(s, i) for i in ids]
    assert [i.starts_at.date() for i in infos] == [date(2027, 10, 20), date(2027, 11, 3), date(2027, 11, 17)]
    assert all(i.starts_at.time() == time(16, 30) for i in infos)
    assert [i.starts_at.utcoffset() for i in infos] == [timedelta(hours=-4)] * 2 + [timedelta(hours=-5)]
    assert series.rrule == "FREQ=WEEKLY;INTERVAL=2;UNTIL=20271117"
    assert series.local_start == time(16, 30) and series.timezone == "America/New_York"
    assert series.session_ids == ids


def test_monthly_on_the_same_weekday() -> None:
    second_tuesdays = occurrence_dates(date(2027, 1, 12), Recurrence(Frequency.MONTHLY_WEEKDAY, count=5))
    assert second_tuesdays == [date(2027, 1, 12), date(2027, 2, 9), date(2027, 3, 9), date(2027, 4, 13),
                               date(2027, 5, 11)]
    assert all(d.weekday() == 1 and 8 <= d.day <= 14 for d in second_tuesdays)
    # A fifth Friday means "the last Friday": months without a fifth one are not skipped.
    last_fridays = occurrence_dates(date(2027, 1, 29), Recurrence(Frequency.MONTHLY_WEEKDAY, until=date(2027, 5, 31)))
    assert last_fridays == [date(2027, 1, 29), date(2027, 2, 26), date(2027, 3, 26), date(2027, 4, 30),
                            date(2027, 5, 28)]
    assert rrule_text(date(2027, 1, 29), Recurrence(Frequency.MONTHLY_WEEKDAY, count=3)) == \
        "FREQ=MONTHLY;BYDAY=-1FR;COUNT=3"
    assert describe_recurrence(date(2027, 1, 12), Recurrence(Frequency.MONTHLY_WEEKDAY, count=5)) == \
        "monthly on the 2nd Tuesday, 5 times"
    assert describe_recurrence(date(2027, 1, 12), Recurrence(Frequency.WEEKLY, 2, until=date(2027, 3, 9))) == \
        "every 2 weeks on Tuesday until 9 Mar 2027"


def test_until_is_inclusive_and_count_is_exact() -> None:
    assert occurrence_dates(date(2027, 9, 6), Recurrence(until=date(2027, 9, 20))) == [
        date(2027, 9, 6), date(2027, 9, 13), date(2027, 9, 20)]
    assert len(occurrence_dates(date(2027, 9, 6), Recurrence(count=12))) == 12
    assert occurrence_dates(date(2027, 9, 6), None) == [date(2027, 9, 6)]


@pytest.mark.parametrize("recurrence, message", [
    (Recurrence(), "ends"),
    (Recurrence(count=3, until=date(2027, 12, 1)), "ends"),
    (Recurrence(count=0), "1 to"),
    (Recurrence(interval=0, count=3), "every"),
    (Recurrence(until=date(2027, 1, 1)), "before"),
    (Recurrence(until=date(2037, 1, 1)), "more than"),
])
def test_impossible_recurrences_are_refused_with_a_reason(recurrence: Recurrence, message: str) -> None:
    with pytest.raises(GroupError, match=message):
        occurrence_dates(date(2027, 9, 6), recurrence)


def test_a_time_skipped_by_the_spring_change_comes_out_after_it(store: EventStore) -> None:
    group_id, *_ = small_group(store)
    with store.session() as s:
        (one,) = schedule_sessions(s, group_id, SessionPlan(date(2027, 3, 28), time(2, 30), timezone="Europe/Berlin"))
        info = get_session(s, one)
    assert info.starts_at.time() == time(3, 30)
    assert info.starts_at.utcoffset() == timedelta(hours=2)


def test_moving_and_cancelling_one_occurrence_leaves_the_rest(store: EventStore) -> None:
    group_id, *_ = small_group(store)
    plan = SessionPlan(date(2027, 10, 5), time(17, 0), timezone="Europe/Berlin", topic="Soldering",
                       recurrence=Recurrence(count=6))
    with store.session() as s:
        ids = schedule_sessions(s, group_id, plan)
        before = {i: get_session(s, i) for i in ids}
        move_session(s, ids[2], date(2027, 10, 20), time(18, 15))
        cancel_session(s, ids[4])
    with store.read_session() as s:
        after = {i: get_session(s, i) for i in ids}
        sequences = dict(s.execute(select(GroupSession.id, GroupSession.ical_sequence)).all())
    moved = after[ids[2]]
    assert moved.starts_at == datetime(2027, 10, 20, 18, 15, tzinfo=BERLIN)
    assert moved.moved and moved.original_starts_at == before[ids[2]].starts_at
    assert after[ids[4]].cancelled
    for i in (ids[0], ids[1], ids[3], ids[5]):
        assert after[i] == before[i]
    # The series itself is unchanged and the last two sessions sit after the change to winter time.
    assert after[ids[5]].starts_at.time() == time(17, 0)
    assert sequences[ids[2]] == 1 and sequences[ids[4]] == 1 and sequences[ids[0]] == 0
    with store.session() as s:
        move_session(s, ids[2], date(2027, 10, 19), time(17, 0))
        restore_session(s, ids[4])
        assert not get_session(s, ids[2]).moved
        assert not get_session(s, ids[4]).cancelled


def test_one_off_remote_session_and_edits(store: EventStore) -> None:
    group_id, *_ = small_group(store)
    set_event_zone(store, "Asia/Tokyo")
    with store.session() as s:
        with pytest.raises(GroupError, match="link"):
            schedule_sessions(s, group_id, SessionPlan(date(2027, 5, 1), time(9, 0), mode=SessionMode.REMOTE))
        with pytest.raises(GroupError, match="web link"):
            schedule_sessions(s, group_id, SessionPlan(date(2027, 5, 1), time(9, 0), mode=SessionMode.REMOTE,
                                                       meeting_url="zoom meeting 42"))
        with pytest.raises(GroupError, match="time zone"):
            schedule_sessions(s, group_id, SessionPlan(date(2027, 5, 1), time(9, 0), timezone="Mars/Olympus"))
        (one,) = schedule_sessions(s, group_id, SessionPlan(date(2027, 5, 1), time(9, 0), mode=SessionMode.REMOTE,
                                                            meeting_url="https://meet.example.org/robotics"))
        assert s.scalar(select(SessionSeries.id)) is None
        update_session(s, one, SessionChanges(topic="Sensors", duration_minutes=45, location="Online"))
        info = get_session(s, one)
    assert info.timezone == "Asia/Tokyo" and info.starts_at.hour == 9
    assert (info.topic, info.duration_minutes, info.location) == ("Sensors", 45, "Online")
    assert info.mode is SessionMode.REMOTE and info.meeting_url.endswith("/robotics")


def test_upcoming_and_past_across_groups_filterable_by_group(store: EventStore) -> None:
    group_a, *_ = small_group(store, "Alpha")
    with store.session() as s:
        from mentordesk.services.groups import create_group
        group_b = create_group(s, store.event_id, "Beta")
        schedule_sessions(s, group_a, SessionPlan(date(2027, 1, 4), time(10, 0), timezone="UTC",
                                                  recurrence=Recurrence(count=4)))
        schedule_sessions(s, group_b, SessionPlan(date(2027, 1, 6), time(10, 0), timezone="UTC",
                                                  recurrence=Recurrence(count=4)))
    now = datetime(2027, 1, 15, 12, 0, tzinfo=UTC)
    with store.read_session() as s:
        upcoming = list_sessions(s, store.event_id, when="upcoming", now=now)
        past = list_sessions(s, store.event_id, when="past", now=now)
        only_b = list_sessions(s, store.event_id, group_id=group_b, when="upcoming", now=now)
        everything = list_sessions(s, store.event_id)
    assert [i.starts_at.date() for i in upcoming] == [date(2027, 1, 18), date(2027, 1, 20), date(2027, 1, 25),
                                                      date(2027, 1, 27)]
    assert [i.starts_at.date() for i in past] == [date(2027, 1, 13), date(2027, 1, 11), date(2027, 1, 6),
                                                  date(2027, 1, 4)]
    assert {i.group_name for i in only_b} == {"Beta"} and len(only_b) == 2
    assert len(everything) == 8 and everything == sorted(everything, key=lambda i: i.starts_at)
    assert upcoming[0].counts.unmarked == 5  # the five members of Alpha, nobody marked yet


ZONES = ["Europe/Berlin", "America/New_York", "Australia/Sydney", "America/Santiago", "Asia/Kolkata", "UTC"]


@settings(max_examples=80, deadline=None)
@given(zone_name=st.sampled_from(ZONES), first=st.dates(date(2026, 1, 1), date(2030, 12, 31)),
       at=st.times().map(lambda t: t.replace(second=0, microsecond=0)), interval=st.integers(1, 3),
       count=st.integers(1, 30), monthly=st.booleans())
def test_every_occurrence_keeps_the_wall_clock_time_and_the_rule(zone_name: str, first: date, at: time,
                                                                 interval: int, count: int, monthly: bool) -> None:
    recurrence = Recurrence(Frequency.MONTHLY_WEEKDAY if monthly else Frequency.WEEKLY, interval, count=count)
    days = occurrence_dates(first, recurrence)
    assert len(days) == count and days[0] == first
    for earlier, later in itertools.pairwise(days):
        if monthly:
            assert later.weekday() == first.weekday()
            if week_of_month(first) == -1:  # "last": a week later is another month
                assert (later + timedelta(days=7)).month != later.month
            else:
                assert week_of_month(later) == week_of_month(first)
            assert (later.year * 12 + later.month) - (earlier.year * 12 + earlier.month) == interval
        else:
            assert (later - earlier).days == 7 * interval
    for day in days:
        moment = local_instant(day, at, zone_name)
        naive = datetime.combine(day, at)
        exists = naive.replace(tzinfo=ZoneInfo(zone_name)).astimezone(UTC).astimezone(ZoneInfo(zone_name)) \
            .replace(tzinfo=None) == naive
        if exists:
            assert moment.replace(tzinfo=None) == naive  # same wall-clock time on every date
        else:
            assert moment.date() == day and moment.time() > at  # pushed past a spring-forward gap


def test_a_session_across_the_autumn_change_lasts_its_minutes(store: EventStore) -> None:
    group_id, *_ = small_group(store)
    with store.session() as s:
        (one,) = schedule_sessions(s, group_id, SessionPlan(date(2027, 10, 31), time(1, 30), 120,
                                                            timezone="Europe/Berlin"))
        info = get_session(s, one)
    # (Subtracting two times of one zone is wall-clock arithmetic in Python: compare in UTC.)
    assert info.ends_at.astimezone(UTC) - info.starts_at.astimezone(UTC) == timedelta(minutes=120)
    assert info.ends_at.strftime("%H:%M") == "02:30"  # 01:30 CEST + 2 h = 02:30 CET
