"""Helpers for the group service tests: people and a group in a real event file."""

from __future__ import annotations

from mentordesk.models import Event, Person, Role
from mentordesk.models.store import EventStore
from mentordesk.services.groups import GroupKind, add_member, create_group
from mentordesk.services.people import new_badge_code


def add_person(store: EventStore, first: str, last: str, role: Role = Role.MENTEE, *, department: str = "",
               topics: tuple[str, ...] = (), email: str | None = None) -> int:
    with store.session() as s:
        person = Person(event_id=store.event_id, first_name=first, last_name=last, role=role,
                        badge_code=new_badge_code(s, store.event_id), department=department, topics=list(topics),
                        email=email)
        s.add(person)
        s.flush()
        return person.id


def set_event_zone(store: EventStore, name: str) -> None:
    with store.session() as s:
        s.get_one(Event, store.event_id).timezone = name


def small_group(store: EventStore, name: str = "Robotics", kind: GroupKind = GroupKind.GROUP
                ) -> tuple[int, int, list[int]]:
    """A group with a mentor and four mentees (names chosen to test sign-in order); (group, mentor, mentees)."""
    mentor = add_person(store, "Amara", "Okafor", Role.MENTOR, topics=("Robotics",))
    mentees = [
        add_person(store, "Émile", "Zola", email="emile@example.org"),
        add_person(store, "Zoë", "Šimůnek"),
        add_person(store, "anna", "Ødegård"),
        add_person(store, "Björn", "Åberg"),
    ]
    with store.session() as s:
        group_id = create_group(s, store.event_id, name, kind)
        add_member(s, group_id, mentor)
        for person_id in mentees:
            add_member(s, group_id, person_id)
    return group_id, mentor, mentees
