"""Who arrived after planning (one definition) and adding them (issue 14, item 3)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from mentordesk.models import Person, PlanMode, Role
from mentordesk.models.store import EventStore
from mentordesk.services import checkin, desk
from mentordesk.services.flash import clock
from mentordesk.services.flash.arrivals import add_arrivals, next_seat, not_in_rotation
from mentordesk.services.flash.live import SessionSetup, plan_session

T0 = datetime(2026, 5, 4, 18, 0, tzinfo=UTC)


def _absent_mentee(store: EventStore) -> int:
    with store.read_session() as session:
        here = checkin.checked_in_ids(session, store.event_id)
        return next(pid for pid in session.scalars(select(Person.id).where(Person.event_id == store.event_id,
                                                                          Person.role == Role.MENTEE))
                    if pid not in here)


def test_someone_checked_in_after_planning_is_not_in_the_rotation_until_added(demo_store: EventStore) -> None:
    late = _absent_mentee(demo_store)
    with demo_store.session() as session:
        assert not_in_rotation(session, demo_store.event_id) == ()  # no plan yet: nothing to join
        planned = plan_session(session, demo_store.event_id, SessionSetup(4, 7, 60, 3, PlanMode.MATCH))
        assert not_in_rotation(session, demo_store.event_id) == ()
        result = desk.check_in_person(session, late, station="Desk")
        assert result.person is not None and result.person.awaiting_rotation
        assert not_in_rotation(session, demo_store.event_id) == (late,)
        # The rounds start; the late arrival is added to the rounds still to come.
        clock.start(session, planned.flash_session_id, T0)
        clock.skip(session, planned.flash_session_id, T0 + timedelta(minutes=6))  # into the changeover
        add_arrivals(session, demo_store.event_id)
        assert not_in_rotation(session, demo_store.event_id) == ()
        round_number, _table = next_seat(session, demo_store.event_id, late) or (0, None)
        assert round_number == 2
        again = desk.check_in_person(session, late, station="Desk")
        assert again.person is not None and not again.person.awaiting_rotation


def test_nobody_is_late_for_a_finished_rotation(demo_store: EventStore) -> None:
    late = _absent_mentee(demo_store)
    with demo_store.session() as session:
        planned = plan_session(session, demo_store.event_id, SessionSetup(2, 7, 60, 3, PlanMode.MATCH))
        clock.start(session, planned.flash_session_id, T0)
        clock.end(session, planned.flash_session_id, T0 + timedelta(minutes=1))
        checkin.check_in(session, late, station="Desk")
        assert not_in_rotation(session, demo_store.event_id) == ()
