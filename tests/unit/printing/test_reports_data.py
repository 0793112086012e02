"""Report data: summary figures, follow-ups, arrivals, group attendance rates, take-home privacy rules."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from paper_fixtures import add_feedback, add_group, add_people, save_rotation
from sqlalchemy import select

from mentordesk.models import (
    AttendanceStatus,
    FlashRound,
    Goal,
    GoalProgress,
    MentorRequest,
    Person,
    Role,
)
from mentordesk.models.store import EventStore
from mentordesk.printing.catalog import DocumentError
from mentordesk.printing.group_report_data import attendance_rate, build_group_report
from mentordesk.printing.summary_data import arrival_bars, build_summary
from mentordesk.printing.take_home_data import build_take_home
from mentordesk.services import checkin
from mentordesk.services.flash import load_plan

MENTORS = [("Ada", "Lovelace"), ("Grace", "Hopper")]
MENTEES = [("Alan", "Turing"), ("Edsger", "Dijkstra"), ("Barbara", "Liskov")]


def _start_rounds(store: EventStore, flash_id: int, upto: int) -> None:
    with store.session() as session:
        for row in session.scalars(select(FlashRound).where(FlashRound.session_id == flash_id)):
            if row.number <= upto:
                row.started_at = datetime(2026, 5, 4, 10, row.number, tzinfo=UTC)


def test_empty_event_summary(store: EventStore) -> None:
    with store.read_session() as session:
        data = build_summary(session)
    assert data.registered == data.arrived == 0
    assert data.meetings == () and data.basis == "planned" and data.flash_sessions == 0
    assert data.average_rating is None and data.rating_count == 0
    assert data.arrivals == () and data.meetings_per_mentee == () and data.follow_ups == ()


def test_registered_and_arrived_by_role(store: EventStore) -> None:
    people = add_people(store, MENTORS, MENTEES)
    add_people(store, [], [("Late", "Comer")], check_in=False, tag="late")
    with store.session() as session:
        # An undone check-in is not an arrival; a check-out after arriving still is.
        entry = checkin.check_in(session, session.scalars(select(Person.id).where(Person.last_name == "Comer")).one())
        checkin.undo(session, entry.entry_id)
        checkin.check_out(session, people.mentees[0])
    with store.read_session() as session:
        data = build_summary(session)
    counts = {r.role: (r.registered, r.arrived) for r in data.roles}
    assert counts == {Role.MENTOR: (2, 2), Role.MENTEE: (4, 3), Role.FACILITATOR: (0, 0)}


def test_meetings_ratings_requests_and_mutual_follow_ups(store: EventStore) -> None:
    people = add_people(store, MENTORS, MENTEES)
    with store.session() as session:
        session.add(MentorRequest(mentee_id=people.mentees[0], mentor_id=people.mentors[0]))
        session.add(MentorRequest(mentee_id=people.mentees[1], mentor_id=people.mentors[1]))
    flash_id = save_rotation(store, rounds=3)
    with store.read_session() as session:
        plan = load_plan(session, flash_id)
    planned = {(mentee, mentor) for mentee, mentor in plan.pairs()}
    with store.read_session() as session:
        before = build_summary(session)
    assert before.basis == "planned" and len(before.meetings) == len(planned)

    _start_rounds(store, flash_id, 2)
    held = [(mentee, mentor, r.number) for r in plan.rounds[:2] for mentee, mentor in r.pairs()]
    (a_mentee, a_mentor, a_round), (b_mentee, b_mentor, b_round) = held[0], held[1]
    add_feedback(store, flash_id, a_round, a_mentee, a_mentor, rating=5, follow_up=True)
    add_feedback(store, flash_id, a_round, a_mentor, a_mentee, rating=4, follow_up=True)
    add_feedback(store, flash_id, b_round, b_mentee, b_mentor, rating=2, follow_up=True)
    with store.read_session() as session:
        data = build_summary(session)
    assert data.basis == "held"
    assert {(m.mentee.person_id, m.mentor.person_id) for m in data.meetings} == {(m, t) for m, t, _r in held}
    assert all(m.held for m in data.meetings)
    # Mentees rate meetings; the mentor's rating (written here directly) is not a meeting rating.
    assert data.ratings == (0, 1, 0, 0, 1) and data.average_rating == pytest.approx(3.5)
    assert data.mutual_follow_ups == 1 and data.follow_ups_without_consent == 0
    (pair,) = data.follow_ups
    assert (pair.mentee.person_id, pair.mentor.person_id) == (a_mentee, a_mentor)
    met = {(m, t) for m, t, _r in held}
    requests = {(people.mentees[0], people.mentors[0]), (people.mentees[1], people.mentors[1])}
    assert data.requests_total == 2 and data.requests_honoured == len(requests & met)
    assert sum(count for _n, count in data.meetings_per_mentee) == len(people.mentees)
    assert sum(n * count for n, count in data.meetings_per_mentee) == len(held)


def test_follow_up_without_both_consents_is_not_mutual(store: EventStore) -> None:
    people = add_people(store, MENTORS[:1], MENTEES[:1])
    flash_id = save_rotation(store, rounds=1)
    with store.session() as session:
        mentor = session.get(Person, people.mentors[0])
        assert mentor is not None
        mentor.consent_share_contact = False
    add_feedback(store, flash_id, 1, people.mentees[0], people.mentors[0], rating=4, follow_up=True)
    add_feedback(store, flash_id, 1, people.mentors[0], people.mentees[0], follow_up=True)
    with store.read_session() as session:
        data = build_summary(session)
        home = build_take_home(session)
    assert data.basis == "held"  # feedback for round 1 means it took place
    assert data.mutual_follow_ups == 0 and data.follow_ups == () and data.follow_ups_without_consent == 1
    (sheet,) = home.sheets
    (met,) = sheet.meetings
    assert met.email is None and met.you_follow_up and not met.mutual


def test_arrival_buckets() -> None:
    start = datetime(2026, 5, 4, 9, 2, tzinfo=UTC)
    times = [start, start + timedelta(minutes=2), start + timedelta(minutes=31)]
    bars, minutes = arrival_bars(times, UTC)
    assert minutes == 5
    assert bars[0].label == "09:00" and bars[0].count == 2
    assert sum(b.count for b in bars) == 3 and len(bars) == 7
    wide, wide_minutes = arrival_bars([start, start + timedelta(hours=9)], UTC)
    assert wide_minutes == 30 and len(wide) <= 24


def test_group_attendance_rates_and_goals(store: EventStore) -> None:
    people = add_people(store, MENTORS[:1], MENTEES, check_in=False)
    mentor, (m1, m2, m3) = people.mentors[0], people.mentees
    statuses = {(0, m1): AttendanceStatus.PRESENT, (1, m1): AttendanceStatus.LATE, (2, m1): AttendanceStatus.ABSENT,
                (0, m2): AttendanceStatus.EXCUSED, (1, m2): AttendanceStatus.PRESENT,
                (0, mentor): AttendanceStatus.PRESENT}
    group_id = add_group(store, "Robotics Circle", mentor, [m1, m2, m3], sessions=4, statuses=statuses)
    with store.session() as session:
        goal = Goal(person_id=m1, group_id=group_id, title="Give a talk", target_on=date(2026, 6, 1))
        session.add(goal)
        session.flush()
        session.add_all([GoalProgress(goal_id=goal.id, recorded_on=date(2026, 3, 2), percent=10, note="Picked a topic"),
                         GoalProgress(goal_id=goal.id, recorded_on=date(2026, 3, 9), percent=40, note="Draft slides")])
    now = datetime(2026, 3, 20, tzinfo=UTC)  # sessions 1–3 held, 4 to come
    with store.read_session() as session:
        data = build_group_report(session, now=now)
        empty = build_group_report(session, group="Robotics Circle", now=datetime(2026, 1, 1, tzinfo=UTC))
    (group,) = data.groups
    assert group.sessions_held == 3 and group.sessions_upcoming == 1
    rows = {m.person.person_id: m for m in group.members}
    assert (rows[m1].present, rows[m1].late, rows[m1].absent, rows[m1].rate) == (1, 1, 1, pytest.approx(2 / 3))
    assert (rows[m2].excused, rows[m2].rate, rows[m2].unrecorded) == (1, 1.0, 1)
    assert rows[m3].rate is None and rows[m3].unrecorded == 3
    assert group.rate == pytest.approx(4 / 5)
    assert [m.full for m in group.mentors] == ["Ada Lovelace"]
    (line,) = group.goals
    assert (line.percent, line.last_note, line.updates) == (40, "Draft slides", 2)
    assert empty.groups[0].sessions_held == 0 and empty.groups[0].rate is None
    assert attendance_rate(0, 0, 0) is None


def test_take_home_lists_meetings_contacts_and_goals(store: EventStore) -> None:
    people = add_people(store, MENTORS, MENTEES[:1])
    with store.session() as session:
        shy = session.get(Person, people.mentors[1])
        assert shy is not None
        shy.consent_share_contact = False
        session.add(Goal(person_id=people.mentees[0], title="Ship a side project"))
    save_rotation(store, rounds=2)
    with store.read_session() as session:
        data = build_take_home(session)
        one = build_take_home(session, person="alan turing")
        with pytest.raises(DocumentError, match="no mentee called 'Nobody'"):
            build_take_home(session, person="Nobody")
    (sheet,) = data.sheets
    assert one.sheets == data.sheets
    emails = {m.mentor.person_id: m.email for m in sheet.meetings}
    assert emails == {people.mentors[0]: "mentor0@example.org", people.mentors[1]: None}
    assert [g.title for g in sheet.goals] == ["Ship a side project"]
    assert data.basis == "planned"


def test_take_home_on_an_empty_event(store: EventStore) -> None:
    with store.read_session() as session:
        assert build_take_home(session).sheets == ()
        assert build_group_report(session).groups == ()
