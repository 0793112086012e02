"""Which flash session is "the current one": every screen, command and document names the same.

Two sessions in one event, "Morning" saved first and "Afternoon" after it, seating the same
mentee at different first-round tables, so that each read shows which session it used.
Re-planning the older one (a late arrival, a swap) stamps its ``planned_at`` again; that must not
make it current over the newer one. A session whose round clock is live (running or paused) is
current, even when a newer one was saved meanwhile (``mentordesk flash plan --save`` while the
rounds run).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from flash_rows import new_flash_session
from sqlalchemy.orm import Session

from mentordesk.models import FlashSession, PlanMode, Role
from mentordesk.models.store import EventStore
from mentordesk.printing.badge_data import build_badges
from mentordesk.printing.catalog import DocumentError
from mentordesk.printing.option_choices import flash_session_choices
from mentordesk.printing.schedule_data import build_schedule
from mentordesk.services import checkin, roster
from mentordesk.services import feedback as fb
from mentordesk.services.desk import person_card
from mentordesk.services.flash import Plan, Round, Table, clock, current_session_id, save_plan
from mentordesk.services.flash.views import flash_snapshot
from mentordesk.services.roster import PersonInput

NOON = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)


def _plan(first_table_of_mentee: int, mentors: list[int], mentees: list[int]) -> Plan:
    """Two rounds; the first mentee starts at ``first_table_of_mentee`` (1 or 2)."""
    a, b = mentees if first_table_of_mentee == 1 else mentees[::-1]
    return Plan(PlanMode.ROTATE, 1, (
        Round(1, (Table(1, mentors[0], (a,)), Table(2, mentors[1], (b,)))),
        Round(2, (Table(1, mentors[0], (b,)), Table(2, mentors[1], (a,)))),
    ))


@pytest.fixture
def event(store: EventStore) -> dict[str, object]:
    """Morning (the mentee "Zoë" at table 1) and then Afternoon (Zoë at table 2), both planned."""
    with store.session() as session:
        people = []
        for first, role in (("Amara", Role.MENTOR), ("Björn", Role.MENTOR), ("Zoë", Role.MENTEE),
                            ("Kwame", Role.MENTEE)):
            person_id = roster.add_person(session, store.event_id, PersonInput(first, "Test", role=role))
            checkin.check_in(session, person_id)
            people.append(person_id)
        mentors, mentees = people[:2], people[2:]
        morning = save_plan(session, store.event_id, _plan(1, mentors, mentees), minutes=7, name="Morning")
        afternoon = save_plan(session, store.event_id, _plan(2, mentors, mentees), minutes=7, name="Afternoon")
    return {"morning": morning, "afternoon": afternoon, "zoe": mentees[0], "mentors": mentors, "mentees": mentees}


def _replan(store: EventStore, flash_id: int, plan: Plan) -> None:
    """Save over a session, as every re-plan does (``replan_saved``, ``swap_saved``, a late arrival)."""
    with store.session() as session:
        save_plan(session, store.event_id, plan, minutes=7, flash_session_id=flash_id)


def _every_reading(session: Session, event_id: int, zoe: int) -> dict[str, str | None]:
    """The name of the session each screen, command and document reads as "the current one"."""
    name_of = {flash.id: flash.name for flash in session.query(FlashSession)}
    snapshot = flash_snapshot(session, event_id)
    board = fb.feedback_board(session, event_id)
    meetings = {m.flash_session_id for m in fb.meetings(session, event_id=event_id)}
    choices = flash_session_choices(session)
    first_table = person_card(session, zoe).first_table
    return {
        "flash page": name_of[snapshot.info.id] if snapshot.info else None,
        "check-in desk": {1: "Morning", 2: "Afternoon"}.get(first_table or 0),
        "feedback board": board.flash_session_name or None,
        "feedback meetings": name_of[meetings.pop()] if len(meetings) == 1 else repr(meetings),
        "schedule": build_schedule(session).session_name,
        "badge itineraries": build_badges(session, with_itinerary=True).session_name,
        # The print page's first rotation after "the current one" is that session itself.
        "print choices": name_of[int(choices[1].value)] if name_of[int(choices[1].value)] in choices[0].label
        else f"first offered {choices[1].label!r} under {choices[0].label!r}",
    }


def test_the_newest_session_is_current(store: EventStore, event: dict[str, object]) -> None:
    with store.read_session() as session:
        found = _every_reading(session, store.event_id, event["zoe"])  # type: ignore[arg-type]
    assert found == dict.fromkeys(found, "Afternoon")


def test_replanning_an_older_session_does_not_make_it_current(store: EventStore, event: dict[str, object]) -> None:
    morning, afternoon = event["morning"], event["afternoon"]
    _replan(store, morning, _plan(1, event["mentors"], event["mentees"]))  # type: ignore[arg-type]
    with store.read_session() as session:
        # The situation of the issue: the older session now has the later planned_at.
        older, newer = session.get_one(FlashSession, morning), session.get_one(FlashSession, afternoon)
        assert older.planned_at is not None and newer.planned_at is not None
        assert older.planned_at > newer.planned_at
        found = _every_reading(session, store.event_id, event["zoe"])  # type: ignore[arg-type]
    assert found == dict.fromkeys(found, "Afternoon")


@pytest.mark.parametrize("paused", [False, True])
def test_the_session_being_run_is_current_until_it_ends(store: EventStore, event: dict[str, object],
                                                        paused: bool) -> None:
    morning = event["morning"]
    assert isinstance(morning, int)
    with store.session() as session:
        clock.start(session, morning, now=NOON)
        if paused:
            clock.pause(session, morning, now=NOON.replace(minute=3))
    with store.read_session() as session:
        found = _every_reading(session, store.event_id, event["zoe"])  # type: ignore[arg-type]
    assert found == dict.fromkeys(found, "Morning")

    with store.session() as session:
        clock.end(session, morning, now=NOON.replace(minute=20))
    with store.read_session() as session:
        found = _every_reading(session, store.event_id, event["zoe"])  # type: ignore[arg-type]
    assert found == dict.fromkeys(found, "Afternoon")


def test_no_session_means_none_everywhere(store: EventStore) -> None:
    with store.read_session() as session:
        assert current_session_id(session, store.event_id) is None
        assert flash_snapshot(session, store.event_id).info is None
        assert fb.feedback_board(session, store.event_id).flash_session_id is None


def test_a_session_being_set_up_is_current_and_the_papers_say_it_has_no_plan(
        store: EventStore, event: dict[str, object]) -> None:
    draft = new_flash_session(store)  # made after both, not planned yet
    with store.read_session() as session:
        assert current_session_id(session, store.event_id) == draft
        snapshot = flash_snapshot(session, store.event_id)
        assert snapshot.info is not None and snapshot.info.id == draft and not snapshot.plan.rounds  # type: ignore[union-attr]
        assert person_card(session, event["zoe"]).first_table is None  # type: ignore[arg-type]
        assert fb.feedback_board(session, store.event_id).meetings == ()
        choices = flash_session_choices(session)
        assert choices[0].label == "The current rotation (not planned yet)"
        assert [c.value for c in choices[1:]] == [str(event["afternoon"]), str(event["morning"])]
        with pytest.raises(DocumentError, match="no rotation has been planned"):
            build_schedule(session)
