"""Adding walk-ins, editing, erasing on request, and merging duplicates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from mentordesk.models import GroupMember, MemberRole, MentorGroup, MentorRequest, Person, Role
from mentordesk.models.store import EventStore
from mentordesk.services import checkin, roster
from mentordesk.services.roster import PersonError, PersonInput


def test_add_walk_in_gets_a_badge_code(store: EventStore) -> None:
    with store.session() as session:
        person_id = roster.add_person(session, store.event_id, PersonInput("  Zoë ", "Šimůnek", "zoe@example.org",
                                                                           topics=("AI", " ", "AI ")), walk_in=True)
    with store.read_session() as session:
        details = roster.get_person(session, person_id)
    assert details.is_walk_in and len(details.badge_code) == 8
    assert details.data.first_name == "Zoë" and details.data.topics == ("AI",)


@pytest.mark.parametrize(
    ("data", "message"),
    [(PersonInput("", ""), "name"), (PersonInput("Ann", email="not-an-address"), "not an e-mail")],
)
def test_bad_input_is_refused(store: EventStore, data: PersonInput, message: str) -> None:
    with pytest.raises(PersonError, match=message), store.session() as session:
        roster.add_person(session, store.event_id, data)


def test_email_must_stay_unique_ignoring_case(store: EventStore) -> None:
    with store.session() as session:
        roster.add_person(session, store.event_id, PersonInput("Ann", "Lee", "ann@example.org"))
        other = roster.add_person(session, store.event_id, PersonInput("Bob", "Ray"))
    with pytest.raises(PersonError, match="Ann Lee already uses"), store.session() as session:
        roster.update_person(session, other, PersonInput("Bob", "Ray", "ANN@example.org"))


def test_edit_changes_fields(store: EventStore) -> None:
    with store.session() as session:
        person_id = roster.add_person(session, store.event_id, PersonInput("Ann", "Lee"))
        roster.update_person(session, person_id, PersonInput("Ann", "Lee-Smith", role=Role.MENTOR, organization="Acme"))
    with store.read_session() as session:
        data = roster.get_person(session, person_id).data
    assert (data.last_name, data.role, data.organization) == ("Lee-Smith", Role.MENTOR, "Acme")


def test_erase_removes_everything_and_leaves_no_trace_in_the_file(demo_store: EventStore) -> None:
    with demo_store.read_session() as session:
        person = session.scalars(select(Person).where(Person.first_name == "Zoë")).one()
        person_id, email = person.id, person.email
    with demo_store.session() as session:
        report = roster.erase_person(session, person_id)
    roster.finish_erasure(demo_store)
    assert report.name == "Zoë Šimůnek" and report.records
    with demo_store.read_session() as session:
        assert session.get(Person, person_id) is None
        for table, column in (("checkin_entry", "person_id"), ("mentor_request", "mentor_id"),
                              ("no_go_pair", "person_a_id")):
            count = session.execute(text(f"SELECT count(*) FROM {table} WHERE {column} = :p"), {"p": person_id})
            assert count.scalar_one() == 0
    assert demo_store.path is not None
    raw = Path(demo_store.path).read_bytes() + Path(f"{demo_store.path}-wal").read_bytes()
    assert email is not None and email.encode() not in raw
    assert "Šimůnek".encode() not in raw


def test_likely_duplicates_ignore_case_and_accents(store: EventStore) -> None:
    with store.session() as session:
        a = roster.add_person(session, store.event_id, PersonInput("Zoë", "Šimůnek", "zoe@example.org"))
        b = roster.add_person(session, store.event_id, PersonInput("zoe", "SIMUNEK"))
        roster.add_person(session, store.event_id, PersonInput("Zoe", "Adams"))
        groups = roster.likely_duplicates(session, store.event_id)
    assert [g.person_ids for g in groups] == [(a, b)]


def test_merge_moves_records_and_keeps_arrival(store: EventStore) -> None:
    earlier = datetime.now(UTC) - timedelta(minutes=30)
    with store.session() as session:
        keep = roster.add_person(session, store.event_id, PersonInput("Zoë", "Šimůnek", "zoe@example.org"))
        dup = roster.add_person(session, store.event_id, PersonInput("Zoe", "Simunek", organization="BrnoSoft",
                                                                     topics=("AI",)))
        mentor = roster.add_person(session, store.event_id, PersonInput("Amara", "Okafor", role=Role.MENTOR))
        session.add(MentorRequest(mentee_id=dup, mentor_id=mentor))
        group = MentorGroup(event_id=store.event_id, name="Robotics")
        session.add(group)
        session.flush()
        session.add_all([GroupMember(group_id=group.id, person_id=keep, role=MemberRole.MENTEE),
                         GroupMember(group_id=group.id, person_id=dup, role=MemberRole.MENTEE)])
        checkin.check_in(session, dup, station="Desk 1", at=earlier)
    with store.session() as session:
        roster.merge_people(session, keep, dup)
    with store.read_session() as session:
        assert session.get(Person, dup) is None
        kept = roster.get_person(session, keep).data
        assert (kept.organization, kept.topics, kept.email) == ("BrnoSoft", ("AI",), "zoe@example.org")
        assert session.scalar(select(MentorRequest.mentee_id)) == keep
        assert session.scalar(select(func.count()).select_from(GroupMember)) == 1
        entry = checkin.current_entry(session, keep)
        assert entry is not None and entry.at == earlier and entry.station == "Desk 1"


def test_merge_with_self_is_refused(store: EventStore) -> None:
    with store.session() as session:
        person = roster.add_person(session, store.event_id, PersonInput("Ann"))
    with pytest.raises(PersonError, match="two different"), store.session() as session:
        roster.merge_people(session, person, person)
