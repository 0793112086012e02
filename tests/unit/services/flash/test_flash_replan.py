"""Live re-planning: rounds that started stay, the rest is planned for whoever is there now."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest

from mentordesk.models import PlanMode
from mentordesk.services.flash import PlanError, make_problem, plan, replan, swap_mentees, validate

MENTORS = [1, 2, 3, 4]
MENTEES = list(range(101, 111))


@pytest.fixture
def event():  # type: ignore[no-untyped-def]
    problem = make_problem(MENTORS, MENTEES, 6, 1, requests=[(101, 1), (102, 1), (103, 2)],
                           topics={1: ["AI"], 101: ["ai"]}, no_go=[(104, 3)])
    return problem, plan(problem).plan


def test_started_rounds_stay_and_no_pair_repeats(event) -> None:  # type: ignore[no-untyped-def]
    problem, previous = event
    now = dataclasses.replace(problem, mentees=(*problem.mentees[1:], 200))
    result = replan(previous, 3, now)
    assert result.plan.rounds[:3] == previous.rounds[:3]
    assert max(Counter(result.plan.pairs()).values()) == 1
    later = result.plan.rounds[3:]
    assert all(101 not in r.mentees for r in later)
    assert all(200 in r.mentees for r in later)
    assert any(200 in t.mentees for r in later for t in r.tables), "the late arrival gets a seat"


def test_a_late_arrival_catches_up_within_the_fairest_spread(event) -> None:  # type: ignore[no-untyped-def]
    problem, previous = event
    now = dataclasses.replace(problem, mentees=(*problem.mentees, 200))
    result = replan(previous, 3, now)
    assert result.plan.itinerary(200).count(None) <= 3 + 1
    assert result.stats.mentee_max - result.stats.mentee_min <= 1


def test_replanning_is_deterministic(event) -> None:  # type: ignore[no-untyped-def]
    problem, previous = event
    now = dataclasses.replace(problem, mentees=(*problem.mentees[2:], 201, 200))
    assert replan(previous, 2, now) == replan(previous, 2, now)


def test_a_mentor_break_for_chosen_rounds(event) -> None:  # type: ignore[no-untyped-def]
    problem, previous = event
    now = dataclasses.replace(problem, breaks={2: frozenset({4, 5})})
    result = replan(previous, 3, now)
    for number in (4, 5):
        table = next(t for t in result.plan.rounds[number - 1].tables if t.mentor == 2)
        assert table.on_break and table.mentees == ()
    assert result.plan.itinerary(2)[3:] == (None, None, 2)
    assert validate(result.plan, dataclasses.replace(now, held=previous.rounds[:3])) == []


def test_mentors_keep_their_tables_and_a_newcomer_takes_a_free_one(event) -> None:  # type: ignore[no-untyped-def]
    problem, previous = event
    now = dataclasses.replace(problem, mentors=(1, 3, 4, 9))  # mentor 2 left, mentor 9 arrived
    result = replan(previous, 2, now)
    tables = {t.mentor: t.number for t in result.plan.rounds[-1].tables}
    assert tables == {1: 1, 3: 3, 4: 4, 9: 2}
    assert all(2 not in r.mentors for r in result.plan.rounds[2:])
    back = replan(result.plan, 4, dataclasses.replace(problem, mentors=(1, 2, 3, 4, 9)))
    assert {t.mentor: t.number for t in back.plan.rounds[-1].tables} == {1: 1, 2: 5, 3: 3, 4: 4, 9: 2}


def test_no_changes_and_every_round_started(event) -> None:  # type: ignore[no-untyped-def]
    problem, previous = event
    assert replan(previous, 6, problem).plan == previous
    with pytest.raises(PlanError, match="cannot have started"):
        replan(previous, 7, problem)


def test_replan_keeps_the_mode_unless_told(event) -> None:  # type: ignore[no-untyped-def]
    problem, previous = event
    assert replan(previous, 1, problem).plan.mode is PlanMode.MATCH
    assert replan(previous, 1, problem, PlanMode.ROTATE).plan.mode is PlanMode.ROTATE


def test_everyone_left_is_refused(event) -> None:  # type: ignore[no-untyped-def]
    problem, previous = event
    with pytest.raises(PlanError, match="no mentees"):
        replan(previous, 2, dataclasses.replace(problem, mentees=()))


def test_a_hand_swap_is_validated(event) -> None:  # type: ignore[no-untyped-def]
    problem, previous = event
    round_ = previous.rounds[0]
    seated = round_.tables[0].mentees[0]
    waiting = round_.waiting[0]
    swapped = swap_mentees(previous, 1, seated, waiting)
    assert swapped.rounds[0].table_of(waiting).number == round_.tables[0].number  # type: ignore[union-attr]
    assert seated in swapped.rounds[0].waiting
    assert swapped.rounds[1:] == previous.rounds[1:]
    problems = validate(swapped, problem)
    assert problems == [] or all("meets mentor" in p for p in problems)
    with pytest.raises(PlanError, match="not a mentee"):
        swap_mentees(previous, 1, seated, 1)


def test_two_mentees_of_a_no_go_pair_never_share_a_table() -> None:
    problem = make_problem([1, 2], [101, 102, 103, 104], 4, seats=2, no_go=[(101, 102), (103, 104)])
    result = plan(problem)
    assert validate(result.plan, problem) == []
    assert result.stats.meetings == result.stats.meeting_bound == 8
