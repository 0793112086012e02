"""The data model keeps its integrity in the database itself, not only in Python."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from mentordesk.models import (
    Attendance,
    AttendanceStatus,
    CheckinAction,
    CheckinEntry,
    Feedback,
    FlashRound,
    FlashSeat,
    FlashSession,
    Goal,
    GoalProgress,
    GroupMember,
    GroupSession,
    MemberRole,
    MentorGroup,
    MentorRequest,
    NoGoPair,
    Person,
    Role,
    SeatKind,
)
from mentordesk.models.store import EventStore


def _person(store: EventStore, first: str, last: str = "", *, email: str | None = None,
            role: Role = Role.MENTEE, code: str | None = None) -> int:
    with store.session() as session:
        person = Person(event_id=store.event_id, first_name=first, last_name=last, email=email, role=role,
                        badge_code=code or f"CODE{first.upper()[:4]}{len(last)}")
        session.add(person)
        session.flush()
        return person.id


def test_names_are_kept_as_written_in_nfc_and_searchable_without_accents(store: EventStore) -> None:
    decomposed = "Zoe\u0308"  # "Zoë" as macOS types it (NFD)
    person_id = _person(store, decomposed, "  Šimůnek ", code="ZOE00001")
    with store.read_session() as session:
        person = session.get_one(Person, person_id)
        assert person.first_name == "Zoë" and len(person.first_name) == 3
        assert person.last_name == "Šimůnek"
        assert person.search_key == "zoe simunek"


def test_letters_that_do_not_decompose_are_folded_too(store: EventStore) -> None:
    person_id = _person(store, "Łukasz", "Ødegård", code="LUK00001")
    with store.read_session() as session:
        assert session.get_one(Person, person_id).search_key == "lukasz odegard"


def test_badge_code_is_unique_per_event(store: EventStore) -> None:
    _person(store, "Ann", code="SAME0001")
    with pytest.raises(IntegrityError):
        _person(store, "Bob", code="SAME0001")


def test_email_is_unique_per_event_ignoring_case_and_spaces(store: EventStore) -> None:
    _person(store, "Ann", email="Ann@Example.org", code="ANN00001")
    with pytest.raises(IntegrityError):
        _person(store, "Annie", email="  ann@example.ORG ", code="ANN00002")


def test_people_without_email_do_not_collide(store: EventStore) -> None:
    _person(store, "Walk", "In", email=None, code="WALK0001")
    _person(store, "Other", "Walkin", email="", code="WALK0002")
    with store.read_session() as session:
        assert session.scalars(select(Person.email)).all() == [None, None]


def test_database_refuses_an_unknown_role(store: EventStore) -> None:
    with pytest.raises(IntegrityError), store.session() as session:
        session.execute(
            text(
                "INSERT INTO person (event_id, first_name, last_name, role, organization, title, pronouns, "
                "department, topics, consent_share_contact, badge_code, is_walk_in, notes, search_key, "
                "created_at, updated_at) VALUES (:e, 'X', 'Y', 'speaker', '', '', '', '', '[]', 0, "
                "'ABCD1234', 0, '', 'x y', '2026-01-01', '2026-01-01')"
            ),
            {"e": store.event_id},
        )


def test_foreign_keys_are_enforced(store: EventStore) -> None:
    with pytest.raises(IntegrityError), store.session() as session:
        session.add(CheckinEntry(person_id=999_999, action=CheckinAction.CHECK_IN))


def test_checkin_log_is_append_only(store: EventStore) -> None:
    person_id = _person(store, "Ann", code="ANN00001")
    with store.session() as session:
        session.add(CheckinEntry(person_id=person_id, action=CheckinAction.CHECK_IN, station="Desk 1"))
    with pytest.raises(IntegrityError, match="append-only"), store.session() as session:
        session.execute(text("UPDATE checkin_entry SET station = 'forged'"))
    with store.read_session() as session:
        assert session.scalars(select(CheckinEntry.station)).all() == ["Desk 1"]


def test_undo_entry_must_point_at_an_entry(store: EventStore) -> None:
    person_id = _person(store, "Ann", code="ANN00001")
    with pytest.raises(IntegrityError), store.session() as session:
        session.add(CheckinEntry(person_id=person_id, action=CheckinAction.UNDO))


def test_timestamps_come_back_timezone_aware_utc(store: EventStore) -> None:
    person_id = _person(store, "Ann", code="ANN00001")
    local = datetime(2026, 5, 4, 9, 30, tzinfo=UTC).astimezone()
    with store.session() as session:
        session.add(CheckinEntry(person_id=person_id, action=CheckinAction.CHECK_IN, at=local))
    with store.read_session() as session:
        stored = session.scalars(select(CheckinEntry.at)).one()
    assert stored.tzinfo == UTC and stored == local


def test_naive_timestamps_are_refused(store: EventStore) -> None:
    person_id = _person(store, "Ann", code="ANN00001")
    with pytest.raises(Exception, match="timezone-aware"), store.session() as session:
        session.add(CheckinEntry(person_id=person_id, action=CheckinAction.CHECK_IN, at=datetime(2026, 1, 1)))
        session.flush()


def test_no_go_pairs_are_stored_once_in_order(store: EventStore) -> None:
    a = _person(store, "Ann", code="ANN00001")
    b = _person(store, "Bob", code="BOB00001")
    with pytest.raises(IntegrityError), store.session() as session:
        session.add(NoGoPair(person_a_id=max(a, b), person_b_id=min(a, b)))


def test_seats_at_a_table_need_a_table_and_waiting_seats_do_not(store: EventStore) -> None:
    mentee = _person(store, "Ann", code="ANN00001")
    with store.session() as session:
        flash = FlashSession(event_id=store.event_id)
        session.add(flash)
        session.flush()
        round_ = FlashRound(session_id=flash.id, number=1)
        session.add(round_)
        session.flush()
        round_id = round_.id
        session.add(FlashSeat(round_id=round_id, person_id=mentee, kind=SeatKind.WAITING))
    with pytest.raises(IntegrityError), store.session() as session:
        session.add(FlashSeat(round_id=round_id, person_id=_person(store, "Bob", code="BOB00001"),
                              kind=SeatKind.MENTEE, table_number=None))


def test_feedback_rating_and_subject_are_checked(store: EventStore) -> None:
    a = _person(store, "Ann", code="ANN00001")
    b = _person(store, "Bob", code="BOB00001", role=Role.MENTOR)
    with store.session() as session:
        flash = FlashSession(event_id=store.event_id)
        session.add(flash)
        session.flush()
        flash_id = flash.id
    with pytest.raises(IntegrityError), store.session() as session:
        session.add(Feedback(author_id=a, about_person_id=b, flash_session_id=flash_id, round_number=1, rating=6))
    with pytest.raises(IntegrityError), store.session() as session:
        session.add(Feedback(author_id=a, rating=4))  # no subject at all
    with store.session() as session:
        session.add(Feedback(author_id=a, about_person_id=b, flash_session_id=flash_id, round_number=1, rating=5,
                             wants_follow_up=True))


def test_erasing_a_person_removes_every_record_of_them(store: EventStore) -> None:
    mentee = _person(store, "Ann", "Erased", code="ANN00001")
    mentor = _person(store, "Bob", "Mentor", code="BOB00001", role=Role.MENTOR)
    now = datetime.now(UTC)
    with store.session() as session:
        entry = CheckinEntry(person_id=mentee, action=CheckinAction.CHECK_IN)
        session.add(entry)
        session.flush()
        session.add(CheckinEntry(person_id=mentee, action=CheckinAction.UNDO, undoes_id=entry.id))
        session.add(MentorRequest(mentee_id=mentee, mentor_id=mentor))
        group = MentorGroup(event_id=store.event_id, name="Robotics")
        session.add(group)
        session.flush()
        session.add(GroupMember(group_id=group.id, person_id=mentee, role=MemberRole.MENTEE))
        meeting = GroupSession(group_id=group.id, starts_at=now)
        session.add(meeting)
        session.flush()
        session.add(Attendance(session_id=meeting.id, person_id=mentee, status=AttendanceStatus.PRESENT))
        goal = Goal(person_id=mentee, title="Give a talk")
        session.add(goal)
        session.flush()
        session.add(GoalProgress(goal_id=goal.id, recorded_on=now.date(), percent=30))
    with store.session() as session:
        session.delete(session.get_one(Person, mentee))
    with store.read_session() as session:
        for table in ("checkin_entry", "mentor_request", "group_member", "attendance", "goal", "goal_progress"):
            assert session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() == 0, table
        assert session.get(Person, mentor) is not None
