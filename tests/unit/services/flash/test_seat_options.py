"""Seats per table: the comparison the Plan tab shows, checked against the planner (issue 14, item 4)."""

from __future__ import annotations

import random

import pytest

from mentordesk.models import PlanMode
from mentordesk.services.flash import make_problem
from mentordesk.services.flash.facts import Facts
from mentordesk.services.flash.match import meeting_bound
from mentordesk.services.flash.planner import plan
from mentordesk.services.flash.seat_options import seat_advice, seat_option


def test_the_demo_event_is_told_that_three_seats_give_three_times_the_meetings() -> None:
    advice = seat_advice(mentors=9, mentees=31, rounds=6)
    assert [(o.seats, o.seated_per_round, o.waiting_per_round, o.meetings) for o in advice.options] == [
        (1, 9, 22, 54), (2, 18, 13, 108), (3, 27, 4, 162)]
    assert advice.proposed == 3
    assert advice.too_many_wait(1) and advice.too_many_wait(2) and not advice.too_many_wait(3)
    assert advice.warning(1) == ("With 1 seat per table, 22 of 31 mentees wait every round. "
                                 "3 seats give 162 meetings instead of 54.")
    assert advice.warning(3) == ""


@pytest.mark.parametrize(("mentors", "mentees", "rounds", "proposed"), [
    (10, 8, 6, 1),    # more mentors than mentees: one seat, nobody waits
    (10, 11, 6, 2),   # one mentee too many: two seats, nobody waits
    (10, 10, 12, 1),  # more rounds than mentors: meetings run out, not seats
    (3, 40, 4, 3),    # far too few mentors: the most seats
])
def test_the_proposal_is_the_fewest_seats_with_the_most_meetings(mentors: int, mentees: int, rounds: int,
                                                                  proposed: int) -> None:
    advice = seat_advice(mentors, mentees, rounds)
    assert advice.proposed == proposed
    most = max(o.meetings for o in advice.options)
    assert advice.option(proposed).meetings == most
    assert all(o.meetings < most for o in advice.options if o.seats < proposed)


def test_a_quarter_waiting_is_the_line() -> None:
    assert not seat_advice(3, 4, 3).too_many_wait(1)  # 1 of 4 waits: a quarter, not more
    assert seat_advice(3, 5, 3).too_many_wait(1)  # 2 of 5


def test_no_one_here_gives_no_meetings_and_no_warning() -> None:
    advice = seat_advice(0, 0, 6)
    assert all(o.meetings == 0 for o in advice.options) and advice.proposed == 1
    assert advice.warning(1) == ""


def test_the_meetings_are_what_the_planner_achieves() -> None:
    rng = random.Random(14)
    for _ in range(60):
        mentors, mentees, rounds, seats = rng.randint(1, 8), rng.randint(1, 25), rng.randint(1, 8), rng.randint(1, 3)
        problem = make_problem(range(1, mentors + 1), range(101, 101 + mentees), rounds, seats)
        expected = seat_option(mentors, mentees, rounds, seats).meetings
        assert meeting_bound(Facts(problem)) == expected, (mentors, mentees, rounds, seats)
        assert plan(problem, PlanMode.MATCH).stats.meetings == expected, (mentors, mentees, rounds, seats)


def test_the_planner_warns_when_more_than_a_quarter_wait() -> None:
    one_seat = plan(make_problem(range(1, 10), range(101, 132), 6, 1), PlanMode.ROTATE).stats
    assert "With 1 seat per table, 22 of 31 mentees wait every round." in " ".join(one_seat.warnings)
    assert "the most possible with 1 seat per table" in one_seat.describe()
    three_seats = plan(make_problem(range(1, 10), range(101, 132), 6, 3), PlanMode.ROTATE).stats
    assert not any("wait every round" in w for w in three_seats.warnings)
