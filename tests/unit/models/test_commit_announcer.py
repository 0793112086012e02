"""The store tells its listeners which tables each commit wrote, derived from the flush."""

from __future__ import annotations

from sqlalchemy import select, update

from mentordesk.models import Event, Person, Role
from mentordesk.models.store import EventStore
from mentordesk.services.people import new_badge_code


def _heard(store: EventStore) -> list[frozenset[str]]:
    heard: list[frozenset[str]] = []
    store.changes.add_listener(heard.append)
    return heard


def test_a_commit_names_the_tables_it_wrote(store: EventStore) -> None:
    heard = _heard(store)
    with store.session() as session:
        session.add(Person(event_id=store.event_id, first_name="Ada", last_name="Lovelace", role=Role.MENTOR,
                           badge_code=new_badge_code(session, store.event_id)))
    with store.session() as session:
        session.execute(update(Event).where(Event.id == store.event_id).values(venue="Hall B"))
    assert heard == [frozenset({"person"}), frozenset({"event"})]


def test_setting_a_value_to_what_it_was_announces_nothing(store: EventStore) -> None:
    heard = _heard(store)
    with store.session() as session:
        event = session.scalars(select(Event)).one()
        event.name = event.name
    with store.session() as session:
        session.scalars(select(Event)).one().venue = "Hall C"
    assert heard == [frozenset({"event"})]


def test_a_rolled_back_change_announces_nothing(store: EventStore) -> None:
    heard = _heard(store)
    try:
        with store.session() as session:
            session.scalars(select(Event)).one().venue = "Hall D"
            session.flush()
            raise RuntimeError("the work failed after its flush")
    except RuntimeError:
        pass
    assert heard == []
