"""Requested mentors: found by e-mail or by name among the event's mentors and the file's own."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from mentordesk.models import MentorRequest, Person, Role
from mentordesk.models.store import EventStore
from mentordesk.services.importing import ImportSummary, guess_mapping, import_table, read_bytes

HEADER = "Name,Email,Role,Preferred mentors\n"


def _import(store: EventStore, rows: str) -> ImportSummary:
    table = read_bytes((HEADER + rows).encode(), "requests.csv")
    with store.session() as session:
        return import_table(session, store.event_id, table, guess_mapping(table.headers))


def _requested(store: EventStore, email: str) -> list[str]:
    """Full names of the mentors ``email`` asked for, first choice first."""
    with store.read_session() as session:
        mentee = session.scalars(select(Person).where(Person.email == email)).one()
        mentors = session.scalars(
            select(Person).join(MentorRequest, MentorRequest.mentor_id == Person.id)
            .where(MentorRequest.mentee_id == mentee.id).order_by(MentorRequest.rank)
        ).all()
        return [mentor.full_name for mentor in mentors]


@pytest.mark.parametrize(
    "written",
    ["zoe simunek", "ZOË ŠIMŮNEK", "Šimůnek, Zoë", "simunek zoe", "zoe.simunek@brnosoft.example",
     "Zoe.Simunek@BrnoSoft.example"],
)
def test_mentors_already_in_the_event_are_found_by_name_or_email(demo_store: EventStore, written: str) -> None:
    summary = _import(demo_store, f'New Mentee,new@example.org,Mentee,"{written}"\n')
    assert summary.warnings == ()
    assert _requested(demo_store, "new@example.org") == ["Zoë Šimůnek"]


def test_names_written_without_spaces_and_ranks(demo_store: EventStore) -> None:
    # The demo mentor 博 田中 is written family name first, without a space, as is usual in Japanese.
    _import(demo_store, 'New Mentee,new@example.org,Mentee,"田中博; amara okafor; Lars-Erik Håkansson"\n')
    assert _requested(demo_store, "new@example.org") == ["博 田中", "Amara Okafor", "Lars-Erik Håkansson"]


def test_last_first_names_in_a_comma_list(demo_store: EventStore) -> None:
    summary = _import(demo_store, 'New Mentee,new@example.org,Mentee,"Okafor, Amara, Šimůnek, Zoë, Nobody"\n')
    assert [w.message for w in summary.warnings] == ["requested mentor “Nobody” is not a mentor at this event"]
    assert _requested(demo_store, "new@example.org") == ["Amara Okafor", "Zoë Šimůnek"]


def test_mentors_later_in_the_same_file_are_found(store: EventStore) -> None:
    summary = _import(store, "Ana Lima,ana@example.org,Mentee,Bo Chen\nBo Chen,bo@example.org,Mentor,\n")
    assert summary.warnings == ()
    assert _requested(store, "ana@example.org") == ["Bo Chen"]


def test_unknown_and_unsuitable_requests_are_warnings_and_the_row_is_imported(store: EventStore) -> None:
    summary = _import(store, (
        'Ana Lima,ana@example.org,Mentee,"Bo Chen; Ada Lovelace; ghost@example.org; Cy Dee; Ana Lima"\n'
        "Bo Chen,bo@example.org,Mentor,\n"
        "Cy Dee,cy@example.org,Mentee,\n"
        "Dan Eve,dan@example.org,Mentor,Bo Chen\n"
    ))
    assert summary.added == 4
    assert [(w.line, w.message) for w in summary.warnings] == [
        (2, "requested mentor “Ada Lovelace” is not a mentor at this event"),
        (2, "requested mentor “ghost@example.org”: no mentor has this e-mail address"),
        (2, "requested mentor “Cy Dee” is not a mentor at this event"),  # a mentee
        (2, "requested mentor “Ana Lima” is not a mentor at this event"),
        (5, "requested mentors ignored: only mentees request mentors"),
    ]
    assert _requested(store, "ana@example.org") == ["Bo Chen"]


def test_two_mentors_of_the_same_name_need_an_email(store: EventStore) -> None:
    summary = _import(store, ("Ana Lima,ana@example.org,Mentee,Sam Lee\n"
                              "Sam Lee,sam1@example.org,Mentor,\nSam Lee,sam2@example.org,Mentor,\n"))
    assert [w.message for w in summary.warnings] == [
        "requested mentor “Sam Lee” matches 2 mentors; write their e-mail address instead"
    ]
    assert _requested(store, "ana@example.org") == []


def test_reimport_replaces_requests_and_blank_or_unknown_leave_them(store: EventStore) -> None:
    mentors = "Bo Chen,bo@example.org,Mentor,\nCy Dee,cy@example.org,Mentor,\n"
    first = _import(store, "Ana Lima,ana@example.org,Mentee,Bo Chen; Cy Dee\n" + mentors)
    assert first.added == 3 and _requested(store, "ana@example.org") == ["Bo Chen", "Cy Dee"]

    same = _import(store, "Ana Lima,ana@example.org,Mentee,Bo Chen; Cy Dee\n" + mentors)
    assert (same.updated, same.unchanged) == (0, 3)

    reordered = _import(store, "Ana Lima,ana@example.org,Mentee,Cy Dee; Bo Chen\n" + mentors)
    assert (reordered.updated, reordered.unchanged) == (1, 2)
    assert _requested(store, "ana@example.org") == ["Cy Dee", "Bo Chen"]

    _import(store, "Ana Lima,ana@example.org,Mentee,\n" + mentors)
    assert _requested(store, "ana@example.org") == ["Cy Dee", "Bo Chen"]
    _import(store, "Ana Lima,ana@example.org,Mentee,Nobody Known\n" + mentors)
    assert _requested(store, "ana@example.org") == ["Cy Dee", "Bo Chen"]


def test_requests_of_people_not_in_the_file_are_kept(demo_store: EventStore) -> None:
    with demo_store.read_session() as session:
        before = session.scalars(select(MentorRequest.id).order_by(MentorRequest.id)).all()
    assert before, "the demo event has requests"
    _import(demo_store, "New Mentee,new@example.org,Mentee,Amara Okafor\n")
    with demo_store.read_session() as session:
        after = session.scalars(select(MentorRequest.id).order_by(MentorRequest.id)).all()
    assert after[: len(before)] == before and len(after) == len(before) + 1


def test_request_roles_follow_the_file(store: EventStore) -> None:
    # Bo was a mentee; this file makes him a mentor, and Ana's request for him counts.
    _import(store, "Bo Chen,bo@example.org,Mentee,\n")
    summary = _import(store, "Ana Lima,ana@example.org,Mentee,bo@example.org\nBo Chen,bo@example.org,Mentor,\n")
    assert summary.warnings == ()
    with store.read_session() as session:
        assert session.scalars(select(Person.role).where(Person.email == "bo@example.org")).one() is Role.MENTOR
    assert _requested(store, "ana@example.org") == ["Bo Chen"]
