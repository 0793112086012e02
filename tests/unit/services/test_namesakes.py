"""Telling apart people who share a name: organisation, then masked e-mail, then the end of the badge code."""

from __future__ import annotations

from mentordesk.models import Person, Role
from mentordesk.models.store import EventStore
from mentordesk.services.desk_reads import name_matches
from mentordesk.services.namesakes import Namesake, masked_email, tell_apart, tell_apart_ids
from mentordesk.services.people import new_badge_code


def test_a_name_of_ones_own_needs_nothing() -> None:
    assert tell_apart([Namesake(1, "Anna Novák", "Avast"), Namesake(2, "Anna Nováková", "Kiwi.com")]) == {}


def test_organisation_tells_apart_when_it_differs() -> None:
    people = [Namesake(1, "Anna Novák", "Avast", "anna@avast.com", "AAAA1111"),
              Namesake(2, "anna  novak", "Kiwi.com", "anna@kiwi.com", "BBBB2222")]  # accents, case, spaces
    assert tell_apart(people) == {1: "Avast", 2: "Kiwi.com"}


def test_same_organisation_then_the_masked_email() -> None:
    people = [Namesake(1, "Jan Svoboda", "Acme", "jan.svoboda@acme.cz", "AAAA1111"),
              Namesake(2, "Jan Svoboda", "Acme", "honza@acme.cz", "BBBB2222")]
    assert tell_apart(people) == {1: "Acme · j…@acme.cz", 2: "Acme · h…@acme.cz"}


def test_when_everything_else_is_alike_the_end_of_the_badge_code() -> None:
    people = [Namesake(1, "Li Wei", "", "", "K7Q2AB12"),
              Namesake(2, "Li Wei", "", "", "K7Q2CD12"),
              Namesake(3, "Li Wei", "", "", "ZZZZZZ99")]
    # The last four characters are "AB12", "CD12" and "ZZ99": enough.
    assert tell_apart(people) == {1: "badge …AB12", 2: "badge …CD12", 3: "badge …ZZ99"}
    alike_ends = [Namesake(1, "Li Wei", badge_code="AAAA0000"), Namesake(2, "Li Wei", badge_code="BBBB0000")]
    assert tell_apart(alike_ends) == {1: "badge …A0000", 2: "badge …B0000"}  # as long as it takes


def test_one_with_an_organisation_and_one_without_gets_more_than_a_blank() -> None:
    people = [Namesake(1, "Sam Lee", "Acme", "sam@a.org", "AAAA1111"),
              Namesake(2, "Sam Lee", "", "sam@b.org", "BBBB2222")]
    assert tell_apart(people) == {1: "Acme · s…@a.org", 2: "s…@b.org"}


def test_identical_masked_emails_are_left_out() -> None:
    people = [Namesake(1, "Sam Lee", "Acme", "sam@gmail.com", "AAAA1111"),
              Namesake(2, "Sam Lee", "Acme", "sue@gmail.com", "BBBB2222")]
    assert tell_apart(people) == {1: "Acme · badge …1111", 2: "Acme · badge …2222"}


def test_masked_email() -> None:
    assert masked_email("anna.k@kiwi.com") == "a…@kiwi.com"
    assert masked_email("not an address") == ""
    assert masked_email("") == ""


def _add(store: EventStore, first: str, last: str, role: Role, **fields: object) -> int:
    with store.session() as session:
        person = Person(event_id=store.event_id, first_name=first, last_name=last, role=role,
                        badge_code=new_badge_code(session, store.event_id), **fields)
        session.add(person)
        session.flush()
        return person.id


def test_the_desk_matches_carry_what_tells_namesakes_apart(store: EventStore) -> None:
    add_person = _add
    first = add_person(store, "Anna", "Novák", Role.MENTEE, organization="Avast")
    second = add_person(store, "Anna", "Novák", Role.MENTOR, organization="Avast", email="a.novak@kiwi.com")
    other = add_person(store, "Anna", "Nováková", Role.MENTEE)
    with store.read_session() as session:
        matches = name_matches(session, store.event_id, "anna nov")
        by_id = {c.card.id: c.distinction for c in matches.candidates}
        assert by_id[other] == ""
        assert by_id[second] == "Avast · a…@kiwi.com"
        assert by_id[first] == "Avast"  # the other has an e-mail: that tells them apart
        assert tell_apart_ids(session, [first, second, other]) == {k: v for k, v in by_id.items() if v}
