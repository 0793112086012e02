"""Editing what only an import could set: requested mentors, must-not-meet pairs and topics."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from mentordesk.models import Event, MentorRequest, NoGoPair, Person, Role
from mentordesk.models.store import EventStore
from mentordesk.services import checkin, person_links, roster
from mentordesk.services.domain_error import DomainError
from mentordesk.services.flash import load_problem, plan
from mentordesk.services.person_links import LinkError
from mentordesk.services.roster import LinksInput, PersonError, PersonInput


def _people(store: EventStore) -> dict[str, int]:
    with store.session() as session:
        add = roster.add_person
        return {
            "mentee": add(session, store.event_id, PersonInput("Ann", "Lee", role=Role.MENTEE)),
            "mentee2": add(session, store.event_id, PersonInput("Bob", "Ray", role=Role.MENTEE)),
            "zoe": add(session, store.event_id, PersonInput("Zoë", "Šimůnek", role=Role.MENTOR, organization="Acme")),
            "kim": add(session, store.event_id, PersonInput("Kim", "Park", role=Role.MENTOR)),
            "host": add(session, store.event_id, PersonInput("Hal", "Host", role=Role.FACILITATOR)),
        }


def _requests(store: EventStore, mentee: int) -> list[int]:
    with store.read_session() as session:
        return list(session.scalars(select(MentorRequest.mentor_id).where(MentorRequest.mentee_id == mentee)
                                    .order_by(MentorRequest.rank)))


def test_topics_are_tidied_and_written_once_ignoring_case_and_accents(store: EventStore) -> None:
    assert person_links.tidy_topics(["  Café  culture", "cafe CULTURE", "", " ", "AI", "ai", "Ａｉ"]) == (
        "Café culture", "AI")
    people = _people(store)
    with store.session() as session:
        data = roster.get_person(session, people["mentee"]).data
        roster.update_person(session, people["mentee"],
                             PersonInput(data.first_name, data.last_name, topics=("Éthique", "ethique", "Data")))
    with store.read_session() as session:
        assert roster.get_person(session, people["mentee"]).data.topics == ("Éthique", "Data")
        # The model holds the same rule for whatever else sets topics (an import).
        person = session.get_one(Person, people["mentee"])
        person.topics = ["Zoë", "zoe", "ZOE "]
        assert person.topics == ["Zoë"]


def test_requested_mentors_are_ranked_and_replaced(store: EventStore) -> None:
    people = _people(store)
    with store.session() as session:
        person_links.set_requested_mentors(session, people["mentee"], [people["kim"], people["zoe"], people["kim"]])
    assert _requests(store, people["mentee"]) == [people["kim"], people["zoe"]]
    with store.session() as session:
        person_links.set_requested_mentors(session, people["mentee"], [people["zoe"]])
        links = person_links.get_links(session, people["mentee"])
    assert [m.name for m in links.requested_mentors] == ["Zoë Šimůnek"]
    assert links.requested_mentors[0].label == "Zoë Šimůnek — Acme"
    with store.session() as session:
        person_links.set_requested_mentors(session, people["mentee"], [])
    assert _requests(store, people["mentee"]) == []


@pytest.mark.parametrize(
    ("who", "mentors", "message"),
    [
        ("mentee", ["mentee2"], "Bob Ray is not a mentor at this event; a mentee can request only mentors"),
        ("mentee", ["host", "mentee2"], "Hal Host, Bob Ray are not mentors"),
        ("mentee", ["mentee"], "Ann Lee cannot request themselves"),
        ("zoe", ["kim"], "Only mentees request mentors; Zoë Šimůnek is not a mentee"),
    ],
)
def test_requests_refused_in_plain_words(store: EventStore, who: str, mentors: list[str], message: str) -> None:
    people = _people(store)
    with pytest.raises(LinkError, match=message), store.session() as session:
        person_links.set_requested_mentors(session, people[who], [people[m] for m in mentors])


def test_someone_of_another_event_cannot_be_chosen(store: EventStore) -> None:
    people = _people(store)
    with store.session() as session:
        other_event = Event(name="Other")
        session.add(other_event)
        session.flush()
        stranger = roster.add_person(session, other_event.id, PersonInput("Sam", "Else", role=Role.MENTOR))
    for change in (lambda s: person_links.set_requested_mentors(s, people["mentee"], [stranger]),
                   lambda s: person_links.set_must_not_meet(s, people["mentee"], [stranger]),
                   lambda s: person_links.add_no_go_pair(s, people["mentee"], stranger)):
        with pytest.raises(LinkError, match=r"not .*at this event"), store.session() as session:
            change(session)


def test_must_not_meet_pairs(store: EventStore) -> None:
    people = _people(store)
    with store.session() as session:
        person_links.add_no_go_pair(session, people["zoe"], people["mentee"], reason="  her manager ")
        person_links.add_no_go_pair(session, people["mentee"], people["zoe"])  # already kept apart
        person_links.set_must_not_meet(session, people["mentee"], [people["zoe"], people["kim"]])
    with store.read_session() as session:
        pairs = session.execute(select(NoGoPair.person_a_id, NoGoPair.person_b_id, NoGoPair.reason)
                                .order_by(NoGoPair.person_b_id)).all()
        links = person_links.get_links(session, people["mentee"])
    low = min(people["mentee"], people["zoe"])
    assert (low, max(people["mentee"], people["zoe"]), "her manager") in [tuple(p) for p in pairs]
    assert len(pairs) == 2 and all(a < b for a, b, _ in pairs)
    assert [p.name for p in links.must_not_meet] == ["Kim Park", "Zoë Šimůnek"]
    # Seen from the other side too.
    with store.read_session() as session:
        assert [p.name for p in person_links.get_links(session, people["kim"]).must_not_meet] == ["Ann Lee"]
    with store.session() as session:
        person_links.set_must_not_meet(session, people["mentee"], [people["kim"]])
    with store.read_session() as session:
        assert session.scalar(select(func.count()).select_from(NoGoPair)) == 1
    with pytest.raises(LinkError, match="Ann Lee cannot be kept apart from themselves"), store.session() as session:
        person_links.add_no_go_pair(session, people["mentee"], people["mentee"])


def test_save_person_is_all_or_nothing(store: EventStore) -> None:
    people = _people(store)
    with pytest.raises(DomainError), store.session() as session:
        roster.save_person(session, store.event_id, people["mentee"],
                           PersonInput("Annette", "Lee", role=Role.MENTEE),
                           LinksInput(requested_mentor_ids=(people["zoe"],), must_not_meet_ids=(people["mentee"],)))
    with store.read_session() as session:
        assert roster.get_person(session, people["mentee"]).data.first_name == "Ann"
    assert _requests(store, people["mentee"]) == []
    with pytest.raises(PersonError), store.session() as session:
        roster.save_person(session, store.event_id, None, PersonInput(""), LinksInput())
    with store.session() as session:
        new_id = roster.save_person(session, store.event_id, None, PersonInput("Cy", "New", role=Role.MENTEE),
                                    LinksInput((people["zoe"], people["kim"]), (people["mentee2"],)))
    assert _requests(store, new_id) == [people["zoe"], people["kim"]]
    # No longer a mentee: the requests go with the role, the pair stays.
    with store.session() as session:
        roster.save_person(session, store.event_id, new_id, PersonInput("Cy", "New", role=Role.FACILITATOR),
                           LinksInput((people["zoe"],), (people["mentee2"],)))
        assert len(person_links.get_links(session, new_id).must_not_meet) == 1
    assert _requests(store, new_id) == []


def test_a_pair_added_by_hand_is_kept_apart_by_the_next_plan(demo_store: EventStore) -> None:
    """The planner reads the pairs from the file: one added here holds in the next plan."""
    with demo_store.session() as session:
        here = checkin.checked_in_ids(session, demo_store.event_id)
        roles = dict(session.execute(select(Person.id, Person.role).where(Person.id.in_(here))).all())
        mentors = sorted(p for p, r in roles.items() if r is Role.MENTOR)
        mentees = sorted(p for p, r in roles.items() if r is Role.MENTEE)
        before = plan(load_problem(session, demo_store.event_id, rounds=6, seats=3)).plan
        # A pair who meet in today's plan; the mentee even asks for that mentor, and still the
        # pair added in the form wins.
        met = set(before.pairs())
        mentee, mentor = next((a, b) for a in mentees for b in mentors if (a, b) in met)
        roster.save_person(session, demo_store.event_id, mentee, roster.get_person(session, mentee).data,
                           LinksInput((mentor,), (mentor,)))
    with demo_store.read_session() as session:
        problem = load_problem(session, demo_store.event_id, rounds=6, seats=3)
        assert problem.is_no_go(mentee, mentor)
        after = plan(problem).plan
    assert (mentee, mentor) not in set(after.pairs())
    assert mentee in {a for a, _ in after.pairs()}  # still planned, with others


def test_a_merge_keeps_the_duplicates_pairs(store: EventStore) -> None:
    """Merging a duplicate used to drop who they must not meet (the pairs went with them)."""
    people = _people(store)
    with store.session() as session:
        dup = roster.add_person(session, store.event_id, PersonInput("Anne", "Lee", role=Role.MENTEE))
        person_links.add_no_go_pair(session, dup, people["zoe"], reason="her manager")
        person_links.add_no_go_pair(session, dup, people["mentee"])  # each other: means nothing once merged
        person_links.add_no_go_pair(session, people["mentee"], people["kim"])
    with store.session() as session:
        roster.merge_people(session, people["mentee"], dup)
    with store.read_session() as session:
        links = person_links.get_links(session, people["mentee"])
        reasons = set(session.scalars(select(NoGoPair.reason)))
    assert [p.name for p in links.must_not_meet] == ["Kim Park", "Zoë Šimůnek"]
    assert "her manager" in reasons
