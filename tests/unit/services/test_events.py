"""Event details and the Overview's counts."""

from __future__ import annotations

from datetime import date

import pytest

from mentordesk.models.store import EventStore
from mentordesk.services import events
from mentordesk.services.checkin import check_in
from mentordesk.services.people import list_people


def test_update_details_saves_and_trims(store: EventStore) -> None:
    with store.session() as session:
        details = events.update_details(session, store.event_id, name="  Autumn  Flash ", starts_on=date(2026, 10, 1),
                                        venue=" Hall  C ")
    assert (details.name, details.starts_on, details.venue) == ("Autumn Flash", date(2026, 10, 1), "Hall C")
    with store.read_session() as session:
        assert events.get_details(session, store.event_id) == details


@pytest.mark.parametrize(
    ("name", "starts", "ends", "message"),
    [("  ", None, None, "needs a name"), ("X", date(2026, 5, 4), date(2026, 5, 3), "end before")],
)
def test_update_details_refuses_bad_input(store: EventStore, name: str, starts: date | None, ends: date | None,
                                          message: str) -> None:
    with pytest.raises(events.EventDetailsError, match=message), store.session() as session:
        events.update_details(session, store.event_id, name=name, starts_on=starts, ends_on=ends)
    with store.read_session() as session:
        assert events.get_details(session, store.event_id).name == "Spring Flash Mentoring"


def test_counts_on_an_empty_event(store: EventStore) -> None:
    with store.read_session() as session:
        counts = events.counts(session, store.event_id)
    assert (counts.people, counts.arrived, counts.groups, counts.group_sessions) == (0, 0, 0, 0)


def test_counts_follow_check_ins(demo_store: EventStore) -> None:
    with demo_store.read_session() as session:
        before = events.counts(session, demo_store.event_id)
        absent = next(p for p in list_people(session, demo_store.event_id)
                      if not p.checked_in and p.role.value == "mentee")
    assert (before.mentors.registered, before.mentees.registered, before.facilitators.registered) == (12, 40, 2)
    assert before.arrived == 42 and before.groups == 2 and before.group_sessions == 8
    with demo_store.session() as session:
        check_in(session, absent.id, station="test")
    with demo_store.read_session() as session:
        after = events.counts(session, demo_store.event_id)
    assert after.mentees.arrived == before.mentees.arrived + 1
