"""Improving a match plan one round at a time, for when mentor breaks made chosen pairs unplaceable.

With the other rounds fixed, the best seating of one round is a small exact b-matching: seat the
most mentees, then favour those with the fewest meetings elsewhere (evening out Σ meetings²), then
requested pairs, then shared topics, using only pairs no other round uses. Re-solving each round
in turn until none improves recovers meetings and requests lost to dropped pairs (for example a
requested mentor who is only there in one round). A round is only replaced by a strictly better
one, so the passes end.
"""

from __future__ import annotations

from collections import Counter

from mentordesk.services.flash.clash import mentee_clashes, solve_apart
from mentordesk.services.flash.facts import Facts
from mentordesk.services.flash.flow import Arcs

MAX_PASSES = 4


def improve_rounds(facts: Facts, meetings: dict[int, list[tuple[int, int]]]) -> None:
    """Re-seat rounds of ``meetings`` (round → pairs, changed in place) while that helps."""
    for _ in range(MAX_PASSES):
        changed = False
        for t in facts.remaining:
            better = _best_round(facts, meetings, t)
            if better is not None:
                meetings[t] = better
                changed = True
        if not changed:
            return


def _best_round(facts: Facts, meetings: dict[int, list[tuple[int, int]]], t: int) -> list[tuple[int, int]] | None:
    problem = facts.problem
    elsewhere = {pair for r, pairs in meetings.items() if r != t for pair in pairs}
    others = Counter(facts.held_meetings)
    for mentee, _mentor in elsewhere:
        others[mentee] += 1
    mentors = [m for m in facts.mentors if not problem.on_break(m, t)]
    edges = [(a, b) for a in facts.mentees for b in mentors
             if facts.is_allowed(a, b) and (a, b) not in elsewhere]
    if not edges:
        return None
    mentees = sorted({a for a, _ in edges})
    used_mentors = sorted({b for _, b in edges})
    overlap = max(problem.overlap(a, b) for a, b in edges)
    cycle = 2 * min(len(mentees), len(used_mentors)) + 2
    request_w = cycle * overlap + 1
    spread_w = cycle * (request_w + overlap) + 1
    most = max(others[a] for a in mentees) + 1
    seat_w = 2 * spread_w * (2 * most + 1) + cycle * (request_w + overlap) + 1

    def gain(a: int, b: int) -> int:
        return request_w * ((a, b) in problem.requests) + problem.overlap(a, b)

    def value(pairs: list[tuple[int, int]]) -> int:
        return sum(seat_w - spread_w * (2 * others[a] + 1) + gain(a, b) for a, b in pairs)

    def solve(usable: list[tuple[int, int]]) -> list[tuple[int, int]]:
        node = {p: 1 + i for i, p in enumerate(mentees)}
        node.update({p: 1 + len(mentees) + j for j, p in enumerate(used_mentors)})
        source, sink = 0, len(mentees) + len(used_mentors) + 1
        arcs = Arcs()
        arcs.add(source, sink, len(mentees), 0)
        for a in mentees:
            arcs.add(source, node[a], 1, -(seat_w - spread_w * (2 * others[a] + 1)))
        first = len(arcs.tails)
        for a, b in usable:
            arcs.add(node[a], node[b], 1, -gain(a, b))
        for b in used_mentors:
            arcs.add(node[b], sink, facts.seats, 0)
        flows = arcs.solve(source, sink, len(mentees))
        return [edge for edge, flow in zip(usable, flows[first:first + len(usable)], strict=True) if flow]

    chosen = solve_apart(solve, edges, mentee_clashes(problem), lambda p: (-others[p], -p))
    return chosen if value(chosen) > value(meetings[t]) else None
