"""Screens that refresh all day send the same SQL whatever the number of arrivals.

The desk's counts and the Flash page's snapshot filtered by the arrived people's ids, one
parameter each: every arrival made a new statement, which SQLite keeps prepared (the desk grew
by about 40 KB a scan at 10,000 people: 385 MB over 10,000 scans), and past 32,766 arrivals
SQLite refuses the statement outright.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from mentordesk.models import Person
from mentordesk.models.store import EventStore
from mentordesk.services import events
from mentordesk.services.checkin import check_in, checked_in_ids
from mentordesk.services.flash.views import flash_snapshot


def _statements(store: EventStore, read: Callable[[Session, int], Any]) -> tuple[set[str], Any]:
    seen: set[str] = set()

    def record(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        seen.add(statement)

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        with store.read_session() as session:
            result = read(session, store.event_id)
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    return seen, result


def _check_in(store: EventStore, count: int) -> None:
    with store.session() as session:
        arrived = checked_in_ids(session, store.event_id)
        waiting = session.scalars(select(Person.id).where(Person.id.not_in(arrived)).limit(count)).all()
        for person_id in waiting:
            check_in(session, person_id, station="desk")


def test_counts_and_the_flash_snapshot_do_not_grow_with_each_arrival(demo_store: EventStore) -> None:
    for read in (events.counts, flash_snapshot):
        before, first = _statements(demo_store, read)
        _check_in(demo_store, 3)
        after, second = _statements(demo_store, read)
        assert after == before, f"{read.__name__} sent new statements after three arrivals"
        assert first != second  # the figures did change
