"""What a facilitator does to a flash session on the day, Qt-free: plan it, edit it, re-plan it.

- ``plan_session`` plans the people checked in now and saves the plan, over the current session
  (``current.current_session_id``) while none of its rounds has started, as a new session
  otherwise (once the old one finished);
- ``swap_saved`` swaps two mentees in a round that has not started, refusing with the reasons
  when the swap breaks a rule (a repeated meeting, a no-go pair);
- ``mark_arrival``, ``mark_departure`` and ``add_mentor_break`` record what happened (a check-in,
  a check-out, a break) and re-plan the rounds that have not started (``replan_saved``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk.models import ClockState, FlashSession, NoGoPair, Person, PlanMode
from mentordesk.services import checkin
from mentordesk.services.flash.current import current_session_id
from mentordesk.services.flash.edit import swap_mentees
from mentordesk.services.flash.plan import Plan, PlanResult
from mentordesk.services.flash.planner import plan as make_plan
from mentordesk.services.flash.problem import PlanError, make_problem
from mentordesk.services.flash.saved_plan import (
    check_changeover,
    load_plan,
    load_problem,
    load_spots,
    replan_saved,
    save_plan,
    started_rounds,
)
from mentordesk.services.flash.validate import validate


@dataclass(frozen=True)
class SessionSetup:
    rounds: int
    minutes: int
    #: The changeover between rounds, in seconds (90 is a minute and a half).
    changeover_seconds: int
    seats: int
    mode: PlanMode


@dataclass(frozen=True)
class Planned:
    flash_session_id: int
    result: PlanResult


def plan_session(session: Session, event_id: int, setup: SessionSetup) -> Planned:
    """Plan the people here now and save it (see the module docstring for which session)."""
    check_changeover(setup.changeover_seconds)
    existing = current_session_id(session, event_id)
    target = None
    if existing is not None:
        flash = session.get_one(FlashSession, existing)
        state = flash.clock.state if flash.clock is not None else ClockState.IDLE
        if state in (ClockState.RUNNING, ClockState.PAUSED):
            raise PlanError("the rounds are running: end them first, or use the re-plan actions")
        if state is ClockState.IDLE and started_rounds(session, existing) == 0:
            target = existing
    problem = load_problem(session, event_id, rounds=setup.rounds, seats=setup.seats)
    result = make_plan(problem, setup.mode)
    flash_id = save_plan(session, event_id, result.plan, minutes=setup.minutes,
                         changeover_seconds=setup.changeover_seconds, flash_session_id=target,
                         spots=result.waiting_spots)
    return Planned(flash_id, result)


def _no_go(session: Session, people: set[int]) -> list[tuple[int, int]]:
    if not people:
        return []
    rows = session.execute(select(NoGoPair.person_a_id, NoGoPair.person_b_id)
                           .where(NoGoPair.person_a_id.in_(sorted(people))))
    return [(a, b) for a, b in rows if b in people]


def _breaks(plan: Plan, after: int = 0) -> dict[int, set[int]]:
    found: dict[int, set[int]] = defaultdict(set)
    for round_ in plan.rounds[after:]:
        for mentor in round_.on_break:
            found[mentor].add(round_.number)
    return found


def swap_check(session: Session, plan: Plan, started: int, round_number: int, first: int, second: int) -> tuple[
        Plan, list[str]]:
    """The plan with the two mentees swapped, and the rules the swap breaks (empty: it may be saved)."""
    if round_number <= started:
        raise PlanError(f"round {round_number} has already started: only rounds to come can be changed")
    if first == second:
        raise PlanError("choose two different mentees")
    swapped = swap_mentees(plan, round_number, first, second)
    ahead = plan.rounds[started:]
    mentors = {t.mentor for r in ahead for t in r.tables}
    mentees = {m for r in ahead for m in r.mentees}
    problem = make_problem(mentors, mentees, len(plan.rounds), plan.seats,
                           no_go=_no_go(session, mentors | mentees), breaks=_breaks(plan, started),
                           held=plan.rounds[:started])
    # Only what the swap itself breaks counts: the plan may already differ from who is here now.
    before = set(validate(plan, problem))
    return swapped, [v for v in validate(swapped, problem) if v not in before]


def swap_saved(session: Session, flash_session_id: int, round_number: int, first: int, second: int) -> list[str]:
    """Swap two mentees in a round to come and save it; returns the reasons instead when refused."""
    plan = load_plan(session, flash_session_id)
    started = started_rounds(session, flash_session_id)
    swapped, broken = swap_check(session, plan, started, round_number, first, second)
    if broken:
        return broken
    flash = session.get_one(FlashSession, flash_session_id)
    # Each takes the other's place, so a mentee sent to wait waits where the other would have.
    spots = load_spots(session, flash_session_id)
    if round_number in spots:
        swap = {first: second, second: first}
        spots[round_number] = {swap.get(m, m): spot for m, spot in spots[round_number].items()}
    save_plan(session, flash.event_id, swapped, minutes=flash.round_minutes, flash_session_id=flash_session_id,
              keep=started, spots=spots)
    return []


def _event_person(session: Session, flash_session_id: int, person_id: int) -> Person:
    flash = session.get_one(FlashSession, flash_session_id)
    person = session.get(Person, person_id)
    if person is None or person.event_id != flash.event_id:
        raise PlanError(f"there is no person {person_id} in this event")
    return person


def mark_arrival(session: Session, flash_session_id: int, person_id: int, *, station: str = "") -> PlanResult:
    """Someone arrived late: check them in (if needed) and re-plan the rounds to come."""
    _event_person(session, flash_session_id, person_id)
    checkin.check_in(session, person_id, station=station)
    return replan_saved(session, flash_session_id)


def mark_departure(session: Session, flash_session_id: int, person_id: int, *, station: str = "") -> PlanResult:
    """Someone left: check them out (if needed) and re-plan the rounds to come without them."""
    _event_person(session, flash_session_id, person_id)
    if checkin.is_checked_in(session, person_id):
        checkin.check_out(session, person_id, station=station)
    return replan_saved(session, flash_session_id)


def add_mentor_break(session: Session, flash_session_id: int, mentor_id: int, rounds: Iterable[int]) -> PlanResult:
    """A mentor is away for some rounds to come: re-plan them, keeping every other break."""
    plan = load_plan(session, flash_session_id)
    started = started_rounds(session, flash_session_id)
    wanted = set(rounds)
    if not wanted:
        raise PlanError("choose at least one round for the break")
    if min(wanted) <= started:
        raise PlanError(f"round {min(wanted)} has already started: a break can only be in rounds to come")
    if mentor_id not in {t.mentor for r in plan.rounds[started:] for t in r.tables}:
        raise PlanError("only a mentor taking part in the rounds to come can take a break")
    breaks = _breaks(plan, started)
    breaks[mentor_id] |= wanted
    return replan_saved(session, flash_session_id, breaks=breaks)

