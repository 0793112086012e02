"""Plans in a real event file: the problem from the checked-in people, save, load, re-plan."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from sqlalchemy import select

from mentordesk.models import (
    FlashRound,
    FlashSeat,
    FlashSession,
    MentorRequest,
    Person,
    PlanMode,
    Role,
    SeatKind,
    utcnow,
)
from mentordesk.models.store import EventStore
from mentordesk.services import checkin, roster
from mentordesk.services.flash import (
    PlanError,
    default_mode,
    load_plan,
    load_problem,
    plan,
    replan,
    replan_saved,
    save_plan,
    started_rounds,
    validate,
)
from mentordesk.services.roster import PersonInput


def _seat_rows(store: EventStore, flash_id: int, numbers: range) -> list[tuple[int, int, int, str, int | None]]:
    with store.read_session() as session:
        return [tuple(row) for row in session.execute(  # type: ignore[misc]
            select(FlashSeat.id, FlashRound.number, FlashSeat.person_id, FlashSeat.kind, FlashSeat.table_number)
            .join(FlashRound).where(FlashRound.session_id == flash_id, FlashRound.number.in_(list(numbers)))
            .order_by(FlashSeat.id)
        )]


def test_problem_holds_only_checked_in_mentors_and_mentees(demo_store: EventStore) -> None:
    with demo_store.read_session() as session:
        problem = load_problem(session, demo_store.event_id, rounds=6, seats=2)
        here = checkin.checked_in_ids(session, demo_store.event_id)
        roles = dict(session.execute(select(Person.id, Person.role).where(Person.id.in_(here))).all())
        assert set(problem.mentors) == {p for p, role in roles.items() if role is Role.MENTOR}
        assert set(problem.mentees) == {p for p, role in roles.items() if role is Role.MENTEE}
        assert Role.FACILITATOR in roles.values()  # checked in, but never planned
        assert problem.requests and all(a in problem.mentees and b in problem.mentors for a, b in problem.requests)
        assert default_mode(session, demo_store.event_id) is PlanMode.MATCH


@pytest.mark.parametrize(("mode", "seats"), [(PlanMode.MATCH, 1), (PlanMode.ROTATE, 2), (PlanMode.MATCH, 3)])
def test_save_and_load_give_the_same_plan(demo_store: EventStore, mode: PlanMode, seats: int) -> None:
    with demo_store.session() as session:
        problem = load_problem(session, demo_store.event_id, rounds=5, seats=seats)
        mentor = problem.mentors[2]
        problem = load_problem(session, demo_store.event_id, rounds=5, seats=seats, breaks={mentor: [2, 5]})
        result = plan(problem, mode)
        flash_id = save_plan(session, demo_store.event_id, result.plan, minutes=7, name="Evening rotation")
    with demo_store.read_session() as session:
        assert load_plan(session, flash_id) == result.plan
        flash = session.get(FlashSession, flash_id)
        assert flash is not None
        assert (flash.mode, flash.round_count, flash.seats_per_table, flash.round_minutes, flash.name) == (
            mode, 5, seats, 7, "Evening rotation")
        kinds = session.scalars(select(FlashSeat.kind).join(FlashRound).where(
            FlashRound.session_id == flash_id, FlashSeat.person_id == mentor)).all()
        assert kinds.count(SeatKind.BREAK) == 2


def test_replan_saved_after_a_departure_and_an_arrival(demo_store: EventStore) -> None:
    with demo_store.session() as session:
        problem = load_problem(session, demo_store.event_id, rounds=6)
        first = plan(problem)
        flash_id = save_plan(session, demo_store.event_id, first.plan, minutes=7)
        for round_ in session.scalars(select(FlashRound).where(FlashRound.session_id == flash_id,
                                                                FlashRound.number <= 2)):
            round_.started_at = utcnow() - timedelta(minutes=10)
    before = _seat_rows(demo_store, flash_id, range(1, 3))
    leaver = problem.mentees[0]
    with demo_store.session() as session:
        assert started_rounds(session, flash_id) == 2
        checkin.check_out(session, leaver)
        arrival = roster.add_person(session, demo_store.event_id, PersonInput("Ana", "Late", role=Role.MENTEE),
                                    walk_in=True)
        checkin.check_in(session, arrival)
        session.add(MentorRequest(mentee_id=arrival, mentor_id=problem.mentors[0], rank=1))
        result = replan_saved(session, flash_id)
    assert _seat_rows(demo_store, flash_id, range(1, 3)) == before
    with demo_store.read_session() as session:
        again = load_plan(session, flash_id)
    assert again == result.plan
    assert again.rounds[:2] == first.plan.rounds[:2]
    assert all(leaver not in r.mentees and arrival in r.mentees for r in again.rounds[2:])
    assert len(set(again.pairs())) == len(list(again.pairs()))


def test_breaks_survive_later_replans(demo_store: EventStore) -> None:
    with demo_store.session() as session:
        problem = load_problem(session, demo_store.event_id, rounds=6)
        flash_id = save_plan(session, demo_store.event_id, plan(problem).plan, minutes=7)
        mentor = problem.mentors[0]
        replan_saved(session, flash_id, started=1, breaks={mentor: [4]})
        result = replan_saved(session, flash_id, started=2)
    assert result.plan.rounds[3].table_of(mentor).on_break  # type: ignore[union-attr]
    assert not result.plan.rounds[4].table_of(mentor).on_break  # type: ignore[union-attr]


def test_a_mentor_who_comes_back_to_a_taken_table_round_trips(demo_store: EventStore) -> None:
    """Mentor B leaves after round 2, newcomer N takes B's table, B comes back after round 4."""
    with demo_store.session() as session:
        problem = load_problem(session, demo_store.event_id, rounds=6)
        newcomer = roster.add_person(session, demo_store.event_id, PersonInput("Nia", "New", role=Role.MENTOR))
        gone = problem.mentors[1]
        first = plan(problem).plan
        without = dataclasses.replace(problem, mentors=(*(m for m in problem.mentors if m != gone), newcomer))
        middle = replan(first, 2, without).plan
        everyone = dataclasses.replace(problem, mentors=(*problem.mentors, newcomer))
        final = replan(middle, 4, everyone).plan
        assert final.itinerary(newcomer)[2] == first.itinerary(gone)[0]
        assert validate(final, dataclasses.replace(everyone, held=final.rounds[:4])) == []
        flash_id = save_plan(session, demo_store.event_id, final, minutes=7)
    with demo_store.read_session() as session:
        assert load_plan(session, flash_id) == final


def test_nobody_to_plan_is_a_clear_error(store: EventStore) -> None:
    with store.session() as session:
        with pytest.raises(PlanError, match="nobody checked in is a mentor"):
            load_problem(session, store.event_id, rounds=3)
        mentor = roster.add_person(session, store.event_id, PersonInput("Mo", "Mentor", role=Role.MENTOR))
        roster.add_person(session, store.event_id, PersonInput("Ann", "Absent", role=Role.MENTEE))
        checkin.check_in(session, mentor)
        with pytest.raises(PlanError, match="nobody checked in is a mentee"):
            load_problem(session, store.event_id, rounds=3)
        assert default_mode(session, store.event_id) is PlanMode.ROTATE


def test_minutes_outside_the_allowed_range(demo_store: EventStore) -> None:
    with demo_store.session() as session:
        result = plan(load_problem(session, demo_store.event_id, rounds=2))
        with pytest.raises(PlanError, match="minutes per round"):
            save_plan(session, demo_store.event_id, result.plan, minutes=0)
