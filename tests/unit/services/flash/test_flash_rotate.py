"""Rotate mode: the classic movement, waiting spots and empty seats, no-go pairs, breaks, re-plans."""

from __future__ import annotations

import dataclasses
from collections import Counter

from mentordesk.models import PlanMode
from mentordesk.services.flash import Plan, make_problem, plan, replan, validate

ROTATE = PlanMode.ROTATE


def _moves_one_table_on(result: Plan, tables: int) -> bool:
    for before, after in zip(result.rounds, result.rounds[1:], strict=False):
        for table in before.tables:
            for mentee in table.mentees:
                nxt = after.table_of(mentee)
                if nxt is None or nxt.number != table.number % tables + 1:
                    return False
    return True


def test_classic_movement_everyone_meets_everyone() -> None:
    problem = make_problem(range(1, 6), range(101, 106), 5)
    result = plan(problem, ROTATE)
    assert all(len(t.mentees) == 1 for r in result.plan.rounds for t in r.tables)
    assert _moves_one_table_on(result.plan, 5)
    assert len(set(result.plan.pairs())) == 25
    assert "next table number" in result.explanation
    assert result.stats.warnings == ()


def test_seat_columns_move_together() -> None:
    result = plan(make_problem(range(1, 5), range(101, 109), 4, seats=2), ROTATE)
    assert all(len(t.mentees) == 2 for r in result.plan.rounds for t in r.tables)
    assert _moves_one_table_on(result.plan, 4)
    assert "up to 2 mentees" in result.explanation


def test_waiting_spots_are_spread_through_the_circuit() -> None:
    problem = make_problem([1, 2, 3], range(101, 108), 6)
    result = plan(problem, ROTATE)
    assert validate(result.plan, problem) == []
    waits = Counter(m for r in result.plan.rounds for m in r.waiting)
    assert max(waits.values()) - min(waits.values()) <= 1
    assert "waiting spots" in result.explanation
    for mentee in problem.mentees:  # spots sit between tables: nobody waits 3 rounds in a row
        row = "".join("w" if t is None else "t" for t in result.plan.itinerary(mentee))
        assert "www" not in row


def test_more_seats_than_mentees_leaves_empty_seats_that_move() -> None:
    problem = make_problem(range(1, 6), [101, 102, 103], 5)
    result = plan(problem, ROTATE)
    assert all(len(r.waiting) == 0 for r in result.plan.rounds)
    idle = Counter(t.mentor for r in result.plan.rounds for t in r.tables if not t.mentees)
    assert set(idle.values()) == {2}
    assert "empty seats" in result.explanation


def test_no_go_pairs_are_avoided_by_the_starting_places() -> None:
    problem = make_problem(range(1, 5), range(101, 105), 2, no_go=[(101, 1), (102, 2), (101, 2)])
    result = plan(problem, ROTATE)
    assert validate(result.plan, problem) == []
    assert result.stats.warnings == ()
    assert result.stats.meetings == 8


def test_an_unavoidable_no_go_pair_becomes_a_waiting_turn() -> None:
    problem = make_problem([1, 2], [101, 102], 2, no_go=[(101, 1), (102, 1)])
    result = plan(problem, ROTATE)
    assert validate(result.plan, problem) == []
    assert any("no-go" in w for w in result.stats.warnings)


def test_more_rounds_than_the_circuit_allows() -> None:
    result = plan(make_problem([1, 2], [101, 102], 4), ROTATE)
    assert [len(r.waiting) for r in result.plan.rounds] == [0, 0, 2, 2]
    assert any("come back to a mentor" in w for w in result.stats.warnings)


def test_a_mentor_on_break_leaves_that_table_waiting() -> None:
    problem = make_problem([1, 2, 3], [101, 102, 103], 3, breaks={2: [2]})
    result = plan(problem, ROTATE)
    assert validate(result.plan, problem) == []
    assert len(result.plan.rounds[1].waiting) == 1
    assert "break" in result.explanation


def test_replan_without_changes_continues_the_movement() -> None:
    problem = make_problem(range(1, 6), range(101, 111), 5, seats=2)
    previous = plan(problem, ROTATE).plan
    assert replan(previous, 2, problem).plan == previous


def test_replan_after_a_departure_continues_for_the_others() -> None:
    problem = make_problem(range(1, 5), range(101, 109), 4, seats=2)
    previous = plan(problem, ROTATE).plan
    now = dataclasses.replace(problem, mentees=tuple(m for m in problem.mentees if m != 101) + (120,))
    result = replan(previous, 2, now)
    assert result.plan.rounds[:2] == previous.rounds[:2]
    assert validate(result.plan, dataclasses.replace(now, held=previous.rounds[:2])) == []
    for table in previous.rounds[1].tables:
        for mentee in table.mentees:
            if mentee != 101:
                assert result.plan.rounds[2].table_of(mentee).number == table.number % 4 + 1  # type: ignore[union-attr]
    assert 120 in {m for t in result.plan.rounds[2].tables for m in t.mentees}


def test_waiting_mentees_are_told_where_to_wait() -> None:
    problem = make_problem([1, 2], [101, 102, 103, 104], 3, breaks={1: [3]})
    result = plan(problem, ROTATE)
    for round_ in result.plan.rounds:
        assert set(result.waiting_spots[round_.number]) == set(round_.waiting)
    labels = {label for spots in result.waiting_spots.values() for label in spots.values()}
    assert "waiting spot 1a" in labels and "beside table 1" in labels


def test_two_mentees_of_a_no_go_pair_do_not_travel_together() -> None:
    problem = make_problem(range(1, 4), range(101, 107), 3, seats=2, no_go=[(101, 104), (102, 105)])
    result = plan(problem, ROTATE)
    assert validate(result.plan, problem) == []
    assert result.stats.meetings == 18 and result.stats.warnings == ()
