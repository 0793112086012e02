"""Badge data from the event file: who gets a badge, in what order, with which itinerary."""

from __future__ import annotations

import pytest
from badge_fixtures import PEOPLE, add_people, save_rotation

from mentordesk.models import Role
from mentordesk.models.store import EventStore
from mentordesk.printing.badge_data import build_badges
from mentordesk.printing.catalog import DocumentError
from mentordesk.services import checkin


def test_badges_carry_the_people_as_written(store: EventStore) -> None:
    added = add_people(store)
    with store.read_session() as session:
        data = build_badges(session)
    assert data.event_name == "Spring Flash Mentoring"
    by_id = {b.person_id: b for b in data.badges}
    assert set(by_id) == {a.id for a in added}
    for person in added:
        badge = by_id[person.id]
        assert (badge.first_name, badge.last_name, badge.organization, badge.role, badge.badge_code) == (
            person.first, person.last, person.organization, person.role, person.code)
    # One-name people print that name large.
    lukasz = next(b for b in data.badges if b.first_name == "Łukasz")
    assert (lukasz.display_first, lukasz.display_last) == ("Łukasz", "")


def test_badges_are_sorted_by_surname(store: EventStore) -> None:
    add_people(store, [("Anna", "Zeller", "", Role.MENTEE), ("Bob", "Adams", "", Role.MENTEE),
                       ("Émile", "Ávila", "", Role.MENTEE)])
    with store.read_session() as session:
        surnames = [b.last_name for b in build_badges(session).badges]
    assert surnames == ["Adams", "Ávila", "Zeller"]


def test_filters_checked_in_role_and_people(store: EventStore) -> None:
    added = add_people(store, check_in=False)
    with store.session() as session:
        checkin.check_in(session, added[0].id)
        checkin.check_in(session, added[4].id)
    with store.read_session() as session:
        assert {b.person_id for b in build_badges(session, checked_in_only=True).badges} == {added[0].id, added[4].id}
        mentors = build_badges(session, roles=[Role.MENTOR]).badges
        assert {b.role for b in mentors} == {Role.MENTOR}
        assert len(mentors) == sum(1 for p in PEOPLE if p[3] is Role.MENTOR)
        assert [b.person_id for b in build_badges(session, person_ids=[added[2].id]).badges] == [added[2].id]


def test_back_side_needs_a_plan(store: EventStore) -> None:
    add_people(store)
    with store.read_session() as session, pytest.raises(DocumentError, match="no rotation"):
        build_badges(session, with_itinerary=True)


def test_itineraries_come_from_the_saved_plan(store: EventStore) -> None:
    added = add_people(store)
    save_rotation(store, rounds=3)
    with store.read_session() as session:
        data = build_badges(session, with_itinerary=True)
    mentees = [b for b in data.badges if b.role is Role.MENTEE]
    mentors = [b for b in data.badges if b.role is Role.MENTOR]
    assert mentees and all(len(b.itinerary) == 3 for b in mentees)
    assert [line.round for line in mentees[0].itinerary] == [1, 2, 3]
    mentor_names = {" ".join(p for p in (a.first, a.last) if p) for a in added if a.role is Role.MENTOR}
    for badge in mentees:
        for line in badge.itinerary:
            if line.table is not None:
                assert line.with_whom in mentor_names
            else:
                assert line.note in {"waiting", "—"}
    # A mentor's badge lists the table for every round.
    assert all(len(b.itinerary) == 3 and all(line.table is not None for line in b.itinerary) for b in mentors)
    facilitator = next(b for b in data.badges if b.role is Role.FACILITATOR)
    assert facilitator.itinerary == ()
