"""Planning and live re-planning: turn a problem into a checked plan with its figures.

``plan`` runs the chosen mode for the rounds not yet held and assembles full rounds (every mentor
at their table, every mentee at a table or waiting). ``replan`` keeps the rounds that have
started exactly as they were and plans the rest for whoever takes part now. Both are pure and
deterministic: the same input gives the same plan. A plan that fails ``validate`` is never
returned (that would be a bug, reported as a ``PlanError``).
"""

from __future__ import annotations

import dataclasses
import logging
import time

from mentordesk.models import PlanMode
from mentordesk.services.flash.facts import Facts
from mentordesk.services.flash.match import meeting_bound, select_pairs
from mentordesk.services.flash.plan import Plan, PlanResult, Round, Table
from mentordesk.services.flash.problem import PlanError, Problem
from mentordesk.services.flash.rotate import rotate
from mentordesk.services.flash.round_placement import schedule
from mentordesk.services.flash.seat_options import seat_advice
from mentordesk.services.flash.stats import compute_stats
from mentordesk.services.flash.validate import validate

log = logging.getLogger(__name__)

MATCH_EXPLANATION = (
    "Mentors stay at their tables all session. Before each round, look up your table for that "
    "round on the schedule (or the screen); if you have no table in a round, wait at the waiting "
    "area, your turn comes next."
)


def plan(problem: Problem, mode: PlanMode | str = PlanMode.MATCH) -> PlanResult:
    """Plan the rounds of ``problem`` not yet held, in rotate or match mode."""
    try:
        mode = PlanMode(mode)
    except ValueError:
        raise PlanError(f"unknown mode {mode!r}: choose rotate or match") from None
    started = time.perf_counter()
    facts = Facts(problem)
    held_meetings = sum(1 for r in problem.held for _ in r.pairs())
    warnings: list[str] = []
    dropped: tuple[tuple[int, int], ...] = ()
    spots: dict[int, dict[int, str]] = {}
    if not facts.remaining:
        meetings: dict[int, tuple[tuple[int, int], ...]] = {}
        bound = held_meetings
        explanation = "Every round of this session has been held."
    elif mode is PlanMode.MATCH:
        selection = select_pairs(facts)
        placed = schedule(facts, selection.pairs)
        meetings, dropped = placed.meetings, placed.dropped
        bound = held_meetings + selection.bound
        explanation = MATCH_EXPLANATION
        lost = selection.bound - sum(len(pairs) for pairs in meetings.values())
        if lost > 0:
            warnings.append(f"{lost} meetings fewer than the bound: mentors' breaks (or mentees who must not "
                            "share a table) left chosen meetings without a round")
    else:
        rotation = rotate(facts)
        meetings = rotation.meetings
        bound = held_meetings + meeting_bound(facts)
        explanation = rotation.explanation
        warnings.extend(rotation.warnings)
        spots = rotation.waiting_spots

    if not problem.held:
        # Seats per table that leave most mentees waiting are said, with what more seats give.
        seats_warning = seat_advice(len(problem.mentors), len(problem.mentees), problem.rounds).warning(problem.seats)
        if seats_warning:
            warnings.append(seats_warning)
    rounds = problem.held + tuple(_round(facts, t, meetings[t]) for t in facts.remaining)
    result = Plan(mode=mode, seats=problem.seats, rounds=rounds)
    violations = validate(result, problem)
    if violations:
        raise PlanError(f"the planner made an invalid plan ({violations[0]}); please report this")
    stats = compute_stats(result, problem, bound=bound, dropped=dropped, warnings=tuple(warnings))
    log.info("planned %d of %d rounds (%s): %d meetings of at most %d, %d requests of %d honoured, "
             "%d dropped, %d warnings, in %.0f ms", len(facts.remaining), len(rounds), mode.value, stats.meetings,
             stats.meeting_bound, stats.requests_honoured, stats.requests_total, len(dropped), len(warnings),
             (time.perf_counter() - started) * 1000)
    return PlanResult(result, stats, explanation, spots)


def replan(previous: Plan, started: int, problem: Problem, mode: PlanMode | str | None = None) -> PlanResult:
    """Re-plan the rounds after the first ``started`` of ``previous`` for ``problem``'s people.

    ``problem`` describes who takes part now (arrivals added, departures gone), the breaks and
    the total number of rounds; its own ``held`` and ``tables`` are replaced by the previous
    plan's started rounds and tables (mentors keep their tables; a newcomer gets a free one).
    """
    if not 0 <= started <= len(previous.rounds):
        raise PlanError(f"{started} rounds cannot have started in a plan of {len(previous.rounds)} rounds")
    current = set(problem.mentors)
    # The mentor who sat at a table most recently keeps it; one who left and came back to find
    # it taken gets a free table.
    latest = {table.number: table.mentor for r in previous.rounds for table in r.tables}
    tables = {mentor: number for number, mentor in latest.items() if mentor in current}
    pinned = dataclasses.replace(problem, held=previous.rounds[:started], tables=tables)
    return plan(pinned, mode or previous.mode)


def _round(facts: Facts, t: int, pairs: tuple[tuple[int, int], ...]) -> Round:
    problem = facts.problem
    at: dict[int, list[int]] = {m: [] for m in facts.mentors}
    for mentee, mentor in pairs:
        at[mentor].append(mentee)
    seated = {mentee for mentee, _ in pairs}
    tables = sorted(
        (Table(facts.tables[m], m, tuple(sorted(at[m])), problem.on_break(m, t)) for m in facts.mentors),
        key=lambda table: table.number,
    )
    return Round(t, tuple(tables), tuple(m for m in facts.mentees if m not in seated))
